"""Comments of a YAML file, taken out by position and put back after the keys have moved.

ruamel.yaml keeps a comment with the key *before* it, so moving keys would move a comment
away from the key it describes. Here every comment is tied to what it belongs to instead:

- a comment on a line of its own (and a blank line) belongs to the entry on the next line:
  the outermost key or list item that starts there;
- a comment at the end of a line belongs to the last value on that line, or to the key whose
  value (a block list, mapping or ``|`` text) starts below it;
- a comment inside a ``[...]`` or ``{...}`` written over several lines goes above its key,
  since fmt writes such a list on one line;
- comments before the first key stay at the top of the file, those after the last at the end.

Entries are named by their path (keys and list indexes from the top), which does not change
when the keys of a mapping are put in another order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from processkit.i18n import _

Path = tuple[str | int, ...]
Where = Literal["head", "value"]

_MERGE = "tag:yaml.org,2002:merge"
#: Characters that may stand between the last value on a line and its comment.
_INDICATORS = frozenset(" \t:-?|>+0123456789")


class Unsupported(Exception):
    """The file uses YAML that ``fmt`` does not rewrite (anchors, aliases, merges, tags);
    ``hint`` says what to do when repeating the values in full is not it."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(slots=True)
class Layout:
    """Where each entry of a composed document is, and where its texts lie."""

    #: line -> the outermost entry starting on it
    starts: dict[int, Path] = field(default_factory=dict)
    #: entry -> the line of its key (or of its ``-`` for a list item)
    head_line: dict[Path, int] = field(default_factory=dict)
    #: entry -> the line its value ends on (scalars and ``[...]``/``{...}`` values)
    value_line: dict[Path, int] = field(default_factory=dict)
    #: line -> (column where something ends, where a comment there goes, entry)
    ends: dict[int, list[tuple[int, Where, Path]]] = field(default_factory=dict)
    #: lines wholly inside a multi-line text: no comment can be there
    text_lines: set[int] = field(default_factory=set)
    #: line -> the column spans of texts on it: a ``#`` there is no comment
    spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    #: lines inside or ending a ``[...]``/``{...}`` or a text that began on an earlier line
    continued: set[int] = field(default_factory=set)
    #: line of a ``[...]``/``{...}`` written over several lines -> the entry it is the value of
    flow_owner: dict[int, Path] = field(default_factory=dict)

    @classmethod
    def of(cls, root: Node) -> Layout:
        layout = cls()
        layout._walk(root, (), set())
        return layout

    def _walk(self, node: Node, path: Path, seen: set[int]) -> None:
        if id(node) in seen:
            raise Unsupported(_("the file uses a YAML alias (`*name`)"))
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    raise Unsupported(_("the file uses a YAML merge (`<<`)"))
                if not isinstance(key_node, ScalarNode):
                    raise Unsupported(_("the file has a key that is not a plain word"))
                self._text(key_node)
                entry = (*path, str(key_node.value))
                line = key_node.start_mark.line
                self._entry(entry, line, key_node.end_mark.column, value_node, seen)
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                entry = (*path, index)
                self._entry(entry, item.start_mark.line, item.start_mark.column, item, seen)

    def _entry(self, entry: Path, line: int, head_end: int, value: Node, seen: set[int]) -> None:
        self.starts.setdefault(line, entry)
        self.head_line[entry] = line
        start, end = value.start_mark, value.end_mark
        if isinstance(value, ScalarNode) and value.style in ("|", ">"):
            self._text(value)
            self._end(line, head_end, "head", entry)
            return
        flow = isinstance(value, MappingNode | SequenceNode) and bool(value.flow_style)
        if isinstance(value, ScalarNode) or flow:
            self._walk_flow(value, seen)
            self.continued.update(range(start.line + 1, end.line + 1))
            if flow and end.line > start.line:
                self.flow_owner.update(dict.fromkeys(range(start.line, end.line + 1), entry))
            self.value_line[entry] = end.line
            self._end(end.line, end.column, "value", entry)
            return
        self._end(line, head_end, "head", entry)
        self._walk(value, entry, seen)

    def _walk_flow(self, node: Node, seen: set[int]) -> None:
        """Note the texts of a ``[...]``/``{...}`` value, and refuse aliases in it."""
        if isinstance(node, ScalarNode):
            self._text(node)
            return
        children: list[Node] = []
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    raise Unsupported(_("the file uses a YAML merge (`<<`)"))
                children += [key_node, value_node]
        elif isinstance(node, SequenceNode):
            children = list(node.value)
        for child in children:
            if id(child) in seen:
                raise Unsupported(_("the file uses a YAML alias (`*name`)"))
            seen.add(id(child))
            self._walk_flow(child, seen)

    def _text(self, node: ScalarNode) -> None:
        """Where a text lies, so that a ``#`` inside it is not taken for a comment."""
        start, end = node.start_mark, node.end_mark
        if node.style in ("|", ">"):  # the text starts on the line after the `|`
            last = end.line - 1 if end.column == 0 else end.line
            self.text_lines.update(range(start.line + 1, last + 1))
            return
        if start.line == end.line:
            self.spans.setdefault(start.line, []).append((start.column, end.column))
            return
        self.spans.setdefault(start.line, []).append((start.column, 1 << 30))
        self.text_lines.update(range(start.line + 1, end.line))
        self.spans.setdefault(end.line, []).append((0, end.column))

    def _end(self, line: int, column: int, where: Where, entry: Path) -> None:
        self.ends.setdefault(line, []).append((column, where, entry))

    def comment_at(self, number: int, line: str) -> int | None:
        """The column where the comment of a line starts, or None when it has none."""
        spans = self.spans.get(number, ())
        at = line.find("#")
        while at >= 0:
            after_space = at == 0 or line[at - 1] in " \t"
            if after_space and not any(begin <= at < end for begin, end in spans):
                return at
            at = line.find("#", at + 1)
        return None


