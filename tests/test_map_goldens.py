"""Golden DOT files of every kind of map, on examples/kalmar and on the test fixture.

A map's DOT text is its contract: when a change moves a process, a lane or a label, the golden
file's diff shows it. Rewrite them with ``pytest tests/test_map_goldens.py --update-goldens``
and review the diff.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import KALMAR
from tests.golden_support import check_golden
from tests.test_map_dot import FIXTURE

from processkit.loading.load import load_repository
from processkit.render.catalogue import MapBuilder
from processkit.render.job import MapJob

GOLDENS = Path(__file__).parent / "goldens" / "maps"
MakeRepo = Callable[[dict[str, str | bytes]], Path]

KALMAR_MAPS: list[tuple[str, Callable[[MapBuilder], MapJob]]] = [
    ("kalmar-landscape.dot", lambda maps: maps.landscape()),
    ("kalmar-landscape-barn-och-unga.dot", lambda maps: maps.landscape("barn-och-unga")),
    ("kalmar-process-bu-utredning.dot", lambda maps: maps.process("bu-utredning")),
    ("kalmar-process-eb-ansokan.dot", lambda maps: maps.process("eb-ansokan")),
    ("kalmar-interfaces-barn-och-unga.dot", lambda maps: maps.interfaces(area="barn-och-unga")),
    (
        "kalmar-interfaces-around-bu-utredning.dot",
        lambda maps: maps.interfaces(around="bu-utredning", depth=1),
    ),
]
FIXTURE_MAPS: list[tuple[str, Callable[[MapBuilder], MapJob]]] = [
    ("fixture-landscape.dot", lambda maps: maps.landscape()),
    ("fixture-landscape-barn.dot", lambda maps: maps.landscape("barn")),
    ("fixture-process-utreda.dot", lambda maps: maps.process("utreda")),
    ("fixture-interfaces.dot", lambda maps: maps.interfaces()),
]


@pytest.fixture(scope="module")
def kalmar() -> MapBuilder:
    loaded = load_repository(KALMAR)
    assert [d for d in loaded.diagnostics if d.severity == "error"] == []
    return MapBuilder(loaded.repo)


@pytest.mark.parametrize(("golden", "build"), KALMAR_MAPS, ids=[g for g, _ in KALMAR_MAPS])
def test_kalmar_map_matches_its_golden(
    kalmar: MapBuilder, update_goldens: bool, golden: str, build: Callable[[MapBuilder], MapJob]
) -> None:
    check_golden(GOLDENS / golden, build(kalmar).dot, update_goldens)


@pytest.mark.parametrize(("golden", "build"), FIXTURE_MAPS, ids=[g for g, _ in FIXTURE_MAPS])
def test_fixture_map_matches_its_golden(
    make_repo: MakeRepo, update_goldens: bool, golden: str, build: Callable[[MapBuilder], MapJob]
) -> None:
    maps = MapBuilder(load_repository(make_repo(FIXTURE)).repo)
    check_golden(GOLDENS / golden, build(maps).dot, update_goldens)


def listed_process() -> dict[str, str | bytes]:
    """A process of 201 activities, one more than a flow map draws: written with the second
    step last, so that the list shows flow order, not file order; one name long enough to
    wrap, one with characters DOT must escape, one step without a performer."""
    names = {
        1: "Ta emot ansökan",
        2: "Kontrollera att ansökan är komplett",
        3: "Utreda rätten till bistånd enligt 4 kap. 1 § SoL med hembesök, kontakt med "
        "arbetsförmedlingen och genomgång av kontoutdrag för de senaste tre månaderna",
        4: 'Skriva "förslag till beslut" \\ kommentera',
    }
    steps = [1, *range(3, 202), 2]
    lines = [
        "kind: process",
        "id: eb-handlaggning",
        "name: Handlägga ansökan om ekonomiskt bistånd",
        "area: barn",
        "type: core",
        "status: draft",
        "activities:",
    ]
    for step in steps:
        name = names.get(step, f"Steg {step}")
        lines += [f"  - id: s{step}", f"    name: {json.dumps(name, ensure_ascii=False)}"]
        if step != 5:
            lines.append("    role: handlaggare")
        if step < 201:
            lines.append(f"    next: [s{step + 1}]")
    return {
        "areas/barn.yaml": "kind: area\nid: barn\nname: Barn och unga\n",
        "roles/handlaggare.yaml": (
            "kind: role\nid: handlaggare\nname: Handläggare\ncategory: operational\n"
        ),
        "processes/eb-handlaggning.yaml": "\n".join(lines) + "\n",
    }


def test_a_flow_too_large_to_draw_is_a_list_matching_its_golden(
    make_repo: MakeRepo, update_goldens: bool
) -> None:
    maps = MapBuilder(load_repository(make_repo(listed_process())).repo)
    check_golden(
        GOLDENS / "fixture-process-listed.dot",
        maps.process("eb-handlaggning").dot,
        update_goldens,
    )
