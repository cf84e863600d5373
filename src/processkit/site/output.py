"""Putting a built site in place atomically: a failed or interrupted build leaves the previous
site untouched.

The site is built in a sibling folder ``.<name>.tmp-XXXX``; when it is complete the previous
site is renamed away, the new one renamed in, and the previous one deleted. A folder that
exists but holds no site of ours is never replaced. ``serve`` keeps the previous site instead
(``Spare``), and its next build brings that folder up to date in place (``Placing``) before
it is renamed in the same way.

``publish`` keeps the site it replaced too, for the next run: in the cache folder
(``KEPT_FOLDER``), with what it holds (``KEPT_FILE``). What a run put in place is noted
beside (``SHOWN_FILE``): what it holds by key, the name and inode of every file in it, read
from the folders' entries (no file is opened), and the time each folder last changed. When
the next run replaces that site, it is kept only where all of that is as noted: a file
removed, added, or saved over by hand since makes it deleted instead; and it is taken only
where its folders are as they were kept. The next run removes the kept site's note and
moves it beside the output before it brings it up to date (noting where, ``WORKING_FILE``,
as for a site made anew), so one left half done is never taken, and the run after deletes
it.

Both sites are listed while Pagefind makes the new one's last search bundles
(``look_ahead``): when they are swapped, only the new site's search folder is listed again
and its own folder looked at again, and each folder of the site replaced is looked at again
(a file saved over in that time, its folder's time put back by hand, is not seen).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from processkit.cache import read_store, write_store
from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.i18n import _

#: The file that tells a folder is a site processkit published (and may be replaced).
MARKER = ".processkit-site"
MARKER_TEXT = "This folder is a site published by processkit; `processkit publish` replaces it.\n"


def check_output(output: Path, repository: Path) -> None:
    """Refuse an output folder that would replace the repository or someone's files."""
    target = output.resolve()
    root = repository.resolve()
    if target == root or target in root.parents:
        raise ProcesskitError(
            _(
                "the output folder {output} holds the repository itself; publish into a "
                "folder of its own, such as `site`",
                output=output,
            )
        )
    if target.exists() and not target.is_dir():
        raise ProcesskitError(
            _("the output {output} is a file, not a folder; choose a folder", output=output)
        )
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise ProcesskitError(
            _(
                "the folder {output} exists and is not a site processkit published, so it is "
                "left alone; choose another --output folder, or empty this one",
                output=output,
            )
        )


def _beside(output: Path, tag: str) -> Path:
    """A new, empty folder beside ``output``, ``.<name>.<tag>-XXXX`` (a site being made:
    ``tmp``; one replaced: ``old``), its parent made where there is none."""
    parent = output.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{output.name}.{tag}-", dir=parent))


@contextmanager
def staging(output: Path, reused: Path | None = None) -> Iterator[Path]:
    """A fresh temporary folder beside ``output`` (or ``reused``, a site replaced before, to
    be brought up to date: see ``Placing``), removed again if the build fails."""
    if reused is not None:
        temporary = reused
    else:
        temporary = _beside(output, "tmp")
        temporary.chmod(0o755)
    try:
        yield temporary
    except BaseException as problem:
        shutil.rmtree(temporary, ignore_errors=True)
        if isinstance(problem, OSError):
            _named_in(problem, temporary, output)
        raise


def _named_in(problem: OSError, folder: Path, output: Path) -> None:
    """Name the files ``problem`` names inside ``folder``, removed now, by their places in
    ``output``, where the site was to be: a full disk is told of the page the site lacks."""
    inside = os.fspath(folder) + os.sep
    for name in ("filename", "filename2"):
        place = getattr(problem, name)
        if isinstance(place, str) and place.startswith(inside):
            setattr(problem, name, os.path.join(os.fspath(output), place[len(inside) :]))


@dataclass(slots=True)
class Contents:
    """What a site folder holds that its build put there by a key: each page's and feed's
    key by its path, and each search bundle's (a folder; None where it is not known)."""

    files: dict[str, str] = field(default_factory=dict)
    bundles: dict[str, str | None] = field(default_factory=dict)


