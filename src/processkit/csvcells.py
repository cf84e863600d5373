"""Text cells of a CSV file that a spreadsheet shows as text, never runs as a formula.

A spreadsheet opening a CSV file runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and,
in some, one that begins with a tab or a carriage return) as a formula: a process named
``=HYPERLINK(...)`` would become a link the reader did not ask for (CSV injection). As OWASP
advises, such a text cell is written with a ``'`` in front, which the spreadsheet shows as text.
Numbers are written as they are (``-3`` days late stays a number). The workbook (xlsx) marks its
text cells as text and needs none of this.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet will not run."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
