"""Choosing ids for new entities: from a name, the next free one, and numbered series."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable

from processkit.diagnostics import fold_swedish
from processkit.model.types import ID_RE

MAX_ID = 64


def slugify(text: str) -> str:
    """An id made from a name: ``Utreda barns behov`` -> ``utreda-barns-behov``."""
    folded = fold_swedish(text.strip())
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9._-]+", "-", ascii_text.lower())
    slug = re.sub(r"-{2,}", "-", slug).strip("-._")
    return slug[:MAX_ID].rstrip("-._")


def free_id(base: str, taken: Collection[str]) -> str:
    """``base`` if no entity has it, else ``base-2``, ``base-3``, ... (at most 64 characters)."""
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: MAX_ID - len(suffix)].rstrip("-._") + suffix
        if candidate not in taken:
            return candidate
        number += 1


def shared_prefix(ids: Iterable[str]) -> str | None:
    """The short ``xx-`` that at least two ids, and all of them, start with (``bu-`` for
    bu-utredning and bu-insatser); None when they do not agree."""
    every = list(ids)
    if len(every) < 2 or any("-" not in entity_id for entity_id in every):
        return None
    prefixes = {entity_id.split("-", 1)[0] for entity_id in every}
    if len(prefixes) != 1:
        return None
    prefix = prefixes.pop()
    return prefix + "-" if len(prefix) <= 5 else None


def is_valid_id(text: str) -> bool:
    return bool(ID_RE.match(text))
