"""Characters that no page and no map may hold, and the one way they are dropped: ``printable``
(and ``printable_utf8``, the same as UTF-8).

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

#: Texts at least this long are looked at as UTF-8 bytes: ``FORBIDDEN`` takes 50 ns a
#: character, the bytes 1-5 µs a text up to 2,000 characters. At 30 characters the bytes
#: take 1.1 µs and the pattern 1.6 µs; at 10, the pattern is the quicker (0.9 µs against
#: 1.2 µs). ``printable_utf8`` looks at every text so: it has its bytes already.
_LONG = 24
#: The C0 controls and DEL that ``FORBIDDEN`` holds.
_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
#: Every other byte, to delete: what is left of a text is its controls (an empty result,
#: nearly always, is made three times faster than a copy of the text without its controls).
_NOT_CONTROLS = bytes(range(256)).translate(None, _CONTROLS)
#: The C1 controls (U+0080 to U+009F) in UTF-8.
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
#: U+FDD0 to U+FDEF, U+FFFE and U+FFFF in UTF-8.
_BMP_NONCHARACTERS = re.compile(rb"\xef(?:\xb7[\x90-\xaf]|\xbf[\xbe\xbf])")


def printable(text: str) -> str:
    """``text`` without the control characters and noncharacters that HTML and XML forbid."""
    if _clean(text) if len(text) >= _LONG else FORBIDDEN.search(text) is None:
        return text  # the usual case: no copy
    return FORBIDDEN.sub("", text)


def printable_utf8(text: str) -> bytes:
    """``printable(text)`` as UTF-8: encoded once, and looked at as those bytes (a page of
    the site, 30-100 kB)."""
    data = text.encode("utf-8")
    if _clean_utf8(data, text):
        return data
    return FORBIDDEN.sub("", text).encode("utf-8")


def _clean(text: str) -> bool:
    """Whether ``text`` holds none of ``FORBIDDEN`` (``_clean_utf8``)."""
    return _clean_utf8(text.encode("utf-8", "surrogatepass"), text)


def _clean_utf8(data: bytes, text: str) -> bool:
    """Whether ``text``, of which ``data`` is the UTF-8, holds none of ``FORBIDDEN``: its
    UTF-8 searched with byte operations that run at memory speed (the noncharacters of the
    other planes, U+1FFFE and so on, end in the bytes BF BE or BF BF, and only then is the
    slower search needed)."""
    if data.translate(None, _NOT_CONTROLS):
        return False
    if b"\xc2" in data and _C1.search(data):
        return False
    if b"\xef" in data and _BMP_NONCHARACTERS.search(data):
        return False
    # one byte looked for first: a search for two bytes cannot skip ahead as one for a single
    # byte does (120 µs against 8 µs on a page of 65 kB without either)
    if b"\xbf" in data and (b"\xbf\xbe" in data or b"\xbf\xbf" in data):
        return FORBIDDEN.search(text) is None
    return True
