"""Gathering the site's pages: every page with its address, template and typed context."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from processkit.domain.facts import Facts
from processkit.domain.flow import flow_map_drawn
from processkit.domain.structure import is_active, sorted_areas
from processkit.loading.repository import Repository
from processkit.site import links
from processkit.site.accessibility_page import accessibility_page
from processkit.site.contexts import MapFigure, Page, PlainPage, SearchPage
from processkit.site.counts import AreaCount
from processkit.site.history import History
from processkit.site.i18n import Catalogue
from processkit.site.maps import MapRequest
from processkit.site.other_pages import (
    area_page,
    changes_page,
    handbook_page,
    handbooks_page,
    owners_page,
    role_page,
    roles_page,
    start_page,
)
from processkit.site.process_page import process_page
from processkit.site.search import plan
from processkit.site.weekly_pages import GitLinks, maturity_page, proposals_page

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


def collect(
    repo: Repository,
    facts: Facts,
    history: History,
    maps: Mapping[str, MapFigure],
    counts: Sequence[AreaCount],
    texts: Catalogue,
    git: GitLinks | None = None,
) -> Iterator[Page]:
    """Every page of the site, in a fixed order (the search page last but the 404 page: it
    lists the search bundles of the pages before it)."""
    indexed: list[str] = []
    for page in _pages(repo, facts, history, maps, counts, texts, git or GitLinks()):
        if page.indexed:
            indexed.append(page.path)
        yield page
    shards = plan(sorted(indexed))
    search = SearchPage([shard.bundle for shard in shards], [])
    yield Page("search.html", "search.html", texts("search.heading"), search, indexed=False)
    yield Page("404.html", "404.html", texts("notfound.heading"), PlainPage([]), indexed=False)


def _pages(
    repo: Repository,
    facts: Facts,
    history: History,
    maps: Mapping[str, MapFigure],
    counts: Sequence[AreaCount],
    texts: Catalogue,
    git: GitLinks,
) -> Iterator[Page]:
    config = repo.config
    yield Page(
        "index.html",
        "start.html",
        config.site.title,
        start_page(repo, counts, history, maps.get("landscape:")),
    )
    for area_id in sorted_areas(repo):
        area = area_page(repo, area_id, facts, maps.get(f"landscape:{area_id}"))
        yield Page(links.area_path(area_id), "area.html", area.name, area)
    for process_id, record in sorted(repo.processes.items()):
        process = process_page(repo, record, facts, history, maps.get(f"process:{process_id}"))
        yield Page(links.process_path(process_id), "process.html", process.name, process)
    for role_id, role in sorted(repo.roles.items()):
        edit = links.fill(config.site.edit_url, path=role.path)
        page = role_page(repo, role, facts, history, edit)
        yield Page(links.role_path(role_id), "role.html", page.name, page)
    for handbook_id, handbook in sorted(repo.handbooks.items()):
        edit = links.fill(config.site.edit_url, path=handbook.path)
        book = handbook_page(repo, handbook, facts, history, edit)
        yield Page(links.handbook_path(handbook_id), "handbook.html", book.title, book)
    yield Page("roles.html", "roles.html", texts("roles.heading"), roles_page(repo))
    yield Page("owners.html", "owners.html", texts("owners.heading"), owners_page(repo, facts))
    yield Page("handbooks.html", "handbooks.html", texts("handbooks.heading"), handbooks_page(repo))
    maturity = maturity_page(repo, config.site.language)
    yield Page("maturity.html", "maturity.html", texts("maturity.heading"), maturity)
    proposals = proposals_page(repo, facts.today, git)
    yield Page("proposals.html", "proposals.html", texts("proposals.heading"), proposals)
    changes = changes_page(repo, history, git.changelog)
    yield Page("changes.html", "changes.html", texts("changes.heading"), changes)
    yield Page(
        "accessibility.html",
        "accessibility.html",
        texts("nav.accessibility"),
        accessibility_page(config),
    )
