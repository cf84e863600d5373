"""Where every element of a process flow goes: columns along the flow, lanes by role.

Graphviz's ``dot`` orders clusters to reduce edge crossings, so it cannot promise swimlanes in
the order their roles first act. The flow map is therefore placed here, on a grid, and Graphviz
(``neato -n2``) only draws it. Coordinates are points (1/72 inch), y growing downwards until
``flip``.

Columns: an activity's column is the longest path to it from the first activity (edges that
loop back are left out). Lanes: one per role, in order of first appearance; activities of one
lane in one column are stacked in sub-rows. The start event stands left of the lanes at the
height of the first activity, the end event right of them at the height of the last; processes
that hand over to this one stand further left, those it hands over to further right; the legend
sits below. A flow too wide for a page is cut into bands of columns by ``flowbands``, which
places each band with the pieces of this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from processkit.frozen import frozen
from processkit.render.geometry import Box, Point, Rect

ACTIVITY_WIDTH = 152.0
COLUMN_GAP = 44.0
ROW_GAP = 18.0
LANE_PAD_TOP = 30.0  # room for the lane's name
LANE_PAD_BOTTOM = 16.0
LANE_PAD_X = 18.0
EVENT_GAP = 44.0
CONNECTOR_GAP = 56.0
CONNECTOR_STACK_GAP = 14.0
LEGEND_GAP = 26.0
LEGEND_PAD = 12.0
LEGEND_LABEL = 22.0
SAMPLE_GAP = 22.0


@frozen
class LinkEvent:
    """A pair of these stands for an edge between two bands (rows) of a wrapped flow (BPMN's
    link events): ``throw`` at the right of the band the edge leaves, not ``throw`` at the left
    of the band it enters, both marked with ``letter``. ``caption`` is the name of the box
    under the circle for its words; ``other`` the band at the far end; ``ends`` the nodes the
    edge joins there."""

    name: str
    caption: str
    letter: str
    throw: bool
    band: int
    other: int
    ends: tuple[str, ...]


@frozen
class FlowSizes:
    """What is to be placed: activity node names in flow order with their lane, lane order,
    the forward links, each activity's height, the start and end events' (width, height), the
    (name, width, height) of the processes handing over in and out, and the legend samples'
    (width, height); for wrapping a long flow into bands, the widest band and the size of a
    link event's words."""

    order: Sequence[str]
    lane_of: dict[str, str]
    lanes: Sequence[str]
    following: dict[str, list[str]]
    height_of: dict[str, float]
    start: tuple[str, float, float]
    end: tuple[str, float, float]
    inputs: Sequence[tuple[str, float, float]] = ()
    outputs: Sequence[tuple[str, float, float]] = ()
    samples: Sequence[tuple[float, float]] = ()
    #: the (width, height) of the words under a link event, where a flow is wrapped
    link_caption: tuple[float, float] = (0.0, 0.0)
    #: wrap a flow wider than this into bands (``flowbands``); None: never
    max_width: float | None = None


