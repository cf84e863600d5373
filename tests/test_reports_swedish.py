"""The reports as a Swedish reader sees them: the terminal text, the CSV for Excel, the
workbook, CODEOWNERS; and the terminal tables at 80 columns with long Swedish names."""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from tests import (
    test_codeowners,
    test_inventory_fixture,
    test_maturity,
    test_proposals,
    test_review,
)
from tests.conftest import CliResult, write_files

from processkit.csvcells import BOM
from processkit.reports.texttable import render_table

Cli = Callable[..., CliResult]
pytestmark = pytest.mark.usefixtures("swedish")

# --- the terminal table at 80 columns ---------------------------------------------------------

HEADERS = ["Ägare", "Slag", "Namn", "Senast", "När"]
ROWS = [
    [
        "Karin Sandberg (karin-sandberg)",
        "process",
        "Ta emot anmälan om oro för barn och göra en förhandsbedömning (bu-forhandsbedomning)",
        "2026-06-10",
        "164 dagar försenad",
    ],
    ["", "handbok", "Rutin för dokumentation (rutin-dok)", "2026-12-01", "om 3 dagar"],
]


def _words(text: str) -> list[str]:
    return sorted(text.split())


def test_a_wide_table_wraps_its_cells_at_spaces_within_80_columns() -> None:
    table = render_table(HEADERS, ROWS)
    assert table == (
        "Ägare              Slag     Namn                    Senast      När\n"
        "-----------------  -------  ----------------------  ----------  ----------------\n"
        "Karin Sandberg     process  Ta emot anmälan om oro  2026-06-10  164 dagar\n"
        "(karin-sandberg)            för barn och göra en                försenad\n"
        "                            förhandsbedömning\n"
        "                            (bu-forhandsbedomning)\n"
        "\n"
        "                   handbok  Rutin för               2026-12-01  om 3 dagar\n"
        "                            dokumentation\n"
        "                            (rutin-dok)\n"
    )
    assert max(len(line) for line in table.splitlines()) <= 80
    # every word is whole: the table holds the same words as its cells, dashes aside
    cells = " ".join(HEADERS + [cell for row in ROWS for cell in row])
    assert [w for w in _words(table) if set(w) != {"-"}] == _words(cells)


def test_a_table_whose_words_cannot_fit_becomes_a_list() -> None:
    headers = [*HEADERS, "Processägare", "Leveransområde", "Överordnad process"]
    rows = [[*row, "Ingrid Lindqvist", "Äldreomsorg", "Myndighetsutövning"] for row in ROWS]
    assert render_table(headers, rows) == (
        "Karin Sandberg (karin-sandberg)\n"
        "  Slag: process\n"
        "  Namn: Ta emot anmälan om oro för barn och göra en förhandsbedömning\n"
        "      (bu-forhandsbedomning)\n"
        "  Senast: 2026-06-10\n"
        "  När: 164 dagar försenad\n"
        "  Processägare: Ingrid Lindqvist\n"
        "  Leveransområde: Äldreomsorg\n"
        "  Överordnad process: Myndighetsutövning\n"
        "\n"
        "  Slag: handbok\n"
        "  Namn: Rutin för dokumentation (rutin-dok)\n"
        "  Senast: 2026-12-01\n"
        "  När: om 3 dagar\n"
        "  Processägare: Ingrid Lindqvist\n"
        "  Leveransområde: Äldreomsorg\n"
        "  Överordnad process: Myndighetsutövning\n"
    )


def test_a_table_that_fits_is_drawn_as_always() -> None:
    assert render_table(["Id", "Namn"], [["a", "Ett"], ["bb", "Två"]], right=(0,)) == (
        "Id  Namn\n--  ----\n a  Ett\nbb  Två\n"
    )


# --- review -----------------------------------------------------------------------------------


