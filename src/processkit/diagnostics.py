"""Diagnostics: the one shape every problem processkit finds is reported in."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from processkit.frozen import frozen
from processkit.i18n import N_, _


class Severity(StrEnum):
    """How serious a diagnostic is; ``error`` fails validation."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@frozen
class Diagnostic:
    """One problem at one place: code, severity, message, path, 1-based line and column, hint.

    ``line`` and ``column`` are 0 when no position applies (a file that cannot be read).
    """

    code: str
    severity: Severity
    message: str
    path: str
    line: int = 0
    column: int = 0
    hint: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "hint": self.hint,
        }


@dataclass(slots=True)
class Summary:
    """Counts over one validation run."""

    files: int = 0
    entities: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "files": self.files,
            "entities": self.entities,
            "errors": self.errors,
            "warnings": self.warnings,
        }


@dataclass(slots=True)
class Report:
    """The sorted diagnostics of a run, with their summary."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)

    @classmethod
    def build(cls, diagnostics: Iterable[Diagnostic], files: int, entities: int) -> Report:
        ordered = sorted(set(diagnostics), key=Diagnostic.sort_key)
        summary = Summary(files=files, entities=entities)
        for diagnostic in ordered:
            if diagnostic.severity is Severity.ERROR:
                summary.errors += 1
            elif diagnostic.severity is Severity.WARNING:
                summary.warnings += 1
            else:
                summary.infos += 1
        return cls(diagnostics=ordered, summary=summary)


#: The most ids a message names; the rest are counted ("and 2990 more"). A message that named
#: every activity of a process of thousands, or every process of a long chain, would run to
#: hundreds of kilobytes and say no more.
NAMED_AT_MOST = 10

#: The comparisons "did you mean" may spend on one set of guesses (the wrong `next`s of one
#: process, the wrong references to one kind of entity): each guess compares the wrong word
#: with every candidate, so thousands of wrong words among thousands of candidates would cost
#: millions of comparisons (minutes). Past the budget a guess is made only from candidates
#: that differ in case or Swedish letters alone, which costs nothing.
GUESS_BUDGET = 100_000


#: The words that join the last id to the others, marked for the catalogue: ``named_ids``
#: translates whatever joins them when it is called (a caller may pass ``OR``, or " or " as
#: written; an arrow is no word and stays as it is).
AND = N_(" and ")
OR = N_(" or ")


def named_ids(
    ids: Sequence[str], *, separator: str = ", ", last: str = AND, total: int | None = None
) -> str:
    """The ids in backticks, joined in plain words (`a`, `b` and `c`); past
    :data:`NAMED_AT_MOST` of them, the first ones and a count of the rest (`a`, `b`, ..., `j`
    and 2990 more). ``separator`` and ``last`` join them (an arrow for a chain; ``last`` is
    translated here, in the language in use when called); ``total`` is how many there are in
    all when ``ids`` holds only the first of them."""
    joining = _(last)
    shown = [f"`{item}`" for item in ids[:NAMED_AT_MOST]]
    rest = (len(ids) if total is None else total) - len(shown)
    if rest > 0:
        return separator.join(shown) + joining + _("{rest} more", rest=rest)
    if len(shown) <= 1:
        return "".join(shown)
    return separator.join(shown[:-1]) + joining + shown[-1]


class Guesser:
    """Did-you-mean over one pool of candidates, with :data:`GUESS_BUDGET` comparisons for
    all the guesses asked of it together. The pool is sorted once, not once per guess."""

    def __init__(self, candidates: Iterable[str], budget: int = GUESS_BUDGET) -> None:
        self.pool = sorted(set(candidates))
        self.left = budget
        self._lowered: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        for candidate in self.pool:  # the first in sorted order wins, as the search finds it
            self._lowered.setdefault(candidate.lower(), candidate)
            self._folded.setdefault(fold_swedish(candidate.lower()), candidate)

    def guess(self, word: str, cutoff: float = 0.6) -> str | None:
        """The closest candidate to ``word``, or None when nothing is near enough (or the
        budget is spent and no candidate differs in case or Swedish letters alone)."""
        lowered = word.lower()
        if lowered in self._lowered:
            return self._lowered[lowered]
        if self.pool and len(self.pool) <= self.left:
            self.left -= len(self.pool)
            matches = difflib.get_close_matches(word, self.pool, n=1, cutoff=cutoff)
            if matches:
                return matches[0]
        return self._folded.get(fold_swedish(lowered))


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The closest candidate to ``word``, or None when nothing is near enough."""
    return Guesser(candidates, budget=sys.maxsize).guess(word, cutoff)


_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", " ": "-", "_": "-"})


def fold_swedish(text: str) -> str:
    """Lower-case ASCII folding of Swedish letters, for matching names against ids."""
    return text.lower().translate(_FOLD)
