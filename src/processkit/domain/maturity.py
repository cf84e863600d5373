"""Maturity per process and per area: the latest level (the lowest dimension score, as PEMM
has it), each dimension's score and its change since the previous assessment."""

from __future__ import annotations

import datetime
from functools import lru_cache

from processkit import i18n
from processkit.domain.assessments import assessments_by_process, maturity_level
from processkit.domain.lookup import unknown_id
from processkit.domain.structure import depths_of, sorted_areas, tree_order
from processkit.frozen import frozen
from processkit.i18n import p_
from processkit.loading.repository import Repository
from processkit.model import Assessment
from processkit.words import Language


def built_in_labels() -> dict[str, str]:
    """Names of PEMM's five enablers in the language in use, used where ``maturity.labels``
    does not name a dimension."""
    return {
        "design": p_("maturity dimension", "Design"),
        "performers": p_("maturity dimension", "Performers"),
        "owner": p_("maturity dimension", "Owner"),
        "infrastructure": p_("maturity dimension", "Infrastructure"),
        "metrics": p_("maturity dimension", "Metrics"),
    }


@frozen
class Dimension:
    """One dimension of the maturity model and what it is called."""

    id: str
    label: str


@frozen
class Score:
    """One dimension's score in the latest assessment and in the one before (None: not
    scored, or no earlier assessment)."""

    dimension: str
    value: int | None
    previous: int | None

    @property
    def change(self) -> int | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@frozen
class ProcessMaturity:
    """A process's latest assessment against the previous one (None where never assessed);
    ``depth`` is 0 for a top-level process, 1 for its sub-process."""

    process_id: str
    name: str
    area_id: str
    depth: int
    assessments: int
    assessment_id: str | None
    date: datetime.date | None
    level: int | None
    previous_id: str | None
    previous_date: datetime.date | None
    previous_level: int | None
    scores: tuple[Score, ...]

    @property
    def assessed(self) -> bool:
        return self.assessment_id is not None

    @property
    def level_change(self) -> int | None:
        if self.level is None or self.previous_level is None:
            return None
        return self.level - self.previous_level


@frozen
class AreaMaturity:
    """The processes of one area and how their latest levels are distributed."""

    area_id: str
    name: str
    processes: tuple[ProcessMaturity, ...]
    distribution: dict[int, int]

    @property
    def not_assessed(self) -> int:
        return sum(not process.assessed for process in self.processes)


@frozen
class MaturityOverview:
    """The maturity model of the configuration and every area's processes measured by it."""

    levels: tuple[int, ...]
    dimensions: tuple[Dimension, ...]
    descriptions: dict[int, str]
    areas: tuple[AreaMaturity, ...]

    @property
    def never_assessed(self) -> list[ProcessMaturity]:
        return [p for area in self.areas for p in area.processes if not p.assessed]

    @property
    def process_count(self) -> int:
        return sum(len(area.processes) for area in self.areas)


def dimensions(repo: Repository, language: Language) -> tuple[Dimension, ...]:
    """The configured dimensions with their names: ``maturity.labels``, else PEMM's built-in
    names, else the id."""
    config = repo.config.maturity
    with i18n.speaking(language):
        built_in = built_in_labels()
    return tuple(
        Dimension(dim, config.labels.get(dim) or built_in.get(dim) or dim)
        for dim in config.dimensions
    )


def process_maturity(
    repo: Repository,
    process_id: str,
    assessments: list[Assessment] | None = None,
    *,
    depth: int = 0,
) -> ProcessMaturity:
    """One process's latest and previous assessment (``assessments`` oldest first, as
    :func:`processkit.domain.assessments.assessments_by_process` gives them; looked up when
    None). ``depth`` is the process's place in the tree of sub-processes, as
    :func:`processkit.domain.structure.depths_of` gives it; left 0 where it is not shown."""
    if assessments is None:
        assessments = assessments_by_process(repo).get(process_id, [])
    process = repo.processes[process_id].entity
    latest = assessments[-1] if assessments else None
    previous = assessments[-2] if len(assessments) > 1 else None
    if latest is None:  # most processes: the same scores, shared
        scores = _unscored(tuple(repo.config.maturity.dimensions))
    else:
        scores = tuple(
            Score(
                dim,
                latest.scores.get(dim),
                previous.scores.get(dim) if previous else None,
            )
            for dim in repo.config.maturity.dimensions
        )
    return ProcessMaturity(
        process_id=process_id,
        name=process.name,
        area_id=process.area,
        depth=depth,
        assessments=len(assessments),
        assessment_id=latest.id if latest else None,
        date=latest.date if latest else None,
        level=maturity_level(latest) if latest else None,
        previous_id=previous.id if previous else None,
        previous_date=previous.date if previous else None,
        previous_level=maturity_level(previous) if previous else None,
        scores=scores,
    )


@lru_cache(maxsize=8)
def _unscored(dimensions: tuple[str, ...]) -> tuple[Score, ...]:
    """The scores of a process never assessed, on ``dimensions``: made once (an overview
    of 5,000 processes would otherwise make 30,000 of them)."""
    return tuple(Score(dim, None, None) for dim in dimensions)


def maturity_overview(
    repo: Repository, *, area: str | None = None, language: Language | None = None
) -> MaturityOverview:
    """Every active process's maturity, by area in the configured order (one area with
    ``area``); ``language`` (by default the one in use) names the dimensions that
    ``maturity.labels`` does not."""
    if area is not None and area not in repo.areas:
        raise unknown_id("area", area, repo.areas, option="--area")
    config = repo.config.maturity
    by_process = assessments_by_process(repo)
    depths = depths_of(repo)
    by_area: dict[str, list[str]] = {}
    for process_id, record in repo.processes.items():  # one pass, not one per area
        if record.entity.status != "retired":
            by_area.setdefault(record.entity.area, []).append(process_id)
    areas = []
    for area_id in sorted_areas(repo):
        if area is not None and area_id != area:
            continue
        active = by_area.get(area_id, [])
        processes = tuple(
            process_maturity(repo, pid, by_process.get(pid, []), depth=depths[pid])
            for pid in tree_order(repo, active)
        )
        distribution = dict.fromkeys(config.levels, 0)
        for process in processes:
            if process.level is not None:
                distribution[process.level] = distribution.get(process.level, 0) + 1
        areas.append(
            AreaMaturity(area_id, repo.areas[area_id].entity.name, processes, distribution)
        )
    return MaturityOverview(
        levels=tuple(config.levels),
        dimensions=dimensions(repo, language or i18n.current()),
        descriptions=dict(sorted(config.descriptions.items())),
        areas=tuple(areas),
    )
