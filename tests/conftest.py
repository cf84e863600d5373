"""Shared fixtures: small repositories made from a dict of files, and the CLI run in-process."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from processkit.cli.main import run

ROOT = Path(__file__).resolve().parent.parent
KALMAR = ROOT / "examples" / "kalmar"

MINIMAL_CONFIG = "organisation: Testkommunen\n"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="Rewrite golden files from the output."
    )


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
    """
    return [
        (d["code"], d["path"], d["line"], d["column"])
        for d in result.json()["diagnostics"]
        if not loader_only or d["code"].startswith("PK0")
    ]


def loader_diagnostics(result: CliResult) -> list[dict[str, Any]]:
    """The PK0xx diagnostics of a ``--format json`` result, whole."""
    return [d for d in result.json()["diagnostics"] if d["code"].startswith("PK0")]
