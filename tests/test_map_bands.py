"""A long flow wrapped into bands (rows): which columns go in which band, link events paired
across bands, and a flow that fits drawn exactly as before."""

from __future__ import annotations

import time
from itertools import combinations, pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from tests.conftest import KALMAR
from tests.test_map_layout import flows, overlaps

from processkit.loading.load import load_repository
from processkit.render.flowbands import (
    BAND_WIDTH,
    flow_width,
    letter,
    place_flow,
    split_bands,
)
from processkit.render.flowlayout import FlowSizes, LinkEvent, layout_flow
from processkit.render.flowroute import _crosses, route


def test_links_are_lettered_like_spreadsheet_columns() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def per_column(width: float) -> object:
    return lambda first, past: width * (past - first)


def test_columns_are_cut_into_as_few_bands_as_fit() -> None:
    assert split_bands(6, per_column(100), 250) == [(0, 2), (2, 4), (4, 6)]
    assert split_bands(6, per_column(100), 600) == [(0, 6)]
    assert split_bands(1, per_column(100), 50) == [(0, 1)]
    assert split_bands(0, per_column(100), 250) == []


def test_bands_are_made_as_even_as_their_number_allows() -> None:
    # greedy, 500 points take five columns and leave two; four and three fit the same two rows
    assert split_bands(7, per_column(100), 500) == [(0, 4), (4, 7)]
    assert split_bands(5, per_column(100), 300) == [(0, 3), (3, 5)]


def test_a_column_wider_than_a_band_has_a_band_of_its_own() -> None:
    assert split_bands(3, per_column(1000), 500) == [(0, 1), (1, 2), (2, 3)]


def chain(count: int, lanes: dict[str, str], max_width: float | None, **more: object) -> FlowSizes:
    order = [f"a{i}" for i in range(1, count + 1)]
    following = {a: [b] for a, b in pairwise(order)} | {order[-1]: []}
    for tail, head in more.pop("extra", []):  # type: ignore[attr-defined]
        following[tail].append(head)
    return FlowSizes(
        order=order,
        lane_of={a: lanes.get(a, "y") for a in order},
        lanes=list(dict.fromkeys(lanes.get(a, "y") for a in order)),
        following=following,
        height_of=dict.fromkeys(order, 44.0),
        start=("start", 120.0, 60.0),
        end=("end", 140.0, 60.0),
        link_caption=(50.0, 10.8),
        max_width=max_width,
        **more,  # type: ignore[arg-type]
    )


def edges_of(sizes: FlowSizes) -> list[tuple[str, str]]:
    order = list(sizes.order)
    edges = [("start", order[0])] + [(a, b) for a in order for b in sizes.following[a]]
    edges += [(a, "end") for a in order if not sizes.following[a]]
    edges += [(name, "start") for name, _, _ in sizes.inputs]
    return edges + [("end", name) for name, _, _ in sizes.outputs]


X3 = {"a1": "x", "a2": "x", "a3": "x"}


def test_a_flow_that_fits_is_placed_and_routed_exactly_as_before() -> None:
    sizes = chain(6, X3, None)
    before = layout_flow(sizes)
    route(before, edges_of(sizes))
    for max_width in (None, flow_width(before), 5000.0):
        sizes = chain(6, X3, max_width)
        layout = place_flow(sizes, edges_of(sizes))
        assert layout.boxes == before.boxes
        assert layout.edges == before.edges
        assert layout.lanes == before.lanes
        assert layout.bands == [before.lanes]
        assert layout.legend == before.legend
        assert layout.links == []
        assert layout.drawn == edges_of(sizes)
        assert layout.band_of == {}


