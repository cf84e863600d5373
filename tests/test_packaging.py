"""processkit installs with a plain `pip install .`: the wheel carries templates and schemas."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_carries_the_package_templates_and_schemas(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )
    [wheel] = tmp_path.glob("processkit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "processkit/cli/main.py" in names
    assert "processkit/schemas/process.schema.json" in names
    schema_names = {n.split("/")[-1] for n in names if n.startswith("processkit/schemas/")}
    assert schema_names == {p.name for p in (ROOT / "schemas").glob("*.schema.json")}
    shipped_templates = {n for n in names if n.startswith("processkit/templates/")}
    expected = {
        "processkit/templates/" + p.relative_to(ROOT / "templates").as_posix()
        for p in (ROOT / "templates").rglob("*") if p.is_file() and p.name != ".gitkeep"
    }
    assert expected <= shipped_templates
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "processkit = processkit.cli.main:run" in zipfile.ZipFile(wheel).read(
        entry_points).decode()
