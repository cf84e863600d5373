"""Where a process repository installs processkit from: the one line of
``.processkit/requirements.txt``.

processkit is not on a public package registry; an organisation keeps it somewhere of its own
(a package store, a git server) and says where in this one file. The GitHub workflow and the
GitLab job that ``init`` writes install with ``pip install -r .processkit/requirements.txt``.

pre-commit cannot read a requirements file: a hook's ``additional_dependencies`` are a list
written in ``.pre-commit-config.yaml``. So ``init`` writes that list from the same value, and
``processkit doctor`` reports when the two differ. The requirements file stays the one place
that says where processkit comes from; the pre-commit line is a copy that is checked.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from processkit.errors import ProcesskitError, reason
from processkit.frozen import frozen
from processkit.fsutil import read_at_most
from processkit.i18n import _

REQUIREMENTS_FILE = ".processkit/requirements.txt"
PRE_COMMIT_CONFIG = ".pre-commit-config.yaml"
#: The CI files init writes, which install processkit from REQUIREMENTS_FILE: GitHub's
#: workflow and GitLab's CI file
GITHUB_WORKFLOW = ".github/workflows/processkit.yml"
GITLAB_CI = ".gitlab-ci.yml"
#: The hooks of the project's .pre-commit-hooks.yaml, as init writes them
HOOK_IDS = ("processkit-validate", "processkit-fmt")
#: Larger files are not read: both are a few lines
MAX_BYTES = 1_000_000

_RELEASE = re.compile(r"\d+(?:\.\d+)*")
_PINNED = re.compile(r"processkit\s*(?:\[[^\]]*\])?\s*===?\s*([^\s;,]+)\s*(?:;.*)?", re.IGNORECASE)
_WHEEL = re.compile(r"processkit-([^-/]+)-[^-/]+-[^-/]+-[^-/]+\.whl", re.IGNORECASE)
_GIT_TAG = re.compile(r"v?(\d+(?:\.\d+)*(?:(?:a|b|rc)\d+)?)", re.IGNORECASE)


def default_requirement(version: str) -> str:
    """The requirement ``init`` writes when not told otherwise: exactly the running version."""
    return f"processkit=={version}"


def check_requirement(given: str) -> str:
    """``init --install``'s value, checked minimally: one line that is not empty."""
    lines = given.splitlines()
    if len(lines) > 1:
        raise ProcesskitError(
            _(
                "--install: expected one line (such as processkit==1.2.0), found {count} lines",
                count=len(lines),
            )
        )
    line = given.strip()
    if not line:
        raise ProcesskitError(
            _(
                "--install: expected where to install processkit from (such as "
                "processkit==1.2.0), found nothing"
            )
        )
    if line.startswith("#"):
        raise ProcesskitError(
            _(
                "--install: expected where to install processkit from, found the comment `{line}`",
                line=line,
            )
        )
    return line


def requirement_lines(text: str) -> list[str]:
    """The lines pip reads as requirements: not blank, not an option (``--index-url …``),
    comments (``#`` and `` #…``) removed."""
    found = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith(("#", "-")):
            continue
        line = re.sub(r"\s+#.*$", "", line)
        if line:
            found.append(line)
    return found


@frozen
class Requirement:
    """The requirements file of a repository: its one line, or what is wrong with it."""

    line: str | None
    problem: str | None = None
    missing: bool = False


def _small_text(path: Path) -> tuple[str, None] | tuple[None, str]:
    """The UTF-8 text of the file at ``path``, read no further than ``MAX_BYTES`` (nor
    waiting for a writer); else None and why it cannot be read."""
    try:
        data = read_at_most(path, MAX_BYTES)
        if len(data) > MAX_BYTES:
            return None, _("the file is larger than 1 MB")
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return None, _("the file is not UTF-8 text")
    except OSError as problem:
        return None, _("the file cannot be read ({problem})", problem=reason(problem))


def read_requirement(root: Path) -> Requirement:
    """The one requirement line of ``root/.processkit/requirements.txt``."""
    path = root / REQUIREMENTS_FILE
    if not path.exists():
        return Requirement(None, _("the file is missing"), missing=True)
    text, problem = _small_text(path)
    if text is None:
        return Requirement(None, problem)
    lines = requirement_lines(text)
    if not lines:
        return Requirement(None, _("the file has no requirement line, only comments"))
    if len(lines) > 1:
        return Requirement(
            None, _("the file has {count} requirement lines, not one", count=len(lines))
        )
    return Requirement(lines[0])