def test_a_long_flow_is_wrapped_into_bands_joined_by_link_events() -> None:
    # widths: the first band 164 + its lanes + 72, a middle one 72 + lanes + 72, the last
    # 72 + lanes + 184; lanes of 1, 2, 3 columns are 188, 384, 580 points wide
    sizes = chain(6, X3, 650.0)
    layout = place_flow(sizes, edges_of(sizes))
    assert [list(band) for band in layout.bands] == [["x"], ["x", "y"], ["y"]]
    assert layout.band_of == {
        "a3": 1,
        "a4": 1,
        "a5": 2,
        "a6": 2,
        "end": 2,
        "link:A": 1,
        "link:A:text": 1,
        "link:B": 2,
        "link:B:2": 1,
        "link:B:2:text": 1,
        "link:B:text": 2,
    }
    assert layout.links == [
        LinkEvent("link:A:1", "link:A:1:text", "A", True, 0, 1, ("a3",)),
        LinkEvent("link:A", "link:A:text", "A", False, 1, 0, ("a2",)),
        LinkEvent("link:B:2", "link:B:2:text", "B", True, 1, 2, ("a5",)),
        LinkEvent("link:B", "link:B:text", "B", False, 2, 1, ("a4",)),
    ]
    assert layout.drawn == [
        ("start", "a1"),
        ("a1", "a2"),
        ("a2", "link:A:1"),
        ("link:A", "a3"),
        ("a3", "a4"),
        ("a4", "link:B:2"),
        ("link:B", "a5"),
        ("a5", "a6"),
        ("a6", "end"),
    ]
    assert set(layout.edges) == set(layout.drawn)
    boxes = layout.boxes
    # a throwing event at the right of its band, level with the step it follows; the
    # catching one at the left, level with the step it leads to; its words under it
    for tail, head in [("a2", "link:A:1"), ("a4", "link:B:2")]:
        assert boxes[head].y == boxes[tail].y and boxes[head].left > boxes[tail].right
    for tail, head in [("link:A", "a3"), ("link:B", "a5")]:
        assert boxes[tail].y == boxes[head].y and boxes[tail].right < boxes[head].left
    for link in layout.links:
        assert boxes[link.caption].top > boxes[link.name].bottom
        assert boxes[link.caption].x == boxes[link.name].x
    # bands stacked top to bottom, each starting at the left, none wider than asked
    tops = [min(r.top for r in band.values()) for band in layout.bands]
    bottoms = [max(r.bottom for r in band.values()) for band in layout.bands]
    assert all(bottom < top for bottom, top in zip(bottoms, tops[1:], strict=False))
    for band in range(3):
        mine = [b for n, b in boxes.items() if layout.band_of.get(n, 0) == band]
        assert min(b.left for b in mine) >= 0
        assert max(b.right for b in mine) - min(b.left for b in mine) <= 650
    assert flow_width(layout) <= 650
    assert layout.legend is None


def test_a_loop_back_to_an_earlier_band_is_a_pair_too() -> None:
    sizes = chain(6, X3, 650.0, extra=[("a5", "a2")])
    layout = place_flow(sizes, edges_of(sizes))
    loop = [link for link in layout.links if link.letter == "C"]
    assert loop == [
        LinkEvent("link:C", "link:C:text", "C", False, 0, 2, ("a5",)),
        LinkEvent("link:C:3", "link:C:3:text", "C", True, 2, 0, ("a2",)),
    ]
    assert ("a5", "link:C:3") in layout.drawn and ("link:C", "a2") in layout.drawn


def test_the_start_and_the_processes_handing_over_go_with_the_first_and_last_bands() -> None:
    sizes = chain(
        6,
        X3,
        700.0,
        inputs=[("in:p", 150.0, 50.0), ("in:q", 150.0, 60.0)],
        outputs=[("out:r", 150.0, 50.0)],
        samples=[(60.0, 40.0), (80.0, 40.0)],
    )
    layout = place_flow(sizes, edges_of(sizes))
    boxes, band_of = layout.boxes, layout.band_of
    last = len(layout.bands) - 1
    assert last >= 1
    assert all(band_of.get(name, 0) == 0 for name in ("start", "in:p", "in:q", "a1"))
    assert band_of["end"] == band_of["out:r"] == last
    # below their event, in its column; their lines run beside it
    assert boxes["start"].bottom < boxes["in:p"].top < boxes["in:q"].top
    assert boxes["in:p"].x == boxes["in:q"].x == boxes["start"].x
    assert boxes["end"].bottom < boxes["out:r"].top and boxes["out:r"].x == boxes["end"].x
    assert layout.edges[("in:p", "start")][-1] == (boxes["start"].left, boxes["start"].y)
    assert layout.edges[("end", "out:r")][0] == (boxes["end"].right, boxes["end"].y)
    # the legend below every band
    assert layout.legend is not None
    assert layout.legend.top > max(b.bottom for b in boxes.values())


