"""The review list as a terminal table, CSV, JSON, or a Markdown reminder for staff."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

from processkit import i18n
from processkit.csvcells import CsvDialect, csv_writer, default_dialect, text_cell
from processkit.i18n import _, p_
from processkit.reports.markdown import escape
from processkit.reports.reviews import ReviewItem, ReviewReport
from processkit.reports.texttable import WIDTH, render_table
from processkit.words import Language, capitalised, days, handbook_type_word, kind_word


def when_text(item: ReviewItem) -> str:
    """How late, or how long left, in the language in use: ``28 days late``, ``due today``,
    ``in 5 days``."""
    language = i18n.current()
    if item.days_late > 0:
        return _("{days} late", days=days(item.days_late, language))
    if item.days_late == 0:
        return _("due today")
    return _("in {days}", days=days(-item.days_late, language))


def _what(item: ReviewItem) -> str:
    """The item's kind in words: ``process``, ``handbook``."""
    return kind_word(item.kind, i18n.current())


def _named(item: ReviewItem) -> str:
    """The item by name, its id after it: ``Ge trygghetslarm (ao-trygghetslarm)``."""
    return f"{item.name} ({item.id})"


def _summary(report: ReviewReport) -> str:
    return _(
        "Reviews due by {until} (today {today}, within {days}): {overdue} overdue, "
        "{due} falling due.",
        until=report.horizon.isoformat(),
        today=report.today.isoformat(),
        days=days(report.within_days, i18n.current()),
        overdue=report.overdue,
        due=report.falling_due,
    )


def review_table(report: ReviewReport, *, width: int = WIDTH) -> str:
    """A table for the terminal: one row per item, the owner on the first row of each group;
    then, apart, what is not in force."""
    if not report.groups:
        nothing = _(
            "Nothing is due for review by {until} (today {today}, within {days}).",
            until=report.horizon.isoformat(),
            today=report.today.isoformat(),
            days=days(report.within_days, i18n.current()),
        )
        return nothing + "\n" + _not_in_force_table(report, width)
    rows: list[list[str]] = []
    for group in report.groups:
        owner = f"{group.name} ({group.owner_id})" if group.owner_id else _("(no owner)")
        for index, item in enumerate(group.items):
            rows.append(
                [
                    owner if index == 0 else "",
                    _what(item),
                    _named(item),
                    item.due.isoformat(),
                    when_text(item),
                ]
            )
    headers = [
        p_("review table", "Owner"),
        p_("review table", "Kind"),
        p_("review table", "Name"),
        p_("review table", "Due"),
        p_("review table", "When"),
    ]
    table = render_table(headers, rows, width=width)
    return f"{_summary(report)}\n\n{table}" + _not_in_force_table(report, width)


def _not_in_force_table(report: ReviewReport, width: int) -> str:
    """The drafts and descriptions in review whose review day has come or comes by the horizon:
    not in force, so never overdue."""
    if not report.not_in_force:
        return ""
    rows = [
        [
            _what(item),
            _named(item),
            _status(item.status),
            item.due.isoformat(),
            when_text(item),
        ]
        for item in report.not_in_force
    ]
    headers = [
        p_("review table", "Kind"),
        p_("review table", "Name"),
        p_("review table", "Status"),
        p_("review table", "Due"),
        p_("review table", "When"),
    ]
    table = render_table(headers, rows, width=width)
    return "\n" + _("Not in force, so not counted as overdue:") + f"\n\n{table}"


def _status(status: str | None) -> str:
    """A process's or a handbook's status in words (``review``: *på remiss*)."""
    words = {
        "draft": p_("document status", "draft"),
        "review": p_("document status", "review"),
        "approved": p_("document status", "approved"),
        "retired": p_("document status", "retired"),
    }
    return words.get(status or "", status or "")


def csv_columns() -> list[str]:
    """The CSV header row: in English the names of the JSON fields, in Swedish words."""
    return [
        p_("review csv", "owner"),
        p_("review csv", "owner_name"),
        p_("review csv", "owner_email"),
        p_("review csv", "kind"),
        p_("review csv", "id"),
        p_("review csv", "name"),
        p_("review csv", "area"),
        p_("review csv", "path"),
        p_("review csv", "due"),
        p_("review csv", "days_late"),
    ]