class Placing:
    """What a build puts into its folder by key, noted for the next build. The folder is new,
    or (``held``: what it holds) a site replaced before, kept by ``serve`` to be brought up to
    date in place instead of made anew (``spare``). There a file or bundle whose key is the
    one it holds is left as it is (``file`` and ``bundle`` return True: nothing to put);
    anything else at that path is removed first and never written into, for a file there may
    be a hard link to an entry of the cache. ``finish`` removes what the folder held that
    this build did not put. Only the build's own thread uses it: ``search.start_index``
    places the search bundles there, not in Pagefind's threads."""

    def __init__(self, folder: Path, held: Contents | None = None) -> None:
        self.base = os.fspath(folder)
        self.held = held
        self.now = Contents()

    def holds_bundle(self, path: str, key: str) -> bool:
        """Whether the folder holds the bundle ``path`` as made by ``key`` already."""
        return self.held is not None and self.held.bundles.get(path) == key

    def file(self, path: str, key: str) -> bool:
        """Note the file ``path`` as made by ``key``; True where the folder holds it already,
        else whatever is there is removed (it is to be put)."""
        self.now.files[path] = key
        if self.held is None:
            return False
        if self.held.files.get(path) == key:
            return True
        self._remove(path)
        return False

    def clear(self, path: str) -> None:
        """Remove the file ``path`` a reused folder holds (it is to be made anew)."""
        if self.held is not None and path in self.held.files:
            self._remove(path)

    def _remove(self, path: str) -> str:
        """Remove the file ``path`` of the folder, where there is one; its place."""
        target = os.path.join(self.base, path)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
        return target

    def made(self, path: str, key: str) -> None:
        """Note the file ``path``, put there (after ``file``) by ``key``."""
        self.now.files[path] = key

    def bundle(self, path: str, key: str | None) -> bool:
        """As ``file``, for the folder ``path`` made by ``key`` (None: not known, put anew)."""
        self.now.bundles[path] = key
        if self.held is None:
            return False
        if key is not None and self.held.bundles.get(path) == key:
            return True
        shutil.rmtree(os.path.join(self.base, path), ignore_errors=True)
        return False

    def finish(self) -> Contents:
        """Remove what the folder held that this build did not put; what it holds now."""
        if self.held is not None:
            for path in sorted(self.held.bundles.keys() - self.now.bundles.keys()):
                target = os.path.join(self.base, path.rstrip("/"))
                shutil.rmtree(target, ignore_errors=True)
                # the search's folder, left empty, where it holds no bundle of this build
                # (Pagefind may be about to make one there: this runs while it indexes)
                if not self.now.bundles:
                    with contextlib.suppress(OSError):
                        os.removedirs(os.path.dirname(target))
            for path in sorted(self.held.files.keys() - self.now.files.keys()):
                target = self._remove(path)
                with contextlib.suppress(OSError):  # a folder left empty, as a new build's
                    os.removedirs(os.path.dirname(target))
        return self.now


@frozen
class Spare:
    """A site ``serve`` replaced, kept with what it holds, for the next build to bring up to
    date in place: most of a site is the same from one edit to the next, so the next build
    puts only what changed instead of linking thousands of files into a new folder."""

    folder: Path
    contents: Contents


#: By output folder (resolved, as text): what the site there holds, as the last build in this
#: process put it (with the folder's inode: a site put there by another process is another
#: folder), and the site it replaced, kept (``serve``).
_SHOWN: dict[str, tuple[int, Contents]] = {}
_SPARES: dict[str, Spare] = {}


def shown(output: Path) -> Contents | None:
    """What the site at ``output`` holds, as the last build in this process put it; None
    where that is not known, or another has replaced it since."""
    target = output.resolve()
    found = _SHOWN.get(os.fspath(target))
    try:
        inode = os.stat(target).st_ino
    except OSError:
        return None
    return found[1] if found is not None and found[0] == inode else None


def forget(output: Path) -> None:
    """Know no longer what the site at ``output`` holds (its pages may not be what their keys
    say): it is not brought up to date in place later, nor a search bundle of it taken."""
    _SHOWN.pop(os.fspath(output.resolve()), None)


#: In the cache folder: the site ``publish`` replaced last, kept for the next run to bring
#: up to date (at 5,000 processes that spares linking 16,000 files into a new folder and
#: deleting as many), what it holds, and what the site that run put in place holds (see the
#: module's docstring).
KEPT_FOLDER = "site-before"
KEPT_FILE = "site-before.bin"
SHOWN_FILE = "site-shown.bin"
#: Where a run makes its site beside the output (the kept site moved there, or a new folder):
#: a run stopped before its end (killed, or out of memory) leaves that folder, and the next
#: run deletes it.
WORKING_FILE = "site-working.bin"
_KEPT_STORE = "kept site"


