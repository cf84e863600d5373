"""Field changes in plain words, in Swedish or English: "owner changed from Anna Nilsson to
Erik Åberg", "activity `a3` 'Fatta beslut' added", "status draft → approved"."""

from __future__ import annotations

from collections.abc import Callable

from processkit.history.fieldchanges import ITEM_KEYS, FieldChange
from processkit.words import HANDBOOK_TYPE_WORDS, STATUS_WORDS, Language

#: What a field is called, by language; a list field by its plural.
FIELD_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "name": "name",
        "title": "title",
        "description": "description",
        "customers": "customers",
        "unit": "unit",
        "owner": "owner",
        "order": "order",
        "area": "delivery area",
        "type": "type",
        "parent": "parent process",
        "status": "status",
        "version": "version",
        "leaders": "process leaders",
        "purpose": "purpose",
        "customer": "customer",
        "need": "need",
        "start": "start",
        "end": "end",
        "value": "value",
        "inputs": "inputs",
        "outputs": "outputs",
        "activities": "activities",
        "interfaces": "interfaces",
        "requirements": "requirements",
        "measures": "measures",
        "risks": "risks",
        "controls": "self-checks",
        "systems": "IT systems",
        "documents": "documents",
        "approved": "approval",
        "review_date": "next review",
        "tags": "tags",
        "category": "category",
        "management_area": "management area",
        "level": "level",
        "responsibilities": "responsibilities",
        "email": "e-mail",
        "username": "user name",
        "summary": "summary",
        "processes": "processes",
        "chapters": "chapters",
        "process": "process",
        "submitted": "submitted",
        "submitted_by": "submitted by",
        "decision": "decision",
        "decided": "decision date",
        "date": "date",
        "scores": "scores",
        "assessors": "assessors",
        "comments": "comments",
        "role": "performer",
        "accountable": "accountable",
        "consulted": "consulted",
        "informed": "informed",
        "next": "next",
        "direction": "direction",
        "source": "source",
        "url": "link",
        "definition": "definition",
        "target": "target",
        "frequency": "frequency",
        "likelihood": "likelihood",
        "consequence": "consequence",
        "action": "action",
        "method": "method",
        "handbook": "handbook",
        "by": "approved by",
        "body": "text",
    },
    "sv": {
        "name": "namn",
        "title": "titel",
        "description": "beskrivning",
        "customers": "kunder",
        "unit": "enhet",
        "owner": "ägare",
        "order": "ordning",
        "area": "leveransområde",
        "type": "typ",
        "parent": "överordnad process",
        "status": "status",
        "version": "version",
        "leaders": "processledare",
        "purpose": "syfte",
        "customer": "kund",
        "need": "behov",
        "start": "start",
        "end": "slut",
        "value": "värde",
        "inputs": "indata",
        "outputs": "utdata",
        "activities": "aktiviteter",
        "interfaces": "gränssnitt",
        "requirements": "styrande krav",
        "measures": "mått",
        "risks": "risker",
        "controls": "egenkontroller",
        "systems": "verksamhetssystem",
        "documents": "dokument",
        "approved": "fastställelse",
        "review_date": "nästa revision",
        "tags": "etiketter",
        "category": "kategori",
        "management_area": "ledningsområde",
        "level": "nivå",
        "responsibilities": "ansvar",
        "email": "e-post",
        "username": "användarnamn",
        "summary": "sammanfattning",
        "processes": "processer",
        "chapters": "kapitel",
        "process": "process",
        "submitted": "inkommet",
        "submitted_by": "förslagsställare",
        "decision": "beslut",
        "decided": "beslutsdatum",
        "date": "datum",
        "scores": "poäng",
        "assessors": "bedömare",
        "comments": "kommentarer",
        "role": "utförare",
        "accountable": "ansvarig",
        "consulted": "konsulteras",
        "informed": "informeras",
        "next": "nästa",
        "direction": "riktning",
        "source": "källa",
        "url": "länk",
        "definition": "definition",
        "target": "målvärde",
        "frequency": "frekvens",
        "likelihood": "sannolikhet",
        "consequence": "konsekvens",
        "action": "åtgärd",
        "method": "metod",
        "handbook": "handbok",
        "by": "fastställd av",
        "body": "text",
    },
}

#: What one item of a list field is called.
ITEM_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "activities": "activity",
        "interfaces": "interface with",
        "requirements": "requirement",
        "measures": "measure",
        "risks": "risk",
        "controls": "self-check",
        "documents": "document",
        "chapters": "chapter",
        "leaders": "process leader",
        "inputs": "input",
        "outputs": "output",
        "systems": "IT system",
        "tags": "tag",
        "processes": "process",
        "assessors": "assessor",
        "responsibilities": "responsibility",
    },
    "sv": {
        "activities": "aktivitet",
        "interfaces": "gränssnitt mot",
        "requirements": "krav",
        "measures": "mått",
        "risks": "risk",
        "controls": "egenkontroll",
        "documents": "dokument",
        "chapters": "kapitel",
        "leaders": "processledare",
        "inputs": "indata",
        "outputs": "utdata",
        "systems": "verksamhetssystem",
        "tags": "etikett",
        "processes": "process",
        "assessors": "bedömare",
        "responsibilities": "ansvar",
    },
}

