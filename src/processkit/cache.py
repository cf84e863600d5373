"""The repository's cache folder, and a store of plain values kept in it between runs.

Everything processkit keeps between runs lives in ``.processkit-cache/`` at the repository's
root (or the folder given with ``--cache-dir``): drawn maps, built pages and search shards, the
parsed files and the history read from git. The folder tells git to ignore it, as
``.pytest_cache`` does. Nothing in it is needed: a missing, damaged or read-only cache costs
time, never a wrong result, because every entry is found by a hash of all that decides it,
and each store's file holds a CRC-32 of its values, so that one changed on disk is read as
empty. (The site's built files are taken as they are, unread: see ``site.filecache``.)
One store trusts the file system instead, as git does: the files' signatures (times, size,
inode), by which a file is not read again where its signature is as a command before found
it (``loading.parse.Signatures``, which says when it is not trusted).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import marshal
import os
import sys
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from processkit import __version__
from processkit.fsutil import Signature, signature, write_atomic, write_atomic_bytes

CACHE_FOLDER = ".processkit-cache"

#: Raise when the meaning of a stored value changes without a new processkit version.
#: (2: a store's file holds the CRC-32 of its values after its first line.)
STORE_FORMAT = 2


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


def _stamp(name: str, form: str = "") -> str:
    """What a store's file must begin with to be read: its name, its form (``_WHOLE_FORM``,
    ``_RECENT_FORM``, or none: plain values), the store format, processkit's version and the
    Python that wrote it (marshal's format is Python's own)."""
    python = ".".join(str(part) for part in sys.version_info[:3])
    return f"processkit {name} store{form} {STORE_FORMAT} {__version__} {python}\n"


#: The forms of a store written with ``recent`` (``write_store``): the file written whole,
#: and the one of what changed since, beside it.
_WHOLE_FORM = " (whole)"
_RECENT_FORM = " (recent)"


def readable_store(path: Path, name: str) -> bool:
    """Whether ``path`` begins as a store this processkit writes, judged by its first line
    alone (``read_store`` may still find the rest damaged)."""
    stamps = [_stamp(name, form).encode("utf-8") for form in ("", _WHOLE_FORM)]
    try:
        with path.open("rb") as handle:
            first = handle.read(max(len(stamp) for stamp in stamps))
    except OSError:
        return False
    return any(first.startswith(stamp) for stamp in stamps)


def read_store(path: Path, name: str) -> dict[Any, Any]:
    """The values stored in ``path``, or an empty store when the file is missing, damaged or
    written by another version; where this process is yet to write the store (``later``),
    the values it will write (the history read in a process forked after a publish's load
    takes what the load parsed from there; one forked before the load, which loads the
    repository itself, parses again the few files changed since the last run). Of a store
    written with ``recent`` (``write_store``), the values written last: the file written
    whole, with what changed since laid over it from the small file beside it; the file
    written whole as this process read or wrote it last, where it is still as it was then."""
    for waiting, waiting_name, values, _recent in reversed(_WAITING or ()):
        if waiting == path:
            return dict(values) if waiting_name == name else {}
    try:
        seen = signature(os.stat(path))  # looked at first: a change while it is read shows
        known = _as_read(path, seen)
        if known is not None and known[3] == name:
            # read or written whole by this process, and not written since: not read again
            # (the parse store's 14 MB at 5,000 processes, which the process that reads git
            # beside a publish reads once to load and once for the file versions, 18 ms)
            token, values = known[1], known[2]
        else:
            data = path.read_bytes()
            plain = _values(data, _stamp(name))
            if plain is not None:
                return plain
            whole = _values(data, _stamp(name, _WHOLE_FORM))
            if whole is None:
                return {}
            found, held = whole.get(_TOKEN), whole.get(_VALUES)
            if not isinstance(found, str) or not isinstance(held, dict):
                return {}
            token, values = found, held
            _WHOLE[path] = (seen, token, values, name)
    except OSError:
        return {}
    try:
        laid = _values(recent_path(path).read_bytes(), _stamp(name, _RECENT_FORM)) or {}
    except OSError:
        laid = {}
    changes, gone = laid.get(_VALUES), laid.get(_GONE)
    if laid.get(_TOKEN) != token or not isinstance(changes, dict) or not isinstance(gone, dict):
        changes, gone = {}, {}  # none, or written over another file (a run that was stopped)
    # a copy (of its dicts, not of what they hold): what the caller does with it cannot
    # change what this process holds the file to be
    try:
        return _laid_over(values, changes, gone)
    except (AttributeError, TypeError):  # a small file of another shape: read as none
        return _laid_over(values, {}, {})


def store_bytes(name: str, values: dict[Any, Any]) -> bytes:
    """``values`` as the file of the store ``name`` holds them (``write_store``, plainly): for
    a store kept where another writes it (an entry of the site's file cache)."""
    return _sealed(_stamp(name), marshal.dumps(values))


def _sealed(stamp: str, data: bytes) -> bytes:
    """A store's file: ``stamp``, then the CRC-32 of ``data`` (4 bytes, big-endian), then
    ``data`` (what ``marshal`` made of its values). ``_values`` reads it back only where the
    CRC still matches: a file changed on disk (a byte of a text, which marshal would read
    without a fault) is read as damaged, not as other values. It costs 2 ms for the parse
    store's 14 MB at 5,000 processes."""
    return stamp.encode("utf-8") + zlib.crc32(data).to_bytes(4, "big") + data


def stored_values(data: bytes, name: str) -> dict[Any, Any]:
    """The values ``data`` holds as ``store_bytes`` made it for the store ``name``, or an
    empty store where it is damaged or was made by another version."""
    return _values(data, _stamp(name)) or {}


def _values(data: bytes, stamp: str) -> dict[Any, Any] | None:
    """The values ``data`` holds after ``stamp`` (``_sealed``), or None where it does not
    begin so (or is damaged)."""
    begin = stamp.encode("utf-8")
    if not data.startswith(begin):
        return None
    held = memoryview(data)[len(begin) + 4 :]  # not a copy of 14 MB
    if int.from_bytes(data[len(begin) : len(begin) + 4], "big") != zlib.crc32(held):
        return None  # (as does a file cut short, here or in marshal below)
    try:
        values = marshal.loads(held)
    except (EOFError, ValueError, TypeError):
        return None
    return values if isinstance(values, dict) else None


def write_store(
    path: Path, name: str, values: dict[Any, Any], *, later: bool = False, recent: bool = False
) -> bool:
    """Keep ``values`` (plain values only: dicts, lists, texts, bytes, numbers) in ``path``; a
    folder that cannot be written is left as it is (False). With ``later``, inside
    ``writing_later``, the store is written when the command waits (``write_waiting``), and
    its values may not be changed meanwhile.

    With ``recent``, where the file this process read (``read_store``) is still there and
    what changed since is little (``_changes``), only that is written, to a small file beside
    it; else the file is written whole (the small one removed). After one change at 5,000
    processes, some kilobytes instead of 14 MB (the parse store), 6 MB (the page records), 6
    MB (the maps' keys) and 1 MB (the files' signatures): for the large stores that change
    little between runs. What is read back is ``values`` either way, provided that no value
    in them (a list, a dict in a tuple) is changed in place once read or written: an entry
    whose value is the very object read is taken as unchanged."""
    if later and _WAITING is not None:
        _WAITING.append((path, name, values, recent))
        return True
    try:
        if recent:
            found = _changes_since_whole(path, values)
            if found is not None:
                token = _WHOLE[path][1]
                data = marshal.dumps({_TOKEN: token, _VALUES: found[0], _GONE: found[1]})
                write_atomic_bytes(recent_path(path), _sealed(_stamp(name, _RECENT_FORM), data))
                return True
            token = os.urandom(8).hex()
            data = marshal.dumps({_TOKEN: token, _VALUES: values})
            write_atomic_bytes(path, _sealed(_stamp(name, _WHOLE_FORM), data))
            with contextlib.suppress(FileNotFoundError):
                os.unlink(recent_path(path))
            with contextlib.suppress(OSError):
                laid = _laid_over(values, {}, {})
                _WHOLE[path] = (signature(os.stat(path)), token, laid, name)
            return True
        write_atomic_bytes(path, store_bytes(name, values))
    except OSError:
        return False
    return True


#: How a store written with ``recent`` holds its values: with the token that ties the small
#: file of what changed since to the file written whole.
_TOKEN = "token"
_VALUES = "values"
_GONE = "gone"
#: At most this share of a store's entries may have changed (or be no longer used) for only
#: the change to be written (``_changes``); a store of fewer entries is written whole.
RECENT_SHARE = 0.05
RECENT_FROM = 64
#: Each store written whole that this process read or wrote (``recent``): the file's
#: signature then, its token, its values and the store's name (a file read as another store
#: is read anew).
_WHOLE: dict[Path, tuple[Signature, str, dict[Any, Any], str]] = {}


def _as_read(path: Path, now: Signature) -> tuple[Signature, str, dict[Any, Any], str] | None:
    """What this process read or wrote whole at ``path`` (``_WHOLE``), where the file's
    signature is still ``now``; else None."""
    found = _WHOLE.get(path)
    return found if found is not None and found[0] == now else None


def recent_path(path: Path) -> Path:
    """Where a store written with ``recent`` keeps what changed since ``path`` was written
    whole."""
    return path.with_name(f"{path.name}.recent")


def _laid_over(
    values: dict[Any, Any], changes: dict[Any, Any], gone: dict[Any, Any]
) -> dict[Any, Any]:
    """``values`` with ``changes`` laid over them and the entries ``gone`` left out (a dict
    in both, entry by entry: see ``_changes``): new dicts, holding what the old ones held."""
    laid = {
        key: _laid_over(value, {}, {}) if isinstance(value, dict) else value
        for key, value in values.items()
        if key not in changes and key not in gone
    }
    for key, value in changes.items():
        below = values.get(key)
        if isinstance(value, dict) and isinstance(below, dict):
            laid[key] = _laid_over(below, value, gone.get(key) or {})
        else:
            laid[key] = _laid_over(value, {}, {}) if isinstance(value, dict) else value
    for key, inner in gone.items():
        below = values.get(key)
        if inner is not None and key not in changes and isinstance(below, dict):
            laid[key] = _laid_over(below, {}, inner)
    return laid


def _changes_since_whole(
    path: Path, values: dict[Any, Any]
) -> tuple[dict[Any, Any], dict[Any, Any]] | None:
    """What ``values`` change of the store's file as this process read or wrote it whole,
    where that file is still there and the change is little: the entries new or changed,
    and those left out; else None."""
    try:
        found = _as_read(path, signature(os.stat(path)))
    except OSError:
        return None
    if found is None:  # not read or written whole here, or written anew by another run since
        return None
    whole = found[2]
    size = _entries(whole)
    if size < RECENT_FROM:
        return None
    counted = _changes(whole, values, int(size * RECENT_SHARE))
    return None if counted is None else counted[:2]


def _entries(values: dict[Any, Any]) -> int:
    """How many entries ``values`` holds, those of the dicts in it counted one by one."""
    return sum(_entries(value) if isinstance(value, dict) else 1 for value in values.values())


def _changes(
    before: dict[Any, Any], after: dict[Any, Any], limit: int
) -> tuple[dict[Any, Any], dict[Any, Any], int] | None:
    """How ``after`` differs from ``before`` (a dict in both: entry by entry): its entries
    that are not in ``before`` as they are; ``before``'s entries it leaves out (None, or
    within a dict in both, a dict of those); and how many entries these are. None where they
    are more than ``limit``."""
    changes: dict[Any, Any] = {}
    gone: dict[Any, Any] = dict.fromkeys(before.keys() - after.keys())
    count = sum(_entries(before[key]) if isinstance(before[key], dict) else 1 for key in gone)
    if count > limit:
        return None
    for key, value in after.items():
        was = before.get(key, _NONE)
        if was is value:
            continue
        if isinstance(value, dict) and isinstance(was, dict):
            inner = _changes(was, value, limit - count)
            if inner is None:
                return None
            if inner[0]:
                changes[key] = inner[0]
            if inner[1]:
                gone[key] = inner[1]
            count += inner[2]
        elif type(was) is not type(value) or was != value:  # (1 == True == 1.0)
            changes[key] = value
            count += _entries(value) if isinstance(value, dict) else 1
        if count > limit:
            return None
    return changes, gone, count


_NONE = object()


#: The stores to write when the command waits (``writing_later``), in the order given; None
#: outside it.
_WAITING: list[tuple[Path, str, dict[Any, Any], bool]] | None = None


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
        path, name, values, recent = _WAITING.pop(0)
        write_store(path, name, values, recent=recent)


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
    #: whether what changed since it was written whole is written alone (``write_store``'s
    #: ``recent``): for a large store that changes little between runs
    RECENT = False

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
        write_store(self.path, self.NAME, values, later=self.LATER, recent=self.RECENT)


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
