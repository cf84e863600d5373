"""The placing of process flows, and the wrapping of long names: nothing overlaps, lanes are in
order of first appearance, flows read left to right, edges go around the boxes."""

from __future__ import annotations

from itertools import combinations, pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import KALMAR

from processkit.loading.load import load_repository
from processkit.render.flowbands import place_flow
from processkit.render.flowlayout import FlowLayout, FlowSizes, columns, layout_flow
from processkit.render.flowroute import _crosses, route, spline
from processkit.render.geometry import Box, Rect
from processkit.render.wrap import _greedy, _pieces, wrap

# --- wrapping ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("Utreda barns och ungas behov", 22, ["Utreda barns", "och ungas behov"]),
        ("Besluta", 22, ["Besluta"]),
        ("Myndighetsutövningsprocessen för barn", 12, ["Myndighetsutövningsprocessen", "för barn"]),
        ("Hälso- och sjukvård i hemmet", 12, ["Hälso- och", "sjukvård i", "hemmet"]),
        ("Vuxna \u2013 beroende och våld", 12, ["Vuxna \u2013", "beroende", "och våld"]),
        ("LSS/SoL-beslut om insatser", 10, ["LSS/SoL-", "beslut om", "insatser"]),
        ("  extra   mellanslag\n och rad  ", 40, ["extra mellanslag och rad"]),
        ("", 22, []),
    ],
)
def test_wrap_breaks_between_words_and_balances_lines(
    text: str, width: int, lines: list[str]
) -> None:
    assert wrap(text, width) == lines


def test_wrap_can_keep_a_few_lines_and_say_so() -> None:
    text = "Barn med funktionsnedsättning som kan ha rätt till insatser enligt LSS"
    assert wrap(text, 26, max_lines=2) == [
        "Barn med",
        "funktionsnedsättning som…",
    ]


@given(st.lists(st.text(alphabet="abcdeåäö -\u2013/", min_size=1, max_size=15), max_size=12))
def test_wrap_keeps_every_word(words: list[str]) -> None:
    text = " ".join(words)
    lines = wrap(text, 14)
    assert "".join(lines).replace(" ", "") == "".join(text.split())
    assert all(line == line.strip() and line for line in lines)


@settings(max_examples=300)
@given(
    st.lists(st.text(alphabet="abcdeåäö -\u2013/", min_size=1, max_size=15), max_size=12),
    st.integers(1, 30),
)
def test_wrap_is_the_narrowest_greedy_wrapping_with_no_more_lines(
    words: list[str], width: int
) -> None:
    # every width tried, one at a time, from ``width`` down: the balancing ``wrap`` shortens
    pieces = _pieces(" ".join(words))
    expected = _greedy(pieces, width) if pieces else []
    narrower = width - 1
    while pieces and narrower >= max(len(piece) for piece, _ in pieces):
        candidate = _greedy(pieces, narrower)
        if len(candidate) > len(expected):
            break
        expected = candidate
        narrower -= 1
    assert wrap(" ".join(words), width) == expected


# --- placing flows -------------------------------------------------------------------------


def overlaps(a: Box, b: Box) -> bool:
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def inside(box: Box, rect: Rect) -> bool:
    return (
        rect.left <= box.left
        and box.right <= rect.right
        and rect.top <= box.top
        and box.bottom <= rect.bottom
    )


def place(order: list[str], lane_of: dict[str, str], following: dict[str, list[str]]) -> FlowLayout:
    lanes = list(dict.fromkeys(lane_of[a] for a in order))
    sizes = FlowSizes(
        order=order,
        lane_of=lane_of,
        lanes=lanes,
        following=following,
        height_of={a: 40.0 + 13.2 * (len(a) % 3) for a in order},
        start=("start", 120.0, 60.0),
        end=("end", 140.0, 70.0),
        inputs=[("in:x", 150.0, 50.0), ("in:y", 150.0, 60.0)],
        outputs=[("out:z", 150.0, 50.0)],
        samples=[(60.0, 40.0), (80.0, 40.0)],
    )
    layout = layout_flow(sizes)
    links = [("start", order[0])] + [(a, n) for a in order for n in following[a]]
    links += [(a, "end") for a in order if not following[a]]
    links += [("in:x", "start"), ("in:y", "start"), ("end", "out:z")]
    route(layout, links)
    return layout


