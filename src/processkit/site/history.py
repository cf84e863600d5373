"""What git remembers about the repository's files, read in one pass over the log.

One ``git log`` call gives every commit that touched the repository with the files it
changed; from it come each file's last change, author and recent commit messages, and the
site's list of recent changes. (A git call per page would make publishing 1,000 processes
slow.) Outside a git repository the history is simply empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

#: How many commit messages a page shows for its file.
PER_FILE = 5
#: How many commits the recent-changes page lists.
RECENT = 50

_FORMAT = "%x1e%H%x1f%aI%x1f%an%x1f%s"


@dataclass(frozen=True, slots=True)
class Change:
    """One commit as a reader sees it: when, by whom, what it said."""

    sha: str
    date: date
    author: str
    subject: str
    paths: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        return self.sha[:8]


@dataclass(slots=True)
class History:
    """Per file (path relative to the repository root) its recent changes, newest first; and
    the repository's recent commits."""

    files: dict[str, list[Change]] = field(default_factory=dict)
    recent: list[Change] = field(default_factory=list)

    def of(self, path: str) -> list[Change]:
        return self.files.get(path, [])

    def last_changed(self, path: str) -> date | None:
        changes = self.files.get(path)
        return changes[0].date if changes else None


@dataclass(frozen=True, slots=True)
class GitSource:
    """Where the history is read: a folder inside a git work tree, at a revision."""

    folder: Path
    ref: str = "HEAD"


def parse_log(output: str) -> History:
    """The history from ``git log -z --name-only --format=<_FORMAT>`` output."""
    history = History()
    for record in output.split("\x1e"):
        if not record.strip("\n\x00"):
            continue
        header, _, names = record.partition("\x00")
        fields = header.split("\x1f")
        if len(fields) != 4:
            continue
        sha, when, author, subject = fields
        paths = tuple(sorted(name for name in names.lstrip("\n").split("\x00") if name))
        change = Change(sha, date.fromisoformat(when[:10]), author, subject, paths)
        if len(history.recent) < RECENT:
            history.recent.append(change)
        for path in paths:
            seen = history.files.setdefault(path, [])
            if len(seen) < PER_FILE:
                seen.append(change)
    return history


def read_history(source: GitSource | None) -> History:
    """The history of ``source``'s folder up to its revision (empty outside git)."""
    if source is None:
        return History()
    try:
        import git
    except ImportError:  # gitpython finds no git program
        return History()
    try:
        output = git.Git(str(source.folder)).log(
            "-z",
            "--no-merges",
            "--relative",
            "--name-only",
            f"--format={_FORMAT}",
            source.ref,
            "--",
            ".",
        )
    except git.GitCommandError:
        return History()  # not a git repository, or one without commits yet
    return parse_log(str(output))


def commit_date(source: GitSource | None) -> date | None:
    """The day the revision was committed (its committer date, in its own time zone)."""
    if source is None:
        return None
    try:
        import git
    except ImportError:
        return None
    try:
        stamp = git.Git(str(source.folder)).show("-s", "--format=%cI", source.ref, "--")
    except git.GitCommandError:
        return None
    stamp = str(stamp).strip()
    return date.fromisoformat(stamp[:10]) if stamp else None
