"""CSV files never hand a spreadsheet a formula: a text cell that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is written with ``'`` in front (OWASP's advice);
numbers stay numbers. The workbook marks text as text and needs no ``'``."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from tests.conftest import CliResult

from processkit.csvcells import text_cell

Cli = Callable[..., CliResult]

FILES: dict[str, str | bytes] = {
    "areas/barn.yaml": 'kind: area\nid: barn\nname: "+Barn och unga"\n',
    "people/anna.yaml": (
        'kind: person\nid: anna\nname: "=HYPERLINK(\\"https://example.se\\",\\"Klicka\\")"\n'
        'email: "@anna@example.se"\n'
    ),
    "processes/utreda.yaml": (
        "kind: process\nid: utreda\nname: '-2+3'\narea: barn\ntype: core\nstatus: approved\n"
        'owner: anna\nversion: "=1+1"\napproved: {date: 2025-01-10, by: Nämnden}\n'
    ),
    "processes/besluta.yaml": (
        'kind: process\nid: besluta\nname: "\\tBesluta"\narea: barn\ntype: core\n'
        "status: approved\nowner: anna\napproved: {date: 2025-06-01, by: Nämnden}\n"
    ),
    "assessments/mm.yaml": (
        "kind: assessment\nid: mm\nprocess: utreda\ndate: 2026-01-10\n"
        "scores: {design: 1, performers: 2, owner: 1, infrastructure: 1, metrics: 1}\n"
    ),
}

HYPERLINK = '=HYPERLINK(""https://example.se"",""Klicka"")'


@pytest.fixture
def root(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return make_repo(FILES)


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+46 480", "'+46 480"),
        ("-2", "'-2"),
        ("@anna", "'@anna"),
        ("\tBarn", "'\tBarn"),
        ("\rBarn", "'\rBarn"),
        ("Barn = unga", "Barn = unga"),
        ("", ""),
    ],
)
def test_text_cell(text: str, cell: str) -> None:
    assert text_cell(text) == cell


def test_inventory_list_csv(cli: Cli, root: Path) -> None:
    result = cli("inventory", root, "--list", "-f", "csv", "--today", "2026-03-01")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "ID,Name,Area,Type,Level,Depth,Parent,Owner,Leaders,Status,Version,Approved,"
        "Next review,Overdue,Mapped,Specified,Measures,Risks,Open proposals,Maturity\r\n"
        "besluta,'\tBesluta,'+Barn och unga,core,process,0,,"
        f'"\'{HYPERLINK}",,approved,,2025-06-01,2026-06-01,no,no,no,0,0,0,\r\n'
        "utreda,'-2+3,'+Barn och unga,core,process,0,,"
        f"\"'{HYPERLINK}\",,approved,'=1+1,2025-01-10,2026-01-10,yes,no,no,0,0,0,1\r\n"
    )


def test_inventory_counts_csv(cli: Cli, root: Path) -> None:
    result = cli("inventory", root, "-f", "csv", "--today", "2026-03-01")
    assert result.out == (
        "Area,Processes,Management,Core,Support,Draft,Review,Approved,Retired\r\n"
        "'+Barn och unga,2,0,2,0,0,0,2,0\r\n"
        "Total,2,0,2,0,0,0,2,0\r\n"
    )


def test_review_csv(cli: Cli, root: Path) -> None:
    result = cli("review", root, "-f", "csv", "--today", "2026-03-01")
    assert result.out == (
        "owner,owner_name,owner_email,kind,id,name,area,path,due,days_late\n"
        f"anna,\"'{HYPERLINK}\",'@anna@example.se,process,utreda,'-2+3,barn,"
        "processes/utreda.yaml,2026-01-10,50\n"
    )


def test_maturity_csv(cli: Cli, root: Path) -> None:
    result = cli("maturity", root, "-f", "csv")
    assert result.out == (
        "area,process,name,date,level,design,performers,owner,infrastructure,metrics,"
        "previous_date,previous_level,previous_design,previous_performers,previous_owner,"
        "previous_infrastructure,previous_metrics\n"
        "barn,besluta,'\tBesluta,,,,,,,,,,,,,,\n"
        "barn,utreda,'-2+3,2026-01-10,1,1,2,1,1,1,,,,,,,\n"
    )


def test_the_workbook_keeps_text_as_text_without_a_quote(cli: Cli, root: Path) -> None:
    target = root / "inventory.xlsx"
    result = cli("inventory", root, "--list", "-o", target, "--today", "2026-03-01")
    assert result.code == 0
    book = openpyxl.load_workbook(io.BytesIO(target.read_bytes()))
    sheet = book["Processes"]
    rows = [[cell.value for cell in row][:3] for row in sheet.iter_rows(min_row=2, max_row=3)]
    assert rows == [
        ["besluta", "\tBesluta", "+Barn och unga"],
        ["utreda", "-2+3", "+Barn och unga"],
    ]
    assert {cell.data_type for row in sheet.iter_rows(min_row=2) for cell in row[:3]} == {"s"}
