"""Reading and parsing many files, on every core when there are many.

Parsing (libyaml's composer, then our conversion) is most of a validation's time and each file
is independent, so a large repository is parsed by worker processes, in chunks. Workers send
back plain values; the node trees stay behind (positions are found again, on demand, only for
files with something to report).

A file whose contents were parsed before without a problem is not parsed again: its values are
kept in the cache folder by the sha256 of its bytes (``ParseCache``), so an edit, a checkout or a
file copied in from elsewhere is always read afresh. A file with problems is always parsed, so
its messages are said in the language of the day.
"""

from __future__ import annotations

import gc
import hashlib
import json
import marshal
import multiprocessing
import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from processkit.background import settle
from processkit.cache import UsedStore
from processkit.diagnostics import Diagnostic, Severity
from processkit.fsutil import read_bytes
from processkit.fsutil import signature as _signature
from processkit.i18n import _
from processkit.loading.repository import ByFile
from processkit.loading.yamlfile import read_yaml

if TYPE_CHECKING:
    from processkit.loading.references import Refers

#: A load that may parse only a few files afresh (``parse_files``' ``fresh_at_most``) may
#: parse this many, or this share of the files, whichever is more.
FEW_FRESH = 50
FEW_FRESH_SHARE = 0.02


class NotInStore(Exception):
    """More files are to be parsed afresh than the load may parse (``fresh_at_most``)."""


def fresh_limit(files: int) -> int:
    """How many of ``files`` a load that may parse only a few may parse afresh."""
    return max(FEW_FRESH, int(files * FEW_FRESH_SHARE))


#: Below this many files one process is faster than starting workers.
PARALLEL_FROM = 400
CHUNK = 200


#: An entity as a load made it: its kind, the entity and the ``x-`` keys of its file.
Made = tuple[str, Any, dict[str, Any]]


@dataclass(slots=True)
class FileResult:
    """One file read and parsed: its mapping value (when it had one), its problems, and its text
    when it has problems."""

    path: str
    text: str | None = None
    value: dict[str, Any] | None = None
    extensions: dict[str, Any] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: the sha256 of the bytes read (None when the file could not be read)
    digest: bytes | None = None
    #: the entity made of these bytes by an earlier load (``Remembered``; then ``value`` is
    #: None): its kind, the entity and the file's ``x-`` keys
    made: Made | None = None
    #: the value's ``kind`` and the value as JSON text (``_as_json``), where JSON holds all of
    #: it as it is; as the parse store gives a file back, ``value`` is then None (``values``
    #: makes it), and the load makes the entity straight from the text
    json: tuple[str, bytes] | None = None

    def values(self) -> dict[str, Any] | None:
        """``value``, made from the JSON text where the parse store gave that alone; None
        where that text does not read as a mapping (an entry written by another hand)."""
        if self.value is None and self.json is not None:
            try:
                found = json.loads(self.json[1])
            except (ValueError, RecursionError):
                return None
            self.value = found if isinstance(found, dict) else None
        return self.value


def _as_json(value: dict[str, Any]) -> tuple[str, bytes] | None:
    """The ``kind`` of a file's value and the value as JSON text (UTF-8), where the loader
    read nothing JSON would change (``ParsedFile.plain``: JSON keeps texts, whole numbers,
    true, false, null, lists and mappings with text keys as they are, and pydantic reads
    them from JSON as from Python): None where the value has no ``kind`` in text, or holds a
    text that UTF-8 cannot encode (a lone surrogate)."""
    kind = value.get("kind")
    if not isinstance(kind, str):
        return None
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return kind, text.encode("utf-8")
    except (ValueError, RecursionError):  # (UnicodeEncodeError is one)
        return None


