"""``processkit init``."""

from __future__ import annotations

import sys
from collections.abc import Callable
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
    proposals_email: str | None = typer.Option(
        None,
        "--proposals-email",
        metavar="ADDRESS",
        help="Where proposals from the site are sent by e-mail, e.g. processtod@example.se "
        "(empty: none). Asked for on a terminal.",
    ),
    site_url: str | None = typer.Option(
        None,
        "--site-url",
        metavar="ADDRESS",
        help="Where the published site is reached, e.g. https://fyren.example.se/ (empty: not "
        "known yet). Asked for on a terminal.",
    ),
    install: str | None = typer.Option(
        None,
        "--install",
        metavar="SPEC",
        help="Where CI and pre-commit install processkit from, written to "
        ".processkit/requirements.txt: a version (processkit==1.2.0), the address of a wheel "
        "file, or git+https://...@v1.2.0. Default: exactly this version of processkit.",
    ),
) -> int:
    """Create a new process repository that validates at once."""
    from processkit import __version__, i18n
    from processkit.authoring import init
    from processkit.cli.dates import parse_today
    from processkit.i18n import _, n_
    from processkit.install_source import (
        REQUIREMENTS_FILE,
        check_requirement,
        default_requirement,
    )

    i18n.use_outside_repository()
    day = parse_today(today)
    requirement = (
        default_requirement(__version__) if install is None else check_requirement(install)
    )
    init.check_target(folder)
    if organisation is None:
        organisation = (
            typer.prompt(_("Name of the organisation"), default=DEFAULT_ORGANISATION)
            if sys.stdin.isatty()
            else DEFAULT_ORGANISATION
        )
    intake = _asked(
        proposals_email,
        "--proposals-email",
        init.check_email,
        _("E-mail address for improvement proposals (empty: none)"),
    )
    address = _asked(
        site_url,
        "--site-url",
        init.check_site_url,
        _("Address of the published site, e.g. https://fyren.example.se/ (empty: none)"),
    )
    entities = None
    processes = 0
    if from_inventory is not None:
        from processkit.authoring.sheet_import import plan_inventory

        planned = plan_inventory(from_inventory, skip_bad=skip_bad)
        for column in planned.unused_columns:
            typer.echo(
                _(
                    "{file}: the column `{column}` is not used",
                    file=from_inventory.name,
                    column=column,
                ),
                err=True,
            )
        for problem in planned.problems:
            lead = (
                _("{file} skipped row {row}: {problem}")
                if skip_bad
                else _("{file} row {row}: {problem}")
            )
            typer.echo(
                lead.format(file=from_inventory.name, row=problem.row, problem=problem.message),
                err=True,
            )
        if planned.problems and not skip_bad:
            typer.echo(
                n_(
                    "Nothing was written: correct the row above, or run again with --skip-bad "
                    "to leave them out.",
                    "Nothing was written: correct the {count} rows above, or run again with "
                    "--skip-bad to leave them out.",
                    len(planned.problems),
                ),
                err=True,
            )
            return 1
        entities, processes = planned.files, planned.processes
    files = init.plan(
        organisation,
        day,
        install=requirement,
        entities=entities,
        proposals_email=intake,
        site_url=address,
    )
    written = init.write(folder, files)
    where = str(folder)
    typer.echo(
        n_(
            "Created a process repository in {where}: {count} file.",
            "Created a process repository in {where}: {count} files.",
            len(written),
            where=where,
        )
    )
    if from_inventory is not None:
        typer.echo(
            n_(
                "The inventory gave {count} process.",
                "The inventory gave {count} processes.",
                processes,
            )
        )
    typer.echo(_git_line(folder))
    typer.echo(
        _(
            "CI and pre-commit install processkit from {file}: {requirement}",
            file=REQUIREMENTS_FILE,
            requirement=requirement,
        )
    )
    if install is None and not init.is_release(__version__):
        typer.echo(
            _(
                "This processkit ({version}) is not a release, and no package store has it: "
                "write where your organisation keeps processkit in {file} and "
                ".pre-commit-config.yaml, or run init again with --install.",
                version=__version__,
                file=REQUIREMENTS_FILE,
            )
        )
    typer.echo("")
    typer.echo(_("Next steps:"))
    if folder != Path("."):
        typer.echo(f"  cd {where}")
    typer.echo("  processkit validate")
    typer.echo('  processkit new process --name "Processens namn"')
    typer.echo(
        _("Open the folder in Visual Studio Code and install the recommended YAML extension")
    )
    typer.echo(_("to get suggestions and explanations for every field. README.md tells the rest."))
    return 0


def _git_line(folder: Path) -> str:
    from processkit.i18n import _
    from processkit.loading.git import make_repository

    made = make_repository(folder)
    if made.made:
        return _("It is a new git repository (first branch main), with nothing committed yet.")
    if made.inside is not None:
        return _(
            "It lies inside the git repository at {folder}; no new one was made.",
            folder=made.inside,
        )
    return _(
        "It is not a git repository yet: {problem}. To make it one later, run "
        "`git init -b main` in the folder.",
        problem=made.problem,
    )


def _asked(
    given: str | None, option: str, check: Callable[[str], str | None], question: str
) -> str | None:
    """The value of ``option`` checked; when it is not given and a person is at the
    terminal, asked for until the answer passes (an empty answer: none)."""
    from processkit.errors import ProcesskitError

    if given is not None:
        try:
            return check(given)
        except ProcesskitError as error:
            raise ProcesskitError(f"{option}: {error}") from None
    while sys.stdin.isatty():
        answer = typer.prompt(question, default="", show_default=False)
        try:
            return check(answer)
        except ProcesskitError as error:
            typer.echo(str(error), err=True)
    return None
