"""Errors that stop a command before it can do its work (exit status 2)."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from processkit.i18n import N_, _

if TYPE_CHECKING:
    from processkit.diagnostics import Diagnostic

#: Why the system refused a file, a folder or a port, in the user's words, by ``errno``; the
#: reasons not here are told in the system's own words (``reason``).
_REASONS = {
    errno.ENOENT: N_("it does not exist"),
    errno.EACCES: N_("permission is missing"),
    errno.EPERM: N_("permission is missing"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.ENOTDIR: N_("a part of its path is not a folder"),
    errno.EEXIST: N_("it exists already"),
    errno.ENOTEMPTY: N_("the folder is not empty"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EROFS: N_("the disk may only be read, not written to"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.ELOOP: N_("its path leads round in a circle of links"),
    errno.EMFILE: N_("too many files are open"),
    errno.ENFILE: N_("too many files are open"),
    errno.EIO: N_("the disk could not be read or written to"),
    errno.EBUSY: N_("another program is using it"),
    errno.EADDRINUSE: N_("another program is using the port"),
    errno.EADDRNOTAVAIL: N_("the address does not belong to this computer"),
    errno.ENOEXEC: N_("the program cannot be run on this computer"),
}


#: Windows' errors for a file another program holds open (an Excel file, for one): a
#: sharing violation and a lock violation, which Python reports as a missing permission.
_SHARING = (32, 33)


def reason(problem: OSError) -> str:
    """Why ``problem`` happened, in the language in use: for the common reasons, the
    catalogue's words; for the others, the system's own (``strerror``), in English."""
    if getattr(problem, "winerror", None) in _SHARING:
        return _(_REASONS[errno.EBUSY])
    known = _REASONS.get(problem.errno) if problem.errno is not None else None
    if known is not None:
        return _(known)
    return problem.strerror or type(problem).__name__


#: What the system refuses for a reason of the computer's, not of processkit's (``refusal``):
#: a full disk, a used-up quota, a disk that may only be read (these three only ever come of
#: writing), a missing permission, and a disk that fails (only where a file is named: a
#: terminal gone away fails so too). Too many files open is not among them: processkit
#: leaving files open would be a bug.
_WRITING = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})
_REFUSED = _WRITING | {errno.EACCES, errno.EPERM, errno.EIO}


def refusal(problem: BaseException) -> str | None:
    """What the system refused, in one line in the language in use, where ``problem`` is a
    failure of the computer's (``_REFUSED``) that nothing caught before: told as what it is
    (exit status 2), not as a bug to report; else None. The file named is the one written to
    where the system names two (a copy, a link, a move), and none that is not a path (a
    file's number)."""
    ssl = sys.modules.get("ssl")  # (not imported for this: a command that used none has none)
    if (
        not isinstance(problem, OSError)
        # the same numbers, said of a connection, not of a disk
        or isinstance(problem, ConnectionError)
        or (ssl is not None and isinstance(problem, ssl.SSLError))
        or problem.errno not in _REFUSED
    ):
        return None
    named = [
        place
        for place in (problem.filename2, problem.filename)
        if isinstance(place, (str, bytes, os.PathLike))
    ]
    why = reason(problem)
    if not named:
        if problem.errno == errno.EIO:
            return None
        return _("the work stopped: {problem}", problem=why)
    where = os.fsdecode(named[0])
    if problem.errno in _WRITING:
        return _("cannot write to {target}: {problem}", target=where, problem=why)
    return _("cannot open {target}: {problem}", target=where, problem=why)


class ProcesskitError(Exception):
    """A usage or configuration problem, told to the user in one line."""


class ConfigError(Exception):
    """``processkit.yaml`` is missing or invalid: the command cannot run (exit status 2).

    It lives here, not beside the loader that raises it, so that the command line can catch it
    without importing the loader (and pydantic) at start-up.
    """

    def __init__(self, diagnostics: list[Diagnostic], root: Path, text: str | None) -> None:
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics
        self.root = root
        self.text = text
