"""What git remembers about the repository's files, read in one pass over the log.

One ``git log`` call gives every commit that touched the repository with the files it
changed; from it come each file's last change, author and recent commit messages, and the
site's list of recent changes. (A git call per page would make publishing 1,000 processes
slow.) Outside a git repository the history is simply empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from processkit.loading.git import Commit, TouchedFiles, touched_files

if TYPE_CHECKING:
    from processkit.history.changelog import ChangeLog

#: How many commit messages a page shows for its file.
PER_FILE = 5
#: How many commits the recent-changes page lists.
RECENT = 50


@dataclass(slots=True)
class History:
    """Per file (path relative to the repository root) its recent commits, newest first; and
    the repository's recent commits with the files each changed."""

    files: dict[str, list[Commit]] = field(default_factory=dict)
    recent: list[TouchedFiles] = field(default_factory=list)

    def of(self, path: str) -> list[Commit]:
        return self.files.get(path, [])


@dataclass(frozen=True, slots=True)
class GitSource:
    """Where the history is read: a folder inside a git work tree, at a revision."""

    folder: Path
    ref: str = "HEAD"


def fold_history(log: Iterable[TouchedFiles]) -> History:
    """The history from the commits of a log, newest first."""
    history = History()
    for touched in log:
        if len(history.recent) < RECENT:
            history.recent.append(touched)
        for path in touched.paths:
            seen = history.files.setdefault(path, [])
            if len(seen) < PER_FILE:
                seen.append(touched.commit)
    return history


def read_history(source: GitSource | None) -> History:
    """The history of ``source``'s folder up to its revision (empty outside git)."""
    if source is None:
        return History()
    return fold_history(touched_files(source.folder, source.ref))


@dataclass(frozen=True, slots=True)
class GitLinks:
    """What the site knows of the git host: the commit that closed each ``done`` proposal
    (empty outside git and for a site of the past) and the host's web address (or None);
    and the change log of the last days that the recent-changes page shows (None outside
    git, on a shallow clone and for a site of the past)."""

    closing: Mapping[str, Commit] = field(default_factory=dict)
    web_base: str | None = None
    changelog: ChangeLog | None = None
