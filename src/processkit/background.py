"""Work done beside the caller, which goes on meanwhile (``Background``).

Publish reads git (subprocesses, and Python reading what they say) while it draws the maps.
Where processes can be forked, the work runs in a forked child process and sends back what it
returned: it then uses a core of its own, and the caller stays a process with one thread, so
the map workers it forks next cannot inherit a lock held by another thread (in the allocator,
in OpenSSL) and hang. Elsewhere it runs in a thread, and nothing is forked.

Either way the work speaks the language spoken when it was started (see ``i18n.speaking``).
``settle`` waits for work in threads: called before any fork, should one run.
"""

from __future__ import annotations

import multiprocessing
import pickle
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from processkit import i18n
from processkit.errors import ProcesskitError
from processkit.i18n import _
from processkit.model.kinds import Language

R = TypeVar("R")
#: Whether work runs in a forked process (else in a thread).
FORK = "fork" in multiprocessing.get_all_start_methods()

#: The work in threads started and not yet waited for.
_RUNNING: list[Background[Any]] = []
_LOCK = threading.Lock()


class Background(Generic[R]):
    """``work()`` run beside the caller; ``result()`` waits for it and gives what it returned
    (which must pickle, when it ran in a child process), or raises what it raised."""

    def __init__(self, work: Callable[[], R]) -> None:
        language = i18n.current()
        self._outcome: tuple[bool, Any] | None = None  # (returned, value or error)
        self._thread: threading.Thread | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        self._receive: Connection | None = None
        if FORK:
            context = multiprocessing.get_context("fork")
            receive, send = context.Pipe(duplex=False)
            self._process = context.Process(
                target=_child, args=(work, send, language), name="processkit-background"
            )
            self._process.daemon = True  # ended with this process, should it end first
            self._process.start()
            send.close()  # the child's end: its end of file tells of a child that died
            self._receive = receive
            return

        def run() -> None:
            self._outcome = _outcome(work, language)

        self._thread = threading.Thread(target=run, name="processkit-background", daemon=True)
        with _LOCK:
            _RUNNING.append(self)
        self._thread.start()

    def wait(self) -> None:
        """Wait until the work is done (what it gave is kept for ``result``)."""
        if self._thread is not None:
            self._thread.join()
            with _LOCK:
                if self in _RUNNING:
                    _RUNNING.remove(self)
            return
        if self._outcome is not None or self._receive is None or self._process is None:
            return
        try:
            self._outcome = self._receive.recv()
        except (EOFError, OSError):  # the child died without a word (killed, out of memory)
            stopped = _("a part of the work stopped unexpectedly; run the command again")
            self._outcome = (False, ProcesskitError(stopped))
        finally:
            self._receive.close()
            self._process.join()

    def result(self) -> R:
        self.wait()
        assert self._outcome is not None
        returned, value = self._outcome
        if not returned:
            raise value
        return value  # type: ignore[no-any-return]


def _outcome(work: Callable[[], Any], language: Language) -> tuple[bool, Any]:
    with i18n.speaking(language):
        try:
            return True, work()
        except BaseException as error:  # handed to result(), in the caller
            return False, error


def _child(work: Callable[[], Any], send: Connection, language: Language) -> None:
    returned, value = _outcome(work, language)
    if not returned:
        try:  # an error that does not come back whole is sent as its words
            pickle.loads(pickle.dumps(value))
        except Exception:
            value = ProcesskitError(str(value))
    try:
        send.send((returned, value))
    finally:
        send.close()


def settle() -> None:
    """Wait for all work running in threads: called before forking workers."""
    with _LOCK:
        running = list(_RUNNING)
    for work in running:
        work.wait()
