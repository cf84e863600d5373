"""The weekly digest as a ready e-mail (``changelog --format email``): the period's changes
grouped by delivery area, as plain text and as HTML, in one ``.eml`` message.

processkit does not send mail: the message has a subject and a date (the period's last day)
but no sender or recipients, which the mail program adds. The same change log gives the same
bytes: the MIME boundary is derived from the content, never random.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time
from email.message import EmailMessage
from email.policy import SMTPUTF8
from email.utils import format_datetime
from html import escape

from processkit import i18n
from processkit.domain.structure import sorted_areas
from processkit.history.changelog import ChangeLog, EntityChange
from processkit.history.phrasing import describe
from processkit.history.wording import entry_title, notice_period, notice_summary
from processkit.i18n import _
from processkit.loading.repository import Repository
from processkit.words import Language

#: The group of the changes that belong to no delivery area (roles, people, handbooks).
OTHER = ""


def area_of(entry: EntityChange, repo: Repository) -> str:
    """The delivery area an entry belongs to (an area itself; a process, or the proposal or
    assessment of a process, its process's area), or ``OTHER``."""
    if entry.kind == "area":
        return entry.id
    process_id: str | None = None
    if entry.kind == "process":
        process_id = entry.id
    elif entry.kind in ("proposal", "assessment"):
        record = repo.of_kind(entry.kind).get(entry.id)
        process_id = str(getattr(record.entity, "process", "")) if record else None
    process = repo.processes.get(process_id or "")
    return process.entity.area if process is not None else OTHER


def grouped(log: ChangeLog, repo: Repository) -> list[tuple[str, list[EntityChange]]]:
    """The entries by area, in the areas' configured order, the rest last; each area's
    entries in the change log's order."""
    groups: dict[str, list[EntityChange]] = {}
    for entry in log.entries:
        area = area_of(entry, repo)
        groups.setdefault(area if area in repo.areas else OTHER, []).append(entry)
    order = [*sorted_areas(repo), OTHER]
    return [(area, groups[area]) for area in order if area in groups]


def changelog_email(log: ChangeLog, language: Language, repo: Repository) -> str:
    """The digest as an e-mail message (RFC 5322 with MIME parts), in ``language``."""
    with i18n.speaking(language):
        return _changelog_email(log, language, repo)


def _heading(area: str, repo: Repository) -> str:
    if area == OTHER:
        return _("Other changes")
    return repo.areas[area].entity.name


def _changelog_email(log: ChangeLog, language: Language, repo: Repository) -> str:
    subject = _("What's new in the management system {period}", period=notice_period(log))
    title = repo.config.site.title
    lines = [subject, ""]
    html = [
        "<!DOCTYPE html>",
        f'<html lang="{language}">',
        '<head><meta charset="utf-8">',
        f"<title>{escape(subject)}</title></head>",
        "<body>",
        f"<h1>{escape(subject)}</h1>",
    ]
    groups = grouped(log, repo)
    if not groups:
        lines.append(_("Nothing changed in this period."))
        html.append(f"<p>{escape(_('Nothing changed in this period.'))}</p>")
    else:
        summary = notice_summary(log)
        lines.append(summary)
        html.append(f"<p>{escape(summary)}</p>")
    for area, entries in groups:
        heading = _heading(area, repo)
        lines += ["", heading, "-" * len(heading)]
        html.append(f"<h2>{escape(heading)}</h2>")
        html.append("<ul>")
        for entry in entries:
            name = entry_title(entry, language)
            lines.append(f"- {name}")
            details = [describe(field, language, kind=entry.kind) for field in entry.fields]
            lines += [f"  - {text}" for text in details]
            html.append(f"<li>{escape(name)}")
            if entry.fields:
                html.append("<ul>")
                html += [
                    "<li>"
                    + describe(field, language, markup=escape, code=_code, kind=entry.kind)
                    + "</li>"
                    for field in entry.fields
                ]
                html.append("</ul>")
            html.append("</li>")
        html.append("</ul>")
    lines += ["", "-- ", title, ""]
    html += [f"<p>{escape(title)}</p>", "</body>", "</html>", ""]
    text = "\n".join(lines)
    markup = "\n".join(html)

    message = EmailMessage(policy=SMTPUTF8.clone(linesep="\n"))
    message["Subject"] = subject
    day = log.until
    message["Date"] = format_datetime(datetime.combine(day, time(0, 0), UTC))
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(markup, subtype="html", cte="quoted-printable")
    message["Content-Language"] = language
    for part in message.iter_parts():
        del part["MIME-Version"]  # only the message as a whole has one
    digest = hashlib.sha256(f"{subject}\0{text}\0{markup}".encode()).hexdigest()[:32]
    message.set_boundary(f"processkit-{digest}")
    return message.as_string()


def _code(text: str) -> str:
    return f"<code>{escape(text)}</code>"
