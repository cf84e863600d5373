"""``processkit init``."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

DEFAULT_ORGANISATION = "Min organisation"


def register(app: typer.Typer) -> None:
    app.command("init")(init_command)


def init_command(
    folder: Path = typer.Argument(
        Path("."), help="Where to create the repository (default: here)."
    ),
    organisation: str | None = typer.Option(
        None, "--organisation", "-o", help="The organisation's name, e.g. Socialförvaltningen."
    ),
    from_inventory: Path | None = typer.Option(
        None,
        "--from-inventory",
        metavar="FILE",
        help="Start from a process inventory (.xlsx or .csv with columns name, area, type, "
        "owner, ...) instead of the examples.",
    ),
    skip_bad: bool = typer.Option(
        False, "--skip-bad", help="With --from-inventory: leave out the rows that are wrong."
    ),
    today: str | None = typer.Option(
        None, "--today", metavar="YYYY-MM-DD", help="The date written into the examples."
    ),
) -> int:
    """Create a new process repository that validates at once."""
    from processkit.authoring import init
    from processkit.cli.dates import parse_today

    day = parse_today(today)
    init.check_target(folder)
    if organisation is None:
        organisation = (
            typer.prompt("Name of the organisation", default=DEFAULT_ORGANISATION)
            if sys.stdin.isatty()
            else DEFAULT_ORGANISATION
        )
    entities = None
    processes = 0
    if from_inventory is not None:
        from processkit.authoring.inventory import plan_inventory

        planned = plan_inventory(from_inventory, skip_bad=skip_bad)
        for column in planned.unused_columns:
            typer.echo(f"{from_inventory.name}: the column `{column}` is not used", err=True)
        for problem in planned.problems:
            lead = "skipped row" if skip_bad else "row"
            typer.echo(f"{from_inventory.name} {lead} {problem.row}: {problem.message}", err=True)
        if planned.problems and not skip_bad:
            typer.echo(
                f"Nothing was written: correct the {_rows(len(planned.problems))} above, or run "
                "again with --skip-bad to leave them out.",
                err=True,
            )
            return 1
        entities, processes = planned.files, planned.processes
    files = init.plan(organisation, day, entities=entities)
    written = init.write(folder, files)
    where = str(folder)
    typer.echo(f"Created a process repository in {where}: {len(written)} files.")
    if from_inventory is not None:
        typer.echo(f"The inventory gave {processes} {_plural(processes, 'process', 'processes')}.")
    typer.echo("")
    typer.echo("Next steps:")
    if folder != Path("."):
        typer.echo(f"  cd {where}")
    typer.echo("  processkit validate")
    typer.echo('  processkit new process --name "Processens namn"')
    typer.echo("Open the folder in Visual Studio Code and install the recommended YAML extension")
    typer.echo("to get suggestions and explanations for every field. README.md tells the rest.")
    return 0


def _rows(count: int) -> str:
    return "row" if count == 1 else f"{count} rows"


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many
