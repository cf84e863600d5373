"""Reporters are tables: every format a command offers has one function that returns its text,
and the report for people is called `text` in every command (`table`, its old name, still
works)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CliResult

from processkit.cli import changelog, inventory, maturity, proposals, review, rules, validate
from processkit.cli.formats import FORMAT_ALIASES
from processkit.cli.reporters import REPORTER_BY_NAME as VALIDATE_REPORTERS
from processkit.cli.rules_report import CATALOGUE_REPORTERS, RULE_REPORTERS
from processkit.reports.changelog_format import REPORTER_BY_NAME as CHANGELOG_REPORTERS
from processkit.reports.maturity_format import REPORTER_BY_NAME as MATURITY_REPORTERS
from processkit.reports.proposals_format import REPORTER_BY_NAME as PROPOSALS_REPORTERS
from processkit.reports.review_format import REPORTER_BY_NAME as REVIEW_REPORTERS

KALMAR = Path(__file__).parent.parent / "examples" / "kalmar"

TABLES: list[tuple[type[StrEnum], dict[str, Any], set[str]]] = [
    (validate.Format, VALIDATE_REPORTERS, set()),
    (review.Format, REVIEW_REPORTERS, set()),
    (proposals.Format, PROPOSALS_REPORTERS, set()),
    (maturity.Format, MATURITY_REPORTERS, set()),
    (changelog.Format, CHANGELOG_REPORTERS, set()),
    (inventory.Format, inventory.REPORTER_BY_NAME, {"xlsx"}),  # a workbook, not text
    (rules.Format, CATALOGUE_REPORTERS, set()),
    (rules.Format, RULE_REPORTERS, set()),
]


@pytest.mark.parametrize(
    ("formats", "reporters", "not_text"), TABLES, ids=lambda v: getattr(v, "__module__", "")
)
def test_every_format_has_one_reporter(
    formats: type[StrEnum], reporters: dict[str, Any], not_text: set[str]
) -> None:
    names = {FORMAT_ALIASES.get(f.value, f.value) for f in formats} - not_text
    assert sorted(names) == sorted(reporters)
    assert "text" in reporters


COMMANDS = [
    ("review", "--today", "2027-06-01"),
    ("proposals", "--today", "2026-03-01"),
    ("maturity",),
    ("inventory", "--today", "2026-03-01"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_text_is_the_report_for_people_and_table_its_old_name(
    command: tuple[str, ...], cli: Callable[..., CliResult]
) -> None:
    name, *options = command
    text = cli(name, KALMAR, *options, "--format", "text")
    table = cli(name, KALMAR, *options, "--format", "table")
    assert (text.code, text.err) == (0, "")
    assert text.out.count("\n") > 5
    assert table == text
    if name != "inventory":  # whose default off a terminal is markdown
        assert cli(name, KALMAR, *options) == text
