"""``fmt``: one canonical layout for every file, with every comment and every value kept.

Keys follow FORMAT.md's order (the models' field order), nested mappings too; other keys
(``x-`` extensions, misspelt ones) follow the known keys in the order they were written. Mappings
are indented by two spaces and list items (``- ``) by two more under their key. Values written
without quotes are written back exactly as they were (``2.10`` stays ``2.10``), except a number
in a text field, which is put in quotes (``version: "2.10"``, ``tags: ["2024"]``): processkit
reads it as the text written, and now every YAML tool does too. Quoted text keeps quotes only
where YAML needs them, and then double quotes, as FORMAT.md writes ``"2.1"``. Words that older
YAML tools read as true or false (``no``, ``on``) are quoted. ``!!str`` and ``!`` become quotes;
a file with another tag is left as it is. Comments stay with the key they describe; ``[...]``
and ``{...}`` lists stay on one line.

The result is checked before it is returned: it must read back to the same values (the numbers
put in quotes read back as their text) and hold the same comments, or the file is left as it is.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from processkit.authoring.comments import Comments, Unsupported, extract, insert
from processkit.authoring.keyorder import UNORDERED, KeyOrder, config_order, order_for_kind
from processkit.authoring.textfields import (
    NO_TEXT,
    TextFields,
    config_text_fields,
    text_fields_for_kind,
)
from processkit.diagnostics import Diagnostic, Severity
from processkit.frozen import frozen
from processkit.i18n import _
from processkit.loading.yamlfile import ParsedFile, compose, read_yaml
from processkit.model.numbers import WrittenNumber, read_number

#: Plain words YAML 1.1 (older tools) reads as true or false, or as a number: always quoted.
_YAML11_SPECIAL = re.compile(
    r"^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$"
)
_STANDARD_TAG = "tag:yaml.org,2002:"
_IMPLICIT = "?"  # the loader's tag for an untagged node, and for one tagged ``!``
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


@frozen
class Formatted:
    """One file: its text as read, as formatted, or the problem that kept it as it is."""

    path: str
    before: str | None
    after: str | None
    problem: Diagnostic | None = None

    @property
    def changed(self) -> bool:
        return self.problem is None and self.after is not None and self.after != self.before


def format_text(text: str, path: str, *, config: bool = False) -> Formatted:
    """Format one file's ``text``; ``config`` for ``processkit.yaml`` (its own key order)."""
    return format_bytes(text.encode("utf-8"), path, config=config, original=text)


def format_bytes(
    data: bytes, path: str, *, config: bool = False, original: str | None = None
) -> Formatted:
    """Format one file given as bytes (a BOM and CRLF line ends are normalised away)."""
    before = original if original is not None else data.decode("utf-8", "replace")
    parsed = read_yaml(path, data, strip_extensions=False)
    if parsed.diagnostics or parsed.node is None or parsed.text is None:
        problem = (
            parsed.diagnostics[0] if parsed.diagnostics else _problem(path, _("cannot be read"))
        )
        return Formatted(path, before, None, problem)
    try:
        comments = extract(parsed.text, parsed.node)
        document = _tree(parsed.node, parsed.text)
    except Unsupported as unsupported:
        return Formatted(
            path,
            before,
            None,
            _problem(
                path,
                _("{problem}; fmt leaves such files as they are", problem=unsupported),
                unsupported.hint or _("Write the repeated values out in full, then run fmt again."),
            ),
        )
    kind = parsed.value.get("kind")
    order = config_order() if config else order_for_kind(kind)
    fields = config_text_fields() if config else text_fields_for_kind(kind)
    _arrange(document, order)
    _quote_numbers(document, fields)
    after = _write(document, comments, path)
    if after is None or not _same(parsed, after, comments, path, fields):
        return Formatted(
            path,
            before,
            None,
            _problem(
                path,
                _(
                    "fmt could not format this file without changing a value or moving a "
                    "comment out of reach (for example one inside `[...]`); it was left as it is"
                ),
                _("Move comments out of `[...]` and `{...}` lists, or format the file by hand."),
            ),
        )
    return Formatted(path, before, after)


