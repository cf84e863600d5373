"""A tiny, deterministic YAML writer for the generated repositories.

Generating ten thousand files through a general YAML dumper costs seconds; the shapes written
here are few and known, so lines are built as text. Scalars are written plain when that is
unambiguous and as JSON-style double-quoted strings (valid YAML) otherwise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

# A plain scalar that every YAML 1.1/1.2 loader reads back as the same string: it starts with a
# letter (so never a number, date, indicator or `~`), and holds no character that could start a
# comment, a mapping value, an anchor, a tag or a quoted string.
_PLAIN_BLOCK = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü§][^:#\[\]{}&*!|>'\"%@`\n\t\\]*(?<! )")
_PLAIN_FLOW = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü§][^:#\[\]{}&*!|>'\"%@`\n\t\\,]*(?<! )")
_RESERVED = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n"})


def scalar(text: str) -> str:
    """Return ``text`` as a YAML scalar for block context (a mapping value or list item)."""
    if _PLAIN_BLOCK.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow_item(text: str) -> str:
    """Return ``text`` as a YAML scalar inside a flow sequence ``[a, b]``."""
    if _PLAIN_FLOW.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow_list(items: Iterable[str]) -> str:
    """Return ``items`` as a one-line YAML flow sequence."""
    return "[" + ", ".join(flow_item(item) for item in items) + "]"


def literal_block(text: str, indent: str) -> str:
    """Return ``text`` (several lines) as a ``|`` block scalar indented by ``indent``."""
    body = "\n".join(indent + line if line else "" for line in text.split("\n"))
    return "|\n" + body
