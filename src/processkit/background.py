"""Work done beside the caller, which goes on meanwhile (``Background``).

Publish reads git (subprocesses, and Python reading what they say) while it draws the maps.
Where processes can be forked, the work runs in a forked child process and sends back what it
returned: it then uses a core of its own, and the caller starts no thread for it, so the map
workers it forks next cannot inherit a lock held by that thread (in the allocator, in
OpenSSL) and hang. Elsewhere it runs in a thread, and nothing is forked.

Either way the work speaks the language spoken when it was started (see ``i18n.speaking``).
``settle`` waits for work in threads: called before any fork, should one run.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from typing import Any, Generic, Protocol, TypeVar

from processkit import i18n
from processkit.errors import ProcesskitError
from processkit.i18n import _
from processkit.model.kinds import Language

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)
#: Whether work runs in a forked process (else in a thread).
FORK = "fork" in multiprocessing.get_all_start_methods()

#: The work in threads started and not yet waited for.
_RUNNING: list[Background[Any]] = []
_LOCK = threading.Lock()


class Pending(Protocol[R_co]):
    """Work under way beside the caller (a ``Background``, or what stands for one)."""

    def result(self) -> R_co:
        """Wait for the work and give what it gave (or raise what it raised)."""
        ...

    def stop(self) -> None:
        """End the work where it is (the caller failed meanwhile)."""
        ...


class Background(Generic[R]):
    """``work()`` run beside the caller; ``result()`` waits for it and gives what it returned
    (which must pickle, when it ran in a child process), or raises what it raised (with the
    child's traceback as its cause). With ``thread`` False (``forked``), work that cannot be
    run in a child is not run at all."""

    def __init__(self, work: Callable[[], R], *, thread: bool = True) -> None:
        language = i18n.current()
        self._outcome: tuple[bool, Any] | None = None  # (returned, value or error)
        #: what the work handed over before it ended (``hand_over``), once it did
        self._part: list[Any] = []
        self._thread: threading.Thread | None = None
        self._handed = threading.Event()  # in a thread: handed over, or ended
        self._process: multiprocessing.process.BaseProcess | None = None
        self._receive: Connection | None = None
        if (FORK and self._fork(work, language)) or not thread:
            return

        def handed(value: Any) -> None:
            self._part.append(value)
            self._handed.set()

        def run() -> None:
            _LOCAL.hand_over = handed
            try:
                self._outcome = _outcome(work, language)
            finally:
                self._handed.set()

        self._thread = threading.Thread(target=run, name="processkit-background", daemon=True)
        with _LOCK:
            _RUNNING.append(self)
        self._thread.start()

    @classmethod
    def forked(cls, work: Callable[[], R]) -> Background[R] | None:
        """``work`` in a forked child, or None where no process can be forked (never in a
        thread: for work that is worth doing only beside the caller)."""
        made = cls(work, thread=False)
        return made if made._process is not None else None

    def _fork(self, work: Callable[[], R], language: Language) -> bool:
        """Start the work in a forked child; False where no process can be made now (the
        system's limit of processes, or of memory): the work then runs in a thread, or not
        at all (``forked``)."""
        context = multiprocessing.get_context("fork")
        try:
            receive, send = context.Pipe(duplex=False)
        except OSError:
            return False
        process = context.Process(
            target=_child, args=(work, receive, send, language), name="processkit-background"
        )
        # ended with this process should it end first (so it may not start processes of its
        # own through multiprocessing: reading git starts none)
        process.daemon = True
        try:
            process.start()
        except OSError:
            receive.close()
            send.close()
            return False
        send.close()  # the child's end: its end of file tells of a child that died
        self._process, self._receive = process, receive
        return True

    def wait(self) -> None:
        """Wait until the work is done (what it gave is kept for ``result``). Interrupted
        (Ctrl-C), it ends the child and lets the interruption through."""
        if self._thread is not None:
            self._thread.join()
            with _LOCK:
                if self in _RUNNING:
                    _RUNNING.remove(self)
            return
        while self._outcome is None and self._receive is not None:
            self._take()

    def ended(self) -> bool:
        """Whether the work has ended, asked without waiting (what the child said so far is
        taken)."""
        if self._thread is not None:
            return not self._thread.is_alive()
        while self._outcome is None and self._receive is not None and self._receive.poll():
            self._take()
        return self._outcome is not None

    def part(self) -> Any | None:
        """What the work handed over before it ended (``hand_over``), waiting for it; None
        where it ended (or failed) without handing anything over."""
        if self._thread is not None:
            self._handed.wait()
        while not self._part and self._outcome is None and self._receive is not None:
            self._take()
        return self._part[0] if self._part else None

    def _take(self) -> None:
        """Take what the child says next: a part handed over, or the outcome (then the
        child is waited for). Interrupted (Ctrl-C), it ends the child and lets the
        interruption through."""
        assert self._process is not None and self._receive is not None
        process, receive = self._process, self._receive
        try:
            kind, value = receive.recv()
        except (EOFError, OSError):  # the child died without a word (killed, out of memory)
            kind, value = _OUTCOME, _stopped()
        except BaseException:
            process.terminate()  # it may be writing to the pipe no one will read
            receive.close()
            process.join()
            raise
        if kind == _PART:
            self._part.append(value)
            return
        self._outcome = value
        receive.close()
        process.join()

    def stop(self) -> None:
        """End the work where it is (the caller failed meanwhile): the child is ended; a
        thread, which cannot be, is waited for."""
        if self._process is not None and self._outcome is None:
            self._process.terminate()
            self._outcome = _stopped()
            if self._receive is not None:
                self._receive.close()
            self._process.join()
        self.wait()

    def result(self) -> R:
        self.wait()
        assert self._outcome is not None
        returned, value = self._outcome
        if returned:
            return value  # type: ignore[no-any-return]
        error, told = value if isinstance(value, tuple) else (value, None)
        if told is not None:  # as concurrent.futures does: the child's frames, in --debug
            raise error from _ChildTraceback(told)
        raise error


class _ChildTraceback(Exception):
    """Where in the child process an error was raised."""

    def __init__(self, told: str) -> None:
        super().__init__(told)
        self.told = told

    def __str__(self) -> str:
        return f"\n{self.told}"


def _stopped() -> tuple[bool, Any]:
    """The outcome of work whose child ended before it told what the work gave."""
    stopped = _("a part of the work stopped unexpectedly; run the command again")
    return False, ProcesskitError(stopped)


#: What a child sends: a part handed over, or the outcome of its work.
_PART = "part"
_OUTCOME = "outcome"
#: In a thread at work: ``hand_over`` for its ``Background``.
_LOCAL = threading.local()
#: In a child at work: where ``hand_over`` sends, and the thread sending what it was given.
_SENDING: list[Connection] = []
_HANDING: list[threading.Thread] = []


def hand_over(value: Any) -> None:
    """Called by work run beside the caller (``Background``): give ``value`` to the caller now,
    before the work ends (``Background.part``), once. It must pickle, as the result must. In
    a child, it is sent by a thread of its own while the work goes on (the pipe holds little:
    the sending waits for the caller to read), and the outcome after it. Elsewhere it does
    nothing."""
    if _SENDING:
        data = ForkingPickler.dumps((_PART, value))  # here: what it is made of may change next
        sending = threading.Thread(
            target=_send, args=(_SENDING[0], data), name="processkit-hand-over"
        )
        sending.start()
        _HANDING.append(sending)
        return
    handed = getattr(_LOCAL, "hand_over", None)
    if handed is not None:
        handed(value)


#: What work in a child holds to the child's end (``hold``).
_HELD: list[Any] = []


def hold(value: Any) -> None:
    """Called by work run beside the caller: in a child, hold ``value`` until the child ends,
    which it does at once when the outcome is sent (``os._exit``), so that what the work made
    is not let go of one object at a time while the caller waits for the outcome. Elsewhere
    (in a thread of the caller's process, which goes on) it does nothing."""
    if _SENDING:
        _HELD.append(value)


def _send(connection: Connection, data: bytes) -> None:
    """Send ``data``; where the caller is gone (a broken pipe), the work ends without a word."""
    try:
        connection.send_bytes(data)
    except OSError:
        return


def _outcome(work: Callable[[], Any], language: Language) -> tuple[bool, Any]:
    with i18n.speaking(language):
        try:
            return True, work()
        except BaseException as error:  # handed to result(), in the caller
            return False, error


def _child(
    work: Callable[[], Any], receive: Connection, send: Connection, language: Language
) -> None:
    """The child's life: the work, what it gave sent back, and an end without the clean-up
    of an exiting interpreter (its standard streams are not flushed: another thread of the
    parent may have held their lock when it was forked). Ctrl-C is the parent's to handle:
    it ends this child."""
    code = 0
    try:
        # Ctrl-C is not acted on here (a handler that does nothing, not SIG_IGN: the git
        # programs started from here take the usual one)
        signal.signal(signal.SIGINT, _ignore)
        receive.close()  # the parent's end: a parent that died leaves no reader
        _SENDING[:] = [send]
        returned, value = _outcome(work, language)
        for sending in _HANDING:  # what was handed over goes first
            sending.join()
        if not returned:
            value = (_sendable(value), "".join(traceback.format_exception(value)))
        try:
            send.send((_OUTCOME, (returned, value)))
        except Exception:  # what it returned does not pickle: a defect, told as one
            told = traceback.format_exc()
            failed = RuntimeError("the result could not be sent back")
            send.send((_OUTCOME, (False, (failed, told))))
    except BaseException:  # the parent is gone (a broken pipe), or anything else: just end
        code = 1
    finally:
        os._exit(code)


def _ignore(number: int, frame: object) -> None:
    """A signal handler that does nothing."""


def _sendable(error: BaseException) -> BaseException:
    """``error`` if it comes back whole through pickle, else one of the same weight: a
    ProcesskitError (told in one line) with its words, anything else an internal error."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        if isinstance(error, ProcesskitError):
            return ProcesskitError(str(error))
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def settle() -> None:
    """Wait for all work running in threads: called before forking workers."""
    with _LOCK:
        running = list(_RUNNING)
    for work in running:
        work.wait()
