"""The cost of placing and routing a flow grows with its size, not with its square; and the fast
way of finding boxes in an edge's way answers exactly as testing every box does."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import given, settings
from hypothesis import strategies as st

from processkit.render.flowlayout import FlowSizes, layout_flow
from processkit.render.flowroute import CLEARANCE, _crosses, nearest, route
from processkit.render.geometry import Box
from processkit.render.obstacles import Obstacles

# --- the same answers --------------------------------------------------------------------------

coordinates = st.integers(0, 40).map(lambda n: n * 4.5)  # often equal: edges touching edges
sizes = st.integers(1, 12).map(lambda n: n * 3.0)
boxes = st.builds(Box, coordinates, coordinates, sizes, sizes)


@st.composite
def segments(draw: st.DrawFn) -> tuple[tuple[float, float], tuple[float, float]]:
    a = (draw(coordinates), draw(coordinates))
    if draw(st.booleans()):
        return a, (draw(coordinates), a[1])
    return a, (a[0], draw(coordinates))


@settings(max_examples=300, deadline=None)
@given(st.lists(boxes, max_size=14), st.lists(segments(), min_size=1, max_size=6), st.data())
def test_obstacles_answer_as_testing_every_box(
    placed: list[Box],
    lines: list[tuple[tuple[float, float], tuple[float, float]]],
    data: st.DataObject,
) -> None:
    named = {f"b{i}": box for i, box in enumerate(placed)}
    skip = tuple(data.draw(st.lists(st.sampled_from(sorted(named) or ["none"]), max_size=2)))
    tested = Obstacles(named, CLEARANCE)  # few: every box tested
    banded = Obstacles(named, CLEARANCE, few=0)
    for a, b in lines:
        expected = any(_crosses(a, b, box) for name, box in named.items() if name not in skip)
        assert tested.crosses(a, b, skip) == expected
        assert banded.crosses(a, b, skip) == expected
        assert tested.free([a, b], skip) == banded.free([a, b], skip) == (not expected)


@given(st.lists(coordinates, max_size=12), coordinates)
def test_nearest_rails_come_in_the_order_of_sorting_by_distance(
    rails: list[float], centre: float
) -> None:
    expected = sorted(rails, key=lambda y: (abs(y - centre), y))
    assert list(nearest(sorted(rails), centre)) == expected


# --- the cost -----------------------------------------------------------------------------------


def web(count: int, lanes: int = 6) -> FlowSizes:
    """``count`` steps, each leading to the next five and back to the five before (the last
    one ends the flow), in ``lanes`` roles taking turns."""
    order = [f"act:s{i}" for i in range(count)]
    following = {
        name: (
            []
            if i == count - 1
            else [order[j] for j in range(i + 1, min(i + 6, count))]
            + [order[j] for j in range(i - 1, max(i - 6, -1), -1)]
        )
        for i, name in enumerate(order)
    }
    return FlowSizes(
        order=order,
        lane_of={name: f"r{i % lanes}" for i, name in enumerate(order)},
        lanes=[f"r{i}" for i in range(lanes)],
        following=following,
        height_of=dict.fromkeys(order, 44.0),
        start=("start", 80.0, 50.0),
        end=("end", 90.0, 50.0),
    )


@contextmanager
def counting_box_reads() -> Iterator[list[int]]:
    """Count how often a side of a placed box is read: the work of placing and routing."""
    reads = [0]
    originals = {side: getattr(Box, side) for side in ("left", "right", "top", "bottom")}

    def counted(side: str) -> property:
        def read(box: Box) -> float:
            reads[0] += 1
            return originals[side].fget(box)  # type: ignore[no-any-return]

        return property(read)

    try:
        for side in originals:
            setattr(Box, side, counted(side))
        yield reads
    finally:
        for side, original in originals.items():
            setattr(Box, side, original)


def work(count: int) -> int:
    sizes = web(count)
    with counting_box_reads() as reads:
        layout = layout_flow(sizes)
        links = [("start", sizes.order[0])]
        links += [(a, b) for a in sizes.order for b in sizes.following[a]]
        links += [(sizes.order[-1], "end")]
        route(layout, links)
    assert len(layout.edges) == len(links)
    return reads[0]


def test_routing_a_flow_four_times_as_long_costs_about_four_times_as_much() -> None:
    # Testing every box for every edge read 16 times as many sides for 4 times the steps.
    small, large = work(100), work(400)
    assert 3.5 * small < large < 4.5 * small