@settings(max_examples=60, deadline=None)
@given(flows())
def test_any_wrapped_flow_pairs_its_links_and_overlaps_nothing(
    flow: tuple[list[str], dict[str, str], dict[str, list[str]]],
) -> None:
    order, lane_of, following = flow
    sizes = FlowSizes(
        order=order,
        lane_of=lane_of,
        lanes=list(dict.fromkeys(lane_of[a] for a in order)),
        following=following,
        height_of={a: 40.0 + 13.2 * (len(a) % 3) for a in order},
        start=("start", 120.0, 60.0),
        end=("end", 140.0, 70.0),
        inputs=[("in:x", 150.0, 50.0)],
        outputs=[("out:z", 150.0, 50.0)],
        link_caption=(50.0, 10.8),
        max_width=BAND_WIDTH,
    )
    edges = edges_of(sizes)
    layout = place_flow(sizes, edges)
    for (name_a, a), (name_b, b) in combinations(layout.boxes.items(), 2):
        assert not overlaps(a, b), (name_a, name_b)
    for (tail, head), points in layout.edges.items():
        others = [b for k, b in layout.boxes.items() if k not in (tail, head)]
        for a, b in pairwise(points):
            assert a[0] == b[0] or a[1] == b[1]
            if not tail.startswith("in:") and not head.startswith("out:"):
                assert not any(_crosses(a, b, box) for box in others), (tail, head)
    band = layout.band_of
    throws = {(link.letter, link.band) for link in layout.links if link.throw}
    catches = {link.letter: link.band for link in layout.links if not link.throw}
    assert {mark for mark, _ in throws} == set(catches)
    for tail, head in edges:  # every edge drawn: whole within a band, else through a pair
        if band.get(tail, 0) == band.get(head, 0):
            assert (tail, head) in layout.drawn
        else:
            (mark,) = [
                link.letter
                for link in layout.links
                if not link.throw and head in [h for t, h in layout.drawn if t == link.name]
            ]
            assert (tail, f"link:{mark}:{band.get(tail, 0) + 1}") in layout.drawn
    if len(layout.bands) > 1:
        assert flow_width(layout) <= BAND_WIDTH


def test_a_flow_of_two_hundred_steps_is_wrapped_at_once() -> None:
    order = [f"a{i}" for i in range(200)]
    following = {a: [b] for a, b in pairwise(order)} | {order[-1]: []}
    following["a150"].append("a3")
    sizes = FlowSizes(
        order=order,
        lane_of={a: f"r{i % 7}" for i, a in enumerate(order)},
        lanes=[f"r{i}" for i in range(7)],
        following=following,
        height_of=dict.fromkeys(order, 44.0),
        start=("start", 120.0, 60.0),
        end=("end", 140.0, 60.0),
        link_caption=(50.0, 10.8),
        max_width=BAND_WIDTH,
    )
    began = time.perf_counter()
    layout = place_flow(sizes, edges_of(sizes))
    assert time.perf_counter() - began < 10
    assert len(layout.bands) == 100  # two columns a band: three are 724 points wide
    assert flow_width(layout) <= BAND_WIDTH


# --- on the site, and cached ------------------------------------------------------------------


def test_a_band_fits_the_sites_content_column_at_1280_pixels() -> None:
    from processkit.site.maps import FLOW_SCALE

    column = 1118  # CSS pixels: 72rem less the page's padding and the box's border
    pad = 2 * 18  # points: Graphviz's margin (``pad`` 0.25 inch) on both sides
    assert (BAND_WIDTH + pad) * 4 / 3 * FLOW_SCALE <= column
    assert 9 * 4 / 3 * FLOW_SCALE >= 12  # the smallest text, 9 points, in CSS pixels


def test_a_drawing_made_before_the_wrapping_is_never_served_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The map cache is keyed by the DOT text, which holds every position: a wrapped flow has
    another key than the same flow in one band. The site's cache of flow figures is keyed by
    the map code, this module's too."""
    import processkit.render.flow as flow_module
    from processkit.cache import code_digest
    from processkit.render.cache import cache_key
    from processkit.site.maps import _code_fingerprint

    repo = load_repository(KALMAR).repo
    wrapped = flow_module.process_dot(repo, "bu-utredning")
    monkeypatch.setattr(flow_module, "BAND_WIDTH", float("inf"))
    one_band = flow_module.process_dot(repo, "bu-utredning")
    assert cache_key(wrapped, "svg", "2.43") != cache_key(one_band, "svg", "2.43")
    assert "link:A" in wrapped.dot and "link:A" not in one_band.dot

    read: list[str] = []
    real = Path.read_bytes

    def reading(path: Path) -> bytes:
        read.append(path.name)
        return real(path)

    code_digest.cache_clear()  # worked out once a process: here, read now
    monkeypatch.setattr(Path, "read_bytes", reading)
    _code_fingerprint(repo, tmp_path)
    assert {"flowbands.py", "flowlayout.py", "flowroute.py", "flow.py"} <= set(read)


def test_the_link_events_words_in_both_languages() -> None:
    from processkit.render.texts import texts_for

    sv, en = texts_for("sv"), texts_for("en")
    assert (sv.link_to.format(row=2), sv.link_from.format(row=1)) == ("till rad 2", "från rad 1")
    assert (en.link_to.format(row=2), en.link_from.format(row=1)) == ("to row 2", "from row 1")
    assert sv.link_to_desc.format(row=3, letter="B", names="Besluta") == (
        "Flödet fortsätter på rad 3, vid B, till Besluta."
    )
    assert en.link_from_desc.format(row=1, letter="A", names="Samtala, Planera") == (
        "The flow comes from row 1, at A, from Samtala, Planera."
    )
