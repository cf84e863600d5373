"""The site's cache keys of the landscapes (issue 17): a landscape is drawn again only when its
drawing's key changes, and its texts put in again only when its figure's key does, so each key
must change whenever what it stands for does. Each field of a process, and of an area, is given
another process's (another area's) value: wherever the landscape's DOT text changes, the
drawing's key must change too, and wherever its DOT text or its accessible texts change, the
figure's key."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pytest
from tests.conftest import KALMAR

from processkit.loading.load import load_repository
from processkit.loading.repository import Repository
from processkit.model import Area, Process
from processkit.render.catalogue import MapBuilder
from processkit.render.common import markdown_text
from processkit.render.job import Links
from processkit.site.maps import LandscapeKeys, MapRequest, _landscape_keys, _MapKeys

#: Two processes with parents, purposes and hand-overs, and the processes whose values they take.
SWAPS = [("bu-utredning", "ao-hemtjanst"), ("eb-ansokan", "bu-utredning")]


@pytest.fixture(scope="module")
def kalmar() -> Repository:
    return load_repository(KALMAR).repo


def _with(repo: Repository, kind: str, entity_id: str, entity: Any) -> Repository:
    records = {k: dict(found) for k, found in repo.records.items()}
    records[kind][entity_id] = replace(records[kind][entity_id], entity=entity, digest="")
    return replace(repo, records=records)


@dataclass(frozen=True)
class Drawn:
    dot: str
    texts: str  # the accessible texts and tooltips (MapJob.accessibility_key)
    keys: LandscapeKeys


def _drawn(repo: Repository, area: str | None) -> Drawn:
    builder = MapBuilder(repo, link=Links(prefix="../"), tooltips_after=True)
    request = MapRequest("landscape", area, "../", "processes")
    job = builder.landscape(area)
    # made for a drawing kept from before: every text as the whole job's, no DOT text
    words = builder.landscape(area, words_only=True)
    assert words.dot == "" and replace(words, dot=job.dot) == job
    keys = _landscape_keys(_MapKeys(repo, {"../": builder}, "base"), request)
    return Drawn(job.dot, job.accessibility_key(), keys)


def _check(before: Drawn, after: Drawn, what: str) -> None:
    if after.dot != before.dot:
        assert after.keys.drawing != before.keys.drawing, f"{what} changes the drawing"
    if (after.dot, after.texts) != (before.dot, before.texts):
        assert after.keys.figure != before.keys.figure, f"{what} changes the figure"


def _fields(model: type[Any]) -> list[str]:
    return [name for name in model.model_fields if name not in ("kind", "id")]


@pytest.mark.parametrize(("changed", "giver"), SWAPS)
def test_a_process_field_that_changes_a_landscape_changes_its_key(
    kalmar: Repository, changed: str, giver: str
) -> None:
    process: Process = kalmar.processes[changed].entity
    other: Process = kalmar.processes[giver].entity
    tried = 0
    for name in _fields(Process):
        value = getattr(other, name)
        if value == getattr(process, name):
            continue
        mutated = _with(kalmar, "process", changed, process.model_copy(update={name: value}))
        for area in (process.area, None):
            _check(_drawn(kalmar, area), _drawn(mutated, area), f"{name} in {area}")
            tried += 1
    assert tried >= 20  # the swaps reach most fields


def test_an_area_field_that_changes_a_landscape_changes_its_key(kalmar: Repository) -> None:
    area: Area = kalmar.areas["barn-och-unga"].entity
    other: Area = kalmar.areas["aldreomsorg"].entity
    for name in _fields(Area):
        value = getattr(other, name)
        if value == getattr(area, name):
            continue
        mutated = _with(kalmar, "area", area.id, area.model_copy(update={name: value}))
        for shown in (area.id, None):
            _check(_drawn(kalmar, shown), _drawn(mutated, shown), f"{name} of {shown}")


def test_a_new_purpose_changes_a_landscapes_words_not_its_drawing(kalmar: Repository) -> None:
    """The purpose is read out in each process's description and tooltip, put in after
    Graphviz drew the map: a new purpose keeps the DOT text and the drawing's key."""
    process: Process = kalmar.processes["bu-utredning"].entity
    changed = process.model_copy(update={"purpose": "Ett nytt syfte med *betoning*."})
    mutated = _with(kalmar, "process", process.id, changed)
    before, after = _drawn(kalmar, process.area), _drawn(mutated, process.area)
    assert after.dot == before.dot
    assert after.keys.drawing == before.keys.drawing
    assert "Ett nytt syfte med betoning." in after.texts
    assert after.texts.replace("Ett nytt syfte med betoning.", "") == before.texts.replace(
        markdown_text(process.purpose), ""
    )
    assert after.keys.figure != before.keys.figure
    # on the whole landscape it is counted on its parent: nothing drawn changes
    assert _drawn(mutated, None).dot == _drawn(kalmar, None).dot


@pytest.mark.parametrize("tooltips_after", [True, False])
def test_a_landscape_made_for_its_texts_only_has_every_text_of_the_whole_job(
    kalmar: Repository, tooltips_after: bool
) -> None:
    """``words_only`` (a landscape whose drawing the site kept) leaves out the DOT text and
    nothing else, for the whole landscape and each area's."""
    builder = MapBuilder(kalmar, link=Links(prefix="../"), tooltips_after=tooltips_after)
    for area in [None, *sorted(kalmar.areas)]:
        job = builder.landscape(area)
        words = builder.landscape(area, words_only=True)
        assert job.dot.startswith("digraph") and len(job.nodes) > 5
        assert words.dot == ""
        assert replace(words, dot=job.dot) == job
