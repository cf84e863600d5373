"""Work beside the caller (``processkit.background``): publish reads git while it draws the maps.
The work runs in a forked process where there is fork (else in a thread), speaks the language it
was started in, its result or error reaches the caller, and a child that dies is told in one
line. In a thread, no worker process is forked while it runs."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from processkit import background, i18n
from processkit.background import Background, hand_over, settle
from processkit.errors import ProcesskitError
from processkit.site import parallel


@pytest.fixture(params=["process", "thread"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(background, "FORK", request.param == "process")
    yield request.param


def _failing() -> int:
    raise ProcesskitError("git said no")


def test_the_result_and_the_error_of_the_work_reach_the_caller(mode: str) -> None:
    work = Background(lambda: {"answer": [6 * 7]})
    assert work.result() == {"answer": [42]}
    assert work.result() == {"answer": [42]}  # asked again: the same
    with pytest.raises(ProcesskitError, match=r"^git said no$"):
        Background(_failing).result()


def test_the_work_speaks_the_language_it_was_started_in(mode: str) -> None:
    def words() -> list[str]:
        time.sleep(0.1)  # the caller speaks English meanwhile
        said = [i18n._("Not given")]
        with i18n.speaking("en"):  # as the history's phrasing does, in its own language
            said.append(i18n._("Not given"))
        return [*said, i18n._("Not given")]

    with i18n.speaking("sv"):
        work = Background(words)
    with i18n.speaking("en"):
        assert i18n._("Not given") == "Not given"
        assert work.result() == ["Inte angivet", "Not given", "Inte angivet"]


def test_a_thread_speaking_another_language_does_not_change_the_caller_s() -> None:
    """``speaking`` holds for its own thread: the pages' language and the history's do not
    cross while both are made at once."""
    inside = threading.Event()
    go_on = threading.Event()

    def english() -> None:
        with i18n.speaking("en"):
            inside.set()
            go_on.wait(10)

    thread = threading.Thread(target=english)
    with i18n.speaking("sv"):
        thread.start()
        assert inside.wait(10)
        assert i18n._("Not given") == "Inte angivet"
        go_on.set()
    thread.join()


def test_a_child_that_dies_is_told_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "FORK", True)
    with i18n.speaking("sv"):
        work = Background(lambda: os._exit(1))
        with pytest.raises(ProcesskitError) as raised:
            work.result()
    assert str(raised.value) == "en del av arbetet avbröts oväntat; kör kommandot igen"


class _Unpicklable(Exception):
    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"{first} {second}")


class _UnpicklableProblem(ProcesskitError):
    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"{first} {second}")


def test_an_error_that_does_not_pickle_keeps_its_words_and_its_weight(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A problem to tell the user stays one (exit status 2); a defect stays an internal
    error; and the child's traceback is the error's cause (``--debug`` shows it)."""
    monkeypatch.setattr(background, "FORK", True)

    def problem() -> None:
        raise _UnpicklableProblem("git", "broke")

    def defect() -> None:
        raise _Unpicklable("git", "broke")

    with pytest.raises(ProcesskitError, match=r"^git broke$") as told:
        Background(problem).result()
    assert "in problem" in str(told.value.__cause__)
    with pytest.raises(RuntimeError, match=r"^_Unpicklable: git broke$") as raised:
        Background(defect).result()
    assert "in defect" in str(raised.value.__cause__)


def test_a_result_that_does_not_pickle_is_an_internal_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(background, "FORK", True)
    with pytest.raises(RuntimeError, match="could not be sent back") as raised:
        Background(lambda: threading.Lock()).result()
    assert "pickle" in str(raised.value.__cause__)


