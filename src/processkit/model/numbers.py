"""Numbers as YAML 1.2's core schema reads them, and the text they were written as.

A plain value such as ``2.10``, ``0042``, ``1e3``, ``0x1F`` or ``.inf`` is a number to YAML, but
Python would write that number otherwise (``2.1``, ``42``, ``1000.0``, ``31``, ``inf``). The
loader keeps such a value as a ``WrittenNumber``: the text as written, with the number beside
it. A text field keeps the text (a version ``2.10`` stays ``2.10``); a number field takes the
number. Nothing outside the loader ever sees infinity or not-a-number as a float: they stay
text, so no JSON output, sort or comparison meets them.
"""

from __future__ import annotations

import re

_DECIMAL = re.compile(r"[-+]?[0-9]+")
_OCTAL = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NOT_A_NUMBER = re.compile(r"\.(?:nan|NaN|NAN)")

#: A number written with more characters than this is taken as infinite: it is no count,
#: level or score, and converting it would cost time that grows with its length.
MAX_DIGITS = 1000


class WrittenNumber(str):
    """A plain YAML number whose usual form is not how it was written: the text as written,
    and ``number``, the value YAML 1.2 gives it."""

    __slots__ = ("number",)
    number: int | float

    def __new__(cls, text: str, number: int | float) -> WrittenNumber:
        made = super().__new__(cls, text)
        made.number = number
        return made

    def __reduce__(self) -> tuple[type[WrittenNumber], tuple[str, int | float]]:
        return (WrittenNumber, (str(self), self.number))


def _too_long(text: str) -> float:
    return float("-inf") if text.startswith("-") else float("inf")


def read_int(text: str) -> int | float | None:
    """The integer YAML 1.2's core schema reads in ``text`` (``12``, ``-3``, ``0o17``,
    ``0x1F``), or None; a number longer than MAX_DIGITS characters is infinite."""
    if _DECIMAL.fullmatch(text):
        return int(text) if len(text) <= MAX_DIGITS else _too_long(text)
    if _OCTAL.fullmatch(text):
        return int(text[2:], 8) if len(text) <= MAX_DIGITS else _too_long(text)
    if _HEX.fullmatch(text):
        return int(text[2:], 16) if len(text) <= MAX_DIGITS else _too_long(text)
    return None


def read_float(text: str) -> float | None:
    """The floating-point number YAML 1.2's core schema reads in ``text`` (``2.5``, ``1e3``,
    ``.5``, ``-.inf``, ``.nan``; a plain integer too), or None."""
    if _INFINITY.fullmatch(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NOT_A_NUMBER.fullmatch(text):
        return float("nan")
    if _FLOAT.fullmatch(text):
        return float(text) if len(text) <= MAX_DIGITS else _too_long(text)
    return None


def read_number(text: str) -> int | float | None:
    """The number a plain YAML 1.2 value ``text`` is, or None when it is no number."""
    if not text or not (text[0].isdigit() or text[0] in "-+."):
        return None
    found = read_int(text)
    return found if found is not None else read_float(text)


def as_value(text: str, number: int | float) -> int | float | WrittenNumber:
    """The number itself when Python writes it as ``text`` was written, else the text with it."""
    return number if repr(number) == text else WrittenNumber(text, number)
