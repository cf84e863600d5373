"""Field changes in plain words, in Swedish or English: "owner changed from Anna Nilsson to
Erik Åberg", "activity `a3` 'Fatta beslut' added", "status draft → approved"."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from processkit import i18n
from processkit.history.fieldchanges import ITEM_KEYS, FieldChange
from processkit.i18n import _, p_
from processkit.words import Language, handbook_type_words, status_words


@cache
def field_labels(language: Language) -> dict[str, str]:
    """What each field is called; a list field by its plural."""
    with i18n.speaking(language):
        return {
            "name": p_("field", "name"),
            "title": p_("field", "title"),
            "description": p_("field", "description"),
            "customers": p_("field", "customers"),
            "unit": p_("field", "unit"),
            "owner": p_("field", "owner"),
            "order": p_("field", "order"),
            "area": p_("field", "delivery area"),
            "type": p_("field", "type"),
            "parent": p_("field", "parent process"),
            "status": p_("field", "status"),
            "version": p_("field", "version"),
            "leaders": p_("field", "process leaders"),
            "purpose": p_("field", "purpose"),
            "customer": p_("field", "customer"),
            "need": p_("field", "need"),
            "start": p_("field", "start"),
            "end": p_("field", "end"),
            "value": p_("field", "value"),
            "inputs": p_("field", "inputs"),
            "outputs": p_("field", "outputs"),
            "activities": p_("field", "activities"),
            "interfaces": p_("field", "interfaces"),
            "requirements": p_("field", "requirements"),
            "measures": p_("field", "measures"),
            "risks": p_("field", "risks"),
            "controls": p_("field", "self-checks"),
            "systems": p_("field", "IT systems"),
            "documents": p_("field", "documents"),
            "approved": p_("field", "approval"),
            "review_date": p_("field", "next review"),
            "tags": p_("field", "tags"),
            "category": p_("field", "category"),
            "management_area": p_("field", "management area"),
            "level": p_("field", "level"),
            "responsibilities": p_("field", "responsibilities"),
            "email": p_("field", "e-mail"),
            "username": p_("field", "user name"),
            "summary": p_("field", "summary"),
            "processes": p_("field", "processes"),
            "chapters": p_("field", "chapters"),
            "process": p_("field", "process"),
            "submitted": p_("field", "submitted"),
            "submitted_by": p_("field", "submitted by"),
            "decision": p_("field", "decision"),
            "decided": p_("field", "decision date"),
            "date": p_("field", "date"),
            "scores": p_("field", "scores"),
            "assessors": p_("field", "assessors"),
            "comments": p_("field", "comments"),
            "role": p_("field", "performer"),
            "accountable": p_("field", "accountable"),
            "consulted": p_("field", "consulted"),
            "informed": p_("field", "informed"),
            "next": p_("field", "next"),
            "direction": p_("field", "direction"),
            "source": p_("field", "source"),
            "url": p_("field", "link"),
            "definition": p_("field", "definition"),
            "target": p_("field", "target"),
            "frequency": p_("field", "frequency"),
            "likelihood": p_("field", "likelihood"),
            "consequence": p_("field", "consequence"),
            "action": p_("field", "action"),
            "method": p_("field", "method"),
            "handbook": p_("field", "handbook"),
            "by": p_("field", "approved by"),
            "body": p_("field", "text"),
        }


@cache
def _item_labels(language: Language) -> dict[str, str]:
    """What one item of a list field is called."""
    with i18n.speaking(language):
        return {
            "activities": p_("list item", "activity"),
            "interfaces": p_("list item", "interface with"),
            "requirements": p_("list item", "requirement"),
            "measures": p_("list item", "measure"),
            "risks": p_("list item", "risk"),
            "controls": p_("list item", "self-check"),
            "documents": p_("list item", "document"),
            "chapters": p_("list item", "chapter"),
            "leaders": p_("list item", "process leader"),
            "inputs": p_("list item", "input"),
            "outputs": p_("list item", "output"),
            "systems": p_("list item", "IT system"),
            "tags": p_("list item", "tag"),
            "processes": p_("list item", "process"),
            "assessors": p_("list item", "assessor"),
            "responsibilities": p_("list item", "responsibility"),
        }


@cache
def _enum_words(language: Language) -> dict[str, str]:
    """A value chosen from a list (a status, a type, a frequency) in words; in English, a
    value without a word of its own is shown as written."""
    with i18n.speaking(language):
        return {
            **status_words(language),
            **handbook_type_words(language),
            "management": p_("field value", "management"),
            "core": p_("field value", "core"),
            "support": p_("field value", "support"),
            "in": p_("field value", "in"),
            "out": p_("field value", "out"),
            "weekly": p_("field value", "weekly"),
            "monthly": p_("field value", "monthly"),
            "quarterly": p_("field value", "quarterly"),
            "yearly": p_("field value", "yearly"),
            "governance": p_("field value", "governance"),
            "operational": p_("field value", "operational"),
            "strategic": p_("field value", "strategic"),
            "tactical": p_("field value", "tactical"),
            "resource": p_("field value", "resource"),
            "work": p_("field value", "work"),
        }


@cache
def _labels_by_kind(language: Language) -> dict[tuple[str, str], str]:
    """A field called otherwise in one kind of entity than in the rest, by (kind, field): a
    process's owner is its process owner, an area's the person responsible for it (as the
    site calls them); a handbook's owner stays its owner."""
    with i18n.speaking(language):
        return {
            ("process", "owner"): p_("field", "process owner"),
            ("area", "owner"): p_("field", "person responsible"),
        }


