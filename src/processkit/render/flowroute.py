"""Edges of a process flow as right-angled lines with rounded corners, drawn around the boxes.

Graphviz routes edges well for the layouts it makes itself, but with fixed positions its
spline router can loop forever on some flows (seen with Graphviz 2.43 and ports). Routing the
few edges of a flow here is simple, fast and gives one look: an edge leaves a step on its right
and enters the next on its left, turning only in the gaps between columns; an edge that loops
back runs below (or above) the row of the step it leaves.

Coordinates are points with y growing downwards (the layout's), flipped with the layout.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from processkit.render.flowlayout import FlowLayout
from processkit.render.geometry import Box, Point
from processkit.render.obstacles import Obstacles

CLEARANCE = 3.0  # how close a line may pass a box it does not connect
CORNER = 8.0  # radius of a rounded corner
ARROW = 7.0  # length of an arrowhead at arrowsize 0.7
LOOP_HEIGHT = 8.0  # how far a loop from a step back to itself rises above it
SIDE_SHIFT = 10.0  # looping back, leave a box left of its middle and enter right of it


def _crosses(a: Point, b: Point, box: Box) -> bool:
    """Whether the horizontal or vertical segment a-b passes through ``box`` (grown a little).
    (``Obstacles`` answers the same for many boxes at once.)"""
    left, right = box.left - CLEARANCE, box.right + CLEARANCE
    top, bottom = box.top - CLEARANCE, box.bottom + CLEARANCE
    if a[1] == b[1]:
        low, high = sorted((a[0], b[0]))
        return top < a[1] < bottom and low < right and high > left
    low, high = sorted((a[1], b[1]))
    return left < a[0] < right and low < bottom and high > top


def nearest(rails: Sequence[float], centre: float) -> Iterator[float]:
    """``rails`` (sorted) nearest ``centre`` first, the lower value first between two as near:
    the order of ``sorted(rails, key=lambda y: (abs(y - centre), y))``, one at a time, so that
    a route found on a near rail costs nothing for the far ones."""
    above = bisect_left(rails, centre) - 1  # rails[:above + 1] are below centre
    below = above + 1
    while above >= 0 or below < len(rails):
        if below >= len(rails) or (
            above >= 0
            and (abs(rails[above] - centre), rails[above])
            <= (abs(rails[below] - centre), rails[below])
        ):
            yield rails[above]
            above -= 1
        else:
            yield rails[below]
            below += 1


def _simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and points in the middle of a straight run."""
    kept: list[Point] = []
    for point in points:
        if kept and abs(kept[-1][0] - point[0]) < 0.05 and abs(kept[-1][1] - point[1]) < 0.05:
            continue
        if len(kept) >= 2:
            a, b = kept[-2], kept[-1]
            if (abs(a[0] - b[0]) < 0.05 and abs(b[0] - point[0]) < 0.05) or (
                abs(a[1] - b[1]) < 0.05 and abs(b[1] - point[1]) < 0.05
            ):
                kept[-1] = point
                continue
        kept.append(point)
    return kept


def forward(
    tail: Box,
    head: Box,
    after_tail: float,
    before_head: float,
    rails: Sequence[float],
    obstacles: Obstacles,
    skip: Sequence[str] = (),
) -> list[Point]:
    """From the right of ``tail`` to the left of ``head`` (further right): turning in the gap
    just before the head, else just after the tail, else along a free horizontal rail
    (``rails`` sorted). A line passing only the boxes named in ``skip`` is free."""
    start, end = (tail.right, tail.y), (head.left, head.y)
    first = [start, (before_head, tail.y), (before_head, head.y), end]
    if obstacles.free(first, skip):
        return _simplify(first)
    second = [start, (after_tail, tail.y), (after_tail, head.y), end]
    if obstacles.free(second, skip):
        return _simplify(second)
    for rail in nearest(rails, (tail.y + head.y) / 2):
        points = [
            start,
            (after_tail, tail.y),
            (after_tail, rail),
            (before_head, rail),
            (before_head, head.y),
            end,
        ]
        if obstacles.free(points, skip):
            return _simplify(points)
    return _simplify(first)


