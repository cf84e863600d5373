"""``processkit inventory``: options, filters, output files, and every way it refuses to run."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult
from tests.test_inventory_fixture import FILES, TODAY

Cli = Callable[..., CliResult]
MakeRepo = Callable[[dict[str, str | bytes]], Path]


@pytest.fixture
def root(make_repo: MakeRepo) -> Path:
    return make_repo(FILES)


def refused(result: CliResult, message: str) -> None:
    assert (result.code, result.out, result.err) == (2, "", f"processkit: {message}\n")


def test_area_and_status_filters_repeat_and_combine(cli: Cli, root: Path) -> None:
    result = cli(
        "inventory", root, "--today", TODAY, "--area", "aldre", "--area", "barn",
        "--status", "approved", "--status", "retired",
    )  # fmt: skip

    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "| Area | Processes | Management | Core | Support | Draft | Review | Approved | Retired |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        "| Barn och unga | 2 | 0 | 2 | 0 | 0 | 0 | 2 | 1 |\n"
        "| Äldreomsorg | 1 | 0 | 1 | 0 | 0 | 0 | 1 | 1 |\n"
        "| **Total** | **3** | **0** | **3** | **0** | **0** | **0** | **3** | **2** |\n"
    )


def test_filters_apply_to_the_list(cli: Cli, root: Path) -> None:
    result = cli(
        "inventory", root, "--today", TODAY, "--list", "--area", "barn", "--status", "draft",
        "--format", "json",
    )  # fmt: skip

    assert result.code == 0
    assert [row["id"] for row in result.json()["processes"]] == ["bu-stod"]


def test_an_unknown_area_is_exit_2_with_a_suggestion(cli: Cli, root: Path) -> None:
    refused(
        cli("inventory", root, "--area", "barn-och-unga"),
        "--area: no delivery area has the id `barn-och-unga`; did you mean `barn`?",
    )
    refused(
        cli("inventory", root, "--area", "ledning", "--area", "okand"),
        "--area: no delivery area has the id `okand`; the areas are `ledning`, `barn`, `tom` "
        "and `aldre`",
    )


def test_an_unknown_status_is_a_usage_error(cli: Cli, root: Path) -> None:
    result = cli("inventory", root, "--status", "aproved")

    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "processkit inventory: `aproved` is not a value of `--status`; did you mean `approved`?\n"
    )


def test_by_and_list_together_are_refused(cli: Cli, root: Path) -> None:
    refused(
        cli("inventory", root, "--by", "type", "--list"),
        "--by and --list show different views; give one of them",
    )


def test_xlsx_needs_a_file(cli: Cli, root: Path) -> None:
    message = "--format xlsx writes a workbook, which is not text: give --output FILE.xlsx"
    refused(cli("inventory", root, "--format", "xlsx"), message)
    refused(cli("inventory", root, "--format", "xlsx", "--output", "-"), message)


def test_a_bad_today_is_refused(cli: Cli, root: Path) -> None:
    refused(
        cli("inventory", root, "--today", "21/11/2026"),
        "--today: expected a date written YYYY-MM-DD, found `21/11/2026`",
    )


def test_a_bad_configuration_is_exit_2(cli: Cli, make_repo: MakeRepo) -> None:
    root = make_repo({"processkit.yaml": "organisatio: Kalmar\n"})
    result = cli("inventory", root)

    assert (result.code, result.out) == (2, "")
    assert result.err.endswith("processkit: processkit.yaml must be fixed before anything else\n")
    assert "processkit.yaml:1:1 PK0" in result.err


def test_no_repository_is_exit_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("inventory", tmp_path)

    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("processkit: ")
    assert len(result.err.splitlines()) == 1


def test_errors_in_the_repository_warn_in_one_line_and_count_what_loaded(
    cli: Cli, make_repo: MakeRepo
) -> None:
    root = make_repo(
        {
            **FILES,
            "processes/barn/trasig.yaml": (
                "kind: process\nid: trasig\nname: Trasig\narea: barn\ntype: core\n"
                "status: approved\nower: anna\n"
            ),
            "processes/barn/fel.yaml": "kind: process\nid: fel\nname: [oavslutad\n",
        }
    )
    result = cli("inventory", root, "--today", TODAY, "--format", "json")

    assert result.code == 0
    assert result.err == (
        "processkit: note: 2 files have errors and what they hold is left out; "
        "run `processkit validate` to see them\n"
    )
    assert result.json()["total"] == 7


def test_one_file_with_errors_is_one_file(cli: Cli, make_repo: MakeRepo) -> None:
    root = make_repo({**FILES, "x.yaml": "id: x\n"})
    result = cli("inventory", root, "--today", TODAY, "--format", "json")

    assert result.code == 0
    assert result.err == (
        "processkit: note: 1 file has errors and what it holds is left out; "
        "run `processkit validate` to see them\n"
    )


@pytest.mark.parametrize(
    ("name", "first_line"),
    [
        ("inventering.csv", "Area,Processes,Management,Core,Support,Draft,Review,Approved,Retired"),
        ("inventering.md", "| Area | Processes | Management | Core | Support | Draft | Review "
         "| Approved | Retired |"),
        ("inventering.json", "{"),
        ("inventering.txt", "| Area | Processes | Management | Core | Support | Draft | Review "
         "| Approved | Retired |"),
    ],
)  # fmt: skip
def test_the_output_file_name_chooses_the_format(
    cli: Cli, root: Path, tmp_path: Path, name: str, first_line: str
) -> None:
    target = tmp_path / "rapporter" / name
    result = cli("inventory", root, "--today", TODAY, "--output", target)

    assert (result.code, result.out, result.err) == (0, "", "")
    assert target.read_text(encoding="utf-8").splitlines()[0] == first_line
    assert [p.name for p in target.parent.iterdir()] == [name]  # no temporary file left
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_format_wins_over_the_file_name_and_dash_is_standard_output(
    cli: Cli, root: Path, tmp_path: Path
) -> None:
    target = tmp_path / "inventering.md"
    result = cli("inventory", root, "--today", TODAY, "-f", "json", "-o", target)
    assert json.loads(target.read_text(encoding="utf-8"))["total"] == 7

    to_stdout = cli("inventory", root, "--today", TODAY, "-f", "csv", "-o", "-")
    assert (result.code, to_stdout.code, to_stdout.err) == (0, 0, "")
    assert to_stdout.out.startswith("Area,Processes,")


def test_table_into_a_file_is_plain_text(
    cli: Cli, root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    target = tmp_path / "inventering.txt"
    result = cli("inventory", root, "--today", TODAY, "--format", "table", "-o", target)
    text = target.read_text(encoding="utf-8")

    assert (result.code, result.out) == (0, "")
    assert "\x1b" not in text
    assert text.splitlines()[0].strip() == "Processes per delivery area: Testkommunen"
    # a file is 80 columns wide: the types and the statuses in two tables, one under the other
    assert max(len(line) for line in text.splitlines()) <= 80
    totals = [line.split() for line in text.splitlines() if line.startswith("Total")]
    assert totals == [["Total", "7", "2", "4", "1"], ["Total", "2", "1", "4", "2"]]


def test_an_output_that_cannot_be_written_is_exit_2(cli: Cli, root: Path, tmp_path: Path) -> None:
    (tmp_path / "mapp.csv").mkdir()
    result = cli("inventory", root, "--output", tmp_path / "mapp.csv")

    target = tmp_path / "mapp.csv"
    refused(result, f"--output: cannot write `{target}`: it is a folder, not a file")
    result = cli("--lang", "sv", "inventory", root, "--output", target)
    refused(result, f"--output: kan inte skriva `{target}`: det är en mapp, inte en fil")


def test_table_is_the_default_on_a_terminal(
    cli: Cli, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    result = cli("inventory", root, "--today", TODAY)

    assert result.code == 0
    assert "Processes per delivery area: Testkommunen" in result.out
    assert "| Area |" not in result.out


def test_help_names_every_option(cli: Cli) -> None:
    result = cli("inventory", "--help")

    assert result.code == 0
    for option in ("--by", "--list", "--area", "--status", "--format", "--output", "--today"):
        assert option in result.out
