"""The quick position of a top-level key agrees with the composed YAML, or declines."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import KALMAR

from processkit.loading.locate import locate
from processkit.loading.yamlfile import compose
from processkit.rules.positions import top_level_mark

CASES = Path(__file__).parent / "cases"
FILES = sorted([*KALMAR.rglob("*.yaml"), *CASES.rglob("*.yaml")])


def composed(text: str, key: str, at_key: bool) -> tuple[int, int]:
    mark = locate(compose("f.yaml", text)[0][0], (key,), at_key=at_key)
    return mark.line, mark.column


def test_agrees_with_the_composer_on_every_example_file() -> None:
    checked = 0
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        keys = [line.split(":", 1)[0] for line in text.splitlines() if line[:1].isalpha()]
        for key in keys:
            for at_key in (True, False):
                quick = top_level_mark(text, (key,), at_key=at_key)
                if quick is not None:
                    assert (quick.line, quick.column) == composed(text, key, at_key), (path, key)
                    checked += 1
    assert checked > 5_000


@pytest.mark.parametrize(
    ("text", "key", "at_key", "expected"),
    [
        ("kind: process\nstatus: approved\n", "status", False, (2, 9)),
        ("kind: process\nstatus:    approved  # fastställd\n", "status", False, (2, 12)),
        ("kind: process\nstatus: approved\n", "status", True, (2, 1)),
        ("approved:\n  date: 2026-01-01\n  by: Nämnden\n", "approved", True, (1, 1)),
        ("approved:\n  date: 2026-01-01\n", "approved", False, None),
        ("status: approved\nstatus: draft\n", "status", False, None),
        ('"status": approved\n', "status", False, None),
        ("status : approved\n", "status", False, None),
        ("name: &n Utreda\n", "name", False, None),
        ("purpose: |\n  status: not a key\nstatus: approved\n", "status", False, (3, 9)),
        ("{kind: process, status: approved}\n", "status", False, None),
        ("kind: process\n", "status", False, None),
        ("activities:\n  - id: a\n", "activities", True, (1, 1)),
        ("kind: process\n", "activities.0", False, None),
    ],
)
def test_declines_what_it_cannot_be_sure_of(
    text: str, key: str, at_key: bool, expected: tuple[int, int] | None
) -> None:
    quick = top_level_mark(text, (key,), at_key=at_key)
    assert (None if quick is None else (quick.line, quick.column)) == expected
    if expected is not None:
        assert composed(text, key, at_key) == expected


def test_nested_places_are_left_to_the_composer() -> None:
    assert top_level_mark("interfaces:\n  - process: a\n", ("interfaces", 0), at_key=False) is None
