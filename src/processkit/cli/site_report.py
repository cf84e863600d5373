"""What ``publish`` and ``serve`` print: a progress bar on a terminal, and the outcome."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from processkit.cli.publishing import PublishBlocked
from processkit.diagnostics import Report

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from processkit.site.build import BuildResult, Made
    from processkit.site.preview import Problems


def _stage(stage: str) -> str:
    """The name of a stage of the build beside its progress bar."""
    from processkit.i18n import p_

    if stage == "maps":
        return p_("progress", "Maps")
    if stage == "pages":
        return p_("progress", "Pages")
    if stage == "search":
        return p_("progress", "Search index")
    return stage


class ProgressBar:
    """A rich progress bar per stage on a terminal; nothing when not a terminal or quiet."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._progress: Progress | None = None
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> ProgressBar:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._progress = Progress(
                TextColumn("{task.description:<12}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, stage: str, done: int, total: int) -> None:
        if self._progress is None:
            return
        task = self._tasks.get(stage)
        if task is None:
            task = self._progress.add_task(_stage(stage), total=total)
            self._tasks[stage] = task
        self._progress.update(task, completed=done, total=total)


def report_blocked(blocked: PublishBlocked) -> None:
    from processkit.cli.reporters import print_text
    from processkit.i18n import n_

    loaded = blocked.loaded
    report = Report.build(loaded.diagnostics, loaded.repo.files, loaded.repo.entity_count())
    print_text(report, loaded.repo.source_line)
    said = n_(
        "processkit: the site was not published: the repository has {count} error (listed "
        "above); fix them and publish again. The previous site is untouched.",
        "processkit: the site was not published: the repository has {count} errors (listed "
        "above); fix them and publish again. The previous site is untouched.",
        blocked.errors,
    )
    sys.stderr.write(said + "\n")


def report_not_shown(blocked: PublishBlocked, *, shown: bool) -> Problems:
    """Why ``serve`` shows no site yet, or (``shown``: a site is shown) not the last change:
    the errors alone (a warning does not keep a page from being shown), then what to do;
    the errors, as text, for the open pages."""
    from processkit.cli.reporters import Findings, print_text, text_report
    from processkit.diagnostics import Severity
    from processkit.i18n import n_
    from processkit.site.preview import Problems

    loaded = blocked.loaded
    errors = [d for d in loaded.diagnostics if d.severity is Severity.ERROR]
    report = Report.build(errors, loaded.repo.files, loaded.repo.entity_count())
    source = loaded.repo.source_line
    print_text(report, source, summary=False)  # no summary: it would count the errors alone
    if shown:
        said = n_(
            "processkit: the change is not shown: the repository has {count} error (listed "
            "above). Fix it and save again. The preview shows the files as they were before "
            "the change.",
            "processkit: the change is not shown: the repository has {count} errors (listed "
            "above). Fix them and save again. The preview shows the files as they were before "
            "the change.",
            blocked.errors,
        )
    else:
        said = n_(
            "processkit: the site cannot be shown yet: the repository has {count} error "
            "(listed above). Fix it and save: the site is shown then.",
            "processkit: the site cannot be shown yet: the repository has {count} errors "
            "(listed above). Fix them and save: the site is shown then.",
            blocked.errors,
        )
    sys.stderr.write(said + "\n")
    text = text_report(Findings(report, source, Path(".")), summary=False)
    return Problems(text.strip(), blocked.errors)


def report_published(result: BuildResult) -> None:
    from processkit.cli.flow_notes import ITS_PAGE, note_listed
    from processkit.i18n import _, n_

    values = {
        "pages": n_("{count} page", "{count} pages", result.pages),
        "maps": n_("{count} map", "{count} maps", result.maps),
        "where": _shown(result.output / "index.html"),
    }
    said = (
        _("Published {pages} and {maps} to {where}", **values)
        if result.searchable
        else _("Published {pages} and {maps}, without search, to {where}", **values)
    )
    sys.stdout.write(said + "\n")
    if result.made is not None:
        sys.stdout.write(_what_was_made(result, result.made) + "\n")
    sys.stdout.flush()
    note_listed(result.listed, ITS_PAGE)


def _what_was_made(result: BuildResult, made: Made) -> str:
    """What the build made, against what it took unchanged from the builds before: all of
    it, none of it, or how many pages, maps and parts of the search index."""
    from processkit.i18n import _, n_
    from processkit.rules.words import joined

    if (made.pages, made.maps, made.indexed) == (result.pages, result.maps, made.shards):
        return _("Everything was built from scratch: nothing could be reused from before.")
    if made.pages == made.maps == made.indexed == 0:
        return _("Nothing had changed since the last build: everything was reused.")
    parts = [
        n_("{count} page", "{count} pages", made.pages) if made.pages else "",
        n_("{count} map", "{count} maps", made.maps) if made.maps else "",
        _("{count} of the search's {total} parts", count=made.indexed, total=made.shards)
        if made.indexed
        else "",
    ]
    return _(
        "This was built anew: {made}. Everything else was unchanged and reused.",
        made=joined(part for part in parts if part),
    )


def _shown(path: Path) -> str:
    """``path`` relative to the current folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