@dataclass(slots=True)
class FlowLayout:
    boxes: dict[str, Box] = field(default_factory=dict)
    column: dict[str, int] = field(
        default_factory=dict
    )  # start -1, inputs -2, end and outputs after
    lanes: dict[str, Rect] = field(default_factory=dict)  # of the first band
    #: the lanes of every band (row): one band unless the flow is wrapped (``flowbands``)
    bands: list[dict[str, Rect]] = field(default_factory=list)
    band_of: dict[str, int] = field(default_factory=dict)  # a node's band, where not 0
    links: list[LinkEvent] = field(default_factory=list)
    #: the edges drawn: those asked for, an edge between bands as two (into and out of a link)
    drawn: list[tuple[str, str]] = field(default_factory=list)
    rails: list[float] = field(default_factory=list)  # heights where no box stands
    legend: Rect | None = None
    samples: list[Box] = field(default_factory=list)
    edges: dict[tuple[str, str], list[Point]] = field(default_factory=dict)

    def flip(self) -> FlowLayout:
        """The same layout with y growing upwards from 0, as Graphviz wants it."""
        bottoms = [b.bottom for b in self.all_boxes()] + [r.bottom for r in self.rects()]
        high = max(bottoms)

        def y(value: float) -> float:
            return high - value  # measured upwards from the lowest point

        def box(b: Box) -> Box:
            return Box(b.x, y(b.y), b.width, b.height)

        def rect(r: Rect) -> Rect:
            return Rect(r.left, y(r.bottom), r.right, y(r.top))

        bands = [{k: rect(r) for k, r in lanes.items()} for lanes in self.bands]
        return FlowLayout(
            boxes={k: box(b) for k, b in self.boxes.items()},
            column=dict(self.column),
            lanes=bands[0] if bands else {k: rect(r) for k, r in self.lanes.items()},
            bands=bands,
            band_of=dict(self.band_of),
            links=list(self.links),
            drawn=list(self.drawn),
            rails=[y(rail) for rail in self.rails],
            legend=rect(self.legend) if self.legend else None,
            samples=[box(b) for b in self.samples],
            edges={k: [(px, y(py)) for px, py in pts] for k, pts in self.edges.items()},
        )

    def all_boxes(self) -> list[Box]:
        return [*self.boxes.values(), *self.samples]

    def rects(self) -> list[Rect]:
        lanes = [r for band in self.bands for r in band.values()] or list(self.lanes.values())
        return [*lanes, *([self.legend] if self.legend else [])]


def lanes_width(columns: int) -> float:
    """The width of lanes holding ``columns`` columns of activities."""
    return 2 * LANE_PAD_X + columns * ACTIVITY_WIDTH + (columns - 1) * COLUMN_GAP


def columns(order: Sequence[str], following: dict[str, list[str]]) -> dict[str, int]:
    """Each activity's column: the longest path to it from the first along forward edges
    (those pointing later in the flow order; the order is breadth-first, so topological)."""
    position = {name: index for index, name in enumerate(order)}
    column = dict.fromkeys(order, 0)
    for name in order:
        for target in following.get(name, []):
            if target in position and position[target] > position[name]:
                column[target] = max(column[target], column[name] + 1)
    return column


def layout_flow(sizes: FlowSizes) -> FlowLayout:
    """Place every element of a flow (see the module's docstring)."""
    layout = FlowLayout()
    order = list(sizes.order)
    column = columns(order, sizes.following)
    width = max(column.values(), default=0) + 1
    lane_width, lanes_bottom = place_lanes(layout, sizes, order, column, sizes.lanes)
    layout.bands.append(layout.lanes)

    first_y = layout.boxes[order[0]].y if order else LANE_PAD_TOP
    # the last activity: in the rightmost column, the first of them in flow order
    last = order[max(range(len(order)), key=lambda i: (column[order[i]], -i))] if order else None
    last_y = layout.boxes[last].y if last else first_y
    start_name, start_width, start_height = sizes.start
    end_name, end_width, end_height = sizes.end
    start = Box(-EVENT_GAP - start_width / 2, first_y, start_width, start_height)
    end_left = (lane_width if order else start.right) + EVENT_GAP
    end = Box(end_left + end_width / 2, last_y, end_width, end_height)
    layout.boxes[start_name], layout.column[start_name] = start, -1
    layout.boxes[end_name], layout.column[end_name] = end, width
    for name, box in stack(sizes.inputs, start.left - CONNECTOR_GAP, first_y, True).items():
        layout.boxes[name], layout.column[name] = box, -2
    for name, box in stack(sizes.outputs, end.right + CONNECTOR_GAP, last_y, False).items():
        layout.boxes[name], layout.column[name] = box, width + 1
    place_legend(layout, sizes, lanes_bottom)
    return layout


