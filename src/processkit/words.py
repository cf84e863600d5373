"""The words of the reports written for staff (Markdown notices, the site): Swedish or
English, following ``site.language``."""

from __future__ import annotations

from processkit.model.kinds import Language as Language
from processkit.model.kinds import kind_word as kind_word

#: The en dash between the ends of a range of dates or levels, and for "no value".
DASH = "\u2013"

HANDBOOK_TYPE_WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "handbook": "handbok",
        "policy": "policy",
        "guideline": "riktlinje",
        "routine": "rutin",
        "instruction": "instruktion",
        "checklist": "checklista",
    },
    "en": {
        "handbook": "handbook",
        "policy": "policy",
        "guideline": "guideline",
        "routine": "routine",
        "instruction": "instruction",
        "checklist": "checklist",
    },
}

STATUS_WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "draft": "utkast",
        "review": "på remiss",
        "approved": "fastställd",
        "retired": "upphörd",
        "new": "ny",
        "assessing": "bereds",
        "accepted": "beviljad",
        "rejected": "avslagen",
        "done": "genomförd",
    },
    "en": {
        "draft": "draft",
        "review": "in review",
        "approved": "approved",
        "retired": "retired",
        "new": "new",
        "assessing": "assessing",
        "accepted": "accepted",
        "rejected": "rejected",
        "done": "done",
    },
}


def handbook_type_word(handbook_type: str, language: Language) -> str:
    return HANDBOOK_TYPE_WORDS[language].get(handbook_type, handbook_type)


#: Swedish adjectives agree in number: "2 genomförda".
_SWEDISH_PLURALS = {
    "ny": "nya",
    "beviljad": "beviljade",
    "avslagen": "avslagna",
    "genomförd": "genomförda",
    "fastställd": "fastställda",
    "upphörd": "upphörda",
}


def status_word(status: str, language: Language, count: int = 1) -> str:
    """A status in words; with ``count``, in the number it agrees with (Swedish)."""
    word = STATUS_WORDS[language].get(status, status)
    if language == "sv" and count != 1:
        return _SWEDISH_PLURALS.get(word, word)
    return word


def days(count: int, language: Language) -> str:
    """``1 dag``, ``5 dagar``; ``1 day``, ``5 days``."""
    if language == "sv":
        return f"{count} {'dag' if count == 1 else 'dagar'}"
    return f"{count} {'day' if count == 1 else 'days'}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