def check_layout(
    layout: FlowLayout,
    order: list[str],
    lane_of: dict[str, str],
    following: dict[str, list[str]],
) -> None:
    boxes = layout.boxes
    placed = [*boxes.items(), *((f"sample {i}", s) for i, s in enumerate(layout.samples))]
    for (name_a, box_a), (name_b, box_b) in combinations(placed, 2):
        assert not overlaps(box_a, box_b), (name_a, name_b)
    for name in order:
        assert inside(boxes[name], layout.lanes[lane_of[name]]), name
    lanes = list(layout.lanes.values())
    assert list(layout.lanes) == list(dict.fromkeys(lane_of[a] for a in order))
    for upper, lower in pairwise(lanes):
        assert upper.bottom == lower.top  # stacked in order, sharing a border
        assert (upper.left, upper.right) == (lower.left, lower.right)  # as wide as the flow
    # reading left to right: a step further along the flow stands further right
    position = {name: index for index, name in enumerate(order)}
    for name in order:
        for target in following[name]:
            if position[target] > position[name]:
                assert boxes[target].x > boxes[name].x, (name, target)
    assert columns(order, following)[order[0]] == 0
    assert all(boxes["start"].right < boxes[a].left for a in order)
    assert all(boxes[a].right < boxes["end"].left for a in order)
    assert max(b.right for k, b in boxes.items() if k.startswith("in:")) < boxes["start"].left
    for points in layout.edges.values():
        assert len(points) >= 2
        assert points[0] != points[-1]
        for a, b in pairwise(points):
            assert a[0] == b[0] or a[1] == b[1]  # right angles only
        tip, controls = spline(points)
        assert (len(controls) - 1) % 3 == 0
        assert tip == points[-1]


@st.composite
def flows(draw: st.DrawFn) -> tuple[list[str], dict[str, str], dict[str, list[str]]]:
    count = draw(st.integers(1, 10))
    order = [f"act:a{i}" for i in range(count)]
    roles = draw(
        st.lists(st.sampled_from(["r1", "r2", "r3", "r4"]), min_size=count, max_size=count)
    )
    following: dict[str, list[str]] = {}
    for index, name in enumerate(order):
        forward = [order[index + 1]] if index + 1 < count else []
        extra = draw(st.lists(st.sampled_from(order), max_size=2))
        following[name] = list(dict.fromkeys(forward + extra))  # may loop to itself
    return order, dict(zip(order, roles, strict=True)), following


@settings(max_examples=60, deadline=None)
@given(flows())
def test_any_flow_is_placed_without_overlaps(
    flow: tuple[list[str], dict[str, str], dict[str, list[str]]],
) -> None:
    order, lane_of, following = flow
    check_layout(place(order, lane_of, following), order, lane_of, following)


def test_every_kalmar_flow_routes_its_edges_around_the_boxes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import processkit.render.flow as flow_module
    from processkit.render.catalogue import MapBuilder

    repo = load_repository(KALMAR).repo
    maps = MapBuilder(repo)
    placed: list[FlowLayout] = []

    def keep(sizes: FlowSizes, links: list[tuple[str, str]]) -> FlowLayout:
        layout = place_flow(sizes, links)
        placed.append(layout)
        return layout

    monkeypatch.setattr(flow_module, "place_flow", keep)
    for process_id in sorted(repo.processes):
        placed.clear()
        maps.process(process_id)
        (layout,) = placed
        for (tail, head), points in layout.edges.items():
            others = [b for k, b in layout.boxes.items() if k not in (tail, head)]
            for a, b in pairwise(points):
                assert not any(_crosses(a, b, box) for box in others), (process_id, tail, head)
        for (name_a, box_a), (name_b, box_b) in combinations(layout.boxes.items(), 2):
            assert not overlaps(box_a, box_b), (process_id, name_a, name_b)