@pytest.fixture
def review_repo(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return make_repo(test_review.FILES)


def test_review_table_in_swedish(review_repo: Path, cli: Cli) -> None:
    result = cli("review", review_repo, "--today", "2026-03-01", "--within", "30d")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Att revidera senast 2026-03-31 (i dag 2026-03-01, inom 30 dagar). Försenade: 3. "
        "Ska snart revideras: 2.\n"
        "\n"
        "Ägare                Slag     Namn                 Senast      När\n"
        "-------------------  -------  -------------------  ----------  -----------------\n"
        "Anna Nilsson (anna)  process  Processen            2026-02-01  28 dagar försenad\n"
        "                              bu-utredning\n"
        "                              (bu-utredning)\n"
        "\n"
        "                     handbok  Rutin för            2026-02-20  9 dagar försenad\n"
        "                              *barn*utredning\n"
        "                              (rutin-barn)\n"
        "\n"
        "                     process  Processen            2026-03-20  om 19 dagar\n"
        "                              bu-placering\n"
        "                              (bu-placering)\n"
        "\n"
        "Erik Åberg (erik)    process  Processen            2026-03-01  i dag\n"
        "                              vu-missbruk\n"
        "                              (vu-missbruk)\n"
        "\n"
        "(ingen ägare)        process  Processen vu-ingen   2026-01-15  45 dagar försenad\n"
        "                              (vu-ingen)\n"
    )


def test_review_nothing_due_in_swedish(review_repo: Path, cli: Cli) -> None:
    result = cli("review", review_repo, "--today", "2020-01-01", "--within", "7d")
    assert (
        result.out
        == "Inget behöver revideras senast 2020-01-08 (i dag 2020-01-01, inom 7 dagar).\n"
    )


def _read_back(text: str, dialect: str = "excel") -> list[list[str]]:
    if dialect == "excel":
        assert text.startswith(BOM)
        return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    assert not text.startswith(BOM)
    return list(csv.reader(io.StringIO(text, newline="")))


def test_review_csv_in_swedish_opens_in_excel(review_repo: Path, cli: Cli) -> None:
    result = cli("review", review_repo, "--today", "2026-03-01", "-f", "csv")
    assert result.out.encode("utf-8")[:3] == b"\xef\xbb\xbf"
    rows = _read_back(result.out)
    assert rows[0] == [
        "ägare",
        "ägarens namn",
        "ägarens e-post",
        "slag",
        "id",
        "namn",
        "leveransområde",
        "fil",
        "senast",
        "dagar försenad",
    ]
    assert rows[2] == [
        "anna",
        "Anna Nilsson",
        "anna.nilsson@example.se",
        "handbook",
        "rutin-barn",
        "Rutin för *barn*utredning",
        "",
        "handbooks/rutin-barn.yaml",
        "2026-02-20",
        "9",
    ]
    standard = cli(
        "review", review_repo, "--today", "2026-03-01", "-f", "csv", "--csv-dialect", "standard"
    ).out
    assert _read_back(standard, "standard") == rows
    assert standard.startswith("ägare,ägarens namn,")


# --- proposals --------------------------------------------------------------------------------


def test_proposals_table_in_swedish(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Cli
) -> None:
    root = make_repo(test_proposals.FILES)
    result = cli(
        "proposals", root, "--today", "2026-03-01", "--since", "7d", "--process", "ao-hemtjanst"
    )
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Inkomna 2026-02-22 \u2013 2026-03-01: 1.\n"
        "\n"
        "Id           Process                      Inkom       Från  Status  Rubrik\n"
        "-----------  ---------------------------  ----------  ----  ------  ----------\n"
        "fp-2026-006  Ge hemtjänst (ao-hemtjanst)  2026-02-28        nytt    Fler besök\n"
        "\n"
        "Beslutade 2026-02-22 \u2013 2026-03-01: 2.\n"
        "\n"
        "Id           Process         Beslutat    Status    Dagar  Genomfört i  Rubrik\n"
        "-----------  --------------  ----------  --------  -----  -----------  ---------\n"
        "fp-2026-005  Ge hemtjänst    2026-02-26  avslaget     24               Larm i\n"
        "             (ao-hemtjanst)                                            alla rum\n"
        "\n"
        "fp-2026-002  Ge hemtjänst    2026-02-27  beviljat      7               Nyckelfri\n"
        "             (ao-hemtjanst)                                            hemtjänst\n"
        "\n"
        "Förslag per 2026-03-01 med status nytt, bereds, beviljat: 2 (1 nytt, 1 beviljat).\n"
        "\n"
        "Process             Id           Status    Inkom       Dagar  Rubrik\n"
        "------------------  -----------  --------  ----------  -----  ------------------\n"
        "Ge hemtjänst        fp-2026-006  nytt      2026-02-28      1  Fler besök\n"
        "(ao-hemtjanst)\n"
        "\n"
        "                    fp-2026-002  beviljat  2026-02-20      9  Nyckelfri\n"
        "                                                              hemtjänst\n"
    )


