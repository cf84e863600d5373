"""When approved processes and handbooks fall due for review: for the overdue and due-soon rules."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from processkit.derive import next_review
from processkit.loading.locate import Loc
from processkit.loading.repository import Repository

if TYPE_CHECKING:
    from processkit.rules.index import RepoIndex


@dataclass(frozen=True, slots=True)
class DueReview:
    """One approved process or handbook, the day its review is due and where that comes from:
    the value of ``review_date``, or else the key ``approved``."""

    what: str  # "process" or "handbook"
    entity_id: str
    path: str
    due: date
    loc: Loc
    at_key: bool


def due_reviews(repo: Repository, index: RepoIndex) -> Iterator[DueReview]:
    """Every approved process, and every handbook in force, with a next review day.

    A handbook without `status` counts as in force when it has an approval date.
    """
    for record in index.active_processes:
        process = record.entity
        if process.status != "approved":
            continue
        due = next_review(process, repo.config)
        if due is not None:
            yield DueReview("process", process.id, record.path, due, *_where(process.review_date))
    for _, handbook_record in sorted(repo.handbooks.items()):
        handbook = handbook_record.entity
        if handbook.status not in (None, "approved"):
            continue
        due = next_review(handbook, repo.config)
        if due is not None:
            yield DueReview(
                "handbook", handbook.id, handbook_record.path, due, *_where(handbook.review_date)
            )


def _where(review_date: date | None) -> tuple[Loc, bool]:
    return (("review_date",), False) if review_date is not None else (("approved",), True)
