"""How the ``processkit`` command ends its process: at once, once all it made is written.

A Python that ends lets go of every object still held, one by one, module by module, before
the process gives its memory back. After a publish of 5,000 processes that is millions of
objects (the repository, the pages' records, the maps' keys): ending the process at once
(``os._exit``) took a publish after one change 2.15 s against 2.27 s (8 rounds each, taking
turns). What Python does as it ends is still done, in the order it does it: the functions
registered with ``atexit`` (which remove temporary folders still held, end the children of
``multiprocessing`` and wait for the threads of ``concurrent.futures``), then standard output
and error are flushed. Where a thread that is not a daemon still runs, or the output cannot be
flushed (a reader that closed its end of a pipe), or the status is not a number, the process
ends as Python ends it, which waits for the thread and tells of the output it could not write.

``keep`` holds what a command loaded to that end, so that it is not let go of when the command
returns either. Only ``arm`` (the ``processkit`` command, ``cli.main.entry``) makes it keep
anything: the tests call the commands in one process, which goes on."""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import NoReturn

#: What the command keeps to the end of the process, by what it is (one of each: ``serve``
#: builds again and again, and lets go of the repository it built before).
_KEPT: dict[str, object] = {}
#: Whether the process ends with the command (``arm``).
_ARMED = [False]


def arm() -> None:
    """The process ends with this command (``end``): what it ``keep``s is held to then."""
    _ARMED[0] = True


def keep(name: str, value: object) -> None:
    """Hold ``value`` (what the command loaded) to the end of the process, in place of what
    was held under ``name``, where the process ends with the command; else nothing."""
    if _ARMED[0]:
        _KEPT[name] = value


def end(code: object) -> NoReturn:
    """End the process with the exit status ``code`` (``SystemExit.code``), at once where
    nothing is left to wait for (see the module's text), else as Python ends it."""
    status = 0 if code is None else code
    if not isinstance(status, int) or _threads_running() or not _flushed():
        raise SystemExit(code)
    atexit._run_exitfuncs()
    _flushed()  # what those functions said; nothing is left to tell it otherwise
    os._exit(status)


def _threads_running() -> bool:
    """Whether a thread that is not a daemon runs besides this one."""
    main = threading.main_thread()
    return any(thread is not main and not thread.daemon for thread in threading.enumerate())


def _flushed() -> bool:
    """Standard output and error flushed; False where one of them could not be."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a pipe closed by its reader, a stream closed
        return False
    return True
