"""The start page's tiles: how many processes each delivery area has, from the inventory."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from processkit.loading.repository import Repository


@dataclass(frozen=True, slots=True)
class AreaCount:
    id: str
    name: str
    processes: int
    by_type: Mapping[str, int]


def area_counts(repo: Repository, today: date | None) -> list[AreaCount]:
    """The areas in their configured order with their active processes, counted as
    ``processkit inventory`` counts them."""
    from processkit.inventory import inventory

    result = inventory(repo, today=today or date.min)
    return [
        AreaCount(group.id, group.name, group.processes, group.by_type)
        for group in result.areas
        if group.id in repo.areas
    ]
