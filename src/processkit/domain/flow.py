"""The flow of one process's activities: what the first activity reaches, what can end, and the
order the activities come in."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping

from processkit.frozen import frozen
from processkit.model.process import Activity, Process

#: The most activities a flow map draws. A process with more is shown as a list of its
#: activities in flow order instead, on its map and its page, and rule PK124 says why: such a
#: map could not be read, and placing it would take long.
FLOW_MAP_MAX_ACTIVITIES = 200


def _walk(starts: Iterable[str], edges: Mapping[str, Iterable[str]]) -> set[str]:
    seen = set(starts)
    queue = deque(seen)
    while queue:
        for target in edges.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


@frozen
class Flow:
    """Where the flow of one process's activities goes wrong, by activity index.

    ``unreached``: the activities the first one never leads to. ``stuck``: the activities the
    flow reaches from which it can never come to an end (an activity without ``next``).
    ``has_end``: whether any activity can end the flow at all. An activity whose ``next`` names
    an unknown activity counts as a possible end: that mistake is reported once, as PK030, not
    again as a flow that never ends.
    """

    unreached: tuple[int, ...] = ()
    stuck: tuple[int, ...] = ()
    has_end: bool = True


#: The flow of most processes: shared, as a Flow cannot be changed.
_NO_FAULTS = Flow()


def flow_of(activities: list[Activity]) -> Flow:
    """The flow's faults; most flows are checked in one pass each way without building a graph."""
    if not activities:
        return _NO_FAULTS
    if _each_reached_from_before(activities) and _each_ends_or_leads_on(activities):
        return _NO_FAULTS
    ids = {activity.id for activity in activities}
    forwards: dict[str, list[str]] = {}
    backwards: dict[str, list[str]] = {}
    ends: list[str] = []
    for activity in activities:
        known = [target for target in activity.next if target in ids]
        if len(known) < len(activity.next) or not activity.next:
            ends.append(activity.id)
        forwards[activity.id] = known
        for target in known:
            backwards.setdefault(target, []).append(activity.id)
    reached = _walk([activities[0].id], forwards)
    can_end = _walk(ends, backwards)
    return Flow(
        unreached=tuple(i for i, a in enumerate(activities) if a.id not in reached),
        stuck=tuple(i for i, a in enumerate(activities) if a.id in reached and a.id not in can_end),
        has_end=bool(ends),
    )


def _each_reached_from_before(activities: list[Activity]) -> bool:
    """True when every activity is a `next` of one listed before it: then all are reached."""
    targets: set[str] = set(activities[0].next)
    for activity in activities[1:]:
        if activity.id not in targets:
            return False
        targets.update(activity.next)
    return True


def _each_ends_or_leads_on(activities: list[Activity]) -> bool:
    """True when every activity ends the flow or leads to one listed after it that can end."""
    can_end: set[str] = set()
    ids: set[str] | None = None  # made only when a `next` leads back, or nowhere known
    for activity in reversed(activities):
        # a loop rather than any() over a generator: this runs for every activity of every
        # process on each validation
        for target in activity.next:
            if target in can_end:
                break
            if ids is None:
                ids = {each.id for each in activities}
            if target not in ids:
                break
        else:
            if activity.next:
                return False
        can_end.add(activity.id)
    return True


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
