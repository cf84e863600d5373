"""The interface graph: processes as nodes, hand-overs between them as edges.

An edge runs from the process that hands over to the one that receives, labelled with what
passes; an interface declared on both sides is one edge. The whole repository (active processes,
grouped by delivery area), one ``area`` (its processes, plus the processes outside it they hand
over to or receive from, drawn greyed), or the processes ``around`` one, up to ``depth`` hand-overs
away.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping

from processkit.domain.lookup import require
from processkit.domain.structure import handovers, sorted_areas
from processkit.loading.repository import Repository
from processkit.model import Process
from processkit.render import style
from processkit.render.common import (
    active_processes,
    plain,
    process_desc,
    process_label,
    status_notes,
    svg_id,
)
from processkit.render.dot import Cluster, Edge, Graph, Html, Node, html_text
from processkit.render.job import Links, MapJob, NodeInfo
from processkit.render.legend import add_legend
from processkit.render.texts import interfaces_desc, texts_for
from processkit.render.wrap import wrap

EDGE_LABEL_WIDTH = 24
EDGE_LABEL_LINES = 3


def _around(
    start: str, depth: int, passes: Mapping[tuple[str, str], str | None], active: set[str]
) -> set[str]:
    """The active processes at most ``depth`` hand-overs (either way) from ``start``."""
    neighbours: dict[str, set[str]] = {}
    for sender, receiver in passes:
        if sender in active and receiver in active:
            neighbours.setdefault(sender, set()).add(receiver)
            neighbours.setdefault(receiver, set()).add(sender)
    found = {start}
    queue = deque([(start, 0)])
    while queue:
        current, distance = queue.popleft()
        if distance == depth:
            continue
        for other in sorted(neighbours.get(current, ())):
            if other not in found:
                found.add(other)
                queue.append((other, distance + 1))
    return found


def interfaces_dot(
    repo: Repository,
    *,
    area: str | None = None,
    around: str | None = None,
    depth: int = 1,
    link: Links | None = None,
    legend: bool = True,
    passes: Mapping[tuple[str, str], str | None] | None = None,
    active: Mapping[str, Process] | None = None,
) -> MapJob:
    """The hand-overs of the whole repository, of one ``area``, or ``around`` one process;
    ``active``, the active processes, where they are worked out beforehand (``MapBuilder``)."""
    links = link if link is not None else Links()
    language = repo.config.site.language
    texts = texts_for(language)
    active = active_processes(repo) if active is None else active
    passes = handovers(repo) if passes is None else passes
    outside: set[str] = set()
    if around is not None:
        require(repo, "process", around, option="--around")
        if depth < 0:
            raise ValueError("depth must be 0 or more")
        shown = _around(around, depth, passes, set(active) | {around})
        name = f"interfaces-around-{around}"
        scope = texts.around_title.format(name=repo.processes[around].entity.name)
    elif area is not None:
        require(repo, "area", area, option="--area")
        inside = {pid for pid, p in active.items() if p.area == area}
        outside = {
            other
            for sender, receiver in passes
            for other in (sender, receiver)
            if (sender in inside or receiver in inside) and other not in inside and other in active
        }
        shown = inside | outside
        name = f"interfaces-{area}"
        scope = repo.areas[area].entity.name
    else:
        shown = set(active)
        name = "interfaces"
        scope = repo.config.organisation
    title = texts.interfaces_title.format(scope=scope)
    processes = {pid: repo.processes[pid].entity for pid in sorted(shown)}

    graph = Graph(name, attrs=style.graph_defaults("LR"))
    graph.attrs.update(label=plain(title), id=name, fontsize="20", ranksep="0.9", nodesep="0.25")
    graph.node_defaults.update(style.node_defaults())
    graph.edge_defaults.update(style.edge_defaults())
    infos: list[NodeInfo] = []

    def node(process: Process) -> Node:
        is_outside = process.id in outside
        ident = svg_id(name, "p", process.id)
        desc = process_desc(repo, process, texts, language)
        notes = status_notes(process, texts, language)
        attrs = style.process_node(process.type, process.status, outside=is_outside)
        attrs.update(label=process_label(process, notes), id=ident, tooltip=plain(desc))
        if process.type == "core":
            attrs["margin"] = style.CORE_MARGIN
        if link_to := links.for_process(process.id):
            attrs["URL"] = link_to
        infos.append(NodeInfo(ident, process.name, desc))
        return Node(process.id, attrs)

    area_rank = {area_id: index for index, area_id in enumerate(sorted_areas(repo))}
    groups: dict[str, list[Process]] = {}
    for process in processes.values():
        group = "" if process.id in outside else process.area
        groups.setdefault(group, []).append(process)
    for group in sorted(groups, key=lambda a: (a == "", area_rank.get(a, len(area_rank)), a)):
        members = [node(p) for p in groups[group]]
        if group == "" or (area is not None and around is None):
            graph.nodes += members
            continue
        record = repo.areas.get(group)
        area_name = record.entity.name if record else group
        box_id = svg_id(name, "area", group)
        box = Cluster(f"cluster_area_{group}", attrs=style.area_cluster())
        box.attrs.update(label=Html(f"<B>{html_text(area_name)}</B>"), id=box_id)
        box.nodes += members
        infos.append(NodeInfo(box_id, area_name, (record.entity.customers or "") if record else ""))
        graph.clusters.append(box)

    edge_count = 0
    for (sender, receiver), what in passes.items():
        if sender not in processes or receiver not in processes:
            continue
        if sender in outside and receiver in outside:
            continue
        ident = svg_id(name, "e", sender, receiver)
        words = f"{processes[sender].name} → {processes[receiver].name}"
        attrs = {**style.handover_edge(), "id": ident, "tooltip": plain(f"{words}: {what or '-'}")}
        if what:
            lines = wrap(what, EDGE_LABEL_WIDTH, max_lines=EDGE_LABEL_LINES)
            attrs["label"] = "\\n".join(plain(line) for line in lines)
        graph.edges.append(Edge(sender, receiver, attrs))
        infos.append(NodeInfo(ident, words, what or ""))
        edge_count += 1

    if legend:
        add_legend(graph, name, texts, "interfaces", infos, outside=bool(outside))
    desc = interfaces_desc(language, len(processes), edge_count)
    return MapJob(name, graph.to_dot(), title, desc, tuple(infos))
