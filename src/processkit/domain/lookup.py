"""Finding an entity by the id (or name) someone wrote, and the error when it names nothing.

Every command that takes an id asks here: ``guess`` is the one did-you-mean, by id and then by
name or title; ``unknown_id`` and ``require`` are the errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from processkit.diagnostics import did_you_mean
from processkit.errors import ProcesskitError
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


def unknown_id(option: str, what: str, value: str, known: Iterable[str]) -> ProcesskitError:
    """The error for an id that names nothing: ``--area: there is no area with the id `x```."""
    near = guess(value, list(known))
    hint = f"; did you mean `{near}`?" if near else ""
    return ProcesskitError(f"{option}: there is no {what} with the id `{value}`{hint}")


def require(repo: Repository, kind: str, entity_id: str) -> None:
    """Raise UnknownEntity unless ``entity_id`` names a readable entity of ``kind``."""
    records = repo.of_kind(kind)
    if entity_id in records:
        return
    if repo.exists(kind, entity_id):
        raise UnknownEntity(
            f"the {kind} `{entity_id}` has errors, so it cannot be drawn; "
            "run `processkit validate` to see them"
        )
    message = f"no {kind} `{entity_id}` in this repository"
    near = guess(entity_id, records)
    if near:
        message += f"; did you mean `{near}`?"
    else:
        folder = {"process": "processes/", "area": "areas/"}.get(kind, "")
        message += f"; check the `id:` in its file under {folder}"
    raise UnknownEntity(message)
