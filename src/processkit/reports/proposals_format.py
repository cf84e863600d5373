"""The proposal backlog as a terminal table, JSON, or a Markdown agenda for the weekly
meeting."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from processkit import i18n
from processkit.domain.backlog import ProposalItem, ProposalsReport
from processkit.i18n import _, p_
from processkit.reports.markdown import escape
from processkit.reports.texttable import WIDTH, render_table
from processkit.words import DASH, Language, days, status_word


def _counts_text(counts: dict[str, int], language: Language = "en") -> str:
    """For the Markdown agenda: ``3 new, 2 accepted`` in the site's words."""
    return ", ".join(f"{n} {status_word(status, language, n)}" for status, n in counts.items())


def _status(status: str) -> str:
    """A proposal's status in words, as one proposal has it (*nytt*, *beviljat*)."""
    words = {
        "new": p_("proposal status", "new"),
        "assessing": p_("proposal status", "assessing"),
        "accepted": p_("proposal status", "accepted"),
        "rejected": p_("proposal status", "rejected"),
        "done": p_("proposal status", "done"),
    }
    return words.get(status, status)


def _statuses(status: str, count: int) -> str:
    """A status in words after a count (*1 nytt*, *3 nya*)."""
    if count == 1:
        return _status(status)
    words = {
        "new": p_("proposal status, several", "new"),
        "assessing": p_("proposal status, several", "assessing"),
        "accepted": p_("proposal status, several", "accepted"),
        "rejected": p_("proposal status, several", "rejected"),
        "done": p_("proposal status, several", "done"),
    }
    return words.get(status, status)


def _named(name: str, process_id: str) -> str:
    return f"{name} ({process_id})"


def proposals_table(report: ProposalsReport, *, width: int = WIDTH) -> str:
    """For the terminal: the intake and decisions of the period (with ``since``), then the
    proposals asked for, by process."""
    parts: list[str] = []
    today = report.today.isoformat()
    if report.since is not None:
        period = f"{report.since.isoformat()} {DASH} {today}"
        parts.append(
            _("Intake {period}: {count} submitted.", period=period, count=len(report.intake)) + "\n"
        )
        if report.intake:
            parts.append(
                render_table(
                    [
                        p_("proposals table", "Id"),
                        p_("proposals table", "Process"),
                        p_("proposals table", "Submitted"),
                        p_("proposals table", "By"),
                        p_("proposals table", "Status"),
                        p_("proposals table", "Title"),
                    ],
                    [
                        [
                            item.id,
                            _named(item.process_name, item.process_id),
                            item.submitted.isoformat(),
                            item.submitted_by or "",
                            _status(item.status),
                            item.title,
                        ]
                        for item in report.intake
                    ],
                    width=width,
                )
            )
        parts.append(
            _("Decisions {period}: {count} decided.", period=period, count=len(report.decisions))
            + "\n"
        )
        if report.decisions:
            parts.append(
                render_table(
                    [
                        p_("proposals table", "Id"),
                        p_("proposals table", "Process"),
                        p_("proposals table", "Decided"),
                        p_("proposals table", "Status"),
                        p_("proposals table", "Days"),
                        p_("proposals table", "Closed by"),
                        p_("proposals table", "Title"),
                    ],
                    [
                        [
                            item.id,
                            _named(item.process_name, item.process_id),
                            (item.decided or report.today).isoformat(),
                            _status(item.status),
                            str(item.days_to_decision or 0),
                            _closed(item),
                            item.title,
                        ]
                        for item in report.decisions
                    ],
                    right=(4,),
                    width=width,
                )
            )
    heading = _(
        "Proposals with status {statuses} on {today}: {total}",
        statuses=", ".join(_status(status) for status in report.statuses),
        today=today,
        total=report.total,
    )
    if report.total:
        counts = ", ".join(f"{n} {_statuses(status, n)}" for status, n in report.counts.items())
        heading += f" ({counts})"
    parts.append(heading + ".\n")
    if report.total:
        parts.append(_backlog_table(report, width))
    return "\n".join(parts)


def _backlog_table(report: ProposalsReport, width: int) -> str:
    with_done = "done" in report.statuses
    headers = [
        p_("proposals table", "Process"),
        p_("proposals table", "Id"),
        p_("proposals table", "Status"),
        p_("proposals table", "Submitted"),
        p_("proposals table", "Age"),
        p_("proposals table", "Title"),
    ]
    if with_done:
        headers.insert(5, p_("proposals table", "Closed by"))
    rows: list[list[str]] = []
    for group in report.processes:
        for index, item in enumerate(group.items):
            row = [
                _named(group.process_name, group.process_id) if index == 0 else "",
                item.id,
                _status(item.status),
                item.submitted.isoformat(),
                str(item.age_days),
                item.title,
            ]
            if with_done:
                row.insert(5, _closed(item))
            rows.append(row)
    return render_table(headers, rows, right=(4,), width=width)


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


def proposals_markdown(report: ProposalsReport, language: Language) -> str:
    """An agenda for the weekly meeting: the week's intake and decisions, then the backlog
    by process, in the site's language."""
    with i18n.speaking(language):
        return _proposals_markdown(report, language)


def _proposals_markdown(report: ProposalsReport, language: Language) -> str:
    today = report.today.isoformat()
    none = _("None.")
    lines = ["# " + _("Improvement proposals {today}", today=today)]
    if report.since is not None:
        period = f"{report.since.isoformat()} {DASH} {today}"
        intake = _("Submitted {period} ({n})", period=period, n=len(report.intake))
        lines += ["", f"## {intake}", ""]
        lines += _list(report.intake, language, "intake") or [none]
        decided = _("Decided {period} ({n})", period=period, n=len(report.decisions))
        lines += ["", f"## {decided}"]
        lines += [""]
        lines += _list(report.decisions, language, "decided") or [none]
    heading = _("Proposals ({n})", n=report.total)
    if report.total:
        heading = heading[:-1] + f": {_counts_text(report.counts, language)})"
    lines += ["", f"## {heading}"]
    if not report.total:
        lines += ["", none]
    for group in report.processes:
        lines += ["", f"### {escape(group.process_name)} (`{group.process_id}`)", ""]
        lines += _list(group.items, language, "open")
    return "\n".join(lines) + "\n"


def _list(items: Sequence[ProposalItem], language: Language, view: str) -> list[str]:
    lines = []
    for item in items:
        text = f"- **{item.id}** {escape(item.title)}"
        if view != "open":
            text += f" ({escape(item.process_name)})"
        if view == "intake":
            text += f" {DASH} " + _("submitted {date}", date=item.submitted.isoformat())
            if item.submitted_by:
                text += " " + _("by {who}", who=escape(item.submitted_by))
        elif view == "decided" or item.decided is not None:
            text += f" {DASH} " + _(
                "{status} {date} after {days}",
                status=status_word(item.status, language),
                date=(item.decided or item.submitted).isoformat(),
                days=days(item.days_to_decision or 0, language),
            )
        else:
            text += f" {DASH} " + _(
                "{status}, submitted {days} ago",
                status=status_word(item.status, language),
                days=days(item.age_days, language),
            )
        if item.closed_by is not None:
            sha = f"`{item.closed_by.short}`"
            text += ", " + _("carried out in {sha}", sha=sha)
        lines.append(text)
    return lines


#: ``proposals --format NAME``: the report as text, by the format's name.
REPORTER_BY_NAME: dict[str, Callable[[ProposalsReport, Language], str]] = {
    "text": lambda report, _language: proposals_table(report),
    "json": lambda report, _language: proposals_json(report),
    "markdown": proposals_markdown,
}
