"""The one place a saved file is committed: the seam the git side of the editor fills.

``commit_saved`` is called after every save. This simple version commits on the branch given
(made from the current one when it does not exist) with git's own command line, run with
argument lists, never through a shell. Pushing and opening a pull or merge request belong to
the forge module, which may replace this function.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=False, timeout=60
    )


def is_git_repository(root: Path) -> bool:
    try:
        done = _git(root, "rev-parse", "--is-inside-work-tree")
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and done.stdout.strip() == "true"


def commit_saved(
    root: Path,
    paths: Sequence[str],
    message: str,
    author: tuple[str, str] | None = None,
    *,
    branch: str | None = None,
) -> str | None:
    """Commit ``paths`` (relative to ``root``) with ``message``; ``author`` as (name, e-mail;
    the e-mail may be empty when a sign-on proxy gives the name alone), default git's
    configuration; on ``branch`` when given. The new commit's hash, or None when ``root`` is
    not in git or there was nothing to commit."""
    if not is_git_repository(root):
        return None
    try:
        return _commit(root, paths, message, author, branch)
    except (OSError, subprocess.TimeoutExpired):  # the file is saved; the commit is not
        return None


def _commit(
    root: Path,
    paths: Sequence[str],
    message: str,
    author: tuple[str, str] | None,
    branch: str | None,
) -> str | None:
    if branch:
        current = _git(root, "branch", "--show-current").stdout.strip()
        if current != branch:
            exists = _git(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}")
            switch = ["switch", branch] if exists.returncode == 0 else ["switch", "-c", branch]
            if _git(root, *switch).returncode != 0:
                return None
    if _git(root, "add", "--", *paths).returncode != 0:
        return None
    command = ["commit", "--quiet", "-m", message]
    if author is not None:
        name, email = author
        command.append(f"--author={name} <{email}>")
    if _git(root, *command, "--", *paths).returncode != 0:
        return None
    return _git(root, "rev-parse", "HEAD").stdout.strip() or None
