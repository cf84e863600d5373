"""Every view of the inventory as one plain table: the shape the text, CSV, Markdown and
workbook outputs all write, so that they show the same rows and columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from processkit.domain.structure import PROCESS_TYPES, STATUSES
from processkit.frozen import frozen
from processkit.i18n import _, p_
from processkit.inventory.model import GroupCount, Inventory, View
from processkit.inventory.pivots import by_owner, by_role, by_status, by_type

Cell = str | int | date | bool | None


def headers() -> dict[str, str]:
    """The column headers of the process types and the statuses."""
    return {
        "management": p_("inventory count column", "Management"),
        "core": p_("inventory count column", "Core"),
        "support": p_("inventory count column", "Support"),
        "draft": p_("inventory count column", "Draft"),
        "review": p_("inventory count column", "Review"),
        "approved": p_("inventory count column", "Approved"),
        "retired": p_("inventory count column", "Retired"),
    }


def type_word(process_type: str) -> str:
    """A process type in a cell: ``core`` (English, as written), *huvudprocess* (Swedish)."""
    words = {
        "management": p_("process type", "management"),
        "core": p_("process type", "core"),
        "support": p_("process type", "support"),
    }
    return words.get(process_type, process_type)


def status_word(status: str) -> str:
    """A process status in a cell: ``review`` (English), *på remiss* (Swedish)."""
    words = {
        "draft": p_("process status", "draft"),
        "review": p_("process status", "review"),
        "approved": p_("process status", "approved"),
        "retired": p_("process status", "retired"),
    }
    return words.get(status, status)


def level_word(level: str) -> str:
    """``process`` or ``sub-process`` in a cell."""
    return (
        p_("process level", "sub-process")
        if level == "sub-process"
        else p_("process level", "process")
    )


@frozen
class Column:
    """A column: its header, whether it holds numbers (right-aligned), and whether it is one of
    the few a narrow display (a terminal) keeps when it cannot show them all."""

    header: str
    numeric: bool = False
    essential: bool = True


@frozen
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
        return p_("inventory cell", "yes") if value else p_("inventory cell", "no")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def table_of(inv: Inventory, view: View) -> Table:
    """The table of one view, in the language in use."""
    return _BUILDERS[view](inv)


def all_tables(inv: Inventory) -> list[Table]:
    """Every view's table, in the order of VIEWS (areas first, the process list last)."""
    return [builder(inv) for builder in _BUILDERS.values()]


def _count(label: str, split: tuple[str, ...]) -> list[Column]:
    names = headers()
    return [Column(label), Column(p_("inventory column", "Processes"), True)] + [
        Column(names[key], True) for key in split
    ]


def _group_row(group: GroupCount, split: str) -> tuple[Cell, ...]:
    counts = group.by_type if split == "type" else group.by_status
    keys = PROCESS_TYPES if split == "type" else STATUSES
    return (group.name, group.processes, *(counts[key] for key in keys))


def _total(groups: Sequence[GroupCount], split: str) -> tuple[Cell, ...]:
    keys = PROCESS_TYPES if split == "type" else STATUSES
    counts = [group.by_type if split == "type" else group.by_status for group in groups]
    return (
        p_("inventory row", "Total"),
        sum(group.processes for group in groups),
        *(sum(count[key] for count in counts) for key in keys),
    )


def _areas(inv: Inventory) -> Table:
    groups = inv.areas
    columns = _count(p_("inventory column", "Area"), (*PROCESS_TYPES, *STATUSES))
    rows = tuple((*_group_row(group, "type"), *_group_row(group, "status")[2:]) for group in groups)
    total = (*_total(groups, "type"), *_total(groups, "status")[2:])
    return Table(
        "area",
        _("Processes per delivery area"),
        p_("inventory sheet", "Areas"),
        tuple(columns),
        rows,
        (total,),
    )


def _types(inv: Inventory) -> Table:
    groups = by_type(inv)
    return Table(
        "type",
        _("Processes per type"),
        p_("inventory sheet", "Types"),
        tuple(_count(p_("inventory column", "Type"), STATUSES)),
        tuple((type_word(group.id), *_group_row(group, "status")[1:]) for group in groups),
        (_total(groups, "status"),),
    )


def _statuses(inv: Inventory) -> Table:
    groups = by_status(inv)
    return Table(
        "status",
        _("Processes per status"),
        p_("inventory sheet", "Statuses"),
        tuple(_count(p_("inventory column", "Status"), PROCESS_TYPES)),
        tuple((status_word(group.id), *_group_row(group, "type")[1:]) for group in groups),
        (_total(groups, "type"),),
    )


def _owners(inv: Inventory) -> Table:
    pivot = by_owner(inv)
    return Table(
        "owner",
        _("Process owners and leaders"),
        p_("inventory sheet", "Owners"),
        (
            Column(p_("inventory column", "Person")),
            Column(p_("inventory column", "Owns"), True),
            Column(p_("inventory column", "Leads"), True),
        ),
        tuple((person.name, person.owns, person.leads) for person in pivot.people),
        ((_("(nobody)"), pivot.without_owner, pivot.without_leaders),),
    )


def _roles(inv: Inventory) -> Table:
    return Table(
        "role",
        _("Roles performing activities"),
        p_("inventory sheet", "Roles"),
        (
            Column(p_("inventory column", "Role")),
            Column(p_("inventory column", "Processes"), True),
            Column(p_("inventory column", "Activities"), True),
        ),
        tuple((role.name, role.processes, role.activities) for role in by_role(inv)),
    )


def list_columns() -> tuple[Column, ...]:
    """The columns of the process list, in the language in use."""
    return (
        Column(p_("inventory column", "ID")),
        Column(p_("inventory column", "Name")),
        Column(p_("inventory column", "Area")),
        Column(p_("inventory column", "Type")),
        Column(p_("inventory column", "Level"), essential=False),
        Column(p_("inventory column", "Depth"), True),
        Column(p_("inventory column", "Parent"), essential=False),
        Column(p_("inventory column", "Owner")),
        Column(p_("inventory column", "Leaders"), essential=False),
        Column(p_("inventory column", "Status")),
        Column(p_("inventory column", "Version"), essential=False),
        Column(p_("inventory column", "Approved"), essential=False),
        Column(p_("inventory column", "Next review")),
        Column(p_("inventory column", "Overdue")),
        Column(p_("inventory column", "Mapped"), essential=False),
        Column(p_("inventory column", "Specified"), essential=False),
        Column(p_("inventory column", "Measures"), True, essential=False),
        Column(p_("inventory column", "Risks"), True, essential=False),
        Column(p_("inventory column", "Open proposals"), True, essential=False),
        Column(p_("inventory column", "Maturity"), True, essential=False),
    )


def _list(inv: Inventory) -> Table:
    rows = tuple(
        (
            row.id,
            row.name,
            row.area_name,
            type_word(row.type),
            level_word(row.level),
            row.depth,
            row.parent,
            row.owner_name,
            ", ".join(row.leader_names) or None,
            status_word(row.status),
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
    return Table(
        "list",
        _("Process inventory"),
        p_("inventory sheet", "Processes"),
        list_columns(),
        rows,
        frozen=2,
    )


_BUILDERS: dict[View, Callable[[Inventory], Table]] = {
    "area": _areas,
    "type": _types,
    "status": _statuses,
    "owner": _owners,
    "role": _roles,
    "list": _list,
}