class ParseCache(UsedStore):
    """The values of files parsed without a problem, by the sha256 of their bytes, in the file
    ``path``. Each entry is kept as the bytes ``marshal`` made of it when the file was parsed,
    so what a command later does with the values it was given cannot change the store. An
    entry holds the value as JSON text with its ``kind``, where JSON holds it as it is
    (``_as_json``: a load makes the entity straight from the text, without Python values in
    between), else the value itself; and the file's ``x-`` keys. What a load did not use is
    dropped when it is saved: the store holds the repository as it is and does not grow
    with every edit."""

    NAME = "parsed files"
    FILE = "parsed.bin"
    LATER = True  # 14 MB at 5,000 processes, for the next command
    RECENT = True  # after one edit, the new entry alone

    def get(self, digest: bytes) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """The value and the ``x-`` keys stored for ``digest``; None where none is stored, or
        the entry cannot be read out."""
        found = self.result("", digest)
        if found is None:
            return None
        value = found.values()
        return (value, found.extensions) if value is not None else None

    def result(self, relative: str, digest: bytes) -> FileResult | None:
        """The file ``relative`` as stored for ``digest``: with its JSON text and no value,
        where it was stored so (whether that text reads as a mapping is found as the entity
        is made: see ``values``); None where nothing is stored, or the entry is not as this
        store writes one."""
        found = self.stored.get(digest)
        if found is None:
            return None
        try:
            held, extensions, *kind = marshal.loads(found)
        except (EOFError, ValueError, TypeError):
            return None
        if not isinstance(extensions, dict):
            return None
        if isinstance(held, bytes) and len(kind) == 1 and isinstance(kind[0], str):
            made = FileResult(relative, extensions=extensions, digest=digest, json=(kind[0], held))
        elif isinstance(held, dict) and not kind:
            made = FileResult(relative, None, held, extensions, digest=digest)
        else:  # written by another hand
            return None
        self.used[digest] = found
        return made

    def holds(self, digest: bytes) -> bool:
        """Whether values are stored for ``digest`` (not read out, nor counted as used: see
        ``get``)."""
        return digest in self.stored

    def touch(self, digest: bytes) -> None:
        """Count the values stored for ``digest`` as used, without reading them out."""
        found = self.stored.get(digest)
        if found is not None:
            self.used[digest] = found

    def keep(self, digest: bytes, result: FileResult) -> None:
        if result.diagnostics or not isinstance(result.value, dict):
            return
        try:
            if result.json is not None:
                kind, text = result.json
                self.put(digest, marshal.dumps((text, result.extensions, kind)))
            else:
                self.put(digest, marshal.dumps((result.value, result.extensions)))
        except ValueError:  # a value marshal cannot hold: parsed again next time
            return


def _parse_read(root: Path, relative: str, keeps: bool = False) -> tuple[bytes | None, FileResult]:
    """The file parsed, with the sha256 of the bytes parsed (None when it cannot be read);
    ``keeps``: as ``_parsed``."""
    data = _read(os.path.join(root, relative), relative)
    if isinstance(data, FileResult):
        return None, data
    digest = hashlib.sha256(data).digest()
    return digest, _parsed(relative, data, digest, keeps)


def _parsed(relative: str, data: bytes, digest: bytes, keeps: bool = False) -> FileResult:
    """The bytes ``data`` of the file ``relative``, whose sha256 is ``digest``, parsed;
    ``keeps``: with the value as JSON text, where JSON holds it (``_as_json``), for the parse
    store (worked out where the file is parsed: by the workers, where many are)."""
    result = parse_bytes(relative, data, keeps)
    result.digest = digest
    return result


def _read(place: str, relative: str) -> bytes | FileResult:
    """The bytes of the file at ``place`` (``relative`` in the repository)."""
    try:
        return read_bytes(place)
    except OSError as exc:
        from processkit.errors import reason as why

        reason = why(exc)
        problem = Diagnostic(
            "PK001",
            Severity.ERROR,
            _("the file cannot be read: {reason}", reason=reason),
            relative,
            0,
            0,
            _("Check that the file exists and may be read."),
        )
        return FileResult(relative, diagnostics=[problem])


def parse_bytes(relative: str, data: bytes, keeps: bool = False) -> FileResult:
    """The file parsed; ``keeps``: with the value as JSON text too, where JSON holds it as
    it is (``_as_json``), for the parse store."""
    parsed = read_yaml(relative, data)
    value = parsed.value if parsed.node is not None else None
    # The text goes back only where there is something to show; the rest is read again from
    # disk on demand (Repository.texts), which costs less than sending it between processes.
    text = parsed.text if parsed.diagnostics else None
    result = FileResult(relative, text, value, parsed.extensions, parsed.diagnostics)
    if keeps and parsed.plain and isinstance(value, dict) and not parsed.diagnostics:
        result.json = _as_json(value)
    return result


def reparsed(root: Path, relative: str, cache: ParseCache | None) -> FileResult:
    """The file ``relative`` read and parsed afresh, where what the parse store held of it
    cannot be read out; kept in ``cache`` in place of that."""
    digest, result = _parse_read(root, relative, keeps=cache is not None)
    if digest is not None and cache is not None:
        cache.keep(digest, result)
    return result


def _parse_chunk(
    root: Path, paths: list[str], keeps: bool
) -> list[tuple[bytes | None, FileResult]]:
    gc.disable()  # a worker lives for one repository; collecting cycles only costs time
    return [_parse_read(root, path, keeps) for path in paths]


def workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


#: A file written or changed less than this long before a load began may change again within
#: the same tick of a coarse clock (whole seconds on some file systems) without its signature
#: changing: its hash is not kept. Judged by the later of its modification time and its
#: change time: a tool may put the first back (``cp -p``, ``rsync -t``), never the second.
SETTLED_NS = 2_000_000_000


