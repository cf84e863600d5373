"""Writing files so that a reader never sees half of one, and reading many small files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _file_mode() -> int:
    """The mode a new file gets here (0o666 less the umask), read once: setting the umask to
    read it is not safe while other threads create files."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


FILE_MODE = _file_mode()

#: How much ``read_bytes`` asks for at a time: a whole entity file at once, nearly always.
READ_CHUNK = 1 << 16
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


#: What tells one version of a file from the next without reading it: its modification and
#: change times, its size and its inode (a file replaced by a rename has a new one).
Signature = tuple[int, int, int, int]


def signature(info: os.stat_result) -> Signature:
    return (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)


def read_bytes(place: str) -> bytes:
    """The bytes of the file at ``place``, as ``open(place, "rb").read()`` gives them (and
    raising the same OSError), through the system's calls alone: no file object made and
    thrown away for each of the thousands of small files of a repository."""
    handle = os.open(place, _READ_FLAGS)
    try:
        chunks = []
        while chunk := os.read(handle, READ_CHUNK):
            chunks.append(chunk)
    finally:
        os.close(handle)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


def write_bytes(place: str, data: bytes) -> None:
    """``data`` written to the file at ``place``, made or emptied first, as
    ``Path(place).write_bytes(data)`` writes it (and raising the same OSError, but with the
    file named where the system names none: a full disk), through the system's calls alone:
    a site of 5,000 processes writes 11,000 pages and feeds."""
    view = memoryview(data)  # what is not bytes is refused before the file is emptied
    handle = os.open(place, _WRITE_FLAGS, 0o666)
    try:
        try:
            while view:
                view = view[os.write(handle, view) :]
        finally:
            os.close(handle)  # (a network drive may tell a full disk only here)
    except OSError as problem:
        _name(problem, place)
        raise


def _name(problem: OSError, place: str | Path, *, instead: bool = False) -> None:
    """Name the file ``problem`` is about, where the system did not (a write refused by a
    full disk names none), or ``instead`` of the one it named (a temporary file): the one
    line that tells it (``errors.refusal``) names the file."""
    if problem.filename is None or instead:
        problem.filename = os.fspath(place)


def folder_made(place: str, made: set[str]) -> None:
    """Make the folder of the file at ``place`` (a path as text), where ``made`` (the folders
    made so far, by the caller's process) does not hold it: one look for each folder of the
    thousands of pages, feeds and entries a build from nothing writes."""
    folder = os.path.dirname(place)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)


def read_at_most(place: Path | str, limit: int) -> bytes:
    """The bytes of the file at ``place``, or its first ``limit + 1`` where it holds more (so
    that the caller can tell it is too large); never waiting for a writer (a named pipe) nor
    reading without end (a link to a device). Raises OSError as ``open`` does."""
    handle = os.open(place, _READ_FLAGS | getattr(os, "O_NONBLOCK", 0))
    try:
        chunks = []
        left = limit + 1
        while left > 0:
            try:
                chunk = os.read(handle, min(left, READ_CHUNK))
            except BlockingIOError:  # a pipe that nothing writes to
                break
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(handle)
    return b"".join(chunks)


def write_atomic_bytes(target: Path, data: bytes, *, folder_made: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``target``, then move it into place; its
    folder is made first, unless the caller made it (``folder_made``).

    The file gets the mode an ordinary new file would (0666 less the umask), not the private
    0600 of a temporary file.
    """
    if not folder_made:
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as problem:
        _name(problem, target, instead=True)
        raise
    try:
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
        except OSError as problem:
            _name(problem, target, instead=True)
            raise
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomic(target: Path, text: str, *, folder_made: bool = False) -> None:
    """Write ``text`` as UTF-8 with LF line ends, atomically (see ``write_atomic_bytes``)."""
    write_atomic_bytes(target, text.encode("utf-8"), folder_made=folder_made)
