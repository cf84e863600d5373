"""The next free id of an improvement proposal: the ids in the repository and the file names in
the proposals folder (a file that does not load still holds its id)."""

from __future__ import annotations

from collections.abc import Iterable

from processkit.domain.proposals import next_proposal_id as next_free_id
from processkit.loading.repository import Repository
from processkit.model.kinds import KIND_INFO


def next_proposal_id(repo: Repository, year: int, also: Iterable[str] = ()) -> str:
    """The next free id of the year, following the ids already there: ``fp-2026-013`` after
    ``fp-2026-012`` (prefix and number width as the most common existing ids have them;
    ``fp-`` and three digits in a new repository). ``also``: ids given out but not written yet
    (``proposals import`` drafts them all before it writes)."""
    taken = set(repo.known.get("proposal", set())) | _file_stems(repo) | set(also)
    return next_free_id(taken, year)


def _file_stems(repo: Repository) -> set[str]:
    folder = repo.root / KIND_INFO["proposal"].folder
    if not folder.is_dir():
        return set()
    return {path.stem for path in folder.iterdir() if path.suffix in (".yaml", ".yml")}
