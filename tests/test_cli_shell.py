"""Shell completion and ``--version``: what a terminal and a pre-commit hook see first."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

import pytest
from tests.conftest import CliResult

from processkit import __version__


def test_version(cli: Callable[..., CliResult]) -> None:
    result = cli("--version")
    assert (result.code, result.out, result.err) == (0, f"processkit {__version__}\n", "")


def test_the_commands_are_registered_once_however_often_it_runs(
    cli: Callable[..., CliResult],
) -> None:
    """Each run in one process (as the tests run it) costs the same as the first."""
    from processkit.cli.main import app

    cli("--version")
    first = (len(app.registered_commands), len(app.registered_groups))
    for _ in range(3):
        cli("--version")
    assert (len(app.registered_commands), len(app.registered_groups)) == first
    assert first == (15, 2)


def test_a_run_registers_its_own_command_and_the_help_every_one() -> None:
    """Typer builds every command registered at each run: a run registers only the command it
    runs, one after it adds its own, and the help (or a name that is no command) registers
    every one, in the order the help lists them; none twice."""
    code = (
        "import typer\n"
        "from processkit.cli.main import COMMANDS, app, run\n"
        "def names():\n"
        "    found = list(typer.main.get_command(app).commands)\n"
        "    assert len(app.registered_commands) + len(app.registered_groups) == len(found)\n"
        "    return found\n"
        "for args in (['validate', '--help'], ['publish', '--help'], ['validate', '--help'], "
        "['--help'], ['valdate'], ['publish', '--help']):\n"
        "    try: run(args)\n"
        "    except SystemExit: pass\n"
        "    print('registered:', *names())\n"
        "print('registered:', sorted(names()) == sorted(COMMANDS))\n"
    )
    every = (
        "validate schema inventory review maturity changelog codeowners rules init new fmt "
        "doctor publish serve edit proposals map"
    )
    said = [line for line in _python(code).splitlines() if line.startswith("registered: ")]
    assert [line.removeprefix("registered: ") for line in said] == [
        "validate",
        "validate publish",
        "validate publish",
        every,
        every,
        every,
        "True",
    ]
    # every command registered alone, the last first: the help lists them in their order
    alone = code.replace(
        "for args in (",
        "for args in (*([name, '--help'] for name in reversed(COMMANDS)), ['--help'], ",
    )
    said = [line for line in _python(alone).splitlines() if line.startswith("registered: ")]
    assert said[16] == (
        "registered: edit serve publish doctor fmt new init rules codeowners changelog "
        "maturity review inventory schema validate map proposals"
    )
    assert said[17] == "registered: " + every


def test_show_completion_prints_a_bash_completion_function(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the shell named, not the one Typer finds among the test's parent processes (``sh``
    # where the suite was started from a script): its switch for tests
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = cli("--show-completion", "bash")
    assert result.code == 0
    assert "_processkit_completion() {" in result.out
    assert "_PROCESSKIT_COMPLETE=complete_bash" in result.out
    assert result.out.rstrip().endswith("complete -o default -F _processkit_completion processkit")


def complete(words: str, index: int) -> list[str]:
    env = {
        **os.environ,
        "COMP_WORDS": words,
        "COMP_CWORD": str(index),
        "_PROCESSKIT_COMPLETE": "complete_bash",
    }
    done = subprocess.run(
        [sys.executable, "-m", "processkit"], env=env, capture_output=True, text=True, check=False
    )
    return done.stdout.split()


def test_completion_offers_commands_and_kinds() -> None:
    assert complete("processkit ne", 1) == ["new"]
    assert complete("processkit new pr", 2) == ["process", "proposal"]
    assert complete("processkit validate --format s", 3) == ["sarif"]


def _python(code: str) -> str:
    """What ``code`` prints, run by a Python of its own (a fresh start, nothing imported)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout


def test_start_up_imports_nothing_heavy() -> None:
    code = (
        "import sys; from processkit.cli.main import _register; _register(); "
        "print(sorted(m for m in ('pydantic', 'ruamel.yaml', 'jinja2', 'git', 'openpyxl', "
        "'rich', 'yaml', 'processkit.loading') if m in sys.modules))"
    )
    assert _python(code) == "[]\n"


def test_the_version_imports_nothing_heavy() -> None:
    """``processkit --version`` goes through the whole entry point (its error handling too)
    without loading the loader, pydantic or the YAML readers."""
    code = (
        "import sys; from processkit.cli.main import run\n"
        "try: run(['--version'])\nexcept SystemExit: pass\n"
        "print(sorted(m for m in ('pydantic', 'ruamel.yaml', 'jinja2', 'git', 'openpyxl', "
        "'rich', 'yaml', 'processkit.loading.load') if m in sys.modules))"
    )
    assert _python(code).splitlines()[-1] == "[]"


def test_the_garbage_collector_looks_less_often_in_every_command() -> None:
    """A large repository is millions of objects kept until the command ends; Python's default
    collector passes through them all again and again (``cli.main.GC_THRESHOLDS``)."""
    code = (
        "import gc, sys; from processkit.cli.main import GC_THRESHOLDS, run\n"
        "default = gc.get_threshold()\n"
        "try: run(['--version'])\nexcept SystemExit: pass\n"
        "print(default, gc.get_threshold() == GC_THRESHOLDS, GC_THRESHOLDS[0] >= 10_000)"
    )
    assert _python(code).splitlines()[-1] == "(700, 10, 10) True True"


def test_the_command_leaves_what_it_made_to_the_end_of_its_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``processkit`` (``entry``) freezes what the command kept, so that the Python that ends
    does not look through all of it once more; ``run``, as the tests call it, does not."""
    import gc

    from processkit.cli import ending
    from processkit.cli.main import entry, run

    def end(code: object) -> None:  # as the process would end, without ending this one
        raise SystemExit(code)

    monkeypatch.setattr(ending, "end", end)
    monkeypatch.setattr(ending, "_ARMED", [False])
    gc.unfreeze()
    try:
        with pytest.raises(SystemExit) as ran:
            run(["--version"])
        assert (ran.value.code, gc.get_freeze_count()) == (0, 0)
        assert capsys.readouterr().out == f"processkit {__version__}\n"
        monkeypatch.setattr(sys, "argv", ["processkit", "--version"])
        with pytest.raises(SystemExit) as ended:
            entry()
        assert ended.value.code == 0 and gc.get_freeze_count() > 0
        assert capsys.readouterr().out == f"processkit {__version__}\n"
        # however the command ends
        gc.unfreeze()
        monkeypatch.setattr(sys, "argv", ["processkit", "no-such-command"])
        with pytest.raises(SystemExit) as refused:
            entry()
        assert refused.value.code == 2 and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_python_m_processkit_is_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "processkit", "--version"], capture_output=True, text=True
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"processkit {__version__}\n", "")
