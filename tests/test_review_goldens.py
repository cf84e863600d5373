"""Golden files of the weekly reports on examples/kalmar: the review reminder, the proposal
agenda, the maturity overview and one radar chart.

Rewrite them with ``pytest tests/test_review_goldens.py tests/test_proposals_goldens.py
tests/test_maturity_goldens.py --update-goldens`` and review the diff.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import KALMAR, CliResult
from tests.golden_support import check_golden

GOLDENS = Path(__file__).parent / "goldens" / "weekly"
#: The day the Kalmar goldens are taken on.
KALMAR_TODAY = "2026-11-21"


@pytest.mark.parametrize(
    ("golden", "args"),
    [
        ("kalmar-review.md", ("--within", "60d", "--format", "markdown", "--lang", "sv")),
        ("kalmar-review.txt", ("--within", "60d")),
    ],
)
def test_kalmar_review_matches_its_golden(
    cli: Callable[..., CliResult], update_goldens: bool, golden: str, args: tuple[str, ...]
) -> None:
    result = cli("review", KALMAR, "--today", KALMAR_TODAY, *args)
    assert (result.code, result.err) == (0, "")
    check_golden(GOLDENS / golden, result.out, update_goldens)
