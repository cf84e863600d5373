"""The proposal backlog as a terminal table, JSON, or a Markdown agenda for the weekly
meeting."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from processkit.domain.backlog import ProposalItem, ProposalsReport
from processkit.reports.markdown import escape
from processkit.reports.texttable import render_table
from processkit.words import DASH, Language, days, status_word


def _counts_text(counts: dict[str, int], language: Language = "en") -> str:
    return ", ".join(f"{n} {status_word(status, language, n)}" for status, n in counts.items())


def proposals_table(report: ProposalsReport) -> str:
    """For the terminal: the intake and decisions of the period (with ``since``), then the
    proposals asked for, by process."""
    parts: list[str] = []
    today = report.today.isoformat()
    if report.since is not None:
        period = f"{report.since.isoformat()} {DASH} {today}"
        parts.append(f"Intake {period}: {len(report.intake)} submitted.\n")
        if report.intake:
            parts.append(
                render_table(
                    ["Id", "Process", "Submitted", "By", "Status", "Title"],
                    [
                        [
                            item.id,
                            item.process_id,
                            item.submitted.isoformat(),
                            item.submitted_by or "",
                            item.status,
                            item.title,
                        ]
                        for item in report.intake
                    ],
                )
            )
        parts.append(f"Decisions {period}: {len(report.decisions)} decided.\n")
        if report.decisions:
            parts.append(
                render_table(
                    ["Id", "Process", "Decided", "Status", "Days", "Closed by", "Title"],
                    [
                        [
                            item.id,
                            item.process_id,
                            (item.decided or report.today).isoformat(),
                            item.status,
                            str(item.days_to_decision or 0),
                            _closed(item),
                            item.title,
                        ]
                        for item in report.decisions
                    ],
                    right=(4,),
                )
            )
    statuses = ", ".join(report.statuses)
    heading = f"Proposals with status {statuses} on {today}: {report.total}"
    if report.total:
        heading += f" ({_counts_text(report.counts)})"
    parts.append(heading + ".\n")
    if report.total:
        parts.append(_backlog_table(report))
    return "\n".join(parts)


def _backlog_table(report: ProposalsReport) -> str:
    with_done = "done" in report.statuses
    headers = ["Process", "Id", "Status", "Submitted", "Age", "Title"]
    if with_done:
        headers.insert(5, "Closed by")
    rows: list[list[str]] = []
    for group in report.processes:
        for index, item in enumerate(group.items):
            row = [
                f"{group.process_name} ({group.process_id})" if index == 0 else "",
                item.id,
                item.status,
                item.submitted.isoformat(),
                str(item.age_days),
                item.title,
            ]
            if with_done:
                row.insert(5, _closed(item))
            rows.append(row)
    return render_table(headers, rows, right=(4,))


def _closed(item: ProposalItem) -> str:
    return item.closed_by.short if item.closed_by else ""


def _item_data(item: ProposalItem) -> dict[str, Any]:
    closed = item.closed_by
    return {
        "id": item.id,
        "process": item.process_id,
        "title": item.title,
        "status": item.status,
        "submitted": item.submitted.isoformat(),
        "submitted_by": item.submitted_by,
        "decided": item.decided.isoformat() if item.decided else None,
        "age_days": item.age_days,
        "days_to_decision": item.days_to_decision,
        "path": item.path,
        "closed_by": None
        if closed is None
        else {
            "sha": closed.sha,
            "date": closed.date.isoformat(),
            "author": closed.author,
            "message": closed.summary,
        },
    }


def proposals_data(report: ProposalsReport) -> dict[str, Any]:
    """The report as JSON-ready data."""
    data: dict[str, Any] = {
        "today": report.today.isoformat(),
        "since": report.since.isoformat() if report.since else None,
        "statuses": list(report.statuses),
        "summary": {"total": report.total, "by_status": report.counts},
        "processes": [
            {
                "id": group.process_id,
                "name": group.process_name,
                "area": group.area_id,
                "by_status": group.counts,
                "proposals": [_item_data(item) for item in group.items],
            }
            for group in report.processes
        ],
    }
    if report.since is not None:
        data["intake"] = [_item_data(item) for item in report.intake]
        data["decisions"] = [_item_data(item) for item in report.decisions]
    return data


def proposals_json(report: ProposalsReport) -> str:
    return json.dumps(proposals_data(report), ensure_ascii=False, indent=2) + "\n"


_MARKDOWN = {
    "sv": {
        "heading": "Förbättringsförslag {today}",
        "intake": "Inkomna {period} ({n})",
        "decisions": "Beslutade {period} ({n})",
        "backlog": "Förslag ({n})",
        "none": "Inga.",
        "submitted": "inkom {date}",
        "by": "från {who}",
        "decided": "{status} {date} efter {days}",
        "open": "{status}, {days} sedan förslaget kom in",
        "closed_by": "genomfört i {sha}",
    },
    "en": {
        "heading": "Improvement proposals {today}",
        "intake": "Submitted {period} ({n})",
        "decisions": "Decided {period} ({n})",
        "backlog": "Proposals ({n})",
        "none": "None.",
        "submitted": "submitted {date}",
        "by": "by {who}",
        "decided": "{status} {date} after {days}",
        "open": "{status}, submitted {days} ago",
        "closed_by": "carried out in {sha}",
    },
}


def proposals_markdown(report: ProposalsReport, language: Language) -> str:
    """An agenda for the weekly meeting: the week's intake and decisions, then the backlog
    by process, in the site's language."""
    words = _MARKDOWN[language]
    today = report.today.isoformat()
    lines = [f"# {words['heading'].format(today=today)}"]
    if report.since is not None:
        period = f"{report.since.isoformat()} {DASH} {today}"
        lines += ["", f"## {words['intake'].format(period=period, n=len(report.intake))}", ""]
        lines += _list(report.intake, language, "intake") or [words["none"]]
        lines += ["", f"## {words['decisions'].format(period=period, n=len(report.decisions))}"]
        lines += [""]
        lines += _list(report.decisions, language, "decided") or [words["none"]]
    heading = words["backlog"].format(n=report.total)
    if report.total:
        heading = heading[:-1] + f": {_counts_text(report.counts, language)})"
    lines += ["", f"## {heading}"]
    if not report.total:
        lines += ["", words["none"]]
    for group in report.processes:
        lines += ["", f"### {escape(group.process_name)} (`{group.process_id}`)", ""]
        lines += _list(group.items, language, "open")
    return "\n".join(lines) + "\n"


