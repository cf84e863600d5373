"""A long flow wrapped into bands (rows), so that the map fits a page's width with readable text.

A flow no wider than ``FlowSizes.max_width`` is placed and routed as one band, exactly as
``layout_flow`` and ``route`` place it. A wider one is cut between columns into consecutive
bands, as few as fit the width and then as even as they can be, stacked top to bottom. Each
band has the lanes (with their names) of the roles acting in it, in the flow's lane order. The
start event and the processes handing over to this one go with the first band, the end event
and those it hands over to with the last; the processes stand below their event, so that the
first and last bands keep room for activities.

An edge between two bands is drawn as a pair of BPMN link events instead of a long line: a
filled circle at the right of the band the edge leaves (``throw``) and a hollow one at the left
of the band it enters, both marked with the same letter, each with words under it saying the
row where the flow goes on or comes from. All edges into one activity from one band share
the throwing event; all edges into one activity share the catching one.

Each band is placed and routed on its own (its columns counted from 0), then moved into place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from string import ascii_uppercase

from processkit.render.flowlayout import (
    CONNECTOR_STACK_GAP,
    EVENT_GAP,
    LANE_PAD_TOP,
    FlowLayout,
    FlowSizes,
    LinkEvent,
    columns,
    lanes_width,
    layout_flow,
    place_lanes,
    place_legend,
)
from processkit.render.flowroute import route
from processkit.render.geometry import Box, Point, Rect

#: The widest band, in points. The site shows a flow ``FLOW_SCALE`` (1.125) times its size,
#: 1.5 CSS pixels a point, so that its smallest text (9 points) is 13.5 pixels; its content
#: column is 1118 pixels wide at a window of 1280, room for 745 points, of which Graphviz's
#: margin (``pad``, 18 points a side) takes 36. The same bands are drawn by ``processkit map``.
BAND_WIDTH = 700.0
BAND_GAP = 36.0  # between one band's bottom and the next one's top
LINK_SIZE = 24.0  # a link event's circle
LINK_GAP = 22.0  # between a band's lanes and its link events
LINK_STACK_GAP = 10.0  # between link events standing in one column
CAPTION_GAP = 2.0  # between a link event's circle and its words
CHANNEL = 16.0  # beside an event, room for the lines to the processes below it
CHANNEL_LINE = 10.0  # where those lines run, from the side of the event's column


def letter(index: int) -> str:
    """A, B, …, Z, AA, AB, …: the mark of the ``index``-th link (from 0)."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = ascii_uppercase[rest] + text
    return text


def split_bands(
    count: int, width_of: Callable[[int, int], float], limit: float
) -> list[tuple[int, int]]:
    """Columns ``0 … count - 1`` cut into consecutive bands ``(first, past_last)``, each no
    wider than ``limit`` by ``width_of(first, past_last)`` (a band of one column may be wider):
    as few bands as the greedy cut gives, then the narrowest widest band with that many."""
    if count <= 0:
        return []

    def greedy(most: float) -> list[tuple[int, int]]:
        bands = []
        first = 0
        while first < count:
            past = first + 1
            while past < count and width_of(first, past + 1) <= most:
                past += 1
            bands.append((first, past))
            first = past
        return bands

    fewest = greedy(limit)
    candidates = sorted(
        {
            width
            for first in range(count)
            for past in range(first + 1, count + 1)
            if (width := width_of(first, past)) <= limit
        }
    )
    low, high = 0, len(candidates) - 1
    best = fewest
    while low <= high:  # the band count grows as the limit shrinks
        middle = (low + high) // 2
        bands = greedy(candidates[middle])
        if len(bands) <= len(fewest):
            best, high = bands, middle - 1
        else:
            low = middle + 1
    return best


def flow_width(layout: FlowLayout) -> float:
    """The width of the placed flow, its legend aside."""
    lanes = [r for band in layout.bands for r in band.values()]
    lefts = [b.left for b in layout.boxes.values()] + [r.left for r in lanes]
    rights = [b.right for b in layout.boxes.values()] + [r.right for r in lanes]
    return max(rights) - min(lefts) if lefts else 0.0


def place_flow(sizes: FlowSizes, edges: Sequence[tuple[str, str]]) -> FlowLayout:
    """Place and route a flow: in one band when it is no wider than ``sizes.max_width`` (or
    that is None), else in bands (see the module's docstring)."""
    count = max(columns(list(sizes.order), sizes.following).values(), default=0) + 1
    # a flow is at least as wide as its lanes: one whose lanes are too wide is not placed whole
    if sizes.max_width is not None and count >= 2 and lanes_width(count) > sizes.max_width:
        return _Bands(sizes, edges, sizes.max_width).place()
    layout = layout_flow(sizes)
    if sizes.max_width is None or count < 2 or flow_width(layout) <= sizes.max_width:
        route(layout, edges)
        layout.drawn = list(edges)
        return layout
    return _Bands(sizes, edges, sizes.max_width).place()


