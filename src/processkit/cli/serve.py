"""``processkit serve``: build the site, serve it on localhost, rebuild when a file changes.

The repository is watched for file events (``watchfiles``; ``--poll`` checks every second
instead, for network drives where events do not arrive). A rebuild runs in this process: it
does not start a program again, and it keeps the compiled templates and, while no commit is
made, what it read from git. As in every build, files whose bytes are unchanged are not parsed
again, pages whose dependency records are unchanged are not built again and unchanged maps are
not drawn again. Open pages reload themselves when the new build is there
(``processkit.site.preview``). The search shards an edit changed are indexed by a second
build, after the pages are shown: until it is done, search finds the pages as they were.
"""

from __future__ import annotations

import contextlib
import gc
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from watchfiles import Change

    from processkit.loading.parse import Remembered
    from processkit.site.build import BuildResult
    from processkit.site.preview import Problems


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


def serve_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    port: int = typer.Option(8000, "--port", "-p", help="The port to serve on (127.0.0.1)."),
    poll: bool = typer.Option(
        False, "--poll", help="Check for changed files every second instead of file events."
    ),
    rebuilds: int = typer.Option(
        -1, "--rebuilds", hidden=True, help="Stop after this many rebuilds (tests)."
    ),
    once: bool = typer.Option(
        False, "--once", hidden=True, help="Build and serve, then stop at once (tests)."
    ),
) -> int:
    """Preview the site: build it, serve it on http://127.0.0.1:PORT, rebuild on change."""
    import tempfile

    from processkit.errors import ProcesskitError, reason
    from processkit.i18n import _, decimal
    from processkit.loading.discover import find_root
    from processkit.loading.parse import Remembered
    from processkit.site.output import finish_removals
    from processkit.site.preview import Builds, serving, show_waiting

    root = find_root(path)
    remembered = Remembered()  # the repository as read, between builds
    stop = threading.Event()
    with (
        tempfile.TemporaryDirectory(prefix="processkit-serve-") as scratch,
        contextlib.ExitStack() as stack,  # the server, stopped before the folder is deleted
    ):
        stack.callback(stop.set)  # the watching stopped, where the first build fails too
        output = Path(scratch) / "site"
        # watched from before the first build: a file saved while it runs is built after it
        changes = None if once else _Watching(root, output, poll=poll, stop=stop)
        told: list[Problems] = []
        built = build_preview(root, output, remembered, first=True, told=told.append)
        # until a build succeeds, a page that lists the errors stands in for the site
        waiting = built is None
        if waiting:
            if once:
                return 1
            show_waiting(output, told[-1])
        builds = Builds()
        try:
            address = stack.enter_context(serving(output, builds, port=port))
        except OSError as problem:
            raise ProcesskitError(
                _(
                    "cannot serve on port {port} ({problem}); choose another with --port",
                    port=port,
                    problem=reason(problem),
                )
            ) from None
        _say(
            _(
                "Serving {folder} at {address} (Ctrl-C to stop); rebuilding when a file changes.",
                folder=root,
                address=address,
            )
        )
        try:
            if changes is not None:

                def shown(seconds: float) -> None:
                    builds.finished()
                    _say(
                        _(
                            "Rebuilt in {seconds} s; open pages reload themselves",
                            seconds=decimal(seconds, ".2f"),
                        )
                    )

                for done, changed in enumerate(changes, start=1):
                    _say(_("A file changed; rebuilding …"))
                    paths = [Path(place) for _change, place in changed]
                    built = rebuild(
                        root,
                        output,
                        remembered,
                        paths,
                        shown=shown,
                        waiting=waiting,
                        told=told.append,
                    )
                    if built is not None:
                        waiting = False
                    elif waiting:  # the page that stands in for the site, with the new errors
                        show_waiting(output, told[-1])
                        builds.finished()
                    else:  # the open pages show why the site stays as it was
                        builds.failed(told[-1])
                    if done == rebuilds:
                        break
        except KeyboardInterrupt:
            _say(_("Stopped."))
        finally:
            stop.set()
            if changes is not None:
                changes.join()
            finish_removals()  # before the scratch folder is deleted
    return 0


def rebuild(
    root: Path,
    output: Path,
    remembered: Remembered,
    changed: Iterable[Path],
    *,
    shown: Callable[[float], None] | None = None,
    waiting: bool = False,
    told: Callable[[Problems], None] | None = None,
) -> BuildResult | None:
    """What ``serve`` does when the files ``changed`` changed: it forgets them, builds with
    the search shards the edit changed taken as they were, says ``shown`` (with the seconds
    since the change was seen) once the edited pages are there, then brings those shards up
    to date. None where the build found errors (the previous preview is kept; ``waiting``:
    there is none yet), which ``told`` is given."""
    started = time.perf_counter()
    remembered.forget(changed)
    with garbage_later():
        built = build_preview(
            root, output, remembered, first=False, waiting=waiting, search_later=True, told=told
        )
        if built is not None and shown is not None:
            shown(time.perf_counter() - started)
    if built is not None and built.stale_search:  # now the edit's search
        build_preview(root, output, remembered, first=False)
    return built


