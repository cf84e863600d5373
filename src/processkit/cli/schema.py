"""``processkit schema``."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("schema")(schema_command)


def schema_command(
    output: Path = typer.Option(Path("schemas"), "--output", "-o", help="Folder to write into."),
) -> int:
    """Write one JSON Schema per kind (and one for processkit.yaml), for editors and CI."""
    from processkit.schema import write_schemas

    written = write_schemas(output)
    for path in written:
        typer.echo(str(path))
    return 0
