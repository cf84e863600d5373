"""The inventory as an Excel workbook: one sheet per view, each with a bold header row, frozen
panes, a filter over its rows and columns wide enough for their contents.

The bytes depend only on the inventory: the document dates are the inventory's date and every
part of the zip archive carries the same fixed timestamp.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.dimensions import ColumnDimension, DimensionHolder
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.writer.excel import ExcelWriter

from processkit.i18n import _
from processkit.inventory.model import View
from processkit.inventory.tables import Cell, Table, cell_text

DATE_FORMAT = "yyyy-mm-dd"
MIN_WIDTH = 6
MAX_WIDTH = 60
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def xlsx_bytes(tables: Sequence[Table], *, active: View, today: date) -> bytes:
    """A workbook of ``tables``, one sheet each in the order given, opened at ``active``."""
    # write-only mode streams the rows out: faster and leaner for a list of 10,000 processes
    workbook = Workbook(write_only=True)
    for table in tables:
        _sheet(workbook.create_sheet(table.sheet), table)
    views = [table.view for table in tables]
    workbook.active = views.index(active) if active in views else 0
    stamp = datetime(today.year, today.month, today.day)
    workbook.properties.creator = "processkit"
    workbook.properties.title = _("Process inventory")
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    buffer = io.BytesIO()
    # ExcelWriter, not Workbook.save: save() stamps the document with the clock
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _fixed_timestamps(buffer.getvalue())


def _sheet(sheet: WriteOnlyWorksheet, table: Table) -> None:
    # a write-only sheet takes its layout before its rows
    sheet.freeze_panes = f"{get_column_letter(table.frozen + 1)}2"
    auto_filter, column_dimensions = _layout(sheet)
    auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
    for index, width in enumerate(_widths(table), start=1):
        column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    sheet.append([_cell(sheet, column.header, bold) for column in table.columns])
    for row in table.rows:
        sheet.append([_value(sheet, value) for value in row])
    for row in table.footer:
        sheet.append([_cell(sheet, value, bold) for value in row])


def _layout(
    sheet: WriteOnlyWorksheet,
) -> tuple[AutoFilter, DimensionHolder[str, ColumnDimension]]:
    # a write-only sheet has these as a worksheet does; the type stubs leave them out
    return sheet.auto_filter, sheet.column_dimensions  # type: ignore[attr-defined]


def _widths(table: Table) -> list[int]:
    """Each column as wide as its header or its widest cell, plus a margin, within limits."""
    widths = [len(column.header) for column in table.columns]
    for row in (*table.rows, *table.footer):
        for index, value in enumerate(row):
            widths[index] = max(widths[index], len(cell_text(value)))
    return [min(max(width + 2, MIN_WIDTH), MAX_WIDTH) for width in widths]


def _value(sheet: WriteOnlyWorksheet, value: Cell) -> SheetCell | str | int | None:
    """A value of a row as it is written: yes/no as text, a date and text that looks like a
    formula in a cell of their own, anything else as it is."""
    if isinstance(value, bool):
        return cell_text(value)
    if isinstance(value, date) or (isinstance(value, str) and value[:1] == "="):
        return _cell(sheet, value)
    return value


def _cell(sheet: WriteOnlyWorksheet, value: Cell, font: Font | None = None) -> SheetCell:
    """A cell for a header, a total, yes/no, a date, or text that must not become a formula."""
    if isinstance(value, bool):
        cell = WriteOnlyCell(sheet, value=cell_text(value))
    elif isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=datetime(value.year, value.month, value.day))
        cell.number_format = DATE_FORMAT
    else:
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # text, never a formula
    if font is not None:
        cell.font = font
    return cell


def _fixed_timestamps(data: bytes) -> bytes:
    """The same archive with every member dated 1980-01-01, so equal workbooks are equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            target.writestr(member, source.read(info.filename))
    return buffer.getvalue()
