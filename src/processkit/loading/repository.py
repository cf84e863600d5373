"""The loaded repository: its configuration and every entity, with where each came from."""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from yaml.nodes import Node

from processkit.frozen import frozen
from processkit.fsutil import read_bytes
from processkit.loading.locate import Loc, locate
from processkit.loading.yamlfile import Mark, compose, decode
from processkit.model import (
    Area,
    Assessment,
    Config,
    Entity,
    Handbook,
    Person,
    Process,
    Proposal,
    Role,
)

E = TypeVar("E", bound=Entity)

#: How many files' node trees ``Repository.node`` keeps.
NODES_KEPT = 64


@frozen
class Record(Generic[E]):
    """One entity and the file it came from (its ``x-`` keys kept aside), with the sha256 of
    the file's bytes (hex; empty where the entity was not read from a file)."""

    entity: E
    path: str
    extensions: Mapping[str, Any] = field(default_factory=dict)
    digest: str = ""


V = TypeVar("V")


class ByFile(Generic[V]):
    """What is worked out of a file, kept by its kind, path and the hash of its bytes from one
    pass over a repository to the next (``serve`` passes over it before every build): a pass
    takes what the one before worked out of an unchanged file, and keeps what it used."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, str, str], V] = {}
        self._used: dict[tuple[str, str, str], V] = {}

    def of(self, kind: str, record: Record[Any], make: Callable[[], V]) -> V:
        """What ``make`` works out of ``record``'s file: kept from the pass before while its
        bytes are the same (worked out every time for an entity read from no file)."""
        if not record.digest:
            return make()
        mark = (kind, record.path, record.digest)
        found = self._kept.get(mark)
        if found is None:
            found = make()
        self._used[mark] = found
        return found

    def done(self) -> None:
        """End a pass: what it used is what the next finds."""
        self._kept, self._used = self._used, {}

    def __len__(self) -> int:
        """How many files' values the next pass finds."""
        return len(self._kept)


class SourceTexts(dict[str, str]):
    """The text of each file by its path, read from disk (again) when first asked for."""

    def __init__(self, root: Path | None) -> None:
        super().__init__()
        self.root = root

    def get(self, path: str, default: str | None = None) -> str | None:  # type: ignore[override]
        if path in self:
            return self[path]
        if self.root is None:
            return default
        try:
            data = read_bytes(os.path.join(self.root, path))  # no Path made per file
        except OSError:
            return default
        text, _ = decode(path, data)
        if text is None:
            return default
        self[path] = text
        return text