def place_lanes(
    layout: FlowLayout,
    sizes: FlowSizes,
    order: Sequence[str],
    column: dict[str, int],
    lanes: Sequence[str],
) -> tuple[float, float]:
    """Place the lanes (top at 0, left at 0) and the activities of ``order`` in them, at their
    ``column``; return the lanes' width and bottom."""
    width = max(column.values(), default=0) + 1
    row_of: dict[str, int] = {}
    used: dict[tuple[str, int], int] = {}
    for name in order:
        key = (sizes.lane_of[name], column[name])
        row_of[name] = used.get(key, 0)
        used[key] = row_of[name] + 1
    rows_in: dict[str, int] = {}
    for (lane, _), rows in used.items():
        rows_in[lane] = max(rows_in.get(lane, 1), rows)
    row_height = max(sizes.height_of.values(), default=40.0)
    lane_width = lanes_width(width)
    top = 0.0
    lane_top: dict[str, float] = {}
    for lane in lanes:
        rows = rows_in.get(lane, 1)
        height = LANE_PAD_TOP + rows * row_height + (rows - 1) * ROW_GAP + LANE_PAD_BOTTOM
        layout.lanes[lane] = Rect(0.0, top, lane_width, top + height)
        lane_top[lane] = top
        layout.rails.append(top + LANE_PAD_TOP - ROW_GAP / 2)
        layout.rails += [
            top + LANE_PAD_TOP + r * (row_height + ROW_GAP) + row_height + ROW_GAP / 2
            for r in range(rows - 1)
        ]
        layout.rails.append(top + height - LANE_PAD_BOTTOM / 2)
        top += height
    for name in order:
        x = LANE_PAD_X + column[name] * (ACTIVITY_WIDTH + COLUMN_GAP) + ACTIVITY_WIDTH / 2
        y = (
            lane_top[sizes.lane_of[name]]
            + LANE_PAD_TOP
            + row_of[name] * (row_height + ROW_GAP)
            + row_height / 2
        )
        layout.boxes[name] = Box(x, y, ACTIVITY_WIDTH, sizes.height_of[name])
        layout.column[name] = column[name]
    return lane_width, top


def place_legend(layout: FlowLayout, sizes: FlowSizes, lanes_bottom: float) -> None:
    """The legend's samples in a row below everything placed, from its left."""
    if sizes.samples:
        bottom = max([lanes_bottom, *(b.bottom for b in layout.boxes.values())])
        left = min(b.left for b in layout.boxes.values())
        sample_top = bottom + LEGEND_GAP + LEGEND_LABEL
        tallest = max(h for _, h in sizes.samples)
        x = left + LEGEND_PAD
        for sample_width, sample_height in sizes.samples:
            box = Box(x + sample_width / 2, sample_top + tallest / 2, sample_width, sample_height)
            layout.samples.append(box)
            x += sample_width + SAMPLE_GAP
        layout.legend = Rect(
            left,
            bottom + LEGEND_GAP,
            x - SAMPLE_GAP + LEGEND_PAD,
            sample_top + tallest + LEGEND_PAD,
        )


def stack(
    items: Sequence[tuple[str, float, float]], edge: float, centre: float, leftwards: bool
) -> dict[str, Box]:
    """Boxes stacked top to bottom beside ``edge`` (their right side when ``leftwards``),
    centred on the height ``centre``."""
    if not items:
        return {}
    total = sum(h for _, _, h in items) + CONNECTOR_STACK_GAP * (len(items) - 1)
    widest = max(w for _, w, _ in items)
    x = edge - widest / 2 if leftwards else edge + widest / 2
    y = centre - total / 2
    placed: dict[str, Box] = {}
    for key, item_width, item_height in items:
        placed[key] = Box(x, y + item_height / 2, item_width, item_height)
        y += item_height + CONNECTOR_STACK_GAP
    return placed
