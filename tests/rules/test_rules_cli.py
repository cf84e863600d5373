"""`processkit rules`: the table, one rule's documentation, JSON, and bad codes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import KALMAR, CliResult, write_files
from tests.golden_support import check_golden

from processkit.rules.docs import markdown
from processkit.rules.registry import RULES

GOLDENS = Path(__file__).parent / "goldens"
CONFIG = """\
organisation: Testkommunen
rules:
  PK104: error
  review-due-soon: {window_days: 30}
  PK122: off
"""


@pytest.fixture
def in_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_files(tmp_path, {"processkit.yaml": CONFIG})
    (tmp_path / "processes").mkdir()
    monkeypatch.chdir(tmp_path / "processes")
    monkeypatch.setenv("COLUMNS", "120")
    return tmp_path


def test_table(in_repo: Path, cli: Callable[..., CliResult], update_goldens: bool) -> None:
    result = cli("rules")
    assert (result.code, result.err) == (0, "")
    check_golden(GOLDENS / "rules-table.txt", result.out, update_goldens)


def test_table_outside_a_repository(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cli: Callable[..., CliResult],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "120")
    result = cli("rules")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0].split() == ["Code", "Name", "Default", "Here", "What", "it", "finds"]
    assert [line.split()[:4] for line in lines if line.startswith("PK")] == [
        [rule.CODE, rule.NAME, rule.SEVERITY.value, rule.SEVERITY.value] for rule in RULES
    ]
    assert lines[-1] == (
        "`Here` is the default severity (no processkit.yaml read). "
        "`processkit rules CODE` explains a rule."
    )


def test_table_with_a_bad_rules_section_shows_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., CliResult]
) -> None:
    write_files(tmp_path, {"processkit.yaml": "organisation: X\nrules:\n  PK1O4: off\n"})
    monkeypatch.chdir(tmp_path)
    result = cli("rules", "--format", "json")
    assert result.code == 0
    assert result.err == (
        "processkit: processkit.yaml: rules: `PK1O4` is not a rule processkit knows; did you "
        "mean `PK104`? Run `processkit rules` to list the rules.\n"
        "processkit: showing the default severities instead of the configured\n"
    )
    assert [r["effective"] for r in result.json()["rules"]] == [r.SEVERITY.value for r in RULES]


def test_json(in_repo: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("rules", "--format", "json")
    assert (result.code, result.err) == (0, "")
    rules = result.json()["rules"]
    assert [r["code"] for r in rules] == [rule.CODE for rule in RULES]
    changed = [r for r in rules if r["effective"] != r["default"] or r["code"] == "PK103"]
    assert changed == [
        {
            "code": "PK103",
            "name": "review-due-soon",
            "summary": "An approved process or handbook falls due for review soon.",
            "default": "info",
            "effective": "info",
            "options": {"window_days": 30},
        },
        {
            "code": "PK104",
            "name": "interface-not-mirrored",
            "summary": "An interface that the other process does not mirror.",
            "default": "warning",
            "effective": "error",
            "options": {},
        },
        {
            "code": "PK122",
            "name": "owns-far-more",
            "summary": "A person who owns far more processes than the typical process owner.",
            "default": "info",
            "effective": "off",
            "options": {"min_owned": 6, "factor": 3.0},
        },
    ]


def test_one_rule(in_repo: Path, cli: Callable[..., CliResult], update_goldens: bool) -> None:
    result = cli("rules", "PK104")
    assert (result.code, result.err) == (0, "")
    check_golden(GOLDENS / "rules-PK104.txt", result.out, update_goldens)


def test_one_rule_with_options(
    in_repo: Path, cli: Callable[..., CliResult], update_goldens: bool
) -> None:
    result = cli("rules", "review-due-soon")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[-1] == (
        "Severity: info (default info). Options: window_days = 30."
    )


def test_one_rule_as_json(in_repo: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("rules", "pk104", "-f", "json")
    assert result.json() == {
        "code": "PK104",
        "name": "interface-not-mirrored",
        "summary": "An interface that the other process does not mirror.",
        "default": "warning",
        "effective": "error",
        "options": {},
        "documentation": markdown(RULES[3]),
    }


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            "PK999",
            "`PK999` is not a rule; did you mean `PK190`? Run `processkit rules` to list the "
            "rules.",
        ),
        (
            "owner-mising",
            "`owner-mising` is not a rule; did you mean `owner-missing`? Run `processkit rules` "
            "to list the rules.",
        ),
        (
            "PK030",
            "`PK030` is a check of the file format itself, described in FORMAT.md, not a rule; "
            "run `processkit rules` to list the rules",
        ),
    ],
)
def test_unknown_rule(
    in_repo: Path, cli: Callable[..., CliResult], code: str, message: str
) -> None:
    result = cli("rules", code)
    assert (result.code, result.out, result.err) == (2, "", f"processkit: {message}\n")


def test_kalmar_uses_the_defaults(cli: Callable[..., CliResult]) -> None:
    result = cli("rules", "--path", KALMAR, "--format", "json")
    assert all(r["effective"] == r["default"] for r in result.json()["rules"])


def test_a_path_that_does_not_exist(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("rules", "--path", tmp_path / "saknas")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"processkit: {tmp_path / 'saknas'} does not exist\n"


def test_table_in_swedish(
    in_repo: Path, cli: Callable[..., CliResult], update_goldens: bool
) -> None:
    result = cli("rules", "--lang", "sv")
    assert (result.code, result.err) == (0, "")
    check_golden(GOLDENS / "rules-table.sv.txt", result.out, update_goldens)


def test_one_rule_in_swedish(
    in_repo: Path, cli: Callable[..., CliResult], update_goldens: bool
) -> None:
    result = cli("rules", "PK104", "--lang", "sv")
    assert (result.code, result.err) == (0, "")
    check_golden(GOLDENS / "rules-PK104.sv.txt", result.out, update_goldens)


def test_one_rule_as_json_in_swedish(in_repo: Path, cli: Callable[..., CliResult]) -> None:
    found = cli("rules", "PK122", "-f", "json", "--lang", "sv").json()
    assert found["summary"] == (
        "En person som är processägare för betydligt fler processer än den typiska processägaren."
    )
    assert (
        "\n## Inställningar\n\n- `min_owned` (standard 6): det minsta antal processer som "
        in (found["documentation"])
    )