def _problem(path: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic("PK002", Severity.ERROR, message, path, 0, 0, hint)


class Verbatim(str):
    """A value written without quotes (a number, a date, true), written back as it was."""

    __slots__ = ()


@cache
def _resolver() -> Any:
    from ruamel.yaml.resolver import VersionedResolver

    return VersionedResolver()


def _represent_verbatim(representer: Any, data: Verbatim) -> Any:
    """Plain, with the tag YAML gives the text, so that nothing is added to it."""
    from ruamel.yaml.nodes import ScalarNode as RuamelScalar

    tag = _resolver().resolve(RuamelScalar, str(data), (True, False))
    return representer.represent_scalar(tag, str(data), style=None)


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long text onto several lines
    yaml.representer.add_representer(Verbatim, _represent_verbatim)
    return yaml


def _tree(node: Node, text: str) -> Any:
    """ruamel.yaml's round-trip objects for a composed document, styles kept.

    Built from the nodes the loader has already composed (at C speed) rather than by parsing
    the text again with ruamel.yaml's pure-Python parser.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        LiteralScalarString,
    )

    def build(current: Node) -> Any:
        if isinstance(current, MappingNode):
            mapping = CommentedMap()
            for key_node, value_node in current.value:
                plain = isinstance(key_node, ScalarNode) and not key_node.style
                key = Verbatim(key_node.value) if plain else str(key_node.value)
                mapping[key] = build(value_node)
            _style(mapping, current)
            return mapping
        if isinstance(current, SequenceNode):
            sequence = CommentedSeq(build(item) for item in current.value)
            _style(sequence, current)
            return sequence
        assert isinstance(current, ScalarNode)
        value: str = current.value
        tagged = text[current.start_mark.index : current.start_mark.index + 1] == "!"
        if tagged and current.tag not in (_IMPLICIT, _STANDARD_TAG + "str"):
            # ``!!int "3"`` is the number 3, which no plain or quoted form writes as it was
            shown = current.tag.replace(_STANDARD_TAG, "!!")
            raise Unsupported(
                _("the file uses the YAML tag `{tag}`", tag=shown),
                _(
                    "Remove `{tag}` and write the value plainly (text in quotes), then run fmt "
                    "again.",
                    tag=shown,
                ),
            )
        if current.style == "|":
            return LiteralScalarString(value)
        if current.style == ">":
            return FoldedScalarString(value)
        if current.style in ("'", '"') or tagged:
            return DoubleQuotedScalarString(value) if _YAML11_SPECIAL.match(value) else value
        if _NULL.match(value):
            return None
        if _YAML11_SPECIAL.match(value):
            return DoubleQuotedScalarString(value)
        return Verbatim(value)

    return build(node)


def _style(container: Any, node: MappingNode | SequenceNode) -> None:
    if node.flow_style:
        container.fa.set_flow_style()
    else:
        container.fa.set_block_style()


def _arrange(node: Any, order: KeyOrder) -> None:
    """Put the keys of every mapping in their order, nested ones too."""
    if isinstance(node, dict):
        if order.keys:
            for key in sorted(node, key=order.rank):
                node.move_to_end(key)  # type: ignore[attr-defined]  # a CommentedMap
        for key, value in node.items():
            _arrange(value, order.nested.get(str(key), UNORDERED))
    elif isinstance(node, list):
        for item in node:
            _arrange(item, order)


def _quote_numbers(node: Any, fields: TextFields) -> None:
    """Put in quotes every number written in a text field, nested mappings too."""
    if isinstance(node, list):
        for item in node:
            _quote_numbers(item, fields)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        name = str(key)
        if name in fields.text:
            node[key] = _quoted(value)
        else:
            _quote_numbers(value, fields.nested.get(name, NO_TEXT))


def _quoted(value: Any) -> Any:
    """A text field's value with its numbers in quotes (in a list or mapping of texts too)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, Verbatim):
        return DoubleQuotedScalarString(value) if read_number(value) is not None else value
    if isinstance(value, list):
        for index, item in enumerate(value):
            value[index] = _quoted(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            value[key] = _quoted(item)
    return value


def _as_text(value: Any, fields: TextFields) -> Any:
    """The values read from a file, with each number in a text field as the text it was
    written as: what the file reads as once ``_quote_numbers`` has put them in quotes."""
    if isinstance(value, list):
        return [_as_text(item, fields) for item in value]
    if not isinstance(value, dict):
        return value
    result: dict[str, Any] = {}
    for key, item in value.items():
        if key in fields.text:
            result[key] = _text_of(item)
        else:
            result[key] = _as_text(item, fields.nested.get(key, NO_TEXT))
    return result


def _text_of(value: Any) -> Any:
    if isinstance(value, list):
        return [_text_of(item) for item in value]
    if isinstance(value, dict):
        return {key: _text_of(item) for key, item in value.items()}
    if isinstance(value, WrittenNumber):
        return str(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return repr(value)  # the loader keeps a number only when this is how it was written
    return value


def _write(document: Any, comments: Comments, path: str) -> str | None:
    stream = io.StringIO()
    _yaml().dump(document, stream)
    bare = stream.getvalue()
    nodes, error = compose(path, bare)
    if error is not None or not nodes:
        return None
    # the quotes change no line, so the lines found in ``nodes`` still hold
    return insert(_double_quotes(bare, nodes[0]), nodes[0], comments)


def _double_quotes(text: str, root: Node) -> str:
    """Texts that need quotes in double quotes: ruamel.yaml writes single ones."""
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for node in _scalars(root):
        start, end = node.start_mark, node.end_mark
        if node.style != "'" or start.line != end.line:
            continue
        if not all(char.isprintable() for char in node.value):
            continue  # control characters: single quotes show them as they are
        quoted = json.dumps(node.value, ensure_ascii=False)
        edits.setdefault(start.line, []).append((start.column, end.column, quoted))
    if not edits:
        return text
    lines = text.split("\n")
    for number, changes in edits.items():
        line = lines[number]
        for begin, finish, quoted in sorted(changes, reverse=True):
            line = line[:begin] + quoted + line[finish:]
        lines[number] = line
    return "\n".join(lines)


def _scalars(node: Node) -> Iterator[ScalarNode]:
    if isinstance(node, ScalarNode):
        yield node
    elif isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            yield from _scalars(key_node)
            yield from _scalars(value_node)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _scalars(item)


def _same(
    parsed: ParsedFile, after: str, comments: Comments, path: str, fields: TextFields
) -> bool:
    """The formatted text reads back to the same values (numbers in text fields as their
    text) and holds the same comments."""
    again = read_yaml(path, after.encode("utf-8"), strip_extensions=False)
    if again.diagnostics or again.node is None or again.text is None:
        return False
    if _plain(again.value) != _plain(_as_text(parsed.value, fields)):
        return False
    try:
        return extract(again.text, again.node).texts() == comments.texts()
    except Unsupported:
        return False


def _plain(value: Any) -> Any:
    """A value comparable across formatting, types included (``2`` is not ``"2"``)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return (type(value).__name__, value)


@frozen
class FormatRun:
    """What ``fmt`` did to a set of files."""

    results: list[Formatted]

    @property
    def changed(self) -> list[Formatted]:
        return [result for result in self.results if result.changed]

    @property
    def problems(self) -> list[Formatted]:
        return [result for result in self.results if result.problem is not None]


def format_files(
    root: Path, relatives: Iterable[str], *, config_name: str, write: bool
) -> FormatRun:
    """Format each file (relative to ``root``); with ``write``, save those that change."""
    from processkit.fsutil import write_atomic

    results: list[Formatted] = []
    for relative in relatives:
        target = root / relative
        try:
            data = target.read_bytes()
        except OSError as exc:
            from processkit.errors import reason as why

            reason = why(exc)
            problem = Diagnostic(
                "PK001",
                Severity.ERROR,
                _("the file cannot be read: {reason}", reason=reason),
                relative,
            )
            results.append(Formatted(relative, None, None, problem))
            continue
        result = format_bytes(data, relative, config=relative == config_name)
        if result.changed and write and result.after is not None:
            write_atomic(target, result.after)
        results.append(result)
    return FormatRun(results)
