"""The maturity overview (``maturity.html``). The numbers come from :mod:`processkit.reports`."""

from __future__ import annotations

from datetime import date
from typing import cast

from processkit.domain.maturity import maturity_overview
from processkit.frozen import frozen
from processkit.loading.repository import Repository
from processkit.site import links
from processkit.site.contexts import Link
from processkit.words import Language


@frozen
class LevelCount:
    level: int
    count: int


@frozen
class MaturityRow:
    """One assessed process of an area: its latest level, when, and the change since the
    assessment before (None: no level, or no earlier assessment)."""

    process: Link
    depth: int
    level: int | None
    assessed: date
    change: int | None


@frozen
class AreaMaturityView:
    anchor: str
    name: str
    link: Link
    distribution: list[LevelCount]
    processes: int
    assessed: list[MaturityRow]
    never: list[Link]


@frozen
class LevelText:
    level: int
    text: str


@frozen
class MaturityPage:
    dimensions: list[str]
    levels: list[LevelText]
    top: int
    areas: list[AreaMaturityView]
    processes: int
    never: int
    breadcrumbs: list[Link]


def maturity_page(repo: Repository, language: str) -> MaturityPage:
    """Per area: how the latest levels are distributed, a row per assessed process and the
    processes never assessed (one pass over the processes: linear in their number)."""
    overview = maturity_overview(repo, language=cast(Language, language))
    areas = []
    for area in overview.areas:
        assessed = []
        never = []
        for process in area.processes:
            link = Link(process.name, links.process_path(process.process_id))
            if process.date is None:
                never.append(link)
            else:
                assessed.append(
                    MaturityRow(
                        link, process.depth, process.level, process.date, process.level_change
                    )
                )
        areas.append(
            AreaMaturityView(
                anchor=f"area-{area.area_id}",
                name=area.name,
                link=Link(area.name, links.area_path(area.area_id)),
                distribution=[LevelCount(level, n) for level, n in area.distribution.items()],
                processes=len(area.processes),
                assessed=assessed,
                never=never,
            )
        )
    return MaturityPage(
        dimensions=[dimension.label for dimension in overview.dimensions],
        levels=[
            LevelText(level, overview.descriptions.get(level, "")) for level in overview.levels
        ],
        top=max(overview.levels, default=4),
        areas=areas,
        processes=overview.process_count,
        never=len(overview.never_assessed),
        breadcrumbs=[],
    )
