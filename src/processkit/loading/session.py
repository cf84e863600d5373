"""The one way a command opens a repository.

A ``processkit.yaml`` that is missing or broken raises ``ConfigError``: nothing can be read
without it, so every command stops with exit status 2 and shows its diagnostics (the CLI does
that in one place). Files with errors do not stop a report: what they hold is left out, and
``Session.note`` says so in one line.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from processkit.diagnostics import Diagnostic, Severity
from processkit.frozen import frozen
from processkit.i18n import n_
from processkit.loading.discover import CONFIG_NAME
from processkit.loading.load import load_repository
from processkit.loading.parse import Remembered
from processkit.loading.repository import Repository


@frozen
class Session:
    """An opened repository and everything found wrong while reading it."""

    repo: Repository
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> int:
        """How many of the diagnostics are errors (which keep a site from being published)."""
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def files_with_errors(self) -> int:
        """How many files could not be loaded (what they hold is left out)."""
        loaded = {record.path for _kind, record in self.repo.all_records()} - self.repo.partial
        broken = {
            d.path
            for d in self.diagnostics
            if d.severity is Severity.ERROR and d.path not in loaded and d.path != CONFIG_NAME
        }
        return len(broken)

    @property
    def note(self) -> str | None:
        """A line telling the user that files with errors are left out, or None."""
        count = self.files_with_errors
        if not count:
            return None
        return n_(
            "processkit: note: {count} file has errors and what it holds is left out; run "
            "`processkit validate` to see them",
            "processkit: note: {count} files have errors and what they hold is left out; run "
            "`processkit validate` to see them",
            count,
        )


def open_repository(
    start: Path,
    *,
    partial: bool = False,
    cache_dir: Path | None = None,
    remembered: Remembered | None = None,
    references: bool = True,
    signatures: bool = True,
) -> Session:
    """Load the repository at or above ``start`` for a command.

    Raises RepositoryNotFound when there is none, and ConfigError when its
    ``processkit.yaml`` cannot be used. An entity read only in part (its values at fault left
    out) is checked, but handed on only with ``partial`` (to the checks of ``validate``): for
    every other command, what a file with errors holds is left out. Without ``references``
    the references are left for the caller to check (``load.reference_problems``); without
    ``signatures`` the files' signatures are neither looked up nor kept (``load_repository``).
    """
    loaded = load_repository(
        start,
        cache_dir=cache_dir,
        remembered=remembered,
        references=references,
        signatures=signatures,
    )
    if not partial:
        _leave_out_partial(loaded.repo)
    return Session(loaded.repo, loaded.diagnostics)


def _leave_out_partial(repo: Repository) -> None:
    if not repo.partial:
        return
    for records in repo.records.values():
        for entity_id in [key for key, record in records.items() if record.path in repo.partial]:
            del records[entity_id]
