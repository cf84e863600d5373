"""Diagnostics: the one shape every problem processkit finds is reported in."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How serious a diagnostic is; ``error`` fails validation."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, slots=True)
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


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The closest candidate to ``word``, or None when nothing is near enough."""
    pool = sorted(set(candidates))
    if not pool:
        return None
    lowered = word.lower()
    for candidate in pool:
        if candidate.lower() == lowered:
            return candidate
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=cutoff)
    if matches:
        return matches[0]
    folded = fold_swedish(lowered)
    for candidate in pool:
        if fold_swedish(candidate.lower()) == folded:
            return candidate
    return None


_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", " ": "-", "_": "-"})


def fold_swedish(text: str) -> str:
    """Lower-case ASCII folding of Swedish letters, for matching names against ids."""
    return text.lower().translate(_FOLD)
