"""Every map of a repository, as the site and ``processkit map all`` draw them."""

from __future__ import annotations

from functools import cached_property

from processkit.domain.structure import handovers, sorted_areas
from processkit.loading.repository import Repository
from processkit.model import Process
from processkit.render.common import active_processes
from processkit.render.flow import process_dot
from processkit.render.interfaces import interfaces_dot
from processkit.render.job import Links, MapJob
from processkit.render.landscape import landscape_dot


class MapBuilder:
    """Builds many maps of one repository, working out the hand-overs between its processes
    once (each map needs them; asking ``process_dot`` alone for each of N processes would
    cost N times N)."""

    def __init__(
        self,
        repo: Repository,
        *,
        link: Links | None = None,
        legend: bool = True,
        tooltips_after: bool = False,
    ):
        self.repo = repo
        self.link = link
        self.legend = legend
        #: the landscapes' tooltips put in after drawing (see ``landscape_dot``)
        self.tooltips_after = tooltips_after

    @cached_property
    def passes(self) -> dict[tuple[str, str], str | None]:
        return handovers(self.repo)

    @cached_property
    def active(self) -> dict[str, Process]:
        """The processes that are not retired, by id (each landscape is drawn from them)."""
        return active_processes(self.repo)

    @cached_property
    def active_by_area(self) -> dict[str, dict[str, Process]]:
        """``active`` by area: an area's landscape looks at its own processes, not at all of
        them (the 125 areas of 5,000 processes took 0.4 s of processor time so)."""
        found: dict[str, dict[str, Process]] = {}
        for process_id, process in self.active.items():
            found.setdefault(process.area, {})[process_id] = process
        return found

    @cached_property
    def passes_by_process(self) -> dict[str, dict[tuple[str, str], str | None]]:
        """Process id -> the hand-overs it sends or receives (in the order of ``passes``)."""
        found: dict[str, dict[tuple[str, str], str | None]] = {}
        for pair, what in self.passes.items():
            for process_id in pair:
                found.setdefault(process_id, {})[pair] = what
        return found

    def relinked(self, link: Links | None) -> MapBuilder:
        """This builder with links made by ``link``, sharing the hand-overs worked out so far
        (they do not depend on the links)."""
        other = MapBuilder(
            self.repo, link=link, legend=self.legend, tooltips_after=self.tooltips_after
        )
        for name in ("passes", "passes_by_process", "active", "active_by_area"):  # cached
            if name in self.__dict__:
                other.__dict__[name] = self.__dict__[name]
        return other

    def landscape(self, area: str | None = None, *, words_only: bool = False) -> MapJob:
        return landscape_dot(
            self.repo,
            area=area,
            link=self.link,
            legend=self.legend,
            passes=self.passes,
            tooltips_after=self.tooltips_after,
            words_only=words_only,
            active=self.active if area is None else self.active_by_area.get(area, {}),
        )

    def process(self, process_id: str) -> MapJob:
        passes = self.passes_by_process.get(process_id, {})
        return process_dot(self.repo, process_id, link=self.link, legend=self.legend, passes=passes)

    def interfaces(
        self, area: str | None = None, around: str | None = None, depth: int = 1
    ) -> MapJob:
        return interfaces_dot(
            self.repo,
            area=area,
            around=around,
            depth=depth,
            link=self.link,
            legend=self.legend,
            passes=self.passes,
            active=self.active,
        )

    def areas(self) -> list[str]:
        """The areas with an active process, in their configured order."""
        return [area_id for area_id in sorted_areas(self.repo) if area_id in self.active_by_area]

    def all(self) -> list[MapJob]:
        """The landscape, then each area's, each active process's flow (by id), the
        interface graph, then each area's."""
        areas = self.areas()
        jobs = [self.landscape()]
        jobs += [self.landscape(area_id) for area_id in areas]
        jobs += [self.process(process_id) for process_id in self.active]
        jobs.append(self.interfaces())
        jobs += [self.interfaces(area=area_id) for area_id in areas]
        return jobs


def all_maps(repo: Repository, *, link: Links | None = None, legend: bool = True) -> list[MapJob]:
    """Every map of ``repo`` (see ``MapBuilder.all``)."""
    return MapBuilder(repo, link=link, legend=legend).all()
