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
from pathlib import Path
from typing import Any

from processkit.frozen import frozen
from processkit.i18n import _

MIN_PYTHON = (3, 11)


@frozen
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


@frozen
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


#: The end of a shell line that goes on on the next (a backslash before the line break), with
#: the next line's indentation.
_CONTINUED = re.compile(r"\\\r?\n[ \t]*")
#: What a line of a CI script that runs a publish holds: the program, and after it in the
#: same command (options may stand between: ``--lang sv``) the command ``publish``. A
#: command ends at ``;``, ``&`` or ``|`` outside quotes (not the ``&`` of a redirection), or
#: where a comment begins (a ``#`` that starts a word outside quotes): see ``_commands``.
_PROCESSKIT = re.compile(r"\bprocesskit\b")
_PUBLISH = re.compile(r"\spublish(?![\w./-])")
#: A shell line's parts, as the shell reads them: a quoted text (to its end, or the line's),
#: an escaped character, a command substitution's start (``$(``), the end of a command, a
#: bracket or a redirection, a ``#``, or a run of anything else.
_SHELL_PART = re.compile(
    r"""'[^']*'?|"(?:[^"\\]|\\.)*"?|\\.?|\$\(|[;&|()<>]|#|[^'"\\;&|#()<>$]+|\$"""
)
#: What ends a word, so that a ``#`` after it begins a comment (a ``)`` only where it closes
#: a subshell: after a command substitution's the word goes on).
_WORD_ENDS = ";&|(<>"
#: A publish given a cache folder of its own (``--cache-dir``): which folder the job keeps
#: is not told here.
_OWN_CACHE = re.compile(r"\s--cache-dir\b")
#: The steps' actions that restore a cache before the job goes on (not
#: ``actions/cache/save``, which only saves one).
_GITHUB_CACHE = re.compile(r"actions/cache(?:/restore)?@", re.IGNORECASE)
#: Another action that may restore a cache (not one that only saves it).
_OTHER_CACHE = re.compile(r"cache(?!/save@)", re.IGNORECASE)
#: A cache key that is new in every run (the commit, the run): nothing is ever restored by
#: it alone, without the keys to fall back on (``restore-keys``, ``fallback_keys``).
_GITHUB_NEW_KEY = re.compile(r"\bsha\b|\brun_(?:id|number|attempt)\b|\.after\b")
#: The parts of a GitHub cache key that stay from run to run (``${{ … }}``): the runner, the
#: hash of files, the repository, the branch or pull request, the workflow, the job; and a
#: value of the job's matrix (``_MATRIX_VALUE``) where the file writes it.
_GITHUB_STABLE = re.compile(
    r"\s*(?:runner\.\w+|hashFiles\([^()]*\)|github\.(?:repository"
    r"|repository_owner|ref|ref_name|head_ref|base_ref|event_name|workflow|job))\s*"
)
#: The variables GitLab gives every job whose value is new in every pipeline (the commit, the
#: pipeline, the job, their times).
_GITLAB_NEW = frozenset(
    {"CI_COMMIT_SHA", "CI_COMMIT_SHORT_SHA", "CI_COMMIT_TIMESTAMP"}
    | {"CI_PIPELINE_ID", "CI_PIPELINE_IID", "CI_PIPELINE_CREATED_AT"}
    | {"CI_JOB_ID", "CI_JOB_STARTED_AT"}
)
#: The variables GitLab gives every job whose value stays from pipeline to pipeline of one
#: branch, merge request and job, and holds no ``/`` (a key with one is refused by the
#: runner: a branch's or job's name may hold one, their ``_SLUG`` never does). A cache key
#: made of them restores what the last pipeline kept. A variable of the project's own may be
#: set anew anywhere, so is not among them.
_GITLAB_STABLE = frozenset(
    {"CI_COMMIT_REF_SLUG", "CI_JOB_NAME_SLUG", "CI_NODE_INDEX", "CI_NODE_TOTAL"}
    | {"CI_PROJECT_ID", "CI_PROJECT_NAME", "CI_PROJECT_PATH_SLUG", "CI_PROJECT_ROOT_NAMESPACE"}
    | {"CI_MERGE_REQUEST_IID"}
)
#: A variable in a GitLab value (``$NAME`` or ``${NAME}``; ``$$`` is a ``$`` of its own).
_GITLAB_VARIABLE = re.compile(r"\$(?:\{(\w+)\}|(\w+))")
#: Where a GitHub value holds a part worked out as the job runs (``${{ … }}``).
_EXPRESSION = re.compile(r"\$\{\{")
#: A value of the job's matrix in a GitHub expression (``matrix.os``), and its name.
_MATRIX_VALUE = re.compile(r"\s*matrix\.([\w-]+)\s*")
#: The steps that make the workspace anew (what a cache restored before is then gone).
_CHECKOUT = re.compile(r"actions/checkout@", re.IGNORECASE)
#: The folder of the workspace, as a GitHub path may begin with it.
_WORKSPACE = re.compile(r"^\$\{\{\s*github\.workspace\s*\}\}/")
#: The top-level keys of a GitLab file that are not jobs.
_GITLAB_KEYWORDS = frozenset(
    {"default", "include", "stages", "variables", "workflow", "cache", "image", "services"}
    | {"before_script", "after_script", "types", "spec"}
)
#: How deep GitLab follows ``extends`` and ``!reference`` (its own limits), how deep a job's
#: settings are merged, and how much of a file is looked through at most, in values and
#: characters: YAML's aliases can name one list or one long line a million times, and
#: ``extends`` can copy one job into every other.
_EXTENDS_DEPTH = 11
_MERGE_DEPTH = 50
_BUDGET = 2_000_000


