"""What git knows about the repository: files changed since a revision; making a new one."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from processkit.errors import ProcesskitError


def changed_files(root: Path, ref: str) -> set[str]:
    """Paths (relative to ``root``, ``/``-separated) changed since ``ref``: committed, staged,
    unstaged or untracked."""
    import git  # gitpython is slow to import; only this command needs it

    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise ProcesskitError(
            f"--changed-since needs a git repository, and {root} is not inside one"
        ) from None
    try:
        repo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}")
    except git.GitCommandError:
        raise ProcesskitError(
            f"--changed-since: `{ref}` is not a commit, branch or tag in this repository"
        ) from None
    top = Path(repo.working_tree_dir or root).resolve()
    names = repo.git.diff("--name-only", "--no-renames", ref, "--").splitlines()
    names += repo.untracked_files
    changed: set[str] = set()
    base = root.resolve()
    for name in names:
        full = top / name
        try:
            changed.add(full.relative_to(base).as_posix())
        except ValueError:
            continue
    return changed


@dataclass(frozen=True, slots=True)
class NewRepository:
    """What ``make_repository`` did: ``made`` a repository, found the folder ``inside`` one
    (its top folder), or could not (``problem``; git missing or failing)."""

    made: bool
    inside: Path | None = None
    problem: str | None = None


def make_repository(folder: Path, branch: str = "main") -> NewRepository:
    """Make ``folder`` a git repository with first branch ``branch``, committing nothing,
    unless it already lies inside one. Never raises: without git, says so."""
    if shutil.which("git") is None:
        return NewRepository(False, problem="git is not installed")
    try:
        import git
    except ImportError as problem:  # gitpython finds no usable git program
        return NewRepository(False, problem=f"git cannot be run ({problem})")
    try:
        with git.Repo(folder, search_parent_directories=True) as existing:
            return NewRepository(False, inside=Path(existing.working_tree_dir or folder))
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        pass
    try:
        with git.Repo.init(folder) as repo:
            # `git init -b` needs git 2.28; naming HEAD's branch works with every version
            repo.git.symbolic_ref("HEAD", f"refs/heads/{branch}")
    except (git.GitCommandError, OSError) as problem:
        return NewRepository(False, problem=f"git init failed ({_first_line(problem)})")
    return NewRepository(True)


def _first_line(problem: Exception) -> str:
    stderr = getattr(problem, "stderr", None)
    text = str(stderr if stderr else problem).strip().strip("'").strip()
    text = text.removeprefix("stderr:").strip().strip("'").strip()
    return text.splitlines()[0] if text else type(problem).__name__
