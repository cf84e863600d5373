"""An area's page: its processes by type, each as a tree, and the area's map."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from processkit.domain.facts import Facts
from processkit.domain.structure import PROCESS_TYPES, is_active, processes_in, tree_order
from processkit.loading.repository import Repository
from processkit.site import links
from processkit.site.contexts import Link, MapFigure, PersonRef
from processkit.site.markdown import markdown


@dataclass(frozen=True, slots=True)
class ProcessNode:
    link: Link
    status: str
    overdue: bool
    children: list[ProcessNode] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TypeGroup:
    type: str
    processes: list[ProcessNode]


@dataclass(frozen=True, slots=True)
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
    breadcrumbs: list[Link]


SUB = "../"


def area_page(
    repo: Repository, area_id: str, facts: Facts, landscape: MapFigure | None
) -> AreaPage:
    area = repo.areas[area_id].entity
    records = processes_in(repo, area_id)
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
        breadcrumbs=[],
    )


def _forest(repo: Repository, ordered: list[str], facts: Facts) -> list[ProcessNode]:
    """The processes (already in tree order) as nested nodes: a sub-process under its parent
    when the parent is in the same list."""
    members = set(ordered)
    nodes: dict[str, ProcessNode] = {}
    top: list[ProcessNode] = []
    for process_id in ordered:
        process = repo.processes[process_id].entity
        node = ProcessNode(
            Link(process.name, SUB + links.process_path(process_id)),
            process.status,
            facts.overdue(process),
            [],
        )
        nodes[process_id] = node
        parent = process.parent
        if parent in members and parent in nodes and parent != process_id:
            nodes[parent].children.append(node)
        else:
            top.append(node)
    return top
