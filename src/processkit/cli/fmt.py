"""``processkit fmt``."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("fmt")(fmt_command)


def fmt_command(
    paths: list[Path] | None = typer.Argument(
        None, help="Files or folders (default: the whole repository here)."
    ),
    check: bool = typer.Option(
        False, "--check", help="Change nothing: show what would change and exit 1 if anything."
    ),
) -> int:
    """Give every file the same layout: keys in the usual order, two-space indents.

    Comments and `x-` keys are kept; a file is only written when it reads back the same.
    """
    import difflib

    from processkit.authoring.fmt import format_files
    from processkit.authoring.targets import collect
    from processkit.i18n import _
    from processkit.loading.discover import CONFIG_NAME

    targets = collect(paths or [Path(".")])
    for skipped in targets.skipped:
        typer.echo(
            _(
                "{path}: skipped (processkit does not read it: hidden or excluded)",
                path=skipped,
            ),
            err=True,
        )
    changed = unchanged = failed = 0
    for root, relatives in targets.by_root.items():
        run = format_files(root, relatives, config_name=CONFIG_NAME, write=not check)
        for result in run.results:
            if result.problem is not None:
                failed += 1
                problem = result.problem
                typer.echo(
                    f"{problem.path}:{problem.line}:{problem.column} {problem.code} "
                    f"{problem.message}"
                    + ("\n    = " + _("hint:") + f" {problem.hint}" if problem.hint else ""),
                    err=True,
                )
            elif result.changed and result.before is not None and result.after is not None:
                changed += 1
                if check:
                    diff = difflib.unified_diff(
                        result.before.splitlines(keepends=True),
                        result.after.splitlines(keepends=True),
                        f"a/{result.path}",
                        f"b/{result.path}",
                    )
                    typer.echo("".join(diff), nl=False)
                else:
                    typer.echo(_("formatted {path}", path=result.path))
            else:
                unchanged += 1
    typer.echo(_summary(changed, unchanged, failed, check))
    return 1 if failed or (check and changed) else 0


def _summary(changed: int, unchanged: int, failed: int, check: bool) -> str:
    from processkit.i18n import n_

    parts = []
    if changed and check:
        parts.append(
            n_("{count} file would be reformatted", "{count} files would be reformatted", changed)
        )
    elif changed:
        parts.append(n_("{count} file formatted", "{count} files formatted", changed))
    parts.append(n_("{count} file already formatted", "{count} files already formatted", unchanged))
    if failed:
        parts.append(
            n_(
                "{count} file could not be formatted",
                "{count} files could not be formatted",
                failed,
            )
        )
    return ", ".join(parts) + "."
