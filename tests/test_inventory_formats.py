"""Every text format of every view, whole, on the repository built for counting."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult
from tests.golden_support import check_golden
from tests.test_inventory_fixture import FILES, TODAY
from tests.test_inventory_goldens import GOLDENS, normalized

Cli = Callable[..., CliResult]


@pytest.fixture
def root(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return make_repo(FILES)


def run(cli: Cli, root: Path, *args: str) -> str:
    result = cli("inventory", root, "--today", TODAY, *args)
    assert (result.code, result.err) == (0, "")
    return result.out


def test_json_of_the_default_view_has_formats_shape(cli: Cli, root: Path) -> None:
    result = cli("inventory", root, "--format", "json", "--today", TODAY)

    assert result.code == 0
    assert result.json() == {
        "total": 7,
        "areas": [
            {
                "id": "ledning",
                "name": "Ledning",
                "processes": 2,
                "by_type": {"management": 2, "core": 0, "support": 0},
                "by_status": {"draft": 1, "review": 0, "approved": 1, "retired": 0},
            },
            {
                "id": "barn",
                "name": "Barn och unga",
                "processes": 4,
                "by_type": {"management": 0, "core": 3, "support": 1},
                "by_status": {"draft": 1, "review": 1, "approved": 2, "retired": 1},
            },
            {
                "id": "tom",
                "name": "Tom leverans",
                "processes": 0,
                "by_type": {"management": 0, "core": 0, "support": 0},
                "by_status": {"draft": 0, "review": 0, "approved": 0, "retired": 0},
            },
            {
                "id": "aldre",
                "name": "Äldreomsorg",
                "processes": 1,
                "by_type": {"management": 0, "core": 1, "support": 0},
                "by_status": {"draft": 0, "review": 0, "approved": 1, "retired": 1},
            },
        ],
    }
    assert result.out.startswith('{\n  "total": 7,\n  "areas": [\n')
    assert '"name": "Äldreomsorg"' in result.out  # UTF-8, not \u escapes


def test_json_by_area_is_the_default_view(cli: Cli, root: Path) -> None:
    assert run(cli, root, "--by", "area", "-f", "json") == run(cli, root, "-f", "json")


def test_json_by_type(cli: Cli, root: Path) -> None:
    out = run(cli, root, "--by", "type", "-f", "json")
    statuses = ("draft", "review", "approved", "retired")

    assert __import__("json").loads(out) == {
        "total": 7,
        "types": [
            {
                "id": "management",
                "processes": 2,
                "by_status": dict(zip(statuses, (1, 0, 1, 0), strict=True)),
            },
            {
                "id": "core",
                "processes": 4,
                "by_status": dict(zip(statuses, (0, 1, 3, 2), strict=True)),
            },
            {
                "id": "support",
                "processes": 1,
                "by_status": dict(zip(statuses, (1, 0, 0, 0), strict=True)),
            },
        ],
    }


def test_json_by_status_counts_every_process(cli: Cli, root: Path) -> None:
    result = cli("inventory", root, "--by", "status", "-f", "json", "--today", TODAY)
    types = ("management", "core", "support")

    assert result.json() == {
        "total": 9,
        "statuses": [
            {"id": "draft", "processes": 2, "by_type": dict(zip(types, (1, 0, 1), strict=True))},
            {"id": "review", "processes": 1, "by_type": dict(zip(types, (0, 1, 0), strict=True))},
            {"id": "approved", "processes": 4, "by_type": dict(zip(types, (1, 3, 0), strict=True))},
            {"id": "retired", "processes": 2, "by_type": dict(zip(types, (0, 2, 0), strict=True))},
        ],
    }


def test_json_by_owner(cli: Cli, root: Path) -> None:
    result = cli("inventory", root, "--by", "owner", "-f", "json", "--today", TODAY)

    assert result.json() == {
        "total": 7,
        "people": [
            {"id": "anna", "name": "Anna Nilsson", "owns": 2, "leads": 1},
            {"id": "erik", "name": "Erik Åberg", "owns": 2, "leads": 3},
            {"id": "lisa", "name": "Lisa Berg", "owns": 1, "leads": 1},
        ],
        "without_owner": 2,
        "without_leaders": 3,
    }


def test_json_by_role(cli: Cli, root: Path) -> None:
    result = cli("inventory", root, "--by", "role", "-f", "json", "--today", TODAY)

    assert result.json() == {
        "total": 7,
        "roles": [
            {"id": "enhetschef", "name": "Enhetschef", "processes": 2, "activities": 2},
            {
                "id": "socialsekreterare",
                "name": "Socialsekreterare",
                "processes": 3,
                "activities": 4,
            },
            {"id": "underskoterska", "name": "Undersköterska", "processes": 1, "activities": 1},
        ],
    }


def row(process_id: str, name: str, area: str, **given: object) -> dict[str, object]:
    """A --list JSON row: a draft top-level core process with nothing, unless ``given``."""
    base: dict[str, object] = {
        "id": process_id,
        "name": name,
        "area": area,
        "type": "core",
        "level": "process",
        "depth": 0,
        "parent": None,
        "owner": None,
        "leaders": [],
        "status": "draft",
        "version": None,
        "approved": None,
        "next_review": None,
        "overdue": False,
        "mapped": False,
        "specified": False,
        "measures": 0,
        "risks": 0,
        "open_proposals": 0,
        "maturity": None,
    }
    assert set(given) <= set(base)
    return {**base, **given}


def test_json_list_has_one_object_per_process(cli: Cli, root: Path) -> None:
    result = cli("inventory", root, "--list", "-f", "json", "--today", TODAY)

    assert result.json() == {
        "today": "2026-11-21",
        "processes": [
            row("planera", "Planera verksamheten", "ledning", type="management"),
            row(
                "styra",
                "Styra och leda",
                "ledning",
                type="management",
                owner="anna",
                leaders=["erik"],
                status="approved",
                version="1.0",
                approved="2025-06-01",
                next_review="2026-06-01",
                overdue=True,
            ),
            row(
                "bu-myndighet",
                "Myndighetsutövning | barn",
                "barn",
                owner="anna",
                leaders=["erik", "lisa"],
                status="approved",
                version="2.10",
                approved="2026-02-01",
                next_review="2027-02-01",
                mapped=True,
                specified=True,
                measures=2,
                risks=1,
            ),
            row(
                "bu-insatser",
                "Insatser för barn",
                "barn",
                level="sub-process",
                depth=1,
                parent="bu-myndighet",
                owner="anna",
                leaders=["lisa"],
                status="retired",
                approved="2020-01-01",
                next_review="2021-01-01",
                mapped=True,
            ),
            row(
                "bu-utredning",
                "Utreda barns behov",
                "barn",
                level="sub-process",
                depth=1,
                parent="bu-myndighet",
                owner="erik",
                leaders=["erik"],
                status="approved",
                approved="2025-11-21",
                next_review="2026-11-21",
                mapped=True,
                open_proposals=2,
                maturity=2,
            ),
            row(
                "bu-samtal",
                "Samtala med barnet",
                "barn",
                level="sub-process",
                depth=2,
                parent="bu-utredning",
                status="review",
                next_review="2026-01-01",
                mapped=True,
            ),
            row("bu-stod", "Stöd till familjehem, jourhem", "barn", type="support", owner="lisa"),
            row(
                "ao-boende",
                "Särskilt boende",
                "aldre",
                owner="erik",
                leaders=["anna"],
                status="approved",
                approved="2025-11-20",
                next_review="2026-11-20",
                overdue=True,
                mapped=True,
            ),
            row("ao-hemtjanst", "Hemtjänst", "aldre", status="retired"),
        ],
    }


DEFAULT_MARKDOWN = """\
| Area | Processes | Management | Core | Support | Draft | Review | Approved | Retired |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| Ledning | 2 | 2 | 0 | 0 | 1 | 0 | 1 | 0 |
| Barn och unga | 4 | 0 | 3 | 1 | 1 | 1 | 2 | 1 |
| Tom leverans | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| Äldreomsorg | 1 | 0 | 1 | 0 | 0 | 0 | 1 | 1 |
| **Total** | **7** | **2** | **4** | **1** | **2** | **1** | **4** | **2** |
"""


def test_markdown_is_the_default_when_not_on_a_terminal(cli: Cli, root: Path) -> None:
    assert run(cli, root) == DEFAULT_MARKDOWN
    assert run(cli, root, "--format", "markdown") == DEFAULT_MARKDOWN


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        (
            "type",
            """\
