"""``processkit init --from-inventory``: a skeleton process per row of a csv or xlsx inventory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult

from processkit.loading.yamlfile import read_yaml

TODAY = "2026-03-01"

GOOD_CSV = (
    "Namn;Leveransområde;Typ;Processägare;Processledare;Status;Överordnad;Kommentar\n"
    "Utreda barns behov;Barn och unga;huvudprocess;Anna Nilsson;Erik Åberg;fastställd;;\n"
    "Placera barn;Barn och unga;core;Anna Nilsson;;;Utreda barns behov;klar i maj\n"
    "Styra och leda;Ledning;ledningsprocess;;;;;\n"
    ";;;;;;;\n"
    "Rekrytera;Verksamhetsstöd;stödprocess;Fatima Ali;Fatima Ali, Jonas Ek;utkast;;\n"
)

BAD_CSV = (
    "name,area,type,owner,parent\n"
    "Utreda,Barn och unga,core,,\n"
    "Placera,Barn och unga,kärna,,\n"
    ",Barn och unga,core,,\n"
    "Utreda,Barn och unga,core,,\n"
    "Följa upp,Barn och unga,support,,Placera\n"
    "Matcha,Barn och unga,support,,Finns inte\n"
)


def files_under(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*.yaml")
        if not p.relative_to(root).as_posix().startswith(".")
    )


def test_csv_inventory_gives_areas_people_and_processes_that_validate(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    sheet = tmp_path / "inventering.csv"
    sheet.write_bytes(GOOD_CSV.encode("cp1252"))  # as Excel saves CSV on a Swedish Windows
    target = tmp_path / "repo"
    result = cli("init", target, "--from-inventory", sheet, "--today", TODAY)
    assert result.code == 0
    assert result.err == "inventering.csv: the column `Kommentar` is not used\n"
    assert result.out.splitlines()[:2] == [
        f"Created a process repository in {target}: 29 files.",
        "The inventory gave 4 processes.",
    ]
    assert files_under(target) == [
        "areas/barn-och-unga.yaml",
        "areas/ledning.yaml",
        "areas/verksamhetsstod.yaml",
        "people/anna-nilsson.yaml",
        "people/erik-aberg.yaml",
        "people/fatima-ali.yaml",
        "people/jonas-ek.yaml",
        "processes/barn-och-unga/placera-barn.yaml",
        "processes/barn-och-unga/utreda-barns-behov.yaml",
        "processes/ledning/styra-och-leda.yaml",
        "processes/verksamhetsstod/rekrytera.yaml",
        "processkit.yaml",
    ]
    placera = read_yaml("p", (target / "processes/barn-och-unga/placera-barn.yaml").read_bytes())
    assert placera.value == {
        "kind": "process",
        "id": "placera-barn",
        "name": "Placera barn",
        "area": "barn-och-unga",
        "type": "core",
        "parent": "utreda-barns-behov",
        "status": "draft",
        "owner": "anna-nilsson",
        "leaders": [],
        "purpose": None,
        "customer": None,
        "need": None,
        "start": None,
        "end": None,
        "value": None,
        "inputs": [],
        "outputs": [],
        "activities": [],
    }
    rekrytera = read_yaml("p", (target / "processes/verksamhetsstod/rekrytera.yaml").read_bytes())
    assert (rekrytera.value["owner"], rekrytera.value["leaders"]) == (
        "fatima-ali",
        ["fatima-ali", "jonas-ek"],
    )
    area = read_yaml("a", (target / "areas/verksamhetsstod.yaml").read_bytes()).value
    assert (area["id"], area["name"]) == ("verksamhetsstod", "Verksamhetsstöd")
    result = cli("validate", target, "--today", TODAY, "--format", "json")
    assert result.json()["summary"]["errors"] == 0
    assert result.code == 0


def test_bad_rows_are_reported_by_number_and_nothing_is_written(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    sheet = tmp_path / "inventory.csv"
    sheet.write_text(BAD_CSV, encoding="utf-8")
    target = tmp_path / "repo"
    result = cli("init", target, "--from-inventory", sheet)
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "inventory.csv row 3: `type` must be management, core or support (ledningsprocess, "
        "huvudprocess, stödprocess), found `kärna`\n"
        "inventory.csv row 4: `name` is empty\n"
        "inventory.csv row 5: `Utreda` is listed twice (also row 2)\n"
        "inventory.csv row 6: `parent` names `Placera`, which is not another process of the "
        "inventory\n"
        "inventory.csv row 7: `parent` names `Finns inte`, which is not another process of the "
        "inventory\n"
        "Nothing was written: correct the 5 rows above, or run again with --skip-bad to leave "
        "them out.\n"
    )
    assert not target.exists()


def test_skip_bad_writes_the_good_rows(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    sheet = tmp_path / "inventory.csv"
    sheet.write_text(BAD_CSV, encoding="utf-8")
    target = tmp_path / "repo"
    result = cli("init", target, "--from-inventory", sheet, "--skip-bad", "--today", TODAY)
    assert result.code == 0
    assert result.err.splitlines()[0] == (
        "inventory.csv skipped row 3: `type` must be management, core or support "
        "(ledningsprocess, huvudprocess, stödprocess), found `kärna`"
    )
    assert len(result.err.splitlines()) == 5
    assert files_under(target) == [
        "areas/barn-och-unga.yaml",
        "processes/barn-och-unga/utreda.yaml",
        "processkit.yaml",
    ]
    assert cli("validate", target, "--today", TODAY).code == 0


def test_xlsx_inventory(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["name", "area", "type", "id", "owner"])
    sheet.append(["Utreda barns behov", "Barn och unga", "Huvudprocess", "bu-utredning", "anna"])
    sheet.append([None, None, None, None, None])
    sheet.append(["Styra och leda", "Ledning", "management", None, None])
    path = tmp_path / "inventering.xlsx"
    book.save(path)
    target = tmp_path / "repo"
    result = cli("init", target, "--from-inventory", path, "--today", TODAY)
    assert (result.code, result.err) == (0, "")
    assert files_under(target) == [
        "areas/barn-och-unga.yaml",
        "areas/ledning.yaml",
        "people/anna.yaml",
        "processes/barn-och-unga/bu-utredning.yaml",
        "processes/ledning/styra-och-leda.yaml",
        "processkit.yaml",
    ]
    assert cli("validate", target, "--today", TODAY).code == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "inventory.ods",
            b"x",
            "processkit: --from-inventory: expected a .xlsx or .csv file, found `inventory.ods`; "
            "save the spreadsheet as Excel (.xlsx) or CSV\n",
        ),
        (
            "inventory.csv",
            b"namn,typ\nX,core\n",
            "processkit: inventory.csv: no column `area`; the first row must name the columns, at "
            "least name, area and type (namn, leveransomr\u00e5de, typ)\n",
        ),
        (
            "inventory.csv",
            b"",
            "processkit: inventory.csv is empty; the first row must name the columns\n",
        ),
        (
            "inventory.xlsx",
            b"not a workbook",
            "processkit: inventory.xlsx cannot be read as an Excel file (File is not a zip file)\n",
        ),
    ],
)
def test_unreadable_inventories_are_exit_2(
    tmp_path: Path, cli: Callable[..., CliResult], name: str, content: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(content)
    result = cli("init", tmp_path / "repo", "--from-inventory", tmp_path / name)
    assert (result.code, result.err) == (2, message)
    assert not (tmp_path / "repo").exists()
