"""Silencing a rule for one entity: the ``x-processkit-ignore`` key, with a reason.

The documented form is a mapping from rule code to the reason, so that the next reader knows
why the rule does not apply here::

    x-processkit-ignore:
      PK104: Överlämningen till skolan sker utanför socialtjänstens processer.

A list of codes (``x-processkit-ignore: [PK104]``) or one code is accepted as well. Rule names
(``interface-not-mirrored``) may be written instead of codes. An ignore silences the rule's
diagnostics in that file only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from processkit.frozen import frozen
from processkit.i18n import p_
from processkit.loading.locate import Loc
from processkit.loading.repository import Repository

IGNORE_KEY = "x-processkit-ignore"


@frozen
class Ignore:
    """One entry of an ``x-processkit-ignore`` key: where it is and what it names.

    ``written`` is the entry as written (a code or a name); ``form`` is False when the entry
    cannot be read as one, and ``written`` then holds what was found instead (``shown`` names
    it in words).
    """

    path: str
    loc: Loc
    written: str
    reason: str | None
    form: bool = True
    found: object = None


def ignores_in(path: str, value: Any) -> Iterator[Ignore]:
    """The entries of one file's ``x-processkit-ignore`` value."""
    if isinstance(value, str):
        yield Ignore(path, (IGNORE_KEY,), value.strip(), None)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, str):
                yield Ignore(path, (IGNORE_KEY, i), item.strip(), None)
            else:
                yield Ignore(path, (IGNORE_KEY, i), _written(item), None, False, item)
    elif isinstance(value, dict):
        for key, reason in value.items():
            text = reason.strip() if isinstance(reason, str) else None
            yield Ignore(path, (IGNORE_KEY, str(key)), str(key).strip(), text or None)
    else:
        yield Ignore(path, (IGNORE_KEY,), _written(value), None, False, value)


def _written(value: Any) -> str:
    """A value that is no rule code, as written (a mapping or list: its kind)."""
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"`{getattr(value, 'source', value)}`"


def shown(ignore: Ignore) -> str:
    """How the value of an entry that is no rule code is named in a message, in words."""
    value = ignore.found
    if isinstance(value, dict):
        return p_("found instead of a rule code", "a group of fields")
    if isinstance(value, list):
        return p_("found instead of a rule code", "a list")
    if value is None:
        return p_("found instead of a rule code", "nothing")
    return ignore.written


def all_ignores(repo: Repository) -> list[Ignore]:
    """Every ignore entry in the repository, by file."""
    found: list[Ignore] = []
    for _kind, record in repo.all_records():
        if IGNORE_KEY in record.extensions:
            found.extend(ignores_in(record.path, record.extensions[IGNORE_KEY]))
    return found
