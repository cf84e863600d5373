"""Work done in a thread of this process while the caller goes on (``Background``).

Publish reads git (subprocesses, mostly waiting) while it draws the maps. The thread speaks
the language spoken when it was started, whatever the caller speaks meanwhile (see
``i18n.speaking``). Worker processes are forked only once no such work runs (``settle``): a
child forked while another thread runs may start with a lock that thread held (in the
allocator, in OpenSSL), and hang.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from processkit import i18n

R = TypeVar("R")

#: The work started and not yet waited for.
_RUNNING: list[Background[Any]] = []
_LOCK = threading.Lock()


class Background(Generic[R]):
    """``work()`` run in a thread; ``result()`` waits for it and gives what it returned, or
    raises what it raised."""

    def __init__(self, work: Callable[[], R]) -> None:
        language = i18n.current()
        self._value: tuple[R] | None = None  # (what it returned,) once it returned
        self._error: BaseException | None = None

        def run() -> None:
            with i18n.speaking(language):
                try:
                    self._value = (work(),)
                except BaseException as error:  # handed to result(), in the caller's thread
                    self._error = error

        self._thread = threading.Thread(target=run, name="processkit-background", daemon=True)
        with _LOCK:
            _RUNNING.append(self)
        self._thread.start()

    def wait(self) -> None:
        """Wait until the work is done (what it raised is kept for ``result``)."""
        self._thread.join()
        with _LOCK:
            if self in _RUNNING:
                _RUNNING.remove(self)

    def result(self) -> R:
        self.wait()
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value[0]


def settle() -> None:
    """Wait for all work running in the background: called before forking workers."""
    with _LOCK:
        running = list(_RUNNING)
    for work in running:
        work.wait()
