"""Assessments of processes and the maturity level they give."""

from __future__ import annotations

from collections import defaultdict

from processkit.loading.repository import Repository
from processkit.model import Assessment


def maturity_level(assessment: Assessment) -> int | None:
    """A process's maturity level: its lowest dimension score (as in PEMM)."""
    return min(assessment.scores.values()) if assessment.scores else None


def assessments_by_process(repo: Repository) -> dict[str, list[Assessment]]:
    """Process id -> its assessments, oldest first (by date, then id)."""
    found: dict[str, list[Assessment]] = defaultdict(list)
    for record in repo.assessments.values():
        found[record.entity.process].append(record.entity)
    for items in found.values():
        items.sort(key=lambda a: (a.date, a.id))
    return dict(found)
