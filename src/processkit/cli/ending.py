"""How the ``processkit`` command ends its process: at once, once all it made is written.

A Python that ends lets go of every object still held, one by one, module by module, before
the process gives its memory back. After a publish of 5,000 processes that is millions of
objects (the repository, the pages' records, the maps' keys): ending the process at once
(``os._exit``), the repository kept to then, took a publish after one change 2.23 s against
2.30 s (12 rounds taking turns, faster in 8), and 0.80 s against 0.83 s at 1,000 (faster in
all 12). Of what Python does as it ends, what processkit's work needs is still done, in the
order Python does it: the functions registered with ``atexit`` run (they remove temporary
folders still held and end the children of ``multiprocessing``), then standard output and
error are flushed. What is not done: the objects still held are not let go of (their
``__del__`` is not called: processkit writes every file it makes in full before the command
returns), and the process does not wait for threads that are not daemons. So it ends as
Python ends it, waiting, where such a thread still runs (a ``concurrent.futures`` pool not
shut down); where the status is not a number; where a profiler, a tracer or ``python -i``
waits for the end of the program; and where standard output or error cannot be flushed (a
reader that closed its end of a pipe), which Python tells of, ending with status 120.

``keep`` holds what a one-off command loaded to that end, so that it is not let go of when
the command returns either. Only ``arm`` (the ``processkit`` command, ``cli.main.entry``)
makes it keep anything: the tests call the commands in one process, which goes on."""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from typing import NoReturn

#: What the command keeps to the end of the process, by what it is (one of each).
_KEPT: dict[str, object] = {}
#: Whether the process ends with the command (``arm``).
_ARMED = [False]


def arm() -> None:
    """The process ends with this command (``end``): what it ``keep``s is held to then."""
    _ARMED[0] = True


def collect_again() -> None:
    """Turn the collector of cycles on again after a command that turned it off. Where the
    process ends with the command (``arm``), what the command made is moved out of its sight
    first (``gc.freeze``): its first collection would look through all of it, for nothing
    (0.07 s after a publish of 5,000 processes, just before the process ends)."""
    if _ARMED[0]:
        gc.freeze()
    gc.enable()


def keep(name: str, value: object) -> None:
    """Hold ``value`` (what the command loaded) to the end of the process, in place of what
    was held under ``name``, where the process ends with the command; else nothing."""
    if _ARMED[0]:
        _KEPT[name] = value


def end(code: object) -> NoReturn:
    """End the process with the exit status ``code`` (``SystemExit.code``), at once where
    nothing is left to wait for (see the module's text), else as Python ends it."""
    status = 0 if code is None else code
    if not isinstance(status, int) or _waited_for() or not _flushed():
        raise SystemExit(code)
    atexit._run_exitfuncs()
    os._exit(status if _flushed() else _NOT_FLUSHED)


#: The status of a Python whose output could not be flushed as it ended.
_NOT_FLUSHED = 120


def _waited_for() -> bool:
    """Whether the end of the program is waited for: by a thread that is not a daemon and
    runs besides this one, by a profiler or a tracer, or by ``python -i``."""
    main = threading.main_thread()
    if any(thread is not main and not thread.daemon for thread in threading.enumerate()):
        return True
    return sys.getprofile() is not None or sys.gettrace() is not None or bool(sys.flags.inspect)


def _flushed() -> bool:
    """Standard output and error flushed, each tried; False where one could not be."""
    flushed = True
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a pipe closed by its reader, a stream closed
            flushed = False
    return flushed
