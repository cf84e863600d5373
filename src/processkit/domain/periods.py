"""Periods written on the command line: ``60d``, ``2w``, ``3m`` and dates."""

from __future__ import annotations

import re
from datetime import date

from processkit.domain.dates import add_days, add_months
from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.i18n import _

_SPAN_RE = re.compile(r"^\s*(\d{1,5})\s*([dwm]?)\s*$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@frozen
class Span:
    """A length of time: ``count`` days, weeks or months."""

    count: int
    unit: str  # "d", "w" or "m"

    def after(self, day: date) -> date:
        """The day this span after ``day``."""
        if self.unit == "m":
            return add_months(day, self.count)
        return add_days(day, self.count * (7 if self.unit == "w" else 1))

    def before(self, day: date) -> date:
        """The day this span before ``day``."""
        if self.unit == "m":
            return add_months(day, -self.count)
        return add_days(day, -self.count * (7 if self.unit == "w" else 1))


def parse_span(text: str, option: str) -> Span:
    """``60d`` (days), ``8w`` (weeks), ``3m`` (months) or a bare number of days."""
    match = _SPAN_RE.match(text)
    if match is None:
        raise ProcesskitError(
            _(
                "{option}: expected a period such as 30d (days), 8w (weeks) or 3m (months), "
                "found `{text}`",
                option=option,
                text=text,
            )
        )
    return Span(int(match.group(1)), match.group(2) or "d")


def is_span(text: str) -> bool:
    return _SPAN_RE.match(text) is not None


def is_date(text: str) -> bool:
    return _DATE_RE.match(text.strip()) is not None


def parse_date(text: str, option: str) -> date:
    """A date written YYYY-MM-DD, or a one-line error naming the option."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ProcesskitError(
            _(
                "{option}: expected a date written YYYY-MM-DD, found `{text}`",
                option=option,
                text=text,
            )
        ) from None


def since_date(text: str, today: date, option: str = "--since") -> date:
    """The first day of a period given as ``7d`` (the last seven days and today) or a date."""
    if is_date(text):
        return parse_date(text, option)
    if is_span(text):
        return parse_span(text, option).before(today)
    raise ProcesskitError(
        _(
            "{option}: expected a period such as 7d or a date written YYYY-MM-DD, found `{text}`",
            option=option,
            text=text,
        )
    )
