"""Golden files of the proposal reports on examples/kalmar (see test_review_goldens.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.conftest import KALMAR, CliResult
from tests.golden_support import check_golden
from tests.test_review_goldens import GOLDENS, KALMAR_TODAY


@pytest.mark.parametrize(
    ("golden", "args"),
    [
        ("kalmar-proposals.md", ("--since", "30d", "--format", "markdown")),
        ("kalmar-proposals-all.txt", ("--status", "all")),
    ],
)
def test_kalmar_proposals_match_their_golden(
    cli: Callable[..., CliResult], update_goldens: bool, golden: str, args: tuple[str, ...]
) -> None:
    result = cli("proposals", KALMAR, "--today", KALMAR_TODAY, *args)
    assert (result.code, result.err) == (0, "")
    check_golden(GOLDENS / golden, result.out, update_goldens)
