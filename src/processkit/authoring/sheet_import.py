"""The inventory import: a spreadsheet (xlsx or csv) of processes -> skeleton entity files.

One row per process, the first row naming the columns: ``name``, ``area``, ``type`` are needed;
``id``, ``owner``, ``leaders``, ``status``, ``parent``, ``purpose`` and ``customer`` may follow.
Swedish column names (namn, leveransområde, typ, processägare, ...) and values (huvudprocess,
stödprocess, utkast, ...) are understood. Areas and people named in the rows are created too.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from processkit.authoring.ids import free_id, is_valid_id, slugify
from processkit.authoring.render import render
from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.i18n import _
from processkit.model.types import SWEDISH_VALUES, ProcessType, Status

#: column -> the words a header may use for it (compared lower-case)
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "namn", "process", "processnamn", "processens namn"),
    "area": ("area", "område", "leveransområde", "leverans", "leveransomrade", "omrade"),
    "type": ("type", "typ", "processtyp"),
    "id": ("id", "identitet"),
    "owner": ("owner", "ägare", "processägare", "agare", "processagare"),
    "leaders": ("leaders", "leader", "processledare", "ledare"),
    "status": ("status",),
    "parent": ("parent", "överordnad", "överordnad process", "overordnad"),
    "purpose": ("purpose", "syfte"),
    "customer": ("customer", "kund", "mottagare"),
}
REQUIRED = ("name", "area", "type")
TYPES: tuple[str, ...] = get_args(ProcessType)
STATUSES: tuple[str, ...] = get_args(Status)


@frozen
class RowProblem:
    """A row that cannot become a process: its number in the sheet and what is wrong."""

    row: int
    message: str


@dataclass(slots=True)
class Row:
    number: int
    values: dict[str, str]


@dataclass(slots=True)
class InventoryPlan:
    """The files the inventory gives (path -> text), the rows refused, the columns not used."""

    files: dict[str, str] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    unused_columns: list[str] = field(default_factory=list)
    processes: int = 0


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the (row number, cells) of a csv or xlsx file."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ProcesskitError(_("--from-inventory: {path} does not exist", path=path))
    if suffix == ".xlsx":
        table = _xlsx(path)
    elif suffix in (".csv", ".txt"):
        table = _csv(path)
    else:
        raise ProcesskitError(
            _(
                "--from-inventory: expected a .xlsx or .csv file, found `{name}`; "
                "save the spreadsheet as Excel (.xlsx) or CSV",
                name=path.name,
            )
        )
    numbered = [(number, cells) for number, cells in enumerate(table, start=1)]
    while numbered and not any(numbered[0][1]):
        numbered.pop(0)
    if not numbered:
        raise ProcesskitError(
            _("{name} is empty; the first row must name the columns", name=path.name)
        )
    header = numbered[0][1]
    return header, [(number, cells) for number, cells in numbered[1:] if any(cells)]


def _xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        raise ProcesskitError(
            _("{name} cannot be read as an Excel file ({problem})", name=path.name, problem=exc)
        ) from None
    try:
        sheet = book.worksheets[0]
        return [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and callable(value.date):
        return str(value.date().isoformat())
    return str(value).strip()


def _csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")  # Excel's CSV on a Swedish Windows
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    return [
        [cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
    ]


def plan_inventory(path: Path, *, skip_bad: bool = False) -> InventoryPlan:
    """The areas, people and processes an inventory gives, or the rows that are wrong."""
    header, table = read_rows(path)
    columns, unused = _columns(header, path.name)
    result = InventoryPlan(unused_columns=unused)
    rows = [Row(number, _row_values(cells, columns)) for number, cells in table]
    good: list[Row] = []
    for row in rows:
        problem = _check_row(row)
        if problem:
            result.problems.append(RowProblem(row.number, problem))
        else:
            good.append(row)
    good = _assign_ids(good, result)
    good = _resolve_parents(good, result)
    result.problems.sort(key=lambda problem: problem.row)
    if result.problems and not skip_bad:
        return result
    _render(good, result)
    return result


def _columns(header: list[str], name: str) -> tuple[dict[str, int], list[str]]:
    columns: dict[str, int] = {}
    unused: list[str] = []
    for index, title in enumerate(header):
        words = re.sub(r"\s+", " ", title.strip().lower())
        for column, aliases in COLUMNS.items():
            if words in aliases and column not in columns:
                columns[column] = index
                break
        else:
            if title.strip():
                unused.append(title.strip())
    missing = [column for column in REQUIRED if column not in columns]
    if missing:
        raise ProcesskitError(
            _(
                "{name}: no column {columns}; the first row must name the columns, at least "
                "name, area and type (namn, leveransområde, typ)",
                name=name,
                columns=", ".join(f"`{column}`" for column in missing),
            )
        )
    return columns, unused


def _row_values(cells: list[str], columns: dict[str, int]) -> dict[str, str]:
    return {
        column: cells[index].strip() if index < len(cells) else ""
        for column, index in columns.items()
    }


def _word(value: str, allowed: tuple[str, ...]) -> str | None:
    lowered = value.strip().lower()
    if lowered in allowed:
        return lowered
    swedish = SWEDISH_VALUES.get(lowered)
    return swedish if swedish in allowed else None


def _check_row(row: Row) -> str | None:
    values = row.values
    for column in REQUIRED:
        if not values.get(column):
            return _("`{column}` is empty", column=column)
    kind = _word(values["type"], TYPES)
    if kind is None:
        return _(
            "`type` must be management, core or support (ledningsprocess, huvudprocess, "
            "stödprocess), found `{value}`",
            value=values["type"],
        )
    values["type"] = kind
    if values.get("status"):
        status = _word(values["status"], STATUSES)
        if status is None:
            return _(
                "`status` must be draft, review, approved or retired (utkast, på remiss, "
                "fastställd, upphörd), found `{value}`",
                value=values["status"],
            )
        values["status"] = status
    given = values.get("id")
    if given and not is_valid_id(given):
        return _(
            "`{given}` is not a valid id: use a-z, 0-9 and -, for example `{example}`",
            given=given,
            example=slugify(given),
        )
    for column in ("name", "area"):
        if not slugify(values[column]):
            return (
                _("cannot make an id from the name `{value}`", value=values[column])
                if column == "name"
                else _("cannot make an id from the area `{value}`", value=values[column])
            )
    for person in _people(values):
        if not slugify(person):
            return _("cannot make an id from the person `{value}`", value=person)
    return None


def _people(values: dict[str, str]) -> list[str]:
    names = [values.get("owner", "")]
    names += re.split(r"[,;/]", values.get("leaders", ""))
    return [name.strip() for name in names if name.strip()]


def _assign_ids(rows: list[Row], result: InventoryPlan) -> list[Row]:
    taken: dict[str, int] = {}
    seen: dict[tuple[str, str], int] = {}
    kept: list[Row] = []
    for row in rows:
        values = row.values
        key = (slugify(values["area"]), values["name"].strip().lower())
        if key in seen:
            result.problems.append(
                RowProblem(
                    row.number,
                    _(
                        "`{name}` is listed twice (also row {row})",
                        name=values["name"],
                        row=seen[key],
                    ),
                )
            )
            continue
        seen[key] = row.number
        given = values.get("id")
        if given and given in taken:
            result.problems.append(
                RowProblem(
                    row.number,
                    _("the id `{id}` is used twice (also row {row})", id=given, row=taken[given]),
                )
            )
            continue
        values["id"] = given or free_id(slugify(values["name"]), taken)
        taken[values["id"]] = row.number
        kept.append(row)
    return kept


def _resolve_parents(rows: list[Row], result: InventoryPlan) -> list[Row]:
    """A parent names another good row, by id or name; rows whose parent went are refused."""
    while True:
        by_name = {row.values["name"].strip().lower(): row.values["id"] for row in rows}
        ids = {row.values["id"] for row in rows}
        kept: list[Row] = []
        for row in rows:
            parent = row.values.get("parent", "").strip()
            if parent:
                found = parent if parent in ids else by_name.get(parent.lower())
                if found is None or found == row.values["id"]:
                    result.problems.append(
                        RowProblem(
                            row.number,
                            _(
                                "`parent` names `{parent}`, which is not another process of "
                                "the inventory",
                                parent=parent,
                            ),
                        )
                    )
                    continue
                row.values["parent"] = found
            kept.append(row)
        if len(kept) == len(rows):
            return kept
        rows = kept


def _render(rows: list[Row], result: InventoryPlan) -> None:
    areas: dict[str, str] = {}
    people: dict[str, str] = {}
    for row in rows:
        values = row.values
        area_id = slugify(values["area"])
        areas.setdefault(area_id, values["area"])
        owner = values.get("owner", "").strip()
        owner_id = _person_id(owner, people) if owner else None
        leaders = [_person_id(name, people) for name in _people(values)[1 if owner else 0 :]]
        context = {
            "id": values["id"],
            "name": values["name"],
            "area": area_id,
            "type": values["type"],
            "parent": values.get("parent") or None,
            "status": values.get("status") or "draft",
            "owner": owner_id,
            "leaders": leaders,
            "purpose": values.get("purpose") or None,
            "customer": values.get("customer") or None,
        }
        path = f"processes/{area_id}/{values['id']}.yaml"
        result.files[path] = _yaml(render("new/process.yaml.j2", **context), path)
        result.processes += 1
    for area_id, name in areas.items():
        path = f"areas/{area_id}.yaml"
        text = render("new/area.yaml.j2", id=area_id, name=name, owner=None)
        result.files[path] = _yaml(text, path)
    for person_id, name in people.items():
        path = f"people/{person_id}.yaml"
        text = render("new/person.yaml.j2", id=person_id, name=name, title=None, email=None)
        result.files[path] = _yaml(text, path)
    result.files = dict(sorted(result.files.items()))


def _person_id(name: str, people: dict[str, str]) -> str:
    person_id = name if is_valid_id(name) else slugify(name)
    people.setdefault(person_id, name)
    return person_id


def _yaml(text: str, path: str) -> str:
    from processkit.authoring.fmt import format_text

    formatted = format_text(text, path)
    if formatted.after is None:
        raise ProcesskitError(
            _(
                "{path}: the inventory gives no valid YAML ({problem})",
                path=path,
                problem=formatted.problem,
            )
        )
    return formatted.after
