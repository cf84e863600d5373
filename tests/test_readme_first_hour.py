"""The README's "For process leaders: the first hour", run as written, with processkit installed
from the wheel.

The commands are read from the section's ```sh blocks, in order, so the README and this test
cannot drift apart; a ```text block after them is what they print. The ```console blocks show
sessions at a screen (questions asked, files edited by hand between the commands): they are not
run, and neither are the commands that need the network. Both are named below.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import pytest
from tests.conftest import Release
from tests.packaging_support import (
    README,
    CodeBlock,
    Venv,
    code_blocks,
    markdown_section,
    run,
)

pytestmark = [pytest.mark.wheel]

SECTION = "## For process leaders: the first hour"

#: Commands of ```sh blocks that are not run, and why
NOT_RUN = {
    "pip install pre-commit": "needs the network (the test environment has pre-commit already)",
}
#: The commands of the ```console blocks, in order, and why they are not run
AT_A_SCREEN = [
    ("processkit new process", "asks for the name, the area and the type at a screen"),
    ("processkit validate", "shows the mistakes a person makes by hand in step 5"),
    ('processkit new role --name "Handläggare"', "follows the corrections made by hand in step 6"),
    ("processkit validate", "follows the corrections made by hand in step 6"),
]
#: Commands whose output holds this machine's versions and paths: compared by the first two
#: words of each line (`ok       Graphviz`)
MACHINE_DEPENDENT = {"processkit doctor"}


def first_hour() -> list[CodeBlock]:
    return code_blocks(markdown_section(README.read_text(encoding="utf-8"), SECTION))


def test_console_sessions_are_the_ones_named_here() -> None:
    shown = [
        line.removeprefix("$ ")
        for block in first_hour()
        if block.info == "console"
        for line in block.body.splitlines()
        if line.startswith("$ ")
    ]
    assert shown == [command for command, _reason in AT_A_SCREEN]
    assert {block.info for block in first_hour()} == {"sh", "text", "console"}


def words(text: str) -> list[list[str]]:
    return [line.split()[:2] for line in text.splitlines()]


def test_the_first_hour_runs_as_written(
    swedish: None, installed: Venv, release: Release, tmp_path: Path
) -> None:
    home = tmp_path / "hem"
    home.mkdir()
    shutil.copy2(release.wheel, home)  # the wheel file the organisation handed out
    env = installed.env(
        Path(sys.executable).parent,  # pre-commit, from the test environment
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit"),
    )
    cwd = home
    not_run: list[str] = []
    compared = 0
    outputs: list[tuple[str, str]] = []  # (command, what it printed) of the last ```sh block
    for block in first_hour():
        if block.info == "sh":
            outputs = []
            for command in block.body.strip().splitlines():
                if command in NOT_RUN:
                    not_run.append(command)
                elif command.startswith("cd "):
                    cwd = cwd / shlex.split(command)[1]
                else:
                    outputs.append((command, run(command, cwd, env).stdout))
        elif block.info == "text" and outputs:
            last, printed = outputs[-1]
            if last in MACHINE_DEPENDENT:
                assert words(printed) == words(block.body), last
            else:
                assert "".join(out for _command, out in outputs).endswith(block.body), last
            compared += 1
            outputs = []
        elif block.info == "console":
            outputs = []
    assert not_run == list(NOT_RUN)
    assert compared == 3  # doctor, validate after init, the three `new` commands
    # step 7: the hook pre-commit installed into the repository init made
    assert (home / "processer" / ".git" / "hooks" / "pre-commit").is_file()
