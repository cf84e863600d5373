"""``processkit publish``."""

from __future__ import annotations

import gc
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("publish")(publish_command)


def publish_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="DIR",
        help="Where to write the site (default: site.output in processkit.yaml, `site`).",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Publish the repository as it stood on that day (from git history).",
    ),
    at: str | None = typer.Option(
        None,
        "--at",
        metavar="REF",
        help="Publish the repository as it stood at this commit, branch or tag.",
    ),
    cache_dir: Path | None = typer.Option(
        None,
        "--cache-dir",
        metavar="DIR",
        help="Where drawn maps, pages and search shards are kept between builds "
        "(default: .processkit-cache in the repository).",
    ),
) -> int:
    """Publish the management system as a static website (the "Fyren" site)."""
    from processkit.cli import ending

    # A publish keeps what it makes until it ends, and what it lets go of is freed as it goes
    # (it holds no cycles to speak of): looking for cycles all the same cost it 6 % of its
    # time after one change at 5,000 processes, with the same peak memory, cold or not
    # (benchmarks/README.md); the code it imports first is made of some 60,000 objects
    # more. Its workers, forked from here, do without it too. ``serve``, which lives on,
    # collects after each build.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _publish(path, output, quiet, as_of, at, cache_dir)
    finally:
        if collecting:  # as it was for whatever runs next in this process (a test)
            ending.collect_again()


def _publish(
    path: Path,
    output: Path | None,
    quiet: bool,
    as_of: str | None,
    at: str | None,
    cache_dir: Path | None,
) -> int:
    from processkit.cli.publishing import PublishBlocked, PublishRequest, publish
    from processkit.cli.site_report import ProgressBar, report_blocked, report_published
    from processkit.errors import ProcesskitError
    from processkit.i18n import _

    day = None
    if as_of is not None:
        from datetime import date

        try:
            day = date.fromisoformat(as_of)
        except ValueError:
            raise ProcesskitError(
                _(
                    "{option}: expected a date written YYYY-MM-DD, found `{text}`",
                    option="--as-of",
                    text=as_of,
                )
            ) from None
    if day is not None and at is not None:
        raise ProcesskitError(_("give either --as-of or --at, not both"))
    request = PublishRequest(path, output, day, at, cache_dir=cache_dir)
    try:
        with ProgressBar(enabled=not quiet) as bar:
            result = publish(request, bar.update)
    except PublishBlocked as blocked:
        report_blocked(blocked)
        return 1
    if not quiet:
        report_published(result)
    return 0
