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


def register(app: typer.Typer) -> None:
    app.command("maturity")(maturity_command)


def maturity_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    area: str | None = typer.Option(None, "--area", metavar="ID", help="Only this area."),
    format: Format = typer.Option(
        Format.text, "--format", "-f", help="text (default; `table` works too), json or csv."
    ),
) -> int:
    """Show each process's latest maturity level (its lowest dimension score), every
    dimension's score and the change since the previous assessment, per area."""
    from processkit.cli.formats import report_name
    from processkit.domain.maturity import maturity_overview
    from processkit.loading.session import open_repository
    from processkit.reports.maturity_format import REPORTER_BY_NAME

    loaded = open_repository(path)
    overview = maturity_overview(loaded.repo, area=area, language="en")
    text = REPORTER_BY_NAME[report_name(format)](overview)
    typer.echo(text, nl=False)
    if loaded.note:
        typer.echo(loaded.note, err=True)
    return 0