def test_proposals_counts_agree_in_number(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Cli
) -> None:
    root = make_repo(test_proposals.FILES)
    first = cli("proposals", root, "--today", "2026-03-01").out.splitlines()[0]
    assert first == (
        "Förslag per 2026-03-01 med status nytt, bereds, beviljat: 4 (2 nya, 1 bereds, 1 beviljat)."
    )


def test_a_wrong_proposal_status_is_said_in_swedish(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Cli
) -> None:
    root = make_repo(test_proposals.FILES)
    result = cli("proposals", root, "--status", "opne")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "processkit: --status: `opne` är ingen status för ett förslag; menade du `open`? "
        "Använd new, assessing, accepted, rejected, done, open eller all\n"
    )


# --- maturity ---------------------------------------------------------------------------------


@pytest.fixture
def maturity_repo(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return make_repo(test_maturity.FILES)


def test_maturity_in_swedish_names_processes_and_dimensions(maturity_repo: Path, cli: Cli) -> None:
    result = cli("maturity", maturity_repo, "--area", "bu")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Mognad på nivåerna 0\u20134; en process har samma nivå som sin lägsta poäng bland "
        "dimensionerna. 2 av 3 processer bedömda; (+1) visar förändringen sedan "
        "föregående mognadsbedömning.\n"
        "\n"
        "Barn och unga (bu): 2 av 3 bedömda; nivå 0: 1, nivå 1: 0, nivå 2: 1, nivå 3: 0, "
        "nivå 4: 0; inte bedömda: 1\n"
        "\n"
        "Placera (bu-placering)\n"
        "  Bedömd: inte bedömd\n"
        "\n"
        "Utreda barns behov (bu-utredning)\n"
        "  Bedömd: 2026-03-01\n"
        "  Nivå: 2 (+1)\n"
        "  Design: 3 (+1)\n"
        "  Utförare: 2 (+1)\n"
        "  Ägare: 3 (+1)\n"
        "  Infrastruktur: 2 (±0)\n"
        "  Mätetal: 2 (+1)\n"
        "\n"
        "  Samtala (bu-del)\n"
        "    Bedömd: 2026-02-01\n"
        "    Nivå: 0\n"
        "    Design: 1\n"
        "    Utförare: 1\n"
        "    Ägare: 0\n"
        "    Infrastruktur: 1\n"
        "    Mätetal: \u2013\n"
    )


def test_maturity_with_short_labels_is_a_table_in_swedish(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Cli
) -> None:
    config = (
        "organisation: Test\n"
        "maturity:\n"
        "  dimensions: [design, owner]\n"
        "  labels: {design: Processdesign, owner: Processägarskap}\n"
    )
    root = make_repo({**test_maturity.FILES, "processkit.yaml": config})
    result = cli("maturity", root, "--area", "vu")
    assert result.out.split("\n\n")[-1] == (
        "Process                       Bedömd      Nivå    Processdesign  Processägarskap\n"
        "----------------------------  ----------  ------  -------------  ---------------\n"
        "Stöd vid missbruk             2026-01-15  2 (-1)  3 (±0)         3 (±0)\n"
        "(vu-missbruk)\n"
    )


