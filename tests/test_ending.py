"""The ``processkit`` command ends its process at once, having done what Python does as it ends
(``processkit.cli.ending``)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.small_repo import BASE, PROCESS

from processkit.cli import ending
from processkit.cli.main import run
from processkit.cli.publishing import PublishRequest, publish
from processkit.loading.parse import Remembered
from processkit.loading.session import Session

ROOT = Path(__file__).resolve().parents[1]
KALMAR = ROOT / "examples" / "kalmar"


#: The environment of a Python whose output to a pipe waits in its buffer, as it does unless
#: told otherwise: what ends the process must flush it.
BUFFERED = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}


def _command(before: str, *args: str, held: str = "None") -> subprocess.CompletedProcess[str]:
    """``processkit args`` run by ``entry`` in a Python of its own, after the code ``before``,
    with the value of ``held`` in a variable of the function that calls ``entry``."""
    script = textwrap.dedent(before) + textwrap.dedent(
        f"""
        import sys
        from processkit.cli.main import entry

        def command() -> None:
            held = {held}
            sys.argv = ["processkit", *{list(args)!r}]
            entry()

        command()
        """
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=BUFFERED,
    )


def test_the_status_and_all_the_output_reach_the_caller(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["inventory", str(KALMAR), "--list", "--format", "json", "--lang", "en"]
    with pytest.raises(SystemExit) as here:
        run(args)
    said = capsys.readouterr()
    ended = _command("", *args)
    assert (ended.returncode, ended.stdout, ended.stderr) == (here.value.code, said.out, "")
    assert here.value.code == 0 and len(said.out) > 10_000
    refused = _command("", "no-such-command", "--lang", "en")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr.startswith("processkit: ")


def test_the_process_ends_without_letting_go_of_each_object() -> None:
    """What the command's caller holds is let go of, one object after another, by a process
    that ends as Python ends it (here the object says so as it goes); not by one that ends at
    once."""
    told = textwrap.dedent(
        """
        import sys

        class Told:
            def __del__(self) -> None:
                sys.stderr.write("let go\\n")
        """
    )
    ended = _command(told, "--version", held="Told()")
    assert (ended.returncode, ended.stderr) == (0, "")
    assert ended.stdout.startswith("processkit ")
    # a thread still running as the command ends (see below) makes it end as Python ends it
    waiting = told + "import threading, time\n"
    usual = _command(
        waiting,
        "--version",
        held="(Told(), threading.Thread(target=time.sleep, args=(1,)).start())",
    )
    assert (usual.returncode, usual.stderr) == (0, "let go\n")


def test_what_python_does_as_it_ends_is_done(tmp_path: Path) -> None:
    """The functions registered with ``atexit`` run (here one, and the removal of a temporary
    folder still held), and what they print is flushed."""
    before = f"""
        import atexit, tempfile
        from pathlib import Path

        HELD = tempfile.TemporaryDirectory(dir={str(tmp_path)!r})
        Path(HELD.name, "inside").write_text("x")
        atexit.register(print, "at the end")
        """
    ended = _command(before, "--version")
    assert ended.returncode == 0
    assert ended.stdout.endswith("\nat the end\n")
    assert list(tmp_path.iterdir()) == []


def test_a_thread_still_running_is_waited_for(tmp_path: Path) -> None:
    """Where a thread that is not a daemon still runs as the command ends (begun just before
    it, to do its work a second later), the process ends as Python ends it, once the thread
    has done its work."""
    done = tmp_path / "done"
    before = f"""
        import threading, time
        from pathlib import Path

        def work() -> None:
            time.sleep(1)
            Path({str(done)!r}).write_text("done")
        """
    ended = _command(before, "--version", held="threading.Thread(target=work).start()")
    assert ended.returncode == 0
    assert done.read_text() == "done"


def test_a_status_that_is_not_a_number_ends_as_python_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def ended_at_once(status: int) -> None:  # not this process: the test fails instead
        raise AssertionError(f"ended at once with {status}")

    monkeypatch.setattr(os, "_exit", ended_at_once)
    with pytest.raises(SystemExit) as ended:
        ending.end("a word")
    assert ended.value.code == "a word"


def test_a_profiler_or_a_tracer_is_let_see_the_end() -> None:
    """A profiler (``python -m cProfile``) or a tracer writes what it found as the program
    ends: the process ends as Python ends it, letting go of what is held."""
    told = textwrap.dedent(
        """
        import sys

        class Told:
            def __del__(self) -> None:
                sys.stderr.write("let go\\n")
        """
    )
    for watching in ("sys.setprofile(lambda *seen: None)", "sys.settrace(lambda *seen: None)"):
        ended = _command(told + watching + "\n", "--version", held="Told()")
        assert (ended.returncode, ended.stderr) == (0, "let go\n")


def test_output_that_cannot_be_flushed_at_the_end_gives_python_s_status() -> None:
    """What an ``atexit`` function wrote where it cannot be flushed: status 120, as Python
    gives it."""
    before = """
        import atexit, os, sys

        def closing() -> None:
            sys.stdout.write("at the end")
            os.close(sys.stdout.fileno())

        atexit.register(closing)
        """
    ended = _command(before, "--version")
    assert ended.returncode == 120
    assert ended.stdout.startswith("processkit ")


def test_only_a_process_that_ends_with_the_command_keeps_what_it_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ending, "_KEPT", {})
    monkeypatch.setattr(ending, "_ARMED", [False])
    first, second = object(), object()
    ending.keep("repository", first)
    assert ending._KEPT == {}
    ending.arm()
    ending.keep("repository", first)
    ending.keep("repository", second)  # one of each: the one built before is let go of
    assert {"repository": second} == ending._KEPT


def test_a_publish_keeps_the_repository_it_loaded(
    monkeypatch: pytest.MonkeyPatch,
    make_repo: Callable[[dict[str, str | bytes]], Path],
    tmp_path: Path,
) -> None:
    """Not let go of as the build returns: held with the process, which ends at once."""
    monkeypatch.setattr(ending, "_KEPT", {})
    monkeypatch.setattr(ending, "_ARMED", [True])
    repo = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    with pytest.raises(SystemExit) as ended:
        run(["publish", str(repo), "--output", str(tmp_path / "site"), "--quiet"])
    assert ended.value.code == 0
    kept = ending._KEPT["repository"]
    assert isinstance(kept, Session) and sorted(kept.repo.processes) == ["utreda"]
    # not serve's builds, which go on: each lets go of its repository as it returns
    ending._KEPT.clear()
    publish(PublishRequest(repo, tmp_path / "preview", remembered=Remembered()))
    assert ending._KEPT == {}


def test_a_publish_that_ends_the_process_leaves_nothing_to_look_through_for_cycles(
    make_repo: Callable[[dict[str, str | bytes]], Path], tmp_path: Path
) -> None:
    """A publish turns the collector of cycles off while it builds. Turned on again in a
    process that ends with the command, its first collection would look through all the
    build made (0.07 s at 5,000 processes): that is moved out of its sight first. Where the
    process goes on (a test, here the second run), the collector is left to it."""
    repo = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    script = textwrap.dedent(
        """
        import gc, sys
        from processkit.cli import ending
        from processkit.cli.main import run

        if sys.argv[1] == "armed":
            ending.arm()
        try:
            run(["publish", sys.argv[2], "--output", sys.argv[3], "--quiet"])
        except SystemExit as done:
            print(done.code, gc.isenabled(), sum(len(gc.get_objects(g)) for g in range(3)))
        """
    )
    seen = {}
    for how in ("armed", "goes-on"):
        ran = subprocess.run(
            [sys.executable, "-c", script, how, str(repo), str(tmp_path / how)],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert ran.stderr == ""
        code, enabled, tracked = ran.stdout.split()
        assert (code, enabled) == ("0", "True")
        seen[how] = int(tracked)
    assert seen["armed"] < 100
    assert seen["goes-on"] > 1000
