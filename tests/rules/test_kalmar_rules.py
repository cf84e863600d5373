"""Kalmar validates without errors; its warnings and notes are the deliberate ones of its README."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import KALMAR, CliResult


def test_kalmar_has_exactly_the_deliberate_review_findings(cli: Callable[..., CliResult]) -> None:
    result = cli("validate", KALMAR, "--today", "2026-11-21", "--format", "json")
    assert result.code == 0
    document = result.json()
    found = [
        (d["path"], d["line"], d["column"], d["code"], d["severity"], d["message"])
        for d in document["diagnostics"]
    ]
    assert found == [
        (
            "processes/aldreomsorg/ao-trygghetslarm.yaml",
            76,
            1,
            "PK103",
            "info",
            "the review of the process `ao-trygghetslarm` falls due on 2026-12-15, in 24 days",
        ),
        (
            "processes/funktionsstod/fs-daglig-verksamhet.yaml",
            74,
            1,
            "PK102",
            "warning",
            "the review of the process `fs-daglig-verksamhet` was due on 2026-09-15, 67 days ago",
        ),
        (
            "processes/ledning/led-klagomal.yaml",
            80,
            1,
            "PK102",
            "warning",
            "the review of the process `led-klagomal` was due on 2026-06-10, 164 days ago",
        ),
        (
            "processes/stod/st-utlamnande.yaml",
            76,
            1,
            "PK103",
            "info",
            "the review of the process `st-utlamnande` falls due on 2027-01-12, in 52 days",
        ),
    ]
    assert document["summary"]["errors"] == 0
    assert document["summary"]["warnings"] == 2


def test_kalmar_without_a_date_has_no_review_findings() -> None:
    from processkit.validate import validate

    report = validate(KALMAR).report
    assert report.diagnostics == []
