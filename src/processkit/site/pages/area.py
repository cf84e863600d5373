"""An area's page: its processes by type, each as a tree, and the area's map."""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from processkit.domain.facts import Facts
from processkit.domain.structure import (
    NESTED_LEVELS,
    PROCESS_TYPES,
    is_active,
    tree_order,
)
from processkit.frozen import frozen
from processkit.loading.repository import Repository
from processkit.site import links
from processkit.site.contexts import Link, MapFigure, PersonRef
from processkit.site.intake import About, Suggestion, suggestions
from processkit.site.markdown import markdown


@frozen
class ProcessItem:
    """One process in an area's list of processes, which is a tree drawn as nested lists.

    The items come in tree order (a process, then its sub-processes), flat, so that no part
    of building or drawing the page recurses: ``opens`` says that the next item is this one's
    sub-process (a nested list starts inside this item), ``closes`` how many nested lists
    end after this item. Lists nest at most ``NESTED_LEVELS`` deep; ``under`` is the name of
    the parent of a sub-process listed less deep than it is (None for the others).
    """

    link: Link
    status: str
    overdue: bool
    under: str | None = None
    opens: bool = False
    closes: int = 0


@frozen
class TypeGroup:
    type: str
    processes: list[ProcessItem]


@frozen
class AreaPage:
    id: str
    name: str
    description: Markup
    customers: str | None
    unit: str | None
    owner: PersonRef | None
    groups: list[TypeGroup]
    retired: list[Link]
    landscape: MapFigure | None
    #: the ways to propose an improvement: e-mail, web form
    suggestions: list[Suggestion]
    breadcrumbs: list[Link]


SUB = "../"


def area_page(
    repo: Repository, area_id: str, facts: Facts, landscape: MapFigure | None
) -> AreaPage:
    area = repo.areas[area_id].entity
    records = [repo.processes[pid] for pid in facts.in_area.get(area_id, [])]
    active = {r.entity.id for r in records if is_active(r.entity)}
    groups = []
    for kind in PROCESS_TYPES:
        members = [
            pid for pid in tree_order(repo, active) if repo.processes[pid].entity.type == kind
        ]
        if members:
            groups.append(TypeGroup(kind, _forest(repo, members, facts)))
    retired = [
        Link(r.entity.name, SUB + links.process_path(r.entity.id))
        for r in records
        if not is_active(r.entity)
    ]
    return AreaPage(
        id=area.id,
        name=area.name,
        description=markdown(area.description, below=1),
        customers=area.customers,
        unit=area.unit,
        owner=links.person(repo, area.owner),
        groups=groups,
        retired=retired,
        landscape=landscape,
        suggestions=suggestions(repo.config, About(name=area.name, page=links.area_path(area.id))),
        breadcrumbs=[],
    )


def _forest(repo: Repository, ordered: list[str], facts: Facts) -> list[ProcessItem]:
    """The processes (already in tree order) as the items of nested lists: a sub-process
    under its parent when the parent is in the same list; below ``NESTED_LEVELS`` levels, at
    the last level, saying whose sub-process it is. No recursion, however deep the tree."""
    members = set(ordered)
    placed: set[str] = set()
    below: dict[str, list[str]] = defaultdict(list)
    tops: list[str] = []
    for process_id in ordered:
        parent = repo.processes[process_id].entity.parent
        if parent in members and parent in placed and parent != process_id:
            below[parent].append(process_id)
        else:
            tops.append(process_id)
        placed.add(process_id)
    walk: list[tuple[str, int]] = []  # (process, its level), depth first
    stack = [(process_id, 0) for process_id in reversed(tops)]
    while stack:
        process_id, level = stack.pop()
        walk.append((process_id, level))
        stack.extend((child, level + 1) for child in reversed(below.get(process_id, [])))
    deepest = NESTED_LEVELS - 1
    items: list[ProcessItem] = []
    for index, (process_id, level) in enumerate(walk):
        process = repo.processes[process_id].entity
        shown = min(level, deepest)
        following = min(walk[index + 1][1], deepest) if index + 1 < len(walk) else 0
        under = None
        if level > deepest and process.parent is not None:
            under = repo.processes[process.parent].entity.name
        items.append(
            ProcessItem(
                Link(process.name, SUB + links.process_path(process_id)),
                process.status,
                facts.overdue(process),
                under=under,
                opens=following > shown,
                closes=max(0, shown - following),
            )
        )
    return items
