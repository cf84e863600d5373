"""A submitted form as an entity's values, and the changes its buttons ask for.

Field names are paths: ``name``, ``approved.date``, ``activities.2.role``; an item of a list
carries ``activities.2.__origin``, its place in the file as read (empty for a new item), so that
the writer can keep what the file says about it (comments, ``x-`` keys) wherever it moves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from processkit.authoring.editor.fields import FormField

ORIGIN = "__origin"
_INDEX = re.compile(r"^(?P<list>[a-z_]+)\.(?P<index>\d+)\.(?P<rest>.+)$")


def _one(values: dict[str, list[str]], name: str) -> str:
    found = values.get(name, [])
    return found[-1].strip() if found else ""


def _value(formfield: FormField, values: dict[str, list[str]], name: str) -> Any:
    """The value of one field, or None when the form leaves it empty."""
    if formfield.widget in ("references",):
        chosen = [v.strip() for v in values.get(name, []) if v.strip()]
        return chosen or None
    if formfield.widget == "lines":
        lines = [line.strip() for line in _one(values, name).splitlines() if line.strip()]
        return lines or None
    if formfield.widget == "textarea":
        found = values.get(name, [])
        text = found[-1].replace("\r\n", "\n").strip() if found else ""
        # text over several lines is kept as a block (``|``), which ends with its line
        return (text + "\n" if "\n" in text else text) or None
    text = _one(values, name)
    if not text:
        return None
    if formfield.integer and text.isdigit():
        return int(text)
    return text


def _items(formfield: FormField, values: dict[str, list[str]], prefix: str) -> list[Any]:
    indexes: set[int] = set()
    pattern = re.compile(rf"^{re.escape(prefix)}\.(\d+)\.")
    for name in values:
        match = pattern.match(name)
        if match:
            indexes.add(int(match.group(1)))
    items: list[Any] = []
    for index in sorted(indexes):
        item = read_fields(formfield.fields, values, f"{prefix}.{index}.")
        origin = _one(values, f"{prefix}.{index}.{ORIGIN}")
        item[ORIGIN] = int(origin) if origin.isdigit() else None
        items.append(item)
    return items


def read_fields(
    fields: Sequence[FormField], values: dict[str, list[str]], prefix: str = ""
) -> dict[str, Any]:
    """The values of ``fields`` in the form (empty fields left out), in the model's order."""
    found: dict[str, Any] = {}
    for formfield in fields:
        name = prefix + formfield.name
        if formfield.widget == "items":
            items = _items(formfield, values, name)
            if items:
                found[formfield.name] = items
        elif formfield.widget == "group":
            group = read_fields(formfield.fields, values, name + ".")
            if group:
                found[formfield.name] = group
        else:
            value = _value(formfield, values, name)
            if value is not None:
                found[formfield.name] = value
    return found


def collect(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """The submitted (name, value) pairs by name, in the order given."""
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        values.setdefault(name, []).append(value)
    return values


def without_origins(value: Any) -> Any:
    """The values as they go into the file: no ``__origin`` markers."""
    if isinstance(value, dict):
        return {k: without_origins(v) for k, v in value.items() if k != ORIGIN}
    if isinstance(value, list):
        return [without_origins(v) for v in value]
    return value


def with_origins(value: dict[str, Any], fields: Sequence[FormField]) -> dict[str, Any]:
    """The values of a file as read, each list item marked with its place in it."""
    marked = dict(value)
    for formfield in fields:
        items = marked.get(formfield.name)
        if formfield.widget == "items" and isinstance(items, list):
            marked[formfield.name] = [
                {**item, ORIGIN: index} if isinstance(item, dict) else item
                for index, item in enumerate(items)
            ]
    return marked


def apply_action(values: dict[str, Any], action: str, fields: Sequence[FormField]) -> str | None:
    """Carry out a button's ``add:activities``, ``remove:activities.2``, ``up:...``,
    ``down:...`` on ``values``; the field id to put the focus on, or None for no action."""
    verb, _colon, target = action.partition(":")
    lists = {f.name for f in fields if f.widget == "items"}
    if verb == "add" and target in lists:
        items = values.setdefault(target, [])
        items.append({ORIGIN: None})
        return f"{target}.{len(items) - 1}"
    name, _dot, number = target.partition(".")
    if name not in lists or not number.isdigit():
        return None
    items = values.get(name, [])
    index = int(number)
    if not 0 <= index < len(items):
        return None
    if verb == "remove":
        del items[index]
        if not items:
            values.pop(name, None)
        return name
    other = index - 1 if verb == "up" else index + 1 if verb == "down" else -1
    if not 0 <= other < len(items):
        return f"{name}.{index}"
    items[index], items[other] = items[other], items[index]
    return f"{name}.{other}"