def take_kept(cache_dir: Path, output: Path) -> Spare | None:
    """The site a ``publish`` replaced and kept in ``cache_dir``, moved beside ``output`` to
    be brought up to date there (as a new site is made beside it, ``staging``); None where
    there is none, or it is not as noted, or it cannot be moved there: then it is deleted.
    Once moved it is no longer where its note says, so a run that stops half way leaves
    nothing a later run would take."""
    _remove_working(cache_dir)
    folder = cache_dir / KEPT_FOLDER
    note = cache_dir / KEPT_FILE
    stored = read_store(note, _KEPT_STORE)
    try:
        os.unlink(note)
    except FileNotFoundError:
        pass
    except OSError:  # a note that stays could be taken again: the folder is not used
        stored = {}
    if not os.path.isdir(folder):
        return None
    files, bundles, folders = (stored.get(name) for name in ("files", "bundles", "folders"))
    try:
        if (
            isinstance(files, dict)
            and isinstance(bundles, dict)
            and isinstance(folders, dict)
            and _folders_as_noted(folder, folders)
            and (folder / MARKER).is_file()
        ):
            place = _beside(output, "tmp")
            os.rmdir(place)
            note_working(cache_dir, place)  # before it is there: a run may stop
            os.replace(folder, place)  # another file system, or another mount of it: fails
            return Spare(place, Contents(files, bundles))
    except OSError:
        pass
    shutil.rmtree(folder, ignore_errors=True)
    return None


def _folders_as_noted(folder: Path, folders: Mapping[str, object]) -> bool:
    """Whether each folder of the site at ``folder`` (its entries of ``_listing``) has the
    inode and time noted: nothing in the kept site was removed, added or replaced since (a
    look at each folder, not at each file)."""
    base = os.fspath(folder)
    for path, noted in folders.items():
        seen = os.stat(os.path.join(base, path))
        if noted != (seen.st_ino, seen.st_mtime_ns):
            return False
    return True


def note_working(cache_dir: Path, *folders: Path) -> None:
    """Note that this run works in ``folders`` beside the output (``WORKING_FILE``): the
    folder it makes its site in and, while it swaps the sites, the one it replaces."""
    write_store(cache_dir / WORKING_FILE, _KEPT_STORE, {"folders": [os.fspath(f) for f in folders]})


#: What a folder a run works in beside its output is called (``_beside``): ``.<output>.tmp-…``
#: (``staging``, ``take_kept``) or ``.<output>.old-…`` (``swap``).
_WORKING_NAME = re.compile(r"\..+\.(?:tmp|old)-[A-Za-z0-9_]+")


def _remove_working(cache_dir: Path) -> None:
    """Delete the folders the last run worked in, where they are still there: that run
    stopped before it could put its site in place, or delete the one it replaced
    (``WORKING_FILE``)."""
    left = read_store(cache_dir / WORKING_FILE, _KEPT_STORE).get("folders")
    for folder in left if isinstance(left, list) else ():
        if (
            isinstance(folder, str)
            and _WORKING_NAME.fullmatch(os.path.basename(folder))
            and os.path.isdir(folder)
        ):
            shutil.rmtree(folder, ignore_errors=True)
    _drop_note(cache_dir, WORKING_FILE)


#: Of a file in a site: its inode; of a folder: its inode and the time it last changed (a
#: file added, removed, renamed or put in the place of another changes it).
_Seen = int | tuple[int, int]


def _listing(folder: str, *, within: str = "", left_out: str | None = None) -> dict[str, _Seen]:
    """Every file and folder in ``folder``, by its path within it ("" for ``folder``): of a
    file, its inode, read from its folder's entry without a look at the file (16,000 at 5,000
    processes); of a folder, its inode and the time it last changed. With ``within`` (a
    folder's path in it, ending in ``/``) only that folder and what it holds; without the
    folder ``left_out`` (its path, ending in ``/``) and what it holds."""
    top = os.stat(os.path.join(folder, within))
    found: dict[str, _Seen] = {within: (top.st_ino, top.st_mtime_ns)}
    inside = [within]
    while inside:
        path = inside.pop()
        with os.scandir(os.path.join(folder, path)) as entries:
            for entry in entries:
                name = path + entry.name
                if entry.is_dir(follow_symlinks=False):
                    if name + "/" == left_out:
                        continue
                    seen = entry.stat(follow_symlinks=False)
                    found[name + "/"] = (seen.st_ino, seen.st_mtime_ns)
                    inside.append(name + "/")
                else:
                    found[name] = entry.inode()
    return found


def _folders_of(listing: dict[str, _Seen]) -> dict[str, _Seen]:
    """The folders of ``listing`` (``_listing``), each with its inode and time."""
    return {path: seen for path, seen in listing.items() if not isinstance(seen, int)}


