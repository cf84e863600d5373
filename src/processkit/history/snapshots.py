"""An entity as a file held it at one commit: its kind, id and values, read tolerantly."""

from __future__ import annotations

import hashlib
import marshal
import re
from pathlib import Path
from typing import Any

from processkit.cache import UsedStore, usable_folder, write_store
from processkit.frozen import frozen
from processkit.loading.parse import ParseCache
from processkit.loading.yamlfile import read_yaml
from processkit.model import KINDS
from processkit.model.types import ID_RE

EntityKey = tuple[str, str]  # (kind, id)
#: A stored version (``SnapshotStore.keep``): its kind, id, label and subject (``Seen``), and
#: the bytes ``marshal`` made of its values
_Entry = tuple[str, str, str | None, tuple[str, str] | None, bytes]

_KIND_RE = re.compile(rb"^kind:[ \t]*([a-z]+)[ \t]*(?:#.*)?$", re.MULTILINE)
_ID_RE = re.compile(rb"^id:[ \t]*([a-z0-9][a-z0-9._-]{0,63})[ \t]*(?:#.*)?$", re.MULTILINE)


@frozen
class Snapshot:
    """One entity file's contents at one commit; ``value`` is the mapping read (``x-`` keys
    left out), which need not satisfy the models: history holds invalid versions too."""

    kind: str
    id: str
    path: str
    value: dict[str, Any]

    @property
    def key(self) -> EntityKey:
        return (self.kind, self.id)

    @property
    def label(self) -> str | None:
        """The entity's name or title as written, if any."""
        for field in ("name", "title"):
            text = self.value.get(field)
            if isinstance(text, str) and text.strip():
                return text.strip()
        return None

    def seen(self, blob: str) -> Seen:
        """What the version ``blob`` (this one) holds, less its values."""
        subject = None
        if self.kind == "assessment" and self.value.get("process") is not None:
            subject = (str(self.value["process"]), f"{self.value.get('date') or ''}")
        return Seen(self.kind, self.id, self.path, blob, self.label, subject)


@frozen
class Seen:
    """Which entity a file version holds and what names it, without its values: all that the
    change log needs of an entity added or removed in a period, read from the store without
    reading the values (``SnapshotStore.seen``)."""

    kind: str
    id: str
    path: str
    #: the version's git hash
    blob: str
    #: ``Snapshot.label``
    label: str | None
    #: an assessment's process and day, as written (its name in the change log is the
    #: process's name and the day); None for other kinds
    subject: tuple[str, str] | None

    @property
    def key(self) -> EntityKey:
        return (self.kind, self.id)


@frozen
class Unreadable:
    """A file version that holds no entity processkit can identify, and why."""

    path: str
    reason: str


def snapshot(path: str, data: bytes) -> Snapshot | Unreadable:
    """The entity in one version of a file, or why none can be identified."""
    parsed = read_yaml(path, data)
    errors = [d for d in parsed.diagnostics if d.code in ("PK001", "PK002", "PK004")]
    if errors or not isinstance(parsed.value, dict):
        reason = errors[0].message if errors else "the file holds no entity"
        return Unreadable(path, reason)
    return _entity(path, parsed.value)


def _entity(path: str, value: dict[str, Any]) -> Snapshot | Unreadable:
    kind = value.get("kind")
    raw_id = value.get("id")
    entity_id = str(raw_id) if raw_id is not None else ""
    if not isinstance(kind, str) or kind not in KINDS:
        return Unreadable(path, "the file has no known `kind`")
    if not ID_RE.match(entity_id):
        return Unreadable(path, "the file has no valid `id`")
    return Snapshot(kind, entity_id, path, value)


def identify(path: str, data: bytes) -> EntityKey | None:
    """Which entity a file version holds, cheaply: the top-level ``kind:`` and ``id:`` lines
    when each is written once and plainly, else by reading the whole file."""
    kinds = _KIND_RE.findall(data)
    ids = _ID_RE.findall(data)
    if len(kinds) == 1 and len(ids) == 1 and kinds[0].decode() in KINDS:
        return (kinds[0].decode(), ids[0].decode())
    found = snapshot(path, data)
    return found.key if isinstance(found, Snapshot) else None


