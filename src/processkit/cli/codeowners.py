"""``processkit codeowners``: make each owner a required reviewer of their process files."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from processkit.i18n import report_language


class Host(StrEnum):
    github = "github"
    gitlab = "gitlab"


def register(app: typer.Typer) -> None:
    app.command("codeowners")(codeowners_command)


def codeowners_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    format: Host = typer.Option(
        Host.github,
        "--format",
        "-f",
        help="github (default) or gitlab (areas as sections).",
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="Write the file here (e.g. .github/CODEOWNERS or .gitlab/CODEOWNERS) instead of "
        "printing it.",
    ),
) -> int:
    """Write a CODEOWNERS file: each process's owner (their `username`) must approve changes
    to the process's file, so "fastställd av processägaren" is enforced by the review."""
    from processkit.fsutil import write_atomic
    from processkit.i18n import _, n_
    from processkit.loading.session import open_repository
    from processkit.reports.codeowners import codeowners

    loaded = open_repository(path)
    repo = loaded.repo
    result = codeowners(repo, format.value, language=report_language(repo.config.site.language))
    if output is None:
        typer.echo(result.text, nl=False)
    else:
        write_atomic(output, result.text)
        typer.echo(
            n_(
                "Wrote {output}: {count} file with a required reviewer.",
                "Wrote {output}: {count} files with a required reviewer.",
                result.rules,
                output=output,
            )
        )
    for item in result.unassigned:
        typer.echo(
            _(
                "warning: {path}: no required reviewer, {reason}",
                path=item.path,
                reason=item.reason,
            ),
            err=True,
        )
    if loaded.note:
        typer.echo(loaded.note, err=True)
    return 0