class _Unknown(Exception):
    """What a CI file keeps cannot be told from the file alone: it includes others, a job
    extends one of another file, a value is a ``!reference`` or names a variable, an action
    of its own may restore the folder, or telling would cost more than ``_BUDGET``."""


class _Reference:
    """A value written with a tag of the CI service's own (GitLab's ``!reference``), with
    what it names where it names a place (``[.job, script]``)."""

    def __init__(self, place: list[Any] | None = None) -> None:
        self.place = place


class _Budget:
    """How much more of a CI file may be looked through (``_BUDGET``), spent on each value
    and character looked at; the answers for a script are kept by its text's identity, which
    YAML's aliases share."""

    def __init__(self, document: dict[Any, Any] | None = None) -> None:
        self.left = _BUDGET
        self.document = document  # where a ``!reference`` is looked up
        self.publishing: dict[int, bool] = {}  # by the id of a script's text
        #: whether ``strings`` passed over a ``!reference`` it could not look up
        self.unresolved = False

    def spend(self, amount: int) -> None:
        self.left -= amount
        if self.left < 0:
            raise _Unknown

    def runs_publish(self, script: str) -> bool:
        """Whether a shell script runs ``processkit … publish``."""
        found = self.publishing.get(id(script))
        if found is None:
            self.spend(len(script))
            found = self.publishing[id(script)] = _runs_publish(script)
        return found

    def strings(self, value: object, *, strict: bool = True) -> list[str]:
        """The strings in ``value`` and in the lists in it (a script's lines, a cache's
        paths), a ``!reference`` looked up where it names a place in the file (else the
        file cannot be judged, or without ``strict`` it is passed over and noted in
        ``unresolved``), each list once in this value however many aliases name it."""
        found: list[str] = []
        seen: set[int] = set()
        waiting = [(value, 0)]
        while waiting:
            self.spend(1)
            item, depth = waiting.pop()
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, list) and id(item) not in seen:
                seen.add(id(item))
                waiting.extend((each, depth) for each in reversed(item))
            elif isinstance(item, _Reference):
                if depth >= _EXTENDS_DEPTH:
                    raise _Unknown
                try:
                    waiting.append((self.referred(item), depth + 1))
                except _Unknown:
                    if strict:
                        raise
                    self.unresolved = True
        return found

    def referred(self, reference: _Reference) -> object:
        """What a ``!reference [.job, key, …]`` names in the file."""
        place, value = reference.place, self.document
        if not place or not all(isinstance(step, str) for step in place):
            raise _Unknown
        for step in place:
            self.spend(1)
            if not isinstance(value, dict) or step not in value:
                raise _Unknown
            value = value[step]
        return value


