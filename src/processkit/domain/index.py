"""Facts about the whole repository that several rules need, each built once in one pass.

A rule that needs to know, say, whether another process mirrors an interface looks it up here
rather than scanning every process again, so that checking N processes costs N, not N².
Where a finding sits in its file is not a fact of the repository: the rule runner finds that
(``processkit.rules.positions``).
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property

from processkit.domain.flow import Flow, flow_of
from processkit.domain.reviews import DueReview, due_reviews
from processkit.domain.structure import (
    active_processes,
    activity_roles,
    is_active,
    led_counts,
    owned_counts,
)
from processkit.loading.repository import Record, Repository
from processkit.model import Process


class RepoIndex:
    """Lazily built lookups over one repository; a value is computed on first use only."""

    def __init__(self, repo: Repository) -> None:
        self._repo = repo

    @cached_property
    def active_processes(self) -> list[Record[Process]]:
        """Every process that is not retired, sorted by id."""
        return active_processes(self._repo)

    @cached_property
    def retired_ids(self) -> frozenset[str]:
        """The ids of the retired processes."""
        return frozenset(
            pid for pid, rec in self._repo.processes.items() if not is_active(rec.entity)
        )

    @cached_property
    def retired_handbooks(self) -> frozenset[str]:
        """The ids of the handbooks with ``status: retired``."""
        return frozenset(
            hid for hid, rec in self._repo.handbooks.items() if rec.entity.status == "retired"
        )

    @cached_property
    def reviews(self) -> list[DueReview]:
        """Every process and handbook in force with the day its review is due."""
        return list(due_reviews(self._repo))

    @cached_property
    def interfaces(self) -> frozenset[tuple[str, str, str]]:
        """Every interface as (process, other process, direction), for looking one up."""
        return frozenset(
            (process_id, interface.process, interface.direction)
            for process_id, record in self._repo.processes.items()
            for interface in record.entity.interfaces
        )

    @cached_property
    def unused_roles(self) -> frozenset[str]:
        """Operational roles that no active process names (performer, RACI or control)."""
        return self._unused[0]

    @cached_property
    def unreferenced_handbooks(self) -> frozenset[str]:
        """Handbooks in force that no active process or activity names, and that list no
        process of their own."""
        return self._unused[1]

    @cached_property
    def _unused(self) -> tuple[frozenset[str], frozenset[str]]:
        # One pass over the active processes for both, stopping as soon as everything has been
        # seen in use: in a healthy repository that is long before the last process.
        roles = {
            rid for rid, rec in self._repo.roles.items() if rec.entity.category != "governance"
        }
        handbooks = {
            hid
            for hid, rec in self._repo.handbooks.items()
            if rec.entity.status != "retired" and not rec.entity.processes
        }
        for record in self.active_processes:
            if not roles and not handbooks:
                break
            process = record.entity
            for activity in process.activities:
                roles.difference_update(activity_roles(activity))
                handbooks.difference_update(activity.documents)
            for control in process.controls:
                roles.discard(control.role)
            for document in process.documents:
                handbooks.discard(document.handbook)
        return frozenset(roles), frozenset(handbooks)

    @cached_property
    def flows(self) -> dict[str, Flow]:
        """Process id -> what its flow reaches and where it can end, for active processes."""
        return {rec.entity.id: flow_of(rec.entity.activities) for rec in self.active_processes}

    @cached_property
    def owned_counts(self) -> Counter[str]:
        """Person id -> number of active processes the person owns."""
        return owned_counts(self.active_processes)

    @cached_property
    def led_counts(self) -> Counter[str]:
        """Person id -> number of active processes the person is a leader of."""
        return led_counts(self.active_processes)
