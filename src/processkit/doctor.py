"""What ``processkit doctor`` checks: the programs processkit uses, and their versions; inside a
process repository, whether it installs this processkit (``.processkit/requirements.txt``) and
whether its pre-commit hooks install from the same line."""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from processkit.i18n import _

MIN_PYTHON = (3, 11)


@dataclass(frozen=True, slots=True)
class Check:
    """One tool: its version when found (None when missing), what it is for, how to get it."""

    name: str
    version: str | None
    needed_for: str
    remedy: str
    detail: str | None = None

    @property
    def ok(self) -> bool:
        return self.version is not None


Runner = Callable[[Sequence[str]], str | None]


def run_version(argv: Sequence[str]) -> str | None:
    """The output of a version command, or None when it cannot be run."""
    try:
        done = subprocess.run(list(argv), capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return (done.stdout + done.stderr).strip()


def _first_version(text: str | None) -> str | None:
    if not text:
        return None
    found = re.search(r"\d+(?:\.\d+)+", text)
    return found.group(0) if found else text.splitlines()[0]


def check_python(version_info: Sequence[int] | None = None) -> Check:
    numbers = tuple(version_info if version_info is not None else sys.version_info[:3])
    version = ".".join(str(part) for part in numbers[:3])
    good = numbers[:2] >= MIN_PYTHON
    return Check(
        "Python",
        version if good else None,
        _("running processkit"),
        _(
            "install Python {needed} or newer (found {version})",
            needed=".".join(str(part) for part in MIN_PYTHON),
            version=version,
        ),
    )


def check_processkit() -> Check:
    from processkit import __version__

    return Check(
        "processkit",
        __version__,
        _("everything"),
        _(
            "install it from where your organisation keeps it (a wheel file, its package store "
            "or its git server)"
        ),
    )


def check_graphviz(
    which: Callable[[str], str | None] = shutil.which, run: Runner = run_version
) -> Check:
    path = which("dot")
    version = _first_version(run([path, "-V"])) if path else None
    return Check(
        "Graphviz",
        version,
        _("the process maps in `publish`"),
        _(
            "install Graphviz: `sudo apt-get install graphviz` (Debian, Ubuntu), "
            "`brew install graphviz` (macOS) or https://graphviz.org/download/ (Windows)"
        ),
        path,
    )


def check_git(
    which: Callable[[str], str | None] = shutil.which, run: Runner = run_version
) -> Check:
    path = which("git")
    version = _first_version(run([path, "--version"])) if path else None
    return Check(
        "git",
        version,
        _("history, `--changed-since` and dates on the site"),
        _("install git: `sudo apt-get install git` or https://git-scm.com/downloads"),
        path,
    )


def check_pagefind(
    which: Callable[[str], str | None] = shutil.which, run: Runner = run_version
) -> Check:
    """Pagefind, from the ``pagefind-bin`` package (or a ``pagefind`` program on the PATH)."""
    binary = pagefind_binary(which)
    version = _first_version(run([binary, "--version"])) if binary else None
    return Check(
        "Pagefind",
        version,
        _("search on the published site"),
        "pip install pagefind-bin",
        binary,
    )


def pagefind_binary(which: Callable[[str], str | None] = shutil.which) -> str | None:
    """The Pagefind program: the one ``pagefind_bin`` ships, else one on the PATH."""
    try:
        found: Any = importlib.import_module("pagefind_bin").get_executable()
        return str(found)
    except Exception:  # not installed, or installed without its binary
        return which("pagefind")


def run_checks() -> list[Check]:
    return [check_python(), check_processkit(), check_graphviz(), check_git(), check_pagefind()]


@dataclass(frozen=True, slots=True)
class RepositoryCheck:
    """One file of a process repository that says where processkit is installed from, or how
    CI publishes: ``status`` is ok, missing, differs or unreadable; ``remedy`` says what to do
    when not ok."""

    path: str
    status: str
    text: str
    remedy: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def check_repository(root: Path, version: str) -> list[RepositoryCheck]:
    """Whether the repository's requirements file asks for the running processkit, and whether
    the pre-commit hooks install from the same line."""
    from processkit.install_source import (
        PRE_COMMIT_CONFIG,
        REQUIREMENTS_FILE,
        default_requirement,
        pinned_version,
        read_pre_commit,
        read_requirement,
        same_version,
    )

    this = default_requirement(version)
    requirement = read_requirement(root)
    checks: list[RepositoryCheck] = []
    if requirement.line is None:
        if requirement.missing:
            checks.append(
                RepositoryCheck(
                    REQUIREMENTS_FILE,
                    "missing",
                    _("says where CI and pre-commit install processkit from"),
                    _(
                        "create it with one line: {line} (or where your organisation keeps "
                        "processkit)",
                        line=this,
                    ),
                )
            )
        else:
            checks.append(
                RepositoryCheck(
                    REQUIREMENTS_FILE,
                    "unreadable",
                    f"{requirement.problem}",
                    _(
                        "write one line in it that says where processkit comes from, such as "
                        "{line}",
                        line=this,
                    ),
                )
            )
        return checks
    line = requirement.line
    asked = pinned_version(line)
    if asked is None:
        checks.append(
            RepositoryCheck(
                REQUIREMENTS_FILE,
                "ok",
                _("{line} (names no one version to compare)", line=line),
            )
        )
    elif same_version(asked, version):
        checks.append(RepositoryCheck(REQUIREMENTS_FILE, "ok", line))
    else:
        checks.append(
            RepositoryCheck(
                REQUIREMENTS_FILE,
                "differs",
                (
                    _(
                        "asks for {line}, and this is processkit {version}",
                        line=line,
                        version=version,
                    )
                    if line == default_requirement(asked)
                    else _(
                        "asks for {line} (version {asked}), and this is processkit {version}",
                        line=line,
                        asked=asked,
                        version=version,
                    )
                ),
                _(
                    "install that version: pip install -r {file} (or, to keep this one, write "
                    "{line} in the file)",
                    file=REQUIREMENTS_FILE,
                    line=this,
                ),
            )
        )
    hooks = read_pre_commit(root)
    if hooks.problem is not None:
        checks.append(
            RepositoryCheck(
                PRE_COMMIT_CONFIG,
                "unreadable",
                hooks.problem,
                _("correct it: pre-commit cannot read it either"),
            )
        )
    elif hooks.remote is not None:
        checks.append(
            RepositoryCheck(
                PRE_COMMIT_CONFIG,
                "differs",
                _(
                    "the hooks install processkit from {remote}, not from {file}",
                    remote=hooks.remote,
                    file=REQUIREMENTS_FILE,
                ),
                _(
                    'make them `repo: local` hooks with additional_dependencies: ["{line}"], as '
                    "processkit init writes them",
                    line=line,
                ),
            )
        )
    elif hooks.found:
        differing = [i for i in hooks.installs.values() if line not in (i or [])]
        if not differing:
            checks.append(
                RepositoryCheck(
                    PRE_COMMIT_CONFIG,
                    "ok",
                    _("{line}, as {file}", line=line, file=REQUIREMENTS_FILE),
                )
            )
        else:
            shown = sorted({item for installs in differing for item in installs or []})
            checks.append(
                RepositoryCheck(
                    PRE_COMMIT_CONFIG,
                    "differs",
                    (
                        _(
                            "installs {installs}, and {file} says {line}",
                            installs=", ".join(shown),
                            file=REQUIREMENTS_FILE,
                            line=line,
                        )
                        if shown
                        else _(
                            "installs nothing, and {file} says {line}",
                            file=REQUIREMENTS_FILE,
                            line=line,
                        )
                    ),
                    _('write the same line after additional_dependencies: ["{line}"]', line=line),
                )
            )
    return checks


#: A line of a CI script that runs a publish (options may stand between: ``--lang sv``), its
#: continued lines joined (``_CONTINUED``).
_PUBLISHES = re.compile(r"\bprocesskit\b[^\n#]*?\spublish(?![\w.-])")
#: The end of a shell line that goes on on the next (a backslash before the line break), with
#: the next line's indentation.
_CONTINUED = re.compile(r"\\\r?\n[ \t]*")
#: A comment line, in YAML or in a shell script.
_COMMENT = re.compile(r"^[ \t]*#.*$", re.MULTILINE)
#: A step's action that restores a cache (``actions/cache``, ``actions/cache/restore``, or
#: another made for a cache), not one that only saves it (``actions/cache/save``).
_RESTORES = re.compile(r"cache(?!/save@)", re.IGNORECASE)
#: How deep GitLab follows ``extends`` (its own limit), and how many values of a file are
#: looked through at most (a file of YAML aliases can name one list a million times).
_EXTENDS_DEPTH = 11
_BUDGET = 100_000


class _Unknown(Exception):
    """What a CI file keeps cannot be told from the file alone (``include:``, an ``extends``
    of a job in another file, a ``!reference``, or more than ``_BUDGET`` values)."""


class _Reference:
    """A value written with a tag of the CI service's own (GitLab's ``!reference``)."""


def _ci_loader() -> type:
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        """YAML as a CI service reads it: a tag of its own (``!reference``) is a value."""

    Loader.add_multi_constructor("!", lambda loader, suffix, node: _Reference())
    return Loader


def check_ci(root: Path) -> list[RepositoryCheck]:
    """Whether each CI file that publishes the site restores the cache folder before the
    publish, which it must to keep it from one run to the next (as the files ``init`` writes
    do), so that a publish builds only what changed. Read as the CI service reads it: in a
    GitHub workflow, a step of a cache action (not one that only saves) with the folder in
    its ``path``, before the step that publishes, in the same job; in a GitLab file, the
    job's cache (its own, from the jobs it ``extends``, or the ``default``), with the folder
    in its ``paths``, and a ``policy`` that restores it. A file that includes others, or
    whose job extends one it does not hold, is not judged."""
    from processkit.cache import CACHE_FOLDER
    from processkit.install_source import GITHUB_WORKFLOW, GITLAB_CI

    workflows = (root / GITHUB_WORKFLOW).parent  # where GitHub looks for every workflow
    found = sorted(workflows.glob("*.y*ml")) if workflows.is_dir() else []
    found += [root / GITLAB_CI] if (root / GITLAB_CI).is_file() else []
    checks = []
    for path in found:
        relative = path.relative_to(root).as_posix()
        check = _check_ci_file(path, relative, gitlab=relative == GITLAB_CI, folder=CACHE_FOLDER)
        if check is not None:
            checks.append(check)
    return checks


def _check_ci_file(
    path: Path, relative: str, *, gitlab: bool, folder: str
) -> RepositoryCheck | None:
    """The check of one CI file, or None where it does not publish the site or what it keeps
    cannot be told from it."""
    import yaml

    from processkit.errors import reason
    from processkit.install_source import MAX_BYTES

    try:
        if path.stat().st_size > MAX_BYTES:
            return None  # not a CI file of processkit's kind
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as problem:
        return RepositoryCheck(
            relative,
            "unreadable",
            _("the file cannot be read ({problem})", problem=reason(problem)),
            _("check that the file may be read"),
        )
    if "publish" not in text or not re.search(r"\bprocesskit\b", text):
        return None
    try:
        document = yaml.load(text, Loader=_ci_loader())
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        return RepositoryCheck(
            relative,
            "unreadable",
            (
                _("the file is not valid YAML (line {line})", line=mark.line + 1)
                if mark is not None
                else _("the file is not valid YAML")
            ),
            _(
                "correct it: {service} cannot read it either",
                service="GitLab" if gitlab else "GitHub",
            ),
        )
    if not isinstance(document, dict):
        return None
    try:
        kept = _gitlab_kept(document, folder) if gitlab else _github_kept(document, folder)
    except _Unknown:
        return None
    if kept is None:
        return None
    if kept:
        return RepositoryCheck(
            relative,
            "ok",
            _(
                "the publish keeps {folder} from one run to the next, and builds only what changed",
                folder=folder,
            ),
        )
    return RepositoryCheck(
        relative,
        "missing",
        _(
            "the publish does not keep {folder} from one run to the next, so it builds the "
            "whole site every time",
            folder=folder,
        ),
        (
            _(
                "give the job the cache that processkit init writes (cache: paths: [{folder}/])",
                folder=folder,
            )
            if gitlab
            else _(
                "add the actions/cache step that processkit init writes before the publish "
                "(path: {folder})",
                folder=folder,
            )
        ),
    )


def _runs_publish(script: str) -> bool:
    """Whether a shell script runs ``processkit … publish`` (not in a comment)."""
    return _PUBLISHES.search(_CONTINUED.sub(" ", _COMMENT.sub("", script))) is not None


def _names_folder(paths: list[str], folder: str) -> bool:
    """Whether one of ``paths`` (as a cache setting lists them) is the folder or in it."""
    for written in paths:
        place = written.strip().removeprefix("./").rstrip("/")
        if place == folder or place.startswith(folder + "/"):
            return True
    return False


def _github_kept(document: dict[Any, Any], folder: str) -> bool | None:
    """Whether every job of a workflow that publishes restores the folder before it (None: no
    job publishes)."""
    jobs = document.get("jobs")
    verdicts = []
    for job in jobs.values() if isinstance(jobs, dict) else ():
        steps = job.get("steps") if isinstance(job, dict) else None
        restored = False
        for step in steps if isinstance(steps, list) else ():
            if not isinstance(step, dict):
                continue
            uses, given, run = step.get("uses"), step.get("with"), step.get("run")
            if isinstance(uses, str) and _RESTORES.search(uses) and isinstance(given, dict):
                written = given.get("path")
                if isinstance(written, str) and _names_folder(written.splitlines(), folder):
                    restored = True
            if isinstance(run, str) and _runs_publish(run):
                verdicts.append(restored)
                break
    return all(verdicts) if verdicts else None


#: The top-level keys of a GitLab file that are not jobs.
_GITLAB_KEYWORDS = frozenset(
    {"default", "include", "stages", "variables", "workflow", "cache", "image", "services"}
    | {"before_script", "after_script", "types", "spec"}
)


def _gitlab_kept(document: dict[Any, Any], folder: str) -> bool | None:
    """Whether every job of a GitLab file that publishes restores the folder (None: no job
    publishes)."""
    if "include" in document:
        raise _Unknown
    budget = [_BUDGET]
    verdicts = []
    for name, job in document.items():
        if not isinstance(name, str) or name.startswith(".") or name in _GITLAB_KEYWORDS:
            continue
        if not isinstance(job, dict):
            continue
        scripts = _strings([job.get("before_script"), job.get("script")], budget)
        if not any(_runs_publish(script) for script in scripts):
            continue
        verdicts.append(_restores(_job_cache(document, job), folder, budget))
    return all(verdicts) if verdicts else None


def _strings(value: object, budget: list[int]) -> list[str]:
    """The strings in ``value`` and the lists in it (a script's lines), within ``budget``."""
    found: list[str] = []
    waiting = [value]
    while waiting:
        budget[0] -= 1
        if budget[0] < 0:
            raise _Unknown
        item = waiting.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, list):
            waiting.extend(reversed(item))
    return found


