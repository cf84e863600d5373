"""``write_bytes`` writes a file as ``Path.write_bytes`` does: the same bytes, a file written
over made no longer than what it is given, the same mode and the same errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from processkit.fsutil import READ_CHUNK, write_bytes


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
