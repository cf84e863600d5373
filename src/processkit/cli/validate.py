"""``processkit validate``."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

import typer


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command)


def validate_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    format: Format | None = typer.Option(
        None,
        "--format",
        "-f",
        help="text (default), json, github (default when GITHUB_ACTIONS=true), sarif (SARIF "
        "2.1.0) or gitlab (GitLab Code Quality).",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write the report to FILE, not the screen."
    ),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    changed_since: str | None = typer.Option(
        None,
        "--changed-since",
        metavar="REF",
        help="Report only problems in files changed since this git revision.",
    ),
    today: str | None = typer.Option(
        None, "--today", metavar="YYYY-MM-DD", help="The date to check reviews against."
    ),
) -> int:
    """Check every file against the format and the rules of good process management."""
    from processkit.cli.dates import parse_today
    from processkit.cli.reporters import report_validation
    from processkit.errors import ConfigError
    from processkit.validate import validate

    chosen = format or (
        Format.github if os.environ.get("GITHUB_ACTIONS") == "true" else Format.text
    )
    try:
        result = validate(path, today=parse_today(today), changed_since=changed_since)
    except ConfigError as problem:
        from processkit.cli.reporters import report_config_error

        report_config_error(problem, chosen.value, output)
        return 2
    report_validation(result, chosen.value, output)
    summary = result.report.summary
    if summary.errors or (strict and summary.warnings):
        return 1
    return 0
