"""The whole path of a new organisation: processkit installed from its wheel into a fresh virtual
environment, ``init --install <that wheel>``, then the new repository's own checks as the forge
would run them (the GitHub workflow's and the GitLab job's validate steps, read from their
YAML) and ``pre-commit run --all-files`` with the configuration init wrote."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml
from tests.conftest import Release
from tests.packaging_support import Venv, clean_environment, run

from processkit.install_source import requirement_lines

pytestmark = [pytest.mark.wheel]

#: Steps that only make sense on the forge, and why they are not run here
FORGE_ONLY = {
    "apt-get update -qq && apt-get install -y -qq --no-install-recommends git": (
        "installs git into the GitLab job's container, as root, from Debian"
    ),
}


@pytest.fixture
def new_repository(installed: Venv, release: Release, tmp_path: Path) -> Path:
    work = tmp_path / "organisation"
    work.mkdir()
    made = installed.run(
        [
            "processkit",
            "init",
            "processer",
            "--organisation",
            "Socialförvaltningen, Exempel kommun",
            "--install",
            str(release.wheel),
        ],
        work,
    )
    repo = work / "processer"
    assert made.stderr == ""
    assert made.stdout.splitlines()[:3] == [
        "Created a process repository in processer: 26 files.",
        "It is a new git repository (first branch main), with nothing committed yet.",
        f"CI and pre-commit install processkit from .processkit/requirements.txt: {release.wheel}",
    ]
    requirements = (repo / ".processkit/requirements.txt").read_text(encoding="utf-8")
    assert requirement_lines(requirements) == [str(release.wheel)]
    return repo


def forge_steps(repo: Path) -> dict[str, list[str]]:
    workflow = yaml.safe_load((repo / ".github/workflows/processkit.yml").read_text("utf-8"))
    gitlab = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    return {
        "github": [step["run"] for step in workflow["jobs"]["validate"]["steps"] if "run" in step],
        "gitlab": list(gitlab["validate"]["script"]),
    }


def test_the_forges_validate_steps_install_from_the_file_and_pass(
    installed: Venv, new_repository: Path, release: Release
) -> None:
    skipped = []
    outputs: dict[str, list[str]] = {}
    for forge, steps in forge_steps(new_repository).items():
        outputs[forge] = []
        for step in steps:
            if step in FORGE_ONLY:
                skipped.append(step)
                continue
            done = installed.run(step, new_repository)  # exit status 0, or it fails here
            outputs[forge].append(done.stdout)
    assert skipped == list(FORGE_ONLY)
    github_install, github_validate = outputs["github"]
    gitlab_install, gitlab_report, gitlab_validate = outputs["gitlab"]
    for installing in (github_install, gitlab_install):
        assert f"Processing {release.wheel}" in installing  # the line of the file
    assert installed.run(["processkit", "--version"], new_repository).stdout == (
        f"processkit {release.version}\n"
    )
    assert github_validate == ""  # no annotations: nothing to show on the pull request
    assert gitlab_report == ""
    report = json.loads((new_repository / "gl-code-quality-report.json").read_text("utf-8"))
    assert report == []
    assert gitlab_validate == "No problems found in 9 files (8 entities).\n"


def test_doctor_finds_the_running_processkit_is_the_one_the_file_names(
    installed: Venv, new_repository: Path, release: Release
) -> None:
    doctor = installed.run(["processkit", "doctor"], new_repository)
    lines = doctor.stdout.splitlines()
    start = lines.index(f"In the process repository {new_repository}:")
    kept = "the publish keeps .processkit-cache from one run to the next, and builds only what "
    assert lines[start + 1 : start + 5] == [
        f"ok         .processkit/requirements.txt      {release.wheel}",
        f"ok         .pre-commit-config.yaml           {release.wheel}, as "
        ".processkit/requirements.txt",
        f"ok         .github/workflows/processkit.yml  {kept}changed",
        f"ok         .gitlab-ci.yml                    {kept}changed",
    ]
    assert "to fix in the repository" not in doctor.stdout


def test_pre_commit_installs_processkit_from_the_line_and_passes(
    new_repository: Path, release: Release, tmp_path: Path
) -> None:
    cache = tmp_path / "pre-commit"
    env = clean_environment(PRE_COMMIT_HOME=str(cache))
    run(["git", "add", "-A"], new_repository, env)
    done = run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        new_repository,
        env,
    )
    lines = done.stdout.splitlines()
    assert lines[0] == f"[INFO] Initializing environment for local:{release.wheel}."
    results = [line for line in lines if not line.startswith("[INFO] ")]
    assert [(line.split(".", 1)[0], line.rsplit(".", 1)[1]) for line in results] == [
        ("processkit validate", "Passed"),
        ("processkit fmt", "Passed"),
    ]
    # the hooks ran the processkit pre-commit installed from the wheel, into its own environment
    [installed_here] = cache.glob(
        f"repo*/py_env-*/lib/python*/site-packages/processkit-{release.version}.dist-info"
    )
    assert (installed_here.parent / "processkit" / "templates" / "site").is_dir()
