"""``processkit proposals``: the improvement-proposal backlog; ``proposals new`` writes one."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from processkit.i18n import report_language


class Format(StrEnum):
    text = "text"
    table = "table"  # the old name of text
    json = "json"
    markdown = "markdown"


class _ListByDefault(TyperGroup):
    """``processkit proposals [PATH] [OPTIONS]`` lists: anything but a sub-command name
    (or --help) first means ``list``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["list", *args]
        return super().parse_args(ctx, args)


proposals_app = typer.Typer(
    cls=_ListByDefault,
    rich_markup_mode=None,
    help="Improvement proposals: `list` the backlog (the default: `processkit proposals "
    "[PATH] [OPTIONS]`), write a `new` one, or `import` received e-mails and form answers. "
    "See `processkit proposals list --help`.",
)


def register(app: typer.Typer) -> None:
    app.add_typer(proposals_app, name="proposals")


@proposals_app.command("list")
def list_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    status: list[str] = typer.Option(
        [],
        "--status",
        "-s",
        metavar="STATUS",
        help="Only these statuses (repeat, or separate with commas): new, assessing, accepted, "
        "rejected, done, open (the default: new, assessing, accepted) or all.",
    ),
    process: str | None = typer.Option(
        None, "--process", "-p", metavar="ID", help="Only the proposals about this process."
    ),
    since: str | None = typer.Option(
        None,
        "--since",
        metavar="PERIOD|DATE",
        help="Also show the intake (submitted) and the decisions of this period: 7d (the last "
        "seven days and today), 2w, 1m or a date YYYY-MM-DD.",
    ),
    today: str | None = typer.Option(
        None, "--today", metavar="YYYY-MM-DD", help="The date ages are counted to (default: today)."
    ),
    format: Format = typer.Option(
        Format.text,
        "--format",
        "-f",
        help="text (default; `table` works too), json, or markdown (an agenda in the site's "
        "language unless --lang asks for another).",
    ),
) -> int:
    """List the proposals by process and status with their age; with --since, the period's
    intake and decisions too."""
    from processkit.cli.dates import parse_today
    from processkit.cli.formats import report_name
    from processkit.domain.backlog import parse_statuses, proposals_report
    from processkit.domain.periods import since_date
    from processkit.history.closing import closing_commits
    from processkit.loading.session import open_repository
    from processkit.reports.proposals_format import REPORTER_BY_NAME

    day = parse_today(today)
    statuses = parse_statuses(status)
    start = since_date(since, day) if since is not None else None
    loaded = open_repository(path)
    repo = loaded.repo
    shows_done = "done" in statuses or start is not None
    closing = closing_commits(repo) if shows_done else {}
    report = proposals_report(
        repo, today=day, statuses=statuses, process=process, since=start, closing=closing
    )
    text = REPORTER_BY_NAME[report_name(format)](report, report_language(repo.config.site.language))
    typer.echo(text, nl=False)
    if loaded.note:
        typer.echo(loaded.note, err=True)
    return 0


@proposals_app.command("new")
def new_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    process: str | None = typer.Option(
        None, "--process", "-p", metavar="ID", help="The id of the process it is about."
    ),
    title: str | None = typer.Option(None, "--title", "-t", help="The proposal in a few words."),
    submitted_by: str | None = typer.Option(
        None, "--submitted-by", "--by", metavar="NAME", help="Who proposes it."
    ),
    description: str | None = typer.Option(
        None, "--description", "-d", metavar="TEXT", help="What is proposed, and why."
    ),
    today: str | None = typer.Option(
        None,
        "--today",
        metavar="YYYY-MM-DD",
        help="The submission date; its year numbers the id (default: today).",
    ),
) -> int:
    """Write a new proposal (status new) as proposals/<next free id>.yaml, as `processkit new
    proposal` does; on a terminal, asks for what is not given."""
    from processkit.authoring import new
    from processkit.cli.dates import parse_today
    from processkit.domain.lookup import unknown_id
    from processkit.errors import ProcesskitError
    from processkit.i18n import _
    from processkit.loading.session import open_repository

    day = parse_today(today)
    repo = open_repository(path).repo
    interactive = sys.stdin.isatty()
    if process is None or process not in repo.processes:
        if not interactive:
            if process is None:
                raise ProcesskitError(
                    _(
                        "--process is missing: name the process the proposal is about, e.g. "
                        "--process {example}",
                        example=min(repo.processes) if repo.processes else "bu-utredning",
                    )
                )
            raise unknown_id("process", process, repo.processes, option="--process")
        process = _ask_process(repo.processes, process)
    asked = False
    if title is None or not title.strip():
        if not interactive:
            raise ProcesskitError(
                _(
                    "--title is missing: say in a few words what is proposed, e.g. "
                    '--title "Kortare väntetid till första samtalet"'
                )
            )
        title = _ask(_("Title (the proposal in a few words)"))
        asked = True
    if interactive and asked and submitted_by is None:
        submitted_by = _ask(_("Submitted by (optional)"), required=False)
    if interactive and asked and description is None:
        description = _ask(_("Description (optional)"), required=False)
    answers = {"process": process, "title": title, "by": submitted_by, "description": description}
    planned = new.draft("proposal", answers, repo, day)
    new.write(repo.root, planned)
    typer.echo(new.created(planned))
    return 0