class Signatures(UsedStore):
    """Each file's signature (times, size, inode: ``fsutil.signature``) as it was looked at
    before its bytes were read, with the hash of those bytes, by its place: a file whose
    signature is unchanged is not read again, its values taken from the parse store by that
    hash. A file changed within ``SETTLED_NS`` before the load began is not kept (it is read
    again next time). Kept in the cache folder for the next command (a publish after an edit
    reads one file, not thousands: 0.02-0.03 s of a load at 5,000 processes), or in memory
    only (``serve``, whose watcher tells it what changed: ``forget``)."""

    NAME = "file signatures"
    FILE = "signatures.bin"
    LATER = True  # for the next command
    RECENT = True  # 1 MB at 5,000 processes, some entries of which change

    def __init__(self, path: Path | None) -> None:
        super().__init__(path)
        #: when the load began: every file is looked at after it
        self.begun = time.time_ns()

    def look(self, place: str) -> tuple[os.stat_result | None, bytes | None]:
        """The file's signature as it is now, looked at before it is read (a change while it
        is read then shows as a new signature next time), and the hash of its bytes where
        that signature is the one kept."""
        try:
            info = os.stat(place)
        except OSError:
            return None, None
        found = self.stored.get(place)  # (each file is looked at once a load)
        if (
            isinstance(found, tuple)
            and len(found) == 2
            and isinstance(found[1], bytes)  # (a list could not be looked up)
            and found[0] == _signature(info)
        ):
            self.used[place] = found
            return info, found[1]
        return info, None

    def note(self, place: str, info: os.stat_result | None, digest: bytes) -> None:
        """Keep the hash of the bytes read after the signature ``info`` was looked at."""
        if info is not None and self.begun - max(info.st_mtime_ns, info.st_ctime_ns) > SETTLED_NS:
            self.put(place, (_signature(info), digest))
        else:  # it may change again unseen: read it next time
            self.used.pop(place, None)

    def forget(self, places: Iterable[str]) -> None:
        for place in places:
            self.stored.pop(place, None)
            self.used.pop(place, None)

    def take_stored(self, path: Path) -> None:
        """Begin with the signatures a command kept in ``path``, where none are known yet (the
        first load of a process that keeps them in memory: ``serve``); they are kept in
        memory, not written back."""
        if not self.stored and not self.used:
            self.stored = Signatures(path).stored

    def again(self) -> None:
        super().again()
        self.begun = time.time_ns()


class Remembered:
    """What a process that loads one repository again and again (``serve``) keeps between
    loads: the parse store as read and added to (``parsed.bin`` is not read again); each
    file's signature with the hash of its bytes (``Signatures``, in memory, begun with those
    the last command kept), so that a file whose signature is unchanged is not read again;
    and the entity each file without a problem was made into, by the hash of its bytes, so
    that it is not made again. An entity is immutable (its model is frozen, and no command
    changes what its lists hold: the serve tests hold a kept entity equal to one made afresh
    after builds), so one load's entity may serve the next. ``forget`` the files the watcher
    saw change."""

    def __init__(self) -> None:
        self.stores: dict[Path, ParseCache] = {}
        self.signatures = Signatures(None)
        #: the entities of the last load, and those of the load under way (what a load did
        #: not use is let go with it: the memory holds the repository as it is)
        self.entities: dict[bytes, Made] = {}
        self.using: dict[bytes, Made] = {}
        #: what each file refers to (``references.check_references``), by its kind, path and
        #: hash, from the last load
        self.references: ByFile[Refers] = ByFile()
        #: the loads begun
        self.loads = 0

    def begin(self) -> None:
        """Begin a load: the entities it uses or makes are counted afresh."""
        self.using = {}
        self.loads += 1
        self.signatures.again()

    def end(self) -> None:
        """The load ended whole: what it used is what is kept."""
        self.entities = self.using
        self.using = {}

    def made(self, digest: bytes) -> Made | None:
        """The kind and entity made of the bytes with hash ``digest``, where one was."""
        found = self.entities.get(digest) or self.using.get(digest)
        if found is not None:
            self.using[digest] = found
        return found

    def make(self, digest: bytes, made: Made) -> None:
        """Keep the entity made, without a problem, of the bytes with hash ``digest``."""
        self.using[digest] = made

    def store(self, path: Path) -> ParseCache:
        found = self.stores.get(path)
        if found is None:
            found = self.stores[path] = ParseCache(path)
        else:
            found.again()
        return found

    def forget(self, paths: Iterable[Path]) -> None:
        self.signatures.forget(os.fspath(Path(path).resolve()) for path in paths)


