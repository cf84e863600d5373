"""The container image: the README's "Container image" commands, run where a Docker engine runs
(skipped, with the reason, where none does), and the Dockerfile agreeing with them."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import KALMAR, ROOT, Release
from tests.packaging_support import README, code_blocks, markdown_section, readme_version, run

SECTION = "## Container image"
#: README commands not run here, and why
NOT_RUN = {
    "python -m build --wheel": "the release fixture has built the wheel; it is copied to dist/",
    "docker push registry.example.se/verktyg/processkit:1.2.0": (
        "needs the organisation's registry"
    ),
}


def readme_commands() -> list[str]:
    section = markdown_section(README.read_text(encoding="utf-8"), SECTION)
    return [
        line
        for block in code_blocks(section)
        if block.info == "sh"
        for line in block.body.strip().splitlines()
    ]


def test_the_dockerfile_builds_what_the_readme_says() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    instructions = [
        line.split(" ", 1)
        for line in dockerfile.replace("\\\n", " ").splitlines()
        if line and not line.startswith((" ", "#"))
    ]
    assert [name for name, _rest in instructions] == [
        "ARG", "FROM", "RUN", "ARG", "RUN", "COPY", "RUN", "LABEL", "WORKDIR", "ENTRYPOINT", "CMD",
    ]  # fmt: skip
    assert instructions[1][1] == "python:${PYTHON_VERSION}-slim"
    assert "graphviz git" in instructions[2][1]
    assert instructions[5][1] == "dist/processkit-${VERSION}-py3-none-any.whl /tmp/"
    assert instructions[-2:] == [["ENTRYPOINT", '["processkit"]'], ["CMD", '["--help"]']]
    assert (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()[-2:] == [
        "*",
        "!dist/*.whl",
    ]
    [build] = [c for c in readme_commands() if c.startswith("docker build ")]
    assert re.fullmatch(r"docker build --build-arg VERSION=(\S+) -t (\S+):\1 \.", build), build


def docker_missing() -> str | None:
    """Why the image cannot be built here, or None when a Docker engine answers."""
    if shutil.which("docker") is None:
        return "no docker program on this machine"
    try:
        info = subprocess.run(
            ["docker", "info"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError) as problem:
        return f"`docker info` cannot run: {problem}"
    if info.returncode != 0:
        lines = (info.stderr or info.stdout).strip().splitlines()
        return "no Docker engine runs here: `docker info` fails" + (
            f" ({lines[-1]})" if lines else ""
        )
    return None


@pytest.fixture(scope="module")
def context(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build context as a copy of the repository after `python -m build --wheel` holds it:
    the Dockerfile, .dockerignore and dist/<the wheel>; decided before anything is built."""
    reason = docker_missing()
    if reason is not None:
        pytest.skip(reason)
    release: Release = request.getfixturevalue("release")
    folder = tmp_path_factory.mktemp("image")
    for name in ("Dockerfile", ".dockerignore"):
        shutil.copy2(ROOT / name, folder / name)
    (folder / "dist").mkdir()
    shutil.copy2(release.wheel, folder / "dist")
    return folder


@pytest.fixture(scope="module")
def built(context: Path) -> Iterator[str]:
    commands = readme_commands()
    [build] = [c for c in commands if c.startswith("docker build ")]
    tag = build.split(" -t ", 1)[1].split()[0]
    run(build, context)
    yield tag
    subprocess.run(["docker", "rmi", "-f", tag], capture_output=True, check=False, timeout=120)


@pytest.mark.docker
@pytest.mark.wheel
def test_the_readme_builds_and_runs_the_image(built: str, tmp_path: Path) -> None:
    kalmar = tmp_path / "kalmar"
    shutil.copytree(KALMAR, kalmar, ignore=shutil.ignore_patterns("site", ".processkit-cache"))
    not_run = []
    for command in readme_commands():
        if command in NOT_RUN:
            not_run.append(command)
        elif command.startswith("docker run "):
            done = run(command, kalmar)  # "$PWD" is the process repository; exit status 0
            files = len(list(kalmar.rglob("*.yaml")))
            summary = done.stdout.splitlines()[-1]
            assert summary.endswith(f" in {files} files ({files - 1} entities)."), done.stdout
    assert not_run == list(NOT_RUN)
    assert run(["docker", "run", "--rm", built, "--version"], tmp_path).stdout == (
        f"processkit {readme_version()}\n"
    )
    doctor = run(["docker", "run", "--rm", built, "doctor"], tmp_path)
    assert doctor.stdout.endswith("\nEverything processkit uses is installed.\n")
    # as GitLab runs a job: the entry point emptied, the script in a shell
    gitlab = run(
        ["docker", "run", "--rm", "--entrypoint", "", "-v", f"{kalmar}:/repo", built,
         "sh", "-c", "processkit publish --output public --quiet && test -f public/index.html"],
        tmp_path,
    )  # fmt: skip
    assert gitlab.returncode == 0
