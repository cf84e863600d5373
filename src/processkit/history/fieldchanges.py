"""Which fields of an entity changed between two versions, as data to put into words.

The values compared are the mappings read from the files (``Snapshot.value``), so versions
that do not satisfy the models are compared too. References are shown by name: a person's
name for an owner, a process's name for a parent, and so on.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

from processkit.frozen import frozen
from processkit.model import KINDS

Action = Literal[
    "set",  # a field that was empty got a value
    "changed",  # a short value was replaced
    "unset",  # a field was removed or emptied
    "edited",  # a long text was rewritten (not repeated in the change log)
    "item_added",  # an item joined a list
    "item_removed",  # an item left a list
    "reordered",  # the same items in a new order
    "moved",  # the entity now lives in another file
    "unreadable",  # one of the two versions cannot be read
]

#: How a value is shown: free ``text`` in quotes, a ``name`` or ``plain`` value as it is,
#: an ``enum`` translated into the reader's language.
ValueKind = Literal["text", "name", "enum", "plain"]

#: The reference fields, by the kind they name; "*" holds for every kind.
REFERENCE_FIELDS: dict[str, str] = {
    "owner": "person",
    "leaders": "person",
    "area": "area",
    "parent": "process",
    "process": "process",
    "processes": "process",
    "role": "role",
    "accountable": "role",
    "consulted": "role",
    "informed": "role",
    "handbook": "handbook",
    "documents": "handbook",  # in an activity; a process's documents are items
}
ENUM_FIELDS = frozenset(
    {"status", "type", "direction", "frequency", "category", "level", "management_area"}
)
PLAIN_FIELDS = frozenset(
    {
        "date",
        "submitted",
        "decided",
        "review_date",
        "version",
        "likelihood",
        "consequence",
        "order",
        "next",
        "url",
        "email",
        "username",
    }
)
#: A text longer than this (or spanning lines) is reported as edited, not repeated.
LONG_TEXT = 80

#: How the items of a list of mappings are told apart, by the field holding the list.
ITEM_KEYS: dict[str, tuple[str, ...]] = {
    "activities": ("id",),
    "interfaces": ("process", "direction"),
    "requirements": ("source",),
    "measures": ("name",),
    "risks": ("description",),
    "controls": ("description",),
    "documents": ("handbook", "title"),
    "chapters": ("title",),
}


@frozen
class FieldChange:
    """One change to one field, or to one item of a list field.

    ``field`` is the top-level key (``file`` for a move); ``item``/``item_name`` identify the
    list item concerned (an activity's id and name); ``part`` is the key changed within that
    item or within a mapping field (``approved: date``). ``old``/``new`` are the values as
    shown, references replaced by names; ``value_kind`` says how to print them.
    """

    field: str
    action: Action
    old: str | None = None
    new: str | None = None
    item: str | None = None
    item_name: str | None = None
    part: str | None = None
    value_kind: ValueKind = "plain"


class Names:
    """Names of entities by kind and id, for showing references; an unknown id shows as
    itself."""

    def __init__(self, names: Mapping[str, Mapping[str, str]]) -> None:
        self._names = names

    def of(self, kind: str, entity_id: str) -> str:
        return self._names.get(kind, {}).get(entity_id, entity_id)


def plain(value: Any) -> Any:
    """A value for comparing and showing (the loader keeps ``2.10`` as written already)."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def diff_values(
    kind: str, old: Mapping[str, Any], new: Mapping[str, Any], names: Names
) -> list[FieldChange]:
    """The changes from ``old`` to ``new`` (two versions of one entity), in the order of the
    kind's fields; ``kind`` and ``id`` are left out."""
    old_plain = plain(dict(old))
    new_plain = plain(dict(new))
    model = KINDS.get(kind)
    order = list(model.model_fields) if model is not None else []
    keys = [key for key in order if key in old_plain or key in new_plain]
    keys += sorted((set(old_plain) | set(new_plain)) - set(order))
    changes: list[FieldChange] = []
    for key in keys:
        if key in ("kind", "id"):
            continue
        before, after = old_plain.get(key), new_plain.get(key)
        if before == after:
            continue
        changes.extend(_field(key, before, after, names))
    return changes


def _field(key: str, before: Any, after: Any, names: Names) -> Iterator[FieldChange]:
    if _is_list(before) and _is_list(after) and key in ITEM_KEYS:
        yield from _item_list(key, before or [], after or [], names)
    elif _is_list(before) and _is_list(after) and _all_scalar(before) and _all_scalar(after):
        yield from _scalar_list(key, before or [], after or [], names)
    elif isinstance(before, dict) and isinstance(after, dict):
        for part in _keys(before, after):
            if before.get(part) != after.get(part):
                yield _scalar(key, before.get(part), after.get(part), names, part=part)
    else:
        yield _scalar(key, before, after, names)


def _is_list(value: Any) -> bool:
    return value is None or isinstance(value, list)


def _all_scalar(values: Any) -> bool:
    return not any(isinstance(value, dict | list) for value in values or [])


