"""Finding the process or area a map is asked for, with a did-you-mean when there is none."""

from __future__ import annotations

from processkit.diagnostics import did_you_mean
from processkit.errors import ProcesskitError
from processkit.loading.repository import Repository


class UnknownEntity(ProcesskitError):
    """A map was asked for a process or area the repository does not have."""


def require(repo: Repository, kind: str, entity_id: str) -> None:
    """Raise UnknownEntity unless ``entity_id`` names a readable entity of ``kind``."""
    records = repo.of_kind(kind)
    if entity_id in records:
        return
    word = kind
    if repo.exists(kind, entity_id):
        raise UnknownEntity(
            f"the {word} `{entity_id}` has errors, so it cannot be drawn; "
            "run `processkit validate` to see them"
        )
    message = f"no {word} `{entity_id}` in this repository"
    names = {record.entity.name: record_id for record_id, record in records.items()}
    guess = did_you_mean(entity_id, records) or (
        names.get(found) if (found := did_you_mean(entity_id, names)) else None
    )
    if guess:
        message += f"; did you mean `{guess}`?"
    else:
        folder = {"process": "processes/", "area": "areas/"}.get(kind, "")
        message += f"; check the `id:` in its file under {folder}"
    raise UnknownEntity(message)
