"""What can still be read of a file with errors, so that one run shows every problem.

An entity whose values have errors is not lost: its values at fault (an unknown key, a wrong
optional value, a list item with an error) are left out and the rest is checked again. When
that passes, the entity is kept, so that its references and ids are checked in the same run;
its errors are reported as they were found, never again. A file that cannot be read at all
(a syntax error, not UTF-8, not a mapping, no kind) still names its ``kind:`` and ``id:`` on
lines of their own, as a rule: a line-based look finds them, so that references to it are not
reported as missing. Either way the file is *incomplete*, and the checks that conclude from what
is missing wait until it is fixed (``processkit.rules.run``).
"""

from __future__ import annotations

import copy
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from processkit.diagnostics import did_you_mean
from processkit.loading.model_errors import _is_union_tag, _model_at
from processkit.loading.repository import Repository
from processkit.model import KINDS
from processkit.model.types import ID_RE

Point = tuple[str | int, ...]

#: A line ``kind: x`` or ``id: x`` at the left margin (quotes and a comment allowed).
_TOP_LINE = re.compile(
    r"^(kind|id)[ \t]*:[ \t]*(['\"]?)([^'\"#\s]+)\2[ \t]*(?:#.*)?\r?$", re.MULTILINE
)

_DROP = object()


def keep_readable(
    repo: Repository,
    path: str,
    model: type[BaseModel],
    value: dict[str, Any],
    error: ValidationError,
) -> Any | None:
    """The entity of ``value`` without its values at fault, or None when it cannot be had.

    The file is marked incomplete either way, and partial when the entity is kept."""
    repo.incomplete.add(path)
    points: list[Point] = []
    for detail in error.errors(include_url=False):
        loc: Point = tuple(part for part in detail["loc"] if not _is_union_tag(part))
        if detail["type"] == "missing":  # leave out what lacks it, if that may be left out
            loc = loc[:-1]
        point = _droppable(model, loc)
        if point is None:
            return None
        points.append(point)
    data = copy.deepcopy(value)
    ids: set[str] = set()
    for point in points:
        _mark(data, point, ids)
    shifts: dict[Point, list[int]] = {}
    try:
        entity = model.model_validate(_purge(data, (), shifts))
    except ValidationError:
        return None
    repo.partial.add(path)
    # a rule may not report on what a left-out value could change: the top-level field it was
    # in, or the whole entity when it was a top-level field itself ("")
    repo.dropped_fields[path] = {str(point[0]) if len(point) > 1 else "" for point in points}
    if ids:
        repo.dropped_ids[path] = ids
    if shifts:
        repo.shifts[path] = shifts
    return entity


def _droppable(model: type[BaseModel], loc: Point) -> Point | None:
    """The innermost place at or above ``loc`` that may be left out: a list item, an unknown
    key or an optional field. None when only a required field of the entity itself would do."""
    for end in range(len(loc), 0, -1):
        point = loc[:end]
        last = point[-1]
        if isinstance(last, int):
            return point
        owner = _model_at(model, point[:-1])
        info = owner.model_fields.get(last) if owner is not None else None
        if info is None or not info.is_required():
            return point
    return None


def _mark(data: Any, point: Point, ids: set[str]) -> None:
    """Mark the value at ``point`` to be left out (nothing when an outer one already is), and
    keep the ids of the items it holds."""
    container = data
    for part in point[:-1]:
        container = _child(container, part)
        if container is None or container is _DROP:
            return
    last = point[-1]
    found = _child(container, last)
    if found is None and not _has(container, last):
        return
    for item in found if isinstance(found, list) else [found]:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            ids.add(item["id"])
    container[last] = _DROP


def _child(container: Any, part: str | int) -> Any:
    if isinstance(container, dict):
        return container.get(part)
    if isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container):
        return container[part]
    return None


def _has(container: Any, part: str | int) -> bool:
    if isinstance(container, dict):
        return part in container
    return isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container)


def _purge(data: Any, here: Point, shifts: dict[Point, list[int]]) -> Any:
    """``data`` without what is marked to be left out. For each list that lost items,
    ``shifts`` keeps (by its place in what is left) the first places of the items kept, so
    that a position is still found in the file."""
    if isinstance(data, dict):
        return {
            key: _purge(value, (*here, key), shifts)
            for key, value in data.items()
            if value is not _DROP
        }
    if isinstance(data, list):
        kept = [index for index, item in enumerate(data) if item is not _DROP]
        if len(kept) < len(data):
            shifts[here] = kept
        return [_purge(data[index], (*here, place), shifts) for place, index in enumerate(kept)]
    return data


def keep_unreadable(repo: Repository, path: str, text: str | None) -> None:
    """Mark a file whose entity cannot be read as incomplete, and its id as known: under the
    kind it names (or the kind that is nearest what it names), or under every kind when it
    names none processkit knows."""
    repo.incomplete.add(path)
    if text is None:
        try:
            text = (repo.root / path).read_bytes().decode("utf-8", "replace")
        except OSError:
            return
    kind, entity_id = scan_kind_and_id(text)
    if entity_id is None:
        return
    if kind is not None and kind not in KINDS:
        kind = did_you_mean(kind, KINDS)
    if kind is None:
        repo.known_anywhere.add(entity_id)
    else:
        repo.known.setdefault(kind, set()).add(entity_id)


def scan_kind_and_id(text: str) -> tuple[str | None, str | None]:
    """The first ``kind:`` and ``id:`` written at the left margin of ``text`` (a valid id
    only), found line by line, without reading the file as YAML."""
    found: dict[str, str] = {}
    for match in _TOP_LINE.finditer(text.lstrip("\ufeff")):
        found.setdefault(match.group(1), match.group(3))
        if len(found) == 2:
            break
    entity_id = found.get("id")
    if entity_id is not None and not ID_RE.match(entity_id):
        entity_id = None
    return found.get("kind"), entity_id