def test_ctrl_c_is_the_caller_s_to_handle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The child takes no notice of Ctrl-C (no traceback of its own); the caller, stopping,
    ends it at once."""
    monkeypatch.setattr(background, "FORK", True)
    working = tmp_path / "working"

    def sleeping() -> str:
        working.touch()
        time.sleep(0.5)
        return "read"

    work = Background(sleeping)
    assert work._process is not None and work._process.pid is not None
    deadline = time.monotonic() + 10
    while not working.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(work._process.pid, signal.SIGINT)  # while it works
    assert work.result() == "read"
    slow = Background(lambda: time.sleep(30))
    started = time.monotonic()
    slow.stop()
    assert time.monotonic() - started < 5
    assert slow._process is not None and not slow._process.is_alive()
    with pytest.raises(ProcesskitError, match="stopped unexpectedly"):
        slow.result()


def test_a_child_whose_caller_died_ends(tmp_path: Path) -> None:
    """A caller killed before it read the result (a CI timeout, the out-of-memory killer)
    leaves no child behind, even with a result larger than a pipe holds."""
    script = (
        "import os, time\n"
        "from processkit.background import Background\n"
        "work = Background(lambda: b'x' * 1_000_000)\n"
        "print(work._process.pid, flush=True)\n"
        "time.sleep(0.5)\n"
        "os._exit(0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    pid = int(done.stdout)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _running(pid):
        time.sleep(0.05)
    assert not _running(pid)


def _running(pid: int) -> bool:
    """Whether ``pid`` is a process that has not ended (a zombie has)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_no_worker_is_forked_while_work_runs_in_a_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A child forked while another thread holds a lock may hang: ``run_batches`` first waits
    for the work in threads; the children then see what it did."""
    monkeypatch.setattr(background, "FORK", False)
    done: list[str] = []

    def slow() -> None:
        time.sleep(0.3)
        done.append("read")

    work = Background(slow)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    seen = [
        result
        for _, results in parallel.run_batches(
            lambda start, end: [list(done) for _ in range(start, end)], 4, chunk=1, threshold=1
        )
        for result in results
    ]
    assert seen == [["read"]] * 4
    work.result()


def test_settle_waits_for_every_work_started_in_a_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(background, "FORK", False)
    finished: list[int] = []

    def sleeping(number: int) -> None:
        time.sleep(0.1 * number)
        finished.append(number)

    works = [Background(lambda n=n: sleeping(n)) for n in (1, 2)]  # type: ignore[misc]
    settle()
    assert sorted(finished) == [1, 2]
    for work in works:
        work.result()


def test_where_no_process_can_be_made_the_work_runs_in_a_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A system at its limit of processes or memory (fork fails with EAGAIN or ENOMEM): the
    git reading runs in a thread instead of stopping the publish."""
    import multiprocessing.process

    def refused(self: object) -> None:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(background, "FORK", True)
    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refused)
    work = Background(lambda: os.getpid())
    assert work._process is None and work._thread is not None
    assert work.result() == os.getpid()


def _two_parts() -> str:
    hand_over(["read", "early"])
    time.sleep(1)  # the caller takes the part meanwhile
    return "all of it"


def _fails_after_handing_over() -> None:
    hand_over("read")
    raise ProcesskitError("git said no")


def test_a_part_handed_over_reaches_the_caller_before_the_work_ends(mode: str) -> None:
    work = Background(_two_parts)
    assert work.part() == ["read", "early"]
    assert not work.ended()  # the work goes on
    assert work.part() == ["read", "early"]  # asked again: the same
    assert work.result() == "all of it"
    assert work.ended()
    assert work.part() == ["read", "early"]
    # work that hands nothing over: None, once it ended; its result as before
    quiet = Background(lambda: "all of it")
    assert quiet.part() is None
    assert quiet.result() == "all of it"
    failing = Background(_fails_after_handing_over)
    assert failing.part() == "read"
    with pytest.raises(ProcesskitError, match=r"^git said no$"):
        failing.result()
    failed = Background(_failing)
    assert failed.part() is None
    with pytest.raises(ProcesskitError, match=r"^git said no$"):
        failed.result()
    hand_over("outside any work: nothing happens")


def test_what_work_holds_is_held_to_its_child_s_end_and_never_in_the_caller(mode: str) -> None:
    """In a child, what the work holds stays to the child's end, which comes at once: it is
    not let go of one object at a time while the caller waits for the outcome. In a thread
    of the caller's process, which goes on, nothing is held."""
    made = ["what the work made"]

    def work() -> int:
        background.hold(made)
        return len(background._HELD)

    assert Background(work).result() == (1 if mode == "process" else 0)
    assert background._HELD == []


def test_work_stopped_after_handing_over_ends_its_child() -> None:
    def hands_over_and_sleeps() -> None:
        hand_over("read")
        time.sleep(60)

    started = time.monotonic()
    work = Background(hands_over_and_sleeps)
    assert work.part() == "read"
    work.stop()
    assert time.monotonic() - started < 30
    assert multiprocessing.active_children() == []


def test_work_only_for_a_child_is_not_run_where_none_can_be_forked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``Background.forked``: None where no child can be made, and no thread instead."""
    ran: list[bool] = []
    assert Background.forked(lambda: "done") is not None
    threads = threading.active_count()
    monkeypatch.setattr(Background, "_fork", lambda self, work, language: False)
    assert Background.forked(lambda: ran.append(True)) is None
    monkeypatch.setattr(background, "FORK", False)
    assert Background.forked(lambda: ran.append(True)) is None
    time.sleep(0.1)
    assert ran == [] and threading.active_count() == threads


def test_whether_work_ended_is_told_without_waiting(mode: str) -> None:
    work = Background(lambda: time.sleep(1))
    assert not work.ended()
    work.result()
    assert work.ended()
    quick = Background(lambda: "done")
    for _ in range(100):
        if quick.ended():
            break
        time.sleep(0.05)
    assert quick.ended()
    assert quick.part() is None and quick.result() == "done"
