"""`rules:` in processkit.yaml: severities and options, and the one-line error for a bad one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import CliResult, write_files

from processkit.errors import ProcesskitError
from processkit.validate import validate

TODAY = date(2026, 11, 21)
PROCESSES = {
    "processes/utreda.yaml": """\
        kind: process
        id: utreda
        name: Utreda
        area: barn
        type: core
        status: approved
        approved: {date: 2026-01-10, by: Nämnden}
        interfaces:
          - process: insats
            direction: out
        """,
    "processes/insats.yaml": "kind: process\nid: insats\nname: Insats\narea: barn\ntype: core\n"
    "status: draft\n",
    "areas/barn.yaml": "kind: area\nid: barn\nname: Barn och unga\n",
}


def repository(tmp_path: Path, rules: str) -> Path:
    config = "organisation: Testkommunen\n" + (f"rules:\n{rules}" if rules else "")
    return write_files(tmp_path, {"processkit.yaml": config, **PROCESSES})


def found(tmp_path: Path, rules: str) -> list[tuple[str, str]]:
    report = validate(repository(tmp_path, rules), today=TODAY).report
    return [(d.code, d.severity.value) for d in report.diagnostics]


DEFAULTS = [
    ("PK101", "warning"),
    ("PK105", "warning"),
    ("PK106", "warning"),
    ("PK103", "info"),
    ("PK104", "warning"),
]


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ("", DEFAULTS),
        ("  PK104: off\n", [d for d in DEFAULTS if d[0] != "PK104"]),
        ("  pk104: error\n", [(c, "error" if c == "PK104" else s) for c, s in DEFAULTS]),
        (
            "  interface-not-mirrored: info\n  PK101: off\n  PK105: off\n  PK106: off\n",
            [("PK103", "info"), ("PK104", "info")],
        ),
        ("  PK103: {window_days: 30}\n", [d for d in DEFAULTS if d[0] != "PK103"]),
        (
            "  PK103: {severity: warning, window_days: 50}\n",
            [(c, "warning" if c == "PK103" else s) for c, s in DEFAULTS],
        ),
        ("  PK103: {severity: off, window_days: 90}\n", [d for d in DEFAULTS if d[0] != "PK103"]),
    ],
    ids=["defaults", "off", "error", "by-name", "option", "severity-and-option", "dict-off"],
)
def test_severities_and_options(
    tmp_path: Path, rules: str, expected: list[tuple[str, str]]
) -> None:
    assert found(tmp_path, rules) == expected


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        (
            "  PK999: off\n",
            "`PK999` is not a rule processkit knows; did you mean `PK190`? "
            "Run `processkit rules` to list the rules.",
        ),
        (
            "  PK1O4: off\n",
            "`PK1O4` is not a rule processkit knows; did you mean `PK104`? "
            "Run `processkit rules` to list the rules.",
        ),
        (
            "  interface-not-mirored: off\n",
            "`interface-not-mirored` is not a rule processkit knows; did you mean "
            "`interface-not-mirrored`? Run `processkit rules` to list the rules.",
        ),
        (
            "  nonsense: off\n",
            "`nonsense` is not a rule processkit knows. Run `processkit rules` to list the rules.",
        ),
        (
            "  PK030: off\n",
            "`PK030` is a check of the file format itself, which cannot be switched off or "
            "changed; only the rules PK101 and up can",
        ),
        (
            "  PK104: off\n  interface-not-mirrored: error\n",
            "PK104 is set twice (as `PK104` and `interface-not-mirrored`); keep one of them",
        ),
        (
            "  PK104: {severity: loud}\n",
            "PK104: expected `off`, `info`, `warning` or `error`, found `loud`",
        ),
        (
            "  PK103: {window: 30}\n",
            "PK103: `window` is not an option of PK103 (review-due-soon); did you mean "
            "`window_days`? It takes `severity` and `window_days`.",
        ),
        (
            "  PK104: {window_days: 30}\n",
            "PK104: `window_days` is not an option of PK104 (interface-not-mirrored). "
            "It takes `severity`.",
        ),
        (
            "  PK103: {window_days: soon}\n",
            "PK103: `window_days`: expected a whole number, found `soon`",
        ),
        (
            "  PK103: {window_days: 2.5}\n",
            "PK103: `window_days`: expected a whole number, found `2.5`",
        ),
        ("  PK103: {window_days: 0}\n", "PK103: `window_days`: expected at least 1, found 0"),
        ("  PK122: {factor: yes}\n", "PK122: `factor`: expected a number, found `yes`"),
        ("  PK122: {factor: 0.5}\n", "PK122: `factor`: expected at least 1, found 0.5"),
    ],
    ids=[
        "unknown-code",
        "letter-o",
        "misspelt-name",
        "no-guess",
        "format-code",
        "twice",
        "bad-severity",
        "misspelt-option",
        "no-options",
        "text-for-number",
        "fraction-for-whole",
        "below-minimum",
        "text-for-float",
        "float-below-minimum",
    ],
)
def test_a_bad_rules_section_names_the_problem(tmp_path: Path, rules: str, message: str) -> None:
    with pytest.raises(ProcesskitError) as raised:
        validate(repository(tmp_path, rules), today=TODAY)
    assert str(raised.value) == f"processkit.yaml: rules: {message}"


def test_a_bad_rules_section_exits_2_with_one_line(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    result = cli("validate", repository(tmp_path, "  PK103: {window: 30}\n"))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "processkit: processkit.yaml: rules: PK103: `window` is not an option of PK103 "
        "(review-due-soon); did you mean `window_days`? It takes `severity` and `window_days`.\n"
    )


def test_a_float_option_takes_a_whole_number(tmp_path: Path) -> None:
    assert found(tmp_path, "  PK122: {factor: 2}\n") == DEFAULTS
