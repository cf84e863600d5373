"""The facts in ``processkit.domain`` that have one home: their tables are complete."""

from __future__ import annotations

from typing import get_args

from processkit.domain.proposals import (
    DECIDED_STATUSES,
    OPEN_STATUSES,
    STATUS_ORDER,
    STATUS_TABLE,
    next_proposal_id,
)
from processkit.model.proposal import ProposalStatus


def test_every_proposal_status_of_the_model_has_one_row() -> None:
    assert get_args(ProposalStatus) == STATUS_ORDER
    assert list(STATUS_TABLE) == list(STATUS_ORDER)
    assert OPEN_STATUSES == ("new", "assessing", "accepted")
    assert DECIDED_STATUSES == ("accepted", "rejected", "done")


def test_the_next_proposal_id_follows_the_most_common_prefix_and_width() -> None:
    assert next_proposal_id([], 2026) == "fp-2026-001"
    assert next_proposal_id(["fp-2026-012", "fp-2026-003", "fp-2025-040"], 2026) == "fp-2026-013"
    assert next_proposal_id(["fb-2026-0007", "fb-2026-0008", "fp-2026-100"], 2026) == (
        "fb-2026-0009"
    )