class SnapshotStore(UsedStore):
    """The entities read from file versions, kept between runs by the version's git hash
    (a blob never changes, so neither does what it holds): a history read again reads only
    the versions it has not seen. Versions that hold no entity are read again each time (their
    reason is said in the language of the day). ``path`` None keeps nothing between runs.

    ``prune`` drops, when saved, what this run did not read: give it where one run reads all
    the history it needs (a publish), not where it reads a part (one ``changelog`` period)."""

    #: Was "git snapshots" before each entry named its entity: a store under that name reads
    #: as empty.
    NAME = "git file versions"
    FILE = "snapshots.bin"

    @classmethod
    def in_folder(cls, folder: Path | None, root: Path, *, prune: bool = False) -> SnapshotStore:
        """The store in the cache folder ``folder`` (None: the repository's own at ``root``);
        one that keeps nothing where no folder can be made."""
        usable = usable_folder(folder, root)
        return cls(usable / cls.FILE, prune=prune) if usable is not None else cls(None)

    def __init__(self, path: Path | None, *, prune: bool = False) -> None:
        super().__init__(path)
        self.prune = prune
        #: opened on the first version to parse (read only: never saved from here)
        self._parse_store: ParseCache | None = None

    def __contains__(self, blob: str) -> bool:
        return blob in self.stored or blob in self.used

    def get(self, path: str, blob: str) -> Snapshot | None:
        found = self._entry(blob)
        if found is None:
            return None
        try:
            value = marshal.loads(found[4])
        except (EOFError, ValueError, TypeError):
            return None
        return Snapshot(found[0], found[1], path, value) if isinstance(value, dict) else None

    def seen(self, path: str, blob: str) -> Seen | None:
        """What the stored version ``blob`` holds, at ``path``, without reading its values."""
        found = self._entry(blob)
        if found is None:
            return None
        kind, entity_id, label, subject, _values = found
        return Seen(kind, entity_id, path, blob, label, subject)

    def key_of(self, blob: str) -> EntityKey | None:
        """Which entity the version ``blob`` holds, where a run before found it without
        reading the version whole (``keep_key``)."""
        found = self.take((_KEY, blob))
        if isinstance(found, tuple) and _texts(found, 2) and found[0] in KINDS:
            return (found[0], found[1])
        return None

    def keep_key(self, blob: str, key: EntityKey) -> None:
        """Keep which entity the version ``blob`` holds (``identify``): the change log reads
        that of every file each commit of its period touched, each time it is made, and a
        version never changes (180 commits took 50 ms to identify again)."""
        self.put((_KEY, blob), key)

    def forget(self, blob: str) -> None:
        """Keep no entry for the version ``blob`` (one that named an entity the version does
        not hold): the next run reads it from git again."""
        self.stored.pop(blob, None)
        self.used.pop(blob, None)
        self.added += 1  # the store is written when saved, without it

    def _entry(self, blob: str) -> _Entry | None:
        """The entry of the version ``blob``; its values are read out only when needed."""
        found = self.used.get(blob) or self.stored.get(blob)
        if not _is_entry(found):
            return None
        self.used[blob] = found
        return found

    def parse(self, path: str, data: bytes) -> Snapshot | Unreadable:
        """The entity in a file version that is not stored: where the same bytes were parsed
        without a problem by a load (the parse store beside this one, ``ParseCache``), its
        values are taken from there, else the version is read (``snapshot``). A first
        history read after a load so parses only the versions that are not in the working
        tree."""
        parsed = self._parsed()
        if parsed is not None:
            found = parsed.get(hashlib.sha256(data).digest())
            if found is not None:
                return _entity(path, found[0])
        return snapshot(path, data)

    def _parsed(self) -> ParseCache | None:
        if self._parse_store is None and self.path is not None:
            self._parse_store = ParseCache(self.path.parent / ParseCache.FILE)
        return self._parse_store

    def keep(self, blob: str, found: Snapshot) -> None:
        try:
            values = marshal.dumps(found.value)
        except ValueError:
            return
        seen = found.seen(blob)
        self.put(blob, (found.kind, found.id, seen.label, seen.subject, values))

    def save(self) -> None:
        if self.path is None:
            return
        if self.prune:
            super().save()
        elif self.added:
            write_store(self.path, self.NAME, {**self.stored, **self.used})


#: What the key of a version's entity (``SnapshotStore.keep_key``) is kept under, with its
#: git hash: apart from the versions' entries, which are kept under the hash alone.
_KEY = "entity"


def _is_entry(found: Any) -> bool:
    """Whether a stored value is an entry as ``SnapshotStore.keep`` makes it."""
    if not isinstance(found, tuple) or len(found) != 5:
        return False
    kind, entity_id, label, subject, values = found
    return (
        isinstance(kind, str)
        and isinstance(entity_id, str)
        and (label is None or isinstance(label, str))
        and (subject is None or (isinstance(subject, tuple) and _texts(subject, 2)))
        and isinstance(values, bytes)
    )


def _texts(found: tuple[Any, ...], count: int) -> bool:
    return len(found) == count and all(isinstance(part, str) for part in found)
