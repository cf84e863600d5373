"""Work in a thread while the caller goes on (``processkit.threads``): publish reads git while it
draws the maps. The thread keeps the language it was started in, its result or error reaches
the caller, and no worker process is forked while it runs."""

from __future__ import annotations

import threading
import time

import pytest

from processkit import i18n
from processkit.site import parallel
from processkit.threads import Background, settle


def test_the_result_and_the_error_of_the_work_reach_the_caller() -> None:
    assert Background(lambda: 6 * 7).result() == 42

    def failing() -> int:
        raise ValueError("git said no")

    work = Background(failing)
    with pytest.raises(ValueError, match="git said no"):
        work.result()


def test_the_work_speaks_the_language_it_was_started_in_whatever_the_caller_speaks() -> None:
    """The site's pages are made in the site's language (``speaking``) while the history is
    read in the language of the command: neither changes the other's."""
    started = threading.Event()
    go_on = threading.Event()

    def words() -> list[str]:
        said = [i18n._("Not given")]
        started.set()
        go_on.wait(10)
        with i18n.speaking("en"):  # as the history's phrasing does, in its own language
            said.append(i18n._("Not given"))
        said.append(i18n._("Not given"))
        return said

    with i18n.speaking("sv"):
        work = Background(words)
    assert started.wait(10)
    with i18n.speaking("en"):
        go_on.set()
        time.sleep(0.05)  # the thread speaks English inside its block meanwhile
        assert i18n._("Not given") == "Not given"
    assert work.result() == ["Inte angivet", "Not given", "Inte angivet"]


def test_no_worker_is_forked_while_work_runs_in_a_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A child forked while another thread holds a lock may hang: ``run_batches`` first waits
    for the work in the background; the children then see what it did."""
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


def test_settle_waits_for_every_work_started() -> None:
    finished: list[int] = []

    def sleeping(number: int) -> None:
        time.sleep(0.1 * number)
        finished.append(number)

    works = [Background(lambda n=n: sleeping(n)) for n in (1, 2)]  # type: ignore[misc]
    settle()
    assert sorted(finished) == [1, 2]
    for work in works:
        work.result()
