"""A run of its own reads git beside its load: in a child forked before the load, which loads
the repository itself from the parse store (``publishing._read_beside``). What the child read
is taken only where it loaded the same files; the site is the same either way."""

from __future__ import annotations

import multiprocessing
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import KALMAR
from tests.site.test_site_build import snapshot
from tests.test_changelog_support import GitRepo, kalmar_history

from processkit.cache import CACHE_FOLDER
from processkit.cli import publishing
from processkit.cli.publishing import PublishBlocked, PublishRequest, publish
from processkit.loading.load import PARSED
from processkit.loading.parse import Remembered

#: A commit only the copy the child is made to load has.
ONLY_IN_THE_COPY = "Ändrat bara i kopian"


@pytest.fixture
def kalmar_git(tmp_path: Path) -> GitRepo:
    return kalmar_history(tmp_path, KALMAR)[0]


def _spy(monkeypatch: pytest.MonkeyPatch) -> tuple[list[bool], list[int]]:
    """Each run's first build in a fresh process (``_READ`` emptied before each publish by
    the caller); whether a child began before the load, and how often this process read git
    itself (the children's reads are not counted here)."""
    began: list[bool] = []
    read_here = [0]
    real_beside = publishing._read_beside
    real_read = publishing.read_history

    def beside(*args: Any) -> Any:
        made = real_beside(*args)
        began.append(made is not None)
        return made

    def read(*args: Any, **kwargs: Any) -> Any:
        read_here[0] += 1
        return real_read(*args, **kwargs)

    monkeypatch.setattr(publishing, "_read_beside", beside)
    monkeypatch.setattr(publishing, "read_history", read)
    return began, read_here


def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a process of its own: no build before in it."""
    monkeypatch.setattr(publishing, "_READ", [None, None, None])


def test_with_the_parse_store_git_is_read_by_a_child_that_loads_beside(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    began, read_here = _spy(monkeypatch)
    _fresh(monkeypatch)
    cold = publish(PublishRequest(kalmar_git.root, tmp_path / "cold")).output
    _fresh(monkeypatch)
    again = publish(PublishRequest(kalmar_git.root, tmp_path / "again")).output
    # the first had no parse store: git was read by a child forked after the load
    assert began == [False, True]
    assert read_here == [0]  # both read in children
    assert snapshot(again) == snapshot(cold)
    assert multiprocessing.active_children() == []


def test_what_the_child_read_of_other_files_is_read_again_here(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changed between the child's load and the build's: the child's reading is
    thrown away and git is read again for what the build loaded."""
    _fresh(monkeypatch)
    cold = publish(PublishRequest(kalmar_git.root, tmp_path / "cold")).output
    # the child is made to load a copy with one more commit, which changed a file
    copy = tmp_path / "copy"
    shutil.copytree(kalmar_git.top, copy)
    other = GitRepo.__new__(GitRepo)
    other.top, other.root = copy, copy / kalmar_git.root.relative_to(kalmar_git.top)
    process = next((other.root / "processes").rglob("*.yaml"))
    text = process.read_text(encoding="utf-8")
    process.write_text(text.replace("purpose: ", "purpose: Ändrat. ", 1), encoding="utf-8")
    other.commit(ONLY_IN_THE_COPY, "2026-11-22")
    real = publishing._load_and_read

    def load_the_copy(load_from: Path, cache_dir: Path, read: Callable[..., Any]) -> Any:
        return real(other.root, cache_dir, read)

    monkeypatch.setattr(publishing, "_load_and_read", load_the_copy)
    began, read_here = _spy(monkeypatch)
    _fresh(monkeypatch)
    again = publish(PublishRequest(kalmar_git.root, tmp_path / "again")).output
    assert began == [True]
    assert read_here == [1]
    pages = snapshot(again)
    assert not any(ONLY_IN_THE_COPY.encode() in content for content in pages.values())
    assert pages == snapshot(cold)


def test_a_load_with_errors_stops_the_child(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh(monkeypatch)
    publish(PublishRequest(kalmar_git.root, tmp_path / "site"))
    (kalmar_git.root / "roles" / "broken.yaml").write_text("kind: role\nid: [\n", "utf-8")
    real = publishing._load_and_read

    def slow(*args: Any) -> Any:  # still loading when the build's load has found the error
        time.sleep(60)
        return real(*args)

    monkeypatch.setattr(publishing, "_load_and_read", slow)
    began, _read_here = _spy(monkeypatch)
    _fresh(monkeypatch)
    started = time.monotonic()
    with pytest.raises(PublishBlocked):
        publish(PublishRequest(kalmar_git.root, tmp_path / "site"))
    assert began == [True]
    assert multiprocessing.active_children() == []
    assert time.monotonic() - started < 30


def test_no_child_loads_beside_serve_or_a_site_of_the_past(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh(monkeypatch)
    publish(PublishRequest(kalmar_git.root, tmp_path / "site"))  # the parse store is there
    began, _read_here = _spy(monkeypatch)
    _fresh(monkeypatch)
    publish(PublishRequest(kalmar_git.root, tmp_path / "serve", remembered=Remembered()))
    # a second build in one process takes what the first read, or reads after its load
    publish(PublishRequest(kalmar_git.root, tmp_path / "second"))
    _fresh(monkeypatch)
    publish(PublishRequest(kalmar_git.root, tmp_path / "past", at="HEAD~1"))
    assert began == [False]  # asked by the second only (serve and the past do not ask)
    assert multiprocessing.active_children() == []


def test_no_child_loads_beside_where_the_parse_store_is_another_version_s(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade the store cannot be read: the child would parse every file alone."""
    _fresh(monkeypatch)
    publish(PublishRequest(kalmar_git.root, tmp_path / "site"))
    store = kalmar_git.root / CACHE_FOLDER / PARSED
    first, rest = store.read_bytes().split(b"\n", 1)
    assert first.startswith(b"processkit parsed files store ")
    store.write_bytes(b"processkit parsed files store 0 0.0.1 3.11.0\n" + rest)
    began, _read_here = _spy(monkeypatch)
    _fresh(monkeypatch)
    publish(PublishRequest(kalmar_git.root, tmp_path / "site"))
    _fresh(monkeypatch)
    publish(PublishRequest(kalmar_git.root, tmp_path / "site"))  # the store written anew
    assert began == [False, True]
