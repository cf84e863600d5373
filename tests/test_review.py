"""``processkit review``: what is overdue for review or falls due soon, grouped by owner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult


def _process(pid: str, area: str, extra: str, status: str = "approved") -> str:
    return (
        f"kind: process\nid: {pid}\nname: Processen {pid}\narea: {area}\ntype: core\n"
        f"status: {status}\n{extra}"
    )


FILES: dict[str, str | bytes] = {
    "areas/bu.yaml": "kind: area\nid: bu\nname: Barn och unga\norder: 1\n",
    "areas/vu.yaml": "kind: area\nid: vu\nname: Vuxna\norder: 2\n",
    "people/anna.yaml": (
        "kind: person\nid: anna\nname: Anna Nilsson\nemail: anna.nilsson@example.se\n"
    ),
    "people/erik.yaml": "kind: person\nid: erik\nname: Erik Åberg\n",
    "processes/bu-utredning.yaml": _process(
        "bu-utredning", "bu", "owner: anna\napproved: {date: 2025-02-01, by: Nämnden}\n"
    ),
    "processes/bu-placering.yaml": _process(
        "bu-placering", "bu", "owner: anna\nreview_date: 2026-03-20\n"
    ),
    "processes/bu-insatser.yaml": _process(
        "bu-insatser", "bu", "owner: anna\napproved: {date: 2025-06-01, by: Nämnden}\n"
    ),
    "processes/vu-missbruk.yaml": _process(
        "vu-missbruk", "vu", "owner: erik\napproved: {date: 2025-03-01, by: Nämnden}\n"
    ),
    "processes/vu-gammal.yaml": _process(
        "vu-gammal", "vu", "owner: erik\napproved: {date: 2020-03-01, by: Nämnden}\n", "retired"
    ),
    "processes/vu-utkast.yaml": _process("vu-utkast", "vu", "", "draft"),
    "processes/vu-ingen.yaml": _process(
        "vu-ingen", "vu", "approved: {date: 2025-01-15, by: Nämnden}\n"
    ),
    "handbooks/rutin-barn.yaml": (
        "kind: handbook\nid: rutin-barn\ntitle: Rutin för *barn*utredning\ntype: routine\n"
        "owner: anna\napproved: {date: 2025-02-20, by: Enhetschef}\nprocesses: [bu-utredning]\n"
    ),
    "handbooks/hb-vuxna.yaml": (
        "kind: handbook\nid: hb-vuxna\ntitle: Policy för vuxna\ntype: policy\nowner: erik\n"
        "review_date: 2026-04-15\nprocesses: [vu-missbruk]\n"
    ),
}

TODAY = ("--today", "2026-03-01")


@pytest.fixture
def repo(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return make_repo(FILES)


def test_table_groups_by_owner_with_how_late(repo: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("review", repo, *TODAY, "--within", "30d")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Reviews due by 2026-03-31 (today 2026-03-01, within 30 days): 3 overdue, 2 falling due.\n"
        "\n"
        "Owner                Kind      Name                     Due         When\n"
        "-------------------  --------  -----------------------  ----------  ------------\n"
        "Anna Nilsson (anna)  process   Processen bu-utredning   2026-02-01  28 days late\n"
        "                               (bu-utredning)\n"
        "\n"
        "                     handbook  Rutin för                2026-02-20  9 days late\n"
        "                               *barn*utredning\n"
        "                               (rutin-barn)\n"
        "\n"
        "                     process   Processen bu-placering   2026-03-20  in 19 days\n"
        "                               (bu-placering)\n"
        "\n"
        "Erik Åberg (erik)    process   Processen vu-missbruk    2026-03-01  due today\n"
        "                               (vu-missbruk)\n"
        "\n"
        "(no owner)           process   Processen vu-ingen       2026-01-15  45 days late\n"
        "                               (vu-ingen)\n"
    )


def test_markdown_is_a_reminder_list_in_swedish(repo: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("review", repo, *TODAY, "--format", "markdown", "--lang", "sv")
    assert result.code == 0
    assert result.out == (
        "# Processer och dokument att revidera\n"
        "\n"
        "Läget 2026-03-01. Försenade: 3. Ska revideras senast 2026-03-31: 2.\n"
        "\n"
        "## Anna Nilsson <anna.nilsson@example.se>\n"
        "\n"
        "- [ ] Process **Processen bu-utredning** (`bu-utredning`, Barn och unga) skulle ha "
        "reviderats senast 2026-02-01, 28 dagar försenad\n"
        "- [ ] Rutin **Rutin för \\*barn\\*utredning** (`rutin-barn`) skulle ha reviderats "
        "senast 2026-02-20, 9 dagar försenad\n"
        "- [ ] Process **Processen bu-placering** (`bu-placering`, Barn och unga) ska revideras "
        "senast 2026-03-20, om 19 dagar\n"
        "\n"
        "## Erik Åberg\n"
        "\n"
        "- [ ] Process **Processen vu-missbruk** (`vu-missbruk`, Vuxna) ska revideras i dag, "
        "2026-03-01\n"
        "\n"
        "## Utan ägare\n"
        "\n"
        "- [ ] Process **Processen vu-ingen** (`vu-ingen`, Vuxna) skulle ha reviderats senast "
        "2026-01-15, 45 dagar försenad\n"
        "\n"
        "Bocka av när revisionen är gjord: uppdatera `approved` (och `review_date`) i filen.\n"
    )


def test_markdown_follows_the_site_language(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    root = make_repo({**FILES, "processkit.yaml": "organisation: Test\nsite: {language: en}\n"})
    result = cli("review", root, *TODAY, "--owner", "erik", "-f", "markdown")
    assert result.out == (
        "# Processes and documents to review\n"
        "\n"
        "As of 2026-03-01: 0 overdue and 1 to review by 2026-03-31.\n"
        "\n"
        "## Erik Åberg\n"
        "\n"
        "- [ ] Process **Processen vu-missbruk** (`vu-missbruk`, Vuxna) is due for review today, "
        "2026-03-01\n"
        "\n"
        "Tick the box when the review is done: update `approved` (and `review_date`) in the "
        "file.\n"
    )


def test_csv_has_one_row_per_item_with_days_late(repo: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("review", repo, *TODAY, "--format", "csv")
    assert result.out == (
        "owner,owner_name,owner_email,kind,id,name,area,path,due,days_late\n"
        "anna,Anna Nilsson,anna.nilsson@example.se,process,bu-utredning,Processen bu-utredning,"
        "bu,processes/bu-utredning.yaml,2026-02-01,28\n"
        "anna,Anna Nilsson,anna.nilsson@example.se,handbook,rutin-barn,Rutin för *barn*utredning,"
        ",handbooks/rutin-barn.yaml,2026-02-20,9\n"
        "anna,Anna Nilsson,anna.nilsson@example.se,process,bu-placering,Processen bu-placering,"
        "bu,processes/bu-placering.yaml,2026-03-20,-19\n"
        "erik,Erik Åberg,,process,vu-missbruk,Processen vu-missbruk,vu,processes/vu-missbruk.yaml,"
        "2026-03-01,0\n"
        ",,,process,vu-ingen,Processen vu-ingen,vu,processes/vu-ingen.yaml,2026-01-15,45\n"
    )


def test_json_groups_owners(repo: Path, cli: Callable[..., CliResult]) -> None:
    data = cli("review", repo, *TODAY, "--format", "json").json()
    assert (data["today"], data["until"], data["summary"]) == (
        "2026-03-01",
        "2026-03-31",
        {"overdue": 3, "falling_due": 2},
    )
    assert [
        (
            owner["id"],
            owner["email"],
            [(i["kind"], i["id"], i["days_late"]) for i in owner["items"]],
        )
        for owner in data["owners"]
    ] == [
        (
            "anna",
            "anna.nilsson@example.se",
            [
                ("process", "bu-utredning", 28),
                ("handbook", "rutin-barn", 9),
                ("process", "bu-placering", -19),
            ],
        ),
        ("erik", None, [("process", "vu-missbruk", 0)]),
        (None, None, [("process", "vu-ingen", 45)]),
    ]
    assert data["owners"][0]["items"][1] == {
        "kind": "handbook",
        "id": "rutin-barn",
        "name": "Rutin för *barn*utredning",
        "type": "routine",
        "area": None,
        "path": "handbooks/rutin-barn.yaml",
        "due": "2026-02-20",
        "days_late": 9,
    }


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--within", "8w", "--owner", "erik"), [("vu-missbruk", 0), ("hb-vuxna", -45)]),
        (("--area", "bu"), [("bu-utredning", 28), ("rutin-barn", 9), ("bu-placering", -19)]),
        (("--area", "vu", "--within", "0d"), [("vu-missbruk", 0), ("vu-ingen", 45)]),
        (
            ("--within", "3m", "--area", "bu"),
            [("bu-utredning", 28), ("rutin-barn", 9), ("bu-placering", -19), ("bu-insatser", -92)],
        ),
    ],
)
def test_filters_and_periods(
    repo: Path,
    cli: Callable[..., CliResult],
    args: tuple[str, ...],
    expected: list[tuple[str, int]],
) -> None:
    data = cli("review", repo, *TODAY, *args, "--format", "json").json()
    assert [(i["id"], i["days_late"]) for o in data["owners"] for i in o["items"]] == expected


def test_nothing_due_says_so(repo: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("review", repo, "--today", "2025-01-01")
    assert result.out == (
        "Nothing is due for review by 2025-01-31 (today 2025-01-01, within 30 days).\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--owner", "ana"),
            "processkit: --owner: `ana` is not a person in this repository; did you mean `anna`?\n",
        ),
        (
            ("--area", "vux"),
            "processkit: --area: `vux` is not a delivery area in this repository; did you mean "
            "`vu`?\n",
        ),
        (
            ("--within", "3x"),
            "processkit: --within: expected a period such as 30d (days), 8w "
            "(weeks) or 3m (months), found `3x`\n",
        ),
    ],
)
def test_bad_options_are_one_line(
    repo: Path, cli: Callable[..., CliResult], args: tuple[str, ...], message: str
) -> None:
    result = cli("review", repo, *TODAY, *args)
    assert (result.code, result.out, result.err) == (2, "", message)


def test_files_with_errors_are_left_out_with_a_note(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    root = make_repo({**FILES, "processes/trasig.yaml": "kind: process\nid: [\n"})
    result = cli("review", root, *TODAY, "--format", "csv")
    assert result.code == 0
    assert result.out.count("\n") == 6
    assert result.err == (
        "processkit: note: 1 file has errors and what it holds is left out; "
        "run `processkit validate` to see them\n"
    )


def test_a_broken_reference_is_not_a_file_left_out(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    broken = FILES["processes/vu-ingen.yaml"]
    assert isinstance(broken, str)
    root = make_repo({**FILES, "processes/vu-ingen.yaml": broken + "owner: okand\n"})
    result = cli("review", root, *TODAY, "--format", "csv")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[-1] == (
        "okand,okand,,process,vu-ingen,Processen vu-ingen,vu,processes/vu-ingen.yaml,2026-01-15,45"
    )
