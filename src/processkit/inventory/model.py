"""The inventory's results: plain, typed data that every output format and the site read."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Literal

from processkit.frozen import frozen

#: The views of the inventory: the pivots (``area`` is the default) and the process list.
View = Literal["area", "type", "status", "owner", "role", "list"]
VIEWS: tuple[View, ...] = ("area", "type", "status", "owner", "role", "list")
PIVOTS: tuple[View, ...] = ("area", "type", "status", "owner", "role")


@frozen
class GroupCount:
    """The processes of one group (an area, a type or a status), split by type and by status.

    ``processes`` and ``by_type`` count active processes only; ``by_status`` counts every
    process, so retired ones are seen there and nowhere else. (In the status pivot the group
    ``retired`` counts its own processes.)
    """

    id: str
    name: str
    processes: int
    by_type: Mapping[str, int]
    by_status: Mapping[str, int]


@frozen
class PersonCount:
    """How many active processes one person owns and leads."""

    id: str
    name: str
    owns: int
    leads: int


@frozen
class OwnerPivot:
    """Owners and leaders of the active processes, and how many have none."""

    people: tuple[PersonCount, ...]
    without_owner: int
    without_leaders: int


@frozen
class RoleCount:
    """In how many active processes, and in how many of their activities, a role performs."""

    id: str
    name: str
    processes: int
    activities: int


@frozen
class ProcessRow:
    """One process as a process inventory lists it.

    ``next_review`` is the review date, else the approval date plus the configured interval;
    ``overdue`` is true when that day is before the inventory's date and the process is
    approved (as rule PK102 reports it). ``performs`` holds (role id, activities performed) for
    the role pivot.
    """

    id: str
    name: str
    area: str
    area_name: str
    type: str
    parent: str | None
    depth: int
    owner: str | None
    owner_name: str | None
    leaders: tuple[str, ...]
    leader_names: tuple[str, ...]
    status: str
    version: str | None
    approved: date | None
    next_review: date | None
    overdue: bool
    mapped: bool
    specified: bool
    measures: int
    risks: int
    open_proposals: int
    maturity: int | None
    performs: tuple[tuple[str, int], ...] = ()

    @property
    def level(self) -> str:
        """``process`` for a top-level process, ``sub-process`` for a delprocess."""
        return "sub-process" if self.depth else "process"

    @property
    def active(self) -> bool:
        return self.status != "retired"


@frozen
class Inventory:
    """The process inventory of a repository, as of one day, for the areas and statuses asked.

    ``areas`` is the default view, in the configured order; ``total`` counts the active
    processes in it. ``processes`` lists every selected process (retired included) area by area,
    each sub-process right after its parent. ``people`` and ``roles`` map ids to names.
    """

    organisation: str
    today: date
    total: int
    areas: tuple[GroupCount, ...]
    processes: tuple[ProcessRow, ...]
    people: Mapping[str, str]
    roles: Mapping[str, str]
