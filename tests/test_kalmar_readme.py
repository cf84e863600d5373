"""The Kalmar example's README shows what `processkit validate` answers, in Swedish, word for
word: the command of its ```sh block, run here, prints its ```text block."""

from __future__ import annotations

import shlex
from collections.abc import Callable

from tests.conftest import KALMAR, ROOT, CliResult
from tests.packaging_support import code_blocks

README = KALMAR / "README.md"


def test_the_readme_shows_what_validate_answers(
    swedish: None, cli: Callable[..., CliResult]
) -> None:
    blocks = code_blocks(README.read_text(encoding="utf-8"))
    commands = [b for b in blocks if b.info == "sh"]
    shown = [b for b in blocks if b.info == "text"]
    assert [b.body for b in commands] == [
        "processkit validate examples/kalmar --today 2026-11-21\n"
    ]
    argv = shlex.split(commands[0].body)
    assert argv[:2] == ["processkit", "validate"]
    result = cli(*[ROOT / a if a == "examples/kalmar" else a for a in argv[1:]])
    assert result.code == 0
    assert result.out == shown[0].body
