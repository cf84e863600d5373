"""Gathering the site's pages: every page with its address, template and typed context."""

from __future__ import annotations

from collections.abc import Container, Iterator, Mapping, Sequence

from processkit.domain.facts import Facts
from processkit.domain.flow import flow_map_drawn
from processkit.domain.structure import is_active, sorted_areas
from processkit.i18n import _
from processkit.loading.repository import Repository
from processkit.model.kinds import KIND_TABLE, KindInfo
from processkit.site.contexts import MapFigure, Page
from processkit.site.counts import AreaCount
from processkit.site.feeds import feed_path, has_feed
from processkit.site.history import GitLinks, History
from processkit.site.maps import MapRequest
from processkit.site.sitemap import ENTITY_PAGES, SITE_PAGES, Sources

#: The id of the element holding each map's text alternative.
ALTERNATIVE = {"start": "areas-heading", "area": "processes", "process": "activities"}


def map_requests(repo: Repository) -> list[MapRequest]:
    """Every map the site shows: the organisation's landscape, one per area that has active
    processes, and the flow of each process that has activities (and not too many to draw: a
    larger flow is listed on its page instead)."""
    requests = []
    if any(is_active(record.entity) for record in repo.processes.values()):
        requests.append(MapRequest("landscape", None, "", ALTERNATIVE["start"]))
    active_areas = {r.entity.area for r in repo.processes.values() if is_active(r.entity)}
    for area_id in sorted_areas(repo):
        if area_id in active_areas:
            requests.append(MapRequest("landscape", area_id, "../", ALTERNATIVE["area"]))
    for process_id, record in sorted(repo.processes.items()):
        if record.entity.activities and flow_map_drawn(record.entity):
            requests.append(MapRequest("process", process_id, "../", ALTERNATIVE["process"]))
    return requests


def sources_of(
    repo: Repository,
    facts: Facts,
    history: History,
    maps: Mapping[str, MapFigure],
    counts: Sequence[AreaCount],
    git: GitLinks | None = None,
) -> Sources:
    """Everything the pages are built from, with the addresses of the pages search reads."""
    indexed = [page.path for page in SITE_PAGES if page.indexed]
    indexed += [row.page_path(entity_id) for row, entity_id in entity_pages(repo)]
    return Sources(repo, facts, history, maps, counts, git or GitLinks(), tuple(sorted(indexed)))


def entity_pages(repo: Repository) -> list[tuple[KindInfo, str]]:
    """Each entity that has a page, in the site's order (by kind, then id)."""
    return [
        (row, entity_id)
        for row in KIND_TABLE
        if row.page is not None
        for entity_id in sorted(repo.of_kind(row.kind))
    ]


def site_pages(sources: Sources, leave_out: Container[str] = ()) -> Iterator[Page]:
    """The pages that stand alone, in the navigation's order, less those at the addresses
    ``leave_out`` (taken as they were)."""
    for page in SITE_PAGES:
        if page.path in leave_out:
            continue
        title = _(page.heading) if page.heading else sources.repo.config.site.title
        yield Page(page.path, page.template, title, page.context(sources), page.indexed)


def entity_page(sources: Sources, row: KindInfo, entity_id: str) -> Page:
    """One entity's page (its kind's row names the template and the address)."""
    assert row.page is not None
    title, context = ENTITY_PAGES[row.kind](sources, entity_id)
    feeds = sources.git.changelog is not None
    feed = feed_path(row.kind, entity_id) if feeds and has_feed(row.kind) else None
    return Page(row.page_path(entity_id), row.page, title, context, feed=feed, dated=False)
