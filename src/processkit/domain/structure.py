"""The shape of the repository: which processes are active, how they nest and in what order,
the areas, the hand-overs between processes, and who owns and leads how many."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import get_args

from processkit.loading.repository import Record, Repository
from processkit.model import Process
from processkit.model.process import Activity
from processkit.model.types import ProcessType, Status

ACTIVE_STATUSES = ("draft", "review", "approved")
PROCESS_TYPES: tuple[str, ...] = get_args(ProcessType)
STATUSES: tuple[str, ...] = get_args(Status)
SPECIFICATION_FIELDS = ("purpose", "customer", "need", "start", "end")
#: How many levels of sub-processes a list of processes nests (the site's list of an area's
#: processes) or indents (the maturity table): a process and five levels below it. Deeper
#: sub-processes are listed at the last level, each saying whose sub-process it is, so that a
#: parent chain thousands deep is a long list rather than a page thousands of levels deep.
NESTED_LEVELS = 6


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


def sorted_areas(repo: Repository) -> list[str]:
    """Area ids in the configured order: by ``order`` (unset last), then by name, then id."""

    def key(area_id: str) -> tuple[int, int, str, str]:
        area = repo.areas[area_id].entity
        return (area.order is None, area.order or 0, area.name.casefold(), area_id)

    return sorted(repo.areas, key=key)


def processes_by_area(repo: Repository) -> dict[str, list[str]]:
    """Area id -> the ids of its processes, sorted."""
    found: dict[str, list[str]] = defaultdict(list)
    for process_id, record in sorted(repo.processes.items()):
        found[record.entity.area].append(process_id)
    return dict(found)


def tree_order(repo: Repository, process_ids: Iterable[str]) -> list[str]:
    """The given processes with every sub-process right after its parent, depth first, siblings
    by id. A process whose parent is not among the given ones starts a tree of its own; the
    members of a parent loop (PK031) follow, from the smallest id."""
    chosen = set(process_ids)
    children: dict[str, list[str]] = defaultdict(list)
    roots: list[str] = []
    processes = repo.processes  # looked up once: an overview orders every area's processes
    for process_id in sorted(chosen):
        parent = processes[process_id].entity.parent
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


def activity_roles(activity: Activity) -> tuple[str | None, ...]:
    """The roles an activity names: the one that does it, the one accountable (None where
    either is not given), those consulted and those informed."""
    return (activity.role, activity.accountable, *activity.consulted, *activity.informed)


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


def active_by_type(processes: Iterable[Process]) -> dict[str, int]:
    """Process type -> how many of ``processes`` are active, every type listed (0 when none)."""
    by_type = dict.fromkeys(PROCESS_TYPES, 0)
    for process in processes:
        if is_active(process):
            by_type[process.type] += 1
    return by_type


def active_processes(repo: Repository) -> list[Record[Process]]:
    """Every process that is not retired, sorted by id."""
    return [rec for _, rec in sorted(repo.processes.items()) if is_active(rec.entity)]


def owned_by(processes: Iterable[Record[Process]]) -> dict[str, list[str]]:
    """Person id -> the ids of the given processes the person owns, in the order given."""
    found: dict[str, list[str]] = defaultdict(list)
    for record in processes:
        if record.entity.owner:
            found[record.entity.owner].append(record.entity.id)
    return dict(found)


def led_by(processes: Iterable[Record[Process]]) -> dict[str, list[str]]:
    """Person id -> the ids of the given processes the person is a leader of, in the order
    given (once each, however often the person is named)."""
    found: dict[str, list[str]] = defaultdict(list)
    for record in processes:
        for leader in dict.fromkeys(record.entity.leaders):
            found[leader].append(record.entity.id)
    return dict(found)


def owned_counts(processes: Iterable[Record[Process]]) -> Counter[str]:
    """Person id -> number of the given processes the person owns."""
    return Counter({person: len(ids) for person, ids in owned_by(processes).items()})


def led_counts(processes: Iterable[Record[Process]]) -> Counter[str]:
    """Person id -> number of the given processes the person is a leader of."""
    return Counter({person: len(ids) for person, ids in led_by(processes).items()})
