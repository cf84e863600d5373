"""Shared fixtures: small repositories made from a dict of files, and the CLI run in-process."""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.packaging_support import (
    Venv,
    make_venv,
    readme_install_commands,
    readme_version,
    tagged_copy,
)
from tests.packaging_support import run as run_command

from processkit import i18n
from processkit.cli.main import run

ROOT = Path(__file__).resolve().parent.parent
KALMAR = ROOT / "examples" / "kalmar"

MINIMAL_CONFIG = "organisation: Testkommunen\n"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="Rewrite golden files from the output."
    )


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Most tests read processkit's English (``PROCESSKIT_LANG=en``, as a user may set it);
    the tests of the Swedish words ask for them with the ``swedish`` fixture or ``--lang sv``."""
    monkeypatch.setenv(i18n.ENVIRONMENT, "en")
    i18n.forget()
    i18n.ask(None)


@pytest.fixture(autouse=True)
def own_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's first publish is a run's first build, as in a process of its own: what a
    build in this process read from git before (``publishing._READ``) is not there, so a
    publish with a parse store reads git beside its load (``publishing._read_beside``)
    whatever ran before it."""
    from processkit.cli import publishing

    monkeypatch.setattr(publishing, "_READ", [None, None, None])


@pytest.fixture
def swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    """processkit as it speaks by default: nothing asked for, the repository's language."""
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    i18n.forget()


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (relative path -> text or bytes) under ``root``; text is dedented."""
    for relative, content in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def first_arguments(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[Any]:
    """The first argument of each call of ``owner.name`` from now on, in order (the calls
    themselves go on as before)."""
    calls: list[Any] = []
    real = getattr(owner, name)

    def counting(first: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(first)
        return real(first, *args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


def count_store_reads(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[Path]:
    """The stores ``module`` reads with ``read_store`` from now on, in order (the reads
    themselves go on as before)."""
    return first_arguments(monkeypatch, module, "read_store")


@pytest.fixture
def make_repo(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """A repository with a minimal processkit.yaml plus the files given."""

    def make(files: dict[str, str | bytes]) -> Path:
        root = tmp_path / "repo"
        root.mkdir(exist_ok=True)
        return write_files(root, {"processkit.yaml": MINIMAL_CONFIG, **files})

    return make


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., CliResult]:
    """Run ``processkit ARGS`` in this process and capture its exit status and output."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def invoke(*args: str | Path) -> CliResult:
        capsys.readouterr()
        with pytest.raises(SystemExit) as exited:
            run([str(arg) for arg in args])
        captured = capsys.readouterr()
        code = exited.value.code
        return CliResult(code if isinstance(code, int) else 1, captured.out, captured.err)

    return invoke


def codes(result: CliResult, *, loader_only: bool = True) -> list[tuple[str, str, int, int]]:
    """(code, path, line, column) of the diagnostics in a ``--format json`` result.

    By default only the loader's fixed codes (PK0xx): the governance rules (PK1xx) have tests of
    their own, and the small repositories here are not meant to be good process management.
    The rules' note that some of them wait for a file with errors (PK032) is theirs too.
    """
    return [
        (d["code"], d["path"], d["line"], d["column"])
        for d in result.json()["diagnostics"]
        if not loader_only or _is_loaders(d)
    ]


def loader_diagnostics(result: CliResult) -> list[dict[str, Any]]:
    """The PK0xx diagnostics of a ``--format json`` result, whole (not the rules' PK032)."""
    return [d for d in result.json()["diagnostics"] if _is_loaders(d)]


def _is_loaders(diagnostic: dict[str, Any]) -> bool:
    code = str(diagnostic["code"])
    return code.startswith("PK0") and code != "PK032"


# --- processkit released and installed (the tests marked `wheel`) ------------------------------
#
# Built once per test run: under pytest-xdist, each worker is a session of its own, so the first
# worker to need them builds them in a folder all workers share, under a lock, and the others
# wait and use them.


@dataclass(frozen=True)
class Release:
    """This source tree released under the README's example version: a tagged git copy, and
    the sdist and wheel ``python -m build`` made from it."""

    version: str
    source: Path
    wheel: Path
    sdist: Path


@pytest.fixture(scope="session")
def shared_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every worker of this test run sees (the run's own with no workers)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _once(folder: Path, make: Callable[[Path], None]) -> Path:
    """``folder``, made by ``make`` by the first worker to ask; the others wait for it."""
    from filelock import FileLock

    with FileLock(str(folder) + ".lock"):
        done = folder / ".done"
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # left by a worker that failed
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def release(shared_tmp: Path) -> Release:
    version = readme_version()

    def build(base: Path) -> None:
        source = tagged_copy(base / "processkit", version)
        command = [sys.executable, "-m", "build", "--outdir", str(base / "dist"), str(source)]
        run_command(command, base)

    base = _once(shared_tmp / "release", build)
    wheel = base / "dist" / f"processkit-{version}-py3-none-any.whl"
    sdist = base / "dist" / f"processkit-{version}.tar.gz"
    assert sorted((base / "dist").iterdir()) == [wheel, sdist]
    return Release(version, base / "processkit", wheel, sdist)


@pytest.fixture(scope="session")
def installed(release: Release, shared_tmp: Path) -> Venv:
    """A fresh virtual environment with the wheel installed by the README's command for it,
    run in the folder where the wheel is. Tests use it as it is: the install commands they run
    there find this processkit installed and change nothing."""
    [command] = [c for c in readme_install_commands() if c.endswith(".whl")]

    def install(folder: Path) -> None:
        make_venv(folder / "venv").run(command, release.wheel.parent)

    return Venv(_once(shared_tmp / "installed", install) / "venv")
