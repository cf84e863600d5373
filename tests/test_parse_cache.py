"""The store of parsed files (issue 17): a file parsed once without a problem is not parsed
again while its bytes are the same; an edit, a damaged store or a read-only folder never
changes what is loaded."""

from __future__ import annotations

import hashlib
import json
import marshal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import KALMAR, count_store_reads, first_arguments

import processkit.cache as cache_module
from processkit import i18n
from processkit.cache import CACHE_FOLDER, read_store, write_store
from processkit.fsutil import READ_CHUNK, read_bytes
from processkit.loading import load as load_module
from processkit.loading import parse
from processkit.loading.load import PARSED, load_repository
from processkit.loading.yamlfile import read_yaml
from processkit.model import KINDS
from small_repo import BASE, PROCESS

#: Where a command keeps the files' signatures for the next (``parse.Signatures``).
SIGNED = parse.Signatures.FILE

MakeRepo = Callable[[dict[str, str | bytes]], Path]


def _loaded(root: Path, **options: Any) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """What a load gives that a user sees: each process's name, and every diagnostic."""
    result = load_repository(root, **options)
    names = {pid: record.entity.name for pid, record in result.repo.processes.items()}
    said = [(d.code, d.path, d.message) for d in result.diagnostics]
    return names, said


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed from their bytes, in order."""
    parsed: list[str] = []
    original = parse.parse_bytes

    def counting(relative: str, data: bytes, keeps: bool = False) -> parse.FileResult:
        parsed.append(relative)
        return original(relative, data, keeps)

    monkeypatch.setattr(parse, "parse_bytes", counting)
    return parsed


def test_a_second_load_parses_nothing_and_gives_the_same(
    make_repo: MakeRepo, counted: list[str]
) -> None:
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    first = _loaded(root)
    assert sorted(counted) == sorted([*BASE, "processes/utreda.yaml"])
    assert (root / CACHE_FOLDER / PARSED).is_file()
    assert (root / CACHE_FOLDER / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    counted.clear()
    assert _loaded(root) == first
    assert counted == []


def test_an_edited_file_is_parsed_again_and_only_it(
    make_repo: MakeRepo, counted: list[str]
) -> None:
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    _loaded(root)
    counted.clear()
    path = root / "processes/utreda.yaml"
    path.write_text(PROCESS.replace("name: Utreda", "name: Utreda barnets behov"), "utf-8")
    names, said = _loaded(root)
    assert counted == ["processes/utreda.yaml"]
    assert names == {"utreda": "Utreda barnets behov"}
    assert said == []
    # the old contents are dropped from the store: it holds the repository as it is
    assert len(read_store(root / CACHE_FOLDER / PARSED, parse.ParseCache.NAME)) == 5


def test_a_load_that_keeps_nothing_reads_the_store_and_leaves_it_as_it_was(
    make_repo: MakeRepo, counted: list[str]
) -> None:
    """The second load ``publish`` makes beside its own (``keep=False``) takes what the store
    holds and writes nothing to it."""
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    store = root / CACHE_FOLDER / PARSED
    load_repository(root, keep=False)
    assert not store.exists()
    first = _loaded(root)
    stored = store.read_bytes()
    counted.clear()
    path = root / "processes/utreda.yaml"
    path.write_text(PROCESS.replace("name: Utreda", "name: Utreda barnets behov"), "utf-8")
    loaded = load_repository(root, keep=False)
    assert counted == ["processes/utreda.yaml"]
    assert loaded.repo.processes["utreda"].entity.name == "Utreda barnets behov"
    assert store.read_bytes() == stored
    assert first[0] == {"utreda": "Utreda"}


def test_a_load_that_may_parse_only_a_few_files_gives_up_where_the_store_lacks_more(
    make_repo: MakeRepo, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``few_fresh``: at most ``parse.fresh_limit`` files parsed afresh; where more are not in
    the store, NotInStore before any is parsed."""
    monkeypatch.setattr(parse, "FEW_FRESH", 1)
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    with pytest.raises(parse.NotInStore):
        load_repository(root, few_fresh=True)  # no store: every file would be parsed
    assert counted == []
    _loaded(root)
    counted.clear()
    path = root / "processes/utreda.yaml"
    path.write_text(PROCESS.replace("name: Utreda", "name: Utreda barnets behov"), "utf-8")
    loaded = load_repository(root, few_fresh=True)  # one not in the store: parsed
    assert counted == ["processes/utreda.yaml"]
    assert loaded.repo.processes["utreda"].entity.name == "Utreda barnets behov"
    (root / "roles").mkdir(exist_ok=True)
    (root / "roles" / "ny.yaml").write_text("kind: role\nid: ny\nname: Ny\n", "utf-8")
    path.write_text(PROCESS.replace("name: Utreda", "name: Utreda behoven"), "utf-8")
    counted.clear()
    with pytest.raises(parse.NotInStore):  # two: given up
        load_repository(root, few_fresh=True, keep=False)
    assert counted == []
    assert parse.fresh_limit(5000) == 100 and parse.fresh_limit(10) == 1