def _ci_loader() -> type:
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        """YAML as a CI service reads it: a tag of its own (``!reference``) is a value."""

    def tagged(loader: Any, suffix: str, node: Any) -> _Reference:
        if suffix == "reference" and isinstance(node, yaml.SequenceNode):
            return _Reference(loader.construct_sequence(node, deep=True))
        return _Reference()

    Loader.add_multi_constructor("!", tagged)
    return Loader


def check_ci(root: Path) -> list[RepositoryCheck]:
    """Whether each CI file that publishes the site restores the cache folder before the
    publish, which it must to keep it from one run to the next (as the files ``init`` writes
    do), so that a publish builds only what changed. Read as the CI service reads it: in a
    GitHub workflow, a step of ``actions/cache`` (or ``actions/cache/restore``) with the
    folder in its ``path``, before the step that publishes, in the same job; in a GitLab
    file, the publishing job's cache (its own, from the jobs it ``extends``, merged as GitLab
    merges them, or the ``default`` one, as the job inherits it), with the folder in its
    ``paths`` and a ``policy`` that restores it. Either way a cache whose key is new in every
    run, with no key to fall back on, restores nothing. A file that includes others, or whose
    job extends one it does not hold, or whose folder is named through a variable, is not
    judged."""
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
    from processkit.fsutil import read_at_most
    from processkit.install_source import MAX_BYTES, not_yaml

    try:
        data = read_at_most(path, MAX_BYTES)
    except OSError as problem:
        return RepositoryCheck(
            relative,
            "unreadable",
            _("the file cannot be read ({problem})", problem=reason(problem)),
            _("check that the file may be read"),
        )
    if len(data) > MAX_BYTES:
        return None  # not a CI file of processkit's kind
    text = data.decode("utf-8-sig", errors="replace")
    if "publish" not in text or not _PROCESSKIT.search(text):
        return None
    try:
        documents = list(yaml.load_all(text, Loader=_ci_loader()))
    except yaml.YAMLError as problem:
        return RepositoryCheck(
            relative,
            "unreadable",
            not_yaml(problem),
            _(
                "correct it: {service} cannot read it either",
                service="GitLab" if gitlab else "GitHub",
            ),
        )
    except Exception:  # a value YAML reads but cannot make (a 30th of February): not judged
        return None
    # a GitLab file may begin with a header of its own (``spec:``), then ``---``
    if gitlab and len(documents) == 2 and _only_spec(documents[0]):
        documents = documents[1:]
    if len(documents) != 1 or not isinstance(documents[0], dict):
        return None
    budget = _Budget(documents[0])
    try:
        kept = (
            _gitlab_kept(documents[0], folder, budget)
            if gitlab
            else _github_kept(documents[0], folder, budget)
        )
    except (_Unknown, RecursionError):  # a file too deep to tell is not judged
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


def _only_spec(document: object) -> bool:
    return isinstance(document, dict) and list(document) == ["spec"]


def _runs_publish(script: str) -> bool:
    """Whether a shell script runs ``processkit … publish``: on one line (its continued lines
    joined), before any comment, in one command, the program and then ``publish``. A publish
    given a cache folder of its own cannot be judged. Each line is looked through once."""
    for line in _CONTINUED.sub(" ", script).splitlines():
        for command in _commands(line):
            found = _PROCESSKIT.search(command)
            if found is not None and _PUBLISH.search(command, found.end()):
                if _OWN_CACHE.search(command, found.end()):
                    raise _Unknown
                return True
    return False


