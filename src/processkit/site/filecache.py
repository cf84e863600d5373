"""A cache of built files and folders, kept by content hash between builds.

Entries live under ``<root>/<kind>/<first two hex digits>/<key>``. They are hard-linked into
a new site (copied where the site is on another file system), so taking a page or a search
shard from the cache costs a link, not a write. Entries a build did not use are removed at
its end, so the cache holds what the last site needed and does not grow with every edit.
An entry is taken as it is, unread: each is put in place whole (a link, or a file written
beside and moved), so no stopped run leaves one cut short, but one changed on disk in place
afterwards would be published so (checking them would read the whole site: 545 MB at 5,000
processes).

What the last build kept is written down (``KEPT``), so that the next removes what it did not
use of that without looking through every folder (a thousand of them). The record is taken
away while a build runs: after a build that ended before its end (an error, an interrupt) the
next one finds none and looks through every folder again. Every ``LOOK_AGAIN`` builds one looks
through every folder all the same: an entry no record holds (put by an older processkit, or by
a build beside this one where the cache folder could not be locked) is removed then, and so is
a temporary file or folder a killed process left (``LEFT_AFTER``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from processkit.cache import read_store, write_store
from processkit.fsutil import folder_made, write_atomic_bytes

#: The record of the entries of each kind the last build kept, in the cache's root.
KEPT = "kept.bin"
#: After this many builds that pruned by the record, the next looks through every folder.
LOOK_AGAIN = 20
#: A temporary file or folder (its name begins with a dot) last changed longer ago than this,
#: in seconds, was left by a process that was killed as it wrote: a build that looks through
#: every folder removes it. One being written (by a build beside this one) is never this old.
LEFT_AFTER = 3600


def link_file(source: str | Path, target: str | Path) -> None:
    """``target`` as a hard link to ``source``, or a copy of it where no link can be made (a
    file system without hard links, or another one than the source's). A ``source`` that is
    not there (or whose path runs through a file where a folder should be), or a ``target``
    that is, raises at once: no copy is tried (one over a target that is a link to an entry of
    the cache would write into the entry)."""
    try:
        os.link(source, target)
    except (FileNotFoundError, NotADirectoryError, FileExistsError):
        raise
    except OSError:
        shutil.copyfile(source, target)


def link_files(folder: Path, files: Iterable[tuple[str, str | Path]]) -> None:
    """Each (path within ``folder``, source file) linked into ``folder``, its folders made
    once each (a site at 5,000 processes takes thousands of pages from the cache)."""
    base = os.fspath(folder)
    made: set[str] = set()
    for path, source in files:
        target = os.path.join(base, path)
        folder_made(target, made)
        link_file(source, target)


def link_tree(source: str | Path, target: str | Path) -> None:
    """``target`` as a copy of the folder ``source`` made of hard links."""
    os.makedirs(target, exist_ok=True)
    with os.scandir(source) as scanned:
        entries = sorted(scanned, key=lambda entry: entry.name)
    for entry in entries:
        inside = os.path.join(target, entry.name)
        if entry.is_dir():
            link_tree(entry.path, inside)
        else:
            link_file(entry.path, inside)


class FileCache:
    NAME = "kept entries"

    def __init__(self, root: Path) -> None:
        self.root = root
        self.used: dict[str, set[str]] = {}
        self._base = os.fspath(root)
        #: the folders of entries this build made or found (each looked for once, not at
        #: every entry put: thousands a cold build)
        self._folders: set[str] = set()
        #: by kind, the entries noted there at once (``look_through``)
        self._listed: dict[str, set[str]] = {}
        #: the entries of each kind the last build kept, by its record, taken away (see the
        #: module's docstring); a kind without one is looked through when pruned
        stored = read_store(root / KEPT, self.NAME)
        kinds, builds = stored.get("kinds"), stored.get("builds")
        if isinstance(kinds, dict) and isinstance(builds, int) and builds < LOOK_AGAIN:
            self._kept: dict[str, list[str]] = kinds
            self._builds = builds + 1
        else:
            self._kept, self._builds = {}, 0
        with contextlib.suppress(OSError):
            os.unlink(root / KEPT)

    def _place(self, kind: str, key: str) -> str:
        # joined as text, without ``os.path.join``'s checks (neither part is absolute nor
        # ends in a separator): tens of thousands of lookups per build at 5,000 processes
        return f"{self._base}{os.sep}{kind}{os.sep}{key[:2]}{os.sep}{key}"

    def _path(self, kind: str, key: str) -> Path:
        return Path(self._place(kind, key))

    def _folder(self, path: str | Path) -> None:
        """Make the folder of the entry at ``path``, where this build has not yet."""
        folder_made(os.fspath(path), self._folders)

    def look_through(self, kind: str) -> None:
        """Note the entries of ``kind`` there are now, one look per folder, for a build that
        is about to look up most of them (``place``): at 5,000 processes, the 5,129 maps of a
        publish after one change took 0.022-0.026 s looked at one at a time, 0.006-0.008 s
        listed. An entry not noted is looked up as before (one put since, by a worker); one
        removed since by this cache is no longer noted."""
        names: set[str] = set()
        try:
            with os.scandir(os.path.join(self._base, kind)) as buckets:
                for bucket in buckets:
                    if not bucket.is_dir(follow_symlinks=False):
                        continue
                    with os.scandir(bucket.path) as entries:
                        names.update(
                            entry.name for entry in entries if entry.is_file(follow_symlinks=False)
                        )
        except OSError:  # none there yet (a cache from nothing), or one that cannot be read
            return
        self._listed[kind] = names

    def use(self, kind: str, key: str) -> None:
        """Keep entry ``key`` at the end of the build, as one this build used (a page or a
        feed a reused site folder holds already: see ``output.Placing``)."""
        self.used.setdefault(kind, set()).add(key)

    def file(self, kind: str, key: str) -> Path | None:
        place = self.place(kind, key)
        return Path(place) if place is not None else None

    def place(self, kind: str, key: str) -> str | None:
        """Where entry ``key`` is, as text (``file`` without making a path of it), or None."""
        place = self._place(kind, key)
        listed = self._listed.get(kind)
        if (listed is not None and key in listed) or os.path.isfile(place):
            self.use(kind, key)
            return place
        return None

    def link(self, kind: str, key: str, target: str) -> bool:
        """Link entry ``key`` to ``target`` (``link_file``) where there is one, else False;
        without a look first (a feed is looked up to be linked, a thousand of them a build)."""
        try:
            link_file(self._place(kind, key), target)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):  # none there
            return False
        self.use(kind, key)
        return True

    def put_file(self, kind: str, key: str, source: str | Path) -> bool:
        """Keep the file ``source`` as entry ``key``; False where the cache cannot be written
        (a read-only folder costs time, never the build). A link is made whole or not at
        all, so it is made in place; an entry there already (put meanwhile, or damaged), or a
        copy (where no link can be made), is put in place through a temporary file."""
        place = self._place(kind, key)
        try:
            self._folder(place)
            os.link(source, place)  # a system call, not three
        except OSError:
            pass
        else:
            self.use(kind, key)
            return True
        path = Path(place)
        # its own name in each thread: the threads of a build put copies for Pagefind
        temporary = path.parent / f".{key}.{os.getpid()}.{threading.get_ident()}.tmp"
        try:
            temporary.unlink(missing_ok=True)
            link_file(source, temporary)
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError):  # a copy cut short (a full disk)
                temporary.unlink(missing_ok=True)
            return False
        self.use(kind, key)
        return True

    def put_text(self, kind: str, key: str, text: str) -> bool:
        """Keep ``text`` as entry ``key``; False where the cache cannot be written."""
        return self.put_bytes(kind, key, text.encode("utf-8"))

    def put_bytes(self, kind: str, key: str, data: bytes) -> bool:
        """Keep ``data`` as entry ``key``; False where the cache cannot be written."""
        path = self._path(kind, key)
        try:
            self._folder(path)
            write_atomic_bytes(path, data, folder_made=True)
        except OSError:
            return False
        self.use(kind, key)
        return True

    def peek(self, kind: str, key: str) -> Path | None:
        """Where entry ``key`` is, or None; not kept for it at the end of the build (unlike
        ``file`` and ``folder``): what is read from it is read now, or linked."""
        path = self._path(kind, key)
        return path if path.exists() else None

    def folder(self, kind: str, key: str) -> Path | None:
        path = self._path(kind, key)
        if path.is_dir():
            self.use(kind, key)
            return path
        return None

    def put_folder(self, kind: str, key: str, source: Path) -> bool:
        """Keep a copy of the folder ``source`` as entry ``key``; False where the cache cannot
        be written."""
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = Path(tempfile.mkdtemp(prefix=f".{key}.", dir=path.parent))
        except OSError:
            return False
        try:
            link_tree(source, temporary)
            if path.exists():  # made meanwhile by another build: keep that one
                shutil.rmtree(temporary)
            else:
                os.replace(temporary, path)
        except OSError:
            shutil.rmtree(temporary, ignore_errors=True)
            return False
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
        self.use(kind, key)
        return True

    def drop(self, kind: str) -> None:
        """Keep none of the entries of ``kind``: the prune removes them all."""
        self.used[kind] = set()
        self._kept.pop(kind, None)  # some were put by workers: look through the folders

    def _forget(self, kind: str, key: str) -> None:
        """Remove entry ``key`` (noted no longer: ``look_through``)."""
        listed = self._listed.get(kind)
        if listed is not None:
            listed.discard(key)
        _remove(self._place(kind, key))

    def release(self, kinds: Iterable[str]) -> None:
        """Remove now the entries of ``kinds`` that the last build kept and this one has not
        used: called once this build looks up no more of them (it may still put new ones,
        which the last build did not keep). A build that waits for Pagefind does this
        meanwhile, not after it (a search bundle replaced is a folder of 400 files at 5,000
        processes). Where the last build's record is not known, ``prune`` looks through the
        folders."""
        for kind in kinds:
            before = self._kept.get(kind)
            if before is None:
                continue
            used = self.used.get(kind, set())
            try:
                self._remove_unused(kind, before, used)
            except OSError:  # a cache that cannot be written: ``prune`` leaves it as it is
                continue
            self._kept[kind] = [key for key in before if key in used]

    def _remove_unused(self, kind: str, before: Iterable[str], used: set[str]) -> None:
        """Remove the entries ``before`` of ``kind`` that are not ``used``."""
        for key in before:
            if key not in used:
                self._forget(kind, key)

    def prune(self, kinds: Iterable[str]) -> None:
        """Remove the entries of ``kinds`` this build did not use, and record what is kept."""
        kept: dict[str, list[str]] = {}
        for kind in kinds:
            used = self.used.get(kind, set())
            try:
                self._prune(kind, used)
            except OSError:  # a cache that cannot be written keeps what it has (unrecorded)
                continue
            kept[kind] = list(used)
        write_store(self.root / KEPT, self.NAME, {"builds": self._builds, "kinds": kept})

    def _prune(self, kind: str, used: set[str]) -> None:
        before = self._kept.get(kind)
        if before is not None:  # every entry is one the last build kept or this one put
            self._remove_unused(kind, before, used)
            return
        folder = self.root / kind
        if not folder.is_dir():
            return
        left = time.time() - LEFT_AFTER
        with os.scandir(folder) as buckets:
            for bucket in buckets:
                if not bucket.is_dir():
                    continue
                with os.scandir(bucket.path) as entries:
                    for entry in entries:
                        if entry.name in used:
                            continue
                        if entry.name.startswith("."):  # a temporary: only one left behind
                            try:
                                info = entry.stat(follow_symlinks=False)
                            except OSError:  # gone meanwhile (moved into place)
                                continue
                            # a file linked in keeps its source's times but for its ctime
                            if max(info.st_mtime, info.st_ctime) >= left:
                                continue
                        self._listed.get(kind, set()).discard(entry.name)
                        _remove(entry.path)


def _remove(place: str) -> None:
    if os.path.isdir(place):
        shutil.rmtree(place, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(place)
