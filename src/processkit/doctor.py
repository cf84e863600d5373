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
        "running processkit",
        f"install Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer (found {version})",
    )


def check_processkit() -> Check:
    from processkit import __version__

    return Check(
        "processkit",
        __version__,
        "everything",
        "install it from where your organisation keeps it (a wheel file, its package store or "
        "its git server)",
    )


def check_graphviz(
    which: Callable[[str], str | None] = shutil.which, run: Runner = run_version
) -> Check:
    path = which("dot")
    version = _first_version(run([path, "-V"])) if path else None
    return Check(
        "Graphviz",
        version,
        "the process maps in `publish`",
        "install Graphviz: `sudo apt-get install graphviz` (Debian, Ubuntu), "
        "`brew install graphviz` (macOS) or https://graphviz.org/download/ (Windows)",
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
        "history, `--changed-since` and dates on the site",
        "install git: `sudo apt-get install git` or https://git-scm.com/downloads",
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
        "search on the published site",
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
    """One file of a process repository that says where processkit is installed from:
    ``status`` is ok, missing, differs or unreadable; ``remedy`` says what to do when not ok."""

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
                    "says where CI and pre-commit install processkit from",
                    f"create it with one line: {this} (or where your organisation keeps "
                    "processkit)",
                )
            )
        else:
            checks.append(
                RepositoryCheck(
                    REQUIREMENTS_FILE,
                    "unreadable",
                    f"{requirement.problem}",
                    f"write one line in it that says where processkit comes from, such as {this}",
                )
            )
        return checks
    line = requirement.line
    asked = pinned_version(line)
    if asked is None:
        checks.append(
            RepositoryCheck(REQUIREMENTS_FILE, "ok", f"{line} (names no one version to compare)")
        )
    elif same_version(asked, version):
        checks.append(RepositoryCheck(REQUIREMENTS_FILE, "ok", line))
    else:
        checks.append(
            RepositoryCheck(
                REQUIREMENTS_FILE,
                "differs",
                f"asks for {line}"
                + ("" if line == default_requirement(asked) else f" (version {asked})")
                + f", and this is processkit {version}",
                f"install that version: pip install -r {REQUIREMENTS_FILE} (or, to keep this "
                f"one, write {this} in the file)",
            )
        )
    hooks = read_pre_commit(root)
    if hooks.problem is not None:
        checks.append(
            RepositoryCheck(
                PRE_COMMIT_CONFIG,
                "unreadable",
                hooks.problem,
                "correct it: pre-commit cannot read it either",
            )
        )
    elif hooks.remote is not None:
        checks.append(
            RepositoryCheck(
                PRE_COMMIT_CONFIG,
                "differs",
                f"the hooks install processkit from {hooks.remote}, not from {REQUIREMENTS_FILE}",
                f'make them `repo: local` hooks with additional_dependencies: ["{line}"], as '
                "processkit init writes them",
            )
        )
    elif hooks.found:
        differing = [i for i in hooks.installs.values() if line not in (i or [])]
        if not differing:
            checks.append(
                RepositoryCheck(PRE_COMMIT_CONFIG, "ok", f"{line}, as {REQUIREMENTS_FILE}")
            )
        else:
            shown = sorted({item for installs in differing for item in installs or []})
            checks.append(
                RepositoryCheck(
                    PRE_COMMIT_CONFIG,
                    "differs",
                    f"installs {', '.join(shown) or 'nothing'}, and {REQUIREMENTS_FILE} says "
                    f"{line}",
                    f'write the same line after additional_dependencies: ["{line}"]',
                )
            )
    return checks
