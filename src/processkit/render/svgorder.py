"""Graphviz's clusters put back into the order of the DOT text.

Graphviz (2.43, and current releases alike) keeps a graph's subgraphs ordered by an internal id,
and the id of a named subgraph is the memory address of its interned name. In a ``dot`` process
that has already drawn other graphs, those addresses depend on what the earlier graphs left on
the heap (and, where Graphviz measures text with Pango, on its font loading, which runs in a
thread of its own): the same input then lists the same clusters in a different order from one
run to the next. For a map placed by processkit (``neato -n2``: every position is in the DOT
text) that order changes nothing but the order the cluster elements are written in, so it is
put right here: the cluster elements are written in the order their subgraphs stand in the DOT
text (parents before the boxes inside them, as Graphviz writes them). Maps that Graphviz lays
out itself are not batched at all (see ``renderer``), because there the order can reach the
layout. (Bump ``svg.VERSION`` when this changes: it keys the cached SVG.)
"""

from __future__ import annotations

import re
from html import unescape

_SUBGRAPH = re.compile(r'^\s*subgraph "((?:[^"\\]|\\.)*)" \{$', re.MULTILINE)
_CLUSTER_START = re.compile(r'<g id="[^"]*" class="cluster"[^>]*>\n')
_TITLE = re.compile(r"<title>([^<]*)</title>")
_OPEN = re.compile(r"<g[\s>]")


def dot_order(dot: str) -> dict[str, int]:
    """The named subgraphs of ``dot`` (as written by ``render.dot``), by their place in it."""
    names = [found.replace('\\"', '"') for found in subgraph_names(dot)]
    return {name: index for index, name in enumerate(names)}


def subgraph_names(dot: str) -> list[str]:
    """``_SUBGRAPH.findall(dot)``, without trying the pattern at every line of the text: it is
    tried from the start of the line of each ``subgraph "`` (a match holds only blanks before
    it on its line, so none starts between the end of the last one and that line)."""
    names: list[str] = []
    at = 0
    while (word := dot.find('subgraph "', at)) >= 0:
        found = _SUBGRAPH.search(dot, max(at, dot.rfind("\n", 0, word) + 1))
        if found is None:
            break
        names.append(found[1])
        at = found.end()
    return names


def clusters_in_dot_order(svg: str, dot: str) -> str:
    """``svg`` (one document drawn by Graphviz from ``dot``) with its cluster elements in the
    order of the DOT text. A document whose clusters cannot all be told apart is returned as
    it is."""
    first = _CLUSTER_START.search(svg)
    if first is None:
        return svg
    start = first.start()
    if start > 0 and svg[start - 1] != "\n":
        return svg
    lines = svg[start:].splitlines(keepends=True)
    blocks: list[tuple[str, str]] = []  # (cluster name, its lines)
    index = 0
    while index < len(lines) and _CLUSTER_START.fullmatch(lines[index]):
        end, depth = index, 0
        while end < len(lines):
            line = lines[end]
            if "<g" in line:  # most lines open nothing: not searched
                depth += len(_OPEN.findall(line))
            depth -= line.count("</g>")
            end += 1
            if depth <= 0:
                break
        if depth != 0 or index + 1 >= end:
            return svg
        title = _TITLE.match(lines[index + 1])
        if title is None:
            return svg
        blocks.append((unescape(title[1]), "".join(lines[index:end])))
        index = end
    order = dot_order(dot)
    names = [name for name, _ in blocks]
    if len(set(names)) != len(names) or not all(name in order for name in names):
        return svg
    ordered = sorted(blocks, key=lambda block: order[block[0]])
    return svg[:start] + "".join(text for _, text in ordered) + "".join(lines[index:])
