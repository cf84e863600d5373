"""The words of a change log shared by everything that shows one (the terminal report, the
weekly notice, the e-mail digest, the site's feeds): what happened to an entity, how many
entities had each kind of change, the period, and an entry's title."""

from __future__ import annotations

from processkit.history.changelog import ChangeLog, ChangeType, EntityChange
from processkit.i18n import _, n_, p_
from processkit.words import DASH, Language, capitalised, kind_word

CHANGE_ORDER: tuple[ChangeType, ...] = ("added", "changed", "retired", "removed")


def counts(log: ChangeLog) -> dict[str, int]:
    return {change: len(log.of_kind(change)) for change in CHANGE_ORDER}


def change_word(change: str) -> str:
    """What happened to an entity, after its name: ``added``, ``retired``."""
    words = {
        "added": p_("changelog change", "added"),
        "changed": p_("changelog change", "changed"),
        "retired": p_("changelog change", "retired"),
        "removed": p_("changelog change", "removed"),
    }
    return words.get(change, change)


def count(change: str, n: int) -> str:
    """``2 added``: how many entities had a change."""
    if change == "added":
        return n_("{count} added", "{count} added", n)
    if change == "changed":
        return n_("{count} changed", "{count} changed", n)
    if change == "retired":
        return n_("{count} retired", "{count} retired", n)
    return n_("{count} removed", "{count} removed", n)


def notice_period(log: ChangeLog) -> str:
    """The period as the weekly notice names it: ``2026-03-01 DASH 2026-03-07``."""
    if log.since is not None:
        start = log.since.isoformat()
    elif log.base is not None:
        start = _("after {sha}", sha=log.base.short)
    else:
        start = _("from the beginning")
    return f"{start} {DASH} {log.until.isoformat()}"


def notice_summary(log: ChangeLog) -> str:
    """``2 new, 1 changed, 0 retired and 0 removed.``"""
    return summary(counts(log))


def entry_title(entry: EntityChange, language: Language) -> str:
    """``Process Utredning ändrades``: the kind, the name and what happened."""
    what = capitalised(kind_word(entry.kind, language))
    return f"{what} {entry.name or entry.id} {change_word(entry.change)}"


def summary_count(change: str, n: int) -> str:
    """``2 new``, in the notice's words (Swedish adjectives agree in number)."""
    if change == "added":
        return n_("{count} new", "{count} new", n)
    return count(change, n)


def summary(counts: dict[str, int]) -> str:
    parts = [summary_count(change, n) for change, n in counts.items()]
    return _("{items} and {last}.", items=", ".join(parts[:-1]), last=parts[-1])
