"""The facts the site's pages need, gathered in one pass over the repository (never once per
page): children, assessments, open proposals, who uses which handbook and role, who owns and
leads what, and whether a review is overdue."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import TypeVar

from processkit.domain.assessments import assessments_by_process
from processkit.domain.proposals import open_proposals_by_process, proposals_by_process
from processkit.domain.reviews import is_overdue, next_review
from processkit.domain.structure import (
    active_processes,
    children_of,
    led_by,
    owned_by,
    processes_by_area,
)
from processkit.loading.repository import ByFile, Repository
from processkit.model import Assessment, Config, Handbook, Process, Proposal

#: RACI letters in the order a page shows them.
RACI = ("R", "A", "C", "I")


@dataclass(slots=True)
class RoleUsage:
    """Where one role appears in one process: the process's name, activity ids with their RACI
    letters and with their names, and the self-checks it does. That is all a role's page shows
    of the process, so the page is built again only when one of these changes, not with every
    edit of the process."""

    name: str = ""
    activities: dict[str, list[str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    controls: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Facts:
    today: date | None
    children: dict[str, list[str]]
    assessments: dict[str, list[Assessment]]
    proposals: dict[str, list[Proposal]]
    #: every proposal about each process, open or decided, by id
    proposals_about: dict[str, list[Proposal]]
    #: the ids of each area's processes, sorted
    in_area: dict[str, list[str]]
    #: worked out when first read (``Later``): only the pages of handbooks and roles read
    #: these, and a publish after one change starts to index the process pages before
    handbook_users: Mapping[str, list[str]]
    role_uses: Mapping[str, dict[str, RoleUsage]]
    owns: dict[str, list[str]]
    leads: dict[str, list[str]]

    config: Config

    def worked_out(self) -> None:
        """Work out now what is worked out when first read (before workers are forked, not
        in each of them)."""
        for table in (self.handbook_users, self.role_uses):
            if isinstance(table, Later):
                table.worked_out()

    def overdue(self, entity: Process | Handbook) -> bool:
        """Whether the review of ``entity`` is overdue on the build's day (never without one)."""
        return is_overdue(entity, self.config, self.today)


def gather(repo: Repository, today: date | None) -> Facts:
    active = active_processes(repo)
    return Facts(
        today=today,
        children=children_of(repo),
        assessments=assessments_by_process(repo),
        proposals=open_proposals_by_process(repo),
        proposals_about=proposals_by_process(repo),
        in_area=processes_by_area(repo),
        handbook_users=Later(partial(_handbook_users, repo)),
        role_uses=Later(partial(_role_uses, repo)),
        owns=owned_by(active),
        leads=led_by(active),
        config=repo.config,
    )


def _handbook_users(repo: Repository) -> dict[str, list[str]]:
    """The processes that use each handbook: those it names, and those that name it."""
    users: dict[str, set[str]] = defaultdict(set)
    for handbook_id, handbook in repo.handbooks.items():
        users[handbook_id].update(handbook.entity.processes)
    for process_id, record in sorted(repo.processes.items()):
        for handbook_id in _HANDBOOKS_OF.of(
            "process", record, partial(_handbooks_of, record.entity)
        ):
            users[handbook_id].add(process_id)
    _HANDBOOKS_OF.done()
    return {key: sorted(value) for key, value in users.items()}


def _role_uses(repo: Repository) -> dict[str, dict[str, RoleUsage]]:
    """How each process uses each role (``uses_of``), by role, then process in id order."""
    role_uses: dict[str, dict[str, RoleUsage]] = defaultdict(dict)
    for process_id, record in sorted(repo.processes.items()):
        for role_id, usage in _ROLES_OF.of(
            "process", record, partial(uses_of, record.entity)
        ).items():
            role_uses[role_id][process_id] = usage
    _ROLES_OF.done()
    return dict(role_uses)


K = TypeVar("K")
V = TypeVar("V")


class Later(Mapping[K, V]):
    """A table worked out by ``make`` when it is first read, then kept."""

    __slots__ = ("_make", "_table")

    def __init__(self, make: Callable[[], Mapping[K, V]]) -> None:
        self._make: Callable[[], Mapping[K, V]] | None = make
        self._table: Mapping[K, V] | None = None

    def known(self) -> Mapping[K, V] | None:
        """The table where it is worked out already, else None (and it is not worked out)."""
        return self._table

    def worked_out(self) -> Mapping[K, V]:
        if self._table is None:
            assert self._make is not None
            self._table, self._make = self._make(), None
        return self._table

    def __getitem__(self, key: K) -> V:
        return self.worked_out()[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self.worked_out())

    def __len__(self) -> int:
        return len(self.worked_out())

    def __repr__(self) -> str:
        return repr(self.worked_out())


#: Of each process's file: its usage of each role, and the handbooks it reads; kept from the
#: last gathering in this process (``serve`` gathers before every build). A ``RoleUsage`` is
#: never changed once made.
_ROLES_OF: ByFile[dict[str, RoleUsage]] = ByFile()
_HANDBOOKS_OF: ByFile[tuple[str, ...]] = ByFile()


def _handbooks_of(process: Process) -> tuple[str, ...]:
    """The handbooks ``process`` reads, in the order it names them (some more than once)."""
    read = [document.handbook for document in process.documents if document.handbook]
    for activity in process.activities:
        if activity.documents:
            read += activity.documents
    return tuple(read)


def uses_of(process: Process) -> dict[str, RoleUsage]:
    """How ``process`` uses each role it names, in the order it names them: all that the
    role's page shows of it."""
    name = process.name
    uses: dict[str, RoleUsage] = {}
    for activity in process.activities:
        activity_id = activity.id
        letters = (
            ("R", (activity.role,) if activity.role else ()),
            ("A", (activity.accountable,) if activity.accountable else ()),
            ("C", activity.consulted),
            ("I", activity.informed),
        )
        for letter, role_ids in letters:
            for role_id in role_ids:
                # a usage made once per role, not for every use and thrown away
                usage = uses.get(role_id)
                if usage is None:
                    usage = uses[role_id] = RoleUsage(name)
                found = usage.activities.get(activity_id)
                if found is None:
                    usage.activities[activity_id] = [letter]
                elif letter not in found:
                    found.append(letter)
                usage.names[activity_id] = activity.name
    for control in process.controls:
        if control.role:
            usage = uses.get(control.role)
            if usage is None:
                usage = uses[control.role] = RoleUsage(name)
            usage.controls.append(control.description)
    return uses


def review_of(entity: Process | Handbook, repo: Repository) -> date | None:
    return next_review(entity, repo.config)
