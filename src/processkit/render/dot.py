"""A small, deterministic DOT writer.

Graphs are built as data (nodes, clusters, edges, same-rank groups) and written in one canonical
form: attributes sorted by name, every id and value quoted, one statement per line. The order of
nodes, clusters and edges is the order the map builder gives (which it derives from the data,
never from a hash or a clock), because Graphviz lays a graph out from its input order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from processkit.codepoints import printable


class Html(str):
    """An HTML-like Graphviz label, written between ``<`` and ``>`` instead of quotes."""

    __slots__ = ()


Attrs = Mapping[str, str]


@lru_cache(maxsize=1 << 16, typed=True)  # typed: an Html label is not quoted as the str
def quote(value: str) -> str:
    """A DOT quoted string; ``\\n``/``\\l`` line breaks written by the builders stay escapes.

    Characters Graphviz and SVG cannot hold are left out, and a backslash at the end is doubled
    (``"C:\\"`` would escape the closing quote). Remembered: a map repeats its attribute values
    (colours, fonts, shapes) hundreds of times."""
    text = printable(value)
    if isinstance(value, Html):
        return f"<{text}>"
    escaped = text.replace('"', '\\"')
    if (len(escaped) - len(escaped.rstrip("\\"))) % 2:
        escaped += "\\"
    return f'"{escaped}"'


def html_text(text: str) -> str:
    """Text made safe inside an HTML-like label."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def attr_list(attrs: Attrs) -> str:
    if not attrs:
        return ""
    return " [" + ", ".join(f"{key}={quote(attrs[key])}" for key in sorted(attrs)) + "]"


@dataclass(slots=True)
class Node:
    name: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Edge:
    tail: str
    head: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Cluster:
    """A subgraph; named ``cluster_…`` it is drawn as a box (a band, an area, a lane).

    Graphviz gives a subgraph every attribute value of the graph around it that it does not
    set itself, ``id`` included: a box inside a band would carry the band's id, and the SVG
    would hold that id twice. So every cluster is written with an ``id`` of its own (the
    graph's name and the cluster's, when the builder gives none)."""

    name: str
    attrs: dict[str, str] = field(default_factory=dict)
    nodes: list[Node] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    same_rank: list[list[str]] = field(default_factory=list)


@dataclass(slots=True)
class Graph(Cluster):
    """The whole digraph: a top-level cluster with defaults, edges and same-rank groups."""

    node_defaults: dict[str, str] = field(default_factory=dict)
    edge_defaults: dict[str, str] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def to_dot(self) -> str:
        lines = [f"digraph {quote(self.name)} {{"]
        lines += [f"  {key}={quote(self.attrs[key])};" for key in sorted(self.attrs)]
        if self.node_defaults:
            lines.append(f"  node{attr_list(self.node_defaults)};")
        if self.edge_defaults:
            lines.append(f"  edge{attr_list(self.edge_defaults)};")
        _write_body(self, lines, "  ", self.name)
        lines += [f"  {quote(e.tail)} -> {quote(e.head)}{attr_list(e.attrs)};" for e in self.edges]
        lines.append("}")
        return "\n".join(lines) + "\n"


def _write_body(container: Cluster, lines: list[str], indent: str, graph_name: str) -> None:
    for cluster in container.clusters:
        lines.append(f"{indent}subgraph {quote(cluster.name)} {{")
        inner = indent + "  "
        attrs = {"id": f"{graph_name}--{cluster.name}", **cluster.attrs}
        lines += [f"{inner}{key}={quote(attrs[key])};" for key in sorted(attrs)]
        _write_body(cluster, lines, inner, graph_name)
        lines.append(f"{indent}}}")
    lines += [f"{indent}{quote(n.name)}{attr_list(n.attrs)};" for n in container.nodes]
    for group in container.same_rank:
        members = " ".join(f"{quote(name)};" for name in group)
        lines.append(f"{indent}{{ rank=same; {members} }}")
