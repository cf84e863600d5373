"""Golden files of the proposal reports on examples/kalmar (see test_review_goldens.py).

Kalmar is committed into a git repository made here, in two commits: without and then with
fp-2026-005 carried out, so the report finds the change that closed it. (The goldens never
read processkit's own history.) That commit's hash changes with every edit of Kalmar's files,
so the golden shows it as a fixed stand-in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import KALMAR, CliResult
from tests.golden_support import check_golden
from tests.test_changelog_support import kalmar_history
from tests.test_review_goldens import GOLDENS, KALMAR_TODAY

#: What the goldens show for the short hash of the commit that closed fp-2026-005.
STAND_IN = "1a9447c"


@pytest.fixture(scope="module")
def kalmar_in_git(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Kalmar's folder in the new git repository, and the closing commit's short hash."""
    git, closing = kalmar_history(tmp_path_factory.mktemp("kalmar-git"), KALMAR)
    return git.root, closing[:7]


@pytest.mark.parametrize(
    ("golden", "args"),
    [
        ("kalmar-proposals.md", ("--since", "30d", "--format", "markdown", "--lang", "sv")),
        ("kalmar-proposals-all.txt", ("--status", "all")),
    ],
)
def test_kalmar_proposals_match_their_golden(
    kalmar_in_git: tuple[Path, str],
    cli: Callable[..., CliResult],
    update_goldens: bool,
    golden: str,
    args: tuple[str, ...],
) -> None:
    root, closing = kalmar_in_git
    result = cli("proposals", root, "--today", KALMAR_TODAY, *args)
    assert (result.code, result.err) == (0, "")
    assert STAND_IN not in result.out
    check_golden(GOLDENS / golden, result.out.replace(closing, STAND_IN), update_goldens)
