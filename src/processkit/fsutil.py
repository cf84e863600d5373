"""Writing files so that a reader never sees half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomic(target: Path, text: str) -> None:
    """Write ``text`` as UTF-8 with LF line ends, atomically (see ``write_atomic_bytes``)."""
    write_atomic_bytes(target, text.encode("utf-8"))
