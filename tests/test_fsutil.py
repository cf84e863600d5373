"""``write_bytes`` writes a file as ``Path.write_bytes`` does: the same bytes, a file written
over made no longer than what it is given, the same mode and the same errors, but for a write
the disk refuses, which names the file."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from processkit.fsutil import READ_CHUNK, write_atomic_bytes, write_bytes


@pytest.mark.parametrize("size", [0, 1, READ_CHUNK + 1, 5 * READ_CHUNK + 3])
def test_write_bytes_writes_what_path_write_bytes_writes(tmp_path: Path, size: int) -> None:
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    ours, theirs = tmp_path / "ours.html", tmp_path / "theirs.html"
    for target in (ours, theirs):
        target.write_bytes(b"x" * (size + 1000))  # written over: made shorter
    write_bytes(os.fspath(ours), data)
    theirs.write_bytes(data)
    assert ours.read_bytes() == theirs.read_bytes() == data
    made, made_too = tmp_path / "new.html", tmp_path / "new-too.html"
    write_bytes(os.fspath(made), data)
    made_too.write_bytes(data)
    assert made.stat().st_mode == made_too.stat().st_mode


def test_write_bytes_into_a_missing_folder_raises_as_path_write_bytes(tmp_path: Path) -> None:
    missing = tmp_path / "gone" / "page.html"
    with pytest.raises(FileNotFoundError):
        missing.write_bytes(b"a")
    with pytest.raises(FileNotFoundError):
        write_bytes(os.fspath(missing), b"a")


def test_write_bytes_of_a_text_leaves_the_file_as_path_write_bytes_does(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours.html", tmp_path / "theirs.html"
    for target in (ours, theirs):
        target.write_bytes(b"old")
    with pytest.raises(TypeError):
        theirs.write_bytes("new")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        write_bytes(os.fspath(ours), "new")  # type: ignore[arg-type]
    assert ours.read_bytes() == theirs.read_bytes() == b"old"


FULL = "/dev/full"  # a device every write to which fails as on a full disk


@pytest.mark.skipif(not os.path.exists(FULL), reason="no /dev/full on this system")
def test_a_write_the_full_disk_refuses_names_the_file() -> None:
    """The system names no file when a full disk refuses a write (``Path.write_bytes`` raises
    ``[Errno 28] No space left on device`` alone): ours names it, for the one line a command
    then ends with."""
    with pytest.raises(OSError) as theirs:
        Path(FULL).write_bytes(b"sida")
    assert (theirs.value.errno, theirs.value.filename) == (errno.ENOSPC, None)
    with pytest.raises(OSError) as ours:
        write_bytes(FULL, b"sida")
    assert (ours.value.errno, ours.value.filename) == (errno.ENOSPC, FULL)


@pytest.mark.skipif(not os.path.exists(FULL), reason="no /dev/full on this system")
def test_an_atomic_write_the_full_disk_refuses_names_the_file_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temporary file written first is on a full disk (here: it writes to /dev/full): the
    error names the file that was to be written, and no file is left."""
    temporary = tmp_path / ".sida.html.tmp"
    temporary.write_bytes(b"")

    def on_a_full_disk(**kwargs: object) -> tuple[int, str]:
        return os.open(FULL, os.O_WRONLY), os.fspath(temporary)

    monkeypatch.setattr(tempfile, "mkstemp", on_a_full_disk)
    target = tmp_path / "sida.html"
    with pytest.raises(OSError) as refused:
        write_atomic_bytes(target, b"sida")
    assert (refused.value.errno, refused.value.filename) == (errno.ENOSPC, os.fspath(target))
    assert list(tmp_path.iterdir()) == []


def test_a_temporary_file_the_disk_refuses_is_told_by_the_file_it_was_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system names the temporary file it could not make; the error names the file that
    was to be written, which the user knows."""
    target = tmp_path / "sida.html"

    def refused(**kwargs: object) -> tuple[int, str]:
        raise OSError(errno.ENOSPC, "No space left on device", os.fspath(tmp_path / ".sida.x"))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(OSError) as told:
        write_atomic_bytes(target, b"sida")
    assert (told.value.errno, told.value.filename) == (errno.ENOSPC, os.fspath(target))
    assert list(tmp_path.iterdir()) == []
