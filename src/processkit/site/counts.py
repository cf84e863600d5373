"""The start page's tiles: how many active processes each delivery area has, by type."""

from __future__ import annotations

from collections.abc import Mapping

from processkit.domain.structure import active_by_type, processes_by_area, sorted_areas
from processkit.frozen import frozen
from processkit.loading.repository import Repository


@frozen
class AreaCount:
    id: str
    name: str
    processes: int
    by_type: Mapping[str, int]


def area_counts(repo: Repository) -> list[AreaCount]:
    """The areas in their configured order with their active processes, counted as
    ``processkit inventory`` counts them (``domain.structure.active_by_type``)."""
    counts: list[AreaCount] = []
    members = processes_by_area(repo)
    for area_id in sorted_areas(repo):
        processes = members.get(area_id, [])
        by_type = active_by_type(repo.processes[pid].entity for pid in processes)
        counts.append(
            AreaCount(area_id, repo.areas[area_id].entity.name, sum(by_type.values()), by_type)
        )
    return counts
