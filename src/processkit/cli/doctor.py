"""``processkit doctor``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from processkit.doctor import Check, RepositoryCheck


def register(app: typer.Typer) -> None:
    app.command("doctor")(doctor_command)


def doctor_command() -> int:
    """Show the versions of Python, processkit, Graphviz, git and Pagefind, and what is missing;
    inside a process repository, whether it installs this processkit."""
    from processkit import __version__
    from processkit.doctor import check_ci, check_repository, run_checks
    from processkit.i18n import _
    from processkit.loading.discover import RepositoryNotFound, find_root

    checks = run_checks()
    width = max(len(check.name) for check in checks)
    for check in checks:
        typer.echo(_line(check, width))
    try:
        root: Path | None = find_root(Path.cwd())
    except RepositoryNotFound:
        root = None
    in_repository = [] if root is None else [*check_repository(root, __version__), *check_ci(root)]
    if in_repository:
        typer.echo("")
        typer.echo(_("In the process repository {folder}:", folder=root))
        width = max(len(check.path) for check in in_repository)
        for found in in_repository:
            typer.echo(_repository_line(found, width))
    missing = [check for check in checks if not check.ok]
    to_fix = [check for check in in_repository if not check.ok]
    typer.echo("")
    if missing:
        typer.echo(
            _(
                "{count} missing: {names}.",
                count=len(missing),
                names=", ".join(c.name for c in missing),
            )
        )
    if to_fix:
        typer.echo(
            _(
                "{count} to fix in the repository: {paths}.",
                count=len(to_fix),
                paths=", ".join(c.path for c in to_fix),
            )
        )
    if missing or to_fix:
        return 1
    typer.echo(_("Everything processkit uses is installed."))
    return 0


def _status(status: str) -> str:
    """The word that starts a line of ``doctor``, by the check's status."""
    from processkit.i18n import p_

    if status == "ok":
        return p_("doctor", "ok")
    if status == "missing":
        return p_("doctor", "missing")
    if status == "differs":
        return p_("doctor", "differs")
    if status == "unreadable":
        return p_("doctor", "unreadable")
    return status


def _line(check: Check, width: int) -> str:
    from processkit.i18n import _

    name = check.name.ljust(width)
    if check.ok:
        where = f" ({check.detail})" if check.detail else ""
        return f"{_status('ok').ljust(8)} {name}  {check.version}{where}"
    said = _("needed for {needed}; to fix: {remedy}", needed=check.needed_for, remedy=check.remedy)
    return f"{_status('missing').ljust(8)} {name}  {said}"


def _repository_line(check: RepositoryCheck, width: int) -> str:
    from processkit.i18n import _

    status = _status(check.status).ljust(10)
    remedy = _("; to fix: {remedy}", remedy=check.remedy) if check.remedy else ""
    return f"{status} {check.path.ljust(width)}  {check.text}{remedy}"