@dataclass(slots=True)
class Repository:
    """Everything that was read: the configuration and every valid entity by kind and id.

    ``known`` also holds the ids of entities whose files had errors, so that a reference to
    them is not reported a second time as unknown.
    """

    root: Path
    config: Config
    records: dict[str, dict[str, Record[Any]]] = field(default_factory=dict)
    known: dict[str, set[str]] = field(default_factory=dict)
    texts: SourceTexts = field(default_factory=lambda: SourceTexts(None))
    files: int = 0
    #: The files whose entity could not be read in full: not at all (a syntax error, not
    #: UTF-8, no kind) or only in part. Checks that conclude from what is missing wait while
    #: there are any (``processkit.rules.run``).
    incomplete: set[str] = field(default_factory=set)
    #: Of those, the files whose entity was kept with its values at fault left out: the loader
    #: checks its references; the rules do not report on what lost a value (``dropped_fields``).
    #: Only ``validate`` sees these entities (``session.open_repository``).
    partial: set[str] = field(default_factory=set)
    #: The ids of the list items left out of a partial entity (an activity), by file: a `next`
    #: naming one of them is not reported.
    dropped_ids: dict[str, set[str]] = field(default_factory=dict)
    #: The ids of files that cannot be read and name no kind processkit knows: a reference of
    #: any kind to one of them is not reported.
    known_anywhere: set[str] = field(default_factory=set)
    #: For a partial entity, by file: the top-level fields that lost values ("" when a
    #: top-level field was left out itself). No rule reports on what they could change.
    dropped_fields: dict[str, set[str]] = field(default_factory=dict)
    #: For a partial entity whose lists lost items, by file: the first places of the items
    #: kept, by the place of their list in what was kept (``locate`` finds them by it).
    shifts: dict[str, dict[tuple[str | int, ...], list[int]]] = field(default_factory=dict)
    _nodes: OrderedDict[str, Node | None] = field(default_factory=OrderedDict)

    def of_kind(self, kind: str) -> dict[str, Record[Any]]:
        return self.records.setdefault(kind, {})

    @property
    def areas(self) -> dict[str, Record[Area]]:
        return cast("dict[str, Record[Area]]", self.of_kind("area"))

    @property
    def processes(self) -> dict[str, Record[Process]]:
        return cast("dict[str, Record[Process]]", self.of_kind("process"))

    @property
    def roles(self) -> dict[str, Record[Role]]:
        return cast("dict[str, Record[Role]]", self.of_kind("role"))

    @property
    def people(self) -> dict[str, Record[Person]]:
        return cast("dict[str, Record[Person]]", self.of_kind("person"))

    @property
    def handbooks(self) -> dict[str, Record[Handbook]]:
        return cast("dict[str, Record[Handbook]]", self.of_kind("handbook"))

    @property
    def proposals(self) -> dict[str, Record[Proposal]]:
        return cast("dict[str, Record[Proposal]]", self.of_kind("proposal"))

    @property
    def assessments(self) -> dict[str, Record[Assessment]]:
        return cast("dict[str, Record[Assessment]]", self.of_kind("assessment"))

    def exists(self, kind: str, entity_id: str) -> bool:
        return entity_id in self.known.get(kind, ()) or entity_id in self.known_anywhere

    def referable(self, kind: str) -> frozenset[str]:
        """Every id that ``exists`` for ``kind``, for checking many references at once."""
        return frozenset(self.known.get(kind, ())) | self.known_anywhere

    def __post_init__(self) -> None:
        if self.texts.root is None:
            self.texts.root = self.root

    def entity_count(self) -> int:
        return sum(len(ids) for ids in self.known.values())

    def all_records(self) -> Iterator[tuple[str, Record[Any]]]:
        for kind in sorted(self.records):
            for entity_id in sorted(self.records[kind]):
                yield kind, self.records[kind][entity_id]

    def node(self, path: str) -> Node | None:
        """The top node of a file, composed again on demand to find positions.

        The most recently used files' nodes are kept (a node tree is many times the size of
        its file, so not all of them): diagnostics come sorted by file, so this hits.
        """
        if path in self._nodes:
            self._nodes.move_to_end(path)
            return self._nodes[path]
        text = self.texts.get(path)
        nodes = compose(path, text)[0] if text is not None else []
        node = next((n for n in nodes if n.value != ""), None)
        self._nodes[path] = node
        if len(self._nodes) > NODES_KEPT:
            self._nodes.popitem(last=False)
        return node

    def locate(self, path: str, loc: Loc, *, at_key: bool = False) -> Mark:
        """The 1-based position of a key or value in a file."""
        node = self.node(path)
        if node is None:
            return Mark(0, 0)
        shifts = self.shifts.get(path)
        if shifts:
            loc = _as_written(loc, shifts)
        return locate(node, loc, at_key=at_key)

    def source_line(self, path: str, line: int) -> str | None:
        text = self.texts.get(path)
        if text is None or line < 1:
            return None
        lines = text.split("\n")
        return lines[line - 1] if line <= len(lines) else None


def _as_written(loc: Loc, shifts: Mapping[tuple[str | int, ...], list[int]]) -> Loc:
    """A key path in what was kept of a partial entity, as a key path in its file."""
    written: list[str | int] = []
    for depth, part in enumerate(loc):
        if isinstance(part, int):
            kept = shifts.get(tuple(loc[:depth]))
            if kept is not None and part < len(kept):
                part = kept[part]
        written.append(part)
    return tuple(written)
