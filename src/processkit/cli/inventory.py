"""``processkit inventory``: how many processes, where, and in what state."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from processkit.i18n import N_

if TYPE_CHECKING:
    from collections.abc import Callable

    from processkit.inventory import Inventory, Table, View


class Format(StrEnum):
    text = "text"
    table = "table"  # the old name of text
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


class CsvDialectChoice(StrEnum):
    excel = "excel"
    standard = "standard"


class Pivot(StrEnum):
    area = "area"
    type = "type"
    status = "status"
    owner = "owner"
    role = "role"


class StatusChoice(StrEnum):
    draft = "draft"
    review = "review"
    approved = "approved"
    retired = "retired"


#: The format an ``--output`` file name asks for when ``--format`` is not given.
SUFFIX_FORMATS = {
    ".xlsx": Format.xlsx,
    ".csv": Format.csv,
    ".md": Format.markdown,
    ".markdown": Format.markdown,
    ".json": Format.json,
}

#: What the terminal table says under each view, so that its counts are not misread.
CAPTIONS = {
    "area": N_(
        "Processes: active processes (not retired). Retired ones are counted only under Retired."
    ),
    "type": N_(
        "Processes: active processes (not retired). Retired ones are counted only under Retired."
    ),
    "status": N_("Every process, retired included."),
    "owner": N_("Active processes. (nobody): processes without an owner, and without a leader."),
    "role": N_(
        "Active processes in which the role performs an activity (`role:` of the activity)."
    ),
}

#: Said under the process list on a terminal, which shows only its main columns.
LIST_NOTE = N_(
    "More columns (level, parent, leaders, version, approved, mapped, specified, measures, "
    "risks, open proposals, maturity): --format markdown, csv, json or xlsx."
)


def register(app: typer.Typer) -> None:
    app.command("inventory")(inventory_command)


def inventory_command(
    path: Path = typer.Argument(Path("."), help="A folder in the repository (default: here)."),
    by: Pivot | None = typer.Option(
        None,
        "--by",
        help="Count per area (default), type, status, owner (owns and leads) or role "
        "(performs in processes and activities).",
    ),
    as_list: bool = typer.Option(False, "--list", help="One row per process instead of counts."),
    area: list[str] | None = typer.Option(
        None, "--area", metavar="ID", help="Only this delivery area (repeat for more)."
    ),
    status: list[StatusChoice] | None = typer.Option(
        None, "--status", help="Only processes with this status (repeat for more)."
    ),
    format: Format | None = typer.Option(
        None,
        "--format",
        "-f",
        help="table (default on a terminal), markdown (default otherwise), json, csv, or xlsx "
        "(needs --output).",
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead of the screen (- for standard output). A name ending in "
        ".xlsx, .csv, .md or .json chooses the format.",
    ),
    today: str | None = typer.Option(
        None, "--today", metavar="YYYY-MM-DD", help="The date reviews are overdue against."
    ),
    csv_dialect: CsvDialectChoice | None = typer.Option(
        None,
        "--csv-dialect",
        help="With --format csv: excel (semicolons and a byte order mark, as Excel in Swedish "
        "opens it; the default in Swedish) or standard (commas; the default in English).",
    ),
) -> int:
    """Count the processes per delivery area, type and status, or list them one by one."""
    from processkit.cli.dates import parse_today
    from processkit.errors import ProcesskitError
    from processkit.i18n import _
    from processkit.inventory import UnknownArea, inventory
    from processkit.loading.session import open_repository

    if by is not None and as_list:
        raise ProcesskitError(_("--by and --list show different views; give one of them"))
    chosen = _format(format, output)
    to_file = output is not None and output != "-"
    if chosen is Format.xlsx and not to_file:
        raise ProcesskitError(
            _("--format xlsx writes a workbook, which is not text: give --output FILE.xlsx")
        )
    day = parse_today(today)
    loaded = open_repository(path)
    try:
        result = inventory(
            loaded.repo,
            today=day,
            areas=area or None,
            statuses=[choice.value for choice in status] if status else None,
        )
    except UnknownArea as problem:
        raise ProcesskitError(f"--area: {problem}") from None
    if loaded.note:
        typer.echo(loaded.note, err=True)
    view: View = "list" if as_list else (by.value if by is not None else "area")
    target = Path(output) if to_file and output is not None else None
    if chosen is Format.csv and csv_dialect is not None:
        from processkit.inventory import table_of
        from processkit.inventory.write_csv import csv_text

        text = csv_text(table_of(result, view), csv_dialect.value)
        if target is None:
            sys.stdout.write(text)
        else:
            _write(target, text.encode("utf-8"))
        return 0
    _emit(result, view, chosen, target)
    return 0


def _format(given: Format | None, output: str | None) -> Format:
    if given is not None:
        return given
    if output is not None and output != "-":
        suffix = Path(output).suffix.lower()
        if suffix in SUFFIX_FORMATS:
            return SUFFIX_FORMATS[suffix]
        return Format.markdown
    return Format.text if sys.stdout.isatty() else Format.markdown


def _json_report(inv: Inventory, view_name: View, _to_screen: bool) -> str:
    from processkit.inventory.write_json import json_text

    return json_text(inv, view_name)


def _csv_report(inv: Inventory, view_name: View, _to_screen: bool) -> str:
    from processkit.inventory import table_of
    from processkit.inventory.write_csv import csv_text

    return csv_text(table_of(inv, view_name))


def _markdown_report(inv: Inventory, view_name: View, _to_screen: bool) -> str:
    from processkit.inventory import table_of
    from processkit.inventory.write_markdown import markdown_text

    return markdown_text(table_of(inv, view_name))


def _text_report(inv: Inventory, view_name: View, to_screen: bool) -> str:
    from processkit.inventory import table_of

    return _text_table(inv, table_of(inv, view_name), to_terminal=to_screen)


#: ``inventory --format NAME``: the inventory as text, by the format's name, for the screen or
#: a file (xlsx is a workbook, not text, and is written apart).
REPORTER_BY_NAME: dict[str, Callable[[Inventory, View, bool], str]] = {
    "text": _text_report,
    "json": _json_report,
    "csv": _csv_report,
    "markdown": _markdown_report,
}


def _emit(inv: Inventory, view_name: View, chosen: Format, target: Path | None) -> None:
    from processkit.cli.formats import report_name
    from processkit.inventory import all_tables

    if chosen is Format.xlsx:
        from processkit.inventory.write_xlsx import xlsx_bytes

        assert target is not None
        data = xlsx_bytes(all_tables(inv), active=view_name, today=inv.today)
        _write(target, data)
        return
    text = REPORTER_BY_NAME[report_name(chosen)](inv, view_name, target is None)
    if target is None:
        sys.stdout.write(text)
    else:
        _write(target, text.encode("utf-8"))


def _text_table(inv: Inventory, table: Table, *, to_terminal: bool) -> str:
    """The table as plain text: the title, the columns (wrapped at spaces, never inside a
    word, or as a list when the words do not fit), then what the counts mean. On a terminal
    as wide as the terminal; in a file, 80 columns."""
    import shutil
    import textwrap

    from processkit.i18n import _
    from processkit.inventory import cell_text
    from processkit.reports.texttable import WIDTH, render_table

    width = shutil.get_terminal_size((WIDTH, 24)).columns if to_terminal else WIDTH
    keep = [index for index, column in enumerate(table.columns) if column.essential]
    caption = (
        _(CAPTIONS[table.view])
        if table.view in CAPTIONS
        else _("Overdue: the next review is before {today}.", today=inv.today.isoformat())
    )
    if len(keep) < len(table.columns):
        caption += " " + _(LIST_NOTE)

    def drawn_with(columns: list[int]) -> str:
        numeric = [number for number, index in enumerate(columns) if table.columns[index].numeric]
        return render_table(
            [table.columns[index].header for index in columns],
            [[cell_text(row[index]) for index in columns] for row in table.rows],
            right=numeric,
            keep=numeric,
            width=width,
            footer=[[cell_text(row[index]) for index in columns] for row in table.footer],
        )

    drawn = _in_parts(keep, drawn_with)
    title = textwrap.fill(
        f"{table.title}: {inv.organisation}",
        width,
        break_long_words=False,
        break_on_hyphens=False,
    )
    note = textwrap.fill(caption, width, break_long_words=False, break_on_hyphens=False)
    return f"{title}\n\n{drawn}\n{note}\n"


def _is_table(text: str) -> bool:
    """Whether ``text`` was drawn as a table (a line of dashes under the headers), not as a
    list."""
    return any(line.strip() and not line.strip("- ") for line in text.splitlines())


def _in_parts(columns: list[int], drawn_with: Callable[[list[int]], str]) -> str:
    """The table of ``columns``; when its words do not fit in the width, as several tables one
    under the other, each with the first column and an even share of the others. As a list
    only when not even that fits."""
    whole = drawn_with(columns)
    if _is_table(whole) or len(columns) < 3:
        return whole
    first = columns[0]
    groups: list[list[int]] = []
    group: list[int] = []
    for index in columns[1:]:
        if group and not _is_table(drawn_with([first, *group, index])):
            groups.append(group)
            group = []
        group.append(index)
    groups.append(group)
    # as many parts as needed, but of even size: the types apart from the statuses
    rest, count = columns[1:], len(groups)
    size = -(-len(rest) // count)
    for choice in ([rest[start : start + size] for start in range(0, len(rest), size)], groups):
        parts = [drawn_with([first, *group]) for group in choice]
        if all(_is_table(part) for part in parts):
            return "\n".join(parts)
    return whole


def _write(target: Path, data: bytes) -> None:
    """Write ``data`` beside ``target`` first, then move it into place."""
    from processkit.errors import ProcesskitError
    from processkit.errors import reason as why
    from processkit.fsutil import write_atomic_bytes
    from processkit.i18n import _

    try:
        write_atomic_bytes(target, data)
    except OSError as problem:
        reason = why(problem)
        raise ProcesskitError(
            _("--output: cannot write `{target}`: {reason}", target=target, reason=reason)
        ) from None
