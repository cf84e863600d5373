"""The start page (``index.html``): the areas as tiles, the landscape map, recent changes and
the handbooks."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from datetime import date

from markupsafe import Markup

from processkit.domain.structure import PROCESS_TYPES, is_active
from processkit.frozen import frozen
from processkit.loading.repository import Repository
from processkit.site import links
from processkit.site.contexts import Count, Link, MapFigure
from processkit.site.counts import AreaCount
from processkit.site.history import History
from processkit.site.markdown import markdown_phrasing
from processkit.site.pages.handbooks import sorted_handbooks


@frozen
class AreaTile:
    link: Link
    summary: Markup | None
    processes: int
    by_type: list[Count]


@frozen
class Recent:
    link: Link
    changed: date
    author: str


@frozen
class StartPage:
    areas: list[AreaTile]
    total: int
    landscape: MapFigure | None
    recent: list[Recent]
    handbooks: list[Link]
    more_handbooks: bool


#: How many recently changed processes and handbooks the start page lists.
START_RECENT = 8
START_HANDBOOKS = 10


def start_page(
    repo: Repository,
    counts: Sequence[AreaCount],
    history: History,
    landscape: MapFigure | None,
) -> StartPage:
    tiles = []
    for count in counts:
        area = repo.areas.get(count.id)
        summary = markdown_phrasing(area.entity.description) if area else None
        tiles.append(
            AreaTile(
                Link(count.name, links.area_path(count.id)),
                summary,
                count.processes,
                [Count(kind, count.by_type.get(kind, 0)) for kind in PROCESS_TYPES],
            )
        )
    changed = []
    for process_id, record in repo.processes.items():
        changes = history.of(record.path)
        if changes and is_active(record.entity):
            changed.append((changes[0].authored, process_id, changes[0].author))
    latest = heapq.nsmallest(
        START_RECENT, changed, key=lambda item: (-item[0].toordinal(), item[1])
    )
    recent = [
        Recent(Link(repo.processes[pid].entity.name, links.process_path(pid)), day, author)
        for day, pid, author in latest
    ]
    handbooks = sorted_handbooks(repo)
    return StartPage(
        areas=tiles,
        total=sum(count.processes for count in counts),
        landscape=landscape,
        recent=recent,
        handbooks=[
            Link(r.entity.title, links.handbook_path(r.entity.id))
            for r in handbooks[:START_HANDBOOKS]
        ],
        more_handbooks=len(handbooks) > START_HANDBOOKS,
    )