class _Bands:
    def __init__(self, sizes: FlowSizes, edges: Sequence[tuple[str, str]], limit: float):
        self.sizes = sizes
        self.edges = list(edges)
        self.order = list(sizes.order)
        self.column = columns(self.order, sizes.following)
        self.count = max(self.column.values()) + 1
        self.link_width = max(LINK_SIZE, sizes.link_caption[0])
        inputs = max([w for _, w, _ in sizes.inputs], default=0.0)
        outputs = max([w for _, w, _ in sizes.outputs], default=0.0)
        # the columns of the first band's start event and of the last band's end event hold
        # link events too
        self.left_column = max(sizes.start[1], inputs, self.link_width)
        self.right_column = max(sizes.end[1], outputs, self.link_width)
        self.spans = split_bands(self.count, self.width, limit)

    def width(self, first: int, past: int) -> float:
        """A band's width: its lanes, and what stands left and right of them."""
        lanes = lanes_width(past - first)
        link = LINK_GAP + self.link_width
        left = EVENT_GAP + self.left_column + CHANNEL * bool(self.sizes.inputs)
        right = EVENT_GAP + self.right_column + CHANNEL * bool(self.sizes.outputs)
        return lanes + (left if first == 0 else link) + (right if past == self.count else link)

    def place(self) -> FlowLayout:
        sizes = self.sizes
        band_of_column = {
            c: b for b, (first, past) in enumerate(self.spans) for c in range(first, past)
        }
        last = len(self.spans) - 1
        band_of = {name: band_of_column[self.column[name]] for name in self.order}
        band_of[sizes.start[0]] = 0
        band_of.update({name: 0 for name, _, _ in sizes.inputs})
        band_of[sizes.end[0]] = last
        band_of.update({name: last for name, _, _ in sizes.outputs})

        # the link events, lettered in the order of the edges
        catches: dict[str, LinkEvent] = {}
        throws: dict[tuple[int, str], LinkEvent] = {}
        local: list[list[tuple[str, str]]] = [[] for _ in self.spans]
        drawn: list[tuple[str, str]] = []
        for tail, head in self.edges:
            tail_band, head_band = band_of[tail], band_of[head]
            if tail_band == head_band:
                local[tail_band].append((tail, head))
                drawn.append((tail, head))
                continue
            mark = catches[head].letter if head in catches else letter(len(catches))
            catch_name = f"link:{mark}"
            throw_name = f"link:{mark}:{tail_band + 1}"
            throws[(tail_band, head)] = LinkEvent(
                throw_name, throw_name + ":text", mark, True, tail_band, head_band, (head,)
            )
            if head not in catches:
                others = tuple(t for t, h in self.edges if h == head and band_of[t] != head_band)
                catches[head] = LinkEvent(
                    catch_name,
                    catch_name + ":text",
                    mark,
                    False,
                    head_band,
                    band_of[others[0]],
                    others,
                )
                local[head_band].append((catch_name, head))
            local[tail_band].append((tail, throw_name))
            drawn.append((tail, throw_name))
            if (catch_name, head) not in drawn:
                drawn.append((catch_name, head))
        links = sorted(
            [*catches.values(), *throws.values()], key=lambda link: (link.band, link.throw)
        )

        placed = FlowLayout()
        top = 0.0
        for band, (first, past) in enumerate(self.spans):
            mine = [link for link in links if link.band == band]
            part = self.band(band, first, past, mine, local[band])
            left = min(
                [b.left for b in part.boxes.values()] + [r.left for r in part.lanes.values()]
            )
            left = min([left, *(x for pts in part.edges.values() for x, _ in pts)])
            high = min([b.top for b in part.boxes.values()] + [0.0])
            _move(part, -left, top - high, placed)
            top = max(
                [b.bottom for b in placed.boxes.values()]
                + [r.bottom for r in placed.bands[-1].values()]
            )
            top += BAND_GAP
        placed.lanes = placed.bands[0]
        placed.band_of = {name: band for name, band in band_of.items() if band}
        placed.band_of.update({link.name: link.band for link in links if link.band})
        placed.band_of.update({link.caption: link.band for link in links if link.band})
        placed.links = links
        placed.drawn = drawn
        place_legend(placed, sizes, top - BAND_GAP)
        return placed

    def band(
        self,
        band: int,
        first: int,
        past: int,
        links: list[LinkEvent],
        edges: list[tuple[str, str]],
    ) -> FlowLayout:
        """One band placed and routed with its left at 0 and its top at 0."""
        sizes = self.sizes
        order = [name for name in self.order if first <= self.column[name] < past]
        column = {name: self.column[name] - first for name in order}
        lanes = [lane for lane in sizes.lanes if any(sizes.lane_of[n] == lane for n in order)]
        layout = FlowLayout()
        lane_width, _ = place_lanes(layout, sizes, order, column, lanes)
        count = past - first
        left_x = -EVENT_GAP - self.left_column / 2 if band == 0 else -LINK_GAP - self.link_width / 2
        right_x = (
            lane_width + EVENT_GAP + self.right_column / 2
            if past == self.count
            else lane_width + LINK_GAP + self.link_width / 2
        )
        floor = {False: -1e9, True: -1e9}  # the lowest top free in the column left / right
        # the lines from the processes handing over to this one to the start event, from the
        # end event to those it hands over to: along the side of the events' column
        extra: list[tuple[tuple[str, str], list[Point]]] = []
        if band == 0:
            start_name, start_width, start_height = sizes.start
            first_y = layout.boxes[order[0]].y
            start = Box(left_x, first_y, start_width, start_height)
            layout.boxes[start_name], layout.column[start_name] = start, -1
            below = start.bottom + CONNECTOR_STACK_GAP
            line = left_x - self.left_column / 2 - CHANNEL_LINE
            for name, width, height in sizes.inputs:
                box = Box(left_x, below + height / 2, width, height)
                layout.boxes[name], layout.column[name] = box, -1
                below = box.bottom + CONNECTOR_STACK_GAP
                points = [(box.left, box.y), (line, box.y), (line, start.y), (start.left, start.y)]
                extra.append(((name, start_name), points))
            floor[False] = below
        if past == self.count:
            end_name, end_width, end_height = sizes.end
            last = order[max(range(len(order)), key=lambda i: (column[order[i]], -i))]
            end = Box(right_x, layout.boxes[last].y, end_width, end_height)
            layout.boxes[end_name], layout.column[end_name] = end, count
            below = end.bottom + CONNECTOR_STACK_GAP
            line = right_x + self.right_column / 2 + CHANNEL_LINE
            for name, width, height in sizes.outputs:
                box = Box(right_x, below + height / 2, width, height)
                layout.boxes[name], layout.column[name] = box, count
                below = box.bottom + CONNECTOR_STACK_GAP
                points = [(end.right, end.y), (line, end.y), (line, box.y), (box.right, box.y)]
                extra.append(((end_name, name), points))
            floor[True] = below

        caption_width, caption_height = sizes.link_caption
        for throw in (False, True):
            side = [link for link in links if link.throw == throw]
            x = right_x if throw else left_x

            def wanted(link: LinkEvent) -> float:
                """The height of the activity a link event is joined to in this band."""
                if link.throw:
                    ends = [layout.boxes[t].y for t, h in edges if h == link.name]
                else:
                    ends = [layout.boxes[h].y for t, h in edges if t == link.name]
                return min(ends, default=LANE_PAD_TOP)

            for link in sorted(side, key=lambda link: (wanted(link), link.letter)):
                circle_top = max(wanted(link) - LINK_SIZE / 2, floor[throw])
                circle = Box(x, circle_top + LINK_SIZE / 2, LINK_SIZE, LINK_SIZE)
                layout.boxes[link.name], layout.column[link.name] = circle, (count if throw else -1)
                bottom = circle.bottom
                if caption_height:
                    words = Box(
                        x, bottom + CAPTION_GAP + caption_height / 2, caption_width, caption_height
                    )
                    layout.boxes[link.caption] = words
                    layout.column[link.caption] = count if throw else -1
                    bottom = words.bottom
                floor[throw] = bottom + LINK_STACK_GAP
        beside = {key for key, _ in extra}
        route(layout, [edge for edge in edges if edge not in beside])
        layout.edges.update(extra)
        return layout


def _move(part: FlowLayout, dx: float, dy: float, into: FlowLayout) -> None:
    """Add ``part`` moved by (dx, dy) to ``into``, its lanes as a band after the others."""

    def box(b: Box) -> Box:
        return Box(b.x + dx, b.y + dy, b.width, b.height)

    def rect(r: Rect) -> Rect:
        return Rect(r.left + dx, r.top + dy, r.right + dx, r.bottom + dy)

    into.boxes.update({name: box(b) for name, b in part.boxes.items()})
    into.column.update(part.column)
    into.bands.append({lane: rect(r) for lane, r in part.lanes.items()})
    into.rails += [rail + dy for rail in part.rails]
    into.edges.update(
        {key: [(x + dx, y + dy) for x, y in points] for key, points in part.edges.items()}
    )
