"""A process flow: the activities of one process in swimlanes, one lane per performing role.

Read left to right: a start event labelled with the need, the activities along ``next``, an
end event labelled with where the need is met. Lanes are in the order their role first acts in
the flow and all span the whole flow. Other processes that hand over to this one stand on the
left, those it hands over to on the right, each with what passes. An activity with routines
names them (or counts them) under its name. A flow wider than ``BAND_WIDTH`` is wrapped into
rows, each with its own lanes, joined by pairs of link events (``flowbands``).

The map is placed by ``flowlayout`` (and ``flowbands``) and drawn by Graphviz with fixed
positions (``neato -n2``), so the DOT text holds a ``pos`` for every node and a ``bb`` for every
lane.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from processkit.domain.flow import activity_order, flow_map_drawn
from processkit.domain.lookup import require
from processkit.domain.structure import handovers, is_active
from processkit.loading.repository import Repository
from processkit.model import Process
from processkit.model.kinds import Language
from processkit.model.process import Activity
from processkit.render import style
from processkit.render.common import (
    caption,
    html_lines,
    markdown_text,
    plain,
    process_desc,
    svg_id,
)
from processkit.render.dot import Cluster, Edge, Graph, Html, Node
from processkit.render.flowbands import BAND_WIDTH, LINK_SIZE, place_flow
from processkit.render.flowlayout import FlowLayout, FlowSizes, LinkEvent
from processkit.render.flowlist import list_dot
from processkit.render.flowroute import spline
from processkit.render.geometry import Box, Point, Rect
from processkit.render.job import FIXED_LAYOUT, Links, MapJob, NodeInfo
from processkit.render.legend import legend_cluster
from processkit.render.texts import Texts, flow_desc, texts_for
from processkit.render.wrap import wrap

NO_ROLE = ""  # the lane of activities without a performer
START, END = "start", "end"

LINE = 13.2  # points per line of 11 pt text (Graphviz spaces lines at 1.2 x the font size)
SMALL_LINE = 10.8  # points per line of a 9 pt caption
CHAR = 0.56  # average character width of Helvetica, in ems (an estimate that errs wide)


@dataclass(slots=True)
class _Element:
    """A node to be placed: its DOT name, attributes and size in points."""

    name: str
    attrs: dict[str, str]
    width: float
    height: float
    title: str


@dataclass(slots=True)
class _Flow:
    repo: Repository
    process: Process
    name: str
    links: Links
    texts: Texts
    language: Language
    infos: list[NodeInfo] = field(default_factory=list)

    def role_name(self, role_id: str) -> str:
        if role_id == NO_ROLE:
            return self.texts.no_performer
        record = self.repo.roles.get(role_id)
        return record.entity.name if record else role_id

    def handbook_title(self, handbook_id: str) -> str:
        record = self.repo.handbooks.get(handbook_id)
        return record.entity.title if record else handbook_id

    def lane(self, index: int, role_id: str, rect: Rect, band: int = 0) -> Cluster:
        """A role's lane in a band (row) of the flow: the first band's keep their old names."""
        again = (str(band + 1),) if band else ()
        ident = svg_id(self.name, "lane", role_id or "none", *again)
        name = self.role_name(role_id)
        attrs = style.lane_cluster(index)
        attrs.update(
            label=Html(f"<B>{html_lines([name])}</B>"),
            id=ident,
            tooltip=plain(name),
            bb=_bb(rect),
        )
        if role_id != NO_ROLE and (link := self.links.for_role(role_id)):
            attrs.update(URL=link, target="_top")
        self.infos.append(NodeInfo(ident, name, self.texts.lane_desc.format(name=name)))
        suffix = f"_{band + 1}" if band else ""
        return Cluster(f"cluster_lane_{role_id or 'none'}{suffix}", attrs=attrs)

    def activity(self, activity: Activity, names: dict[str, str]) -> _Element:
        lines = wrap(activity.name, style.NAME_WIDTH)
        label = html_lines(lines)
        titles = [self.handbook_title(h) for h in activity.documents]
        notes = []
        if len(titles) == 1:
            notes = wrap("▤ " + titles[0], 30, max_lines=2)
        elif titles:
            notes = ["▤ " + self.texts.routines_many.format(n=len(titles))]
        if notes:
            label += "<BR/>" + "<BR/>".join(caption(note) for note in notes)
        ident = svg_id(self.name, "act", activity.id)
        desc = self.activity_desc(activity, titles, names)
        attrs = style.activity_node()
        attrs.update(label=Html(label), id=ident, tooltip=plain(desc))
        if link := self.links.for_activity(self.process.id, activity.id):
            attrs["URL"] = link
        self.infos.append(NodeInfo(ident, activity.name, desc))
        height = max(44.0, 20 + len(lines) * LINE + len(notes) * SMALL_LINE)
        return _Element(f"act:{activity.id}", attrs, 0.0, height, activity.name)

    def activity_desc(self, activity: Activity, titles: list[str], names: dict[str, str]) -> str:
        texts = self.texts
        parts = [texts.activity_desc.format(role=self.role_name(activity.role or NO_ROLE))]
        if activity.accountable:
            parts.append(f"{texts.accountable}: {self.role_name(activity.accountable)}.")
        if titles:
            parts.append(f"{texts.routine}: {', '.join(titles)}.")
        if activity.description:
            parts.append(markdown_text(activity.description))
        following = [names[n] for n in activity.next if n in names]
        if following:
            continues = texts.flow_continues.format(names=", ".join(following))
            parts.append(continues[:1].upper() + continues[1:] + ".")
        return " ".join(parts)

    def event(self, key: str, word: str, text: str | None, attrs: dict[str, str]) -> _Element:
        # short texts in two lines keep an ellipse round; long ones wider, so not too tall
        lines = wrap(text, 20 if len(text) <= 60 else 26) if text else []
        label = caption(word) + ("<BR/>" + html_lines(lines) if lines else "")
        ident = svg_id(self.name, key)
        desc = f"{word}: {' '.join(lines)}" if lines else word
        attrs.update(label=Html(label), id=ident, tooltip=plain(desc))
        self.infos.append(NodeInfo(ident, word, desc))
        text_width = max([len(word) * 9, *(len(line) * 11 for line in lines)]) * CHAR
        text_height = SMALL_LINE + len(lines) * LINE
        # an ellipse around a text box is sqrt(2) times the box
        return _Element(key, attrs, text_width * 1.42 + 16, text_height * 1.42 + 10, word)

    def other_process(self, direction: str, other_id: str, what: str | None) -> _Element:
        other = self.repo.processes[other_id].entity
        ident = svg_id(self.name, direction, other_id)
        template = self.texts.receives_from if direction == "in" else self.texts.hands_over_to
        desc = template.format(name=other.name, what=what or "-")
        lines = wrap(other.name, style.NAME_WIDTH)
        label = "<BR/>".join(f"<B>{html_lines([line])}</B>" for line in lines)
        notes = wrap(what, 30, max_lines=style.DESC_LINES) if what else []
        if notes:
            label += "<BR/>" + "<BR/>".join(caption(note) for note in notes)
        attrs = style.interface_node(other.type)
        attrs.update(label=Html(label), id=ident, tooltip=plain(desc))
        if link := self.links.for_process(other_id):
            attrs["URL"] = link
        self.infos.append(NodeInfo(ident, other.name, desc))
        width = 170.0 if other.type == "core" else 156.0
        height = max(40.0, 18 + len(lines) * 12 + len(notes) * SMALL_LINE)
        return _Element(f"{direction}:{other_id}", attrs, width, height, other.name)


def process_dot(
    repo: Repository,
    process_id: str,
    *,
    link: Links | None = None,
    legend: bool = True,
    passes: Mapping[tuple[str, str], str | None] | None = None,
) -> MapJob:
    """The flow of one process in swimlanes, with its hand-overs to and from others; for a
    process too large to draw (``flow_map_drawn``), its activities as a list."""
    require(repo, "process", process_id)
    process = repo.processes[process_id].entity
    language = repo.config.site.language
    texts = texts_for(language)
    name = f"process-{process_id}"
    title = texts.flow_title.format(name=process.name)
    link_to = link if link is not None else Links()
    if not flow_map_drawn(process):
        return list_dot(repo, process, name, title, link_to, texts)
    flow = _Flow(repo, process, name, link_to, texts, language)

    by_id = {activity.id: activity for activity in process.activities}
    order = activity_order(process)
    names = {activity_id: by_id[activity_id].name for activity_id in order}
    lane_of = {activity_id: by_id[activity_id].role or NO_ROLE for activity_id in order}
    roles = list(dict.fromkeys(lane_of[activity_id] for activity_id in order))
    # a link written twice is drawn once
    following = {a: list(dict.fromkeys(n for n in by_id[a].next if n in by_id)) for a in order}
    acts = {a: flow.activity(by_id[a], names) for a in order}
    start = flow.event(START, texts.need, process.need or process.start, style.start_node())
    end = flow.event(END, texts.need_met, process.end, style.end_node())
    passes = handovers(repo) if passes is None else passes
    retired = {pid for pair in passes for pid in pair if not is_active(repo.processes[pid].entity)}
    passes = {pair: what for pair, what in passes.items() if not retired & set(pair) - {process_id}}
    inputs = [flow.other_process("in", s, w) for (s, r), w in passes.items() if r == process_id]
    outputs = [flow.other_process("out", r, w) for (s, r), w in passes.items() if s == process_id]
    samples = legend_cluster(name, texts, "flow", flow.infos) if legend else None

    act_names = [f"act:{a}" for a in order]
    links = [(START, act_names[0] if order else END)]
    links += [(f"act:{a}", f"act:{n}") for a in order for n in following[a]]
    links += [(f"act:{a}", END) for a in order if not following[a]]
    links += [(e.name, START) for e in inputs] + [(END, e.name) for e in outputs]
    link_words = max(len(texts.link_to.format(row=9)), len(texts.link_from.format(row=9)))
    layout = place_flow(
        FlowSizes(
            order=act_names,
            lane_of={f"act:{a}": lane_of[a] for a in order},
            lanes=roles,
            following={f"act:{a}": [f"act:{n}" for n in following[a]] for a in order},
            height_of={f"act:{a}": element.height for a, element in acts.items()},
            start=(START, start.width, start.height),
            end=(END, end.width, end.height),
            inputs=[(e.name, e.width, e.height) for e in inputs],
            outputs=[(e.name, e.width, e.height) for e in outputs],
            samples=_sample_sizes(samples) if samples else [],
            link_caption=(link_words * 9 * CHAR, SMALL_LINE),
            max_width=BAND_WIDTH,
        ),
        links,
    )
    placed = layout.flip()

    graph = Graph(name, attrs=style.graph_defaults("LR"))
    for unused in ("rankdir", "newrank", "nodesep", "ranksep", "compound"):  # dot's, not neato's
        del graph.attrs[unused]
    graph.attrs.update(label=plain(title), id=name)
    graph.node_defaults.update(style.node_defaults())
    graph.node_defaults["fixedsize"] = "false"
    graph.edge_defaults.update(style.edge_defaults())
    lanes = {
        (role, band): flow.lane(i, role, rect, band)
        for band, band_lanes in enumerate(placed.bands)
        for i, (role, rect) in enumerate(band_lanes.items())
    }
    for activity_id, element in acts.items():
        band = placed.band_of.get(element.name, 0)
        lanes[(lane_of[activity_id], band)].nodes.append(_node(element, placed.boxes[element.name]))
    graph.clusters += lanes.values()
    others = [start, end, *inputs, *outputs]
    graph.nodes += [_node(element, placed.boxes[element.name]) for element in others]
    titles = {e.name: e.title for e in [*acts.values(), start, end, *inputs, *outputs]}
    for event in placed.links:
        graph.nodes += _link_nodes(flow, event, placed, titles)
    if samples is not None and placed.legend is not None:
        samples.attrs["bb"] = _bb(placed.legend)
        for node, box in zip(samples.nodes, placed.samples, strict=True):
            node.attrs.update(_placement(box))
        graph.clusters.append(samples)
    handing = {(e.name, START) for e in inputs} | {(END, e.name) for e in outputs}
    for tail, head in placed.drawn:
        attrs = style.handover_edge() if (tail, head) in handing else style.flow_edge()
        ident = svg_id(name, "e", tail.replace(":", "-"), head.replace(":", "-"))
        attrs.update(id=ident, pos=_edge_pos(placed.edges[(tail, head)]))
        graph.edges.append(Edge(tail, head, attrs))
        flow.infos.append(NodeInfo(ident, f"{titles[tail]} → {titles[head]}", ""))

    desc = flow_desc(language, len(order), len(roles), process.need or "-", process.end or "-")
    desc += " " + process_desc(repo, process, texts, language)
    dot = "// Positions are fixed: draw with  neato -n2 -Tsvg\n" + graph.to_dot()
    return MapJob(name, dot, title, desc, tuple(flow.infos), layout=FIXED_LAYOUT)


def _link_nodes(
    flow: _Flow, link: LinkEvent, placed: FlowLayout, titles: dict[str, str]
) -> list[Node]:
    """A link event: its circle, marked with its letter, and the words under it; ``titles``
    gets the circle's accessible name, for the edges into and out of it."""
    texts = flow.texts
    row = link.other + 1
    words = (texts.link_to if link.throw else texts.link_from).format(row=row)
    names = ", ".join(titles[end] for end in link.ends)
    template = texts.link_to_desc if link.throw else texts.link_from_desc
    desc = template.format(row=row, letter=link.letter, names=names)
    direction = "out" if link.throw else "in"
    ident = svg_id(flow.name, "link", link.letter, direction, str(link.band + 1))
    titles[link.name] = f"{link.letter}: {words}"
    flow.infos.append(NodeInfo(ident, titles[link.name], desc))
    circle = style.link_node(throw=link.throw)
    circle.update(label=Html(f"<B>{html_lines([link.letter])}</B>"), id=ident, tooltip=plain(desc))
    circle.update(_placement(placed.boxes[link.name]), width=f"{LINK_SIZE / 72:.3f}")
    circle["height"] = circle["width"]
    caption_attrs = style.link_caption()
    caption_attrs.update(label=plain(words), id=ident + "--text")
    caption_attrs.update(_placement(placed.boxes[link.caption]))
    return [Node(link.name, circle), Node(link.caption, caption_attrs)]


def _edge_pos(points: list[Point]) -> str:
    tip, controls = spline(points)
    return f"e,{tip[0]:.1f},{tip[1]:.1f} " + " ".join([f"{x:.1f},{y:.1f}" for x, y in controls])


def _sample_sizes(samples: Cluster) -> list[tuple[float, float]]:
    sizes = {"start": 64.0, "activity": 84.0, "routine": 92.0, "end": 122.0, "other": 104.0}
    return [
        (sizes[node.name.split(":", 1)[1]], 40.0 if node.name != "legend:routine" else 44.0)
        for node in samples.nodes
    ]


def _placement(box: Box) -> dict[str, str]:
    return {
        "pos": f"{box.x:.1f},{box.y:.1f}",
        "width": f"{box.width / 72:.3f}",
        "height": f"{box.height / 72:.3f}",
    }


def _node(element: _Element, box: Box) -> Node:
    return Node(element.name, {**element.attrs, **_placement(box)})


def _bb(rect: Rect) -> str:
    return f"{rect.left:.1f},{rect.top:.1f},{rect.right:.1f},{rect.bottom:.1f}"
