"""A publish keeps the site it replaced in the cache folder, and the next run brings that site
up to date in place instead of linking every file into a new folder (``output.take_kept``,
``output.swap(keep_in=)``). Whatever happened in between, the site put in place is, file for
file and folder for folder, the one a new process makes with nothing cached."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import write_files
from tests.site.conftest import own_base_template
from tests.site.repos import INKOP, RICH
from tests.site.test_site_build import snapshot
from tests.site.test_site_cache import cold_build
from tests.test_changelog_support import GitRepo, epoch_at_noon

from processkit.cache import CACHE_FOLDER, read_store, write_store
from processkit.cli import publishing
from processkit.cli.publishing import PublishRequest, publish
from processkit.site import build as build_module
from processkit.site import output as output_module
from processkit.site import search as search_module
from processkit.site.output import KEPT_FILE, KEPT_FOLDER, SHOWN_FILE
from processkit.site.search import STAGED


@pytest.fixture
def made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """RICH, committed: its site has feeds too."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_at_noon("2026-03-10"))
    repo = GitRepo(tmp_path / "git")
    write_files(repo.root, RICH)
    repo.commit("Första versionen", "2026-01-10")
    return repo


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each run from now on with the repository's cache folder (not a build from
    nothing) found a kept site to bring up to date."""
    found: list[bool] = []
    real = output_module.take_kept

    def take(cache_dir: Path, output: Path) -> Any:
        spare = real(cache_dir, output)
        if cache_dir.name == ".processkit-cache":
            found.append(spare is not None)
        return spare

    monkeypatch.setattr(build_module, "take_kept", take)
    return found


@pytest.fixture
def links(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files linked from now on (the pages, feeds and search files taken from the cache,
    or put into it), not the copies of pages given to Pagefind (kept in the cache too), nor
    the fragments of a shard's last bundle put in its new one for Pagefind not to write them
    again (``search._reuse``: they stand for the files Pagefind would otherwise write)."""
    linked: list[str] = []
    real = os.link

    def link(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        parts = Path(target).parts
        staged = f"/{CACHE_FOLDER}/site/{STAGED}/" in os.fspath(target)
        staged = staged or any(part.startswith(".pagefind-") for part in parts)
        if not staged and not parts[-2].startswith(".processkit-probe-"):  # not a site's
            linked.append(os.fspath(target))
        real(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "link", link)
    reuse = search_module._reuse

    def reusing(output: Path, *args: Any, **kwargs: Any) -> dict[str, str]:
        reused = reuse(output, *args, **kwargs)
        for name in reused:
            linked.remove(os.fspath(output / "fragment" / f"{name}.pf_fragment"))
        return reused

    monkeypatch.setattr(search_module, "_reuse", reusing)
    return linked


def _run(root: Path, site: Path) -> None:
    """``processkit publish`` in a process of its own: nothing read before is kept in memory."""
    publishing._READ[:] = [None, None, None]
    publish(PublishRequest(root, site))


def _folders(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir())


def _as_from_nothing(root: Path, site: Path, tmp_path: Path) -> None:
    """The site at ``site`` is, file for file and folder for folder, the one made from nothing,
    and nothing is left beside it."""
    number = len(list(tmp_path.glob("cold-*")))  # as ``cold_build`` names its folder
    assert snapshot(site) == cold_build(root, tmp_path)
    assert _folders(site) == _folders(tmp_path / f"cold-{number}")
    assert [path.name for path in site.parent.iterdir() if path.name.startswith(".")] == []


def _across_mounts(monkeypatch: pytest.MonkeyPatch, moved: Callable[[Path, Path], bool]) -> None:
    """From now on a rename ``moved`` picks (by its source and target) fails as between two
    mounts of a file system: EXDEV."""
    real = os.replace

    def replace(source: Any, target: Any) -> None:
        if moved(Path(source), Path(target)):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)


def _edit(root: Path, path: str, old: str, new: str) -> None:
    target = root / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new), encoding="utf-8")


