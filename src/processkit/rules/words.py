"""Small helpers for writing messages in plain words, in the language in use."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from processkit.diagnostics import named_ids
from processkit.i18n import p_


def _last(word: str) -> str:
    """The word before the last item of a list (``and``/``or``), translated."""
    if word == "or":
        return p_("list", "or")
    return p_("list", "and")


def joined(items: Iterable[str], last: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c`` (``last`` is ``and`` or ``or``)."""
    parts = list(items)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {_last(last)} " + parts[-1]


def ids(items: Sequence[str], last: str = "and") -> str:
    """The ids in backticks, joined in plain words (``named_ids``): `a`, `b` and `c`."""
    return named_ids(items, last=f" {_last(last)} ")