def test_a_file_with_problems_is_never_stored_and_speaks_the_language_of_the_day(
    make_repo: MakeRepo, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS + "purpose: [\n"})
    _, english = _loaded(root)
    assert [code for code, _, _ in english] == ["PK002"]
    counted.clear()
    monkeypatch.setenv("PROCESSKIT_LANG", "sv")
    i18n.forget()
    _, swedish = _loaded(root)
    assert counted == ["processes/utreda.yaml"]
    assert english[0][2] == "the value of `purpose` starts with `[` but has no closing `]`"
    assert swedish[0][2] == "värdet i `purpose` börjar med `[` men saknar ett avslutande `]`"


def test_a_damaged_or_foreign_store_is_read_as_empty(
    make_repo: MakeRepo, counted: list[str]
) -> None:
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    first = _loaded(root)
    store = root / CACHE_FOLDER / PARSED
    for damage in (store.read_bytes()[:-40], b"processkit parsed files store 0 0.0 3.0\n{}", b""):
        store.write_bytes(damage)
        counted.clear()
        assert _loaded(root) == first
        assert len(counted) == 5


def test_a_load_reads_each_entry_out_of_the_store_as_it_makes_its_entity(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The values of one file are let go of once its entity is made, not held beside all the
    entities (at 5,000 processes 57 MiB more, and 0.07 s of a load)."""
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    first = _loaded(root)
    done: list[str] = []
    result, add = parse.ParseCache.result, load_module._add_entity

    def reading(store: parse.ParseCache, relative: str, digest: bytes) -> Any:
        done.append("read out")
        return result(store, relative, digest)

    def adding(repo: Any, result: parse.FileResult, *args: Any) -> Any:
        done.append("made")
        return add(repo, result, *args)

    monkeypatch.setattr(parse.ParseCache, "result", reading)
    monkeypatch.setattr(load_module, "_add_entity", adding)
    assert _loaded(root) == first
    assert done == ["read out", "made"] * 5


def test_a_stored_entry_cannot_be_changed_by_what_a_command_does_with_its_values(
    make_repo: MakeRepo,
) -> None:
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    result = load_repository(root)
    result.repo.processes["utreda"].entity.activities.clear()
    names, _ = _loaded(root)
    again = load_repository(root)
    assert len(again.repo.processes["utreda"].entity.activities) == 2
    assert names == {"utreda": "Utreda"}


def test_without_a_cache_folder_the_repository_is_read_all_the_same(
    make_repo: MakeRepo, counted: list[str], tmp_path: Path
) -> None:
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    nowhere = tmp_path / "a-file" / "cache"  # cannot be made: a file stands in the way
    assert _loaded(root, cache_dir=nowhere)[0] == {"utreda": "Utreda"}
    assert _loaded(root, cache_dir=nowhere)[0] == {"utreda": "Utreda"}
    assert len(counted) == 10


def test_a_store_that_cannot_be_written_is_left_and_the_load_goes_on(
    make_repo: MakeRepo, counted: list[str], tmp_path: Path
) -> None:
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / PARSED).mkdir()  # a folder where the store's file should be
    assert _loaded(root, cache_dir=blocked)[0] == {"utreda": "Utreda"}
    assert _loaded(root, cache_dir=blocked)[0] == {"utreda": "Utreda"}
    assert len(counted) == 10  # parsed twice: nothing could be kept


def test_the_store_keeps_only_what_it_was_given(tmp_path: Path) -> None:
    path = tmp_path / "store.bin"
    write_store(path, "test", {b"a": b"1", "b": [1, 2.5, None, "å"]})
    assert read_store(path, "test") == {b"a": b"1", "b": [1, 2.5, None, "å"]}
    assert read_store(path, "another") == {}


def test_a_store_written_later_waits_for_the_command_to_wait(tmp_path: Path) -> None:
    """Within ``writing_later`` (a publish), a store written ``later`` (one the next command
    reads) is written when ``write_waiting`` is called, while the command waits for Pagefind,
    or when the block ends; any other store, and every store outside the block, at once. An
    inner block leaves them to the outer one. Until it is written, the store is read as what
    is to be written."""
    from processkit.cache import write_waiting, writing_later

    now, later, last = tmp_path / "now.bin", tmp_path / "later.bin", tmp_path / "last.bin"
    with writing_later():
        write_store(now, "test", {"a": 1})
        write_store(later, "test", {"b": 2}, later=True)
        assert now.is_file() and not later.exists()
        # read meanwhile (by the history read beside the build): what is to be written
        assert (read_store(later, "test"), read_store(later, "other")) == ({"b": 2}, {})
        write_waiting()
        assert read_store(later, "test") == {"b": 2}
        with writing_later():
            write_store(last, "test", {"c": 3}, later=True)
        assert not last.exists()  # the outer block's to write
    assert read_store(last, "test") == {"c": 3}
    outside = tmp_path / "outside.bin"
    write_store(outside, "test", {"d": 4}, later=True)
    assert read_store(outside, "test") == {"d": 4}
    assert cache_module._WAITING is None


def test_a_load_inside_a_publish_writes_its_store_when_the_publish_waits(
    make_repo: MakeRepo,
) -> None:
    """The store of parsed files is one of those written ``later``: a load within
    ``writing_later`` leaves it to the end of the block (or to ``write_waiting``), and what
    is written is what a load outside writes."""
    from processkit.cache import writing_later

    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    stored = root / CACHE_FOLDER / PARSED
    with writing_later():
        first = _loaded(root)
        assert not stored.exists()
    written = read_store(stored, parse.ParseCache.NAME)
    stored.unlink()
    assert _loaded(root) == first
    assert read_store(stored, parse.ParseCache.NAME) == written != {}


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files read from disk, in order (with ``counted``: read, then parsed or not)."""
    done: list[str] = []
    original = parse._read

    def reading(place: str, relative: str) -> bytes | parse.FileResult:
        done.append(relative)
        return original(place, relative)

    monkeypatch.setattr(parse, "_read", reading)
    return done


class Settling:
    """Time passing for the loads (``parse.SETTLED_NS``, judged from when a load begins by
    the later of a file's modification and change times). Called with files (every file below
    a folder), it puts their times back a minute (their change time is now: a signature kept
    before no longer holds for them) and the loads' clock a minute on, so that every file
    written so far counts as settled; ``now`` puts the clock back, so that a file written
    after counts as just written."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import time
        from types import SimpleNamespace

        self.ahead = 0
        clock = SimpleNamespace(time_ns=lambda: time.time_ns() + self.ahead)
        monkeypatch.setattr(parse, "time", clock)

    def __call__(self, *paths: Path) -> None:
        import os
        import time

        past = time.time() - 60
        for path in paths:
            for found in [path] if path.is_file() else path.rglob("*"):
                if found.is_file():
                    os.utime(found, (past, past))
        self.ahead = 60 * 10**9

    def now(self) -> None:
        self.ahead = 0


@pytest.fixture
def settle(monkeypatch: pytest.MonkeyPatch) -> Settling:
    return Settling(monkeypatch)


def test_serve_keeps_the_repository_between_loads_and_reads_only_what_changed(
    make_repo: MakeRepo,
    counted: list[str],
    read: list[str],
    monkeypatch: pytest.MonkeyPatch,
    settle: Settling,
) -> None:
    """``serve`` loads with ``Remembered``: the store stays in memory (``parsed.bin`` is not
    read again) and a file whose signature is unchanged is not read again. Each load gives
    what a load that keeps nothing gives: after an edit, a new file, a removed one, a file
    that gets a problem and one that loses it."""
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    settle(root)
    kept = parse.Remembered()
    first = _loaded(root, remembered=kept)
    assert len(set(read)) == 5
    stores = count_store_reads(monkeypatch, cache_module)
    read.clear()
    counted.clear()
    assert _loaded(root, remembered=kept) == first
    assert (read, counted, stores) == ([], [], [])
    assert _loaded(root) == first  # a command's first load reads them all
    assert len(stores) == 2 and len(read) == 5  # the parse store and the signatures
    read.clear()
    assert _loaded(root) == first  # the next command reads none: their signatures are kept
    assert read == []

    utreda = root / "processes/utreda.yaml"
    edits: list[Callable[[], object]] = [
        lambda: utreda.write_text(PROCESS.replace("name: Utreda", "name: Utreda mer"), "utf-8"),
        lambda: (root / "processes/ny.yaml").write_text(
            PROCESS.replace("id: utreda", "id: ny").replace("name: Utreda", "name: Ny"), "utf-8"
        ),
        lambda: (root / "processes/ny.yaml").unlink(),
        lambda: utreda.write_text(PROCESS + "purpose: [\n", "utf-8"),
        lambda: utreda.write_text(PROCESS, "utf-8"),
    ]
    for edit in edits:
        edit()
        read.clear()
        remembered_load = _loaded(root, remembered=kept)
        # the file changed, and the one changed before (it was too new to be remembered)
        assert set(read) <= {"processes/utreda.yaml", "processes/ny.yaml"}
        assert remembered_load == _loaded(root)
        settle(*[path for path in (utreda, root / "processes/ny.yaml") if path.exists()])


def test_a_file_changed_just_now_is_read_again_and_forget_drops_a_signature(
    make_repo: MakeRepo, read: list[str], monkeypatch: pytest.MonkeyPatch, settle: Settling
) -> None:
    """A file written within ``SETTLED_NS`` of being read is not remembered: a coarse clock
    could give its next version the same signature. And what the watcher saw change is
    forgotten, whatever its signature says."""
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    kept = parse.Remembered()
    _loaded(root, remembered=kept)
    read.clear()
    _loaded(root, remembered=kept)
    assert sorted(read) == sorted([*BASE, "processes/utreda.yaml"])  # all just written
    settle(root)
    _loaded(root, remembered=kept)
    read.clear()
    _loaded(root, remembered=kept)
    assert read == []
    # a signature that cannot tell two versions apart (same size, times put back)
    utreda = root / "processes/utreda.yaml"
    monkeypatch.setattr(parse, "_signature", lambda info: (info.st_size, info.st_ino))
    _loaded(root, remembered=kept)  # remembered under that signature
    utreda.write_text(PROCESS.replace("name: Utreda", "name: Abcdef"), "utf-8")
    settle(root)
    assert _loaded(root, remembered=kept)[0] == {"utreda": "Utreda"}  # not seen: same size
    kept.forget([utreda])
    assert _loaded(root, remembered=kept)[0] == {"utreda": "Abcdef"}


def test_a_command_reads_only_the_files_whose_signature_changed_since_the_last(
    make_repo: MakeRepo, read: list[str], counted: list[str], settle: Settling
) -> None:
    """A command keeps each file's signature with the hash of its bytes (``signatures.bin``):
    the next reads only the files whose signature changed, and gives what a load that reads
    them all gives. A file written just now is read again next time too; one rewritten in
    place with its old modification time and size (as ``rsync -t --inplace`` does) has a new
    signature all the same, and counts as just written."""
    import os

    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    settle(root)
    first = _loaded(root)
    assert len(set(read)) == 5 and len(counted) == 5
    signed = read_store(root / CACHE_FOLDER / SIGNED, parse.Signatures.NAME)
    assert sorted(signed) == sorted(
        os.path.join(os.fspath(root.resolve()), path) for path in [*BASE, "processes/utreda.yaml"]
    )
    read.clear()
    assert _loaded(root) == first
    assert read == []

    settle.now()
    utreda = root / "processes/utreda.yaml"
    utreda.write_text(PROCESS.replace("name: Utreda", "name: Utreda mer"), "utf-8")
    for _ in range(2):  # written just now: read, and not kept
        read.clear()
        assert _loaded(root)[0] == {"utreda": "Utreda mer"}
        assert read == ["processes/utreda.yaml"]
    settle(utreda)
    read.clear()
    assert _loaded(root)[0] == {"utreda": "Utreda mer"}
    assert read == ["processes/utreda.yaml"]  # its times were set: a new signature
    read.clear()
    _loaded(root)
    assert read == []

    # new bytes of the same size, in place, the modification time put back: only the change
    # time tells, and the file counts as just written (read again next time too)
    settle.now()
    before = utreda.stat()
    utreda.write_text(PROCESS.replace("name: Utreda", "name: Abcdef mer"), "utf-8")
    os.utime(utreda, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = utreda.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    for _ in range(2):
        read.clear()
        assert _loaded(root)[0] == {"utreda": "Abcdef mer"}
        assert read == ["processes/utreda.yaml"]

    # a file removed is let go of: the store holds the repository as it is
    (root / "processes/utreda.yaml").unlink()
    assert _loaded(root) == _loaded(root / "processes", parallel=False, cache_dir=root / "x")
    signed = read_store(root / CACHE_FOLDER / SIGNED, parse.Signatures.NAME)
    assert len(signed) == len(BASE)


def test_a_process_that_keeps_signatures_in_memory_begins_with_those_a_command_kept(
    make_repo: MakeRepo, read: list[str], settle: Settling
) -> None:
    """``serve``'s first load reads only the files whose signature changed since the last
    command, and leaves the signatures that command kept as they are."""
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    settle(root)
    first = _loaded(root)  # a command: it keeps the signatures
    signed = root / CACHE_FOLDER / SIGNED
    stored = signed.read_bytes()
    read.clear()
    kept = parse.Remembered()
    assert _loaded(root, remembered=kept) == first
    assert read == []
    assert _loaded(root, remembered=kept) == first  # and from memory after
    assert read == []
    utreda = root / "processes/utreda.yaml"
    utreda.write_text(PROCESS.replace("name: Utreda", "name: Abcdef"), "utf-8")
    settle(utreda)
    kept = parse.Remembered()
    assert _loaded(root, remembered=kept)[0] == {"utreda": "Abcdef"}
    assert read == ["processes/utreda.yaml"]
    read.clear()
    assert _loaded(root, remembered=kept)[0] == {"utreda": "Abcdef"}
    assert read == []
    assert signed.read_bytes() == stored


@pytest.mark.parametrize(
    "stored",
    [b"not a store", "not a signature", "not a hash", ["not", "a", "hash"], b"\0" * 32],
    ids=[
        "damaged",
        "a-value-of-another-shape",
        "a-hash-that-is-not-bytes",
        "a-hash-that-is-a-list",
        "a-hash-the-parse-store-does-not-hold",
    ],
)
def test_signatures_that_cannot_be_used_are_read_as_none(
    make_repo: MakeRepo, read: list[str], stored: bytes | str | list[str], settle: Settling
) -> None:
    """A damaged signature store, one whose entry has another shape (written by hand, or by
    another version), or one whose hash the parse store does not hold (it was removed): the
    file is read, and the load is right."""
    import os

    from processkit.fsutil import signature

    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    settle(root)
    first = _loaded(root)
    path = root / CACHE_FOLDER / SIGNED
    place = os.path.join(os.fspath(root.resolve()), "processes/utreda.yaml")
    if stored == b"not a store":
        path.write_bytes(stored)
    else:  # under the signature the file has: only what it holds cannot be used
        entry = stored if stored == "not a signature" else (signature(os.stat(place)), stored)
        write_store(path, parse.Signatures.NAME, {place: entry})
    read.clear()
    assert _loaded(root) == first
    assert "processes/utreda.yaml" in read


def test_a_load_beside_a_publish_uses_the_signatures_and_leaves_them_as_they_are(
    make_repo: MakeRepo, read: list[str], settle: Settling
) -> None:
    """The load a publish makes beside its own (``keep=False``) reads only what changed,
    as the publish's own load does, and writes neither store: the publish's load does."""
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    settle(root)
    _loaded(root)
    signed = (root / CACHE_FOLDER / SIGNED).read_bytes()
    utreda = root / "processes/utreda.yaml"
    utreda.write_text(PROCESS.replace("name: Utreda", "name: Utreda mer"), "utf-8")
    settle(utreda)
    read.clear()
    assert _loaded(root, keep=False)[0] == {"utreda": "Utreda mer"}
    assert read == ["processes/utreda.yaml"]
    assert (root / CACHE_FOLDER / SIGNED).read_bytes() == signed


def test_a_load_that_keeps_its_store_writes_it_at_its_first_load_only(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, settle: Settling
) -> None:
    """With ``Remembered`` (``serve``), ``parsed.bin`` is written by the first load, not by
    the loads after an edit (the whole store, megabytes, for one file): the next command
    parses the files edited meanwhile, and writes the store as the repository is then."""
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    settle(root)
    written: list[Path] = []
    original = cache_module.write_store

    def writing(path: Path, name: str, values: dict[Any, Any], **options: bool) -> None:
        written.append(path)
        original(path, name, values, **options)

    monkeypatch.setattr(cache_module, "write_store", writing)
    kept = parse.Remembered()
    _loaded(root, remembered=kept)
    assert written == [root / CACHE_FOLDER / PARSED]
    _loaded(root, remembered=kept)
    utreda = root / "processes/utreda.yaml"
    utreda.write_text(PROCESS.replace("name: Utreda", "name: Utreda mer"), "utf-8")
    assert _loaded(root, remembered=kept)[0] == {"utreda": "Utreda mer"}
    assert _loaded(root, remembered=kept)[0] == {"utreda": "Utreda mer"}
    assert len(written) == 1
    assert _loaded(root)[0] == {"utreda": "Utreda mer"}  # a command after serve
    assert written[1:] == [root / CACHE_FOLDER / PARSED, root / CACHE_FOLDER / SIGNED]
    # and the store holds the repository as it is: five files, the old version let go
    assert len(read_store(root / CACHE_FOLDER / PARSED, parse.ParseCache.NAME)) == 5


def test_a_file_replaced_while_it_is_read_is_read_again_next_time(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, settle: Settling
) -> None:
    """The signature remembered is the one looked at before the file was read: a copy that
    keeps the old modification time (``cp -p``, a sync client) landing while it is read shows
    as a new signature next time."""
    import os

    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    settle(root)
    utreda = root / "processes/utreda.yaml"
    old_time = utreda.stat().st_mtime
    original = parse._read

    def read_then_replaced(place: str, relative: str) -> bytes | parse.FileResult:
        data = original(place, relative)
        if relative == "processes/utreda.yaml":
            copy = utreda.with_name("copy.tmp")
            copy.write_text(PROCESS.replace("name: Utreda", "name: Abcdef"), "utf-8")
            os.utime(copy, (old_time, old_time))
            os.replace(copy, utreda)
        return data

    _loaded(root)  # the store holds the file as it is
    (root / CACHE_FOLDER / SIGNED).unlink()  # no signature kept: the file is read
    kept = parse.Remembered()
    monkeypatch.setattr(parse, "_read", read_then_replaced)
    assert _loaded(root, remembered=kept)[0] == {"utreda": "Utreda"}  # as it was read
    monkeypatch.setattr(parse, "_read", original)
    assert _loaded(root, remembered=kept)[0] == {"utreda": "Abcdef"}


@pytest.mark.parametrize("size", [0, 1, 2_000, READ_CHUNK - 1, READ_CHUNK, 3 * READ_CHUNK + 7])
def test_a_file_is_read_whole_whatever_its_size(tmp_path: Path, size: int) -> None:
    """Files are read through the system's calls (``fsutil.read_bytes``): every byte, as
    ``open`` reads them, however many reads it takes."""
    data = (bytes(range(256)) * (size // 256 + 1))[:size]  # every byte value, CR and LF too
    place = tmp_path / "file.yaml"
    place.write_bytes(data)
    assert read_bytes(str(place)) == place.read_bytes() == data


def test_a_file_that_cannot_be_read_raises_what_open_raises(tmp_path: Path) -> None:
    for place in (tmp_path / "missing.yaml", tmp_path):
        with pytest.raises(OSError) as opened:
            open(place, "rb").read()  # noqa: SIM115
        with pytest.raises(OSError) as read:
            read_bytes(str(place))
        assert (type(read.value), read.value.strerror) == (
            type(opened.value),
            opened.value.strerror,
        )


def test_serve_makes_an_entity_only_of_a_file_it_has_not_made_before(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With ``Remembered`` the entity made of a file is kept by the hash of its bytes: the next
    load takes it as it is, an edited file is made again, a file with a problem is not kept,
    and what the last load did not use is let go (the memory holds the repository as it
    is)."""
    made: list[str] = []

    def counting(kind: str) -> type[Any]:
        model = KINDS[kind]

        class Counted(model):  # type: ignore[valid-type, misc]
            @classmethod
            def model_validate(cls, value: Any, **options: Any) -> Any:
                made.append(value["id"])
                return model.model_validate(value, **options)

        return Counted

    monkeypatch.setattr(load_module, "KINDS", {kind: counting(kind) for kind in KINDS})
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    kept = parse.Remembered()
    first = _loaded(root, remembered=kept)
    files = len(made)
    assert files == len(BASE) + 1  # the process too
    made.clear()
    assert _loaded(root, remembered=kept) == first
    assert made == []
    utreda = root / "processes/utreda.yaml"
    utreda.write_text(PROCESS.replace("name: Utreda", "name: Utreda mer"), "utf-8")
    assert _loaded(root, remembered=kept)[0] == {"utreda": "Utreda mer"}
    assert made == ["utreda"]
    made.clear()
    utreda.write_text(PROCESS + "purpose: [\n", "utf-8")
    broken = _loaded(root, remembered=kept)
    assert broken[0] == {} and made == [] and len(kept.entities) == files - 1
    assert broken == _loaded(root)
    made.clear()
    utreda.write_text(PROCESS, "utf-8")  # its first version, let go while it was broken
    assert _loaded(root, remembered=kept) == first
    assert made == ["utreda"] and len(kept.entities) == files


def _entry(root: Path, relative: str) -> tuple[Any, ...]:
    """The parse store's entry of the file ``relative``, as marshal wrote it."""
    entries = read_store(root / CACHE_FOLDER / PARSED, parse.ParseCache.NAME)
    found: tuple[Any, ...] = marshal.loads(entries[_digest(root, relative)])
    return found


def _digest(root: Path, relative: str) -> bytes:
    return hashlib.sha256((root / relative).read_bytes()).digest()


def _everything(root: Path, **options: Any) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """Every entity a load makes, by kind and id (with its file, and every value as JSON
    writes it: ``1``, ``true`` and ``1.0`` apart), and every diagnostic as a user sees it."""
    result = load_repository(root, **options)
    entities = {
        f"{kind}:{record.entity.id}": (record, _written(record))
        for kind, record in result.repo.all_records()
    }
    said = [(d.code, d.path, d.line, d.column, d.message, d.hint) for d in result.diagnostics]
    return entities, said


def _written(record: Any) -> tuple[str, str, str]:
    """A record's file, hash and entity, each value as JSON writes it."""
    return record.path, record.digest, record.entity.model_dump_json()


@pytest.fixture
def from_json(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The kind of each entity a load makes straight from its JSON text, in order."""
    return first_arguments(monkeypatch, load_module, "_from_json")


def test_a_value_json_holds_as_it_is_is_stored_as_json_and_made_straight_from_it(
    make_repo: MakeRepo, from_json: list[str]
) -> None:
    """The store keeps such a value as JSON text with its kind; the next load makes the entity
    from the text (pydantic reads it without Python values in between), equal to the one
    made from the file, with the same ``x-`` keys."""
    process = PROCESS + "x-anteckning: [1, {a: b}]\nversion: 3\n"
    root = make_repo({**BASE, "processes/utreda.yaml": process})
    first = _everything(root)
    text, extensions, kind = _entry(root, "processes/utreda.yaml")
    assert kind == "process" and extensions == {"x-anteckning": [1, {"a": "b"}]}
    assert json.loads(text)["activities"][0] == {
        "id": "planera",
        "name": "Planera",
        "role": "ss",
        "next": ["besluta"],
    }
    from_json.clear()
    again = _everything(root)
    assert sorted(from_json) == sorted(["area", "person", "role", "handbook", "process"])
    assert again == first
    assert again[0]["process:utreda"][0].entity.version == "3"


@pytest.mark.parametrize(
    ("written", "kept", "stored"),
    [
        # a number with a fraction: pydantic writes 2.5 into a text field as Python does,
        ("version: 2.5", "2.5", True),
        ("version: 1e+20", "1e+20", True),  # but not this one (100000000000000000000)
        ("version: !!float 3.5", "3.5", True),
        ("x-mått: 0.5", None, True),  # in an ``x-`` key too
        # a number written otherwise than Python writes it: marshal cannot hold it
        ("version: 2.10", "2.10", False),
        ("version: 0x1F", "0x1F", False),
    ],
)
def test_a_value_json_would_change_is_stored_as_it_was_read(
    make_repo: MakeRepo, counted: list[str], written: str, kept: str | None, stored: bool
) -> None:
    root = make_repo({**BASE, "processes/utreda.yaml": f"{PROCESS}{written}\n"})
    first = _everything(root)
    if stored:
        value, _extensions = _entry(root, "processes/utreda.yaml")
        assert isinstance(value, dict) and value["id"] == "utreda"
    else:
        with pytest.raises(KeyError):
            _entry(root, "processes/utreda.yaml")
    counted.clear()
    assert _everything(root) == first
    assert counted == ([] if stored else ["processes/utreda.yaml"])
    assert first[0]["process:utreda"][0].entity.version == kept


def test_the_loader_tells_whether_json_holds_every_value_as_it_is() -> None:
    def plain(text: str) -> bool:
        parsed = read_yaml("a.yaml", text.encode("utf-8"))
        assert parsed.diagnostics == []
        return parsed.plain

    assert plain("a: 1\nb: text\nc: true\nd: null\ne: [1, {f: -2}]\ng: '2.5'\nh: !!int 7\n")
    for number in ("2.5", "2.10", "1e3", "0x1F", "0o17", ".inf", ".nan", "!!float 3", "007"):
        assert not plain(f"a: [{{b: {number}}}]\n"), number


def test_an_entity_that_does_not_fit_its_model_is_told_alike_from_the_store(
    make_repo: MakeRepo, counted: list[str]
) -> None:
    """Its value is stored as JSON all the same (the file read without a problem); the model
    refuses the text, and the entity is made from the value as read from the file: the same
    messages, at the same lines, in the same words, and nothing parsed again."""
    broken = PROCESS.replace("status: approved", "status: klar").replace("type: core\n", "")
    root = make_repo({**BASE, "processes/utreda.yaml": broken, "roles/fel.yaml": "kind: roll\n"})
    first = _everything(root)
    assert [said[0] for said in first[1]] == ["PK010", "PK011", "PK005"]
    assert isinstance(_entry(root, "processes/utreda.yaml")[0], bytes)
    counted.clear()
    assert _everything(root) == first
    assert counted == []


def test_a_store_changed_on_disk_is_parsed_anew_not_read_as_other_files(
    make_repo: MakeRepo, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A letter changed in the parse store's file on disk (marshal would read it, and the
    activity would be named so): the store is read as damaged, every file is parsed anew,
    and what the load makes and says is as from the files."""
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    first = _everything(root)
    store = root / CACHE_FOLDER / PARSED
    data = store.read_bytes()
    assert data.count(b"Planera") == 1
    store.write_bytes(data.replace(b"Planera", b"Plxnera"))
    monkeypatch.setattr(cache_module, "_WHOLE", {})  # as a new process holds it
    counted.clear()
    assert _everything(root) == first
    assert sorted(counted) == sorted([*BASE, "processes/utreda.yaml"])


@pytest.mark.parametrize(
    "entry",
    [
        b"not what marshal wrote",
        (b'{"kind":', {}, "process"),  # JSON text cut short
        (b"{}", {}, 5),  # a kind that is no text
        (b"{}", [], "process"),  # ``x-`` keys that are no mapping
        (b"{}", {}),  # no kind
        ([1], {}),  # a value that is no mapping
        ({"kind": "process"}, {}, "process"),
        7,
        # JSON text that reads, but not as a mapping
        (b"5", {}, "process"),
        (b"null", {}, "process"),
        (b"[]", {}, "process"),
        (b'""', {}, "process"),
        (b"[" * 100_000 + b"]" * 100_000, {}, "process"),  # deeper than Python reads
    ],
)
def test_an_entry_written_by_another_hand_has_its_file_parsed_anew(
    make_repo: MakeRepo, counted: list[str], monkeypatch: pytest.MonkeyPatch, entry: Any
) -> None:
    """An entry is read out of the store only as its file is given to the load: one that
    cannot be (not what marshal writes, or not as this store writes one) has its file parsed
    then, and kept anew as parsed; what the load makes is as from the file, and nothing goes
    wrong on the way. A load that may parse only a few files gives up there, before the file
    is parsed, and leaves the store as it was (the one such load, the child that loads
    beside a publish, then tells nothing)."""
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    first = _everything(root)
    store = root / CACHE_FOLDER / PARSED
    entries = read_store(store, parse.ParseCache.NAME)
    digest = _digest(root, "processes/utreda.yaml")
    entries[digest] = damaged = entry if isinstance(entry, bytes) else marshal.dumps(entry)
    write_store(store, parse.ParseCache.NAME, entries)
    counted.clear()
    with monkeypatch.context() as patched:
        patched.setattr(parse, "FEW_FRESH", 0)  # none may be parsed afresh
        with pytest.raises(parse.NotInStore):
            load_repository(root, few_fresh=True, keep=False)
    assert counted == []
    assert read_store(store, parse.ParseCache.NAME)[digest] == damaged
    assert _everything(root) == first
    assert counted == ["processes/utreda.yaml"]
    counted.clear()
    assert _everything(root) == first
    assert counted == []  # kept again as parsed


def test_the_example_loads_alike_from_the_store_each_entity_made_from_json(
    tmp_path: Path, from_json: list[str]
) -> None:
    """Every file of the example is stored as JSON text, and each entity made from it is
    equal to the one made from the file (every field, every nested list and mapping)."""
    first = load_repository(KALMAR, cache_dir=tmp_path)
    assert from_json == []  # all parsed from the files
    again = load_repository(KALMAR, cache_dir=tmp_path)
    records = sorted(first.repo.all_records(), key=lambda pair: pair[1].path)
    assert sorted(again.repo.all_records(), key=lambda pair: pair[1].path) == records
    written = sorted(_written(record) for _, record in first.repo.all_records())
    assert sorted(_written(record) for _, record in again.repo.all_records()) == written
    assert len(from_json) == len(records) == first.repo.files - 1
    assert again.diagnostics == first.diagnostics == []
