"""The form's values written into the file as it is: comments, key order and ``x-`` keys kept.

The file is read with ruamel.yaml's round-trip loader, only the values that changed are set
(a list item keeps its comments and ``x-`` keys wherever it moved), new keys go where FORMAT.md
puts them (``keyorder``), and a file that was in ``fmt``'s layout is put in it again. The text
is then read back the way processkit reads every file; unless it gives exactly the values of
the form, nothing is written (``NotTheSame``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from processkit.authoring.editor.fields import FormField
from processkit.authoring.editor.formdata import ORIGIN, without_origins
from processkit.authoring.fmt import format_text
from processkit.authoring.keyorder import KeyOrder, order_for_kind
from processkit.loading.yamlfile import read_yaml


class NotTheSame(Exception):
    """The written text would not read back as the form's values."""


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _plain(value: Any) -> Any:
    """A value as processkit reads it: dates and numbers written as text compare as text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if not _empty(v)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return value
    return str(value)


def _new_value(value: Any, formfield: FormField | None) -> Any:
    """A value the file did not hold, in the style FORMAT.md writes it."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        fields = formfield.fields if formfield is not None else ()
        mapping = CommentedMap()
        for key, inner in value.items():
            if key != ORIGIN and not _empty(inner):
                mapping[key] = _new_value(inner, _find(fields, key))
        return mapping
    if isinstance(value, list):
        seq = CommentedSeq(_new_value(v, formfield) for v in value)
        if formfield is not None and formfield.widget == "references":
            seq.fa.set_flow_style()
        if formfield is not None and formfield.name == "tags":
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value:
        from ruamel.yaml.scalarstring import LiteralScalarString

        return LiteralScalarString(value)
    if formfield is not None and formfield.widget == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _find(fields: Sequence[FormField], name: str) -> FormField | None:
    return next((f for f in fields if f.name == name), None)


def _merge_map(
    target: Any, new: dict[str, Any], fields: Sequence[FormField], order: KeyOrder
) -> None:
    known = {f.name for f in fields}
    for key in list(target):
        name = str(key)
        if name in known and name not in new and not _empty(target[key]):
            del target[key]
    for key, value in new.items():
        if key == ORIGIN:
            continue
        formfield = _find(fields, key)
        if key in target:
            target[key] = _merged(target[key], value, formfield, order.nested.get(key))
            continue
        rank = order.rank(key)
        position = 0
        for index, existing in enumerate(target):
            if order.rank(existing) <= rank:
                position = index + 1
        target.insert(position, key, _new_value(value, formfield))


def _merged(old: Any, new: Any, formfield: FormField | None, order: KeyOrder | None) -> Any:
    """``old`` changed as little as needed to hold ``new``."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if _plain(old) == _plain(without_origins(new)):
        return old
    fields = formfield.fields if formfield is not None else ()
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        _merge_map(old, new, fields, order or KeyOrder())
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        if formfield is not None and formfield.widget == "items":
            _merge_items(old, new, formfield, order or KeyOrder())
        else:
            kept = list(old)
            del old[:]
            old.extend(
                next((k for k in kept if _plain(k) == _plain(v)), _new_value(v, formfield))
                for v in new
            )
        return old
    return _new_value(new, formfield)


def _merge_items(seq: Any, new: list[Any], formfield: FormField, order: KeyOrder) -> None:
    """A list of items in its new order; each item that came from the file keeps its mapping
    (and the comments ruamel.yaml keeps with it)."""
    old = list(seq)
    old_comments = dict(seq.ca.items)
    seq.ca.items.clear()
    del seq[:]
    for place, item in enumerate(new):
        origin = item.get(ORIGIN) if isinstance(item, dict) else None
        if isinstance(origin, int) and 0 <= origin < len(old):
            kept = old[origin]
            seq.append(_merged(kept, item, formfield, order))
            if origin in old_comments:
                seq.ca.items[place] = old_comments[origin]
        else:
            seq.append(_new_value(item, formfield))


def _dump(document: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(document, stream)
    return stream.getvalue()


def _in_fmt_layout(text: str, path: str) -> bool:
    formatted = format_text(text, path)
    return formatted.problem is None and formatted.after == text


def written_text(
    before: str | None, values: dict[str, Any], fields: Sequence[FormField], path: str
) -> str:
    """The file's new text holding ``values`` (with ``__origin`` markers); raises NotTheSame
    when it would not read back as them."""
    kind = values.get("kind")
    order = order_for_kind(kind)
    if before is None:
        document = _new_value(values, None)
        _merge_map(document, {}, fields, order)
        for key in list(document):
            document[key] = _new_value(values[key], _find(fields, str(key)))
        text = _dump(document)
        fmt_layout = True
    else:
        document = _yaml().load(before)
        _merge_map(document, values, fields, order)
        text = _dump(document)
        fmt_layout = _in_fmt_layout(before, path)
    if fmt_layout:
        formatted = format_text(text, path)
        if formatted.problem is None and formatted.after is not None:
            text = formatted.after
    if not reads_back(text, values, path):
        raise NotTheSame(path)
    return text


def reads_back(text: str, values: dict[str, Any], path: str) -> bool:
    """Whether ``text`` reads back (as processkit reads a file) as ``values``."""
    parsed = read_yaml(path, text.encode("utf-8"))
    if parsed.diagnostics or not isinstance(parsed.value, dict):
        return False
    expected = _plain(without_origins(values))
    found = _plain({k: v for k, v in parsed.value.items() if k in expected or not _empty(v)})
    return bool(found == expected)
