"""Finding an entity by the id (or name) someone wrote, and the error when it names nothing.

Every command that takes an id asks here: ``guess`` is the one did-you-mean, by id and then by
name or title; ``unknown_id`` and ``require`` are the errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from processkit.diagnostics import did_you_mean, named_ids
from processkit.errors import ProcesskitError
from processkit.i18n import _
from processkit.loading.references import a_kind
from processkit.loading.repository import Record, Repository


class UnknownEntity(ProcesskitError):
    """An id was asked for that names no readable entity of its kind."""


def guess(written: str, records: Mapping[str, Record[Any]] | Iterable[str]) -> str | None:
    """The id ``written`` most likely means: a near id, else the id of the entity with a near
    name (or title); None when nothing is near. Given plain ids, only those are compared."""
    if not isinstance(records, Mapping):
        return did_you_mean(written, records)
    near = did_you_mean(written, records)
    if near is not None:
        return near
    names: dict[str, str] = {}
    for record_id, record in records.items():
        name = getattr(record.entity, "name", None) or getattr(record.entity, "title", None)
        if isinstance(name, str):
            names[name] = record_id
    found = did_you_mean(written, names)
    return names[found] if found is not None else None


def unknown_id(
    kind: str,
    written: str,
    known: Mapping[str, Record[Any]] | Iterable[str],
    *,
    option: str | None = None,
) -> UnknownEntity:
    """The one error for an id that names nothing, worded as ``validate`` words a wrong
    reference: ``--area: `barnn` is not a delivery area in this repository; did you mean
    `barn`?``. Without a near guess it names the ids there are, or, when there is none of the
    kind yet, how to make the first."""
    ids = sorted(known)
    name = a_kind(kind)
    near = guess(written, known if isinstance(known, Mapping) else ids)
    if near is not None:
        # the very words validate uses for a wrong reference (PK030)
        message = _(
            "`{written}` is not a {kind} in this repository; did you mean `{guess}`?",
            written=written,
            kind=name,
            guess=near,
        )
    elif not ids:
        message = _(
            "`{written}` is not a {kind} in this repository, and there is none yet; create one "
            "first with `processkit new {kind_id}`",
            written=written,
            kind=name,
            kind_id=kind,
        )
    else:
        message = _(
            "`{written}` is not a {kind} in this repository; there are: {ids}",
            written=written,
            kind=name,
            ids=named_ids(ids),
        )
    return UnknownEntity(f"{option}: {message}" if option else message)


def require(repo: Repository, kind: str, entity_id: str, *, option: str | None = None) -> None:
    """Raise UnknownEntity unless ``entity_id`` names a readable entity of ``kind``."""
    records = repo.of_kind(kind)
    if entity_id in records:
        return
    if repo.exists(kind, entity_id):
        raise UnknownEntity(
            _(
                "the {kind} `{id}` has errors, so it cannot be drawn; "
                "run `processkit validate` to see them",
                kind=kind,
                id=entity_id,
            )
        )
    raise unknown_id(kind, entity_id, records, option=option)
