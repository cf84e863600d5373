"""The change that carried out a proposal marked ``done``: the commit its ``decision`` names,
or else the commit in the history that set its status to done."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from itertools import islice

from processkit.domain.dates import add_days
from processkit.errors import ProcesskitError
from processkit.history.snapshots import Snapshot, SnapshotStore
from processkit.loading.git import Commit, GitHistory, LoggedCommit
from processkit.loading.repository import Repository
from processkit.model.types import SWEDISH_VALUES

_CHUNK = 200  # commits whose files are fetched together
_HASH_RE = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{7,40}(?![0-9a-fA-F])")


def closing_commits(repo: Repository, store: SnapshotStore | None = None) -> dict[str, Commit]:
    """Proposal id -> the commit that closed it, for every ``done`` proposal where one is found.

    A hash (7-40 hex digits) in the decision that names a commit of the repository wins;
    otherwise one ``git log`` walk, newest first, finds the latest commit that turned the
    proposal's status from another into ``done`` (a file added already done has none),
    stopping once every proposal is found or the history is older than the oldest one's
    submission. Outside a git repository the answer is empty. A version that is in the
    working tree is taken from the parse store beside ``store`` (see ``SnapshotStore.parse``).
    """
    done = {
        pid: record.entity
        for pid, record in sorted(repo.proposals.items())
        if record.entity.status == "done"
    }
    if not done:
        return {}
    try:
        history = GitHistory(repo.root, "finding the change that closed a proposal")
    except ProcesskitError:
        return {}
    found: dict[str, Commit] = {}
    with history:
        candidates = {
            pid: [text.lower() for text in _HASH_RE.findall(proposal.decision or "")]
            for pid, proposal in done.items()
        }
        # every hash of every decision asked of git at once
        named = history.commits_named(text for texts in candidates.values() for text in texts)
        for pid, texts in candidates.items():
            for text in texts:
                if text in named:
                    found[pid] = history.commit(named[text])
                    break
        pending = {pid: p.submitted for pid, p in done.items() if pid not in found}
        if pending:
            found.update(_from_history(history, pending, store or SnapshotStore(None)))
    return dict(sorted(found.items()))


def _from_history(
    history: GitHistory, pending: dict[str, date], store: SnapshotStore
) -> dict[str, Commit]:
    found: dict[str, Commit] = {}
    oldest = add_days(min(pending.values()), -1)
    data: dict[str, bytes] = {}
    cache: dict[str, Snapshot | None] = {}

    def read(path: str, blob: str) -> Snapshot | None:
        if blob not in cache:
            content = data.get(blob)
            if content is None:
                content = history.blob(blob)
            # only a version that may be a proposal is read (through the parse store)
            result = store.parse(path, content) if b"proposal" in content else None
            cache[blob] = result if isinstance(result, Snapshot) else None
        return cache[blob]

    walk = history.log([history.head])
    while pending:
        chunk = list(islice(walk, _CHUNK))
        if not chunk:
            break
        # every new version of a YAML file in the chunk, fetched in one go
        data.update(
            history.blobs(
                change.new_blob
                for logged in chunk
                for change in logged.files
                if change.new_blob is not None
                and change.new_path is not None
                and change.new_path.endswith((".yaml", ".yml"))
                and change.new_blob not in cache
            )
        )
        for logged in chunk:
            if logged.ref.date < oldest:
                pending.clear()
                break
            _closed_in(logged, pending, read, found)
            if not pending:
                break
    walk.close()
    return found


def _closed_in(
    logged: LoggedCommit,
    pending: dict[str, date],
    read: Callable[[str, str], Snapshot | None],
    found: dict[str, Commit],
) -> None:
    """Record the proposals this commit turned into ``done``."""
    closed_here = []
    for change in logged.files:
        if change.new_path is None or change.new_blob is None:
            continue
        if not change.new_path.endswith((".yaml", ".yml")):
            continue
        new = read(change.new_path, change.new_blob)
        if new is not None and new.kind == "proposal" and new.id in pending and _is_done(new):
            closed_here.append(new.id)
    if not closed_here:
        return
    before: dict[str, Snapshot] = {}
    for change in logged.files:
        if change.old_path is not None and change.old_blob is not None:
            old = read(change.old_path, change.old_blob)
            if old is not None and old.kind == "proposal":
                before[old.id] = old
    for pid in closed_here:
        earlier = before.get(pid)  # a file added as done records, it does not close
        if earlier is not None and not _is_done(earlier):
            found[pid] = logged.ref
            del pending[pid]


def _is_done(found: Snapshot) -> bool:
    status = found.value.get("status")
    if not isinstance(status, str):
        return False
    word = status.strip().casefold()
    return SWEDISH_VALUES.get(word, word) == "done"
