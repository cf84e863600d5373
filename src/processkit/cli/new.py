"""``processkit new``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from processkit.model.kinds import KIND_INFO

if TYPE_CHECKING:
    Kind = str
else:
    #: The kinds ``new`` makes, as typer offers them: every kind in the table of kinds.
    Kind = StrEnum("Kind", [(kind, kind) for kind in KIND_INFO])


def register(app: typer.Typer) -> None:
    app.command("new")(new_command)


def is_terminal() -> bool:
    """Ask questions only when a person is at the keyboard."""
    return sys.stdin.isatty()


def new_command(
    kind: Kind = typer.Argument(..., help="What to create."),
    entity_id: str | None = typer.Option(
        None, "--id", help="The id (default: made from the name, or the next number)."
    ),
    name: str | None = typer.Option(None, "--name", help="Name (process, area, role, person)."),
    title: str | None = typer.Option(
        None, "--title", help="Title (handbook, proposal) or a person's job title."
    ),
    area: str | None = typer.Option(None, "--area", help="Process: its delivery area (id)."),
    type_: str | None = typer.Option(
        None, "--type", help="Process: core, management or support. Handbook: routine, policy, …"
    ),
    category: str | None = typer.Option(
        None, "--category", help="Role: operational or governance."
    ),
    process: str | None = typer.Option(
        None, "--process", help="Proposal, assessment, handbook: the process it is about (id)."
    ),
    parent: str | None = typer.Option(None, "--parent", help="Process: its parent process."),
    owner: str | None = typer.Option(None, "--owner", help="The owner (a person id)."),
    email: str | None = typer.Option(None, "--email", help="Person: e-mail address."),
    by: str | None = typer.Option(None, "--by", help="Proposal: who submitted it."),
    today: str | None = typer.Option(
        None, "--today", metavar="YYYY-MM-DD", help="The date of a proposal or assessment."
    ),
    repository: Path = typer.Option(
        Path("."), "--repository", "-C", help="The repository (default: the one here)."
    ),
) -> int:
    """Create a new file from its template, with the next free id, in its usual folder."""
    from processkit.authoring import new
    from processkit.cli.dates import parse_today
    from processkit.loading.session import open_repository

    kind = str(kind)
    day = parse_today(today)
    repo = open_repository(repository).repo
    answers: dict[str, str | None] = {
        "id": entity_id,
        "name": name,
        "title": title,
        "area": area,
        "type": type_,
        "category": category,
        "process": process,
        "parent": parent,
        "owner": owner,
        "email": email,
        "by": by,
    }
    if is_terminal():
        for question in new.questions(kind, repo):
            if answers.get(question.field):
                continue
            hint = f" ({', '.join(question.choices)})" if question.choices else ""
            answers[question.field] = typer.prompt(
                question.text + hint, default=question.default, show_default=True
            )
    planned = new.draft(kind, answers, repo, day)
    new.write(repo.root, planned)
    typer.echo(new.created(planned))
    return 0
