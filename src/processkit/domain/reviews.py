"""When a process or handbook falls due for review, and whether that matters yet.

One answer for every command, rule and page: ``review_state`` says when the review is due and
whether it is overdue, due soon, later, or not in force. Only what is in force can be overdue:
an approved process, and a handbook whose ``status`` is unset or ``approved`` (rule PK102's
rule). A draft, a description in review and a retired one are not in force, whatever their
``review_date`` says.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from enum import Enum

from processkit.domain.dates import add_months
from processkit.frozen import frozen
from processkit.loading.locate import Loc
from processkit.loading.repository import Repository
from processkit.model import Config, Handbook, Process


class ReviewStatus(Enum):
    """Where a review stands on a given day."""

    NOT_IN_FORCE = "not-in-force"
    UNDATED = "undated"
    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    LATER = "later"


@frozen
class ReviewState:
    """The day the review is due (None when never approved nor planned) and its status."""

    due: date | None
    status: ReviewStatus


def in_force(entity: Process | Handbook) -> bool:
    """An approved process, or a handbook whose ``status`` is unset or ``approved``."""
    if isinstance(entity, Process):
        return entity.status == "approved"
    return entity.status in (None, "approved")


def next_review(entity: Process | Handbook, config: Config) -> date | None:
    """When the process or handbook is next due for review: ``review_date``, else approval date
    plus the configured interval, else None (never approved)."""
    if entity.review_date is not None:
        return entity.review_date
    if entity.approved is not None:
        return add_months(entity.approved.date, config.review.interval_months)
    return None


def review_state(
    entity: Process | Handbook, config: Config, *, today: date, until: date
) -> ReviewState:
    """When ``entity`` is due for review, and whether on ``today`` that is overdue (before
    today), due soon (today up to ``until``, both included), later, or not in force."""
    due = next_review(entity, config)
    if not in_force(entity):
        return ReviewState(due, ReviewStatus.NOT_IN_FORCE)
    if due is None:
        return ReviewState(None, ReviewStatus.UNDATED)
    return ReviewState(due, _dated_status(due, today=today, until=until))


def _dated_status(due: date, *, today: date, until: date) -> ReviewStatus:
    """Where the review of something in force, due on ``due``, stands on ``today``."""
    if due < today:
        return ReviewStatus.OVERDUE
    if due <= until:
        return ReviewStatus.DUE_SOON
    return ReviewStatus.LATER


def is_overdue(entity: Process | Handbook, config: Config, today: date | None) -> bool:
    """Whether the review of ``entity`` is overdue on ``today`` (never when no day is given):
    ``review_state``'s ``OVERDUE``, told without making the state (asked of every process and
    handbook by every publish)."""
    if today is None or not in_force(entity):
        return False
    due = next_review(entity, config)
    return due is not None and _dated_status(due, today=today, until=today) is ReviewStatus.OVERDUE


@frozen
class DueReview:
    """One process or handbook in force, the day its review is due and where that comes from:
    the value of ``review_date``, or else the key ``approved``."""

    what: str  # "process" or "handbook"
    entity: Process | Handbook
    path: str
    due: date
    loc: Loc
    at_key: bool

    @property
    def entity_id(self) -> str:
        return self.entity.id

    def status(self, *, today: date, until: date) -> ReviewStatus:
        """``review_state(entity, ...).status``, from the day already worked out: what is
        listed here is in force and dated."""
        return _dated_status(self.due, today=today, until=until)


def due_reviews(repo: Repository) -> Iterator[DueReview]:
    """Every process and handbook in force with a next review day, processes first, each by id."""
    for _, record in sorted(repo.processes.items()):
        process = record.entity
        due = next_review(process, repo.config) if in_force(process) else None
        if due is not None:
            yield DueReview("process", process, record.path, due, *_where(process.review_date))
    for _, handbook_record in sorted(repo.handbooks.items()):
        handbook = handbook_record.entity
        due = next_review(handbook, repo.config) if in_force(handbook) else None
        if due is not None:
            yield DueReview(
                "handbook", handbook, handbook_record.path, due, *_where(handbook.review_date)
            )


def _where(review_date: date | None) -> tuple[Loc, bool]:
    return (("review_date",), False) if review_date is not None else (("approved",), True)
