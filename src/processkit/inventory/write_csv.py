"""The inventory as CSV: one view, a header row, then its rows and its total."""

from __future__ import annotations

import csv
import io

from processkit.csvcells import text_cell
from processkit.inventory.tables import Cell, Table, cell_text


def csv_text(table: Table) -> str:
    """RFC 4180 CSV (comma-separated, quoted where needed, CRLF line ends), UTF-8 text; a text
    cell that a spreadsheet would run as a formula starts with ``'``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([column.header for column in table.columns])
    for row in (*table.rows, *table.footer):
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def _cell(value: Cell) -> str:
    return text_cell(value) if isinstance(value, str) else cell_text(value)
