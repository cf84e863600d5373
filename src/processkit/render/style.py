"""The one visual language of every map: colours, shapes, lines and fonts.

Colour is never the only carrier of meaning, so a map reads in greyscale and for colour-blind
readers: fills are light tints of the Okabe-Ito palette (distinguishable in the common forms of
colour blindness) at three different lightnesses, and each process type also has its own shape
and border — management a rounded box with a heavy border, core an arrow (``cds``), support a
square box with a double border. Status is written out in the label as well as drawn (a dashed
border for drafts).
"""

from __future__ import annotations

from typing import Final

FONT: Final = "Helvetica,Arial,sans-serif"
INK: Final = "#1a1a1a"  # text and borders: near black, high contrast on every fill
MUTED: Final = "#404040"  # captions and edge labels: 5.5:1 on the darkest fill, 10:1 on white

# Okabe-Ito: blue #0072B2, orange #E69F00, bluish green #009E73, as light tints of different
# lightness (relative luminance about 0.55, 0.80 and 0.68) so that greyscale keeps them apart.
TYPE_FILL: Final = {
    "management": "#8fbfe0",
    "core": "#f8d58c",
    "support": "#9fd9c4",
}
TYPE_SHAPE: Final = {
    "management": {"shape": "box", "style": "filled,rounded", "penwidth": "2.5"},
    "core": {"shape": "cds", "style": "filled", "penwidth": "1.2"},
    "support": {"shape": "box", "style": "filled", "penwidth": "1", "peripheries": "2"},
}
CORE_MARGIN: Final = "0.3,0.15"  # a core process's arrow needs room for its point
BAND_FILL: Final = {"management": "#eef5fb", "core": "#fdf8ec", "support": "#eff8f4"}
AREA_FILL: Final = "#ffffff"
BAND_MARGIN: Final = 12
AREA_MARGIN: Final = 10  # points between an area's box and its processes
READING_FILL: Final = "#fdf0d2"  # the need-to-need-met arrow over the core processes
READING_BORDER: Final = "#c9a24a"
OUTSIDE_FILL: Final = "#f2f2f2"  # processes drawn only for context (outside the chosen area)

LANE_FILLS: Final = ("#f3f3f3", "#fbfbfb")  # alternating, so neighbouring lanes stay apart
LANE_BORDER: Final = "#9a9a9a"
ACTIVITY_FILL: Final = "#ffffff"
ACTIVITY_WIDTH: Final = "1.9"  # inches: names wrap to fit, so most activities are this wide
EVENT_FILL: Final = "#ffffff"

NAME_WIDTH: Final = 22  # characters per line of a wrapped name
DESC_LINES: Final = 3  # lines kept of a long hand-over description on an edge


def graph_defaults(rankdir: str) -> dict[str, str]:
    return {
        "rankdir": rankdir,
        "fontname": FONT,
        "fontsize": "16",
        "fontcolor": INK,
        "labelloc": "t",
        "labeljust": "l",
        "newrank": "true",
        "nodesep": "0.3",
        "ranksep": "0.45",
        "pad": "0.25",
        "bgcolor": "white",
        "compound": "true",
    }


def node_defaults() -> dict[str, str]:
    return {
        "target": "_top",  # a link opens in the page, also from a map shown in an <object>
        "fontname": FONT,
        "fontsize": "11",
        "fontcolor": INK,
        "color": INK,
        "margin": "0.12,0.06",
    }


def edge_defaults() -> dict[str, str]:
    return {
        "fontname": FONT,
        "fontsize": "9",
        "fontcolor": MUTED,
        "color": "#4d4d4d",
        "arrowsize": "0.7",
    }


def process_node(process_type: str, status: str, *, outside: bool = False) -> dict[str, str]:
    """Shape, fill and border of a process drawn as one node (landscape, interface graph)."""
    attrs = dict(TYPE_SHAPE[process_type])
    attrs["fillcolor"] = OUTSIDE_FILL if outside else TYPE_FILL[process_type]
    styles = attrs["style"].split(",")
    if status == "draft" or outside:
        styles.append("dashed")
    attrs["style"] = ",".join(styles)
    return attrs


def band_cluster(process_type: str) -> dict[str, str]:
    return {
        "style": "filled,rounded",
        "fillcolor": BAND_FILL[process_type],
        "color": "#b0b0b0",
        "fontsize": "14",
        "fontname": FONT,
        "labeljust": "l",
        "margin": str(BAND_MARGIN),
    }


def plain_box() -> dict[str, str]:
    """A box that draws nothing: it only spaces its rows like the boxes beside it."""
    return {"peripheries": "0", "label": "", "margin": str(AREA_MARGIN)}


def area_cluster() -> dict[str, str]:
    return {
        "style": "filled,rounded",
        "fillcolor": AREA_FILL,
        "color": "#c8c8c8",
        "fontsize": "12",
        "labeljust": "l",
        "margin": str(AREA_MARGIN),
    }


def lane_cluster(index: int) -> dict[str, str]:
    return {
        "style": "filled",
        "fillcolor": LANE_FILLS[index % 2],
        "color": LANE_BORDER,
        "fontsize": "13",
        "labeljust": "l",
        "labelloc": "t",
        "margin": "14",
    }


def activity_node() -> dict[str, str]:
    return {
        "shape": "box",
        "style": "filled,rounded",
        "fillcolor": ACTIVITY_FILL,
        "penwidth": "1.2",
        "width": ACTIVITY_WIDTH,
        "height": "0.6",
    }


def start_node() -> dict[str, str]:
    # BPMN: a start event has a thin border, an end event a thick one
    return {"shape": "ellipse", "style": "filled", "fillcolor": EVENT_FILL, "penwidth": "1"}


def end_node() -> dict[str, str]:
    return {"shape": "ellipse", "style": "filled", "fillcolor": EVENT_FILL, "penwidth": "3.5"}


def link_node(*, throw: bool) -> dict[str, str]:
    """A link event of a flow wrapped into rows (BPMN): where the flow leaves a row a filled
    circle, where it comes in a hollow one; its letter says which two belong together."""
    return {
        "shape": "circle",
        "fixedsize": "true",
        "style": "filled",
        "fillcolor": INK if throw else EVENT_FILL,
        "fontcolor": EVENT_FILL if throw else INK,
        "penwidth": "1.5",
        "fontsize": "11",
    }


def link_caption() -> dict[str, str]:
    """The words under a link event: which row the flow goes on or comes from."""
    return {"shape": "plaintext", "fontsize": "9", "fontcolor": MUTED, "margin": "0"}


def interface_node(process_type: str) -> dict[str, str]:
    """Another process at the edge of a flow: its type's shape, lighter and dashed."""
    attrs = dict(TYPE_SHAPE[process_type])
    attrs["fillcolor"] = TYPE_FILL[process_type]
    attrs["style"] = attrs["style"] + ",dashed"
    attrs["fontsize"] = "10"
    return attrs


def handover_edge() -> dict[str, str]:
    return {"style": "dashed", "penwidth": "1.2"}


def flow_edge() -> dict[str, str]:
    return {"penwidth": "1.2", "color": INK}


def legend_cluster() -> dict[str, str]:
    return {
        "style": "rounded",
        "color": "#b0b0b0",
        "fontsize": "11",
        "labeljust": "l",
        "margin": "8",
    }