def _ask(question: str, *, required: bool = True) -> str:
    from processkit.i18n import _

    while True:
        answer: str = typer.prompt(
            question, default="" if not required else None, show_default=False
        )
        if answer.strip() or not required:
            return answer.strip()
        typer.echo(_("Please write something (or press Ctrl-C to stop)."), err=True)


def _ask_process(known: dict[str, Any], given: str | None) -> str:
    from processkit.domain.lookup import unknown_id
    from processkit.i18n import _

    if given is not None:
        typer.echo(str(unknown_id("process", given, known, option="--process")), err=True)
    while True:
        answer = _ask(_("Process (id)"))
        if answer in known:
            return answer
        typer.echo(str(unknown_id("process", answer, known)), err=True)


@proposals_app.command("import")
def import_command(
    files: list[Path] = typer.Argument(
        ...,
        metavar="FILE…",
        help="Received e-mails (.eml) and exports of a web form (.csv, .xlsx).",
    ),
    skip_bad: bool = typer.Option(
        False, "--skip-bad", help="Import the good inputs and leave out the bad ones."
    ),
    today: str | None = typer.Option(
        None,
        "--today",
        metavar="YYYY-MM-DD",
        help="The submission date of a message or row that has none (default: today).",
    ),
    repository: Path = typer.Option(
        Path("."), "--repository", "-C", help="The repository (default: the one here)."
    ),
) -> int:
    """Write a proposal (status new) for each received e-mail and each answer of a web form,
    with the next free ids; what was imported before is skipped."""
    from processkit.authoring.proposal_import import plan_import, write_import
    from processkit.cli.dates import parse_today
    from processkit.i18n import _, n_
    from processkit.loading.session import open_repository

    day = parse_today(today)
    repo = open_repository(repository).repo
    plan = plan_import(files, repo, day)
    for problem in plan.problems:
        typer.echo(str(problem), err=True)
    if plan.problems and not skip_bad:
        typer.echo(
            n_(
                "Nothing was written: correct the input above, or run again with --skip-bad "
                "to import the others.",
                "Nothing was written: correct the {count} inputs above, or run again with "
                "--skip-bad to import the others.",
                len(plan.problems),
            ),
            err=True,
        )
        return 1
    write_import(repo.root, plan)
    for item, existing in plan.skipped:
        typer.echo(
            _("Skipped {source}: already imported as `{id}`.", source=item.source, id=existing)
        )
    for item, draft in plan.drafts:
        typer.echo(
            _(
                "Created {path} (id `{id}`) from {source}.",
                path=draft.path,
                id=draft.id,
                source=item.source,
            )
        )
    parts = [n_("{count} proposal created", "{count} proposals created", len(plan.drafts))]
    if plan.skipped:
        parts.append(n_("{count} already imported", "{count} already imported", len(plan.skipped)))
    if plan.problems:
        parts.append(
            n_(
                "{count} with problems skipped",
                "{count} with problems skipped",
                len(plan.problems),
            )
        )
    typer.echo(", ".join(parts) + ".")
    return 0
