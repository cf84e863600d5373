"""Characters that no page and no map may hold, and the one function that drops them.

YAML lets a text hold any character written as an escape (``"\\x01"``, ``"\\uFFFE"``), but HTML
forbids the control characters and the noncharacters on a page, XML (and so SVG) forbids the
C0 controls, and Graphviz stops at some of them. They carry no meaning for a reader, so they
are left out of what is shown; tab, line feed and carriage return are kept (they are
whitespace everywhere).
"""

from __future__ import annotations

import re

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane | 0xFFFE)}{chr(plane | 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
)
FORBIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_NONCHARACTERS}]")


def printable(text: str) -> str:
    """``text`` without the control characters and noncharacters that HTML and XML forbid."""
    if FORBIDDEN.search(text) is None:  # the usual case: no copy
        return text
    return FORBIDDEN.sub("", text)
