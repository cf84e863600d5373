"""Reading one YAML file: bytes -> text -> nodes (with positions) -> plain Python values.

PyYAML's libyaml-based composer gives every node its position at C speed; the conversion to
Python values is ours, so that it can follow YAML 1.2 (``no`` and ``off`` stay text), report
duplicate keys and tags processkit does not know, strip ``x-`` extension keys and refuse alias
bombs.

Tags: the core ones are honoured (``!!str``, ``!!int``, ``!!float``, ``!!bool``, ``!!null``, and
``!!map`` / ``!!seq`` on a mapping / list); the non-specific tag ``!`` makes a value text
(``! 12`` is the text "12"). Any other tag (``!foo``, ``!!binary``, ``!!timestamp``,
``!!python/object``...) is a PK011 at the tag: the YAML is well-formed, but the value claims a
type processkit does not have. The value is then read as if untagged, so the rest of the file is
still checked, and the model's own complaint at the same place is left out (see
``load._beside_tags``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from processkit.diagnostics import Diagnostic, Severity
from processkit.i18n import N_, _, decimal
from processkit.loading.yamlhints import Reported, explain
from processkit.model.numbers import WrittenNumber, as_value, read_float, read_int, read_number

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_VALUES = 200_000
MAX_DEPTH = 100

_CORE = "tag:yaml.org,2002:"
_STR = _CORE + "str"
_MERGE = _CORE + "merge"
_MAP = _CORE + "map"
_SEQ = _CORE + "seq"
_IMPLICIT = "?"  # the tag of every untagged node: we resolve scalars ourselves, by YAML 1.2


def _make_loader() -> Any:
    """libyaml's composer without PyYAML's tag resolution (YAML 1.1, in pure Python): scalars
    are resolved by ``_scalar``, by YAML 1.2's rules."""
    try:
        from yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - libyaml is in PyYAML's wheels
        return yaml.SafeLoader

    class Loader(CParser):
        def resolve(self, kind: type, value: object, implicit: object) -> str:
            return _IMPLICIT

        def descend_resolver(self, parent: object, index: object) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

    return Loader


_Loader = _make_loader()

_NULL_RE = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
#: What may come before a node's value: an ``&anchor`` and a tag, in either order.
_PROPERTIES_RE = re.compile(r"(?:&[^\s,\[\]{}]+\s+)?(!<[^>]*>|![^\s,\[\]{}]*)")
_BRACKETS_RE = re.compile(r"[\[\]{}]")


@dataclass(slots=True)
class Mark:
    """A 1-based position in a file."""

    line: int
    column: int