| Type | Processes | Draft | Review | Approved | Retired |
| --- | ---: | ---: | ---: | ---: | ---: |
| management | 2 | 1 | 0 | 1 | 0 |
| core | 4 | 0 | 1 | 3 | 2 |
| support | 1 | 1 | 0 | 0 | 0 |
| **Total** | **7** | **2** | **1** | **4** | **2** |
""",
        ),
        (
            "status",
            """\
| Status | Processes | Management | Core | Support |
| --- | ---: | ---: | ---: | ---: |
| draft | 2 | 1 | 0 | 1 |
| review | 1 | 0 | 1 | 0 |
| approved | 4 | 1 | 3 | 0 |
| retired | 2 | 0 | 2 | 0 |
| **Total** | **9** | **2** | **6** | **1** |
""",
        ),
        (
            "owner",
            """\
| Person | Owns | Leads |
| --- | ---: | ---: |
| Anna Nilsson | 2 | 1 |
| Erik Åberg | 2 | 3 |
| Lisa Berg | 1 | 1 |
| **(nobody)** | **2** | **3** |
""",
        ),
        (
            "role",
            """\
| Role | Processes | Activities |
| --- | ---: | ---: |
| Enhetschef | 2 | 2 |
| Socialsekreterare | 3 | 4 |
| Undersköterska | 1 | 1 |
""",
        ),
    ],
)
def test_markdown_by(cli: Cli, root: Path, view: str, expected: str) -> None:
    assert run(cli, root, "--by", view, "-f", "markdown") == expected


LIST_MARKDOWN = """\
| ID | Name | Area | Type | Level | Depth | Parent | Owner | Leaders | Status | Version \
| Approved | Next review | Overdue | Mapped | Specified | Measures | Risks | Open proposals \
| Maturity |
| --- | --- | --- | --- | --- | ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- \
| --- | ---: | ---: | ---: | ---: |
| planera | Planera verksamheten | Ledning | management | process | 0 |  |  |  | draft |  \
|  |  | no | no | no | 0 | 0 | 0 |  |
| styra | Styra och leda | Ledning | management | process | 0 |  | Anna Nilsson | Erik Åberg \
| approved | 1.0 | 2025-06-01 | 2026-06-01 | yes | no | no | 0 | 0 | 0 |  |
| bu-myndighet | Myndighetsutövning \\| barn | Barn och unga | core | process | 0 |  \
| Anna Nilsson | Erik Åberg, Lisa Berg | approved | 2.10 | 2026-02-01 | 2027-02-01 | no | yes \
| yes | 2 | 1 | 0 |  |
| bu-insatser | Insatser för barn | Barn och unga | core | sub-process | 1 | bu-myndighet \
| Anna Nilsson | Lisa Berg | retired |  | 2020-01-01 | 2021-01-01 | no | yes | no | 0 | 0 \
| 0 |  |
| bu-utredning | Utreda barns behov | Barn och unga | core | sub-process | 1 | bu-myndighet \
| Erik Åberg | Erik Åberg | approved |  | 2025-11-21 | 2026-11-21 | no | yes | no | 0 | 0 \
| 2 | 2 |
| bu-samtal | Samtala med barnet | Barn och unga | core | sub-process | 2 | bu-utredning |  \
|  | review |  |  | 2026-01-01 | no | yes | no | 0 | 0 | 0 |  |
| bu-stod | Stöd till familjehem, jourhem | Barn och unga | support | process | 0 |  \
| Lisa Berg |  | draft |  |  |  | no | no | no | 0 | 0 | 0 |  |
| ao-boende | Särskilt boende | Äldreomsorg | core | process | 0 |  | Erik Åberg | Anna Nilsson \
| approved |  | 2025-11-20 | 2026-11-20 | yes | yes | no | 0 | 0 | 0 |  |
| ao-hemtjanst | Hemtjänst | Äldreomsorg | core | process | 0 |  |  |  | retired |  |  |  \
| no | no | no | 0 | 0 | 0 |  |
"""


def test_markdown_list_escapes_the_pipe_in_a_name(cli: Cli, root: Path) -> None:
    assert run(cli, root, "--list", "-f", "markdown") == LIST_MARKDOWN.replace(" \\\n", " ")


def parse_csv(text: str) -> list[list[str]]:
    assert text.endswith("\r\n")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_of_the_default_view_parses_back_to_the_same_table(cli: Cli, root: Path) -> None:
    assert parse_csv(run(cli, root, "-f", "csv")) == [
        ["Area", "Processes", "Management", "Core", "Support", "Draft", "Review", "Approved",
         "Retired"],
        ["Ledning", "2", "2", "0", "0", "1", "0", "1", "0"],
        ["Barn och unga", "4", "0", "3", "1", "1", "1", "2", "1"],
        ["Tom leverans", "0", "0", "0", "0", "0", "0", "0", "0"],
        ["Äldreomsorg", "1", "0", "1", "0", "0", "0", "1", "1"],
        ["Total", "7", "2", "4", "1", "2", "1", "4", "2"],
    ]  # fmt: skip


def test_csv_by_owner(cli: Cli, root: Path) -> None:
    assert parse_csv(run(cli, root, "--by", "owner", "-f", "csv")) == [
        ["Person", "Owns", "Leads"],
        ["Anna Nilsson", "2", "1"],
        ["Erik Åberg", "2", "3"],
        ["Lisa Berg", "1", "1"],
        ["(nobody)", "2", "3"],
    ]


def test_csv_list_quotes_a_name_with_a_comma(cli: Cli, root: Path) -> None:
    out = run(cli, root, "--list", "-f", "csv")
    rows = parse_csv(out)

    assert rows[0] == [
        "ID", "Name", "Area", "Type", "Level", "Depth", "Parent", "Owner", "Leaders", "Status",
        "Version", "Approved", "Next review", "Overdue", "Mapped", "Specified", "Measures",
        "Risks", "Open proposals", "Maturity",
    ]  # fmt: skip
    assert [r[0] for r in rows[1:]] == [
        "planera", "styra", "bu-myndighet", "bu-insatser", "bu-utredning", "bu-samtal",
        "bu-stod", "ao-boende", "ao-hemtjanst",
    ]  # fmt: skip
    assert rows[5] == [
        "bu-utredning", "Utreda barns behov", "Barn och unga", "core", "sub-process", "1",
        "bu-myndighet", "Erik Åberg", "Erik Åberg", "approved", "", "2025-11-21", "2026-11-21",
        "no", "yes", "no", "0", "0", "2", "2",
    ]  # fmt: skip
    assert rows[7][1] == "Stöd till familjehem, jourhem"
    assert '"Stöd till familjehem, jourhem"' in out
    assert rows[3][8] == "Erik Åberg, Lisa Berg"


def test_table_on_a_narrow_terminal_keeps_every_column_and_every_word_whole(
    cli: Cli, root: Path, monkeypatch: pytest.MonkeyPatch, update_goldens: bool
) -> None:
    monkeypatch.setenv("COLUMNS", "91")
    out = run(cli, root, "--format", "table")

    assert max(len(line) for line in out.splitlines()) <= 91
    check_golden(GOLDENS / "fixture-table-91.txt", normalized(out), update_goldens)


def test_table_of_the_list_shows_its_main_columns_and_says_where_the_rest_are(
    cli: Cli, root: Path, monkeypatch: pytest.MonkeyPatch, update_goldens: bool
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    out = run(cli, root, "--list", "--format", "table")

    check_golden(GOLDENS / "fixture-list-table-160.txt", normalized(out), update_goldens)
