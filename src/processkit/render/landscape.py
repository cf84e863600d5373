"""The landscape (processkarta): every active process on one page.

Management processes in a band on top, core processes in the middle grouped by delivery area
(areas in their configured order), support processes in a band below. Processes sit in a grid
of equal columns and read left to right from the citizen's need to the need met: along the
hand-overs between them, a parent where its first sub-process starts. Sub-processes are counted
on their parent; ``area=`` draws one area, each parent's sub-processes in a box of their own
below it, down to ``NESTED_LEVELS`` levels (deeper ones are counted on their parent).

Graphviz keeps the order of a row only among nodes of one box, so every row lives in one box.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import get_args

from processkit.domain.lookup import require
from processkit.domain.structure import NESTED_LEVELS, handovers, sorted_areas
from processkit.loading.repository import Repository
from processkit.model import Process
from processkit.model.kinds import Language
from processkit.model.types import ProcessType
from processkit.render import style
from processkit.render.common import (
    active_processes,
    caption,
    flow_order,
    html_lines,
    plain,
    process_desc,
    process_label,
    rows,
    status_notes,
    svg_id,
)
from processkit.render.dot import Cluster, Edge, Graph, Html, Node, html_text
from processkit.render.job import Links, MapJob, NodeInfo
from processkit.render.legend import add_legend
from processkit.render.texts import Texts, landscape_desc, texts_for

PER_ROW = 6  # processes side by side before a row wraps
BAND_TYPES: tuple[str, ...] = get_args(ProcessType)
COLUMN_WIDTH = 2.1  # inches: every process node is at least this wide, so columns line up
NAME_WIDTH = 20  # characters per line of a name: most names then fit the column's width
NODESEP = 0.3


@dataclass(slots=True)
class _Landscape:
    repo: Repository
    name: str
    links: Links
    texts: Texts
    language: Language
    shown: dict[str, Process]
    breakdown: bool  # sub-processes drawn below their parent (one area), or only counted
    #: each process's tooltip put in after drawing (``NodeInfo.tooltip``), Graphviz given its
    #: id: a new purpose then changes the texts, not the drawing (the site keeps drawings)
    tooltips_after: bool = False
    #: only the elements' texts are wanted (``MapJob.nodes``), not the DOT text: the site has
    #: the drawing already (``landscape_dot``'s ``words_only``)
    words_only: bool = False
    columns: int = 1
    children: dict[str, list[str]] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)  # reading order of every process
    start: dict[str, int] = field(default_factory=dict)  # the earliest position of its tree
    infos: list[NodeInfo] = field(default_factory=list)
    row_heads: list[str] = field(default_factory=list)
    arrows: list[tuple[int, str]] = field(default_factory=list)  # (rows above it, node)
    row_order: list[tuple[str, str]] = field(default_factory=list)
    #: rows of processes (a box and its processes) and reading arrows (a box and None), drawn
    #: once the width of the grid is known
    planned: list[tuple[Cluster, list[str] | None]] = field(default_factory=list)

    def top_level(self, process: Process) -> bool:
        return process.parent is None or process.parent not in self.shown

    def find_starts(self) -> None:
        """Where the flow of each process drawn starts: the earliest of it and everything
        below it in the order of hand-overs. One pass from the sub-processes up, without
        recursion, so that a parent chain thousands deep costs no more than a wide tree."""
        below_first: list[str] = []  # every process before its sub-processes
        stack = [pid for pid, process in self.shown.items() if self.top_level(process)]
        while stack:
            pid = stack.pop()
            below_first.append(pid)
            stack += self.children.get(pid, [])
        for pid in reversed(below_first):
            kids = self.children.get(pid, [])
            self.start[pid] = min([self.position[pid], *(self.start[kid] for kid in kids)])

    def reading_order(self, pids: list[str]) -> list[str]:
        """Processes ordered by where their flow starts, so a parent sits where its first
        step is."""
        return sorted(pids, key=lambda p: (self.start[p], p))

    def plan_rows(self, box: Cluster, pids: list[str]) -> None:
        self.planned += [(box, row) for row in rows(self.reading_order(pids), PER_ROW)]

    def plan_breakdowns(self, band: Cluster, pids: list[str]) -> None:
        """Below the rows of ``pids``: for each with sub-processes, in reading order and then
        level by level, a box holding its sub-processes; ``NESTED_LEVELS`` levels in all, the
        sub-processes of the last level counted on their parent, as on the whole landscape."""
        level = self.reading_order(pids)
        for _ in range(NESTED_LEVELS - 1):
            following: list[str] = []
            for parent in level:
                kids = self.reading_order(self.children.get(parent, []))
                if kids:
                    self.plan_rows(self.parent_box(band, self.shown[parent]), kids)
                    following += kids
            level = following

    def parent_box(self, band: Cluster, parent: Process) -> Cluster:
        ident = svg_id(self.name, "parent", parent.id)
        box = Cluster(f"cluster_parent_{parent.id}", attrs=style.area_cluster())
        label = f"<B>{html_text(parent.name)}</B>"
        notes = status_notes(parent, self.texts, self.language)
        label += " " + caption(" · ".join([self.texts.sub_processes_of, *notes]))
        desc = self.desc(parent)
        box.attrs.update(label=Html(label), id=ident, tooltip=self.tooltip(ident, desc))
        if link := self.links.for_process(parent.id):
            box.attrs.update(URL=link, target="_top")
        self.infos.append(self.info(ident, parent.name, desc))
        band.clusters.append(box)
        return box

    def plan_arrow(self, band: Cluster) -> None:
        self.planned.append((band, None))

    def draw(self) -> None:
        """Draw what was planned, in a grid as wide as the widest row."""
        self.columns = max([len(pids) for _, pids in self.planned if pids] + [1])
        for box, pids in self.planned:
            if pids is None:
                self.reading_arrow(box)
            else:
                self.add_row(box, pids)

    def add_row(self, box: Cluster, pids: list[str]) -> None:
        box.nodes += [self.process_node(self.shown[pid]) for pid in pids]
        names = list(pids)
        for _ in range(self.columns - len(pids)):  # pad, so every box is the grid's width
            filler = f"filler:{len(self.row_heads)}:{len(names)}"
            box.nodes.append(Node(filler, {"style": "invis", "width": str(COLUMN_WIDTH)}))
            names.append(filler)
        box.same_rank.append(names)
        self.row_order += itertools.pairwise(names)
        self.row_heads.append(names[0])

    def process_node(self, process: Process) -> Node:
        if self.words_only:  # the texts, in the same order, without the node's looks
            ident = svg_id(self.name, "p", process.id)
            self.infos.append(self.info(ident, process.name, self.desc(process)))
            return Node(process.id)
        notes = status_notes(process, self.texts, self.language)
        counted = len(self.children.get(process.id, []))
        if counted:
            sub = self.texts.sub_processes_one if counted == 1 else self.texts.sub_processes_many
            notes.append(sub.format(n=counted))
        ident = svg_id(self.name, "p", process.id)
        desc = self.desc(process)
        attrs = style.process_node(process.type, process.status)
        attrs.update(
            label=process_label(process, notes, NAME_WIDTH),
            id=ident,
            tooltip=self.tooltip(ident, desc),
            width=str(COLUMN_WIDTH),
            height="0.66",
            margin="0.25,0.15" if process.type == "core" else "0.14,0.15",
        )
        if process.type == "support":  # its double border is drawn outside the width
            attrs["width"] = f"{COLUMN_WIDTH - 0.11:.2f}"
        if link := self.links.for_process(process.id):
            attrs["URL"] = link
        self.infos.append(self.info(ident, process.name, desc))
        return Node(process.id, attrs)

    def desc(self, process: Process) -> str:
        return process_desc(self.repo, process, self.texts, self.language)

    def tooltip(self, ident: str, desc: str) -> str:
        """What Graphviz is given as a process's tooltip: its description, or its id where
        the description is put in after drawing."""
        return plain(ident if self.tooltips_after else desc)

    def info(self, ident: str, title: str, desc: str) -> NodeInfo:
        return _info(ident, title, desc, tooltips_after=self.tooltips_after)

    def reading_arrow(self, band: Cluster) -> None:
        """A wide arrow over the core processes: from the need (left) to the need met."""
        width = self.columns * COLUMN_WIDTH + (self.columns - 1) * NODESEP
        half = (int(width * 72) - 48) // 2
        label = (
            '<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR>'
            f'<TD ALIGN="LEFT" WIDTH="{half}"><B>{html_text(self.texts.need)}</B></TD>'
            f'<TD ALIGN="RIGHT" WIDTH="{half}"><B>{html_text(self.texts.need_met)}</B></TD>'
            "</TR></TABLE>"
        )
        ident = svg_id(self.name, "reading")
        words = f"{self.texts.need} → {self.texts.need_met}"
        box = Cluster("cluster_reading", attrs=style.plain_box())  # indented like the rows
        box.attrs["id"] = svg_id(self.name, "reading", "box")  # its own: see dot.Cluster
        band.clusters.insert(0, box)
        box.nodes.append(
            Node(
                "reading",
                {
                    "shape": "cds",
                    "style": "filled",
                    "fillcolor": style.READING_FILL,
                    "color": style.READING_BORDER,
                    "label": Html(label),
                    "width": f"{width:.2f}",
                    "height": "0.36",
                    "margin": "0.1,0.02",
                    "fontsize": "11",
                    "id": ident,
                    "tooltip": words,
                },
            )
        )
        self.infos.append(NodeInfo(ident, words, self.texts.core_reading))
        self.arrows.append((len(self.row_heads), "reading"))

    def stacking(self) -> list[Edge]:
        """Invisible edges that stack the rows top to bottom, left-aligned: heavy edges between
        the west sides of the first element of each row (a reading arrow is a row of its own),
        and the edges that keep each row in reading order."""
        heads = list(self.row_heads)
        for index, arrow in sorted(self.arrows, reverse=True):
            heads.insert(index, arrow)
        align = {"style": "invis", "weight": "10", "tailport": "w", "headport": "w"}
        edges = [Edge(upper, lower, dict(align)) for upper, lower in itertools.pairwise(heads)]
        edges += [Edge(left, right, {"style": "invis"}) for left, right in self.row_order]
        return edges


def landscape_name(area: str | None) -> str:
    """The name (the SVG's id, the file's stem) of the landscape of ``area``, or of the whole
    repository."""
    return f"landscape-{area}" if area is not None else "landscape"


def _info(ident: str, title: str, desc: str, *, tooltips_after: bool) -> NodeInfo:
    """A process's texts in a landscape (its node, or the box of its sub-processes)."""
    return NodeInfo(ident, title, desc, tooltip=desc if tooltips_after else None)