def _list(items: Sequence[ProposalItem], language: Language, view: str) -> list[str]:
    words = _MARKDOWN[language]
    lines = []
    for item in items:
        text = f"- **{item.id}** {escape(item.title)}"
        if view != "open":
            text += f" ({escape(item.process_name)})"
        if view == "intake":
            text += f" {DASH} " + words["submitted"].format(date=item.submitted.isoformat())
            if item.submitted_by:
                text += " " + words["by"].format(who=escape(item.submitted_by))
        elif view == "decided" or item.decided is not None:
            text += f" {DASH} " + words["decided"].format(
                status=status_word(item.status, language),
                date=(item.decided or item.submitted).isoformat(),
                days=days(item.days_to_decision or 0, language),
            )
        else:
            text += f" {DASH} " + words["open"].format(
                status=status_word(item.status, language), days=days(item.age_days, language)
            )
        if item.closed_by is not None:
            text += ", " + words["closed_by"].format(sha=f"`{item.closed_by.short}`")
        lines.append(text)
    return lines


#: ``proposals --format NAME``: the report as text, by the format's name.
REPORTER_BY_NAME: dict[str, Callable[[ProposalsReport, Language], str]] = {
    "text": lambda report, _language: proposals_table(report),
    "json": lambda report, _language: proposals_json(report),
    "markdown": proposals_markdown,
}
