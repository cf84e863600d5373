"""What each entity page read, so that a rebuild makes again only the pages whose inputs changed.

An entity's page (an area, a process, a role, a handbook) is built from the repository, the
facts gathered from it, the history and the maps. While its context is built those are seen
through *tracked* views (``TrackedSources``) that note every read as a token:

- ``("record", kind, id)`` an entity read by its id (or looked for and not found), and
  ``("record", kind, "*")`` a whole kind walked through;
- ``("known", kind, id)`` whether an id exists (``Repository.exists``);
- ``("fact", name, key)`` one entry of a gathered fact (``Facts.children`` …), or ``"*"``;
- ``("overdue", kind, id)`` whether an entity's review is overdue on the build's day;
- ``("history", path)`` a file's history; ``("map", key)`` a drawn map.

A page that stands alone and says what it reads (``sitemap.PageReads``) is not built through
the tracked views: its record holds the tokens of what it says, worked out before it is
built, so that an unchanged one is not built at all:

- ``("fields", kind, "name,owner")`` the ids of a kind's entities, with the fields named;
- ``("record", kind, "*")`` and ``("fact", name, "*")`` as above;
- ``("site",)`` what every page that stands alone shows (the day of publication among it).

A page's **dependency record** is its tokens, each with a digest of what it read, kept in the
cache with the page's output. The next build works out the digest of each token from the
repository it has now (``Digests``); when every one is the same, the page is taken as it was,
without building its context. What every page reads (templates, catalogue, configuration,
processkit's version, the site-wide settings) is in the build's fingerprint instead: a change
there rebuilds every page.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import partial
from operator import attrgetter
from typing import Any

from processkit.domain.facts import Facts, Later, RoleUsage, uses_of
from processkit.loading.repository import Record
from processkit.model import KINDS, Handbook, Process
from processkit.site.contexts import MapFigure
from processkit.site.history import History, PageChange
from processkit.site.maps import Figures
from processkit.site.sitemap import WHOLE, PageReads, Sources

Token = tuple[str, ...]
ALL = "*"

#: The tokens of the page being built now (None: nothing is being recorded).
_reading: set[Token] | None = None


def _note(token: Token) -> None:
    if _reading is not None:
        _reading.add(token)


class TrackedDict(dict[Any, Any]):
    """A dict that notes which keys are read, and when it is walked through as a whole."""

    __slots__ = ("_name",)

    def __init__(self, name: tuple[str, ...], data: Mapping[Any, Any]) -> None:
        super().__init__(data)
        self._name = name

    def __getitem__(self, key: Any) -> Any:
        _note((*self._name, key))
        return super().__getitem__(key)

    def get(self, key: Any, default: Any = None) -> Any:
        _note((*self._name, key))
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        _note((*self._name, str(key)))
        return super().__contains__(key)

    def _all(self) -> None:
        _note((*self._name, ALL))

    def __iter__(self) -> Iterator[Any]:
        self._all()
        return super().__iter__()

    def __len__(self) -> int:
        self._all()
        return super().__len__()

    def keys(self) -> Any:
        self._all()
        return super().keys()

    def values(self) -> Any:
        self._all()
        return super().values()

    def items(self) -> Any:
        self._all()
        return super().items()


class TrackedSet(frozenset[str]):
    """A set of ids that notes each id asked about (and a walk through it as a whole)."""

    _name: tuple[str, ...]

    def __new__(cls, name: tuple[str, ...], data: set[str]) -> TrackedSet:
        made = super().__new__(cls, data)
        made._name = name
        return made

    def __contains__(self, key: object) -> bool:
        _note((*self._name, str(key)))
        return super().__contains__(key)

    def __iter__(self) -> Iterator[str]:
        _note((*self._name, ALL))
        return super().__iter__()

    def __len__(self) -> int:
        _note((*self._name, ALL))
        return super().__len__()


class _TrackedMaps(Mapping[str, MapFigure]):
    """The maps, noting which a page shows (without reading any it does not ask for)."""

    def __init__(self, maps: Mapping[str, MapFigure]) -> None:
        self._maps = maps

    def __getitem__(self, key: str) -> MapFigure:
        _note(("map", key))
        return self._maps[key]

    def __iter__(self) -> Iterator[str]:
        _note(("map", ALL))
        return iter(self._maps)

    def __len__(self) -> int:
        _note(("map", ALL))
        return len(self._maps)


class _TrackedFacts(Facts):
    def overdue(self, entity: Process | Handbook) -> bool:
        kind = "handbook" if isinstance(entity, Handbook) else "process"
        _note(("overdue", kind, entity.id))
        return super().overdue(entity)


class _TrackedHistory(History):
    def page(self, path: str) -> list[PageChange]:
        _note(("history", path))
        return super().page(path)


FACT_FIELDS = tuple(f.name for f in fields(Facts) if f.name not in ("today", "config"))


def tracked(sources: Sources) -> Sources:
    """``sources`` seen through views that note what is read (see the module's text)."""
    repo = sources.repo
    view = replace(
        repo,
        records={kind: TrackedDict(("record", kind), repo.records.get(kind, {})) for kind in KINDS},
        known={kind: TrackedSet(("known", kind), repo.known.get(kind, set())) for kind in KINDS},  # type: ignore[misc]
        known_anywhere=TrackedSet(("known", ALL), repo.known_anywhere),  # type: ignore[arg-type]
    )
    facts = sources.facts
    values: dict[str, Any] = {f.name: getattr(facts, f.name) for f in fields(Facts)}
    for name in FACT_FIELDS:
        value = values[name]
        track = partial(TrackedDict, ("fact", name), value)
        # a fact worked out when first read is seen so too: a page that reads it works it out
        values[name] = Later(track) if isinstance(value, Later) else track()
    fact_view = _TrackedFacts(**values)
    history = sources.history
    history_view = _TrackedHistory(
        history.files, history.recent, history.words, history.people, history.digests
    )
    return replace(
        sources,
        repo=view,
        facts=fact_view,
        history=history_view,
        maps=_TrackedMaps(sources.maps),
    )


def reading() -> _Recording:
    """Record what is read inside the ``with`` block."""
    return _Recording()


class _Recording:
    def __init__(self) -> None:
        self.tokens: set[Token] = set()

    def __enter__(self) -> _Recording:
        global _reading
        _reading = self.tokens
        return self

    def __exit__(self, *_exc: object) -> None:
        global _reading
        _reading = None


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _hash_values(values: list[Any]) -> str:
    """The hash of plain values (texts, numbers, lists of them, None) as ``marshal`` writes
    them in its first version, which never refers back to an object written before, so
    that equal values give equal bytes; where it cannot write one (a date), of their
    ``repr``. For the fields of 5,000 processes: 6-9 ms against 12-14 ms."""
    try:
        data = b"m" + marshal.dumps(values, 0)
    except ValueError:
        data = b"r" + repr(values).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:32]