def backward(
    tail: Box,
    head: Box,
    rails: Sequence[float],
    obstacles: Obstacles,
    skip: Sequence[str] = (),
) -> list[Point]:
    """From ``tail`` back to ``head`` (not further right): out of the tail's bottom or top,
    along a free horizontal rail (``rails`` sorted), into the head's bottom or top."""
    out_x, in_x = tail.x - SIDE_SHIFT, head.x + SIDE_SHIFT  # two loops never share a line
    fallback: list[Point] | None = None
    for rail in nearest(rails, tail.y):
        leave = (out_x, tail.bottom) if rail > tail.y else (out_x, tail.top)
        enter = (in_x, head.bottom) if rail > head.y else (in_x, head.top)
        points = [leave, (out_x, rail), (in_x, rail), enter]
        if obstacles.free(points, skip):
            return _simplify(points)
        fallback = fallback or points
    assert fallback is not None, "every lane has rails, so a flow with a loop has some"
    return _simplify(fallback)


def spline(points: list[Point]) -> tuple[Point, list[Point]]:
    """The polyline as Graphviz's edge ``pos``: the arrow's tip, and the cubic B-spline
    control points (3n+1) of straight runs joined by rounded corners, ending where the arrow
    begins."""
    tip = points[-1]
    before = points[-2]
    length = max(abs(tip[0] - before[0]), abs(tip[1] - before[1]))
    shorten = min(ARROW, length / 2)
    direction = ((tip[0] - before[0]) / length, (tip[1] - before[1]) / length) if length else (0, 0)
    points = [*points[:-1], (tip[0] - direction[0] * shorten, tip[1] - direction[1] * shorten)]
    # the straight runs written out in place: a map routes a dozen edges of a few corners
    here = points[0]
    controls: list[Point] = [here]
    for previous, corner, following in zip(points, points[1:], points[2:], strict=False):
        into = max(abs(corner[0] - previous[0]), abs(corner[1] - previous[1]))
        out = max(abs(following[0] - corner[0]), abs(following[1] - corner[1]))
        radius = min(CORNER, into / 2, out / 2)
        if radius <= 0:
            continue
        a = _towards(corner, previous, radius)
        b = _towards(corner, following, radius)
        dx, dy = a[0] - here[0], a[1] - here[1]
        controls += [
            (here[0] + dx / 3, here[1] + dy / 3),
            (here[0] + 2 * dx / 3, here[1] + 2 * dy / 3),
            a,
            corner,
            corner,
            b,
        ]
        here = b
    target = points[-1]
    dx, dy = target[0] - here[0], target[1] - here[1]
    controls += [
        (here[0] + dx / 3, here[1] + dy / 3),
        (here[0] + 2 * dx / 3, here[1] + 2 * dy / 3),
        target,
    ]
    return tip, controls


def _towards(origin: Point, target: Point, distance: float) -> Point:
    dx, dy = target[0] - origin[0], target[1] - origin[1]
    length = max(abs(dx), abs(dy))
    return (origin[0] + dx / length * distance, origin[1] + dy / length * distance)


class _Channels:
    """The middle of the free gap after each column: between the right side of the boxes of
    the nearest column at or before it and the left side of those of the nearest one after."""

    def __init__(self, layout: FlowLayout) -> None:
        right: dict[int, float] = {}
        left: dict[int, float] = {}
        for name, box in layout.boxes.items():
            column = layout.column[name]
            right[column] = max(right.get(column, box.right), box.right)
            left[column] = min(left.get(column, box.left), box.left)
        self.columns = sorted(right)
        self.right = right
        self.left = left

    def after(self, column: int) -> float:
        at = bisect_right(self.columns, column)  # columns[at - 1] <= column < columns[at]
        return (self.right[self.columns[at - 1]] + self.left[self.columns[at]]) / 2


def route(layout: FlowLayout, edges: Sequence[tuple[str, str]]) -> None:
    """Route ``edges`` (tail and head node names) between the placed boxes of ``layout``.

    The cost grows with the number of edges times the rails an edge has to try, not with the
    number of boxes: every question about the boxes goes to ``Obstacles``."""
    obstacles = Obstacles(layout.boxes, CLEARANCE)
    channels = _Channels(layout)
    rails = sorted(layout.rails)
    for tail_name, head_name in edges:
        tail, head = layout.boxes[tail_name], layout.boxes[head_name]
        skip = (tail_name, head_name)
        tail_column, head_column = layout.column[tail_name], layout.column[head_name]
        if tail_name == head_name:  # a step that repeats itself: a small loop over its top
            over = tail.top - LOOP_HEIGHT
            right, left = tail.x + tail.width / 4, tail.x - tail.width / 4
            points = [(right, tail.top), (right, over), (left, over), (left, tail.top)]
        elif head_column > tail_column:
            points = forward(
                tail,
                head,
                channels.after(tail_column),
                channels.after(head_column - 1),
                rails,
                obstacles,
                skip,
            )
        else:
            points = backward(tail, head, rails, obstacles, skip)
        layout.edges[(tail_name, head_name)] = points
