"""Improvement proposals: which statuses are open or decided, the open proposals of each process,
and the next free id."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import get_args

from processkit.loading.repository import Repository
from processkit.model import Proposal
from processkit.model.proposal import ProposalStatus

#: Every status, in the order a proposal moves through them (the model's order).
STATUS_ORDER: tuple[str, ...] = get_args(ProposalStatus)
#: Status -> (open: still waiting for work, decided: a decision has been taken). The one table;
#: a test checks it has a row for each status of the model.
STATUS_TABLE: dict[str, tuple[bool, bool]] = {
    "new": (True, False),
    "assessing": (True, False),
    "accepted": (True, True),
    "rejected": (False, True),
    "done": (False, True),
}
#: The statuses of a proposal still waiting for work: the backlog.
OPEN_STATUSES = tuple(status for status in STATUS_ORDER if STATUS_TABLE[status][0])
#: The statuses of a proposal that has been decided on.
DECIDED_STATUSES = tuple(status for status in STATUS_ORDER if STATUS_TABLE[status][1])

DEFAULT_PREFIX = "fp-"
DEFAULT_WIDTH = 3
_NUMBERED_RE = re.compile(r"^(?P<prefix>[a-z0-9._-]*?-)?(?P<year>\d{4})-(?P<number>\d+)$")


def is_open(proposal: Proposal) -> bool:
    """Whether the proposal still waits for work (new, assessing or accepted)."""
    return proposal.status in OPEN_STATUSES


def open_proposals_by_process(repo: Repository) -> dict[str, list[Proposal]]:
    """Process id -> its open proposals, by id."""
    found: dict[str, list[Proposal]] = defaultdict(list)
    for _, record in sorted(repo.proposals.items()):
        if is_open(record.entity):
            found[record.entity.process].append(record.entity)
    return dict(found)


def proposals_by_process(repo: Repository) -> dict[str, list[Proposal]]:
    """Process id -> every proposal about it, open or decided, by id."""
    found: dict[str, list[Proposal]] = defaultdict(list)
    for _, record in sorted(repo.proposals.items()):
        found[record.entity.process].append(record.entity)
    return dict(found)


def next_proposal_id(taken: Iterable[str], year: int) -> str:
    """The next free id of the year, following the ids in ``taken``: ``fp-2026-013`` after
    ``fp-2026-012`` (prefix and number width as the most common existing ids have them;
    ``fp-`` and three digits when there are none)."""
    taken = set(taken)
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
