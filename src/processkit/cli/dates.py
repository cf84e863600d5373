"""Parsing dates given on the command line."""

from __future__ import annotations

from datetime import date

from processkit.errors import ProcesskitError
from processkit.i18n import _


def parse_today(text: str | None) -> date:
    """``--today YYYY-MM-DD``, or the real date when not given."""
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ProcesskitError(
            _(
                "{option}: expected a date written YYYY-MM-DD, found `{text}`",
                option="--today",
                text=text,
            )
        ) from None