def _commands(line: str) -> list[str]:
    """The commands of a shell line, as the shell splits them: at each ``;``, ``&`` and ``|``
    outside quotes, up to a comment (a ``#`` that begins a word outside quotes: at the
    line's start, or after a space, a ``;``, ``&``, ``|``, ``(``, ``<``, ``>``, or a ``)``
    that closes a subshell, not a command substitution)."""
    commands = []
    begun = 0
    opened: list[bool] = []  # each bracket open: whether it began a command substitution
    subshell_ended = -1  # where the last ``)`` that closed a subshell is
    for part in _SHELL_PART.finditer(line):
        text, at = part[0], part.start()
        if text in ("(", "$("):
            opened.append(text == "$(")
        elif text == ")" and not (opened.pop() if opened else False):
            subshell_ended = at
        if text == "&" and (line[at - 1 : at] in ("<", ">") or line[at + 1 : at + 2] == ">"):
            continue  # a redirection (``2>&1``, ``&>``), not the end of a command
        if text in (";", "&", "|"):
            commands.append(line[begun:at])
            begun = part.end()
        elif text == "#" and (
            at == 0
            or line[at - 1].isspace()
            or line[at - 1] in _WORD_ENDS
            or subshell_ended == at - 1
        ):
            commands.append(line[begun:at])
            return commands
    commands.append(line[begun:])
    return commands


def _names_folder(paths: list[str], folder: str, *, windows: bool | None) -> bool:
    """Whether ``paths`` (as a cache setting lists them) hold the folder, or all of it
    (``folder/**``), and do not leave it out again (``!folder``); a path through a variable
    or expression cannot be told. ``windows``: whether the job runs on Windows, where a
    backslash parts folders too and names are the same in capitals and small letters (on a
    Mac's runner, whose disk is mostly so too, they are compared as written); None: which
    system it runs on cannot be told, nor then what a path with a backslash names."""
    named = told = False
    wanted = folder.casefold() if windows else folder
    for written in paths:
        place = written.strip()
        left_out = place.startswith("!")
        if "\\" in place:  # (elsewhere a backslash is part of a name, or a glob's escape)
            if windows is None:
                if left_out:
                    raise _Unknown  # what it leaves out cannot be told
                told = True  # what it adds cannot be told: another path may name the folder
                continue
            if windows:
                place = place.replace("\\", "/")
        place = _WORKSPACE.sub("", place.removeprefix("!").strip())
        place = place.removeprefix("./").rstrip("/*")
        if "$" in place and left_out:
            raise _Unknown  # what it leaves out cannot be told
        if (place.casefold() if windows else place) == wanted:
            if left_out:
                return False
            named = True
        told = told or "$" in place
    if told and not named:
        raise _Unknown
    return named


def _github_kept(document: dict[Any, Any], folder: str, budget: _Budget) -> bool | None:
    """Whether every job of a workflow that publishes restores the folder before it (None: no
    job publishes)."""
    jobs = document.get("jobs")
    # by the ids of a job's steps, strategy and runner (aliases name one)
    verdicts: dict[tuple[int, int, int], bool | None] = {}
    for job in jobs.values() if isinstance(jobs, dict) else ():
        budget.spend(1)
        steps = job.get("steps") if isinstance(job, dict) else None
        strategy = job.get("strategy") if isinstance(job, dict) else None
        runs_on = job.get("runs-on") if isinstance(job, dict) else None
        seen = (id(steps), id(strategy), id(runs_on))
        if isinstance(steps, list) and seen not in verdicts:
            on = _Runner(strategy, _on_windows(runs_on, budget))
            verdicts[seen] = _github_steps(steps, folder, budget, on)
    told = [verdict for verdict in verdicts.values() if verdict is not None]
    return all(told) if told else None


