"""The Swedish catalogue as the tests read it: its ``.po`` sources, entry by entry."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

import processkit
from processkit.i18n_build import sources

CHECKOUT = Path(processkit.__file__).resolve().parents[2]

#: (message id, context)
Key = tuple[str, str | None]


@cache
def swedish_catalogue() -> dict[Key, tuple[str, ...]]:
    """(message id, context) -> the id(s), ``FUZZY`` if so marked, and the translation(s)."""
    entries: dict[Key, tuple[str, ...]] = {}
    for path in sources(CHECKOUT / "locale")["sv"]:
        with path.open("rb") as handle:
            for message in read_po(handle):
                if not message.id:
                    continue
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                key = (ids[0], message.context)
                assert key not in entries, f"{path.name}: {key} is in the catalogue twice"
                entries[key] = (*ids, *(("FUZZY",) if message.fuzzy else ()), *strings)
    return entries