def test_maturity_csv_in_swedish_uses_the_labels(maturity_repo: Path, cli: Cli) -> None:
    result = cli("maturity", maturity_repo, "--area", "vu", "-f", "csv")
    assert result.out.encode("utf-8")[:3] == b"\xef\xbb\xbf"
    assert _read_back(result.out) == [
        [
            "leveransområde",
            "process",
            "namn",
            "datum",
            "nivå",
            "Design",
            "Utförare",
            "Ägare",
            "Infrastruktur",
            "Mätetal",
            "föregående datum",
            "föregående nivå",
            "föregående Design",
            "föregående Utförare",
            "föregående Ägare",
            "föregående Infrastruktur",
            "föregående Mätetal",
        ],
        ["vu", "vu-missbruk", "Stöd vid missbruk", "2026-01-15", "2", "3", "2", "3", "3", "4",
         "2025-06-01", "3", "3", "3", "3", "3", "3"],
    ]  # fmt: skip


# --- inventory --------------------------------------------------------------------------------


@pytest.fixture
def inventory_repo(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return make_repo(test_inventory_fixture.FILES)


def _inventory(cli: Cli, root: Path, *args: str) -> str:
    result = cli("inventory", root, "--today", test_inventory_fixture.TODAY, *args)
    assert (result.code, result.err) == (0, ""), result.err
    return result.out


def test_inventory_markdown_in_swedish(inventory_repo: Path, cli: Cli) -> None:
    assert _inventory(cli, inventory_repo, "-f", "markdown") == (
        "| Leveransområde | Processer | Ledningsprocesser | Huvudprocesser | Stödprocesser "
        "| Utkast | På remiss | Fastställda | Upphörda |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        "| Ledning | 2 | 2 | 0 | 0 | 1 | 0 | 1 | 0 |\n"
        "| Barn och unga | 4 | 0 | 3 | 1 | 1 | 1 | 2 | 1 |\n"
        "| Tom leverans | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "| Äldreomsorg | 1 | 0 | 1 | 0 | 0 | 0 | 1 | 1 |\n"
        "| **Totalt** | **7** | **2** | **4** | **1** | **2** | **1** | **4** | **2** |\n"
    )


def test_inventory_csv_in_swedish_opens_in_excel(inventory_repo: Path, cli: Cli) -> None:
    text = _inventory(cli, inventory_repo, "--by", "owner", "-f", "csv")
    assert text.encode("utf-8") == (
        b"\xef\xbb\xbf"
        + "Person;Äger;Leder\r\nAnna Nilsson;2;1\r\nErik Åberg;2;3\r\nLisa Berg;1;1\r\n"
        "(ingen);2;3\r\n".encode()
    )
    assert _read_back(text) == [
        ["Person", "Äger", "Leder"],
        ["Anna Nilsson", "2", "1"],
        ["Erik Åberg", "2", "3"],
        ["Lisa Berg", "1", "1"],
        ["(ingen)", "2", "3"],
    ]


def test_inventory_list_csv_headers_and_words_in_swedish(inventory_repo: Path, cli: Cli) -> None:
    rows = _read_back(_inventory(cli, inventory_repo, "--list", "-f", "csv"))
    assert rows[0] == [
        "Id",
        "Namn",
        "Leveransområde",
        "Typ",
        "Nivå",
        "Djup",
        "Överordnad process",
        "Processägare",
        "Processledare",
        "Status",
        "Version",
        "Fastställd",
        "Nästa revision",
        "Försenad",
        "Kartlagd",
        "Beskriven",
        "Mått",
        "Risker",
        "Öppna förslag",
        "Mognad",
    ]
    planera = next(row for row in rows if row[0] == "planera")
    assert planera[3:5] == ["ledningsprocess", "process"]
    assert planera[9] == "utkast"
    assert planera[13:16] == ["nej", "nej", "nej"]


def test_the_standard_csv_dialect_in_swedish(inventory_repo: Path, cli: Cli) -> None:
    text = _inventory(
        cli, inventory_repo, "--by", "owner", "-f", "csv", "--csv-dialect", "standard"
    )
    assert text == (
        "Person,Äger,Leder\r\nAnna Nilsson,2,1\r\nErik Åberg,2,3\r\nLisa Berg,1,1\r\n"
        "(ingen),2,3\r\n"
    )


def test_the_excel_csv_dialect_in_english(
    inventory_repo: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "ägare.csv"
    result = cli(
        "inventory", inventory_repo, "--lang", "en", "--today", test_inventory_fixture.TODAY,
        "--by", "owner", "--csv-dialect", "excel", "-o", target,
    )  # fmt: skip
    assert (result.code, result.out, result.err) == (0, "", "")
    assert target.read_bytes() == (
        b"\xef\xbb\xbfPerson;Owns;Leads\r\nAnna Nilsson;2;1\r\n"
        + "Erik Åberg;2;3\r\n".encode()
        + b"Lisa Berg;1;1\r\n(nobody);2;3\r\n"
    )


def test_inventory_workbook_in_swedish(inventory_repo: Path, cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "inventering.xlsx"
    assert _inventory(cli, inventory_repo, "-o", str(target)) == ""
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [
        "Leveransområden",
        "Typer",
        "Status",
        "Ägare",
        "Roller",
        "Processer",
    ]
    assert book.properties.title == "Processförteckning"
    first = {name: [cell.value for cell in book[name][1]] for name in book.sheetnames}
    assert first["Typer"] == [
        "Typ", "Processer", "Utkast", "På remiss", "Fastställda", "Upphörda",
    ]  # fmt: skip
    assert [row[0].value for row in book["Typer"].iter_rows(min_row=2)] == [
        "ledningsprocess",
        "huvudprocess",
        "stödprocess",
        "Totalt",
    ]
    assert [row[0].value for row in book["Status"].iter_rows(min_row=2)] == [
        "utkast",
        "på remiss",
        "fastställd",
        "upphörd",
        "Totalt",
    ]
    assert first["Roller"] == ["Roll", "Processer", "Aktiviteter"]
    assert first["Processer"][:4] == ["Id", "Namn", "Leveransområde", "Typ"]


def test_an_unknown_area_is_said_in_swedish(inventory_repo: Path, cli: Cli) -> None:
    result = cli("inventory", inventory_repo, "--area", "aldreomsorg")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "processkit: --area: inget leveransområde har id:t `aldreomsorg`; menade du `aldre`?\n"
    )


# --- CODEOWNERS -------------------------------------------------------------------------------


def test_codeowners_comments_in_swedish(tmp_path: Path, cli: Cli) -> None:
    root = write_files(tmp_path, test_codeowners.FILES)
    result = cli("codeowners", root)
    assert result.out == textwrap.dedent(
        """\
        # Skapad av `processkit codeowners`: ändra inte för hand, kör kommandot igen när en
        # ägare har bytts. Ägaren till varje process (och handbok) måste godkänna ändringar
        # i dess fil. Slå på "Require review from Code Owners" för huvudgrenen.

        # Barn och unga
        /processes/bu/bu\\ placering.yaml @erik
        /processes/bu/bu-utredning.yaml @anna.nilsson

        # Vuxna [test]
        /processes/vu/vu-missbruk.yaml @erik

        # Handböcker och rutiner
        /handbooks/rutin.yaml @anna.nilsson

        # Ingen obligatorisk granskare för de här filerna:
        # /processes/vu/vu-ny.yaml: processen har ingen ägare
        # /processes/vu/vu-vald.yaml: ägaren Ida Björk (`ida`) har inget `username`
        """
    )


# --- JSON -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "files", "args"),
    [
        ("review", test_review.FILES, ("--today", "2026-03-01")),
        ("proposals", test_proposals.FILES, ("--today", "2026-03-01", "--since", "7d")),
        ("maturity", test_maturity.FILES, ()),
        ("inventory", test_inventory_fixture.FILES, ("--list", "--today", "2026-03-01")),
    ],
)
def test_json_is_the_same_in_both_languages(
    make_repo: Callable[[dict[str, str | bytes]], Path],
    cli: Cli,
    command: str,
    files: dict[str, str | bytes],
    args: tuple[str, ...],
) -> None:
    root = make_repo(files)
    swedish = cli(command, root, *args, "-f", "json")
    english = cli(command, root, *args, "-f", "json", "--lang", "en")
    assert (swedish.code, swedish.err) == (0, "")
    assert swedish.out == english.out
