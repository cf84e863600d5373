"""Costs that grew with the square of one list: many wrong references to processes, each
guessed against every process; the change log comparing long lists item by item.

Each command runs as a subprocess with a hang guard (``HANG_GUARD``, far beyond what it takes
now and far below what it took before); no timing is asserted: the figures are in
benchmarks/README.md (``worst_cases.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import write_files
from tests.test_changelog_support import GitRepo
from tests.test_large_process import processkit

from processkit.diagnostics import GUESS_BUDGET

CONFIG = "organisation: Socialförvaltningen, Exempelkommunen\n"
AREA = "kind: area\nid: eb\nname: Ekonomiskt bistånd\n"


def test_3000_processes_handing_over_to_misspelt_processes(tmp_path: Path) -> None:
    """Each wrong reference is reported; "did you mean" compares a wrong id with every
    process only within its budget (5,000 wrong among 5,000 processes took 79 s)."""
    count = 3000
    files: dict[str, str | bytes] = {"processkit.yaml": CONFIG, "areas/eb.yaml": AREA}
    for i in range(count):
        files[f"processes/eb/p{i:04}.yaml"] = (
            f"kind: process\nid: p{i:04}\nname: Process {i}\narea: eb\ntype: core\n"
            f"status: draft\ninterfaces:\n  - process: p{(i + 1) % count:04}x\n"
            "    direction: out\n"
        )
    write_files(tmp_path / "repo", files)
    checked = processkit(tmp_path, "validate", "repo", "--format", "json")
    assert (checked.returncode, checked.stderr) == (1, "")
    guessed = GUESS_BUDGET // count  # the first ones, in the order of their files

    def wrong(i: int) -> dict[str, object]:
        meant = f"p{(i + 1) % count:04}"
        if i < guessed:
            message = f"`{meant}x` is not a process in this repository; did you mean `{meant}`?"
            hint = f"Change it to `{meant}`, or add the process `{meant}x`."
        else:
            message = f"`{meant}x` is not a process in this repository"
            hint = (
                f"Correct the id, or add a file processes/<area>/{meant}x.yaml with "
                f"`kind: process` and `id: {meant}x`."
            )
        return {
            "code": "PK030",
            "severity": "error",
            "message": message,
            "path": f"processes/eb/p{i:04}.yaml",
            "line": 8,
            "column": 14,
            "hint": hint,
        }

    assert json.loads(checked.stdout)["diagnostics"] == [wrong(i) for i in range(count)]


def long_lists(inputs: str, likelihood: int) -> dict[str, str | None]:
    """One process with 100,000 inputs, the last one ``inputs``; one with 30,000 risks that
    all have the same description, the last with ``likelihood``."""
    listed = "".join(f"  - Underlag {n}\n" for n in range(1, 100000)) + f"  - {inputs}\n"
    risk = "  - description: Uppgifter saknas\n    likelihood: {}\n"
    risks = risk.format(1) * 29999 + risk.format(likelihood)
    head = "kind: process\nid: {}\nname: {}\narea: eb\ntype: core\nstatus: draft\n"
    return {
        "processkit.yaml": CONFIG,
        "areas/eb.yaml": AREA,
        "processes/eb/eb-ansokan.yaml": head.format("eb-ansokan", "Handlägga ansökan")
        + "inputs:\n"
        + listed,
        "processes/eb/eb-risker.yaml": head.format("eb-risker", "Bedöma risker")
        + "risks:\n"
        + risks,
    }


def test_the_change_log_compares_long_lists_item_by_item_once(tmp_path: Path) -> None:
    """The change log finds the one input and the one risk that changed among 100,000 and
    30,000 (comparing every item with every other took minutes)."""
    git = GitRepo(tmp_path / "repo")
    git.write(long_lists("Underlag 100000", 1))
    git.commit("Processerna", "2026-05-04")
    git.write(long_lists("Ansökan", 2))
    sha = git.commit("Nya uppgifter", "2026-05-06")
    logged = processkit(
        tmp_path, "changelog", "repo", "--since", "2026-05-05", "--today", "2026-05-07"
    )
    assert (logged.returncode, logged.stderr) == (0, "")
    assert logged.stdout == (
        "Changes 2026-05-05 \u2013 2026-05-07: 1 commit; 0 added, 2 changed, 0 retired, "
        "0 removed.\n"
        "\n"
        "process eb-ansokan 'Handlägga ansökan': changed (processes/eb/eb-ansokan.yaml)\n"
        "  - input 'Ansökan' added\n"
        "  - input 'Underlag 100000' removed\n"
        f"  {sha[:7]} 2026-05-06 Anna Nilsson: Nya uppgifter\n"
        "\n"
        "process eb-risker 'Bedöma risker': changed (processes/eb/eb-risker.yaml)\n"
        "  - risk 'Uppgifter saknas (30000)': likelihood changed from 1 to 2\n"
        f"  {sha[:7]} 2026-05-06 Anna Nilsson: Nya uppgifter\n"
    )