@dataclass(slots=True)
class Comments:
    """Every comment (and blank line) of a file, tied to the entry it belongs to."""

    header: list[str] = field(default_factory=list)
    before: dict[Path, list[str]] = field(default_factory=dict)
    eol: dict[tuple[Where, Path], str] = field(default_factory=dict)
    footer: list[str] = field(default_factory=list)

    def texts(self) -> Counter[str]:
        """Every comment's text, counted: what must be the same before and after."""
        found: Counter[str] = Counter()
        for block in (self.header, self.footer, *self.before.values()):
            found.update(line for line in block if line)
        found.update(self.eol.values())
        return found


def extract(text: str, root: Node) -> Comments:
    """The comments of ``text``, whose composed document is ``root``."""
    layout = Layout.of(root)
    comments = Comments()
    pending: list[str] = []
    first = True
    for number, line in enumerate(text.split("\n")):
        if number in layout.text_lines:
            continue
        at = layout.comment_at(number, line)
        content = (line if at is None else line[:at]).strip()
        comment = None if at is None else line[at:].rstrip()
        owner = layout.flow_owner.get(number)
        if not content:
            if owner is not None and comment is not None:
                comments.before.setdefault(owner, []).append(comment)
            elif number not in layout.continued or comment is not None:
                pending.append(comment or "")
            continue
        entry = None if number in layout.continued else layout.starts.get(number)
        if entry is not None:
            if first:
                comments.header, first = _squeeze(pending, lead=False), False
            elif pending:
                comments.before.setdefault(entry, []).extend(_squeeze(pending, lead=True))
            pending = []
        if comment is None or at is None:
            continue
        target = _owner(line, at, layout.ends.get(number, []))
        if target is not None and target not in comments.eol:
            comments.eol[target] = comment
        elif owner is not None:  # inside a [...] on several lines: above its key instead
            comments.before.setdefault(owner, []).append(comment)
        else:
            pending.append(comment)
    comments.footer = _squeeze(pending, lead=False)
    while comments.footer and not comments.footer[-1]:
        comments.footer.pop()
    return comments


def _squeeze(lines: list[str], *, lead: bool) -> list[str]:
    """At most one blank line in a row; with ``lead`` False, none at the start."""
    kept: list[str] = []
    for line in lines:
        if not line and ((kept and not kept[-1]) or (not kept and not lead)):
            continue
        kept.append(line)
    return kept


def _owner(line: str, at: int, ends: list[tuple[int, Where, Path]]) -> tuple[Where, Path] | None:
    """What the comment at column ``at`` belongs to: the last value ending before it."""
    column, target = -1, None
    for end_column, where, entry in ends:
        if column <= end_column <= at:
            column, target = end_column, (where, entry)
    if target is None or not set(line[column:at]) <= _INDICATORS:
        return None
    return target


def insert(text: str, root: Node, comments: Comments) -> str:
    """``text`` (written without comments; ``root`` is its document) with ``comments`` put back.

    A comment whose entry cannot be found is kept at the end of the file rather than lost.
    """
    layout = Layout.of(root)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    above: dict[int, list[str]] = {}
    after: dict[int, str] = {}
    footer = list(comments.footer)
    for entry, block in sorted(comments.before.items(), key=lambda item: _depth(item[0])):
        start = layout.head_line.get(entry)
        if start is None:
            footer.extend(block)
            continue
        above.setdefault(start, []).extend(block)
    for (where, entry), comment in comments.eol.items():
        at = layout.head_line.get(entry) if where == "head" else layout.value_line.get(entry)
        if at is None:
            footer.append(comment)
        elif at in after:
            above.setdefault(at, []).append(comment)
        else:
            after[at] = comment
    result = list(comments.header)
    for number, line in enumerate(lines):
        indent = line[: len(line) - len(line.lstrip(" "))]
        result.extend(indent + extra if extra else "" for extra in above.get(number, ()))
        result.append(f"{line}  {after[number]}" if number in after else line)
    result.extend(_squeeze(footer, lead=True))
    while result and not result[-1]:
        result.pop()
    return "\n".join(result) + "\n"


def _depth(entry: Path) -> int:
    return len(entry)