def _github_steps(steps: list[Any], folder: str, budget: _Budget, on: _Runner) -> bool | None:
    """Whether the steps (of a job run ``on``) restore the folder before the first that
    publishes, after the last that checks the repository out (None: none publishes)."""
    restored = maybe = False
    for step in steps:
        budget.spend(1)
        if not isinstance(step, dict):
            continue
        uses, given, run = step.get("uses"), step.get("with"), step.get("run")
        if isinstance(uses, str):
            budget.spend(len(uses))
            if _CHECKOUT.search(uses):
                restored = maybe = False  # a workspace made anew: nothing restored is left
            elif _GITHUB_CACHE.match(uses.strip()):
                if isinstance(given, dict) and _github_restores(given, folder, budget, on):
                    if "if" in step:
                        maybe = True  # restored only when a condition holds
                    else:
                        restored = True
            elif uses.startswith("./") or (
                _OTHER_CACHE.search(uses) and _names(given, folder, budget)
            ):
                maybe = True  # an action of the repository's own, or another cache's
        if isinstance(run, str) and budget.runs_publish(run):
            if not restored and maybe:
                raise _Unknown
            return restored
    return None


def _names(given: object, folder: str, budget: _Budget) -> bool:
    """Whether a step's settings (``with``) name the folder in one of their values."""
    if not isinstance(given, dict):
        return False
    for value in given.values():
        text = value if isinstance(value, str) else ""
        budget.spend(len(text) + 1)
        if folder in text:
            return True
    return False


def _true(value: object) -> bool:
    """Whether an action's setting is true, as actions read one (``true``, ``True``…); one
    worked out as the job runs, or of another kind, cannot be told."""
    if isinstance(value, bool):
        return value
    if not isinstance(value, str) or _EXPRESSION.search(value):
        raise _Unknown
    return value.strip().lower() == "true"


def _github_restores(given: dict[Any, Any], folder: str, budget: _Budget, on: _Runner) -> bool:
    """Whether an ``actions/cache`` step given ``given``, in a job run ``on``, restores the
    folder."""
    path, key = given.get("path"), given.get("key")
    if not isinstance(path, str) or _true(given.get("lookup-only", False)):
        return False
    budget.spend(len(path) + (len(key) if isinstance(key, str) else 1))
    if not _names_folder(path.splitlines(), folder, windows=on.windows):
        return False
    if given.get("restore-keys"):
        return True
    if not isinstance(key, str):
        return False
    pieces = key.split("${{")[1:]  # each expression, to its end: read once, not searched
    if any("}}" not in piece for piece in pieces):
        raise _Unknown
    parts = [piece.partition("}}")[0] for piece in pieces]
    if any(_GITHUB_NEW_KEY.search(part) for part in parts):
        return False  # new in every run, with nothing to fall back on
    for part in parts:
        named = _MATRIX_VALUE.fullmatch(part)
        if named is not None:
            if not _matrix_written(on.strategy, named[1], budget):
                raise _Unknown  # a value of the matrix another job works out as the run goes
        elif not _GITHUB_STABLE.fullmatch(part):
            raise _Unknown  # worked out from what the job is given: new in every run, or not
    return True


@frozen
class _Runner:
    """What a GitHub job runs with: its ``strategy`` (the matrix) and whether its runner is
    Windows (``_on_windows``)."""

    strategy: object
    windows: bool | None


def _on_windows(runs_on: object, budget: _Budget) -> bool | None:
    """Whether a job's ``runs-on`` names a Windows runner (``windows-latest``, or a label
    of a runner of one's own), another system's (``ubuntu-…``, ``macos-…``, ``linux``), or
    None: none of these, or one worked out as the workflow runs."""
    labels = runs_on.get("labels") if isinstance(runs_on, dict) else runs_on
    words = []
    for label in labels if isinstance(labels, list) else [labels]:
        if not isinstance(label, str):
            return None
        budget.spend(len(label) + 1)  # (aliases may name one long label many times)
        words.append(label.strip().lower())
    if any(_EXPRESSION.search(word) for word in words):
        return None
    if any(word.startswith("windows") for word in words):
        return True
    if any(word.startswith(_OTHER_SYSTEMS) or word == "linux" for word in words):
        return False
    return None


