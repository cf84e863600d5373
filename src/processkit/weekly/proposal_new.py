"""The next free id of an improvement proposal."""

from __future__ import annotations

import re
from collections import Counter

from processkit.loading.repository import Repository
from processkit.model.kinds import KIND_INFO

DEFAULT_PREFIX = "fp-"
DEFAULT_WIDTH = 3
_NUMBERED_RE = re.compile(r"^(?P<prefix>[a-z0-9._-]*?-)?(?P<year>\d{4})-(?P<number>\d+)$")


def next_proposal_id(repo: Repository, year: int) -> str:
    """The next free id of the year, following the ids already there: ``fp-2026-013`` after
    ``fp-2026-012`` (prefix and number width as the most common existing ids have them;
    ``fp-`` and three digits in a new repository)."""
    taken = set(repo.known.get("proposal", set())) | _file_stems(repo)
    numbered = [m for m in (_NUMBERED_RE.match(pid) for pid in sorted(taken)) if m]
    prefixes = Counter(m.group("prefix") or "" for m in numbered)
    if prefixes:
        prefix = sorted(prefixes.items(), key=lambda item: (-item[1], item[0]))[0][0]
        width = max(len(m.group("number")) for m in numbered if (m.group("prefix") or "") == prefix)
    else:
        prefix, width = DEFAULT_PREFIX, DEFAULT_WIDTH
    used = [
        int(m.group("number"))
        for m in numbered
        if (m.group("prefix") or "") == prefix and int(m.group("year")) == year
    ]
    number = max(used, default=0) + 1
    while f"{prefix}{year}-{number:0{width}d}" in taken:
        number += 1
    return f"{prefix}{year}-{number:0{width}d}"


def _file_stems(repo: Repository) -> set[str]:
    folder = repo.root / KIND_INFO["proposal"].folder
    if not folder.is_dir():
        return set()
    return {path.stem for path in folder.iterdir() if path.suffix in (".yaml", ".yml")}
