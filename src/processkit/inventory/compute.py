"""Computing the inventory of a loaded repository: one pass over its processes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from processkit.diagnostics import did_you_mean, named_ids
from processkit.domain.assessments import assessments_by_process, maturity_level
from processkit.domain.lookup import guess
from processkit.domain.proposals import open_proposals_by_process
from processkit.domain.reviews import is_overdue, next_review
from processkit.domain.structure import (
    PROCESS_TYPES,
    STATUSES,
    depths_of,
    is_specified,
    sorted_areas,
    tree_order,
)
from processkit.errors import ProcesskitError
from processkit.i18n import _
from processkit.inventory.model import GroupCount, Inventory, ProcessRow
from processkit.loading.repository import Record, Repository
from processkit.model import Process


class UnknownArea(ProcesskitError):
    """An area asked for by id that the repository does not have."""


class UnknownStatus(ProcesskitError):
    """A status asked for that FORMAT.md does not define."""


def inventory(
    repo: Repository,
    *,
    today: date,
    areas: Iterable[str] | None = None,
    statuses: Iterable[str] | None = None,
) -> Inventory:
    """The process inventory of ``repo`` as of ``today``.

    ``areas`` (area ids) and ``statuses`` narrow it to the processes of those areas and with
    those statuses; the areas keep their configured order whatever order they are given in.
    Processes whose area does not exist (a PK030 error) are counted under an area of that id
    after the configured ones, unless ``areas`` is given.
    """
    area_ids = _chosen_areas(repo, areas)
    wanted_statuses = _chosen_statuses(statuses)
    by_area: dict[str, list[str]] = {area_id: [] for area_id in area_ids}
    strays: dict[str, list[str]] = {}
    for process_id, record in repo.processes.items():
        process = record.entity
        if process.status not in wanted_statuses:
            continue
        if process.area in by_area:
            by_area[process.area].append(process_id)
        elif areas is None and process.area not in repo.areas:
            strays.setdefault(process.area, []).append(process_id)
    for area_id in sorted(strays):
        by_area[area_id] = strays[area_id]

    people = {person_id: rec.entity.name for person_id, rec in sorted(repo.people.items())}
    roles = {role_id: rec.entity.name for role_id, rec in sorted(repo.roles.items())}
    facts = _Facts(repo, today, people)
    rows: list[ProcessRow] = []
    groups: list[GroupCount] = []
    for area_id, process_ids in by_area.items():
        area = repo.areas.get(area_id)
        area_name = area.entity.name if area is not None else area_id
        area_rows = [
            facts.row(repo.processes[process_id], area_name)
            for process_id in tree_order(repo, process_ids)
        ]
        rows.extend(area_rows)
        groups.append(count_group(area_id, area_name, area_rows))
    return Inventory(
        organisation=repo.config.organisation,
        today=today,
        total=sum(group.processes for group in groups),
        areas=tuple(groups),
        processes=tuple(rows),
        people=people,
        roles=roles,
    )


def count_group(group_id: str, name: str, rows: Sequence[ProcessRow]) -> GroupCount:
    """Count ``rows``: active ones in ``processes`` and ``by_type``, all in ``by_status``."""
    by_type = dict.fromkeys(PROCESS_TYPES, 0)
    by_status = dict.fromkeys(STATUSES, 0)
    for row in rows:
        by_status[row.status] += 1
        if row.active:
            by_type[row.type] += 1
    return GroupCount(group_id, name, sum(by_type.values()), by_type, by_status)


class _Facts:
    """What a row needs from the rest of the repository, gathered once."""

    def __init__(self, repo: Repository, today: date, people: dict[str, str]) -> None:
        self.repo = repo
        self.today = today
        self.people = people
        self.assessments = assessments_by_process(repo)
        self.proposals = open_proposals_by_process(repo)
        self.depths = depths_of(repo)

    def row(self, record: Record[Process], area_name: str) -> ProcessRow:
        process = record.entity
        due = next_review(process, self.repo.config)
        assessed = self.assessments.get(process.id)
        performs = Counter(a.role for a in process.activities if a.role)
        return ProcessRow(
            id=process.id,
            name=process.name,
            area=process.area,
            area_name=area_name,
            type=process.type,
            parent=process.parent,
            depth=self.depths[process.id],
            owner=process.owner,
            owner_name=self.people.get(process.owner, process.owner) if process.owner else None,
            leaders=tuple(process.leaders),
            leader_names=tuple(self.people.get(leader, leader) for leader in process.leaders),
            status=process.status,
            version=process.version,
            approved=process.approved.date if process.approved else None,
            next_review=due,
            overdue=is_overdue(process, self.repo.config, self.today),
            mapped=bool(process.activities),
            specified=is_specified(process),
            measures=len(process.measures),
            risks=len(process.risks),
            open_proposals=len(self.proposals.get(process.id, [])),
            maturity=maturity_level(assessed[-1]) if assessed else None,
            performs=tuple(sorted(performs.items())),
        )


def _chosen_areas(repo: Repository, areas: Iterable[str] | None) -> list[str]:
    configured = sorted_areas(repo)
    if areas is None:
        return configured
    asked = list(dict.fromkeys(areas))
    for area_id in asked:
        if area_id not in repo.areas:
            raise UnknownArea(_unknown_area_message(repo, area_id, configured))
    return [area_id for area_id in configured if area_id in asked]


def _unknown_area_message(repo: Repository, area_id: str, configured: list[str]) -> str:
    near = guess(area_id, repo.areas)
    if near is not None:
        return _(
            "no delivery area has the id `{id}`; did you mean `{near}`?", id=area_id, near=near
        )
    if not configured:
        return _("no delivery area has the id `{id}`; this repository has no areas yet", id=area_id)
    return _(
        "no delivery area has the id `{id}`; the areas are {areas}",
        id=area_id,
        areas=named_ids(configured),
    )


def _chosen_statuses(statuses: Iterable[str] | None) -> frozenset[str]:
    if statuses is None:
        return frozenset(STATUSES)
    chosen = frozenset(statuses)
    known = ", ".join(f"`{status}`" for status in STATUSES)
    for status in sorted(chosen):
        if status not in STATUSES:
            near = did_you_mean(status, STATUSES)
            if near:
                raise UnknownStatus(
                    _(
                        "`{status}` is not a status; did you mean `{near}`? A status is one of "
                        "{statuses}.",
                        status=status,
                        near=near,
                        statuses=known,
                    )
                )
            raise UnknownStatus(
                _(
                    "`{status}` is not a status. A status is one of {statuses}.",
                    status=status,
                    statuses=known,
                )
            )
    return chosen
