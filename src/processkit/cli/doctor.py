"""``processkit doctor``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from processkit.doctor import Check


def register(app: typer.Typer) -> None:
    app.command("doctor")(doctor_command)


def doctor_command() -> int:
    """Show the versions of Python, processkit, Graphviz, git and Pagefind, and what is missing."""
    from processkit.doctor import run_checks

    checks = run_checks()
    width = max(len(check.name) for check in checks)
    for check in checks:
        typer.echo(_line(check, width))
    missing = [check for check in checks if not check.ok]
    typer.echo("")
    if missing:
        typer.echo(f"{len(missing)} missing: {', '.join(c.name for c in missing)}.")
        return 1
    typer.echo("Everything processkit uses is installed.")
    return 0


def _line(check: Check, width: int) -> str:
    name = check.name.ljust(width)
    if check.ok:
        where = f" ({check.detail})" if check.detail else ""
        return f"ok       {name}  {check.version}{where}"
    return f"missing  {name}  needed for {check.needed_for}; to fix: {check.remedy}"
