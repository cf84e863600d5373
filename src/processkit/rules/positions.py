"""Where a rule's finding sits in its file: the line and column of a key or value.

The rule runner turns each finding's key path into a position after the rules have run, so
that the rules themselves read no file (``Locator``).

Finding where a top-level key is written without composing the whole file again:

Most rule findings point at a top-level key or its value (``status``, ``approved``, ``name``).
A block-style top-level key is a line that starts with ``key:`` at column 1; nothing else can
start that way (block scalars and continuation lines of a top-level value are indented, and
such a line inside a plain scalar would itself be read as a key). When the key is written
once, in that plain form, with its value on the same line, the position is read from the
text; anything else (nested keys, flow style, quoted keys, anchors, values on the next line)
returns None and the caller composes the file.
"""

from __future__ import annotations

import re

from yaml.nodes import Node

from processkit.loading.locate import Loc, locate
from processkit.loading.repository import Repository
from processkit.loading.yamlfile import Mark, compose

_KEY_RE = re.compile(r"[a-z_][a-z0-9_-]*")


def top_level_mark(text: str, loc: Loc, *, at_key: bool) -> Mark | None:
    """The 1-based position of a top-level ``key`` (or its value), or None when unsure."""
    if len(loc) != 1 or not isinstance(loc[0], str) or not _KEY_RE.fullmatch(loc[0]):
        return None
    key = loc[0]
    prefix = key + ":"
    starts = [m.start() for m in re.finditer(rf"^{re.escape(prefix)}(?=[ \n]|$)", text, re.M)]
    if len(starts) != 1:
        return None
    start = starts[0]
    line = text.count("\n", 0, start) + 1
    if at_key:
        return Mark(line, 1)
    end = text.find("\n", start)
    rest = text[start + len(prefix) : end if end >= 0 else len(text)]
    value = rest.lstrip(" ")
    if not value or value[0] in "#&!*|>":
        return None
    return Mark(line, len(prefix) + len(rest) - len(value) + 1)


class Locator:
    """Positions of keys and values in the files of one repository, for diagnostics."""

    def __init__(self, repo: Repository) -> None:
        self._repo = repo
        self._located: tuple[str, Node | None] | None = None

    def locate(self, path: str, loc: Loc, *, at_key: bool = False) -> Mark:
        """The position of a key or value in a file, for a diagnostic.

        A top-level key is found in the text (``top_level_mark``); anything else composes the
        file. Unlike ``Repository.locate`` this keeps the composed nodes of one file only (the
        runner locates file by file): keeping those of every file with a finding would hold
        hundreds of thousands of objects alive on a large repository, and the garbage
        collector's full passes over them cost more than all the rules together.
        """
        text = self._repo.texts.get(path)
        if text is not None:
            quick = top_level_mark(text, loc, at_key=at_key)
            if quick is not None:
                return quick
        if self._located is None or self._located[0] != path:
            nodes = compose(path, text)[0] if text is not None else []
            self._located = (path, next((n for n in nodes if n.value != ""), None))
        node = self._located[1]
        return locate(node, loc, at_key=at_key) if node is not None else Mark(0, 0)