#: How the runners GitHub hosts for other systems than Windows are named (``runs-on``).
_OTHER_SYSTEMS = ("ubuntu", "macos")


def _matrix_written(strategy: object, name: str, budget: _Budget) -> bool:
    """Whether every value the job's matrix (``strategy``) gives ``name`` is written in the
    file, and so the same in every run: not worked out by an expression as the workflow runs
    (another job's output, as ``fromJSON`` reads it). A job without a matrix gives none."""
    if strategy is None:
        return True
    matrix = strategy.get("matrix") if isinstance(strategy, dict) else strategy
    if matrix is None:
        return True
    if not isinstance(matrix, dict):
        return False  # the whole matrix, or the strategy, from an expression
    include = matrix.get("include", [])
    if not isinstance(include, list):
        return False
    budget.spend(len(include))
    if not all(isinstance(row, dict) for row in include):
        return False
    for value in [matrix.get(name), *(row.get(name) for row in include)]:
        items = value if isinstance(value, list) else [value]
        budget.spend(len(items) + 1)
        for item in items:
            if isinstance(item, dict | list):
                return False  # a value made of others: what the key holds cannot be told
            if isinstance(item, str) and _EXPRESSION.search(item):
                return False
    return True


def _gitlab_kept(document: dict[Any, Any], folder: str, budget: _Budget) -> bool | None:
    """Whether every job of a GitLab file that publishes restores the folder (None: no job
    publishes)."""
    if "include" in document:
        raise _Unknown
    jobs = _GitLabJobs(document, budget)
    default = document.get("default")
    default = default if isinstance(default, dict) else {}
    verdicts = []
    for name, written in document.items():
        if not isinstance(name, str) or name.startswith(".") or name in _GITLAB_KEYWORDS:
            continue
        if not isinstance(written, dict):
            continue
        job = jobs.resolved(name)
        before = job.get("before_script")
        if "before_script" not in job and _inherits(job, "before_script"):
            before = default.get("before_script", document.get("before_script"))
        budget.unresolved = False
        scripts = budget.strings([before, job.get("script")], strict=False)
        if not any(budget.runs_publish(script) for script in scripts):
            if budget.unresolved:  # lines of another file, which may publish
                raise _Unknown
            continue
        if "cache" in job:
            cache = job["cache"]
        elif not _inherits(job, "cache"):
            cache = None
        else:
            cache = default["cache"] if "cache" in default else document.get("cache")
        verdicts.append(_gitlab_restores(cache, folder, budget))
    return all(verdicts) if verdicts else None


def _inherits(job: dict[Any, Any], keyword: str) -> bool:
    """Whether ``job`` takes ``keyword`` from ``default:`` (``inherit: default:``)."""
    inherit = job.get("inherit")
    taken = inherit.get("default", True) if isinstance(inherit, dict) else True
    if isinstance(taken, _Reference):
        raise _Unknown
    return keyword in taken if isinstance(taken, list) else taken is not False


