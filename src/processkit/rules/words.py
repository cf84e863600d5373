"""Small helpers for writing messages in plain words."""

from __future__ import annotations

from collections.abc import Iterable


def joined(items: Iterable[str], last: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    parts = list(items)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {last} " + parts[-1]


def plural(count: int, one: str, many: str | None = None) -> str:
    """``1 process``, ``2 processes``."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
