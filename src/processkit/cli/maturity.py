"""``processkit maturity``: each process's maturity level and its change, per area."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer


class Format(StrEnum):
    text = "text"
    table = "table"  # the old name of text
    json = "json"
    csv = "csv"


class CsvDialectChoice(StrEnum):
    excel = "excel"
    standard = "standard"


def register(app: typer.Typer) -> None:
    app.command("maturity")(maturity_command)


def maturity_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    area: str | None = typer.Option(None, "--area", metavar="ID", help="Only this area."),
    format: Format = typer.Option(
        Format.text, "--format", "-f", help="text (default; `table` works too), json or csv."
    ),
    csv_dialect: CsvDialectChoice | None = typer.Option(
        None,
        "--csv-dialect",
        help="With --format csv: excel (semicolons and a byte order mark, as Excel in Swedish "
        "opens it; the default in Swedish) or standard (commas; the default in English).",
    ),
) -> int:
    """Show each process's latest maturity level (its lowest dimension score), every
    dimension's score and the change since the previous assessment, per area."""
    from processkit.cli.formats import report_name
    from processkit.domain.maturity import maturity_overview
    from processkit.loading.session import open_repository
    from processkit.reports.maturity_format import REPORTER_BY_NAME, maturity_csv

    loaded = open_repository(path)
    # JSON stays the same in every language: PEMM's built-in labels in English there
    if format is Format.json:
        overview = maturity_overview(loaded.repo, area=area, language="en")
    else:
        overview = maturity_overview(loaded.repo, area=area)
    if format is Format.csv and csv_dialect is not None:
        text = maturity_csv(overview, csv_dialect.value)
    else:
        text = REPORTER_BY_NAME[report_name(format)](overview)
    typer.echo(text, nl=False)
    if loaded.note:
        typer.echo(loaded.note, err=True)
    return 0
