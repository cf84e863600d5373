"""Every view of the inventory as one plain table: the shape the text, CSV, Markdown and
workbook outputs all write, so that they show the same rows and columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from processkit.domain.structure import PROCESS_TYPES, STATUSES
from processkit.inventory.model import GroupCount, Inventory, View
from processkit.inventory.pivots import by_owner, by_role, by_status, by_type

Cell = str | int | date | bool | None

HEADERS = {
    "management": "Management",
    "core": "Core",
    "support": "Support",
    "draft": "Draft",
    "review": "Review",
    "approved": "Approved",
    "retired": "Retired",
}


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its header, whether it holds numbers (right-aligned), and whether it is one of
    the few a narrow display (a terminal) keeps when it cannot show them all."""

    header: str
    numeric: bool = False
    essential: bool = True


@dataclass(frozen=True, slots=True)
class Table:
    """One view as rows and columns. ``footer`` rows (a total) follow the rows, set apart;
    ``frozen`` is how many leading columns stay in sight when scrolling sideways."""

    view: View
    title: str
    sheet: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    footer: tuple[tuple[Cell, ...], ...] = ()
    frozen: int = 1


def cell_text(value: Cell) -> str:
    """A cell as text: numbers as digits, dates as YYYY-MM-DD, yes/no, empty for nothing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def table_of(inv: Inventory, view: View) -> Table:
    """The table of one view."""
    return _BUILDERS[view](inv)


def all_tables(inv: Inventory) -> list[Table]:
    """Every view's table, in the order of VIEWS (areas first, the process list last)."""
    return [builder(inv) for builder in _BUILDERS.values()]


def _count(label: str, split: tuple[str, ...]) -> list[Column]:
    return [Column(label), Column("Processes", True)] + [
        Column(HEADERS[key], True) for key in split
    ]


def _group_row(group: GroupCount, split: str) -> tuple[Cell, ...]:
    counts = group.by_type if split == "type" else group.by_status
    keys = PROCESS_TYPES if split == "type" else STATUSES
    return (group.name, group.processes, *(counts[key] for key in keys))


def _total(groups: Sequence[GroupCount], split: str) -> tuple[Cell, ...]:
    keys = PROCESS_TYPES if split == "type" else STATUSES
    counts = [group.by_type if split == "type" else group.by_status for group in groups]
    return (
        "Total",
        sum(group.processes for group in groups),
        *(sum(count[key] for count in counts) for key in keys),
    )


def _areas(inv: Inventory) -> Table:
    groups = inv.areas
    columns = _count("Area", (*PROCESS_TYPES, *STATUSES))
    rows = tuple((*_group_row(group, "type"), *_group_row(group, "status")[2:]) for group in groups)
    total = (*_total(groups, "type"), *_total(groups, "status")[2:])
    return Table(
        "area",
        "Processes per delivery area",
        "Areas",
        tuple(columns),
        rows,
        (total,),
    )


def _types(inv: Inventory) -> Table:
    groups = by_type(inv)
    return Table(
        "type",
        "Processes per type",
        "Types",
        tuple(_count("Type", STATUSES)),
        tuple(_group_row(group, "status") for group in groups),
        (_total(groups, "status"),),
    )


def _statuses(inv: Inventory) -> Table:
    groups = by_status(inv)
    return Table(
        "status",
        "Processes per status",
        "Statuses",
        tuple(_count("Status", PROCESS_TYPES)),
        tuple(_group_row(group, "type") for group in groups),
        (_total(groups, "type"),),
    )


def _owners(inv: Inventory) -> Table:
    pivot = by_owner(inv)
    return Table(
        "owner",
        "Process owners and leaders",
        "Owners",
        (Column("Person"), Column("Owns", True), Column("Leads", True)),
        tuple((person.name, person.owns, person.leads) for person in pivot.people),
        (("(nobody)", pivot.without_owner, pivot.without_leaders),),
    )


def _roles(inv: Inventory) -> Table:
    return Table(
        "role",
        "Roles performing activities",
        "Roles",
        (Column("Role"), Column("Processes", True), Column("Activities", True)),
        tuple((role.name, role.processes, role.activities) for role in by_role(inv)),
    )


LIST_COLUMNS = (
    Column("ID"),
    Column("Name"),
    Column("Area"),
    Column("Type"),
    Column("Level", essential=False),
    Column("Depth", True),
    Column("Parent", essential=False),
    Column("Owner"),
    Column("Leaders", essential=False),
    Column("Status"),
    Column("Version", essential=False),
    Column("Approved", essential=False),
    Column("Next review"),
    Column("Overdue"),
    Column("Mapped", essential=False),
    Column("Specified", essential=False),
    Column("Measures", True, essential=False),
    Column("Risks", True, essential=False),
    Column("Open proposals", True, essential=False),
    Column("Maturity", True, essential=False),
)


def _list(inv: Inventory) -> Table:
    rows = tuple(
        (
            row.id,
            row.name,
            row.area_name,
            row.type,
            row.level,
            row.depth,
            row.parent,
            row.owner_name,
            ", ".join(row.leader_names) or None,
            row.status,
            row.version,
            row.approved,
            row.next_review,
            row.overdue,
            row.mapped,
            row.specified,
            row.measures,
            row.risks,
            row.open_proposals,
            row.maturity,
        )
        for row in inv.processes
    )
    return Table("list", "Process inventory", "Processes", LIST_COLUMNS, rows, frozen=2)


_BUILDERS: dict[View, Callable[[Inventory], Table]] = {
    "area": _areas,
    "type": _types,
    "status": _statuses,
    "owner": _owners,
    "role": _roles,
    "list": _list,
}
