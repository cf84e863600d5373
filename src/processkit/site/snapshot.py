"""The repository as it stood at a commit, read from git without touching the working tree.

``--at REF`` names the commit; ``--as-of DATE`` takes the last commit made on or before that
day (on the first-parent line of HEAD, so a merged branch counts from the day it was merged).
The commit's files under the repository folder are exported with ``git archive`` into a
temporary folder, and the site is built from there.
"""

from __future__ import annotations

import io
import tarfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from processkit.errors import ProcesskitError

if TYPE_CHECKING:
    import git


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A commit of the repository: its full id, the day it was committed and the folder of the
    repository inside the git work tree (``""`` when it is the top)."""

    sha: str
    committed: date
    prefix: str


def _git_repo(folder: Path) -> git.Repo:
    import git

    try:
        return git.Repo(folder, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise ProcesskitError(
            f"--as-of and --at read the repository's git history, and {folder} is not inside "
            "a git repository"
        ) from None


def _prefix(repo: git.Repo, folder: Path) -> str:
    top = Path(repo.working_tree_dir or folder).resolve()
    relative = folder.resolve().relative_to(top).as_posix()
    return "" if relative == "." else relative


def resolve_at(folder: Path, ref: str) -> Snapshot:
    """The commit ``ref`` names (a branch, tag or commit id)."""
    import git

    repo = _git_repo(folder)
    try:
        sha = repo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}")
    except git.GitCommandError:
        raise ProcesskitError(
            f"--at: `{ref}` is not a commit, branch or tag in this repository"
        ) from None
    stamp = repo.git.show("-s", "--format=%cI", sha, "--")
    return Snapshot(sha, date.fromisoformat(stamp.strip()[:10]), _prefix(repo, folder))


def resolve_as_of(folder: Path, day: date) -> Snapshot:
    """The last commit made on or before ``day`` (its committer date, in its own zone)."""
    import git

    repo = _git_repo(folder)
    try:
        lines = repo.git.log("--first-parent", "--format=%H %cI", "HEAD", "--").splitlines()
    except git.GitCommandError:
        lines = []
    for line in lines:
        sha, _, stamp = line.partition(" ")
        committed = date.fromisoformat(stamp[:10])
        if committed <= day:
            return Snapshot(sha, committed, _prefix(repo, folder))
    first = lines[-1].partition(" ")[2][:10] if lines else None
    raise ProcesskitError(
        f"--as-of {day.isoformat()}: the repository has no commit from that day or before"
        + (f"; its history starts {first}" if first else "")
    )


def export(folder: Path, snapshot: Snapshot, target: Path) -> Path:
    """Write the snapshot's files of the repository folder under ``target``; return the
    repository's root there."""
    import git

    repo = _git_repo(folder)
    stream = io.BytesIO()
    paths = [snapshot.prefix] if snapshot.prefix else []
    try:
        repo.archive(stream, snapshot.sha, format="tar", path=paths)
    except git.GitCommandError:
        raise ProcesskitError(
            f"the folder {snapshot.prefix or '.'} did not exist in commit {snapshot.sha[:8]}"
        ) from None
    stream.seek(0)
    with tarfile.open(fileobj=stream) as archive:
        archive.extractall(target, filter="data")
    root = target / snapshot.prefix if snapshot.prefix else target
    if not root.is_dir():
        raise ProcesskitError(
            f"the folder {snapshot.prefix} did not exist in commit {snapshot.sha[:8]}"
        )
    return root
