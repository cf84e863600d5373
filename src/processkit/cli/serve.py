"""``processkit serve``: build the site, serve it on localhost, rebuild when a file changes."""

from __future__ import annotations

import sys
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


def serve_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    port: int = typer.Option(8000, "--port", "-p", help="The port to serve on (127.0.0.1)."),
    interval: float = typer.Option(
        1.0, "--interval", help="Seconds between checks for changed files."
    ),
    once: bool = typer.Option(
        False, "--once", hidden=True, help="Build and serve, then stop after one check (tests)."
    ),
) -> int:
    """Preview the site: build it, serve it on http://127.0.0.1:PORT, rebuild on change."""
    import tempfile
    import threading
    import time

    from processkit.errors import ProcesskitError
    from processkit.i18n import _
    from processkit.loading.discover import find_root
    from processkit.site.preview import fingerprint, make_server

    root = find_root(path)
    with tempfile.TemporaryDirectory(prefix="processkit-serve-") as scratch:
        output = Path(scratch) / "site"
        if not _build(root, output, first=True):
            return 1
        try:
            server = make_server(output, port)
        except OSError as problem:
            raise ProcesskitError(
                _(
                    "cannot serve on port {port} ({problem}); choose another with --port",
                    port=port,
                    problem=problem.strerror,
                )
            ) from None
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        address = f"http://127.0.0.1:{server.server_address[1]}/"
        _say(
            _(
                "Serving {folder} at {address} (Ctrl-C to stop); rebuilding when a file changes.",
                folder=root,
                address=address,
            )
        )
        seen = fingerprint(root)
        try:
            while True:
                time.sleep(interval)
                now = fingerprint(root)
                if now != seen:
                    seen = now
                    _say(_("A file changed; rebuilding …"))
                    if _build(root, output, first=False):
                        _say(_("Rebuilt; reload {address}", address=address))
                if once:
                    break
        except KeyboardInterrupt:
            _say(_("Stopped."))
        finally:
            server.shutdown()
            server.server_close()
    return 0


def _say(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def _build(root: Path, output: Path, *, first: bool) -> bool:
    """Build; on errors print them and keep the previous preview."""
    from processkit.cli.publishing import PublishBlocked, PublishRequest, publish
    from processkit.cli.site_report import report_blocked
    from processkit.errors import ConfigError, ProcesskitError

    try:
        publish(PublishRequest(root, output))
    except PublishBlocked as blocked:
        report_blocked(blocked)
        return False
    except ConfigError as problem:
        from processkit.cli.reporters import report_config_error

        report_config_error(problem, "text")
        return False
    except ProcesskitError as problem:
        if first:
            raise
        _say(f"processkit: {problem}")
        return False
    return True
