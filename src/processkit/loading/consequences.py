"""What a change brings about in the files it did not touch (``validate --changed-since``).

A pull request that deletes a process, renames an id or adds a file with an id already in use
leaves its own files clean, and breaks others: a reference (PK030) to the id that went away,
the other holder of the duplicate id (PK020). Those diagnostics are in unchanged files, but the
change caused them, so the check of the change reports them too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from processkit.diagnostics import Diagnostic
from processkit.loading.partial import scan_kind_and_id
from processkit.loading.references import references_of
from processkit.loading.repository import Repository

Place = tuple[str, str, int, int]  # code, path, line, column


def brought_about(
    repo: Repository,
    diagnostics: Iterable[Diagnostic],
    changed: set[str],
    before: Mapping[str, str],
) -> list[Diagnostic]:
    """The diagnostics in files outside ``changed`` that the change brought about.

    ``before`` holds the text each changed file had before the change (a file added by the
    change has none). The ids the changed files held before or hold now are the ones the
    change touched: a reference in another file to one of them that names nothing now, and
    another file holding one of them a second time, are the change's doing."""
    touched = {_kind_and_id(text) for text in before.values()}
    for path in changed:
        text = repo.texts.get(path)
        if text is not None:
            touched.add(_kind_and_id(text))
    touched.discard(None)
    if not touched:
        return []
    places: set[Place] = set()
    for _kind, record in repo.all_records():
        if record.path in changed:
            continue
        for loc, target, written in references_of(record):
            if (target, written) in touched and not repo.exists(target, written):
                mark = repo.locate(record.path, loc)
                places.add(("PK030", record.path, mark.line, mark.column))
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        if diagnostic.path in changed:
            continue
        if (diagnostic.code, diagnostic.path, diagnostic.line, diagnostic.column) in places:
            kept.append(diagnostic)
        elif diagnostic.code == "PK020":
            text = repo.texts.get(diagnostic.path)
            if text is not None and _kind_and_id(text) in touched:
                kept.append(diagnostic)
    return kept


def _kind_and_id(text: str) -> tuple[str, str] | None:
    kind, entity_id = scan_kind_and_id(text)
    return (kind, entity_id) if kind is not None and entity_id is not None else None
