"""The role pages' digests (``site.depends.RoleHashes``): what a process shows on each role's
page, hashed, kept by the hash of the process's file between builds."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import pytest
from tests.conftest import KALMAR

from processkit.domain.facts import Later, gather, uses_of
from processkit.loading.load import load_repository
from processkit.model import Process
from processkit.site import depends
from processkit.site.depends import Digests, RoleHashes, _usage_hash
from processkit.site.history import GitLinks, History
from processkit.site.sitemap import Sources


def _process(informed: list[str]) -> Process:
    activities: list[dict[str, Any]] = [
        {"id": "a", "name": "Planera", "role": "handlaggare", "informed": informed},
        {"id": "b", "name": "Besluta", "role": "chef"},
    ]
    return Process.model_validate(
        {
            "kind": "process",
            "id": "utredning",
            "name": "Utreda",
            "area": "barn",
            "type": "core",
            "status": "draft",
            "activities": activities,
        }
    )


def test_the_hashes_are_kept_by_the_file_and_worked_out_again_for_a_new_file() -> None:
    process, other = _process([]), _process(["chef"])
    first = RoleHashes({})
    kept = first.of("utredning", "file-1", process)
    assert kept == {role: _usage_hash(usage) for role, usage in uses_of(process).items()}
    assert list(kept) == ["handlaggare", "chef"] and first.changed()
    # the next build: the same file gives the stored hashes, whatever process it is given
    again = RoleHashes(first.used)
    assert again.of("utredning", "file-1", other) == kept
    assert not again.changed()
    # a new file: worked out again (the chef is informed of the planning now)
    changed = RoleHashes(first.used)
    anew = changed.of("utredning", "file-2", other)
    assert anew["handlaggare"] == kept["handlaggare"] and anew["chef"] != kept["chef"]
    assert changed.changed()
    # no file hash: worked out every time, never kept
    loose = RoleHashes({})
    assert loose.of("utredning", "", process) == kept
    assert loose.used == {}


@pytest.mark.parametrize("worked_out", [False, True])
def test_a_role_pages_digest_is_that_of_the_processes_usages_of_the_role(
    worked_out: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worked out from the hashes kept by the processes' files, a role's digest is the
    hash, process by process in id order, of each one's usage of the role in
    ``Facts.role_uses``: what the role's page shows. So it is where the build worked out
    those usages before (a build from nothing: ``worked_out``), and takes them from there."""
    repo = load_repository(KALMAR).repo
    told = gather(repo, date(2026, 3, 1)).role_uses
    roles = RoleHashes({})  # the hashes a build before kept give the same digests
    for process_id, record in repo.processes.items():
        roles.of(process_id, record.digest, record.entity)
    for stored in ({}, roles.used):
        facts = gather(repo, date(2026, 3, 1))
        if worked_out:
            facts.worked_out()
            # the usages are taken from the facts, not worked out again
            monkeypatch.setattr(depends, "uses_of", _not_again)
        sources = Sources(repo, facts, History(), {}, [], GitLinks())
        digests = Digests(sources, RoleHashes(stored))
        for role in [*repo.roles, "ingen-sadan"]:
            uses = told.get(role)
            expected = "-"
            if uses is not None:
                digest = hashlib.sha256()
                for process_id, usage in uses.items():
                    digest.update(f"{process_id}\0".encode() + _usage_hash(usage))
                expected = digest.hexdigest()[:32]
            assert digests.of(("fact", "role_uses", role)) == expected
        table = facts.role_uses
        assert isinstance(table, Later) and (table.known() is not None) == worked_out
    assert len(told) > 5


def _not_again(process: Process) -> dict[str, object]:
    raise AssertionError(f"the usages of {process.id} worked out again")
