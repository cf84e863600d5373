"""The change log as text for the terminal, JSON, or the weekly Markdown notice "what's new in
the management system"."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from processkit import i18n
from processkit.history.changelog import ChangeLog, EntityChange
from processkit.history.phrasing import describe
from processkit.history.wording import (
    CHANGE_ORDER,
    change_word,
    count,
    counts,
    notice_period,
    notice_summary,
)
from processkit.i18n import _, n_, p_
from processkit.loading.git import Commit
from processkit.loading.repository import Repository
from processkit.reports.markdown import escape
from processkit.words import DASH, Language, capitalised, kind_word


def _period(log: ChangeLog) -> str:
    if log.since:
        start = log.since.isoformat()
    elif log.base:
        start = _("after {sha}", sha=log.base.short)
    else:
        start = _("the beginning")
    return f"{start} {DASH} {log.until.isoformat()}"


def _commit_line(commit: Commit) -> str:
    return f"{commit.short} {commit.date.isoformat()} {commit.author}: {commit.summary}"


def _kind(kind: str) -> str:
    """What a kind of entity is called, as the terminal report writes it (``area``)."""
    words = {
        "area": p_("changelog kind", "area"),
        "process": p_("changelog kind", "process"),
        "role": p_("changelog kind", "role"),
        "person": p_("changelog kind", "person"),
        "handbook": p_("changelog kind", "handbook"),
        "proposal": p_("changelog kind", "proposal"),
        "assessment": p_("changelog kind", "assessment"),
    }
    return words.get(kind, kind)


def changelog_text(log: ChangeLog) -> str:
    """For the terminal: each entity with its changes and the commits that made them."""
    tally = counts(log)
    commits = len(log.commits)
    lines = [
        _(
            "Changes {period}: {commits}; {counts}.",
            period=_period(log),
            commits=n_("{count} commit", "{count} commits", commits),
            counts=", ".join(count(change, n) for change, n in tally.items()),
        )
    ]
    language = i18n.current()
    for entry in log.entries:
        name = f" '{entry.name}'" if entry.name else ""
        where = entry.path or entry.old_path
        change = change_word(entry.change)
        lines += ["", f"{_kind(entry.kind)} {entry.id}{name}: {change} ({where})"]
        lines += [f"  - {describe(field, language, kind=entry.kind)}" for field in entry.fields]
        lines += [f"  {_commit_line(commit)}" for commit in entry.commits]
    return "\n".join(lines) + "\n"


def _commit_data(commit: Commit) -> dict[str, Any]:
    return {
        "sha": commit.sha,
        "date": commit.date.isoformat(),
        "author": commit.author,
        "email": commit.email,
        "message": commit.message,
    }


def changelog_data(log: ChangeLog, language: Language = "en") -> dict[str, Any]:
    """The change log as JSON-ready data; ``text`` holds each change in plain words."""
    return {
        "since": log.since.isoformat() if log.since else None,
        "until": log.until.isoformat(),
        "base": log.base.sha if log.base else None,
        "head": log.head.sha,
        "summary": counts(log),
        "commits": [_commit_data(commit) for commit in log.commits],
        "entries": [_entry_data(entry, language) for entry in log.entries],
    }


def _entry_data(entry: EntityChange, language: Language) -> dict[str, Any]:
    return {
        "kind": entry.kind,
        "id": entry.id,
        "name": entry.name,
        "change": entry.change,
        "path": entry.path,
        "old_path": entry.old_path,
        "fields": [
            {
                "field": field.field,
                "action": field.action,
                "item": field.item,
                "part": field.part,
                "old": field.old,
                "new": field.new,
                "text": describe(field, language, kind=entry.kind),
            }
            for field in entry.fields
        ],
        "commits": [commit.sha for commit in entry.commits],
    }


def changelog_json(log: ChangeLog) -> str:
    return json.dumps(changelog_data(log), ensure_ascii=False, indent=2) + "\n"


def changelog_markdown(log: ChangeLog, language: Language) -> str:
    """The weekly notice: what is new, changed, retired and removed, in the site's language."""
    with i18n.speaking(language):
        return _changelog_markdown(log, language)


def _section(change: str) -> str:
    """The heading of the notice's part for one kind of change."""
    words = {
        "added": p_("changelog heading", "New"),
        "changed": p_("changelog heading", "Changed"),
        "retired": p_("changelog heading", "Retired"),
        "removed": p_("changelog heading", "Removed"),
    }
    return words[change]


def _changelog_markdown(log: ChangeLog, language: Language) -> str:
    period = notice_period(log)
    lines = ["# " + _("What's new in the management system {period}", period=period), ""]
    if not log.entries:
        lines.append(_("Nothing changed in this period."))
        return "\n".join(lines) + "\n"
    lines.append(notice_summary(log))
    for change in CHANGE_ORDER:
        entries = log.of_kind(change)
        if not entries:
            continue
        lines += ["", f"## {_section(change)}", ""]
        for entry in entries:
            title = _title(entry, language)
            note = _commit_note(entry)
            if not entry.fields:
                lines.append(f"- {title}" + (f" — {note}" if note else ""))
                continue
            lines.append(f"- {title}")
            lines += [
                f"  - {describe(field, language, escape, kind=entry.kind)}"
                for field in entry.fields
            ]
            if note:
                lines.append(f"  {note}")
    return "\n".join(lines) + "\n"


def _title(entry: EntityChange, language: Language) -> str:
    what = capitalised(kind_word(entry.kind, language))
    if entry.name:
        return f"{what} **{escape(entry.name)}** (`{entry.id}`)"
    return f"{what} `{entry.id}`"


def _commit_note(entry: EntityChange) -> str:
    if not entry.commits:
        return ""
    parts = [
        f"{escape(commit.summary)} ({escape(commit.author)}, {commit.date.isoformat()})"
        for commit in entry.commits
    ]
    return "*" + _("Changes: {commits}", commits="; ".join(parts)) + "*"


def _email(log: ChangeLog, language: Language, repo: Repository) -> str:
    from processkit.reports.changelog_email import changelog_email

    return changelog_email(log, language, repo)


#: ``changelog --format NAME``: the change log as text, by the format's name; given the log,
#: the language of the notices and the repository (whose areas group the e-mail).
REPORTER_BY_NAME: dict[str, Callable[[ChangeLog, Language, Repository], str]] = {
    "text": lambda log, _language, _repo: changelog_text(log),
    "json": lambda log, _language, _repo: changelog_json(log),
    "markdown": lambda log, language, _repo: changelog_markdown(log, language),
    "email": _email,
}
