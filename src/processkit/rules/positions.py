"""Finding where a top-level key is written without composing the whole file again.

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

from processkit.loading.locate import Loc
from processkit.loading.yamlfile import Mark

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
