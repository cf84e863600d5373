"""``processkit doctor``: each tool's version, or what to do when it is missing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from tests.conftest import CliResult

from processkit import doctor
from processkit.cli import doctor as doctor_cli


def fake_run(outputs: dict[str, str]) -> Callable[[Sequence[str]], str | None]:
    def run(argv: Sequence[str]) -> str | None:
        return outputs.get(argv[0])

    return run


def test_versions_are_read_from_the_programs() -> None:
    run = fake_run(
        {
            "/usr/bin/dot": "dot - graphviz version 2.43.0 (0)",
            "/usr/bin/git": "git version 2.39.5",
            "/opt/pagefind": "pagefind 1.5.2",
        }
    )
    which = {"dot": "/usr/bin/dot", "git": "/usr/bin/git", "pagefind": "/opt/pagefind"}.get
    assert doctor.check_graphviz(which, run).version == "2.43.0"
    assert doctor.check_git(which, run).version == "2.39.5"
    assert doctor.check_python((3, 12, 1)).version == "3.12.1"
    assert doctor.check_python((3, 10, 9)).version is None


def test_missing_programs_say_what_to_do() -> None:
    graphviz = doctor.check_graphviz(lambda name: None, fake_run({}))
    assert (graphviz.ok, graphviz.needed_for) == (False, "the process maps in `publish`")
    assert graphviz.remedy.startswith("install Graphviz: `sudo apt-get install graphviz`")
    broken = doctor.check_git(lambda name: "/usr/bin/git", fake_run({}))
    assert broken.version is None


def test_pagefind_comes_from_pagefind_bin_or_the_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_module(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr("processkit.doctor.importlib.import_module", no_module)
    assert doctor.pagefind_binary(lambda name: None) is None
    assert doctor.pagefind_binary({"pagefind": "/usr/local/bin/pagefind"}.get) == (
        "/usr/local/bin/pagefind"
    )
    missing = doctor.check_pagefind(lambda name: None, fake_run({}))
    assert (missing.ok, missing.remedy) == (False, "pip install pagefind-bin")


def test_doctor_lists_every_tool_and_fails_when_one_is_missing(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = [
        doctor.Check("Python", "3.11.7", "running processkit", "x"),
        doctor.Check("processkit", "0.1.0", "everything", "x"),
        doctor.Check("Graphviz", "2.43.0", "maps", "x", "/usr/bin/dot"),
        doctor.Check("git", "2.39.5", "history", "x", "/usr/bin/git"),
        doctor.Check("Pagefind", None, "search on the published site", "pip install pagefind-bin"),
    ]
    monkeypatch.setattr(doctor, "run_checks", lambda: checks)
    result = cli("doctor")
    assert result.code == 1
    assert result.out == (
        "ok       Python      3.11.7\n"
        "ok       processkit  0.1.0\n"
        "ok       Graphviz    2.43.0 (/usr/bin/dot)\n"
        "ok       git         2.39.5 (/usr/bin/git)\n"
        "missing  Pagefind    needed for search on the published site; "
        "to fix: pip install pagefind-bin\n"
        "\n"
        "1 missing: Pagefind.\n"
    )
    monkeypatch.setattr(doctor, "run_checks", lambda: checks[:4])
    assert cli("doctor").out.endswith("\nEverything processkit uses is installed.\n")
    assert doctor_cli.register is not None


def test_doctor_runs_for_real(cli: Callable[..., CliResult]) -> None:
    result = cli("doctor")
    names = [line.split()[1] for line in result.out.splitlines()[:5]]
    assert names == ["Python", "processkit", "Graphviz", "git", "Pagefind"]
    assert result.code in (0, 1)
