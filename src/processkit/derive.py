"""Facts derived from a loaded repository, shared by rules, inventory, maps and the site.

Pure functions: no I/O, no clock (the date is always passed in).
"""

from __future__ import annotations

import calendar
from collections import defaultdict, deque
from collections.abc import Iterable
from datetime import date

from processkit.loading.repository import Record, Repository
from processkit.model import Assessment, Config, Handbook, Process

ACTIVE_STATUSES = ("draft", "review", "approved")
PROCESS_TYPES = ("management", "core", "support")
STATUSES = ("draft", "review", "approved", "retired")
SPECIFICATION_FIELDS = ("purpose", "customer", "need", "start", "end")
#: The most activities a flow map draws. A process with more is shown as a list of its
#: activities in flow order instead, on its map and its page, and rule PK124 says why: such a
#: map could not be read, and placing it would take long.
FLOW_MAP_MAX_ACTIVITIES = 200
#: How many levels of sub-processes a list of processes nests (the site's list of an area's
#: processes) or indents (the maturity table): a process and five levels below it. Deeper
#: sub-processes are listed at the last level, each saying whose sub-process it is, so that a
#: parent chain thousands deep is a long list rather than a page thousands of levels deep.
NESTED_LEVELS = 6


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_review(entity: Process | Handbook, config: Config) -> date | None:
    """When the process or handbook is next due for review: ``review_date``, else approval date
    plus the configured interval, else None (never approved)."""
    if entity.review_date is not None:
        return entity.review_date
    if entity.approved is not None:
        return add_months(entity.approved.date, config.review.interval_months)
    return None


def is_active(process: Process) -> bool:
    return process.status != "retired"


def is_specified(process: Process) -> bool:
    """Has every field of "from need to need met": purpose, customer, need, start and end."""
    return all(getattr(process, name) for name in SPECIFICATION_FIELDS)


def children_of(repo: Repository) -> dict[str, list[str]]:
    """Process id -> ids of its direct sub-processes, sorted."""
    children: dict[str, list[str]] = defaultdict(list)
    for process_id, record in sorted(repo.processes.items()):
        if record.entity.parent:
            children[record.entity.parent].append(process_id)
    return dict(children)


def depths_of(repo: Repository) -> dict[str, int]:
    """Process id -> 0 for a top-level process, 1 for its sub-process, and so on.

    The count goes up the chain of parents, and stops at a parent that is not a process; in a
    parent loop (PK031) it stops where the chain comes round, so each member of a loop of n
    processes has depth n - 1. One pass over all processes, however deep the chains (a depth
    asked for one process at a time would walk the chain again for each).
    """
    processes = repo.processes
    depths: dict[str, int] = {}
    for start in sorted(processes):
        path: list[str] = []
        on_path: dict[str, int] = {}
        current: str | None = start
        while current in processes and current not in depths and current not in on_path:
            on_path[current] = len(path)
            path.append(current)
            current = processes[current].entity.parent
        if current is not None and current in on_path:  # a loop: its members, then the rest
            loop = path[on_path[current] :]
            for member in loop:
                depths[member] = len(loop) - 1
            path = path[: on_path[current]]
        depth = depths[current] if current is not None and current in depths else -1
        for process_id in reversed(path):
            depth += 1
            depths[process_id] = depth
    return depths


def maturity_level(assessment: Assessment) -> int | None:
    """A process's maturity level: its lowest dimension score (as in PEMM)."""
    return min(assessment.scores.values()) if assessment.scores else None


def assessments_by_process(repo: Repository) -> dict[str, list[Assessment]]:
    """Process id -> its assessments, oldest first (by date, then id)."""
    found: dict[str, list[Assessment]] = defaultdict(list)
    for record in repo.assessments.values():
        found[record.entity.process].append(record.entity)
    for items in found.values():
        items.sort(key=lambda a: (a.date, a.id))
    return dict(found)