@contextlib.contextmanager
def garbage_later() -> Iterator[None]:
    """Collect no garbage until the edited pages are shown: the full collection a rebuild
    sets off (20-30 ms at 1,000 processes) is made after them, once, while the reader
    reads."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
            gc.collect()


class _Watching:
    """The sets of files changed under ``root`` (``_changes_in``), watched from its making on
    by a thread of its own. Each set handed over holds every change seen since the last one
    (what changed during a rebuild is built once after it, not once a set); what stops the
    watching there is raised here."""

    #: How long the serving thread waits on the queue at a time: a Ctrl-C is felt between
    #: (a wait without an end is not broken by one on every system).
    TICK = 0.25

    def __init__(self, root: Path, output: Path, *, poll: bool, stop: threading.Event) -> None:
        self._sets: queue.SimpleQueue[set[tuple[Change, str]] | BaseException | None]
        self._sets = queue.SimpleQueue()
        self._thread = threading.Thread(
            target=self._watch, args=(root, output, poll, stop), daemon=True, name="watching"
        )
        self._thread.start()

    def _watch(self, root: Path, output: Path, poll: bool, stop: threading.Event) -> None:
        try:
            for changed in _changes_in(root, output, poll=poll, stop=stop):
                self._sets.put(changed)
        except BaseException as problem:  # handed to the serving thread, raised there
            self._sets.put(problem)
        else:
            self._sets.put(None)

    def __iter__(self) -> Iterator[set[tuple[Change, str]]]:
        while True:
            try:
                item = self._sets.get(timeout=self.TICK)
            except queue.Empty:
                continue
            merged: set[tuple[Change, str]] = set()
            while isinstance(item, set):  # every set handed over meanwhile
                merged |= item
                try:
                    item = self._sets.get_nowait()
                except queue.Empty:
                    break
            if merged:
                yield merged
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item

    def join(self) -> None:
        """Wait a moment for the watching to end, once it is told to stop."""
        self._thread.join(timeout=1)


def _changes_in(
    root: Path, output: Path, *, poll: bool, stop: threading.Event
) -> Iterator[set[tuple[Change, str]]]:
    """The sets of changed files under ``root``, as they come (a short burst of events, an
    editor saving a file in several steps, is one set); hidden files and folders (git's, the
    cache) and the preview's own output are left out."""
    from watchfiles import DefaultFilter, watch

    skip = output.resolve()

    class _Filter(DefaultFilter):
        def __call__(self, change: Change, path: str) -> bool:
            target = Path(path)
            relative = target.relative_to(root) if target.is_relative_to(root) else target
            if any(part.startswith(".") for part in relative.parts):
                return False
            if target.resolve() == skip or skip in target.resolve().parents:
                return False
            return bool(super().__call__(change, path))

    return watch(
        root,
        watch_filter=_Filter(),
        debounce=300,
        step=50,
        stop_event=stop,
        force_polling=poll,
        poll_delay_ms=1000,
        raise_interrupt=True,
    )


def _say(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def build_preview(
    root: Path,
    output: Path,
    remembered: Remembered,
    *,
    first: bool,
    waiting: bool = False,
    search_later: bool = False,
    told: Callable[[Problems], None] | None = None,
) -> BuildResult | None:
    """Build the preview of the repository at ``root`` into ``output`` (the first build:
    ``first``; ``waiting``: none has succeeded yet); on errors print them, give them to
    ``told`` (for the open pages), keep the previous preview and return None. With
    ``search_later`` the search shards the edit changed are taken as they were, so that the
    edited pages are shown sooner; a build without it brings them up to date."""
    from processkit.cli.publishing import PublishBlocked, PublishRequest, publish
    from processkit.cli.site_report import report_not_shown
    from processkit.errors import ConfigError, ProcesskitError, refusal
    from processkit.site.preview import Problems

    try:
        # the process lives on: the site replaced is kept, and the next build brings it up to
        # date in place; one it does not take is deleted while the new one is shown
        request = PublishRequest(
            root,
            output,
            search_later=search_later,
            remove_later=True,
            reuse=True,
            remembered=remembered,
        )
        return publish(request)
    except PublishBlocked as blocked:
        problems = report_not_shown(blocked, shown=not (first or waiting))
    except ConfigError as problem:
        from processkit.cli.reporters import report_config_error, text_report

        findings = report_config_error(problem, "text")
        text = text_report(findings, summary=False).strip()
        problems = Problems(text, len(problem.diagnostics))
    except ProcesskitError as problem:
        if first:
            raise
        _say(f"processkit: {problem}")
        problems = Problems(str(problem), 1)
    except OSError as problem:
        # the computer's doing (a full disk): said as the command would end with it; after
        # the first build the preview shown is kept, and the next change is built again
        refused = refusal(problem)
        if first or refused is None:
            raise
        _say(f"processkit: {refused}")
        problems = Problems(refused, 1)
    if told is not None:
        told(problems)
    return None
