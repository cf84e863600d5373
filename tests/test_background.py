"""Work beside the caller (``processkit.background``): publish reads git while it draws the maps.
The work runs in a forked process where there is fork (else in a thread), speaks the language it
was started in, its result or error reaches the caller, and a child that dies is told in one
line. In a thread, no worker process is forked while it runs."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest

from processkit import background, i18n
from processkit.background import Background, settle
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


def test_an_error_that_does_not_pickle_keeps_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "FORK", True)

    def failing() -> None:
        raise _Unpicklable("git", "broke")

    with pytest.raises(ProcesskitError, match=r"^git broke$"):
        Background(failing).result()


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
