"""The review list as a terminal table, CSV, JSON, or a Markdown reminder for staff."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from processkit.csvcells import text_cell
from processkit.reports.markdown import escape
from processkit.reports.reviews import ReviewItem, ReviewReport
from processkit.reports.texttable import render_table
from processkit.words import Language, capitalised, days, handbook_type_word, kind_word


def when_text(item: ReviewItem) -> str:
    """How late, or how long left, in English: ``28 days late``, ``due today``, ``in 5 days``."""
    if item.days_late > 0:
        return f"{days(item.days_late, 'en')} late"
    if item.days_late == 0:
        return "due today"
    return f"in {days(-item.days_late, 'en')}"


def _summary(report: ReviewReport) -> str:
    return (
        f"Reviews due by {report.horizon.isoformat()} (today {report.today.isoformat()}, "
        f"within {days(report.within_days, 'en')}): {report.overdue} overdue, "
        f"{report.falling_due} falling due."
    )


def review_table(report: ReviewReport) -> str:
    """A table for the terminal: one row per item, the owner on the first row of each group;
    then, apart, what is not in force."""
    if not report.groups:
        return (
            f"Nothing is due for review by {report.horizon.isoformat()} "
            f"(today {report.today.isoformat()}, within {days(report.within_days, 'en')}).\n"
        ) + _not_in_force_table(report)
    rows: list[list[str]] = []
    for group in report.groups:
        owner = f"{group.name} ({group.owner_id})" if group.owner_id else "(no owner)"
        for index, item in enumerate(group.items):
            rows.append(
                [
                    owner if index == 0 else "",
                    item.kind,
                    item.id,
                    item.name,
                    item.due.isoformat(),
                    when_text(item),
                ]
            )
    table = render_table(["Owner", "Kind", "Id", "Name", "Due", "When"], rows)
    return f"{_summary(report)}\n\n{table}" + _not_in_force_table(report)


def _not_in_force_table(report: ReviewReport) -> str:
    """The drafts and descriptions in review whose review day has come or comes by the horizon:
    not in force, so never overdue."""
    if not report.not_in_force:
        return ""
    rows = [
        [item.kind, item.id, item.name, item.status or "", item.due.isoformat(), when_text(item)]
        for item in report.not_in_force
    ]
    table = render_table(["Kind", "Id", "Name", "Status", "Due", "When"], rows)
    return f"\nNot in force, so not counted as overdue:\n\n{table}"


CSV_COLUMNS = (
    "owner",
    "owner_name",
    "owner_email",
    "kind",
    "id",
    "name",
    "area",
    "path",
    "due",
    "days_late",
)


def review_csv(report: ReviewReport) -> str:
    """One row per item in force; ``days_late`` is negative for the days left."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
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


_MARKDOWN = {
    "sv": {
        "heading": "Processer och dokument att revidera",
        "summary": "Läget {today}: {overdue} försenade och {due} som ska revideras senast {until}.",
        "nothing": "Inget behöver revideras senast {until} (läget {today}).",
        "no_owner": "Utan ägare",
        "late": "skulle ha reviderats senast {due}, {days} försenad",
        "today": "ska revideras i dag, {due}",
        "left": "ska revideras senast {due}, om {days}",
        "footer": "Bocka av när revideringen är gjord: uppdatera `approved` (och `review_date`) "
        "i filen.",
        "not_in_force": "Inte i kraft",
        "not_in_force_note": "Utkast och beskrivningar under granskning gäller inte ännu, så de "
        "räknas inte som försenade.",
    },
    "en": {
        "heading": "Processes and documents to review",
        "summary": "As of {today}: {overdue} overdue and {due} to review by {until}.",
        "nothing": "Nothing is due for review by {until} (as of {today}).",
        "no_owner": "No owner",
        "late": "was due for review on {due}, {days} overdue",
        "today": "is due for review today, {due}",
        "left": "is due for review on {due}, in {days}",
        "footer": "Tick the box when the review is done: update `approved` (and `review_date`) "
        "in the file.",
        "not_in_force": "Not in force",
        "not_in_force_note": "Drafts and descriptions in review are not in force yet, so they "
        "are not counted as overdue.",
    },
}


def review_markdown(report: ReviewReport, language: Language) -> str:
    """A reminder list to paste into an e-mail or an issue: a heading per owner, a task per
    item."""
    words = _MARKDOWN[language]
    values = {
        "today": report.today.isoformat(),
        "until": report.horizon.isoformat(),
        "overdue": str(report.overdue),
        "due": str(report.falling_due),
    }
    lines = [f"# {words['heading']}", ""]
    if not report.groups:
        lines.append(words["nothing"].format(**values))
        return "\n".join(lines) + "\n" + _not_in_force_markdown(report, language)
    lines += [words["summary"].format(**values), ""]
    for group in report.groups:
        if group.owner_id is None:
            title = words["no_owner"]
        else:
            title = group.name or group.owner_id
            if group.email:
                title += f" <{group.email}>"
        lines += [f"## {title}", ""]
        for item in group.items:
            lines.append(f"- [ ] {_item_markdown(item, language)}")
        lines.append("")
    lines.append(words["footer"])
    return "\n".join(lines) + "\n" + _not_in_force_markdown(report, language)


def _not_in_force_markdown(report: ReviewReport, language: Language) -> str:
    if not report.not_in_force:
        return ""
    words = _MARKDOWN[language]
    lines = ["", f"## {words['not_in_force']}", "", words["not_in_force_note"], ""]
    lines += [f"- {_item_markdown(item, language)}" for item in report.not_in_force]
    return "\n".join(lines) + "\n"


def _item_markdown(item: ReviewItem, language: Language) -> str:
    words = _MARKDOWN[language]
    what = (
        kind_word("process", language)
        if item.kind == "process"
        else handbook_type_word(item.type, language)
    )
    where = f"`{item.id}`" + (f", {item.area_name}" if item.area_name else "")
    due = item.due.isoformat()
    if item.days_late > 0:
        when = words["late"].format(due=due, days=days(item.days_late, language))
    elif item.days_late == 0:
        when = words["today"].format(due=due)
    else:
        when = words["left"].format(due=due, days=days(-item.days_late, language))
    return f"{capitalised(what)} **{escape(item.name)}** ({where}) {when}"


#: ``review --format NAME``: the report as text, by the format's name.
REPORTER_BY_NAME: dict[str, Callable[[ReviewReport, Language], str]] = {
    "text": lambda report, _language: review_table(report),
    "json": lambda report, _language: review_json(report),
    "csv": lambda report, _language: review_csv(report),
    "markdown": review_markdown,
}
