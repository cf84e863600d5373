"""The inventory workbook, read back with openpyxl."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from tests.conftest import CliResult
from tests.test_inventory_fixture import FILES, TODAY

from processkit.inventory import all_tables, inventory
from processkit.inventory.write_xlsx import xlsx_bytes
from processkit.loading.load import load_repository

Cli = Callable[..., CliResult]
SHEETS = ["Areas", "Types", "Statuses", "Owners", "Roles", "Processes"]


@pytest.fixture
def root(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return make_repo(FILES)


def workbook(cli: Cli, root: Path, target: Path, *args: str) -> openpyxl.Workbook:
    result = cli("inventory", root, "--today", TODAY, "--output", target, *args)
    assert (result.code, result.out, result.err) == (0, "", "")
    return openpyxl.load_workbook(target)


def values(sheet: Worksheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def widths(sheet: Worksheet) -> list[float]:
    return [sheet.column_dimensions[column].width for column in "ABCDEFGHIJKLMNOPQRST"]


def test_workbook_has_one_sheet_per_view_opened_at_the_view_asked(
    cli: Cli, root: Path, tmp_path: Path
) -> None:
    book = workbook(cli, root, tmp_path / "inventering.xlsx")
    assert book.sheetnames == SHEETS
    assert book.active is not None and book.active.title == "Areas"

    listed = workbook(cli, root, tmp_path / "lista.xlsx", "--list")
    assert listed.active is not None and listed.active.title == "Processes"
    by_owner = workbook(cli, root, tmp_path / "agare.xlsx", "--by", "owner")
    assert by_owner.active is not None and by_owner.active.title == "Owners"


def test_areas_sheet_has_header_frozen_pane_filter_widths_and_a_bold_total(
    cli: Cli, root: Path, tmp_path: Path
) -> None:
    sheet = workbook(cli, root, tmp_path / "inventering.xlsx")["Areas"]

    assert values(sheet) == [
        ["Area", "Processes", "Management", "Core", "Support", "Draft", "Review", "Approved",
         "Retired"],
        ["Ledning", 2, 2, 0, 0, 1, 0, 1, 0],
        ["Barn och unga", 4, 0, 3, 1, 1, 1, 2, 1],
        ["Tom leverans", 0, 0, 0, 0, 0, 0, 0, 0],
        ["Äldreomsorg", 1, 0, 1, 0, 0, 0, 1, 1],
        ["Total", 7, 2, 4, 1, 2, 1, 4, 2],
    ]  # fmt: skip
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == "A1:I5"  # the header and the areas, not the total
    assert [cell.font.b for cell in sheet[1]] == [True] * 9
    assert [cell.font.b for cell in sheet[2]] == [False] * 9
    assert [cell.font.b for cell in sheet[6]] == [True] * 9
    # the longest text plus 2, at least 6
    assert widths(sheet)[:9] == [15, 11, 12, 6, 9, 7, 8, 10, 9]


def test_pivot_sheets_hold_the_same_counts_as_the_other_formats(
    cli: Cli, root: Path, tmp_path: Path
) -> None:
    book = workbook(cli, root, tmp_path / "inventering.xlsx")

    assert values(book["Types"]) == [
        ["Type", "Processes", "Draft", "Review", "Approved", "Retired"],
        ["management", 2, 1, 0, 1, 0],
        ["core", 4, 0, 1, 3, 2],
        ["support", 1, 1, 0, 0, 0],
        ["Total", 7, 2, 1, 4, 2],
    ]
    assert values(book["Statuses"]) == [
        ["Status", "Processes", "Management", "Core", "Support"],
        ["draft", 2, 1, 0, 1],
        ["review", 1, 0, 1, 0],
        ["approved", 4, 1, 3, 0],
        ["retired", 2, 0, 2, 0],
        ["Total", 9, 2, 6, 1],
    ]
    assert values(book["Owners"]) == [
        ["Person", "Owns", "Leads"],
        ["Anna Nilsson", 2, 1],
        ["Erik Åberg", 2, 3],
        ["Lisa Berg", 1, 1],
        ["(nobody)", 2, 3],
    ]
    assert values(book["Roles"]) == [
        ["Role", "Processes", "Activities"],
        ["Enhetschef", 2, 2],
        ["Socialsekreterare", 3, 4],
        ["Undersköterska", 1, 1],
    ]
    assert [book[name].auto_filter.ref for name in SHEETS[1:5]] == [
        "A1:F4",
        "A1:E5",
        "A1:C4",
        "A1:C4",
    ]
    assert [book[name].freeze_panes for name in SHEETS] == ["B2"] * 5 + ["C2"]


def test_processes_sheet_has_dates_as_dates_and_every_column(
    cli: Cli, root: Path, tmp_path: Path
) -> None:
    sheet = workbook(cli, root, tmp_path / "inventering.xlsx")["Processes"]
    rows = values(sheet)

    assert rows[0] == [
        "ID", "Name", "Area", "Type", "Level", "Depth", "Parent", "Owner", "Leaders", "Status",
        "Version", "Approved", "Next review", "Overdue", "Mapped", "Specified", "Measures",
        "Risks", "Open proposals", "Maturity",
    ]  # fmt: skip
    assert len(rows) == 10
    assert rows[5] == [
        "bu-utredning", "Utreda barns behov", "Barn och unga", "core", "sub-process", 1,
        "bu-myndighet", "Erik Åberg", "Erik Åberg", "approved", None, datetime(2025, 11, 21),
        datetime(2026, 11, 21), "no", "yes", "no", 0, 0, 2, 2,
    ]  # fmt: skip
    assert sheet["L6"].number_format == "yyyy-mm-dd"
    assert sheet.freeze_panes == "C2"  # the header row, the id and the name stay in sight
    assert sheet.auto_filter.ref == "A1:T10"
    assert widths(sheet) == [
        14, 31, 15, 12, 13, 7, 14, 14, 23, 10, 9, 12, 13, 9, 8, 11, 10, 7, 16, 10,
    ]  # fmt: skip


def test_a_name_that_looks_like_a_formula_stays_text(
    cli: Cli, make_repo: Callable[[dict[str, str | bytes]], Path], tmp_path: Path
) -> None:
    root = make_repo(
        {
            "areas/a.yaml": "kind: area\nid: a\nname: '=HYPERLINK(\"http://x\")'\n",
        }
    )
    sheet = workbook(cli, root, tmp_path / "f.xlsx")["Areas"]

    assert sheet["A2"].value == '=HYPERLINK("http://x")'
    assert sheet["A2"].data_type == "s"


def test_the_same_inventory_gives_the_same_bytes(root: Path) -> None:
    repo = load_repository(root).repo
    result = inventory(repo, today=date(2026, 11, 21))

    first = xlsx_bytes(all_tables(result), active="area", today=result.today)
    second = xlsx_bytes(all_tables(result), active="area", today=result.today)
    assert first == second
    # not the clock: every part of the archive carries one fixed time
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    book = openpyxl.load_workbook(io.BytesIO(first))
    assert book.properties.created == datetime(2026, 11, 21)
    assert book.properties.modified == datetime(2026, 11, 21)
    assert book.properties.creator == "processkit"
