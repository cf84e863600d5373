"""``processkit review``: what is overdue for review or falls due soon, by owner."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from processkit.i18n import report_language


class Format(StrEnum):
    text = "text"
    table = "table"  # the old name of text
    json = "json"
    csv = "csv"
    markdown = "markdown"


class CsvDialectChoice(StrEnum):
    excel = "excel"
    standard = "standard"


def register(app: typer.Typer) -> None:
    app.command("review")(review_command)


def review_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    within: str = typer.Option(
        "30d",
        "--within",
        metavar="PERIOD",
        help="Also list what falls due within this period: 30d, 8w, 3m (default 30d).",
    ),
    owner: str | None = typer.Option(
        None, "--owner", metavar="ID", help="Only what this person (id) owns."
    ),
    area: str | None = typer.Option(
        None, "--area", metavar="ID", help="Only the processes of this area (and their handbooks)."
    ),
    today: str | None = typer.Option(
        None, "--today", metavar="YYYY-MM-DD", help="The date to count from (default: today)."
    ),
    format: Format = typer.Option(
        Format.text,
        "--format",
        "-f",
        help="text (default; `table` works too), json, csv, or markdown (a reminder list to "
        "paste into an e-mail or an issue, in the site's language unless --lang asks for "
        "another).",
    ),
    csv_dialect: CsvDialectChoice | None = typer.Option(
        None,
        "--csv-dialect",
        help="With --format csv: excel (semicolons and a byte order mark, as Excel in Swedish "
        "opens it; the default in Swedish) or standard (commas; the default in English).",
    ),
) -> int:
    """List the processes and handbooks overdue for review or falling due soon, by owner."""
    from processkit.cli.dates import parse_today
    from processkit.cli.formats import report_name
    from processkit.domain.periods import parse_span
    from processkit.loading.session import open_repository
    from processkit.reports.review_format import REPORTER_BY_NAME, review_csv
    from processkit.reports.reviews import reviews_due

    day = parse_today(today)
    span = parse_span(within, "--within")
    loaded = open_repository(path)
    report = reviews_due(loaded.repo, today=day, horizon=span.after(day), owner=owner, area=area)
    reporter = REPORTER_BY_NAME[report_name(format)]
    text = reporter(report, report_language(loaded.repo.config.site.language))
    if format is Format.csv and csv_dialect is not None:
        text = review_csv(report, csv_dialect.value)
    typer.echo(text, nl=False)
    if loaded.note:
        typer.echo(loaded.note, err=True)
    return 0
