"""Steps 5 and 6 of the README's "first hour" are sessions at a screen (```console blocks):
the edits a person makes by hand between the commands are made here, and each command must
print what the README shows, word for word, in Swedish."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult
from tests.packaging_support import README, code_blocks, markdown_section

SECTION = "## For process leaders: the first hour"
PROCESS = "processes/ekonomiskt-bistand/handlagga-ansokan-om-forsorjningsstod.yaml"

#: Step 5 as the README tells it: the purpose and three activities, `rol:` for `role:` in the
#: first, and a role that does not exist yet in the second.
FILLED_IN = """activities:
  - id: ta-emot
    name: Ta emot ansökan
    rol: socialsekreterare
    next: [utreda]
  - id: utreda
    name: Utreda behovet
    role: handlaggare
    next: [besluta]
  - id: besluta
    name: Besluta om försörjningsstöd
    role: enhetschef"""
PURPOSE = "purpose: Att den som saknar pengar till sin försörjning får ett snabbt beslut"


def sessions() -> list[list[tuple[str, str]]]:
    """Each ```console block after step 4 as (command, what it prints) pairs."""
    found = []
    for block in code_blocks(markdown_section(README.read_text(encoding="utf-8"), SECTION)):
        if block.info != "console":
            continue
        pairs: list[tuple[str, str]] = []
        for line in block.body.splitlines(keepends=True):
            if line.startswith("$ "):
                pairs.append((line[2:].strip(), ""))
            else:
                command, printed = pairs[-1]
                pairs[-1] = (command, printed + line)
        found.append(pairs)
    return found[1:]  # the first is `new process` asking its questions


def test_steps_5_and_6_print_what_the_readme_shows(
    swedish: None,
    cli: Callable[..., CliResult],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    organisation = "Socialförvaltningen, Exempel kommun"
    assert (
        cli("init", "processer", "--organisation", organisation, "--today", "2026-03-01").code == 0
    )
    monkeypatch.chdir(tmp_path / "processer")
    for args in (
        ["person", "--name", "Karin Svensson", "--title", "Enhetschef"],
        ["area", "--name", "Ekonomiskt bistånd"],
        [
            "process",
            "--name",
            "Handlägga ansökan om försörjningsstöd",
            "--area",
            "ekonomiskt-bistand",
            "--owner",
            "karin-svensson",
        ],
    ):
        assert cli("new", *args).code == 0
    process = Path(PROCESS)
    text = process.read_text(encoding="utf-8")
    text = text.replace("purpose:", PURPOSE, 1).replace("activities: []", FILLED_IN, 1)
    process.write_text(text, encoding="utf-8")

    step_5, step_6 = sessions()
    [(command, shown)] = step_5
    assert cli(*shlex.split(command)[1:]).out == shown
    process.write_text(text.replace("    rol: ", "    role: "), encoding="utf-8")
    for command, shown in step_6:
        assert cli(*shlex.split(command)[1:]).out == shown, command