@dataclass(slots=True)
class ParsedFile:
    """One file, read: its text, its top-level node and value, and what went wrong."""

    path: str
    text: str | None = None
    node: Node | None = None
    value: Any = None
    extensions: dict[str, Any] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: whether JSON holds every value read as it is: no floating-point number (pydantic
    #: writes one into a text field otherwise than Python does: ``1e+20``), and none written
    #: otherwise than Python writes it (a ``WrittenNumber``)
    plain: bool = True


class _Refused(Exception):
    """Conversion stopped: the document is hostile or malformed beyond a single key."""

    def __init__(self, node: Node, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.node = node
        self.message = message
        self.hint = hint


def mark_of(node: Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _error(path: str, code: str, message: str, mark: Mark | None, hint: str | None) -> Diagnostic:
    line, column = (mark.line, mark.column) if mark else (0, 0)
    return Diagnostic(code, Severity.ERROR, message, path, line, column, hint)


def decode(path: str, data: bytes) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 text of a file (a BOM is dropped, CRLF becomes LF), or a PK001 saying why not."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        hint = _("Save the file as UTF-8 (in most editors: Save with encoding, UTF-8).")
        latin = data.decode("cp1252", "replace")
        if any(letter in latin for letter in "åäöÅÄÖéü"):
            hint = _(
                "The file looks like it was saved as Latin-1 / Windows-1252 (å, ä, ö); "
                "save it as UTF-8 instead (in most editors: Save with encoding, UTF-8)."
            )
        message = _(
            "the file is not UTF-8 text: byte `{byte}` cannot be read",
            byte="0x" + format(data[exc.start], "02x"),
        )
        return None, _error(path, "PK001", message, Mark(line, column), hint)
    if "\x00" in text:
        return None, _error(
            path,
            "PK001",
            _("the file holds NUL characters: it is not a text file"),
            None,
            _("Only YAML text files belong in the repository; move or exclude this file."),
        )
    return text.replace("\r\n", "\n"), None


def _flow_depth(text: str) -> int:
    depth = deepest = 0
    for match in _BRACKETS_RE.finditer(text):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest


def compose(path: str, text: str) -> tuple[list[Node], Diagnostic | None]:
    """The documents of a text as nodes, or the YAML syntax error as PK002."""
    if text.count("[") + text.count("{") > MAX_DEPTH and _flow_depth(text) > MAX_DEPTH:
        return [], _error(
            path,
            "PK002",
            _(
                "the file has more than {limit} levels of brackets inside each other",
                limit=MAX_DEPTH,
            ),
            Mark(1, 1),
            _("Process files are flat; look for a run of `[` or `{` that is never closed."),
        )
    loader = _Loader(text)
    nodes: list[Node] = []
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                nodes.append(node)
    except yaml.MarkedYAMLError as exc:
        return [], _syntax_error(path, text, exc)
    except yaml.YAMLError:  # pragma: no cover - every libyaml error carries a mark
        message = _("processkit cannot read the file as YAML")
        return [], _error(path, "PK002", message, None, None)
    finally:
        loader.dispose()
    return nodes, None


def _syntax_error(path: str, text: str, exc: yaml.MarkedYAMLError) -> Diagnostic:
    """A YAML syntax error in plain words, at the line of the mistake (see ``yamlhints``)."""
    problem, context = exc.problem_mark, exc.context_mark
    reported = Reported(
        (exc.problem or "").strip(),
        (exc.context or "").strip(),
        (problem.line, problem.column) if problem is not None else None,
        (context.line, context.column) if context is not None else None,
    )
    found = explain(text, reported)
    return _error(path, "PK002", found.message, Mark(found.line, found.column), found.hint)


def read_yaml(path: str, data: bytes, *, strip_extensions: bool = True) -> ParsedFile:
    """Read one file into a mapping value, with every problem found as a diagnostic."""
    parsed = ParsedFile(path)
    if len(data) > MAX_FILE_BYTES:
        size = decimal(len(data) / (1024 * 1024), ".1f")
        parsed.diagnostics.append(
            _error(
                path,
                "PK001",
                _(
                    "the file is {size} MB; processkit reads files of at most {limit} MB",
                    size=size,
                    limit=MAX_FILE_BYTES // (1024 * 1024),
                ),
                None,
                _("A process file is a few kilobytes; split the content or exclude the file."),
            )
        )
        return parsed
    text, problem = decode(path, data)
    if problem is not None:
        parsed.diagnostics.append(problem)
        return parsed
    assert text is not None
    parsed.text = text
    nodes, problem = compose(path, text)
    if problem is not None:
        parsed.diagnostics.append(problem)
        return parsed
    if len(nodes) > 1:  # a stray `---` at the end adds an empty document: harmless
        nodes = [node for node in nodes if not _is_empty(node)] or nodes[:1]
    if len(nodes) > 1:
        parsed.diagnostics.append(
            _error(
                path,
                "PK004",
                _(
                    "the file holds {count} parts separated by `---`; it may hold only one",
                    count=len(nodes),
                ),
                mark_of(nodes[1]),
                _("Put each entity in a file of its own and remove the `---` lines."),
            )
        )
        return parsed
    if not nodes or (
        isinstance(nodes[0], ScalarNode) and _NULL_RE.match(nodes[0].value) and nodes[0].tag != _STR
    ):
        parsed.diagnostics.append(
            _error(
                path,
                "PK004",
                _("the file is empty"),
                Mark(1, 1),
                _(
                    "Write the entity as `key: value` lines starting with `kind:` and `id:`, "
                    "or delete the file."
                ),
            )
        )
        return parsed
    node = nodes[0]
    if not isinstance(node, MappingNode):
        if isinstance(node, SequenceNode):
            message = _("the file should be `field: value` lines, but it holds a list")
        else:
            message = _(
                "the file should be `field: value` lines, but it holds the text `{text}`",
                text=_short(node.value),
            )
        parsed.diagnostics.append(
            _error(
                path,
                "PK004",
                message,
                mark_of(node),
                _("Write the entity as `key: value` lines starting with `kind:`."),
            )
        )
        return parsed
    converter = _Converter(path, text, strip_extensions)
    try:
        parsed.value = converter.convert(node, 0)
    except _Refused as refused:
        parsed.diagnostics.append(
            _error(path, "PK002", refused.message, mark_of(refused.node), refused.hint)
        )
        parsed.value = None
        return parsed
    parsed.node = node
    parsed.extensions = converter.top_extensions
    parsed.diagnostics.extend(converter.diagnostics)
    parsed.plain = converter.plain
    return parsed


#: The values JSON would not hold as they are (``ParsedFile.plain``).
_NOT_PLAIN = frozenset({float, WrittenNumber})


def _is_empty(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.value == "" and not node.style


def _short(value: object, limit: int = 40) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Converter:
    """Nodes to Python values under YAML 1.2 rules, with duplicate keys, tags and alias limits."""

    def __init__(self, path: str, text: str, strip_extensions: bool) -> None:
        self.path = path
        self.text = text
        self.strip_extensions = strip_extensions
        self.count = 0
        self.active: set[int] = set()
        self.diagnostics: list[Diagnostic] = []
        self.top_extensions: dict[str, Any] = {}
        #: as ``ParsedFile.plain``
        self.plain = True

    def convert(self, node: Node, depth: int) -> Any:
        self.count += 1
        if node.__class__ is ScalarNode:
            if node.tag == _IMPLICIT and not self._non_specific(node):
                value = _scalar(node)  # type: ignore[arg-type, unused-ignore]
            else:
                value = self._tagged_scalar(node)  # type: ignore[arg-type, unused-ignore]
            if value.__class__ in _NOT_PLAIN:
                self.plain = False
            return value
        if self.count > MAX_VALUES:
            raise _Refused(
                node,
                _(
                    "the file repeats its content through `*name` references into more than "
                    "{limit} values; it is not read",
                    limit=format(MAX_VALUES, ","),
                ),
                _("Write the content out instead of repeating it with `*name` references."),
            )
        if depth > MAX_DEPTH:
            raise _Refused(
                node,
                _(
                    "the file has lists and fields inside each other more than {limit} levels deep",
                    limit=MAX_DEPTH,
                ),
            )
        key = id(node)
        if key in self.active:
            raise _Refused(
                node,
                _("a `*name` reference points back to the text it stands in"),
                _("Remove the `*name` that points back to its own `&name`."),
            )
        self.active.add(key)
        try:
            if isinstance(node, SequenceNode):
                if node.tag not in (_IMPLICIT, _SEQ):
                    self._wrong_tag(node, _SEQ)
                return [self.convert(item, depth + 1) for item in node.value]
            assert isinstance(node, MappingNode)
            if node.tag not in (_IMPLICIT, _MAP):
                self._wrong_tag(node, _MAP)
            return self._mapping(node, depth)
        finally:
            self.active.discard(key)

    def _non_specific(self, node: Node) -> bool:
        """Whether the node carries the non-specific tag ``!``, which libyaml does not report."""
        return self.text[node.start_mark.index : node.start_mark.index + 1] in "!&" and (
            self._written_tag(node) == "!"
        )

    def _written_tag(self, node: Node) -> str | None:
        """The node's tag as written in the file (``!foo``, ``!!int``), if it has one."""
        found = _PROPERTIES_RE.match(self.text, node.start_mark.index)
        return found.group(1) if found else None

    def _tag_diagnostic(self, node: Node, message: str, hint: str) -> None:
        # at the node's start: its tag, or the ``&anchor`` written before it
        self.diagnostics.append(_error(self.path, "PK011", message, mark_of(node), hint))

    def _shown_tag(self, node: Node) -> str:
        written = self._written_tag(node)
        if written:
            return written
        tag: str = node.tag
        return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag

    def _wrong_tag(self, node: Node, found: str) -> None:
        """A tag on a list (``found`` is ``_SEQ``) or mapping (``_MAP``) that does not mark
        one."""
        tag = self._shown_tag(node)
        if node.tag in _SCALAR_TAGS:
            message = _(_SINGLE_BUT[found], tag=tag)
        elif node.tag in (_MAP, _SEQ):
            message = _(_MARKS_BUT[node.tag], tag=tag)
        else:
            message = _("`{tag}` is not a type processkit knows", tag=tag)
            self._tag_diagnostic(node, message, _tag_hint(tag))
            return
        self._tag_diagnostic(node, message, _("Remove `{tag}`.", tag=tag))

    def _tagged_scalar(self, node: ScalarNode) -> Any:
        """A scalar with a tag: the core tags are honoured, any other is a diagnostic and the
        value is read as if untagged."""
        text: str = node.value
        tag: str = node.tag
        if tag in (_IMPLICIT, _STR):  # ``!`` (non-specific) or ``!!str``: text
            return text
        shown = self._shown_tag(node)
        if tag == _CORE + "int":
            number = read_int(text)
            if number is not None:
                return as_value(text, number)
            what = "int"
        elif tag == _CORE + "float":
            number = read_float(text)
            if number is None:
                number = read_int(text)
            if number is not None:
                return as_value(text, float(number))
            what = "float"
        elif tag == _CORE + "bool":
            if text in _BOOL:
                return _BOOL[text]
            what = "bool"
        elif tag == _CORE + "null":
            if _NULL_RE.match(text):
                return None
            what = "empty"
        elif tag in (_MAP, _SEQ):
            self._tag_diagnostic(
                node,
                _(_MARKS_BUT_SINGLE[tag], tag=shown, text=_short(text)),
                _("Remove `{tag}`.", tag=shown),
            )
            return text
        else:
            self._tag_diagnostic(
                node, _("`{tag}` is not a type processkit knows", tag=shown), _tag_hint(shown)
            )
            return text if node.style else _scalar(node)
        message, hint = _NOT_WHAT[what]
        self._tag_diagnostic(node, _(message, text=_short(text), tag=shown), _(hint, tag=shown))
        return text

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        pairs: list[tuple[Node, Node]] = node.value
        if any(_is_merge_key(key_node) for key_node, _value in pairs):
            pairs = _merged_pairs(node)
        result: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        for key_node, value_node in pairs:
            if key_node.__class__ is not ScalarNode:
                raise _Refused(
                    key_node,
                    _("a field name must be a plain word, not a list or a group of fields"),
                )
            if key_node.tag not in (_IMPLICIT, _STR) and not _is_merge_key(key_node):
                shown = self._shown_tag(key_node)
                self._tag_diagnostic(
                    key_node,
                    _("`{tag}` is not a type processkit knows for a key", tag=shown),
                    _("Remove `{tag}`: a key is a plain word.", tag=shown),
                )
            key: str = key_node.value
            if key in seen:
                first = mark_of(seen[key])
                self.diagnostics.append(
                    _error(
                        self.path,
                        "PK003",
                        _(
                            "`{key}` appears twice among the same fields (first on line {line})",
                            key=key,
                            line=first.line,
                        ),
                        mark_of(key_node),
                        _("Keep one of the two; YAML would silently use only the last."),
                    )
                )
                continue
            seen[key] = key_node
            value = self.convert(value_node, depth + 1)
            if self.strip_extensions and key.startswith("x-"):
                if depth == 0:
                    self.top_extensions[key] = value
                continue
            result[key] = value
        return result


_SCALAR_TAGS = frozenset(_CORE + name for name in ("str", "int", "float", "bool", "null"))


#: A scalar tag on a list or mapping (by what it is on), a list or mapping tag on the other,
#: and on a single value (by the tag).
_SINGLE_BUT = {
    _SEQ: N_("`{tag}` marks a single value, but this is a list"),
    _MAP: N_("`{tag}` marks a single value, but this is `key: value` lines"),
}
_MARKS_BUT = {
    _SEQ: N_("`{tag}` marks a list, but this is `key: value` lines"),
    _MAP: N_("`{tag}` marks `key: value` lines, but this is a list"),
}
_MARKS_BUT_SINGLE = {
    _SEQ: N_("`{tag}` marks a list, but `{text}` is a single value"),
    _MAP: N_("`{tag}` marks `key: value` lines, but `{text}` is a single value"),
}
#: A core tag on a value it does not fit: the message and the hint.
_NOT_WHAT = {
    "int": (
        N_("`{text}` is not a whole number, yet it is marked `{tag}`"),
        N_("Write a whole number after `{tag}`, or remove `{tag}`."),
    ),
    "float": (
        N_("`{text}` is not a number, yet it is marked `{tag}`"),
        N_("Write a number after `{tag}`, or remove `{tag}`."),
    ),
    "bool": (
        N_("`{text}` is not true or false, yet it is marked `{tag}`"),
        N_("Write true or false after `{tag}`, or remove `{tag}`."),
    ),
    "empty": (
        N_("`{text}` is not empty, yet it is marked `{tag}`"),
        N_("Remove `{tag}`, or the value after it."),
    ),
}


def _tag_hint(tag: str) -> str:
    return _(
        "Remove `{tag}`; to make the value text, put it in quotes instead. processkit knows "
        "only the YAML tags `!!str`, `!!int`, `!!float`, `!!bool` and `!!null`.",
        tag=tag,
    )


def _is_merge_key(node: Node) -> bool:
    return node.tag == _MERGE or (
        node.value == "<<" and node.tag == _IMPLICIT and not getattr(node, "style", None)
    )


def _merged_pairs(node: MappingNode) -> list[tuple[Node, Node]]:
    """The pairs of a mapping with ``<<: *other`` merged in (its own keys win)."""
    own: list[tuple[Node, Node]] = []
    merged: list[tuple[Node, Node]] = []
    for key_node, value_node in node.value:
        if not _is_merge_key(key_node):
            own.append((key_node, value_node))
            continue
        sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
        for source in sources:
            if not isinstance(source, MappingNode):
                raise _Refused(
                    source, _("`<<` can only bring in fields written as `name: value` lines")
                )
            merged.extend(source.value)
    names = {str(key.value) for key, _value in own}
    for key_node, value_node in merged:
        if str(key_node.value) not in names:
            names.add(str(key_node.value))
            own.append((key_node, value_node))
    return own


def _scalar(node: ScalarNode) -> Any:
    """An untagged scalar's value by YAML 1.2's core schema.

    A number whose usual form is not how it was written (``2.10``, ``0042``, ``1e3``, ``.inf``)
    is a WrittenNumber: the text as written, which a text field keeps, with the number, which a
    number field takes.
    """
    text: str = node.value
    if node.style:  # quoted or block: text (libyaml gives '' for plain)
        return text
    if _NULL_RE.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    number = read_number(text)
    return text if number is None else as_value(text, number)