def review_csv(report: ReviewReport, dialect: CsvDialect | None = None) -> str:
    """One row per item in force; ``days_late`` is negative for the days left. ``dialect``:
    by default ``excel`` when Swedish is spoken, else ``standard``."""
    buffer = io.StringIO()
    writer = csv_writer(buffer, dialect or default_dialect(i18n.current()), "\n")
    writer.writerow(csv_columns())
    for group in report.groups:
        for item in group.items:
            texts = (
                group.owner_id or "",
                group.name or "",
                group.email or "",
                item.kind,
                item.id,
                item.name,
                item.area_id or "",
                item.path,
            )
            writer.writerow(
                [*(text_cell(text) for text in texts), item.due.isoformat(), item.days_late]
            )
    return buffer.getvalue()


def review_data(report: ReviewReport) -> dict[str, Any]:
    """The report as JSON-ready data."""
    return {
        "today": report.today.isoformat(),
        "until": report.horizon.isoformat(),
        "summary": {"overdue": report.overdue, "falling_due": report.falling_due},
        "owners": [
            {
                "id": group.owner_id,
                "name": group.name,
                "email": group.email,
                "items": [
                    {
                        "kind": item.kind,
                        "id": item.id,
                        "name": item.name,
                        "type": item.type,
                        "area": item.area_id,
                        "path": item.path,
                        "due": item.due.isoformat(),
                        "days_late": item.days_late,
                    }
                    for item in group.items
                ],
            }
            for group in report.groups
        ],
        "not_in_force": [
            {
                "kind": item.kind,
                "id": item.id,
                "name": item.name,
                "type": item.type,
                "status": item.status,
                "area": item.area_id,
                "path": item.path,
                "due": item.due.isoformat(),
                "days_late": item.days_late,
            }
            for item in report.not_in_force
        ],
    }


def review_json(report: ReviewReport) -> str:
    return json.dumps(review_data(report), ensure_ascii=False, indent=2) + "\n"


def review_markdown(report: ReviewReport, language: Language) -> str:
    """A reminder list to paste into an e-mail or an issue, in ``language`` (the site's): a
    heading per owner, a task per item."""
    with i18n.speaking(language):
        return _review_markdown(report)


def _review_markdown(report: ReviewReport) -> str:
    values = {
        "today": report.today.isoformat(),
        "until": report.horizon.isoformat(),
        "overdue": str(report.overdue),
        "due": str(report.falling_due),
    }
    lines = ["# " + _("Processes and documents to review"), ""]
    if not report.groups:
        lines.append(
            _("Nothing is due for review by {until} (as of {today}).", **values),
        )
        return "\n".join(lines) + "\n" + _not_in_force_markdown(report)
    lines += [_("As of {today}: {overdue} overdue and {due} to review by {until}.", **values), ""]
    for group in report.groups:
        if group.owner_id is None:
            title = _("No owner")
        else:
            title = group.name or group.owner_id
            if group.email:
                title += f" <{group.email}>"
        lines += [f"## {title}", ""]
        for item in group.items:
            lines.append(f"- [ ] {_item_markdown(item)}")
        lines.append("")
    lines.append(
        _(
            "Tick the box when the review is done: update `approved` (and `review_date`) "
            "in the file."
        )
    )
    return "\n".join(lines) + "\n" + _not_in_force_markdown(report)


def _not_in_force_markdown(report: ReviewReport) -> str:
    if not report.not_in_force:
        return ""
    note = _(
        "Drafts and descriptions in review are not in force yet, so they are not counted as "
        "overdue."
    )
    lines = ["", "## " + _("Not in force"), "", note, ""]
    lines += [f"- {_item_markdown(item)}" for item in report.not_in_force]
    return "\n".join(lines) + "\n"


def _item_markdown(item: ReviewItem) -> str:
    language = i18n.current()
    what = (
        kind_word("process", language)
        if item.kind == "process"
        else handbook_type_word(item.type, language)
    )
    where = f"`{item.id}`" + (f", {item.area_name}" if item.area_name else "")
    due = item.due.isoformat()
    if item.days_late > 0:
        when = _(
            "was due for review on {due}, {days} overdue",
            due=due,
            days=days(item.days_late, language),
        )
    elif item.days_late == 0:
        when = _("is due for review today, {due}", due=due)
    else:
        when = _(
            "is due for review on {due}, in {days}", due=due, days=days(-item.days_late, language)
        )
    return f"{capitalised(what)} **{escape(item.name)}** ({where}) {when}"


#: ``review --format NAME``: the report as text, by the format's name.
REPORTER_BY_NAME: dict[str, Callable[[ReviewReport, Language], str]] = {
    "text": lambda report, _language: review_table(report),
    "json": lambda report, _language: review_json(report),
    "csv": lambda report, _language: review_csv(report),
    "markdown": review_markdown,
}