def open_proposals_by_process(repo: Repository) -> dict[str, int]:
    """Process id -> number of proposals not yet rejected or done."""
    counts: dict[str, int] = defaultdict(int)
    for record in repo.proposals.values():
        if record.entity.status not in ("rejected", "done"):
            counts[record.entity.process] += 1
    return dict(counts)


def sorted_areas(repo: Repository) -> list[str]:
    """Area ids in the configured order: by ``order`` (unset last), then by name, then id."""

    def key(area_id: str) -> tuple[int, int, str, str]:
        area = repo.areas[area_id].entity
        return (area.order is None, area.order or 0, area.name.casefold(), area_id)

    return sorted(repo.areas, key=key)


def processes_in(repo: Repository, area_id: str) -> list[Record[Process]]:
    """The processes of one area, sorted by id."""
    return [rec for _, rec in sorted(repo.processes.items()) if rec.entity.area == area_id]


def tree_order(repo: Repository, process_ids: Iterable[str]) -> list[str]:
    """The given processes with every sub-process right after its parent, depth first, siblings
    by id. A process whose parent is not among the given ones starts a tree of its own; the
    members of a parent loop (PK031) follow, from the smallest id."""
    chosen = set(process_ids)
    children: dict[str, list[str]] = defaultdict(list)
    roots: list[str] = []
    for process_id in sorted(chosen):
        parent = repo.processes[process_id].entity.parent
        if parent and parent in chosen and parent != process_id:
            children[parent].append(process_id)
        else:
            roots.append(process_id)
    ordered: list[str] = []
    seen: set[str] = set()
    for start in [*roots, *sorted(chosen)]:
        stack = [start]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            ordered.append(current)
            stack.extend(reversed(children.get(current, [])))
    return ordered


def handovers(repo: Repository) -> dict[tuple[str, str], str | None]:
    """Every interface as one directed hand-over (sender id, receiver id) -> what passes.

    A pair declared on both sides (A ``out`` to B, B ``in`` from A) is one hand-over; its
    description is the sender's, else the receiver's. Interfaces naming no known process, and a
    process's interfaces with itself, are left out. Sorted by sender, then receiver.
    """
    said_by_sender: dict[tuple[str, str], str | None] = {}
    said_by_receiver: dict[tuple[str, str], str | None] = {}
    processes = repo.processes
    for process_id, record in sorted(processes.items()):
        for interface in record.entity.interfaces:
            other = interface.process
            if other == process_id or other not in processes:
                continue
            if interface.direction == "out":
                said = said_by_sender.setdefault((process_id, other), None)
                said_by_sender[(process_id, other)] = said or interface.description
            else:
                said = said_by_receiver.setdefault((other, process_id), None)
                said_by_receiver[(other, process_id)] = said or interface.description
    pairs = sorted(said_by_sender.keys() | said_by_receiver.keys())
    return {pair: said_by_sender.get(pair) or said_by_receiver.get(pair) for pair in pairs}


def activity_order(process: Process) -> list[str]:
    """Activity ids in flow order: breadth-first along ``next`` from the first activity, then
    any activity the flow never reaches, in file order."""
    by_id = {activity.id: activity for activity in process.activities}
    if not process.activities:
        return []
    order: list[str] = []
    seen: set[str] = set()
    for root in [process.activities[0].id, *by_id]:
        if root in seen:
            continue
        queue = deque([root])
        seen.add(root)
        while queue:
            current = queue.popleft()
            order.append(current)
            for following in by_id[current].next:
                if following in by_id and following not in seen:
                    seen.add(following)
                    queue.append(following)
    return order


def flow_map_drawn(process: Process) -> bool:
    """Whether the process's flow map is drawn as a flow, or (more than
    ``FLOW_MAP_MAX_ACTIVITIES`` activities) listed."""
    return len(process.activities) <= FLOW_MAP_MAX_ACTIVITIES


def review_overdue(process: Process, config: Config, today: date) -> bool:
    """An approved process whose next review day is before ``today`` (as rule PK102 reports).

    Drafts and processes in review are not yet in force, and retired ones no longer are."""
    if process.status != "approved":
        return False
    due = next_review(process, config)
    return due is not None and due < today
