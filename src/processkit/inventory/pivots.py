"""The inventory turned around: by type, by status, by owner and by role.

Each pivot reads only an :class:`Inventory`, so it counts the same processes as the default
view (the same areas and statuses).
"""

from __future__ import annotations

from collections import Counter

from processkit.domain.structure import PROCESS_TYPES, STATUSES
from processkit.inventory.compute import count_group
from processkit.inventory.model import (
    GroupCount,
    Inventory,
    OwnerPivot,
    PersonCount,
    RoleCount,
)


def by_type(inv: Inventory) -> tuple[GroupCount, ...]:
    """One group per process type (management, core, support): active processes, and every
    process by status."""
    return tuple(
        count_group(kind, kind, [row for row in inv.processes if row.type == kind])
        for kind in PROCESS_TYPES
    )


def by_status(inv: Inventory) -> tuple[GroupCount, ...]:
    """One group per status (draft, review, approved, retired): its processes, by type.

    Here retired processes are counted in their own group, ``processes`` included."""
    groups = []
    for status in STATUSES:
        counts = Counter(row.type for row in inv.processes if row.status == status)
        by_kind = {kind: counts[kind] for kind in PROCESS_TYPES}
        by_state = {state: sum(by_kind.values()) if state == status else 0 for state in STATUSES}
        groups.append(GroupCount(status, status, sum(by_kind.values()), by_kind, by_state))
    return tuple(groups)


def by_owner(inv: Inventory) -> OwnerPivot:
    """Everyone who owns or leads an active process, by name, with how many; and how many
    active processes have no owner or no leader."""
    owns: Counter[str] = Counter()
    leads: Counter[str] = Counter()
    without_owner = without_leaders = 0
    for row in inv.processes:
        if not row.active:
            continue
        if row.owner:
            owns[row.owner] += 1
        else:
            without_owner += 1
        if not row.leaders:
            without_leaders += 1
        for leader in dict.fromkeys(row.leaders):
            leads[leader] += 1
    people = [
        PersonCount(person, inv.people.get(person, person), owns[person], leads[person])
        for person in set(owns) | set(leads)
    ]
    people.sort(key=lambda p: (p.name.casefold(), p.id))
    return OwnerPivot(tuple(people), without_owner, without_leaders)


def by_role(inv: Inventory) -> tuple[RoleCount, ...]:
    """Every role that performs an activity of an active process (``role:`` of the activity,
    the R of RACI), by name: in how many processes and how many activities."""
    processes: Counter[str] = Counter()
    activities: Counter[str] = Counter()
    for row in inv.processes:
        if not row.active:
            continue
        for role, count in row.performs:
            processes[role] += 1
            activities[role] += count
    roles = [
        RoleCount(role, inv.roles.get(role, role), processes[role], activities[role])
        for role in processes
    ]
    roles.sort(key=lambda r: (r.name.casefold(), r.id))
    return tuple(roles)