@frozen
class Ahead:
    """What ``swap`` with ``keep_in`` needs to know of both sites, looked at before the last of
    the new one is made (``look_ahead``): a listing of each holds 16,000 entries at 5,000
    processes (some 0.02 s), and after one change the search index is the last part made, by
    Pagefind in processes of its own, while the build waits.

    ``name`` is the output (resolved); ``movable``: whether a site can be kept in the cache
    folder (``_movable``); ``replaced``: the note of the site at the output and its folders
    (``_folders_of``), where its listing is as noted (else None: it is not kept); ``built``:
    the new site's listing but
    for the folder ``later`` (its path in the site, ending in ``/``), which is listed once
    it is made (None: not listed)."""

    name: str
    movable: bool
    replaced: tuple[dict[str, Any], dict[str, _Seen]] | None
    built: dict[str, _Seen] | None
    later: str


def look_ahead(built: Path, output: Path, keep_in: Path, *, later: str) -> Ahead:
    """What ``swap(built, output, keep_in=keep_in)`` reads of the site at ``output`` and of
    ``built`` (``Ahead``), while nothing but the folder ``later`` in ``built`` is still being
    written: ``swap`` then looks again only at that folder, at the top folder of ``built``,
    and at the time of each folder of the site it replaces (one of its entries added,
    removed or renamed since makes it deleted, not kept)."""
    target = output.resolve()
    name = os.fspath(target)
    if not _movable(keep_in, target):
        return Ahead(name, False, None, None, later)
    replaced = None
    noted = read_store(keep_in / SHOWN_FILE, _KEPT_STORE)
    with contextlib.suppress(OSError):
        if noted.get("output") == name and noted.get("listing") == (listing := _listing(name)):
            replaced = (noted, _folders_of(listing))
    try:
        listed: dict[str, _Seen] | None = _listing(os.fspath(built), left_out=later)
    except OSError:
        listed = None
    return Ahead(name, True, replaced, listed, later)


def _movable(cache_dir: Path, target: Path) -> bool:
    """Whether a folder can be renamed from ``cache_dir`` to beside ``target`` (not from
    another file system, nor from another mount of the same one), and that file system makes
    hard links (else a site's files are copies, which a file written over in place would
    change unseen): tried with a folder holding a file and a link to it."""
    try:
        probe = tempfile.mkdtemp(prefix=".processkit-probe-", dir=cache_dir)
    except OSError:
        return False
    there = os.path.join(os.path.dirname(target), os.path.basename(probe))
    movable = False
    try:
        with open(os.path.join(probe, "a"), "wb"):
            pass
        os.link(os.path.join(probe, "a"), os.path.join(probe, "b"))
        os.replace(probe, there)
        movable = True
    except OSError:
        pass
    shutil.rmtree(there if movable else probe, ignore_errors=True)
    return movable


def _note_shown(
    cache_dir: Path, name: str, target: Path, contents: Contents, ahead: Ahead | None = None
) -> None:
    """Note what the site just put at ``target`` holds, for the run that replaces it (not
    where no site could be kept in ``cache_dir``: ``_movable``). With ``ahead`` (of ``name``),
    its listing is the one made then, with the top folder and the folder made after it listed
    again."""
    forget_shown(cache_dir)
    if not (ahead.movable if ahead is not None else _movable(cache_dir, target)):
        return  # it could not be kept: its listing is not made
    folder = os.fspath(target)
    try:
        if ahead is not None and ahead.built is not None:
            listing = dict(ahead.built)
            top = os.stat(folder)
            listing[""] = (top.st_ino, top.st_mtime_ns)
            if os.path.isdir(os.path.join(folder, ahead.later)):
                listing.update(_listing(folder, within=ahead.later))
        else:
            listing = _listing(folder)
    except OSError:
        return
    noted = {
        "output": name,
        "listing": listing,
        "files": contents.files,
        "bundles": contents.bundles,
    }
    write_store(cache_dir / SHOWN_FILE, _KEPT_STORE, noted)


def forget_shown(cache_dir: Path) -> None:
    """Note no longer what the site a run put in place holds: it is deleted when replaced."""
    _drop_note(cache_dir, SHOWN_FILE)


def _drop_note(cache_dir: Path, name: str) -> None:
    """Remove the note ``name`` from ``cache_dir``, where it is there and can be."""
    with contextlib.suppress(OSError):
        os.unlink(cache_dir / name)