_ENUM_WORDS: dict[str, dict[str, str]] = {
    "sv": {
        **STATUS_WORDS["sv"],
        **HANDBOOK_TYPE_WORDS["sv"],
        "management": "ledningsprocess",
        "core": "huvudprocess",
        "support": "stödprocess",
        "in": "in",
        "out": "ut",
        "weekly": "varje vecka",
        "monthly": "varje månad",
        "quarterly": "varje kvartal",
        "yearly": "varje år",
        "governance": "styrande",
        "operational": "operativ",
        "strategic": "strategisk",
        "tactical": "taktisk",
        "resource": "resursledning",
        "work": "arbetsledning",
    },
    "en": {**STATUS_WORDS["en"]},
}

_TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "changed": "{label} changed from {old} to {new}",
        "status": "{label} {old} → {new}",
        "set": "{label} set to {new}",
        "unset": "{label} removed (was {old})",
        "unset_long": "{label} removed",
        "set_long": "{label} written",
        "edited": "{label} edited",
        "item_added": "{item} added",
        "item_removed": "{item} removed",
        "reordered": "{label} reordered",
        "moved": "moved from file {old} to {new}",
        "unreadable_before": "could not be read before the period ({old}); shown as it is now",
        "unreadable_after": "cannot be read at the end of the period ({new})",
    },
    "sv": {
        "changed": "{label} ändrades från {old} till {new}",
        "status": "{label} {old} → {new}",
        "set": "{label} sattes till {new}",
        "unset": "{label} togs bort (var {old})",
        "unset_long": "{label} togs bort",
        "set_long": "{label} skrevs",
        "edited": "{label} ändrades",
        "item_added": "{item} lades till",
        "item_removed": "{item} togs bort",
        "reordered": "{label} fick ny ordning",
        "moved": "flyttades från filen {old} till {new}",
        "unreadable_before": "kunde inte läsas före perioden ({old}); visas som den är nu",
        "unreadable_after": "kan inte läsas i slutet av perioden ({new})",
    },
}


def field_label(field: str, language: Language) -> str:
    return FIELD_LABELS[language].get(field, field)


def describe(
    change: FieldChange,
    language: Language,
    markup: Callable[[str], str] | None = None,
    code: Callable[[str], str] | None = None,
) -> str:
    """One change in plain words. ``markup`` is applied to every text taken from the files
    (names, values, paths): pass a Markdown or HTML escape. ``code`` shows an id (default: in
    backticks, as Markdown has it; for HTML e.g. ``lambda s: f"<code>{escape(s)}</code>"``)."""
    m = markup or _same
    c = code or _backticks
    words = _TEMPLATES[language]
    if change.action == "moved":
        return words["moved"].format(old=m(change.old or ""), new=m(change.new or ""))
    if change.action == "unreadable":
        which = "unreadable_before" if change.old else "unreadable_after"
        return words[which].format(old=m(change.old or ""), new=m(change.new or ""))
    label = field_label(change.part or change.field, language)
    if change.action == "reordered":
        return words["reordered"].format(label=field_label(change.field, language))
    if change.action in ("item_added", "item_removed"):
        return words[change.action].format(item=_item(change, language, m, c))
    prefix = ""
    if change.item is not None:
        prefix = _item(change, language, m, c) + ": "
    elif change.part is not None:
        prefix = field_label(change.field, language) + ": "
        label = m(change.part) if change.field == "scores" else label
    old = _value(change, change.old, language, m)
    new = _value(change, change.new, language, m)
    if change.action == "edited":
        text = words["edited"].format(label=label)
    elif change.action == "set":
        template = words["set"] if new else words["set_long"]
        text = template.format(label=label, new=new)
    elif change.action == "unset":
        template = words["unset"] if old else words["unset_long"]
        text = template.format(label=label, old=old)
    elif (change.part or change.field) == "status":
        text = words["status"].format(label=label, old=old, new=new)
    else:
        text = words["changed"].format(label=label, old=old, new=new)
    return prefix + text


def _same(text: str) -> str:
    return text


def _backticks(text: str) -> str:
    return f"`{text}`"


def _item(
    change: FieldChange,
    language: Language,
    m: Callable[[str], str],
    c: Callable[[str], str],
) -> str:
    noun = ITEM_LABELS[language].get(change.field, field_label(change.field, language))
    if change.item is None:
        return noun
    if change.field == "interfaces":
        return f"{noun} {m(change.item_name or change.item)} ({c(change.item)})"
    if change.item_name is not None:
        return f"{noun} {c(change.item)} '{m(change.item_name)}'"
    if change.field in ITEM_KEYS or change.value_kind == "text":
        return f"{noun} '{m(change.item)}'"
    if change.value_kind == "name":
        return f"{noun} {m(change.item)}"
    return f"{noun} {c(change.item)}"


def _value(
    change: FieldChange, value: str | None, language: Language, m: Callable[[str], str]
) -> str:
    if value is None:
        return ""
    if change.value_kind == "text":
        return f"'{m(value)}'"
    if change.value_kind == "enum":
        return m(", ".join(_ENUM_WORDS[language].get(part, part) for part in value.split(", ")))
    return m(value)
