"""A small, deterministic DOT writer.

Graphs are built as data (nodes, clusters, edges, same-rank groups) and written in one canonical
form: attributes sorted by name, every id and value quoted, one statement per line. The order of
nodes, clusters and edges is the order the map builder gives (which it derives from the data,
never from a hash or a clock), because Graphviz lays a graph out from its input order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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


def _quote_clean(value: str) -> str:
    """``quote`` of a ``value`` known to hold no character ``printable`` leaves out."""
    if value.__class__ is str and '"' not in value and value[-1:] != "\\":
        return f'"{value}"'  # nearly every value
    if isinstance(value, Html):
        return f"<{value}>"
    if '"' in value:
        value = value.replace('"', '\\"')
    if value.endswith("\\") and (len(value) - len(value.rstrip("\\"))) % 2:
        value += "\\"
    return f'"{value}"'


def attr_list(attrs: Attrs, quoted: Callable[[str], str] = quote) -> str:
    if not attrs:
        return ""
    if quoted is _quote_clean:
        return " [" + _clean_pairs(attrs) + "]"
    return (
        " [" + ", ".join([f"{key}={quoted(value)}" for key, value in sorted(attrs.items())]) + "]"
    )


def _clean_pairs(attrs: Attrs) -> str:
    """``key=value`` of each of ``attrs`` by name, each value ``_quote_clean``: a plain text
    with no quote and no backslash at its end (nearly every value) written here, without a
    call per value (a map writes some 500 values)."""
    pairs = []
    for key, value in sorted(attrs.items()):
        if value.__class__ is str and '"' not in value and value[-1:] != "\\":
            pairs.append(f'{key}="{value}"')
        else:
            pairs.append(f"{key}={_quote_clean(value)}")
    return ", ".join(pairs)


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
        # Nearly always no text holds a character ``printable`` leaves out, so the graph is
        # first written without looking for them in each value; a text that holds one, found
        # in the whole (quoting neither adds nor drops one), has it written the careful way.
        text = self._write(_quote_clean)
        return text if printable(text) == text else self._write(quote)

    def _write(self, quoted: Callable[[str], str]) -> str:
        lines = [f"digraph {quoted(self.name)} {{"]
        lines += [f"  {key}={quoted(value)};" for key, value in sorted(self.attrs.items())]
        if self.node_defaults:
            lines.append(f"  node{attr_list(self.node_defaults, quoted)};")
        if self.edge_defaults:
            lines.append(f"  edge{attr_list(self.edge_defaults, quoted)};")
        _write_body(self, lines, "  ", self.name, quoted)
        lines += [
            f"  {quoted(e.tail)} -> {quoted(e.head)}{attr_list(e.attrs, quoted)};"
            for e in self.edges
        ]
        lines.append("}")
        return "\n".join(lines) + "\n"


def _write_body(
    container: Cluster,
    lines: list[str],
    indent: str,
    graph_name: str,
    quoted: Callable[[str], str],
) -> None:
    for cluster in container.clusters:
        lines.append(f"{indent}subgraph {quoted(cluster.name)} {{")
        inner = indent + "  "
        attrs = {"id": f"{graph_name}--{cluster.name}", **cluster.attrs}
        lines += [f"{inner}{key}={quoted(value)};" for key, value in sorted(attrs.items())]
        _write_body(cluster, lines, inner, graph_name, quoted)
        lines.append(f"{indent}}}")
    lines += [f"{indent}{quoted(n.name)}{attr_list(n.attrs, quoted)};" for n in container.nodes]
    for group in container.same_rank:
        members = " ".join(f"{quoted(name)};" for name in group)
        lines.append(f"{indent}{{ rank=same; {members} }}")