def process_words(
    repo: Repository, process_ids: Iterable[str], *, area: str | None = None
) -> list[NodeInfo]:
    """What ``landscape_dot`` with ``tooltips_after`` says of each process of ``process_ids``
    in the landscape of ``area`` (or of the whole repository): the texts of its node and of
    the box of its sub-processes, each of which the map may not have (a sub-process is
    counted on its parent, not drawn; only a parent drawn with its sub-processes has a box)."""
    language = repo.config.site.language
    texts = texts_for(language)
    name = landscape_name(area)
    infos = []
    for process_id in process_ids:
        process = repo.processes[process_id].entity
        desc = process_desc(repo, process, texts, language)
        for part in ("p", "parent"):
            ident = svg_id(name, part, process.id)
            infos.append(_info(ident, process.name, desc, tooltips_after=True))
    return infos


def landscape_dot(
    repo: Repository,
    *,
    area: str | None = None,
    link: Links | None = None,
    legend: bool = True,
    passes: Mapping[tuple[str, str], str | None] | None = None,
    tooltips_after: bool = False,
    words_only: bool = False,
    active: Mapping[str, Process] | None = None,
) -> MapJob:
    """The landscape of the whole repository, or of one ``area`` with its sub-processes; with
    ``tooltips_after``, the processes' tooltips are put in after drawing (``NodeInfo``). With
    ``words_only`` the map's DOT text is left empty: the job carries only its title,
    description and elements' texts, for a drawing kept from before (at 5,000 processes the
    whole landscape's DOT text takes a fifth of a second). ``active`` holds the active
    processes to draw from, worked out beforehand (``MapBuilder``): all of them, or at least
    those of ``area``."""
    language = repo.config.site.language
    texts = texts_for(language)
    active = active_processes(repo) if active is None else active
    name = landscape_name(area)
    if area is not None:
        require(repo, "area", area, option="--area")
        shown = {pid: p for pid, p in active.items() if p.area == area}
        title = texts.landscape_title.format(organisation=repo.areas[area].entity.name)
    else:
        shown = dict(active)
        title = texts.landscape_title.format(organisation=repo.config.organisation)

    graph = Graph(name, attrs=style.graph_defaults("TB"))
    graph.attrs.update(
        label=plain(title), id=name, fontsize="20", ranksep="0.35", nodesep=str(NODESEP)
    )
    graph.node_defaults.update(style.node_defaults())
    graph.edge_defaults.update(style.edge_defaults())
    land = _Landscape(
        repo,
        name,
        link if link is not None else Links(),
        texts,
        language,
        shown,
        breakdown=area is not None,
        tooltips_after=tooltips_after,
        words_only=words_only,
    )
    for pid, process in shown.items():
        if not land.top_level(process):
            land.children.setdefault(process.parent or "", []).append(pid)
    passes = handovers(repo) if passes is None else passes
    land.position = {pid: i for i, pid in enumerate(flow_order(shown, passes))}
    land.find_starts()
    tops = [pid for pid, p in shown.items() if land.top_level(p)]
    area_rank = {area_id: index for index, area_id in enumerate(sorted_areas(repo))}

    def by_area(members: list[str]) -> list[tuple[str, list[str]]]:
        groups: dict[str, list[str]] = {}
        for pid in members:
            groups.setdefault(shown[pid].area, []).append(pid)
        order = sorted(groups, key=lambda a: (area_rank.get(a, len(area_rank)), a))
        return [(area_id, groups[area_id]) for area_id in order]

    words = {
        "management": texts.management_band,
        "core": texts.core_band,
        "support": texts.support_band,
    }
    for band_type in BAND_TYPES:
        members = [pid for pid in tops if shown[pid].type == band_type]
        if not members:
            continue
        band = Cluster(f"cluster_band_{band_type}", attrs=style.band_cluster(band_type))
        band_id = svg_id(name, "band", band_type)
        band.attrs.update(label=Html(f"<B>{html_text(words[band_type])}</B>"), id=band_id)
        land.infos.append(NodeInfo(band_id, words[band_type], ""))
        if band_type == "core":
            land.plan_arrow(band)
        if band_type == "core" and area is None:
            for area_id, pids in by_area(members):
                record = repo.areas.get(area_id)
                area_name = record.entity.name if record else area_id
                box = Cluster(f"cluster_area_{area_id}", attrs=style.area_cluster())
                box_id = svg_id(name, "area", area_id)
                box.attrs.update(label=Html(f"<B>{html_lines([area_name])}</B>"), id=box_id)
                customers = (record.entity.customers if record else None) or ""
                land.infos.append(NodeInfo(box_id, area_name, customers))
                band.clusters.append(box)
                land.plan_rows(box, pids)
        else:
            # an unseen box, so that these rows line up with the rows in boxes
            box = Cluster(f"cluster_rows_{band_type}", attrs=style.plain_box())
            box.attrs["id"] = svg_id(name, "rows", band_type)
            band.clusters.append(box)
            land.plan_rows(box, [pid for _, pids in by_area(members) for pid in pids])
            if land.breakdown:
                land.plan_breakdowns(band, members)
        graph.clusters.append(band)
    land.draw()

    if legend:
        land.row_heads.append(add_legend(graph, name, texts, "landscape", land.infos))
    desc = landscape_desc(language, len(shown))
    if words_only:
        return MapJob(name, "", title, desc, tuple(land.infos))
    graph.edges += land.stacking()
    return MapJob(name, graph.to_dot(), title, desc, tuple(land.infos))
