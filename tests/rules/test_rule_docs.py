"""Every rule is documented in full, its examples hold, and `processkit rules CODE` prints it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import CliResult
from tests.golden_support import check_golden

from processkit.rules.base import Rule
from processkit.rules.docs import (
    SECTIONS,
    catalogue_markdown,
    doc_of,
    markdown,
    problems,
    yaml_blocks,
)
from processkit.rules.registry import RULES
from processkit.validate import validate

TODAY = date(2026, 11, 21)
CONFIG = "processkit.yaml"
IDS = [rule.CODE for rule in RULES]

Documents = dict[str, str]  # path -> YAML text


def documents(rule: Rule, section: str) -> Documents:
    """The files of an example: each YAML document starts with a `# path` comment."""
    found: Documents = {}
    for block in yaml_blocks(doc_of(rule).sections[section]):
        for text in re.split(r"^---\n", block, flags=re.MULTILINE):
            first, _, rest = text.partition("\n")
            assert first.startswith("# "), f"{rule.CODE} {section}: start with `# <path>`"
            found[first[2:].strip()] = rest
    return found


def identity(text: str) -> tuple[str, str]:
    kind = re.search(r"^kind: (\S+)$", text, re.MULTILINE)
    entity = re.search(r"^id: (\S+)$", text, re.MULTILINE)
    return (kind.group(1) if kind else CONFIG, entity.group(1) if entity else CONFIG)


def codes_in(root: Path, files: Documents) -> list[str]:
    root.mkdir()
    files = {CONFIG: "organisation: Exempelkommunen\n", **files}
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    report = validate(root, today=TODAY).report
    broken = [d for d in report.diagnostics if d.code.startswith("PK0") and d.code != "PK030"]
    assert broken == [], "an example is not a valid entity file"
    return [d.code for d in report.diagnostics]


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_documentation_is_complete(rule: Rule) -> None:
    assert problems(rule) == []
    assert re.fullmatch(r"PK[1-9]\d\d", rule.CODE)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.NAME)


def test_codes_and_names_are_unique_and_sorted() -> None:
    assert list(IDS) == sorted(set(IDS))
    assert len({rule.NAME for rule in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_failing_example_fails_and_fixed_example_passes(rule: Rule, tmp_path: Path) -> None:
    failing = documents(rule, "Failing example")
    fixed_docs = documents(rule, "Fixed example")
    replaced = {identity(text) for text in fixed_docs.values()}
    fixed = {p: t for p, t in failing.items() if identity(t) not in replaced} | fixed_docs
    assert rule.CODE in codes_in(tmp_path / "failing", failing)
    assert rule.CODE not in codes_in(tmp_path / "fixed", fixed)


def test_problems_names_what_is_missing() -> None:
    class Undocumented:
        CODE = "PK999"
        NAME = "undocumented"
        __doc__ = "Summary.\n\n## What it checks\n\nSomething.\n\n## Failing example\n\nNone.\n"

    assert problems(Undocumented()) == [  # type: ignore[arg-type]
        "the section `Why it matters` is missing or empty",
        "the section `Fixed example` is missing or empty",
        "the section `Options` is missing or empty",
        "the section `Failing example` has no ```yaml block",
    ]


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rules_code_prints_the_documentation(
    rule: Rule, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    result = cli("rules", rule.CODE)
    assert (result.code, result.err) == (0, "")
    lines = [line.strip() for line in result.out.splitlines()]
    assert lines[0] == f"{rule.CODE} {rule.NAME}"
    assert doc_of(rule).summary.replace("`", "") in lines
    for section in SECTIONS:
        assert section in lines
    for name in ("Failing example", "Fixed example"):
        for block in yaml_blocks(doc_of(rule).sections[name]):
            for yaml_line in block.splitlines():
                assert yaml_line.strip() in lines
    assert lines[-1].startswith(f"Severity: {rule.SEVERITY.value} (default ")
    assert cli("rules", rule.NAME, "--format", "json").json()["documentation"] == markdown(rule)


def test_docs_page_has_the_current_catalogue(update_goldens: bool) -> None:
    page = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    text = page.read_text(encoding="utf-8")
    begin = text.index("<!-- rules:begin")
    begin = text.index("\n", begin) + 1
    end = text.index("<!-- rules:end -->")
    wanted = text[:begin] + "\n" + catalogue_markdown(RULES) + "\n" + text[end:]
    check_golden(page, wanted, update_goldens)
