"""What ``processkit doctor`` checks: the programs processkit uses, and their versions."""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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

    return Check("processkit", __version__, "everything", "pip install processkit")


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
