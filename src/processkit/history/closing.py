"""The change that carried out a proposal marked ``done``: the commit its ``decision`` names,
or else the commit in the history that set its status to done."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from itertools import islice

from processkit.cache import UsedStore, code_digest
from processkit.domain.dates import add_days
from processkit.errors import ProcesskitError
from processkit.history.snapshots import Snapshot, SnapshotStore
from processkit.loading.git import Commit, GitHistory, LoggedCommit, WalkStore
from processkit.loading.repository import Repository
from processkit.model.types import SWEDISH_VALUES

_CHUNK = 200  # commits whose files are fetched together
_HASH_RE = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{7,40}(?![0-9a-fA-F])")

#: What a file version is to the walk: the id of the proposal it holds and whether it is done
#: (None: it holds no proposal).
Version = tuple[str, bool] | None


class ProposalVersions(UsedStore):
    """What each YAML file version the walk read holds (``Version``), by its git hash, kept
    beside the snapshot store: a blob never changes, so a publish after a new commit fetches
    and reads only the versions that commit made. Valid for the code that reads them."""

    NAME = "proposal versions"
    FILE = "proposal-versions.bin"

    @classmethod
    def beside(cls, store: SnapshotStore) -> ProposalVersions:
        path = store.path.parent / cls.FILE if store.path is not None else None
        # the code that reads a version and decides what it holds: the reading, the kinds
        # and ids, and the words for done (``SWEDISH_VALUES``)
        modules = ("processkit.history.snapshots", "processkit.loading", "processkit.model")
        key = code_digest(__name__, *modules).hex()
        return cls(path, key=key)

    def find(self, blob: str) -> tuple[bool, Version]:
        """(whether the version is known, what it holds)."""
        known = blob in self.used or blob in self.stored
        found: Version = self.take(blob) if known else None
        return known, found


def closing_commits(
    repo: Repository, store: SnapshotStore | None = None, walks: WalkStore | None = None
) -> dict[str, Commit]:
    """Proposal id -> the commit that closed it, for every ``done`` proposal where one is found.

    A hash (7-40 hex digits) in the decision that names a commit of the repository wins;
    otherwise one ``git log`` walk, newest first, finds the latest commit that turned the
    proposal's status from another into ``done`` (a file added already done has none),
    stopping once every proposal is found or the history is older than the oldest one's
    submission. Outside a git repository the answer is empty. A version that is in the
    working tree is taken from the parse store beside ``store`` (see ``SnapshotStore.parse``);
    the walk is read through ``walks``, where given (see ``WalkStore``).
    """
    done = {
        pid: record.entity
        for pid, record in sorted(repo.proposals.items())
        if record.entity.status == "done"
    }
    if not done:
        return {}
    try:
        history = GitHistory(repo.root, "finding the change that closed a proposal", walks)
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
            snapshots = store or SnapshotStore(None)
            versions = ProposalVersions.beside(snapshots)
            found.update(_from_history(history, pending, snapshots, versions))
            versions.save()
    return dict(sorted(found.items()))


def _from_history(
    history: GitHistory, pending: dict[str, date], store: SnapshotStore, versions: ProposalVersions
) -> dict[str, Commit]:
    found: dict[str, Commit] = {}
    oldest = add_days(min(pending.values()), -1)
    data: dict[str, bytes] = {}

    def read(path: str, blob: str) -> Version:
        known, version = versions.find(blob)
        if known:
            return version
        content = data.get(blob)
        if content is None:
            content = history.blob(blob)
        # only a version that may be a proposal is read (through the parse store)
        result = store.parse(path, content) if b"proposal" in content else None
        if isinstance(result, Snapshot) and result.kind == "proposal":
            version = (result.id, _is_done(result))
        versions.put(blob, version)
        return version

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
                and not versions.find(change.new_blob)[0]
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
    read: Callable[[str, str], Version],
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
        if new is not None and new[0] in pending and new[1]:
            closed_here.append(new[0])
    if not closed_here:
        return
    before: dict[str, bool] = {}  # id -> done, in the versions before the commit
    for change in logged.files:
        if change.old_path is not None and change.old_blob is not None:
            old = read(change.old_path, change.old_blob)
            if old is not None:
                before[old[0]] = old[1]
    for pid in closed_here:
        # a file added as done records, it does not close
        if pid in before and not before[pid]:
            found[pid] = logged.ref
            del pending[pid]


def _is_done(found: Snapshot) -> bool:
    status = found.value.get("status")
    if not isinstance(status, str):
        return False
    word = status.strip().casefold()
    return SWEDISH_VALUES.get(word, word) == "done"
