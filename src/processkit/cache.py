"""The repository's cache folder, and a store of plain values kept in it between runs.

Everything processkit keeps between runs lives in ``.processkit-cache/`` at the repository's
root (or the folder given with ``--cache-dir``): drawn maps, built pages and search shards, the
parsed files and the history read from git. The folder tells git to ignore it, as
``.pytest_cache`` does. Nothing in it is needed: a missing, damaged or read-only cache costs
time, never a wrong result, because every entry is found by a hash of all that decides it.
One store trusts the file system instead, as git does: the files' signatures (times, size,
inode), by which a file is not read again where its signature is as a command before found
it (``loading.parse.Signatures``, which says when it is not trusted).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import marshal
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from processkit import __version__
from processkit.fsutil import write_atomic, write_atomic_bytes

CACHE_FOLDER = ".processkit-cache"

#: Raise when the meaning of a stored value changes without a new processkit version.
STORE_FORMAT = 1


def cache_folder(root: Path) -> Path:
    """The repository's cache folder, made (with a ``.gitignore`` of ``*``) when missing."""
    folder = root / CACHE_FOLDER
    ignore = folder / ".gitignore"
    if not ignore.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(ignore, "# made by processkit: a cache, never committed\n*\n")
    return folder


def usable_folder(folder: Path | None, root: Path) -> Path | None:
    """The cache folder ``folder`` (None: the repository's own, at ``root``), made when missing;
    None where it cannot be made (a read-only repository): the work goes on without a cache."""
    try:
        if folder is None or folder == root / CACHE_FOLDER:
            return cache_folder(root)
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def _stamp(name: str) -> str:
    """What a store's file must begin with to be read: its name, the store format, processkit's
    version and the Python that wrote it (marshal's format is Python's own)."""
    python = ".".join(str(part) for part in sys.version_info[:3])
    return f"processkit {name} store {STORE_FORMAT} {__version__} {python}\n"


def readable_store(path: Path, name: str) -> bool:
    """Whether ``path`` begins as a store this processkit writes (``read_store`` reads it),
    judged by its first line alone."""
    stamp = _stamp(name).encode("utf-8")
    try:
        with path.open("rb") as handle:
            return handle.read(len(stamp)) == stamp
    except OSError:
        return False


def read_store(path: Path, name: str) -> dict[Any, Any]:
    """The values stored in ``path``, or an empty store when the file is missing, damaged or
    written by another version; where this process is yet to write the store (``later``),
    the values it will write (the history read in a process forked after a publish's load
    takes what the load parsed from there; one forked before the load, which loads the
    repository itself, parses again the few files changed since the last run)."""
    for waiting, waiting_name, values in reversed(_WAITING or ()):
        if waiting == path:
            return dict(values) if waiting_name == name else {}
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    stamp = _stamp(name).encode("utf-8")
    if not data.startswith(stamp):
        return {}
    try:
        values = marshal.loads(memoryview(data)[len(stamp) :])  # not a copy of 14 MB
    except (EOFError, ValueError, TypeError):
        return {}
    return values if isinstance(values, dict) else {}


def write_store(path: Path, name: str, values: dict[Any, Any], *, later: bool = False) -> bool:
    """Keep ``values`` (plain values only: dicts, lists, texts, bytes, numbers) in ``path``; a
    folder that cannot be written is left as it is (False). With ``later``, inside
    ``writing_later``, the store is written when the command waits (``write_waiting``), and
    its values may not be changed meanwhile."""
    if later and _WAITING is not None:
        _WAITING.append((path, name, values))
        return True
    try:
        write_atomic_bytes(path, _stamp(name).encode("utf-8") + marshal.dumps(values))
    except OSError:
        return False
    return True


#: The stores to write when the command waits (``writing_later``), in the order given; None
#: outside it.
_WAITING: list[tuple[Path, str, dict[Any, Any]]] | None = None


@contextlib.contextmanager
def writing_later() -> Iterator[None]:
    """Within, a store written ``later`` (one the next command reads: the parsed files, the
    maps' keys, some megabytes at 5,000 processes) is written when ``write_waiting`` is
    called (``publish`` calls it once it has started Pagefind, which it then waits for), or
    at the end at the latest. For one command at a time in a process: not for two run in
    threads of one process at once."""
    global _WAITING
    if _WAITING is not None:  # within an outer one: that one writes them
        yield
        return
    _WAITING = []
    try:
        yield
    finally:
        try:
            write_waiting()
        finally:
            _WAITING = None


def write_waiting() -> None:
    """Write the stores kept to write ``later``."""
    while _WAITING:
        path, name, values = _WAITING.pop(0)
        write_store(path, name, values)


class UsedStore:
    """A store of entries (plain values) by key, in the file ``path`` (None: nothing is kept
    between runs), that keeps when saved what this run used (``used``) and added (``put``):
    it holds what the repository needs now and does not grow with every edit. With ``key``,
    the whole store holds only for that key (what its entries were made from): under another
    it is read as empty. Each kind of store names itself (``NAME``) and says how an entry is
    read and made."""

    NAME = "entries"
    #: whether it is written ``later`` (see ``write_store``): nothing changes its entries
    #: once it is saved
    LATER = False

    def __init__(self, path: Path | None, *, key: str | None = None) -> None:
        self.path = path
        self.key = key
        found = read_store(path, self.NAME) if path is not None else {}
        if key is not None:
            found = found.get("entries", {}) if found.get("key") == key else {}
        self.stored: dict[Any, Any] = found
        self.used: dict[Any, Any] = {}
        self.added = 0

    def put(self, entry: Any, value: Any) -> None:
        self.used[entry] = value
        self.added += 1

    def take(self, entry: Any) -> Any:
        """The value kept for ``entry`` (added by this run, or stored), which this run then
        keeps when saved; None where there is none."""
        if entry in self.used:
            return self.used[entry]
        found = self.stored.get(entry)
        if found is not None or entry in self.stored:
            self.used[entry] = found
        return found

    def again(self) -> None:
        """Begin another run with this store, kept in memory (``serve``'s loads): what the
        last run used is what is stored now (its ``save`` wrote just that, or found it there
        already), and this one's use is counted afresh."""
        self.stored = self.used
        self.used = {}
        self.added = 0

    def save(self) -> None:
        """Keep what this run used and added, when that is not what is stored already."""
        if self.path is None or not (self.added or len(self.used) != len(self.stored)):
            return
        values = self.used if self.key is None else {"key": self.key, "entries": self.used}
        write_store(self.path, self.NAME, values, later=self.LATER)


@cache
def code_digest(*modules: str) -> bytes:
    """A hash of the source of the named modules (a package: every module in its folder and
    the folders below), for the keys of what that code makes: an entry made by other code,
    also between two versions of processkit in development, is not used. Worked out once a
    process, for the code it runs."""
    digest = hashlib.sha256()
    for name in modules:
        module = importlib.import_module(name)
        source = Path(str(module.__file__))
        if hasattr(module, "__path__"):  # a package
            folder = source.parent
            files = sorted([*folder.glob("*.py"), *folder.glob("*/*.py")])
        else:
            files = [source]
        for path in files:
            digest.update(path.as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return digest.digest()
