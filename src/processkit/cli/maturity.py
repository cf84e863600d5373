"""``processkit maturity``: each process's maturity level and its change, per area."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def register(app: typer.Typer) -> None:
    app.command("maturity")(maturity_command)


def maturity_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    area: str | None = typer.Option(None, "--area", metavar="ID", help="Only this area."),
    format: Format = typer.Option(
        Format.table, "--format", "-f", help="table (default), json or csv."
    ),
) -> int:
    """Show each process's latest maturity level (its lowest dimension score), every
    dimension's score and the change since the previous assessment, per area."""
    from processkit.loading.session import open_repository
    from processkit.weekly.maturity import maturity_overview
    from processkit.weekly.maturity_format import maturity_csv, maturity_json, maturity_table

    loaded = open_repository(path)
    overview = maturity_overview(loaded.repo, area=area, language="en")
    if format is Format.json:
        text = maturity_json(overview)
    elif format is Format.csv:
        text = maturity_csv(overview)
    else:
        text = maturity_table(overview)
    typer.echo(text, nl=False)
    if loaded.note:
        typer.echo(loaded.note, err=True)
    return 0
