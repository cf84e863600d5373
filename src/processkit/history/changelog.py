"""What changed in the management system over a period, per entity, from the git history.

Entities are followed by kind and id, not by file: a renamed file, or an entity moved from
one file to another, is the same entity. The net change over the period comes from one
``git diff`` between the period's first and last commit; the commits that touched each entity
from one ``git log`` walk over the period. File versions are read once each, through git's
persistent ``cat-file`` process.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Literal

from processkit.domain.periods import is_date, is_span, parse_date, parse_span
from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.history.fieldchanges import FieldChange, Names, diff_values
from processkit.history.snapshots import (
    EntityKey,
    Seen,
    Snapshot,
    SnapshotStore,
    Unreadable,
    identify,
)
from processkit.i18n import _
from processkit.loading.discover import CONFIG_NAME, YAML_SUFFIXES, is_excluded
from processkit.loading.git import Commit, FileChange, GitHistory, WalkStore
from processkit.loading.repository import Repository
from processkit.model import KINDS
from processkit.model.kinds import KIND_TABLE

ChangeType = Literal["added", "changed", "retired", "removed"]
KIND_ORDER = {kind: rank for rank, kind in enumerate(KINDS)}


@frozen
class EntityChange:
    """How one entity changed over the period.

    ``change`` is ``added``, ``removed``, ``retired`` (its status became retired) or
    ``changed``; ``fields`` say what changed (empty for added and removed entities);
    ``commits`` are the commits of the period that touched it, oldest first.
    """

    kind: str
    id: str
    name: str | None
    change: ChangeType
    path: str | None
    old_path: str | None
    fields: tuple[FieldChange, ...]
    commits: tuple[Commit, ...]


@frozen
class ChangeLog:
    """The changes of a period: from just after ``base`` (None: from the first commit) up to
    and including ``head``. ``since`` is the period's first day when it was given as a date or
    a length of time (None when it starts after a commit, or at the beginning); ``until`` its
    last day (``today``, or the date of ``head``)."""

    base: Commit | None
    head: Commit
    since: date | None
    until: date
    commits: tuple[Commit, ...]
    entries: tuple[EntityChange, ...]

    def of_kind(self, change: ChangeType) -> list[EntityChange]:
        return [entry for entry in self.entries if entry.change == change]


@frozen
class Period:
    """Where a period starts and ends in the history."""

    base: str | None
    head: str
    since: date | None
    until: date


def changelog(
    repo: Repository,
    *,
    since: str | None = "7d",
    until: str | None = None,
    today: date | None = None,
    store: SnapshotStore | None = None,
    walks: WalkStore | None = None,
) -> ChangeLog:
    """The change log of the process repository ``repo`` (loaded from its working tree, which
    gives its root, configuration and the names references are shown with); the file
    versions are read through ``store`` (default: the one in the repository's cache folder).

    ``since`` is a length of time counted back from ``today`` (``7d``: the last seven days and
    today; ``2w``; ``1m``), a date (``2026-03-01``: changes from that day on) or a commit,
    branch or tag (changes after it); None means the whole history. ``until`` is a date or a
    commit, branch or tag (default: the last commit). ``today`` defaults to the date of the
    period's last commit, so the result depends on the repository alone. A period from the
    first commit to the one checked out is walked through ``walks``, where given (see
    ``WalkStore``).
    """
    own = store is None
    if store is None:
        store = SnapshotStore.in_folder(None, repo.root)
    with GitHistory(repo.root, _("the change log"), walks) as history:
        period = resolve_period(history, since, until, today)
        log = _build(history, repo, period, store)
    if own:
        store.save()
    return log


def commit_changes(
    history: GitHistory, repo: Repository, sha: str, store: SnapshotStore
) -> tuple[EntityChange, ...]:
    """What one commit changed, per entity, against its first parent (everything in a first
    commit is added): the change log of that commit alone."""
    day = history.commit(sha).date
    return _build(history, repo, Period(history.parent(sha), sha, None, day), store).entries


def resolve_period(
    history: GitHistory, since: str | None, until: str | None, today: date | None
) -> Period:
    """The first and last commit of a period given on the command line."""
    head = history.head
    if until is None and today is not None:
        until = today.isoformat()
    if until is not None and is_date(until):
        until_date = parse_date(until, "--until")
        found = history.last_on_or_before(head, until_date)
        if found is None:
            raise ProcesskitError(
                _(
                    "the history has no commits on or before {until}: there is nothing to report",
                    until=until,
                )
            )
        head = found
    else:
        if until is not None:
            head = history.resolve(until, "--until")
        until_date = history.commit(head).date
    if since is None:
        return Period(None, head, None, until_date)
    if is_date(since) or is_span(since):
        if is_date(since):
            since_date = parse_date(since, "--since")
        else:
            since_date = parse_span(since, "--since").before(until_date)
        if since_date > until_date:
            raise ProcesskitError(
                _(
                    "--since: the period starts on {start}, after its end ({end})",
                    start=since_date.isoformat(),
                    end=until_date.isoformat(),
                )
            )
        base = history.last_before(head, since_date)
        if base is None and history.is_shallow():
            raise ProcesskitError(
                _(
                    "the git history here is shallow: it has no commit before {day}, so every "
                    "file would look new; fetch the whole history first (`git fetch "
                    "--unshallow`, or `fetch-depth: 0` in CI)",
                    day=since_date.isoformat(),
                )
            )
        return Period(base, head, since_date, until_date)
    return Period(history.resolve(since, "--since"), head, None, until_date)


class _Reader:
    """File versions read as entity snapshots: fetched together, each parsed once, and those
    read in an earlier run taken from the store, whose values are read out only where they
    are compared (``seen``)."""

    def __init__(self, history: GitHistory, store: SnapshotStore) -> None:
        self.history = history
        self.store = store
        self.data: dict[str, bytes] = {}
        self.cache: dict[str, Snapshot | Unreadable] = {}

    def fetch(self, blobs: Iterable[str], keys: Iterable[str] = ()) -> None:
        """Read from git at once the versions ``blobs`` to be read whole, and those ``keys``
        of which only the entity is wanted (``key``), where the store does not hold that."""
        missing = {blob for blob in blobs if blob not in self.data and blob not in self.store}
        missing |= {
            blob
            for blob in keys
            if blob not in self.data and blob not in self.store and not self.store.key_of(blob)
        }
        self.data.update(self.history.blobs(missing))

    def _bytes(self, blob: str) -> bytes:
        if blob not in self.data:
            self.data[blob] = self.history.blob(blob)
        return self.data[blob]

    def read(self, path: str, blob: str) -> Snapshot | Unreadable:
        found = self.cache.get(blob)
        if found is None:
            found = self.store.get(path, blob)
        if found is None:
            found = self.store.parse(path, self._bytes(blob))
            if isinstance(found, Snapshot):
                self.store.keep(blob, found)
        self.cache[blob] = found
        if found.path != path:  # the same contents in another file
            if isinstance(found, Snapshot):
                return Snapshot(found.kind, found.id, path, found.value)
            return Unreadable(path, found.reason)
        return found

    def seen(self, path: str, blob: str) -> Seen | Unreadable:
        """Which entity a version holds and its name; its values are not read where a run
        before kept them."""
        if blob not in self.cache:
            kept = self.store.seen(path, blob)
            if kept is not None:
                return kept
        found = self.read(path, blob)
        return found.seen(blob) if isinstance(found, Snapshot) else found

    def value(self, seen: Seen) -> dict[str, Any]:
        """The values of the version ``seen``; ``_Misled`` where it holds no entity, though the
        store named one (a store written over by hand), whose entry is then dropped."""
        found = self.read(seen.path, seen.blob)
        if not isinstance(found, Snapshot):
            self.store.forget(seen.blob)
            raise _Misled
        return found.value

    def key(self, path: str, blob: str) -> EntityKey | None:
        """Which entity a version holds, without reading all of it where that can be avoided."""
        found = self.cache.get(blob) or self.store.seen(path, blob)
        if found is not None:
            return found.key if not isinstance(found, Unreadable) else None
        key = self.store.key_of(blob)
        if key is None:
            key = identify(path, self._bytes(blob))
            if key is not None:
                self.store.keep_key(blob, key)
        return key


class _Misled(Exception):
    """The store named an entity in a version that holds none."""


class _FileFilter:
    """Which paths hold entities, as the loader decides for the working tree."""

    def __init__(self, repo: Repository) -> None:
        self.exclude = list(repo.config.exclude)
        output = repo.config.site.output.strip("/")
        self.output = output + "/" if output else None
        #: each path's answer, kept: a path is asked about again for each commit that touched it
        self.answers: dict[str | None, bool] = {}

    def __call__(self, path: str | None) -> bool:
        found = self.answers.get(path)
        if found is None:
            found = self.answers[path] = self._wanted(path)
        return found

    def _wanted(self, path: str | None) -> bool:
        if path is None or not path.endswith(YAML_SUFFIXES) or path == CONFIG_NAME:
            return False
        if any(part.startswith(".") for part in path.split("/")):
            return False
        if self.output and path.startswith(self.output):
            return False
        return not is_excluded(path, self.exclude)


def _build(
    history: GitHistory, repo: Repository, period: Period, store: SnapshotStore
) -> ChangeLog:
    try:
        return _build_with(_Reader(history, store), repo, period)
    except _Misled:  # every version read again from git, as if nothing were kept
        return _build_with(_Reader(history, SnapshotStore(None)), repo, period)


def _build_with(reader: _Reader, repo: Repository, period: Period) -> ChangeLog:
    history = reader.history
    wanted = _FileFilter(repo)
    revisions = [f"{period.base}..{period.head}"] if period.base else [period.head]
    logged_commits = [
        logged
        for logged in history.log(revisions)
        if any(wanted(c.old_path) or wanted(c.new_path) for c in logged.files)
    ]
    net_changes = history.diff(period.base, period.head)
    reader.fetch(
        (blob for change in net_changes for path, blob in _sides(change) if wanted(path)),
        keys=(
            blob
            for logged in logged_commits
            for change in logged.files
            for path, blob in _sides(change)
            if wanted(path)
        ),
    )
    before, after, unreadable_before, unreadable_after = _net(reader, net_changes, wanted)
    commits: list[Commit] = []
    touched: dict[EntityKey, list[Commit]] = {}
    for logged in logged_commits:
        keys = set()
        for change in logged.files:
            for path, blob in _sides(change):
                key = reader.key(path, blob) if wanted(path) else None
                if key is not None:
                    keys.add(key)
        commits.append(logged.ref)
        for key in keys:
            touched.setdefault(key, []).append(logged.ref)
    names = _names(repo, [*before.values(), *after.values()])
    entries = []
    for key in sorted(set(before) | set(after), key=lambda k: (KIND_ORDER.get(k[0], 99), k)):
        entry = _entry(
            key,
            before.get(key),
            after.get(key),
            unreadable_before,
            unreadable_after,
            names,
            tuple(reversed(touched.get(key, []))),
            reader,
        )
        if entry is not None:
            entries.append(entry)
    base_ref = history.commit(period.base) if period.base else None
    return ChangeLog(
        base=base_ref,
        head=history.commit(period.head),
        since=period.since,
        until=period.until,
        commits=tuple(reversed(commits)),
        entries=tuple(entries),
    )


def _sides(change: FileChange) -> list[tuple[str, str]]:
    sides = []
    if change.old_path is not None and change.old_blob is not None:
        sides.append((change.old_path, change.old_blob))
    if change.new_path is not None and change.new_blob is not None:
        sides.append((change.new_path, change.new_blob))
    return sides


def _net(
    reader: _Reader, changes: Iterable[FileChange], wanted: _FileFilter
) -> tuple[dict[EntityKey, Seen], dict[EntityKey, Seen], dict[str, str], dict[str, str]]:
    """The entities of the changed files before and after the period, and the files that
    cannot be read on either side (path -> why)."""
    before: dict[EntityKey, Seen] = {}
    after: dict[EntityKey, Seen] = {}
    unreadable_before: dict[str, str] = {}
    unreadable_after: dict[str, str] = {}
    for change in sorted(changes, key=lambda c: c.old_path or c.new_path or ""):
        if change.old_path is not None and change.old_blob and wanted(change.old_path):
            found = reader.seen(change.old_path, change.old_blob)
            if isinstance(found, Seen):
                before.setdefault(found.key, found)
            else:
                unreadable_before[found.path] = found.reason
        if change.new_path is not None and change.new_blob and wanted(change.new_path):
            found = reader.seen(change.new_path, change.new_blob)
            if isinstance(found, Seen):
                after.setdefault(found.key, found)
            else:
                unreadable_after[found.path] = found.reason
    return before, after, unreadable_before, unreadable_after


def _names(repo: Repository, snapshots: Iterable[Seen]) -> Names:
    """Names to show references with: the working tree's, then those of the versions read
    (the newest last, so it wins)."""
    table: dict[str, dict[str, str]] = {}
    for row in KIND_TABLE:
        if row.title_field is not None:
            records = repo.of_kind(row.kind)
            table[row.kind] = {eid: row.title_of(rec.entity) for eid, rec in records.items()}
    for found in snapshots:
        if found.label is not None and found.kind in table:
            table[found.kind][found.id] = found.label
    return Names(table)


def _entry(
    key: EntityKey,
    old: Seen | None,
    new: Seen | None,
    unreadable_before: dict[str, str],
    unreadable_after: dict[str, str],
    names: Names,
    commits: tuple[Commit, ...],
    reader: _Reader,
) -> EntityChange | None:
    kind, entity_id = key
    if new is None:
        assert old is not None
        if old.path in unreadable_after:
            note = FieldChange("file", "unreadable", new=unreadable_after[old.path])
            return EntityChange(
                kind, entity_id, _label(old, names), "changed", old.path, old.path, (note,), commits
            )
        return EntityChange(
            kind, entity_id, _label(old, names), "removed", None, old.path, (), commits
        )
    if old is None:
        if new.path in unreadable_before:
            note = FieldChange("file", "unreadable", old=unreadable_before[new.path])
            return EntityChange(
                kind, entity_id, _label(new, names), "changed", new.path, new.path, (note,), commits
            )
        return EntityChange(
            kind, entity_id, _label(new, names), "added", new.path, None, (), commits
        )
    old_value, new_value = reader.value(old), reader.value(new)
    fields = diff_values(kind, old_value, new_value, names)
    if old.path != new.path:
        fields.insert(0, FieldChange("file", "moved", old=old.path, new=new.path))
    if not fields:
        return None
    retired = new_value.get("status") == "retired" and old_value.get("status") != "retired"
    return EntityChange(
        kind,
        entity_id,
        _label(new, names),
        "retired" if retired else "changed",
        new.path,
        old.path,
        tuple(fields),
        commits,
    )


def _label(found: Seen, names: Names) -> str | None:
    if found.subject is not None:  # an assessment: of a process, on a day
        process, day = found.subject
        return f"{names.of('process', process)} {day}".strip()
    return found.label
