"""The legend: one sample of every kind of element a map draws, in a row of its own."""

from __future__ import annotations

from itertools import pairwise

from processkit.render import style
from processkit.render.common import caption, html_lines, svg_id
from processkit.render.dot import Cluster, Edge, Graph, Html, Node
from processkit.render.job import NodeInfo
from processkit.render.texts import Texts


def _samples(texts: Texts, kind: str, outside: bool) -> list[tuple[str, dict[str, str], str]]:
    """(key, attributes, words) of each sample, in reading order."""
    types = [
        ("management", style.process_node("management", "approved"), texts.management),
        ("core", style.process_node("core", "approved"), texts.core),
        ("support", style.process_node("support", "approved"), texts.support),
    ]
    if kind == "landscape":
        draft = texts.status_draft[:1].upper() + texts.status_draft[1:]
        return [*types, ("draft", style.process_node("core", "draft"), draft)]
    if kind == "interfaces":
        greyed = style.process_node("core", "approved", outside=True)
        return [*types, *([("outside", greyed, texts.outside_area)] if outside else [])]
    routine = f"{html_lines([texts.activity])}<BR/>{caption('▤ ' + texts.routine)}"
    return [
        ("start", style.start_node(), texts.need),
        ("activity", style.activity_node(), texts.activity),
        ("routine", {**style.activity_node(), "label": Html(routine)}, texts.activity_with_routine),
        ("end", style.end_node(), texts.need_met),
        ("other", style.interface_node("core"), texts.other_process),
    ]


def legend_cluster(
    map_name: str, texts: Texts, kind: str, infos: list[NodeInfo], *, outside: bool = False
) -> Cluster:
    """The legend of a ``kind`` of map (landscape, flow, interfaces) as a box of samples, each
    with its accessible name added to ``infos``."""
    box = Cluster("cluster_legend", attrs=style.legend_cluster())
    box_id = svg_id(map_name, "legend")
    box.attrs.update(label=texts.legend, id=box_id)
    infos.append(NodeInfo(box_id, texts.legend, ""))
    for key, attrs, word in _samples(texts, kind, outside):
        ident = svg_id(map_name, "legend", key)
        node_attrs = {**attrs, "id": ident, "fontsize": "10", "tooltip": word}
        node_attrs.setdefault("label", word)
        for size in ("width", "height"):
            node_attrs.pop(size, None)
        if kind != "flow":
            arrow = key in ("core", "draft", "outside")
            node_attrs["margin"] = style.CORE_MARGIN if arrow else "0.1,0.06"
        box.nodes.append(Node(f"legend:{key}", node_attrs))
        infos.append(NodeInfo(ident, word, f"{texts.legend}: {word}"))
    return box


def add_legend(
    graph: Graph,
    map_name: str,
    texts: Texts,
    kind: str,
    infos: list[NodeInfo],
    *,
    outside: bool = False,
) -> str:
    """Add the legend as a row of its own to a graph Graphviz lays out (``dot``); return the
    name of its first sample, so the caller can place the row. ``outside``: the map greys
    processes outside its area."""
    box = legend_cluster(map_name, texts, kind, infos, outside=outside)
    names = [node.name for node in box.nodes]
    if graph.attrs.get("rankdir") != "LR":  # left to right, a rank is a column: chain instead
        box.same_rank.append(names)
    graph.edges += [Edge(left, right, {"style": "invis"}) for left, right in pairwise(names)]
    graph.clusters.append(box)
    return names[0]
