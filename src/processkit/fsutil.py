"""Writing files so that a reader never sees half of one."""

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


def write_atomic_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, then move it into place.

    The file gets the mode an ordinary new file would (0666 less the umask), not the private
    0600 of a temporary file.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomic(target: Path, text: str) -> None:
    """Write ``text`` as UTF-8 with LF line ends, atomically (see ``write_atomic_bytes``)."""
    write_atomic_bytes(target, text.encode("utf-8"))
