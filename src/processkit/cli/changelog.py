"""``processkit changelog``: what changed in the management system over a period."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from processkit.i18n import report_language


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    email = "email"


def register(app: typer.Typer) -> None:
    app.command("changelog")(changelog_command)


def changelog_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    since: str = typer.Option(
        "7d",
        "--since",
        metavar="PERIOD|DATE|REF",
        help="Where the period starts: 7d (the last seven days and today), 2w, 1m, a date "
        "YYYY-MM-DD, or a commit, branch or tag (changes after it). Default 7d.",
    ),
    until: str | None = typer.Option(
        None,
        "--until",
        metavar="DATE|REF",
        help="Where the period ends: a date or a commit, branch or tag (default: the last commit).",
    ),
    today: str | None = typer.Option(
        None, "--today", metavar="YYYY-MM-DD", help="The date to count back from (default: today)."
    ),
    format: Format = typer.Option(
        Format.text,
        "--format",
        "-f",
        help="text (default), json, markdown (the weekly notice) or email (the weekly "
        "digest as a ready e-mail, .eml, grouped by area); the notice and the e-mail in the "
        "site's language unless --lang asks for another.",
    ),
) -> int:
    """Show what changed per process, role, handbook…: added, changed (which fields), retired
    and removed, with the commits that did it."""
    from processkit.cli.dates import parse_today
    from processkit.history.changelog import changelog
    from processkit.loading.session import open_repository
    from processkit.reports.changelog_format import REPORTER_BY_NAME

    day = parse_today(today)
    loaded = open_repository(path)
    log = changelog(loaded.repo, since=since, until=until, today=None if until else day)
    language = report_language(loaded.repo.config.site.language)
    text = REPORTER_BY_NAME[format.value](log, language, loaded.repo)
    typer.echo(text, nl=False)
    return 0
