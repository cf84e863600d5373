"""The words of the reports written for staff (Markdown notices, the site): Swedish or
English, following ``site.language``; taken from the message catalogue in the language asked
for, whatever language the command speaks."""

from __future__ import annotations

from functools import cache

from processkit import i18n
from processkit.i18n import n_, p_
from processkit.model.kinds import KIND_INFO
from processkit.model.kinds import Language as Language

#: The en dash between the ends of a range of dates or levels, and for "no value".
DASH = "\u2013"


@cache
def handbook_type_words(language: Language) -> dict[str, str]:
    """Each handbook type (its FORMAT.md value) in words."""
    with i18n.speaking(language):
        return {
            "handbook": p_("handbook type", "handbook"),
            "policy": p_("handbook type", "policy"),
            "guideline": p_("handbook type", "guideline"),
            "routine": p_("handbook type", "routine"),
            "instruction": p_("handbook type", "instruction"),
            "checklist": p_("handbook type", "checklist"),
        }


@cache
def status_words(language: Language) -> dict[str, str]:
    """Each status of a process, a handbook or a proposal (its FORMAT.md value) in words."""
    with i18n.speaking(language):
        return {
            "draft": p_("status", "draft"),
            "review": p_("status", "in review"),
            "approved": p_("status", "approved"),
            "retired": p_("status", "retired"),
            "new": p_("status", "new"),
            "assessing": p_("status", "assessing"),
            "accepted": p_("status", "accepted"),
            "rejected": p_("status", "rejected"),
            "done": p_("status", "done"),
        }


@cache
def _status_plurals(language: Language) -> dict[str, str]:
    """The statuses whose word agrees in number (Swedish: "2 genomförda")."""
    with i18n.speaking(language):
        return {
            "approved": p_("status of several", "approved"),
            "retired": p_("status of several", "retired"),
            "new": p_("status of several", "new"),
            "accepted": p_("status of several", "accepted"),
            "rejected": p_("status of several", "rejected"),
            "done": p_("status of several", "done"),
        }


def handbook_type_word(handbook_type: str, language: Language) -> str:
    return handbook_type_words(language).get(handbook_type, handbook_type)


def status_word(status: str, language: Language, count: int = 1) -> str:
    """A status in words; with ``count``, in the number it agrees with (Swedish)."""
    if count != 1 and status in _status_plurals(language):
        return _status_plurals(language)[status]
    return status_words(language).get(status, status)


def days(count: int, language: Language) -> str:
    """``1 dag``, ``5 dagar``; ``1 day``, ``5 days``."""
    with i18n.speaking(language):
        return n_("{count} day", "{count} days", count)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def kind_word(kind: str, language: Language, count: int = 1) -> str:
    """What ``kind`` is called, in the number ``count`` asks for (the table of kinds holds the
    English, the catalogue the rest, under the context ``kind``); an unknown kind as written."""
    row = KIND_INFO.get(kind)
    if row is None:
        return kind
    return i18n.translate_plural(language, "kind", row.words.singular, row.words.plural, count)
