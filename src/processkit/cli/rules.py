"""``processkit rules`` and ``processkit rules CODE``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer


class Format(StrEnum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command("rules")(rules_command)


def rules_command(
    code: str | None = typer.Argument(
        None, metavar="[CODE]", help="A rule's code or name (PK104, interface-not-mirrored)."
    ),
    path: Path = typer.Option(
        Path("."),
        "--path",
        "-p",
        help="A folder in the repository whose processkit.yaml gives the effective severities "
        "(default: here).",
    ),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text (default) or json."),
) -> int:
    """List the rules of good process management, or print one rule's documentation."""
    from processkit.cli.rules_report import CATALOGUE_REPORTERS, RULE_REPORTERS
    from processkit.i18n import _
    from processkit.rules.catalogue import catalogue, lookup

    chosen = lookup(code) if code is not None else None
    found = catalogue(path)
    if found.problem:
        typer.echo(f"processkit: {found.problem}", err=True)
        typer.echo(
            _("processkit: showing the default severities instead of the configured"), err=True
        )
    if chosen is None:
        text = CATALOGUE_REPORTERS[format.value](found)
    else:
        [entry] = [e for e in found.entries if e.code == chosen.CODE]
        text = RULE_REPORTERS[format.value](entry)
    sys.stdout.write(text)
    return 0