class RoleHashes:
    """What one process shows on each role's page (its ``RoleUsage`` of the role), hashed,
    kept between builds by the hash of the process's file: at 5,000 processes the usages of
    all roles print as 8.7 MB, so only those of a changed process are worked out and hashed
    again. ``stored`` is what the last build kept; ``used`` what this one used, to keep for
    the next."""

    def __init__(self, stored: Mapping[str, tuple[str, dict[str, bytes]]]) -> None:
        self.stored = stored
        self.used: dict[str, tuple[str, dict[str, bytes]]] = {}
        #: whether hashes were worked out here (``used`` shares the entries it took as stored)
        self.added = False

    def of(
        self,
        process_id: str,
        file: str,
        process: Process,
        uses: Mapping[str, RoleUsage] | None = None,
    ) -> dict[str, bytes]:
        """The hash of ``process``'s usage of each role it names, by role (``uses_of``, or
        ``uses`` where the caller has them already)."""
        if not file:  # an entity with no file hash: hashed every time
            found = uses if uses is not None else uses_of(process)
            return {role: _usage_hash(usage) for role, usage in found.items()}
        entry = self.used.get(process_id)
        if entry is None:
            before = self.stored.get(process_id)
            if before is None or before[0] != file:
                found = uses if uses is not None else uses_of(process)
                before = (file, {role: _usage_hash(usage) for role, usage in found.items()})
                self.added = True
            entry = self.used[process_id] = before
        return entry[1]

    def changed(self) -> bool:
        """Whether what the next build should find differs from what this one found."""
        return self.added or self.used.keys() != self.stored.keys()


def _usage_hash(usage: RoleUsage) -> bytes:
    return hashlib.sha256(repr(usage).encode("utf-8", "surrogatepass")).digest()[:16]


def read_by(reads: PageReads) -> list[Token]:
    """The tokens of what a page that stands alone says it reads (``reads``), less what
    every such page shows (``("site",)``, which the caller adds)."""
    tokens: list[Token] = []
    for kind, names in sorted(reads.fields.items()):
        whole = names == WHOLE
        tokens.append(("record", kind, ALL) if whole else ("fields", kind, ",".join(names)))
    tokens += [("fact", name, ALL) for name in reads.facts]
    return tokens


#: What every page that stands alone shows: its token (see the module's text).
SITE: Token = ("site",)


