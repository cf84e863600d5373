"""Costs that grew with the square of one list: many wrong references to processes, each
guessed against every process.

Each command runs as a subprocess with a hang guard (``HANG_GUARD``, far beyond what it takes
now and far below what it took before); no timing is asserted: the figures are in
benchmarks/README.md (``worst_cases.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import write_files
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