def field_label(field: str, language: Language, kind: str | None = None) -> str:
    """What ``field`` is called, in an entity of ``kind`` when given (see
    :func:`_labels_by_kind`)."""
    if kind is not None:
        named = _labels_by_kind(language).get((kind, field))
        if named is not None:
            return named
    return field_labels(language).get(field, field)


def describe(
    change: FieldChange,
    language: Language,
    markup: Callable[[str], str] | None = None,
    code: Callable[[str], str] | None = None,
    *,
    kind: str | None = None,
) -> str:
    """One change in plain words. ``markup`` is applied to every text taken from the files
    (names, values, paths): pass a Markdown or HTML escape. ``code`` shows an id (default: in
    backticks, as Markdown has it; for HTML e.g. ``lambda s: f"<code>{escape(s)}</code>"``).
    ``kind`` is the kind of the entity changed: some fields are named after it (a process's
    ``owner`` is its process owner)."""
    with i18n.speaking(language):
        return _describe(change, language, markup or _same, code or _backticks, kind)


def _describe(
    change: FieldChange,
    language: Language,
    m: Callable[[str], str],
    c: Callable[[str], str],
    kind: str | None,
) -> str:
    if change.action == "moved":
        return _("moved from file {old} to {new}", old=m(change.old or ""), new=m(change.new or ""))
    if change.action == "unreadable":
        if change.old:
            return _(
                "could not be read before the period ({old}); shown as it is now",
                old=m(change.old),
            )
        return _("cannot be read at the end of the period ({new})", new=m(change.new or ""))
    # a top-level field may be named after the entity's kind; a part of one never is
    label = (
        field_label(change.part, language)
        if change.part is not None
        else field_label(change.field, language, None if change.item is not None else kind)
    )
    if change.action == "reordered":
        return _("{label} reordered", label=field_label(change.field, language))
    if change.action == "item_added":
        return _("{item} added", item=_item(change, language, m, c))
    if change.action == "item_removed":
        return _("{item} removed", item=_item(change, language, m, c))
    prefix = ""
    if change.item is not None:
        prefix = _item(change, language, m, c) + ": "
    elif change.part is not None:
        prefix = field_label(change.field, language) + ": "
        label = m(change.part) if change.field == "scores" else label
    old = _value(change, change.old, language, m)
    new = _value(change, change.new, language, m)
    if change.action == "edited":
        text = _("{label} edited", label=label)
    elif change.action == "set":
        text = (
            _("{label} set to {new}", label=label, new=new)
            if new
            else _("{label} written", label=label)
        )
    elif change.action == "unset":
        text = (
            _("{label} removed (was {old})", label=label, old=old)
            if old
            else _("{label} removed", label=label)
        )
    elif (change.part or change.field) == "status":
        text = _("{label} {old} → {new}", label=label, old=old, new=new)
    else:
        text = _("{label} changed from {old} to {new}", label=label, old=old, new=new)
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
    noun = _item_labels(language).get(change.field, field_label(change.field, language))
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
        words = _enum_words(language)
        return m(", ".join(words.get(part, part) for part in value.split(", ")))
    return m(value)