#: A job that sets no cache of its own, nor takes one from another.
_UNSET = object()


def _job_cache(document: dict[Any, Any], job: dict[Any, Any]) -> object:
    """The cache setting of ``job``: its own, else the last of the jobs it ``extends`` that
    has one (theirs first), else the ``default`` one (or the file's, written at the top), as
    the job inherits it; None for no cache."""
    found = _own_cache(document, job, depth=0)
    if found is not _UNSET:
        return found
    inherit = job.get("inherit")
    inherited = inherit.get("default", True) if isinstance(inherit, dict) else True
    if inherited is False or (isinstance(inherited, list) and "cache" not in inherited):
        return None
    default = document.get("default")
    if isinstance(default, dict) and "cache" in default:
        return default["cache"]
    return document.get("cache")


def _own_cache(document: dict[Any, Any], job: dict[Any, Any], *, depth: int) -> object:
    if "cache" in job:
        return job["cache"]
    extends = job.get("extends")
    parents = [extends] if isinstance(extends, str) else extends
    if parents is None:
        return _UNSET
    if not isinstance(parents, list) or depth >= _EXTENDS_DEPTH:
        raise _Unknown
    for parent in reversed(parents):  # the last one named wins
        other = document.get(parent) if isinstance(parent, str) else None
        if not isinstance(other, dict):
            raise _Unknown  # a job of another file, or none
        found = _own_cache(document, other, depth=depth + 1)
        if found is not _UNSET:
            return found
    return _UNSET


def _restores(cache: object, folder: str, budget: list[int]) -> bool:
    """Whether the cache setting ``cache`` (one, or a list) restores the folder before the
    job runs: it lists the folder in its ``paths``, and its ``policy`` is not ``push``."""
    if isinstance(cache, _Reference):
        raise _Unknown
    settings = cache if isinstance(cache, list) else [cache]
    for setting in settings:
        if isinstance(setting, _Reference):
            raise _Unknown
        if not isinstance(setting, dict) or setting.get("policy") == "push":
            continue
        paths = setting.get("paths")
        if isinstance(paths, _Reference):
            raise _Unknown
        if _names_folder(_strings(paths, budget), folder):
            return True
    return False
