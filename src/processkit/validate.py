"""Validation: load the repository, check it, and keep the diagnostics asked for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from processkit.diagnostics import Report
from processkit.loading.consequences import brought_about
from processkit.loading.git import changed_files, texts_at
from processkit.loading.load import reference_problems
from processkit.loading.parse import Remembered
from processkit.loading.repository import Repository
from processkit.loading.session import Session, open_repository
from processkit.rules.run import WAITING_CODE, run_rules
from processkit.rules.settings import resolve_settings


@dataclass(slots=True)
class Validation:
    """The loaded repository and the report on it."""

    repo: Repository
    report: Report


def validate(
    start: Path, *, today: date | None = None, changed_since: str | None = None
) -> Validation:
    """Load and check the repository at or above ``start``.

    After loading, the rules of good process management run (``processkit.rules``) with the
    severities and options of ``rules:`` in processkit.yaml; a bad ``rules:`` section raises
    ProcesskitError. ``today`` is the date reviews are checked against; without it the rules
    about review dates find nothing (the library never reads the clock).

    With ``changed_since`` the whole repository is still loaded (references need it), but only
    diagnostics in files changed (added, deleted) since that git revision are kept, and those
    in other files that the change brought about (``processkit.loading.consequences``).
    """
    checked = check(start, today=today)
    diagnostics = checked.diagnostics
    if changed_since is not None:
        root = checked.repo.root
        changed = changed_files(root, changed_since)
        before = texts_at(root, changed_since, changed)
        caused = brought_about(checked.repo, diagnostics, changed, before)
        # the note that checks wait (PK032) is about the whole repository: always kept
        kept = [d for d in diagnostics if d.path in changed or d.code == WAITING_CODE]
        diagnostics = kept + caused
    report = Report.build(diagnostics, checked.repo.files, checked.repo.entity_count())
    return Validation(checked.repo, report)


def check(
    start: Path,
    *,
    today: date | None,
    cache_dir: Path | None = None,
    remembered: Remembered | None = None,
    meanwhile: Callable[[Repository], object] | None = None,
) -> Session:
    """The repository at or above ``start``, with what loading found and what the rules find
    (with the severities and options of ``rules:``), as ``validate`` and ``publish`` see it;
    ``cache_dir`` is the cache folder (default: the repository's own); ``remembered``, what
    ``serve`` keeps between loads (``loading.parse.Remembered``). ``meanwhile`` is called
    with the repository once it is loaded without errors and its ``rules:`` are read, before
    the rules run: work it starts in the background goes on beside them (``publish`` reads
    git there). Whoever passes it stops that work where this raises."""
    _loaded, rules = check_later(
        start, today=today, cache_dir=cache_dir, remembered=remembered, meanwhile=meanwhile
    )
    return rules()


def check_later(
    start: Path,
    *,
    today: date | None,
    cache_dir: Path | None = None,
    remembered: Remembered | None = None,
    meanwhile: Callable[[Repository], object] | None = None,
    references_later: bool = False,
    signatures: bool = True,
) -> tuple[Session, Callable[[], Session]]:
    """As ``check``, with the rules left for the caller to run when it will (``publish``
    runs them beside Pagefind, after one change: see ``site.build``): what loading found,
    and the rules to run, which give it with what they find. With ``references_later``
    what loading found leaves out the references that name nothing: the rules give them
    (``publish`` has them checked by the process that loads beside it, see
    ``cli.publishing``). ``signatures``: as ``open_repository`` takes it."""
    opened = open_repository(
        start,
        partial=True,
        cache_dir=cache_dir,
        remembered=remembered,
        references=not references_later,
        signatures=signatures,
    )
    settings = resolve_settings(opened.repo.config)
    if meanwhile is not None and not opened.errors:
        meanwhile(opened.repo)

    def rules() -> Session:
        referred = (
            reference_problems(opened.repo, opened.diagnostics, remembered)
            if references_later
            else []
        )
        found = run_rules(opened.repo, today=today, settings=settings)
        return Session(opened.repo, opened.diagnostics + referred + found)

    return opened, rules