class _GitLabJobs:
    """The jobs of a GitLab file as GitLab runs them: each merged with the jobs it
    ``extends``, in their order, as GitLab merges them (a mapping key by key, at every
    depth; anything else replaced)."""

    def __init__(self, document: dict[Any, Any], budget: _Budget) -> None:
        self.document = document
        self.budget = budget
        self.done: dict[str, dict[Any, Any]] = {}
        self.under_way: list[str] = []

    def resolved(self, name: str) -> dict[Any, Any]:
        found = self.done.get(name)
        if found is not None:
            return found
        job = self.document.get(name)
        if not isinstance(job, dict) or name in self.under_way:
            raise _Unknown  # a job of another file, none, or one that extends itself
        if len(self.under_way) > _EXTENDS_DEPTH:
            raise _Unknown
        extends = job.get("extends")
        parents = [extends] if isinstance(extends, str) else extends
        if parents is not None and not isinstance(parents, list):
            raise _Unknown
        self.under_way.append(name)
        merged: dict[Any, Any] = {}
        for parent in parents or ():
            if not isinstance(parent, str):
                raise _Unknown
            merged = self._merged(merged, self.resolved(parent))
        self.under_way.pop()
        merged = self._merged(
            merged, {key: value for key, value in job.items() if key != "extends"}
        )
        self.done[name] = merged
        return merged

    def _merged(self, base: dict[Any, Any], over: dict[Any, Any], depth: int = 0) -> dict[Any, Any]:
        if depth > _MERGE_DEPTH:  # settings within settings, deeper than any CI file's
            raise _Unknown
        self.budget.spend(len(base) + len(over))
        merged = dict(base)
        for key, value in over.items():
            below = merged.get(key)
            if isinstance(below, dict) and isinstance(value, dict):
                merged[key] = self._merged(below, value, depth + 1)
            else:
                merged[key] = value
        return merged


def _gitlab_restores(cache: object, folder: str, budget: _Budget) -> bool:
    """Whether the cache setting ``cache`` (one, or a list) restores the folder before the
    job runs: it lists the folder in its ``paths``, its ``policy`` is not ``push``, and its
    key is not new in every run without keys to fall back on."""
    if isinstance(cache, _Reference):
        cache = budget.referred(cache)
    for setting in _listed(cache, budget):
        if isinstance(setting, _Reference):
            setting = budget.referred(setting)
        if not isinstance(setting, dict):
            continue
        policy = setting.get("policy", "pull-push")
        if not isinstance(policy, str) or "$" in policy:
            raise _Unknown  # told by a variable as the pipeline runs
        if policy.strip() == "push":
            continue
        # which system a runner runs (its ``tags``) is not told in the file
        if not _names_folder(budget.strings(setting.get("paths")), folder, windows=None):
            if setting.get("untracked") is True:
                raise _Unknown  # every file git does not know of: the folder among them
            continue
        key = setting.get("key")
        key = key.get("prefix") if isinstance(key, dict) else key
        budget.spend(len(key) if isinstance(key, str) else 1)
        kind = _gitlab_key(key) if isinstance(key, str) else _STABLE
        if kind != _STABLE and not setting.get("fallback_keys"):
            if kind == _UNKNOWN:
                raise _Unknown  # a key told by a variable: new in every run, or not
            continue  # new in every run, or refused by the runner: nothing restored
        if kind == _REFUSED:
            raise _Unknown  # whether the runner goes on to the keys to fall back on
        return True
    return False


#: What a GitLab cache key is (``_gitlab_key``).
_STABLE, _NEW, _REFUSED, _UNKNOWN = "stable", "new", "refused", "unknown"


def _gitlab_key(key: str) -> str:
    """Whether the GitLab cache key ``key`` is the same from pipeline to pipeline (it names
    no variable but those of ``_GITLAB_STABLE``), new in every one, refused by the runner (a
    ``/`` of its own, or ``%2F``), or cannot be told (a variable of the project's own)."""
    text = key.replace("$$", "\0")  # a dollar of its own
    names = [braced or bare for braced, bare in _GITLAB_VARIABLE.findall(text)]
    if not _GITLAB_NEW.isdisjoint(names):
        return _NEW
    written = _GITLAB_VARIABLE.sub("\0", text)
    if "$" in written:
        return _UNKNOWN
    if "/" in written or "%2f" in written.lower():
        return _REFUSED
    return _STABLE if _GITLAB_STABLE.issuperset(names) else _UNKNOWN


def _listed(cache: object, budget: _Budget) -> list[object]:
    """The cache settings ``cache`` holds: itself, or those of its list."""
    settings = list(cache) if isinstance(cache, list) else [cache]
    budget.spend(len(settings))
    return settings
