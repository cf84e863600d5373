"""The names ``--format`` takes: ``text`` is the report for people in every command."""

from __future__ import annotations

from enum import StrEnum

#: Old names of a format, kept so that scripts written with them keep working.
FORMAT_ALIASES = {"table": "text"}


def report_name(chosen: StrEnum) -> str:
    """The name of the chosen format in the reporters' table (an old name as its new one)."""
    return FORMAT_ALIASES.get(chosen.value, chosen.value)
