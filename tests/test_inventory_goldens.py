"""Golden files of the inventory: the table and Markdown output of examples/kalmar.

Rewrite them with ``pytest tests/test_inventory_goldens.py --update-goldens`` and review the
diff. Trailing spaces are not kept in the files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import KALMAR, CliResult
from tests.golden_support import check_golden

GOLDENS = Path(__file__).parent / "goldens" / "inventory"
#: The day the Kalmar goldens are taken on, and the terminal width of the table golden.
KALMAR_TODAY = "2026-11-21"
KALMAR_WIDTH = "120"


def normalized(text: str) -> str:
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


@pytest.mark.parametrize(
    ("golden", "args"),
    [
        ("kalmar-table.txt", ("--format", "table")),
        ("kalmar.md", ("--format", "markdown")),
        ("kalmar-list.md", ("--list", "--format", "markdown")),
        ("kalmar-by-owner.md", ("--by", "owner", "--format", "markdown")),
        ("kalmar-by-role.md", ("--by", "role", "--format", "markdown")),
    ],
)
def test_kalmar_inventory_matches_its_golden(
    cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
    update_goldens: bool,
    golden: str,
    args: tuple[str, ...],
) -> None:
    monkeypatch.setenv("COLUMNS", KALMAR_WIDTH)
    result = cli("inventory", KALMAR, "--today", KALMAR_TODAY, *args)

    assert (result.code, result.err) == (0, "")
    check_golden(GOLDENS / golden, normalized(result.out), update_goldens)
