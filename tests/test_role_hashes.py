"""The role pages' digests (``site.depends.RoleHashes``): what a process shows on each role's
page, hashed, kept by the hash of the process's file between builds."""

from __future__ import annotations

from processkit.domain.facts import RoleUsage
from processkit.site.depends import RoleHashes


def test_a_hash_is_kept_by_the_file_and_worked_out_again_for_a_new_file() -> None:
    first = RoleHashes({})
    usage = RoleUsage("Utreda", {"a": ["R"]}, {"a": "Planera"})
    kept = first.of("utredning", "file-1", "handlaggare", usage)
    assert first.changed()
    # the next build: the same file gives the stored hash, whatever it is given
    again = RoleHashes(first.used)
    assert again.of("utredning", "file-1", "handlaggare", RoleUsage("Annat")) == kept
    assert not again.changed()
    # a role not hashed before for a stored process: worked out, and the store is saved
    again.of("utredning", "file-1", "chef", usage)
    assert again.changed()
    # a new file: worked out again
    other = RoleHashes(first.used)
    assert other.of("utredning", "file-2", "handlaggare", RoleUsage("Annat")) != kept
    assert other.changed()
    # no file hash: worked out every time, never kept
    loose = RoleHashes({})
    assert loose.of("utredning", "", "handlaggare", usage) == kept
    assert loose.used == {}
