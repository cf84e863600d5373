"""The store of parsed files (issue 17): a file parsed once without a problem is not parsed
again while its bytes are the same; an edit, a damaged store or a read-only folder never
changes what is loaded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from processkit import i18n
from processkit.cache import CACHE_FOLDER, read_store, write_store
from processkit.loading import parse
from processkit.loading.load import PARSED, load_repository
from small_repo import BASE, PROCESS

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

    def counting(relative: str, data: bytes) -> parse.FileResult:
        parsed.append(relative)
        return original(relative, data)

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
