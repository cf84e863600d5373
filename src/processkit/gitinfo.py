"""What git knows about the repository: files changed since a revision."""

from __future__ import annotations

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