@dataclass
class Digests:
    """The digest of what each token reads in the repository as it is now (memoised);
    ``site`` is what every page that stands alone shows (``build._fingerprint``)."""

    sources: Sources
    roles: RoleHashes = field(default_factory=lambda: RoleHashes({}))
    site: str = ""

    def __post_init__(self) -> None:
        self._known: dict[Token, str] = {}
        #: the digest of each role's ``role_uses`` token (``_role_uses``)
        self._roles: dict[str, str] | None = None

    def of(self, token: Token) -> str:
        found = self._known.get(token)
        if found is None:
            found = self._known[token] = self._digest(token)
        return found

    def _digest(self, token: Token) -> str:
        kind = token[0]
        repo = self.sources.repo
        if kind == "record":
            records = repo.records.get(token[1], {})
            if token[2] == ALL:
                return _hash(repr(sorted((i, _record(r)) for i, r in records.items())))
            record = records.get(token[2])
            return _record(record) if record is not None else "-"
        if kind == "fields":
            shown = attrgetter(*token[2].split(","))
            entities = sorted(repo.records.get(token[1], {}).items())
            return _hash_values([(i, shown(record.entity)) for i, record in entities])
        if kind == "site":
            return self.site
        if kind == "known":
            if token[1] == ALL:
                return _hash(repr(sorted(repo.known_anywhere)))
            ids = repo.known.get(token[1], set())
            if token[2] == ALL:
                return _hash(repr(sorted(ids)))
            return "1" if token[2] in ids else "0"
        if kind == "fact":
            table: Mapping[Any, Any] = getattr(self.sources.facts, token[1])
            if token[2] == ALL:
                return _hash(repr(sorted(table.items())))
            if token[1] == "role_uses":
                return self._role_uses(token[2])
            value = table.get(token[2])
            # most processes have no entry in most facts (no children, no proposals)
            return "-" if value is None else _hash(repr(value))
        if kind == "overdue":
            entity = repo.records.get(token[1], {}).get(token[2])
            if entity is None:
                return "-"
            return "1" if self.sources.facts.overdue(entity.entity) else "0"
        if kind == "history":
            return self.sources.history.digest(token[1])
        if kind == "map":
            maps = self.sources.maps
            if token[1] == ALL:
                return _hash(repr(sorted((key, self.of(("map", key))) for key in maps)))
            if isinstance(maps, Figures):
                return maps.digest(token[1]) or "-"
            figure: MapFigure | None = maps.get(token[1])
            return _hash(figure.svg) if figure is not None else "-"
        raise ValueError(f"unknown dependency token {token!r}")  # a programming error

    def _role_uses(self, role: str) -> str:
        """The digest of what a role's page shows of the processes it acts in (its entry of
        ``Facts.role_uses``): by process, the hash of its ``RoleUsage`` (``RoleHashes``)."""
        return self.role_digests().get(role, "-")

    def role_digests(self) -> dict[str, str]:
        """Every role's digest (``_role_uses``), worked out at once from the hashes kept by
        the processes' files, without the usages of the processes whose files are unchanged;
        called before workers fork, so that they do not each work them out, and the hashes
        are kept by this process's ``roles`` for the next build."""
        if self._roles is None:
            # the usages, by process, where the role pages' facts are worked out already (a
            # build from nothing): not worked out again for the processes not kept (0.23 s
            # -> 0.17 s at 5,000 processes, while the other core waits for the pages' workers)
            table = self.sources.facts.role_uses
            known = table.known() if isinstance(table, Later) else table
            by_process: dict[str, dict[str, RoleUsage]] | None = None
            if known is not None:
                by_process = {}
                for role_id, uses in known.items():
                    for process_id, usage in uses.items():
                        by_process.setdefault(process_id, {})[role_id] = usage
            hashes: dict[str, Any] = {}
            for process_id, record in sorted(self.sources.repo.processes.items()):
                said = f"{process_id}\0".encode("utf-8", "surrogatepass")
                found = by_process.get(process_id, {}) if by_process is not None else None
                for role_id, usage in self.roles.of(
                    process_id, record.digest, record.entity, found
                ).items():
                    digest = hashes.get(role_id)
                    if digest is None:
                        digest = hashes[role_id] = hashlib.sha256()
                    digest.update(said)
                    digest.update(usage)
            self._roles = {role_id: digest.hexdigest()[:32] for role_id, digest in hashes.items()}
        return self._roles

    def unchanged(self, record: Mapping[Token, str]) -> bool:
        known = self._known  # looked up here: tens of thousands of tokens per build
        for token, digest in record.items():
            found = known.get(token)
            if (found if found is not None else self.of(token)) != digest:
                return False
        return True


def _record(record: Record[Any]) -> str:
    if record.digest:
        return f"{record.path}\0{record.digest}"
    return _hash(f"{record.path}\0{record.entity!r}\0{record.extensions!r}")


__all__ = [
    "ALL",
    "SITE",
    "Digests",
    "RoleHashes",
    "Token",
    "TrackedDict",
    "read_by",
    "reading",
    "tracked",
]
