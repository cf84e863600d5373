"""The recent changes (``changes.html``): the commits of the last days and, from the change
log, what changed in each entity."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from markupsafe import Markup

from processkit.frozen import frozen
from processkit.loading.git import Commit
from processkit.loading.repository import Repository
from processkit.model.kinds import KIND_INFO, KIND_TABLE
from processkit.site.contexts import Link
from processkit.site.history import History

if TYPE_CHECKING:
    from processkit.history.changelog import ChangeLog


@frozen
class ChangeEntry:
    change: Commit
    pages: list[Link]
    other_files: int


@frozen
class EntityChangeItem:
    """One entity changed over the period (``processkit changelog``'s entry): its kind and
    name, a link to its page when it has one, how it changed (added, changed, retired,
    removed) and its field changes in plain words (HTML, the files' text escaped)."""

    kind: str
    name: str
    href: str | None
    change: str
    details: list[Markup]


@frozen
class EntityChanges:
    """The entities changed from ``since`` to ``until``, the latest changed first; ``more`` is
    how many further entries are left out."""

    since: date | None
    until: date
    items: list[EntityChangeItem]
    more: int


@frozen
class ChangesPage:
    changes: list[ChangeEntry]
    breadcrumbs: list[Link]
    entities: EntityChanges | None = None


def changes_page(repo: Repository, history: History, log: ChangeLog | None = None) -> ChangesPage:
    pages: dict[str, Link] = {}
    for row in PAGED_KINDS:
        for entity_id, record in repo.of_kind(row.kind).items():
            pages[record.path] = Link(row.title_of(record.entity), row.page_path(entity_id))
    entries = []
    for touched in history.recent:
        found = sorted(
            (pages[path] for path in touched.paths if path in pages),
            key=lambda link: (link.text.casefold(), link.href),
        )
        entries.append(ChangeEntry(touched.commit, found, len(touched.paths) - len(found)))
    return ChangesPage(entries, [], entity_changes(repo, log) if log is not None else None)


#: How many changed entities the recent-changes page lists (a whole repository added at once
#: would otherwise list every process).
ENTITY_CHANGES = 100


#: The kinds whose entities have a page of their own.
PAGED_KINDS = [row for row in KIND_TABLE if row.page is not None]


def entity_changes(repo: Repository, log: ChangeLog) -> EntityChanges:
    """The change log's entries as the recent-changes page lists them: the latest changed
    first (by the last commit that touched each), at most ``ENTITY_CHANGES``."""
    from processkit.history.phrasing import describe

    language = repo.config.site.language
    ordered = sorted(
        log.entries,
        key=lambda entry: entry.commits[-1].date if entry.commits else date.min,
        reverse=True,  # stable: entries of one day keep the change log's order
    )
    items = []
    for entry in ordered[:ENTITY_CHANGES]:
        row = KIND_INFO.get(entry.kind)
        has_page = row is not None and row.page is not None
        has_page = has_page and entry.id in repo.of_kind(entry.kind)
        items.append(
            EntityChangeItem(
                entry.kind,
                entry.name or entry.id,
                row.page_path(entry.id) if row is not None and has_page else None,
                entry.change,
                [
                    Markup(describe(field, language, markup=escape, code=_code, kind=entry.kind))
                    for field in entry.fields
                ],
            )
        )
    return EntityChanges(log.since, log.until, items, len(ordered) - len(items))


def _code(text: str) -> str:
    return f"<code>{escape(text)}</code>"
