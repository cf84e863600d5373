"""A commit as the reports show it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class CommitRef:
    """One commit: its hash, its date (the committer's, in the committer's time zone), its
    author and its message."""

    sha: str
    date: date
    author: str
    email: str
    message: str

    @property
    def short(self) -> str:
        """The abbreviated hash people write: its first 7 characters."""
        return self.sha[:7]

    @property
    def summary(self) -> str:
        """The first line of the message."""
        return self.message.split("\n", 1)[0].strip()
