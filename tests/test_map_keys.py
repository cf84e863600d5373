"""The site's cache keys of the landscapes (issue 17): a landscape is drawn again only when its
key changes, so the key must change whenever the drawing does. Each field of a process, and of
an area, is given another process's (another area's) value, and wherever the landscape's DOT
text changes, its key must change too."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from tests.conftest import KALMAR

from processkit.loading.load import load_repository
from processkit.loading.repository import Repository
from processkit.model import Area, Process
from processkit.render.catalogue import MapBuilder
from processkit.render.job import Links
from processkit.site.maps import MapRequest, _landscape_key

#: Two processes with parents, purposes and hand-overs, and the processes whose values they take.
SWAPS = [("bu-utredning", "ao-hemtjanst"), ("eb-ansokan", "bu-utredning")]


@pytest.fixture(scope="module")
def kalmar() -> Repository:
    return load_repository(KALMAR).repo


def _with(repo: Repository, kind: str, entity_id: str, entity: Any) -> Repository:
    records = {k: dict(found) for k, found in repo.records.items()}
    records[kind][entity_id] = replace(records[kind][entity_id], entity=entity, digest="")
    return replace(repo, records=records)


def _drawn(repo: Repository, area: str | None) -> tuple[str, str]:
    builder = MapBuilder(repo, link=Links(prefix="../"))
    request = MapRequest("landscape", area, "../", "processes")
    return builder.landscape(area).dot, _landscape_key(repo, builder, request, "base")


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
            before, before_key = _drawn(kalmar, area)
            after, after_key = _drawn(mutated, area)
            if after != before:
                assert after_key != before_key, f"{name} changes the landscape of {area}"
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
            before, before_key = _drawn(kalmar, shown)
            after, after_key = _drawn(mutated, shown)
            if after != before:
                assert after_key != before_key, f"{name} changes the landscape of {shown}"
