"""The inventory as CSV: one view, a header row, then its rows and its total."""

from __future__ import annotations

import csv
import io

from processkit.inventory.tables import Table, cell_text


def csv_text(table: Table) -> str:
    """RFC 4180 CSV (comma-separated, quoted where needed, CRLF line ends), UTF-8 text."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([column.header for column in table.columns])
    for row in (*table.rows, *table.footer):
        writer.writerow([cell_text(value) for value in row])
    return buffer.getvalue()
