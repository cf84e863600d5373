"""Calendar arithmetic that stays inside the calendar."""

from __future__ import annotations

import calendar
from datetime import date

#: The days of each month in a year that is not a leap year.
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, clamped to the month's last day, and to the
    calendar's first or last day (year 1 or 9999) rather than past it."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    month = month_index % 12 + 1
    # the month's last day, without ``calendar.monthrange`` (which works out its first
    # weekday too): every publish asks it of each process approved
    last = 29 if month == 2 and calendar.isleap(year) else _DAYS[month - 1]
    return date(year, month, min(day.day, last))


def add_days(day: date, days: int) -> date:
    """``day`` plus ``days`` days (fewer when negative), clamped to the calendar's first or last
    day rather than past it."""
    ordinal = day.toordinal() + days
    if ordinal > date.max.toordinal():
        return date.max
    if ordinal < date.min.toordinal():
        return date.min
    return date.fromordinal(ordinal)