def parse_files(
    root: Path,
    paths: list[str],
    *,
    parallel: bool | None = None,
    cache: ParseCache | None = None,
    remembered: Remembered | None = None,
    signatures: Signatures | None = None,
    fresh_at_most: int | None = None,
) -> Iterator[FileResult]:
    """Every file parsed, in the order given; with ``cache``, those parsed before are taken
    from it, and the others are added to it (by the hash of the bytes actually parsed, so a
    file edited meanwhile is never stored under its old contents). With ``signatures``, a file
    whose signature is unchanged since it was read is taken from ``cache`` without reading
    it; with ``remembered``, a file whose bytes an earlier load made into an entity comes
    back as that entity (``FileResult.made``). With ``fresh_at_most``, NotInStore is raised,
    before any file is parsed, where more than that many are not in ``cache`` (none is,
    without one), or, where an entry of ``cache`` cannot be read out, as the files are given."""
    if cache is None:
        if fresh_at_most is not None and len(paths) > fresh_at_most:
            raise NotInStore
        for _digest, result in _parse_all(root, paths, parallel):
            yield result
        return
    known: dict[str, FileResult] = {}
    #: the hash of each file whose values ``cache`` holds: they are read out as the file is
    #: given, so that the values of one are let go of once the caller has made its entity
    #: (read out all at once, they were held beside the entities: 0.07 s more of a load at
    #: 5,000 processes, in memory the system had to hand over page by page)
    stored: dict[str, bytes] = {}
    #: the bytes read to be looked up in ``cache`` and not found there, with their hash: a
    #: few (an edit since the last load) are parsed as read; many are read by the workers
    held: dict[str, tuple[bytes, bytes]] = {}
    base = os.fspath(root.resolve())  # as ``forget`` is given them
    # each file's place joined as ``os.path.join`` joins a relative path, without its checks
    # on every file (6,410 at 5,000 processes, in each load)
    prefix = base if base.endswith(os.sep) else base + os.sep
    for relative in paths:
        place = prefix + relative
        info, digest = signatures.look(place) if signatures is not None else (None, None)
        made = _made(remembered, cache, digest, relative)
        if made is not None:
            known[relative] = made
            continue
        if digest is None or not cache.holds(digest):
            data = _read(place, relative)
            if isinstance(data, FileResult):
                known[relative] = data
                continue
            digest = hashlib.sha256(data).digest()
            if signatures is not None:
                signatures.note(place, info, digest)
            made = _made(remembered, cache, digest, relative)
            if made is not None:
                known[relative] = made
                continue
            if not cache.holds(digest):
                if len(held) < PARALLEL_FROM:
                    held[relative] = (digest, data)  # parsed here, not read again (below)
                continue
        stored[relative] = digest
    todo = [path for path in paths if path not in known and path not in stored]
    if fresh_at_most is not None and len(todo) > fresh_at_most:
        raise NotInStore
    fresh = _parse_all(root, todo, parallel, held, keeps=True)
    damaged = 0  # entries of the store that could not be read out: their files parsed anew
    for relative in paths:
        digest = stored.get(relative)
        if digest is not None:
            found = cache.result(relative, digest)
            if found is not None:
                yield found
                continue
            damaged += 1
            if fresh_at_most is not None and len(todo) + damaged > fresh_at_most:
                raise NotInStore
            yield reparsed(root, relative, cache)
            continue
        if relative in known:
            yield known[relative]
            continue
        parsed_digest, result = next(fresh)
        if parsed_digest is not None:
            cache.keep(parsed_digest, result)
        yield result


def _made(
    remembered: Remembered | None, cache: ParseCache, digest: bytes | None, relative: str
) -> FileResult | None:
    """The file as an earlier load made it (``Remembered``), where its bytes were made into
    an entity before; its values stay in the parse store (they are not read out)."""
    if remembered is None or digest is None:
        return None
    made = remembered.made(digest)
    if made is None:
        return None
    cache.touch(digest)
    return FileResult(relative, made=made, digest=digest)


def _parse_all(
    root: Path,
    paths: list[str],
    parallel: bool | None,
    held: dict[str, tuple[bytes, bytes]] | None = None,
    *,
    keeps: bool = False,
) -> Iterator[tuple[bytes | None, FileResult]]:
    """Each file of ``paths`` parsed, with the hash of its bytes: those ``held`` (read
    already: their hash and bytes) as they were read, where they are parsed here;
    ``keeps``: as ``_parsed``."""
    count = workers()
    if parallel is None:
        parallel = len(paths) >= PARALLEL_FROM and count > 1
    if not parallel or "fork" not in multiprocessing.get_all_start_methods():
        for path in paths:
            got = held.pop(path, None) if held is not None else None
            yield (
                (got[0], _parsed(path, got[1], got[0], keeps))
                if got
                else _parse_read(root, path, keeps)
            )
        return
    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    context = multiprocessing.get_context("fork")
    settle()  # no fork while a thread of this process works (see processkit.background)
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        for results in pool.map(_parse_chunk, [root] * len(chunks), chunks, [keeps] * len(chunks)):
            yield from results
