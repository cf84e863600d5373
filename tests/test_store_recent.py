"""A large store that changes little between runs (the parse store, the page records, the
maps' keys) is written whole once, then only what changed since, to a small file beside it;
whatever is written, what is read back is the values written last (issue 17)."""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import processkit.cache as cache_module
from processkit.cache import read_store, readable_store, recent_path, write_store

NAME = "test"


@pytest.fixture(autouse=True)
def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """What this process holds a store's file to be, as a new process holds it: nothing."""
    monkeypatch.setattr(cache_module, "_WHOLE", {})


def _another_process() -> None:
    cache_module._WHOLE.clear()


def _large(count: int = 200) -> dict[str, Any]:
    return {
        "name": "butiken",
        "pages": {f"p{number}": (f"key{number}", b"x" * 40) for number in range(count)},
        "roles": {f"r{number}": {"a": number} for number in range(20)},
    }


def _seen(path: Path) -> tuple[int, int, bytes]:
    info = os.stat(path)
    return info.st_ino, info.st_mtime_ns, path.read_bytes()


def test_what_changed_is_written_beside_the_store_and_read_back_with_it(tmp_path: Path) -> None:
    path = tmp_path / "store.bin"
    values = _large()
    assert write_store(path, NAME, values, recent=True)
    assert not recent_path(path).exists() and readable_store(path, NAME)
    whole = _seen(path)
    _another_process()
    assert read_store(path, NAME) == values
    changed = _large()
    changed["pages"]["p3"] = ("key3b", b"y")  # changed
    changed["pages"]["new"] = ("new", b"")  # added
    del changed["pages"]["p7"]  # left out
    changed["roles"]["r2"] = {"b": 1}  # a dict within a dict, changed
    del changed["roles"]["r4"]["a"]  # emptied
    changed["name"] = "torget"
    assert write_store(path, NAME, changed, recent=True)
    assert _seen(path) == whole  # the file written whole is left as it was
    assert recent_path(path).stat().st_size < 400
    assert read_store(path, NAME) == changed
    _another_process()
    assert read_store(path, NAME) == changed
    # written again from a new process: what changed since the file was written whole
    again = {**changed, "pages": {**changed["pages"], "p9": ("key9b", b"z")}}
    assert write_store(path, NAME, again, recent=True)
    assert _seen(path) == whole
    _another_process()
    assert read_store(path, NAME) == again


def test_much_changed_writes_the_store_whole_again(tmp_path: Path) -> None:
    path = tmp_path / "store.bin"
    write_store(path, NAME, _large(), recent=True)
    _another_process()
    read_store(path, NAME)
    changed = _large()
    for number in range(20):  # more than a twentieth of 220 entries
        changed["pages"][f"p{number}"] = ("other", b"")
    write_store(path, NAME, changed, recent=True)
    assert not recent_path(path).exists()
    _another_process()
    assert read_store(path, NAME) == changed
    small = {"pages": {"a": 1, "b": 2}}  # too few entries to be worth it
    write_store(path, NAME, small, recent=True)
    write_store(path, NAME, {"pages": {"a": 1, "b": 3}}, recent=True)
    assert not recent_path(path).exists()
    assert read_store(path, NAME) == {"pages": {"a": 1, "b": 3}}


def test_a_store_written_whole_by_another_run_meanwhile_is_written_whole(tmp_path: Path) -> None:
    path = tmp_path / "store.bin"
    write_store(path, NAME, _large(), recent=True)
    _another_process()
    read_store(path, NAME)  # this run reads it
    held = cache_module._WHOLE.copy()
    _another_process()  # another run writes it whole, with other values
    other = _large(300)
    write_store(path, NAME, other, recent=True)
    cache_module._WHOLE.clear()
    cache_module._WHOLE.update(held)
    changed = _large()
    changed["pages"]["p1"] = ("changed", b"")
    write_store(path, NAME, changed, recent=True)  # not as a change of the file it read
    assert not recent_path(path).exists()
    _another_process()
    assert read_store(path, NAME) == changed


