"""Text cells of a CSV file that a spreadsheet shows as text, never runs as a formula.

A spreadsheet opening a CSV file runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and,
in some, one that begins with a tab or a carriage return) as a formula: a process named
``=HYPERLINK(...)`` would become a link the reader did not ask for (CSV injection). As OWASP
advises, such a text cell is written with a ``'`` in front, which the spreadsheet shows as text.
Numbers are written as they are (``-3`` days late stays a number). The workbook (xlsx) marks its
text cells as text and needs none of this.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Literal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet will not run."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


#: How a CSV file is written: ``standard`` is RFC 4180 (comma-separated, plain UTF-8);
#: ``excel`` is what Excel set to Swedish (or another language with a decimal comma) opens
#: as columns on a double-click: semicolon-separated, with a UTF-8 byte order mark so that
#: å, ä and ö are read as UTF-8.
CsvDialect = Literal["excel", "standard"]
CSV_DIALECTS: tuple[CsvDialect, ...] = ("excel", "standard")
#: The byte order mark, as text, that starts a CSV file for Excel.
BOM = "\ufeff"


def default_dialect(language: str) -> CsvDialect:
    """Swedish readers open CSV in Excel: ``excel`` for Swedish, ``standard`` otherwise."""
    return "excel" if language == "sv" else "standard"


def csv_writer(buffer: io.StringIO, dialect: CsvDialect, lineterminator: str = "\r\n") -> Any:
    """A csv writer of ``dialect`` into ``buffer``; for ``excel`` the byte order mark is
    written first."""
    if dialect == "excel":
        buffer.write(BOM)
        return csv.writer(buffer, delimiter=";", lineterminator=lineterminator)
    return csv.writer(buffer, lineterminator=lineterminator)