def _keep_replaced(previous: Path, cache_dir: Path, name: str, ahead: Ahead | None = None) -> None:
    """Keep the site ``previous`` (replaced at ``name``) in ``cache_dir`` for the next run,
    where it holds just what was noted when it was put in place; else delete it. With
    ``ahead`` (of ``name``), as listed then, where each of its folders is as it was then."""
    noted = read_store(cache_dir / SHOWN_FILE, _KEPT_STORE) if ahead is None else {}
    forget_shown(cache_dir)
    folder = cache_dir / KEPT_FOLDER
    kept = False
    try:
        folders: dict[str, _Seen] | None = None  # of the site replaced, where as noted
        if ahead is not None:
            if ahead.replaced is not None and _folders_as_noted(previous, ahead.replaced[1]):
                noted, folders = ahead.replaced
        elif noted.get("output") == name:
            listing = _listing(os.fspath(previous))
            folders = _folders_of(listing) if noted.get("listing") == listing else None
        files, bundles = noted.get("files"), noted.get("bundles")
        if folders is not None and isinstance(files, dict) and isinstance(bundles, dict):
            shutil.rmtree(folder, ignore_errors=True)  # none should be: taken by this run
            os.replace(previous, folder)  # a folder's time stays as it was
            kept = write_store(
                cache_dir / KEPT_FILE,
                _KEPT_STORE,
                {"files": files, "bundles": bundles, "folders": folders},
            )
    except OSError:  # another mount of the file system, or a cache that cannot be written
        kept = False
    if not kept:
        shutil.rmtree(previous, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)


def take_spare(output: Path) -> Spare | None:
    """The site replaced at ``output`` before, to be brought up to date; None where there is
    none, or it is no longer as it was left."""
    spare = _SPARES.pop(os.fspath(output.resolve()), None)
    if spare is None or not (spare.folder / MARKER).is_file():
        return None
    return spare


def mark(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def swap(
    built: Path,
    output: Path,
    *,
    remove_later: bool = False,
    contents: Contents | None = None,
    keep: bool = False,
    keep_in: Path | None = None,
    ahead: Ahead | None = None,
) -> None:
    """Move the complete site ``built`` to ``output``, replacing the previous site. With
    ``remove_later`` (a process that lives on, such as ``serve``) the previous site is deleted
    in the background, once the new one is in place; ``finish_removals`` waits for that. With
    ``keep`` (``serve``) it is kept instead, as the spare the next build brings up to date,
    where what it holds is known; ``contents`` is what ``built`` holds. With ``keep_in`` (a
    cache folder: ``publish``) it is kept there for the next run (``take_kept``), where it
    holds what was noted when it was put in place, and what ``built`` holds is noted; what
    ``look_ahead`` found of both (``ahead``) is taken for it."""
    target = output.resolve()
    name = os.fspath(target)
    ahead = ahead if ahead is not None and ahead.name == name else None  # (else looked again)
    before = shown(target)
    _SHOWN.pop(name, None)
    left = _SPARES.pop(name, None)  # a spare not taken (a build without ``keep``)
    if left is not None:
        _remove(left.folder, later=remove_later)
    if not target.exists():
        os.replace(built, target)
    else:
        previous = _beside(target, "old")
        os.rmdir(previous)
        if keep_in is not None:  # a run stopped from here on leaves both: the next deletes them
            note_working(keep_in, built, previous)
        os.replace(target, previous)
        try:
            os.replace(built, target)
        except BaseException:
            os.replace(previous, target)
            raise
        if keep and before is not None:
            _SPARES[name] = Spare(previous, before)
        elif keep_in is not None:
            _keep_replaced(previous, keep_in, name, ahead)
        else:
            _remove(previous, later=remove_later)
    if contents is not None:
        _SHOWN[name] = (os.stat(target).st_ino, contents)
    if keep_in is not None:
        _drop_note(keep_in, WORKING_FILE)  # in place, and the one replaced kept or deleted
        if contents is not None:
            _note_shown(keep_in, name, target, contents, ahead)
        else:
            forget_shown(keep_in)


def _remove(previous: Path, *, later: bool) -> None:
    """Delete the site ``previous``: now, or ``later`` in the background."""
    if not later:
        shutil.rmtree(previous, ignore_errors=True)
        return
    removal = threading.Thread(
        target=shutil.rmtree,
        args=(previous,),
        kwargs={"ignore_errors": True},
        name="processkit: removing a replaced site",
        daemon=True,
    )
    removal.start()
    with _LOCK:
        _REMOVALS[:] = [*(thread for thread in _REMOVALS if thread.is_alive()), removal]


_LOCK = threading.Lock()
#: The deletions of replaced sites still going on (``swap(remove_later=True)``).
_REMOVALS: list[threading.Thread] = []


def finish_removals() -> None:
    """Wait until every replaced site is deleted."""
    with _LOCK:
        waiting = list(_REMOVALS)
        _REMOVALS.clear()
    for thread in waiting:
        thread.join()
