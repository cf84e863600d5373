"""The change log as text for the terminal, JSON, or the weekly Markdown notice "what's new in
the management system"."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from processkit.history.changelog import ChangeLog, ChangeType, EntityChange
from processkit.history.phrasing import describe
from processkit.loading.git import Commit
from processkit.reports.markdown import escape
from processkit.words import DASH, Language, capitalised, kind_word

CHANGE_ORDER: tuple[ChangeType, ...] = ("added", "changed", "retired", "removed")


def _period(log: ChangeLog) -> str:
    start = (
        log.since.isoformat()
        if log.since
        else (f"after {log.base.short}" if log.base else "the beginning")
    )
    return f"{start} {DASH} {log.until.isoformat()}"


def _counts(log: ChangeLog) -> dict[str, int]:
    return {change: len(log.of_kind(change)) for change in CHANGE_ORDER}


def _commit_line(commit: Commit) -> str:
    return f"{commit.short} {commit.date.isoformat()} {commit.author}: {commit.summary}"


def changelog_text(log: ChangeLog) -> str:
    """For the terminal: each entity with its changes and the commits that made them."""
    counts = _counts(log)
    commits = len(log.commits)
    lines = [
        f"Changes {_period(log)}: {commits} {'commit' if commits == 1 else 'commits'}; "
        + ", ".join(f"{n} {change}" for change, n in counts.items())
        + "."
    ]
    for entry in log.entries:
        name = f" '{entry.name}'" if entry.name else ""
        where = entry.path or entry.old_path
        lines += ["", f"{entry.kind} {entry.id}{name}: {entry.change} ({where})"]
        lines += [f"  - {describe(field, 'en')}" for field in entry.fields]
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
        "summary": _counts(log),
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
                "text": describe(field, language),
            }
            for field in entry.fields
        ],
        "commits": [commit.sha for commit in entry.commits],
    }


def changelog_json(log: ChangeLog) -> str:
    return json.dumps(changelog_data(log), ensure_ascii=False, indent=2) + "\n"


_MARKDOWN = {
    "sv": {
        "heading": "Nytt i ledningssystemet {period}",
        "from_start": "från början",
        "after": "efter {sha}",
        "nothing": "Inget ändrades under perioden.",
        "added": "Nytt",
        "changed": "Ändrat",
        "retired": "Upphört",
        "removed": "Borttaget",
        "commits": "Ändringar",
    },
    "en": {
        "heading": "What's new in the management system {period}",
        "from_start": "from the beginning",
        "after": "after {sha}",
        "nothing": "Nothing changed in this period.",
        "added": "New",
        "changed": "Changed",
        "retired": "Retired",
        "removed": "Removed",
        "commits": "Changes",
    },
}


def changelog_markdown(log: ChangeLog, language: Language) -> str:
    """The weekly notice: what is new, changed, retired and removed, in the site's language."""
    words = _MARKDOWN[language]
    if log.since is not None:
        start = log.since.isoformat()
    elif log.base is not None:
        start = words["after"].format(sha=log.base.short)
    else:
        start = words["from_start"]
    period = f"{start} {DASH} {log.until.isoformat()}"
    lines = [f"# {words['heading'].format(period=period)}", ""]
    if not log.entries:
        lines.append(words["nothing"])
        return "\n".join(lines) + "\n"
    lines.append(_summary(_counts(log), language))
    for change in CHANGE_ORDER:
        entries = log.of_kind(change)
        if not entries:
            continue
        lines += ["", f"## {words[change]}", ""]
        for entry in entries:
            title = _title(entry, language)
            note = _commit_note(entry, words)
            if not entry.fields:
                lines.append(f"- {title}" + (f" — {note}" if note else ""))
                continue
            lines.append(f"- {title}")
            lines += [f"  - {describe(field, language, escape)}" for field in entry.fields]
            if note:
                lines.append(f"  {note}")
    return "\n".join(lines) + "\n"


_SUMMARY_WORDS = {
    "sv": {
        "added": ("ny", "nya"),
        "changed": ("ändrad", "ändrade"),
        "retired": ("upphörd", "upphörda"),
        "removed": ("borttagen", "borttagna"),
    },
    "en": {
        "added": ("new", "new"),
        "changed": ("changed", "changed"),
        "retired": ("retired", "retired"),
        "removed": ("removed", "removed"),
    },
}


def _summary(counts: dict[str, int], language: Language) -> str:
    words = _SUMMARY_WORDS[language]
    parts = [f"{n} {words[change][0 if n == 1 else 1]}" for change, n in counts.items()]
    joiner = " och " if language == "sv" else " and "
    return ", ".join(parts[:-1]) + joiner + parts[-1] + "."


def _title(entry: EntityChange, language: Language) -> str:
    what = capitalised(kind_word(entry.kind, language))
    if entry.name:
        return f"{what} **{escape(entry.name)}** (`{entry.id}`)"
    return f"{what} `{entry.id}`"


def _commit_note(entry: EntityChange, words: dict[str, str]) -> str:
    if not entry.commits:
        return ""
    parts = [
        f"{escape(commit.summary)} ({escape(commit.author)}, {commit.date.isoformat()})"
        for commit in entry.commits
    ]
    return f"*{words['commits']}: {'; '.join(parts)}*"


#: ``changelog --format NAME``: the change log as text, by the format's name.
REPORTER_BY_NAME: dict[str, Callable[[ChangeLog, Language], str]] = {
    "text": lambda log, _language: changelog_text(log),
    "json": lambda log, _language: changelog_json(log),
    "markdown": changelog_markdown,
}