def test_a_store_read_again_while_unchanged_is_not_read_from_its_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store this process read whole (the parse store, which the process that reads git
    beside a publish reads to load and again for the file versions) is taken as read, with
    what changed since laid over it, until another run writes it anew; each read is a copy
    of its own."""
    path = tmp_path / "store.bin"
    values = _large()
    write_store(path, NAME, values, recent=True)
    changed = _large()
    changed["pages"]["p3"] = ("key3b", b"y")
    write_store(path, NAME, changed, recent=True)  # the change beside it
    _another_process()
    reads: list[str] = []
    plain = Path.read_bytes

    def counted(self: Path) -> bytes:
        reads.append(self.name)
        return plain(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    first = read_store(path, NAME)
    assert first == changed and reads == ["store.bin", "store.bin.recent"]
    first["pages"]["p1"] = ("mine", b"")
    first["roles"]["r1"]["a"] = "mine"
    assert read_store(path, NAME) == changed
    assert reads == ["store.bin", "store.bin.recent", "store.bin.recent"]
    assert read_store(path, "another") == {}  # a file read as another store is read
    # another run writes it whole, with other values: read anew
    other = _large(300)
    data = cache_module._sealed(
        cache_module._stamp(NAME, " (whole)"), marshal.dumps({"token": "other", "values": other})
    )
    (tmp_path / "written").write_bytes(data)
    os.replace(tmp_path / "written", path)
    reads.clear()
    assert read_store(path, NAME) == other
    assert reads == ["store.bin", "store.bin.recent"]


@pytest.mark.parametrize(
    "left", ["another file's", "damaged", "of another store", "of another shape"]
)
def test_a_small_file_that_does_not_belong_to_the_store_is_not_read(
    tmp_path: Path, left: str
) -> None:
    """A small file of another whole one (a run stopped between writing the whole file and
    removing the small one), a damaged one, or one of another store, is read as none."""
    path = tmp_path / "store.bin"
    write_store(path, NAME, _large(), recent=True)
    changed = _large()
    changed["pages"]["p1"] = ("changed", b"")
    write_store(path, NAME, changed, recent=True)
    small = recent_path(path).read_bytes()
    values = _large(250)
    write_store(path, NAME, values, recent=True)  # whole: the small file removed
    if left == "another file's":
        recent_path(path).write_bytes(small)
    elif left == "damaged":
        recent_path(path).write_bytes(small[:-3])
    elif left == "of another shape":  # tied to the whole file, as no processkit writes it
        token = cache_module._WHOLE[path][1]
        shaped = {"token": token, "values": {"pages": {"p1": 1}}, "gone": {"pages": [1]}}
        stamp = cache_module._stamp(NAME, cache_module._RECENT_FORM)
        recent_path(path).write_bytes(cache_module._sealed(stamp, marshal.dumps(shaped)))
    else:
        other = tmp_path / "other.bin"
        write_store(other, "another", _large(), recent=True)
        write_store(other, "another", changed, recent=True)
        recent_path(path).write_bytes(recent_path(other).read_bytes())
    _another_process()
    assert read_store(path, NAME) == values


@pytest.mark.parametrize("form", ["plain", "whole", "recent", "in the file cache"])
@pytest.mark.parametrize("where", ["a value", "the check"])
def test_a_store_changed_on_disk_is_read_as_damaged(tmp_path: Path, form: str, where: str) -> None:
    """A byte of a store's file changed on disk, where marshal would still read it (a letter
    of a text), or in the CRC after its first line: the store is read as damaged, never as
    other values. Of a small file of what changed since, the whole file is read alone (what
    changed is worked out again)."""
    path = tmp_path / "store.bin"
    values = _large()
    changed = _large()
    if form == "whole":  # the text in the file written whole; what changed beside it
        values["pages"]["p2"] = changed["pages"]["p2"] = ("description", b"")
        changed["pages"]["p1"] = ("another", b"")
    else:
        changed["pages"]["p1"] = ("description", b"")
    if form == "plain":
        write_store(path, NAME, changed)
    elif form == "in the file cache":
        path.write_bytes(cache_module.store_bytes(NAME, changed))
    else:
        write_store(path, NAME, values, recent=True)
        write_store(path, NAME, changed, recent=True)
        assert recent_path(path).is_file()  # what changed, beside the file written whole
    damaged = recent_path(path) if form == "recent" else path
    data = damaged.read_bytes()
    if where == "a value":
        assert data.count(b"description") == 1
        data = data.replace(b"description", b"dDscription")
    else:
        at = data.index(b"\n") + 1
        data = data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :]
    damaged.write_bytes(data)
    _another_process()
    if form == "in the file cache":
        assert cache_module.stored_values(path.read_bytes(), NAME) == {}
    else:
        assert read_store(path, NAME) == (values if form == "recent" else {})


def test_a_damaged_store_is_read_as_empty_and_a_plain_one_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "store.bin"
    write_store(path, NAME, _large(), recent=True)
    path.write_bytes(path.read_bytes()[:-5])
    assert read_store(path, NAME) == {}
    assert not readable_store(tmp_path / "missing.bin", NAME)
    write_store(path, NAME, {"a": 1})  # a store written plainly is read as it is
    assert read_store(path, NAME) == {"a": 1} and readable_store(path, NAME)


def test_what_is_read_can_be_changed_without_changing_what_is_written_next(
    tmp_path: Path,
) -> None:
    """The values read are new dicts: a caller that changes them does not change what this
    process holds the file to be."""
    path = tmp_path / "store.bin"
    write_store(path, NAME, _large(), recent=True)
    _another_process()
    read = read_store(path, NAME)
    read["pages"].clear()
    read["roles"]["r1"]["a"] = "changed"
    changed = _large()
    changed["pages"]["p1"] = ("changed", b"")
    write_store(path, NAME, changed, recent=True)
    assert recent_path(path).exists()
    _another_process()
    assert read_store(path, NAME) == changed


_LEAVES = st.one_of(
    st.integers(0, 3),
    st.booleans(),
    st.sampled_from([0.0, 1.0, 2.5]),
    st.binary(max_size=2),
    st.text("ab", max_size=2),
    st.tuples(st.integers(0, 2), st.text("ab", max_size=1)),
    st.lists(st.integers(0, 2), max_size=2),
)
_STORES = st.dictionaries(
    st.sampled_from("abcdef"),
    st.one_of(_LEAVES, st.dictionaries(st.sampled_from("ghij"), _LEAVES, max_size=3)),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_STORES, st.booleans()), min_size=1, max_size=6))
def test_what_is_read_back_is_what_was_written_last(
    tmp_path_factory: pytest.TempPathFactory, writes: list[tuple[dict[str, Any], bool]]
) -> None:
    """Any series of stores written, some of them by a new process, reads back as the last."""
    path = tmp_path_factory.mktemp("series") / "store.bin"
    cache_module._WHOLE.clear()
    base = _large(100)  # large enough for a change to be written alone
    write_store(path, NAME, base, recent=True)
    for values, new_process in writes:
        if new_process:
            _another_process()
            read_store(path, NAME)
        written = {**base, "extra": values}
        write_store(path, NAME, written, recent=True)
        assert _typed(read_store(path, NAME)) == _typed(written)
        _another_process()
        assert _typed(read_store(path, NAME)) == _typed(written)


def _typed(values: Any) -> Any:
    """``values`` with the type of each value beside it (1, 1.0 and True are equal)."""
    if isinstance(values, dict):
        return {key: _typed(value) for key, value in values.items()}
    return (type(values).__name__, values)
