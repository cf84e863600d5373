"""The inventory as CSV: one view, a header row, then its rows and its total."""

from __future__ import annotations

import io

from processkit import i18n
from processkit.csvcells import CsvDialect, csv_writer, default_dialect, text_cell
from processkit.inventory.tables import Cell, Table, cell_text


def csv_text(table: Table, dialect: CsvDialect | None = None) -> str:
    """CSV text (quoted where needed, CRLF line ends); a text cell that a spreadsheet would
    run as a formula starts with ``'``. ``standard``: RFC 4180, comma-separated; ``excel``:
    semicolon-separated after a UTF-8 byte order mark, as Excel in Swedish opens it. By default
    ``excel`` when Swedish is spoken, else ``standard``."""
    buffer = io.StringIO(newline="")
    writer = csv_writer(buffer, dialect or default_dialect(i18n.current()))
    writer.writerow([column.header for column in table.columns])
    for row in (*table.rows, *table.footer):
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def _cell(value: Cell) -> str:
    return text_cell(value) if isinstance(value, str) else cell_text(value)
