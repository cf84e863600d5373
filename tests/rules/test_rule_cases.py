"""Rule cases as data: ``cases/<CODE>/<case>/`` is a mini-repository, ``expected.txt`` its findings.

Each line of ``expected.txt`` is one diagnostic, ``path:line:col CODE severity: message``, sorted
as ``validate`` sorts them; an empty file means the case passes. The lines are those of the
case's own rule and of the file-format checks (PK0xx, so a broken fixture shows); the cases of
PK190, which is about the other rules' ignores, show every code. Every case is checked on
2026-11-21. Rewrite the files with ``pytest --update-goldens`` and review the diff.

Each failing case is also run in Swedish: ``expected.sv.txt`` holds its rules' findings (PK1xx)
as a Swedish reader sees them, each message followed by its hint.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.golden_support import check_golden

from processkit import i18n
from processkit.diagnostics import Diagnostic
from processkit.rules.registry import RULES
from processkit.validate import validate

CASES_DIR = Path(__file__).parent / "cases"
TODAY = date(2026, 11, 21)
SHOWS_EVERY_CODE = {"PK190"}
CASES = sorted(path for path in CASES_DIR.glob("PK*/*") if path.is_dir())
FAILING = [case for case in CASES if case.name.startswith("fail-")]


def line_of(diagnostic: Diagnostic) -> str:
    return (
        f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column} {diagnostic.code} "
        f"{diagnostic.severity.value}: {diagnostic.message}"
    )


def findings(case: Path) -> str:
    code = case.parent.name
    report = validate(case, today=TODAY).report
    shown = [
        line_of(d)
        for d in report.diagnostics
        if code in SHOWS_EVERY_CODE or d.code == code or d.code.startswith("PK0")
    ]
    return "".join(line + "\n" for line in shown)


def case_dir(code: str, name: str) -> Path:
    return CASES_DIR / code / name


def rule_findings(case: Path) -> list[Diagnostic]:
    """The findings of the rules (PK1xx) in ``case``: its own rule's, and for PK190 every
    rule's."""
    code = case.parent.name
    report = validate(case, today=TODAY).report
    return [
        d
        for d in report.diagnostics
        if d.code == code or (code in SHOWS_EVERY_CODE and d.code.startswith("PK1"))
    ]


def swedish_findings(case: Path) -> str:
    with i18n.speaking("sv"):
        found = rule_findings(case)
    return "".join(f"{line_of(d)}\n    tips: {d.hint}\n" for d in found)


@pytest.mark.parametrize("case", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_rule_case(case: Path, update_goldens: bool) -> None:
    check_golden(case / "expected.txt", findings(case), update_goldens)


@pytest.mark.parametrize("case", FAILING, ids=[f"{p.parent.name}/{p.name}" for p in FAILING])
def test_rule_case_in_swedish(case: Path, update_goldens: bool) -> None:
    check_golden(case / "expected.sv.txt", swedish_findings(case), update_goldens)


def test_case_names_say_whether_they_pass() -> None:
    for case in CASES:
        expected = (case / "expected.txt").read_text(encoding="utf-8")
        if case.name.startswith("pass-"):
            assert not any(f" {case.parent.name} " in line for line in expected.splitlines()), (
                f"{case} is named pass- but its rule reports"
            )
        else:
            assert case.name.startswith("fail-"), f"{case}: name it pass-… or fail-…"
            assert f" {case.parent.name} " in expected, f"{case} is named fail- but finds nothing"


def test_every_rule_has_passing_and_failing_cases() -> None:
    names: dict[str, set[str]] = {}
    for case in CASES:
        names.setdefault(case.parent.name, set()).add(case.name.split("-", 1)[0])
    assert {rule.CODE: names.get(rule.CODE, set()) for rule in RULES} == {
        rule.CODE: {"pass", "fail"} for rule in RULES
    }
    assert sorted(names) == sorted(rule.CODE for rule in RULES), "a case folder names no rule"
