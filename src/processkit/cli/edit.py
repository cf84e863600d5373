"""``processkit edit``: the form editor, served on the loopback (or ``--host``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from processkit.authoring.editor.checking import Checker
    from processkit.loading.session import Session


def register(app: typer.Typer) -> None:
    app.command("edit")(edit_command)


def edit_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="The address to listen on (default: this computer only)."
    ),
    port: int = typer.Option(8010, "--port", "-p", help="The port; 0 for any free one."),
    allow_host: list[str] = typer.Option(
        [],
        "--allow-host",
        metavar="NAME",
        help="Another host name the browser may use (the name of this computer or of a proxy).",
    ),
    user_header: str | None = typer.Option(
        None,
        "--user-header",
        metavar="NAME",
        help="Behind a single sign-on proxy: the header that holds the user's name.",
    ),
    branch: str | None = typer.Option(
        None, "--branch", metavar="NAME", help="Commit each save on this branch."
    ),
    no_commit: bool = typer.Option(False, "--no-commit", help="Save files without committing."),
    today: str | None = typer.Option(
        None, "--today", metavar="YYYY-MM-DD", help="The date to check reviews against."
    ),
) -> int:
    """Edit processes in forms in the browser, checked as `validate` checks them."""
    import socket

    import uvicorn

    from processkit.authoring.editor.app import Settings, create_app
    from processkit.cli.dates import parse_today
    from processkit.errors import ProcesskitError, reason
    from processkit.i18n import _
    from processkit.loading.discover import find_root
    from processkit.loading.session import open_repository

    root = find_root(path)
    open_repository(root)  # a broken processkit.yaml stops here, in one line
    day = parse_today(today)
    settings = Settings(
        root=root,
        checker=_checker(day),
        today=day,
        host=host,
        hosts=tuple(allow_host),
        user_header=user_header,
        branch=branch,
        commit=not no_commit,
    )
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as problem:
        listener.close()
        raise ProcesskitError(
            _(
                "cannot listen on port {port} ({problem}); choose another with --port",
                port=port,
                problem=reason(problem),
            )
        ) from None
    settings.port = listener.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{settings.port}/"
    typer.echo(_("Editing {folder} at {address} (Ctrl-C to stop).", folder=root, address=address))
    config = uvicorn.Config(
        create_app(settings), log_level="warning", server_header=False, proxy_headers=False
    )
    uvicorn.Server(config).run(sockets=[listener])
    return 0


def _checker(today: date) -> Checker:
    """The checks of ``validate``, given to the editor (the rules are another feature)."""
    from processkit.validate import check

    def run(root: Path) -> Session:
        return check(root, today=today, cache_dir=root / ".processkit-cache")

    return run