def _keys(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    return list(before) + [key for key in after if key not in before]


def _scalar(
    key: str,
    before: Any,
    after: Any,
    names: Names,
    *,
    part: str | None = None,
    item: str | None = None,
    item_name: str | None = None,
) -> FieldChange:
    field_name = part or key
    kind = _value_kind(field_name)
    old: str | None = _show(field_name, before, names)
    new: str | None = _show(field_name, after, names)
    if kind == "text" and (_is_long(old) or _is_long(new)):
        if old and new:
            return FieldChange(key, "edited", item=item, item_name=item_name, part=part)
        old, new = (None if _is_long(old) else old), (None if _is_long(new) else new)
    if not old:
        action: Action = "set"
    elif not new:
        action = "unset"
    else:
        action = "changed"
    return FieldChange(key, action, old or None, new or None, item, item_name, part, kind)


def _value_kind(field_name: str) -> ValueKind:
    if field_name in REFERENCE_FIELDS:
        return "name"
    if field_name in ENUM_FIELDS:
        return "enum"
    if field_name in PLAIN_FIELDS:
        return "plain"
    return "text"


def _is_long(text: str | None) -> bool:
    return text is not None and (len(text) > LONG_TEXT or "\n" in text.strip())


def _show(field_name: str, value: Any, names: Names) -> str:
    """A value as one line of text, references by name; empty for no value."""
    if value is None or value == [] or value == {}:
        return ""
    target = REFERENCE_FIELDS.get(field_name)
    if isinstance(value, list):
        return ", ".join(_show(field_name, item, names) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_show(k, v, names)}" for k, v in value.items())
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if target is not None:
        return names.of(target, text)
    return text


def _scalar_list(
    key: str, before: list[Any], after: list[Any], names: Names
) -> Iterator[FieldChange]:
    old_items = [_show(key, item, names) for item in before]
    new_items = [_show(key, item, names) for item in after]
    kind = _value_kind(key)
    old_set, new_set = set(old_items), set(new_items)  # linear in long lists, not quadratic
    for value in new_items:
        if value not in old_set:
            yield FieldChange(key, "item_added", item=value, value_kind=kind)
    for value in old_items:
        if value not in new_set:
            yield FieldChange(key, "item_removed", item=value, value_kind=kind)
    if sorted(old_items) == sorted(new_items) and old_items != new_items:
        yield FieldChange(key, "reordered")


def _item_list(
    key: str, before: list[Any], after: list[Any], names: Names
) -> Iterator[FieldChange]:
    old_items = _keyed(key, before, names)
    new_items = _keyed(key, after, names)
    for item_key, (label, _value) in new_items.items():
        if item_key not in old_items:
            yield FieldChange(key, "item_added", item=item_key, item_name=label)
    for item_key, (label, _value) in old_items.items():
        if item_key not in new_items:
            yield FieldChange(key, "item_removed", item=item_key, item_name=label)
    for item_key, (label, value) in new_items.items():
        if item_key not in old_items:
            continue
        earlier = old_items[item_key][1]
        if not isinstance(earlier, dict) or not isinstance(value, dict):
            if earlier != value:
                yield _scalar(key, earlier, value, names, item=item_key, item_name=label)
            continue
        for part in _keys(earlier, value):
            if earlier.get(part) != value.get(part):
                yield _scalar(
                    key,
                    earlier.get(part),
                    value.get(part),
                    names,
                    part=part,
                    item=item_key,
                    item_name=label,
                )
    common_old = [k for k in old_items if k in new_items]
    common_new = [k for k in new_items if k in old_items]
    if common_old != common_new:
        yield FieldChange(key, "reordered")


def _keyed(key: str, items: list[Any], names: Names) -> dict[str, tuple[str | None, Any]]:
    """List items by their identifying value (made unique), with a name to show."""
    keyed: dict[str, tuple[str | None, Any]] = {}
    last_number: dict[str, int] = {}  # per identifying value: the number its last twin got
    for index, value in enumerate(items):
        item_key, label = _identify(key, value, index, names)
        unique = item_key
        counter = last_number.get(item_key, 1) + 1
        while unique in keyed:
            unique = f"{item_key} ({counter})"
            counter += 1
        last_number[item_key] = counter - 1
        keyed[unique] = (label, value)
    return keyed


def _identify(key: str, value: Any, index: int, names: Names) -> tuple[str, str | None]:
    if not isinstance(value, dict):
        return str(value), None
    for field_name in ITEM_KEYS.get(key, ()):
        found = value.get(field_name)
        if found is None:
            continue
        text = " ".join(str(found).split())
        if key == "activities":
            label = value.get("name")
            return text, str(label) if label is not None else None
        if key == "interfaces":
            direction = value.get("direction")
            item = f"{text} ({direction})" if direction else text
            return item, names.of("process", text)
        if key == "documents" and field_name == "handbook":
            return text, names.of("handbook", text)
        return _shorten(text), None
    return f"#{index + 1}", None


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
