"""Which processes and handbooks are overdue for review or fall due soon, grouped by owner.

What is not in force (a draft, or a description in review) is never overdue: when its review
day falls by the horizon it is listed apart, in ``ReviewReport.not_in_force``.
"""

from __future__ import annotations

from datetime import date

from processkit.domain.lookup import unknown_id
from processkit.domain.reviews import ReviewStatus, review_state
from processkit.frozen import frozen
from processkit.loading.repository import Repository

KIND_ORDER = {"process": 0, "handbook": 1}


@frozen
class ReviewItem:
    """One process or handbook to review.

    ``days_late`` is positive when the review is overdue, 0 when it is due today and negative
    (the days left) when it falls due later.
    """

    kind: str  # "process" or "handbook"
    id: str
    name: str
    type: str  # process type (core, ...) or handbook type (routine, ...)
    path: str
    area_id: str | None
    area_name: str | None
    due: date
    days_late: int
    status: str | None = None  # the entity's `status`, as written

    @property
    def overdue(self) -> bool:
        return self.days_late > 0


@frozen
class OwnerGroup:
    """The items of one owner; ``owner_id`` is None for the items nobody owns."""

    owner_id: str | None
    name: str | None
    email: str | None
    items: tuple[ReviewItem, ...]


@frozen
class ReviewReport:
    """Everything due for review on or before ``horizon`` (``today`` plus the period)."""

    today: date
    horizon: date
    groups: tuple[OwnerGroup, ...]
    not_in_force: tuple[ReviewItem, ...] = ()

    @property
    def overdue(self) -> int:
        return sum(item.overdue for group in self.groups for item in group.items)

    @property
    def falling_due(self) -> int:
        return sum(not item.overdue for group in self.groups for item in group.items)

    @property
    def within_days(self) -> int:
        return (self.horizon - self.today).days


def reviews_due(
    repo: Repository,
    *,
    today: date,
    horizon: date,
    owner: str | None = None,
    area: str | None = None,
) -> ReviewReport:
    """Processes and handbooks (not retired) whose next review falls on or before ``horizon``.

    Those in force are grouped by owner; the others (drafts, descriptions in review) go to
    ``not_in_force``, sorted by due day, never counted as overdue or falling due.

    ``owner`` keeps the items of one person; ``area`` the processes of one area and the
    handbooks serving any process of it.
    """
    if owner is not None and owner not in repo.people:
        raise unknown_id("person", owner, repo.people, option="--owner")
    if area is not None and area not in repo.areas:
        raise unknown_id("area", area, repo.areas, option="--area")
    found: dict[str | None, list[ReviewItem]] = {}
    apart: list[ReviewItem] = []
    for process_id, record in repo.processes.items():
        process = record.entity
        if process.status == "retired" or (area is not None and process.area != area):
            continue
        state = review_state(process, repo.config, today=today, until=horizon)
        due = state.due
        if due is None or due > horizon or (owner is not None and process.owner != owner):
            continue
        area_record = repo.areas.get(process.area)
        into = (
            apart
            if state.status is ReviewStatus.NOT_IN_FORCE
            else found.setdefault(process.owner, [])
        )
        into.append(
            ReviewItem(
                "process",
                process_id,
                process.name,
                process.type,
                record.path,
                process.area,
                area_record.entity.name if area_record else None,
                due,
                (today - due).days,
                process.status,
            )
        )
    for handbook_id, hb_record in repo.handbooks.items():
        handbook = hb_record.entity
        if handbook.status == "retired" or (owner is not None and handbook.owner != owner):
            continue
        if area is not None and not any(
            pid in repo.processes and repo.processes[pid].entity.area == area
            for pid in handbook.processes
        ):
            continue
        state = review_state(handbook, repo.config, today=today, until=horizon)
        due = state.due
        if due is None or due > horizon:
            continue
        into = (
            apart
            if state.status is ReviewStatus.NOT_IN_FORCE
            else found.setdefault(handbook.owner, [])
        )
        into.append(
            ReviewItem(
                "handbook",
                handbook_id,
                handbook.title,
                handbook.type,
                hb_record.path,
                None,
                None,
                due,
                (today - due).days,
                handbook.status,
            )
        )
    groups = [_group(repo, owner_id, items) for owner_id, items in found.items()]
    groups.sort(key=lambda g: (g.owner_id is None, (g.name or "").casefold(), g.owner_id or ""))
    apart.sort(key=_item_order)
    return ReviewReport(today, horizon, tuple(groups), tuple(apart))


def _item_order(item: ReviewItem) -> tuple[date, int, str]:
    return (item.due, KIND_ORDER[item.kind], item.id)


def _group(repo: Repository, owner_id: str | None, items: list[ReviewItem]) -> OwnerGroup:
    items.sort(key=_item_order)
    person = repo.people.get(owner_id) if owner_id else None
    name = person.entity.name if person else owner_id
    email = person.entity.email if person else None
    return OwnerGroup(owner_id, name, email, tuple(items))