def pinned_version(requirement: str) -> str | None:
    """The one version a requirement names, when it names one: ``processkit==1.2.0``, a wheel
    ``…/processkit-1.2.0-py3-none-any.whl``, a git address ``…@v1.2.0``. None for a range
    (``processkit>=1.2``) or a git branch."""
    pinned = _PINNED.fullmatch(requirement)
    if pinned:
        return pinned.group(1)
    address = requirement.split(" @ ", 1)[-1].strip()
    wheel = _WHEEL.search(unquote(address).replace("\\", "/").rsplit("/", 1)[-1])
    if wheel:
        return wheel.group(1)
    if "git+" in address:
        ref = address.split("#", 1)[0].rsplit("/", 1)[-1]
        if "@" in ref:
            tag = _GIT_TAG.fullmatch(ref.rsplit("@", 1)[1])
            if tag:
                return tag.group(1)
    return None


def same_version(first: str, second: str) -> bool:
    """Whether two versions are the same release: ``1.2`` is ``1.2.0``, ``V1.2`` is ``1.2``."""
    return _normal(first) == _normal(second)


def _normal(version: str) -> str:
    text = version.strip().lower().removeprefix("v")
    public, plus, local = text.partition("+")
    release = _RELEASE.match(public)
    if release:
        numbers = release.group(0).split(".")
        while len(numbers) > 1 and numbers[-1].lstrip("0") == "":
            numbers.pop()
        public = ".".join(str(int(n)) for n in numbers) + public[release.end() :]
    return public + plus + local


@frozen
class PreCommitHooks:
    """What the processkit hooks of ``.pre-commit-config.yaml`` install.

    ``found`` is False when the file is missing or has no processkit hook (pre-commit is
    optional). ``installs`` maps a hook id to its ``additional_dependencies``, or to None when
    the hook comes from a remote repository rather than ``repo: local``.
    """

    found: bool
    installs: dict[str, list[str] | None]
    remote: str | None = None
    problem: str | None = None


#: What PyYAML raises for a value it reads but cannot make (a 30th of February, a number too
#: large, values nested past Python's depth), besides its own ``YAMLError``.
YAML_VALUES = (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError)


def not_yaml(problem: Exception) -> str:
    """Why a file is not valid YAML, with the line where PyYAML found the fault
    (``problem``, a ``YAMLError``) where it tells one."""
    mark = getattr(problem, "problem_mark", None)
    if mark is None:
        return _("the file is not valid YAML")
    return _("the file is not valid YAML (line {line})", line=mark.line + 1)


def read_pre_commit(root: Path) -> PreCommitHooks:
    """The processkit hooks of ``root/.pre-commit-config.yaml``."""
    import yaml

    path = root / PRE_COMMIT_CONFIG
    if not path.exists():
        return PreCommitHooks(False, {})
    text, unread = _small_text(path)
    if text is None:
        return PreCommitHooks(True, {}, problem=unread)
    try:
        document: Any = yaml.safe_load(text)
    except yaml.YAMLError as problem:
        return PreCommitHooks(True, {}, problem=not_yaml(problem))
    except YAML_VALUES:  # as pre-commit cannot read it either
        return PreCommitHooks(True, {}, problem=_("the file is not valid YAML"))
    repos = document.get("repos") if isinstance(document, dict) else None
    if not isinstance(repos, list):
        return PreCommitHooks(False, {})
    installs: dict[str, list[str] | None] = {}
    remote = None
    for repo in repos:
        if not isinstance(repo, dict) or not isinstance(repo.get("hooks"), list):
            continue
        for hook in repo["hooks"]:
            if not isinstance(hook, dict) or hook.get("id") not in HOOK_IDS:
                continue
            if repo.get("repo") != "local":
                remote = f"{repo.get('repo')} at {repo.get('rev')}"
                installs[hook["id"]] = None
                continue
            extra = hook.get("additional_dependencies") or []
            installs[hook["id"]] = [str(item) for item in extra] if isinstance(extra, list) else []
    return PreCommitHooks(bool(installs), installs, remote)
