"""The pre-commit hooks of ``.pre-commit-hooks.yaml``, run by pre-commit on a new repository.

The configuration ``init`` writes has them as ``repo: local`` hooks in ``language: python``:
pre-commit installs processkit into a virtualenv of its own, from the line of
``.processkit/requirements.txt`` (tests/test_wheel.py runs that, from a built wheel). Here the
same hooks run with the entry pointing at the processkit of this interpreter, so the test works
offline and in a moment.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / ".pre-commit-hooks.yaml"

pytest.importorskip("pre_commit")


def project_hooks() -> list[dict[str, Any]]:
    hooks: list[dict[str, Any]] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    return hooks


def test_hooks_file_offers_validate_and_fmt_in_python() -> None:
    hooks = project_hooks()
    assert [(h["id"], h["entry"], h["language"]) for h in hooks] == [
        ("processkit-validate", "processkit validate", "python"),
        ("processkit-fmt", "processkit fmt", "python"),
    ]
    assert [h.get("pass_filenames", True) for h in hooks] == [False, True]
    assert all(h["files"] == r"\.ya?ml$" and h["exclude"] == r"(^|/)\." for h in hooks)


def this_interpreter(config: Path) -> str:
    """The hooks ``init`` wrote, running this interpreter's processkit rather than one that
    pre-commit installs."""
    written = yaml.safe_load(config.read_text(encoding="utf-8"))
    [repo] = written["repos"]
    for hook in repo["hooks"]:
        command = hook["entry"].split(" ", 1)[1]
        hook["entry"] = f"{shlex.quote(sys.executable)} -m processkit {command}"
        hook["language"] = "unsupported"
        del hook["additional_dependencies"]
    return yaml.safe_dump(written, sort_keys=False)


def run(argv: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "PRE_COMMIT_HOME": str(home / "pre-commit"),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.se",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.se",
        "GIT_CONFIG_NOSYSTEM": "1",
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=120
    )


def test_pre_commit_runs_the_hooks_on_a_new_repository(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    repo = tmp_path / "processer"
    init = run(
        [sys.executable, "-m", "processkit", "init", str(repo), "--today", "2026-03-01"],
        tmp_path,
        home,
    )
    assert init.returncode == 0, init.stderr
    assert (repo / ".git").is_dir()  # init made the git repository pre-commit needs
    config = repo / ".pre-commit-config.yaml"
    config.write_text(this_interpreter(config), encoding="utf-8")
    process = repo / "processes/barn-och-unga/bu-utredning.yaml"
    good = process.read_text(encoding="utf-8")
    process.write_text(good.replace("owner: anna-andersson", "ower: anna-andersson"), "utf-8")
    area = repo / "areas/barn-och-unga.yaml"
    area.write_text("name: Barn och unga\nid: barn-och-unga\nkind: area\n", encoding="utf-8")
    run(["git", "add", "-A"], repo, home)
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]

    failing = run(pre_commit, repo, home)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    lines = failing.stdout.splitlines()
    assert any(
        line.startswith("processkit validate.") and line.endswith("Failed") for line in lines
    )
    # a repository made by init speaks Swedish (nothing in this environment asks otherwise)
    assert (
        "processes/barn-och-unga/bu-utredning.yaml:9:1 PK012 fel: `ower` är inte ett fält i en "
        "process; menade du `owner`?"
    ) in lines
    assert any(line.startswith("processkit fmt.") and line.endswith("Failed") for line in lines)
    assert "- files were modified by this hook" in lines
    assert "formaterade areas/barn-och-unga.yaml" in lines
    assert (
        area.read_text(encoding="utf-8") == "kind: area\nid: barn-och-unga\nname: Barn och unga\n"
    )

    process.write_text(good, encoding="utf-8")
    run(["git", "add", "-A"], repo, home)
    passing = run(pre_commit, repo, home)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert [line.rsplit(".", 1)[-1] for line in passing.stdout.splitlines()] == [
        "Passed",
        "Passed",
    ]