def test_a_publish_brings_the_site_the_run_before_replaced_up_to_date(
    made: GitRepo, tmp_path: Path, taken: list[bool], links: list[str]
) -> None:
    """Each run keeps the site it replaced in the cache folder; the next brings it up to date
    in place, linking only what changed. After each change (a text, a new process, a process
    removed, a new title for every page, a commit) the site is the one made from nothing."""
    root, site = made.root, tmp_path / "out" / "site"
    cache = root / ".processkit-cache"
    _run(root, site)
    first = len(links)
    assert first > 60  # every page, feed and search file, linked into a new folder
    assert not (cache / KEPT_FOLDER).exists() and (cache / SHOWN_FILE).is_file()
    _edit(root, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll")
    _run(root, site)
    assert (cache / KEPT_FOLDER / output_module.MARKER).is_file()
    assert (cache / KEPT_FILE).is_file()
    _as_from_nothing(root, site, tmp_path)
    steps: list[Callable[[], None]] = [
        lambda: _edit(root, "processes/barn/utredning.yaml", "från alla håll", "väl"),
        lambda: made.write({"processes/stod/inkop.yaml": INKOP}),
        lambda: (root / "processes/stod/inkop.yaml").unlink(),
        lambda: _edit(root, "processkit.yaml", "title:", "title: Ny"),
        lambda: made.commit("Ny titel och en bättre utredning", "2026-03-05", who="erik"),
    ]
    linked = []
    for step in steps:
        step()
        links.clear()
        _run(root, site)
        linked.append(len(links))
        _as_from_nothing(root, site, tmp_path)
        assert (cache / KEPT_FOLDER).is_dir()
    assert taken == [False, False] + [True] * len(steps)
    # a new text: its page and the search shards that hold it, a third of the files linked
    # by a run that makes its folder anew; a new title is on every page and in every shard
    assert linked[0] <= first / 3
    assert linked[3] == first


@pytest.mark.parametrize(
    "change",
    [
        "removed",
        "added",
        "saved over",
        "saved over, its folder's time put back",
        "folder removed",
        "folder's entries changed",
        "the site folder's entries changed",
    ],
)
def test_a_site_changed_by_hand_after_it_was_put_in_place_is_not_kept(
    made: GitRepo, tmp_path: Path, taken: list[bool], change: str
) -> None:
    """What a run put in place is noted, with every file's name and inode and the time each
    folder last changed. A file removed, one added, one saved over (another file in its place,
    seen by its folder's time and by its inode, each on its own), a folder removed, or a
    folder whose entries changed (an editor's file made and removed there, also in the site's
    own folder) since makes the next run delete that site, not keep it."""
    root, site = made.root, tmp_path / "site"
    cache = root / ".processkit-cache"
    _run(root, site)
    page = site / "processes/utredning.html"
    if change == "removed":
        page.unlink()
    elif change == "added":
        (site / "processes/extra.html").write_text("<p>Tillagd för hand</p>", encoding="utf-8")
    elif change.startswith("saved over"):
        folder = os.stat(page.parent)
        data = page.read_bytes()
        page.unlink()
        page.write_bytes(data.replace(b"allsidigt", b"grundligt"))
        if change.endswith("put back"):  # seen by the file's inode alone
            os.utime(page.parent, ns=(folder.st_atime_ns, folder.st_mtime_ns))
            assert os.stat(page.parent).st_mtime_ns == folder.st_mtime_ns
    elif change.endswith("entries changed"):
        where = site if change.startswith("the site") else site / "processes"
        lock = where / ".~lock.utredning.html#"
        lock.write_text("", encoding="utf-8")
        lock.unlink()
    else:
        for path in sorted((site / "roles").rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        (site / "roles").rmdir()
    _edit(root, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll")
    _run(root, site)
    assert not (cache / KEPT_FOLDER).exists() and not (cache / KEPT_FILE).exists()
    _as_from_nothing(root, site, tmp_path)
    _edit(root, "processes/barn/utredning.yaml", "från alla håll", "väl")
    _run(root, site)
    _as_from_nothing(root, site, tmp_path)
    assert taken == [False, False, False]
    _run(root, site)  # the site of the run before, not changed by hand: kept and taken
    assert taken[-1] is True
    _as_from_nothing(root, site, tmp_path)


@pytest.mark.parametrize("late", [False, True])
def test_each_run_notes_the_site_it_put_in_place_as_a_listing_of_it_finds_it(
    made: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, late: bool
) -> None:
    """The site a run puts in place is listed while Pagefind makes its last search bundles,
    and only the search folder and the site's own folder are listed again once they are
    made: the note holds what a listing of the whole site finds, from a run that makes the
    site from nothing and from one that brings the kept site up to date; also where the
    site's own folder changes after it was listed (``late``: as when Pagefind makes the
    search folder only then, in a build from nothing)."""
    root, site = made.root, tmp_path / "site"
    cache = root / ".processkit-cache"
    real = output_module.look_ahead

    def then_changed(built: Path, *args: Any, **kwargs: Any) -> output_module.Ahead:
        ahead = real(built, *args, **kwargs)
        (built / ".late").touch()  # an entry made and removed: the folder's time changes
        (built / ".late").unlink()
        return ahead

    if late:
        monkeypatch.setattr(build_module, "look_ahead", then_changed)
    for step in range(3):
        if step == 2:
            _edit(root, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst väl")
        _run(root, site)
        noted = read_store(cache / SHOWN_FILE, output_module._KEPT_STORE)
        assert noted["output"] == os.fspath(site.resolve())
        assert noted["listing"] == output_module._listing(os.fspath(site))
        assert any(path.startswith("pagefind/") for path in noted["listing"])


@pytest.mark.parametrize("change", ["added", "removed", "folder's entries changed"])
def test_a_site_changed_by_hand_while_a_run_makes_the_next_is_not_kept(
    made: GitRepo,
    tmp_path: Path,
    taken: list[bool],
    monkeypatch: pytest.MonkeyPatch,
    change: str,
) -> None:
    """The site a run replaces is listed and held to its note while Pagefind makes the new
    site's last search bundles; when the sites are swapped each of its folders is looked at
    again. A file added or removed, or an editor's file made and removed, in between makes
    it deleted, not kept."""
    root, site = made.root, tmp_path / "site"
    cache = root / ".processkit-cache"
    _run(root, site)
    real = output_module.look_ahead

    def meanwhile(*args: Any, **kwargs: Any) -> output_module.Ahead:
        ahead = real(*args, **kwargs)
        assert ahead.replaced is not None  # as noted when it was looked at
        folder = site / "roles"
        if change == "added":
            (folder / "extra.html").write_text("<p>Tillagd för hand</p>", encoding="utf-8")
        elif change == "removed":
            next(folder.glob("*.html")).unlink()
        else:
            lock = folder / ".~lock.extra.html#"
            lock.write_text("", encoding="utf-8")
            lock.unlink()
        return ahead

    _edit(root, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll")
    with monkeypatch.context() as patched:
        patched.setattr(build_module, "look_ahead", meanwhile)
        _run(root, site)
    assert not (cache / KEPT_FOLDER).exists() and not (cache / KEPT_FILE).exists()
    _as_from_nothing(root, site, tmp_path)
    _run(root, site)  # the site put in place meanwhile, not changed by hand: kept
    assert (cache / KEPT_FOLDER).is_dir() and (cache / KEPT_FILE).is_file()
    _run(root, site)  # and taken
    assert taken == [False, False, False, True]
    _as_from_nothing(root, site, tmp_path)


@pytest.mark.parametrize(
    "damage",
    ["missing", "cut short", "another folder", "not a site", "a file removed from it", "stays"],
)
def test_a_kept_site_not_as_noted_is_deleted_and_the_site_made_anew(
    made: GitRepo,
    tmp_path: Path,
    taken: list[bool],
    monkeypatch: pytest.MonkeyPatch,
    damage: str,
) -> None:
    """A kept site is used only as its note says: without a note, with a damaged one, with
    one of another folder (its inode), without the mark of a site, with a file removed from
    it in the cache folder (its folder's time), or where its note cannot be removed (a note
    that stays could be taken again), it is deleted."""
    root, site = made.root, tmp_path / "site"
    cache = root / ".processkit-cache"
    _run(root, site)
    _run(root, site)
    note = cache / KEPT_FILE
    if damage == "missing":
        note.unlink()
    elif damage == "cut short":
        note.write_bytes(note.read_bytes()[:-20])
    elif damage == "another folder":
        folder = cache / KEPT_FOLDER
        folder.rename(cache / "elsewhere")
        folder.mkdir()
        (folder / output_module.MARKER).write_text(output_module.MARKER_TEXT, encoding="utf-8")
    elif damage == "not a site":
        (cache / KEPT_FOLDER / output_module.MARKER).unlink()
    elif damage == "a file removed from it":
        (cache / KEPT_FOLDER / "processes" / "utredning.html").unlink()
    real = os.unlink

    def held(path: Any, *args: Any, **kwargs: Any) -> None:
        """A note another program holds open (on some systems it cannot be removed then)."""
        if Path(path).name == KEPT_FILE:
            raise PermissionError(errno.EACCES, "Permission denied")
        real(path, *args, **kwargs)

    _edit(root, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll")
    with monkeypatch.context() as patched:
        if damage == "stays":
            patched.setattr(os, "unlink", held)
        _run(root, site)
    assert taken == [False, False, False]
    _as_from_nothing(root, site, tmp_path)
    assert (cache / KEPT_FOLDER).is_dir()  # the site this run replaced, kept in its place


@pytest.mark.parametrize("killed", [False, True])
def test_a_run_that_fails_while_it_brings_the_kept_site_up_to_date_leaves_none_half_done(
    made: GitRepo,
    tmp_path: Path,
    taken: list[bool],
    monkeypatch: pytest.MonkeyPatch,
    killed: bool,
) -> None:
    """The note of a kept site is removed as a run begins to bring it up to date: a run that
    fails there leaves the site in place as it was, and no kept site for the next; one
    stopped before it could delete the folder it worked in (``killed``) leaves it beside the
    site, where a site made anew is made: the next run does not take it, and deletes it."""
    root, site = made.root, tmp_path / "site"
    cache = root / ".processkit-cache"
    _run(root, site)
    _run(root, site)
    before = snapshot(site)
    _edit(root, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll")

    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("the build fails here")

    with monkeypatch.context() as patched:
        patched.setattr(build_module, "render_page", broken)
        if killed:
            patched.setattr(output_module.shutil, "rmtree", lambda *args, **kwargs: None)
        with pytest.raises(RuntimeError):
            _run(root, site)
    assert snapshot(site) == before
    assert not (cache / KEPT_FOLDER).exists() and not (cache / KEPT_FILE).exists()
    # brought up to date beside the site, as a site made anew: a stopped run leaves it there
    left = [path for path in site.parent.iterdir() if path.name.startswith(".site.tmp-")]
    assert len(left) == killed
    _run(root, site)
    assert taken == [False, False, True, False]
    for folder in left:  # never taken again: deleted by the next run
        assert not folder.exists()
    assert not (cache / output_module.WORKING_FILE).exists()
    _as_from_nothing(root, site, tmp_path)


def test_a_new_site_left_half_made_by_a_stopped_run_is_deleted_by_the_next(
    made: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run stopped (killed, or out of memory) while it makes a site in a new folder beside
    the output leaves that folder; the cache notes where it is, and the next run deletes it.
    A run that ends notes none."""
    root, site = made.root, tmp_path / "site"
    cache = root / ".processkit-cache"

    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("the build stops here")

    with monkeypatch.context() as patched:
        patched.setattr(build_module, "render_page", broken)
        patched.setattr(output_module.shutil, "rmtree", lambda *args, **kwargs: None)
        with pytest.raises(RuntimeError):
            _run(root, site)
    (left,) = [path for path in site.parent.iterdir() if path.name.startswith(".site.tmp-")]
    assert not site.exists() and (cache / output_module.WORKING_FILE).is_file()
    _run(root, site)
    assert not left.exists() and not (cache / output_module.WORKING_FILE).exists()
    _as_from_nothing(root, site, tmp_path)


def test_a_site_left_replaced_by_a_stopped_run_is_deleted_by_the_next(
    made: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run stopped while it swaps the sites, after the new one is in place, leaves the one
    it replaced beside the output (``.site.old-…``); the next run deletes it."""
    root, site = made.root, tmp_path / "site"
    _run(root, site)
    _edit(root, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll")

    def stopped(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the run stops here")

    with monkeypatch.context() as patched:
        patched.setattr(output_module, "_keep_replaced", stopped)
        with pytest.raises(RuntimeError):
            _run(root, site)
    (left,) = [path for path in site.parent.iterdir() if path.name.startswith(".site.old-")]
    _run(root, site)
    assert not left.exists()
    _as_from_nothing(root, site, tmp_path)


def test_a_noted_folder_not_named_as_one_a_run_works_in_is_left_alone(
    made: GitRepo, tmp_path: Path
) -> None:
    """The note of the folders a run works in is only read, never trusted to name anything:
    a folder it names that is not called as a run's working folder is not deleted."""
    root, site = made.root, tmp_path / "site"
    _run(root, site)
    mine = tmp_path / "mine.tmp"
    mine.mkdir()
    odd = tmp_path / ".site.tmp-x" / "inside"
    odd.mkdir(parents=True)
    write_store(
        root / ".processkit-cache" / output_module.WORKING_FILE,
        output_module._KEPT_STORE,
        {"folders": [os.fspath(site), os.fspath(mine), os.fspath(odd), 7]},
    )
    _run(root, site)
    assert mine.is_dir() and odd.is_dir()
    output_module.shutil.rmtree(tmp_path / ".site.tmp-x")
    _as_from_nothing(root, site, tmp_path)


def test_without_the_cache_folders_lock_no_site_is_kept(
    made: GitRepo, tmp_path: Path, taken: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the cache folder cannot be locked (a system without ``fcntl``, a read-only lock
    file), runs may overlap: no run keeps, notes or deletes anything for another."""
    root, site = made.root, tmp_path / "site"
    cache = root / ".processkit-cache"

    @contextlib.contextmanager
    def unlocked(cache_dir: Path) -> Iterator[bool]:
        yield False

    monkeypatch.setattr(build_module, "_turn", unlocked)
    for _ in range(3):
        _run(root, site)
        kept = [KEPT_FOLDER, KEPT_FILE, SHOWN_FILE, output_module.WORKING_FILE]
        assert [name for name in kept if (cache / name).exists()] == []
    assert taken == []
    _as_from_nothing(root, site, tmp_path)


def test_where_the_replaced_site_cannot_be_moved_into_the_cache_it_is_deleted(
    made: GitRepo, tmp_path: Path, taken: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder on another file system than the site's: the replaced site cannot be
    renamed there, so it is deleted, and nothing is left beside the site or in the cache."""
    root, site = made.root, tmp_path / "site"
    cache = root / ".processkit-cache"
    _run(root, site)
    _across_mounts(monkeypatch, lambda source, target: target.name == KEPT_FOLDER)
    _edit(root, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll")
    _run(root, site)
    assert not (cache / KEPT_FOLDER).exists() and not (cache / KEPT_FILE).exists()
    _as_from_nothing(root, site, tmp_path)
    assert taken == [False, False]


def test_where_the_kept_site_cannot_be_moved_beside_the_site_it_is_deleted(
    made: GitRepo, tmp_path: Path, taken: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site on another mount of the cache's file system (a bind mount: the same device,
    yet no rename between them): the kept site cannot be moved beside it, so it is deleted
    and the site made anew, and the run goes on."""
    root, site = made.root, tmp_path / "site"
    cache = root / ".processkit-cache"
    _run(root, site)
    _run(root, site)
    assert (cache / KEPT_FOLDER).is_dir()
    _across_mounts(monkeypatch, lambda source, target: source.name == KEPT_FOLDER)
    _edit(root, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll")
    _run(root, site)
    assert taken == [False, False, False]
    _as_from_nothing(root, site, tmp_path)
    assert (cache / KEPT_FILE).is_file()  # the site this run replaced, kept


@pytest.mark.parametrize("why", ["another mount", "no hard links"])
def test_where_no_site_could_be_kept_none_is_noted(
    made: GitRepo,
    tmp_path: Path,
    taken: list[bool],
    monkeypatch: pytest.MonkeyPatch,
    why: str,
) -> None:
    """Where no folder can be moved from the cache folder to beside the site (another mount
    of the file system) or the file system makes no hard links, a run neither lists the site
    it put in place nor notes it: the site it replaces is deleted, as before."""
    root, site = made.root, tmp_path / "site"
    cache = root / ".processkit-cache"
    listed: list[str] = []
    real_listing = output_module._listing

    def listing(folder: str, **kwargs: Any) -> Any:
        listed.append(folder)
        return real_listing(folder, **kwargs)

    real_link = os.link

    def no_links(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        if Path(source).parent.parent == cache:  # the probe's
            raise OSError(errno.EPERM, "Operation not permitted")
        real_link(source, target, *args, **kwargs)

    monkeypatch.setattr(output_module, "_listing", listing)
    if why == "another mount":  # a folder out of the cache folder to beside the site
        _across_mounts(
            monkeypatch,
            lambda source, target: (
                source.parent == cache and source.is_dir() and target.parent != cache
            ),
        )
    else:
        monkeypatch.setattr(os, "link", no_links)
    for _ in range(3):
        _run(root, site)
        assert not (cache / SHOWN_FILE).exists() and not (cache / KEPT_FOLDER).exists()
    assert listed == [] and taken == [False, False, False]
    assert [path.name for path in cache.iterdir() if "probe" in path.name] == []
    _as_from_nothing(root, site, tmp_path)


def test_a_site_whose_templates_changed_while_it_was_made_is_not_kept(
    made: GitRepo, tmp_path: Path, taken: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template of the repository's own saved while the pages are made, and put back as it
    was (an edit undone), leaves pages made from the edited template in that site: it is not
    noted, so the run that replaces it deletes it, and the site is the one made anew."""
    root, site = made.root, tmp_path / "site"
    base, before, edited = own_base_template(root)
    _run(root, site)
    _run(root, site)  # the first site kept from here on
    real = build_module.render_page

    def saved_meanwhile(*args: Any) -> bytes:
        base.write_text(edited, encoding="utf-8")  # the edit, saved while the pages are made
        return real(*args)

    _edit(root, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll")
    with monkeypatch.context() as patched:
        patched.setattr(build_module, "render_page", saved_meanwhile)
        _run(root, site)
    assert "<p>Utkast</p>" in (site / "processes" / "utredning.html").read_text(encoding="utf-8")
    assert not (root / ".processkit-cache" / SHOWN_FILE).exists()
    base.write_text(before, encoding="utf-8")  # undone
    _run(root, site)
    _run(root, site)  # nothing changed since
    _as_from_nothing(root, site, tmp_path)
    # the site before it kept and taken; it, with the edit's pages, deleted when replaced
    assert taken == [False, False, True, True, False]


def test_runs_into_two_sites_that_share_a_cache_make_each_as_from_nothing(
    made: GitRepo, tmp_path: Path, taken: list[bool]
) -> None:
    """One cache, two sites: the site kept is the one replaced last, brought up to date for
    whichever site a run publishes; a site replaced that the cache did not note last (the
    other was published since) is deleted."""
    root = made.root
    one, other = tmp_path / "one" / "site", tmp_path / "other" / "site"
    _run(root, one)
    _run(root, other)
    _run(root, one)  # the other site noted last: this one is deleted, not kept
    _edit(root, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll")
    _run(root, other)
    _as_from_nothing(root, other, tmp_path)
    _run(root, one)
    _as_from_nothing(root, one, tmp_path)
    assert taken == [False, False, False, False, False]
    _run(root, one)  # its site kept
    _run(root, one)
    assert taken[-2:] == [False, True]
    _as_from_nothing(root, one, tmp_path)
