"""Checks across files: duplicate ids (PK020), references (PK030) and parent loops (PK031)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from processkit.diagnostics import Diagnostic, Severity, did_you_mean
from processkit.loading.locate import Loc
from processkit.loading.repository import Record, Repository
from processkit.model import Area, Assessment, Handbook, Process, Proposal
from processkit.model.kinds import KIND_TABLE

#: How each kind is named in a message.
KIND_NAMES = {row.kind: row.words["en"].singular for row in KIND_TABLE}

#: The conventional folder of each kind, used in hints.
KIND_FOLDERS = {row.kind: row.folder_hint for row in KIND_TABLE}

Reference = tuple[Loc, str, str]  # where, the kind referred to, the id written

#: The activity ids a hint about a wrong `next` lists at most, and the comparisons "did you
#: mean" may spend on the wrong `next`s of one process: a process of thousands of activities
#: with a wrong `next` on each would otherwise cost millions of comparisons (minutes), and its
#: hints would list thousands of ids each.
HINT_IDS = 10
GUESS_BUDGET = 100_000


def references_of(record: Record[Any]) -> Iterator[Reference]:
    """Every reference an entity makes, with its place in the file."""
    entity = record.entity
    if isinstance(entity, Process):
        yield from _process_references(entity)
    elif isinstance(entity, Area):
        if entity.owner:
            yield ("owner",), "person", entity.owner
    elif isinstance(entity, Handbook):
        if entity.owner:
            yield ("owner",), "person", entity.owner
        for i, process_id in enumerate(entity.processes):
            yield ("processes", i), "process", process_id
    elif isinstance(entity, Proposal | Assessment):
        yield ("process",), "process", entity.process


def _process_references(process: Process) -> Iterator[Reference]:
    yield ("area",), "area", process.area
    if process.parent:
        yield ("parent",), "process", process.parent
    if process.owner:
        yield ("owner",), "person", process.owner
    for i, leader in enumerate(process.leaders):
        yield ("leaders", i), "person", leader
    for i, activity in enumerate(process.activities):
        base: tuple[str | int, ...] = ("activities", i)
        if activity.role:
            yield (*base, "role"), "role", activity.role
        if activity.accountable:
            yield (*base, "accountable"), "role", activity.accountable
        for j, role in enumerate(activity.consulted):
            yield (*base, "consulted", j), "role", role
        for j, role in enumerate(activity.informed):
            yield (*base, "informed", j), "role", role
        for j, handbook in enumerate(activity.documents):
            yield (*base, "documents", j), "handbook", handbook
    for i, interface in enumerate(process.interfaces):
        yield ("interfaces", i, "process"), "process", interface.process
    for i, control in enumerate(process.controls):
        if control.role:
            yield ("controls", i, "role"), "role", control.role
    for i, document in enumerate(process.documents):
        if document.handbook:
            yield ("documents", i, "handbook"), "handbook", document.handbook


def check_references(repo: Repository) -> Iterator[Diagnostic]:
    """PK030 for every reference that names no such entity, with a did-you-mean."""
    for _kind, record in repo.all_records():
        for loc, target, written in references_of(record):
            if repo.exists(target, written):
                continue
            mark = repo.locate(record.path, loc)
            name = KIND_NAMES[target]
            guess = did_you_mean(written, repo.known.get(target, ()))
            message = f"`{written}` is not a {name} in this repository"
            if guess:
                message += f"; did you mean `{guess}`?"
                hint = f"Change it to `{guess}`, or add the {name} `{written}`."
            else:
                hint = (
                    f"Correct the id, or add a file {KIND_FOLDERS[target]}/{written}.yaml "
                    f"with `kind: {target}` and `id: {written}`."
                )
            yield Diagnostic(
                "PK030", Severity.ERROR, message, record.path, mark.line, mark.column, hint
            )
        if isinstance(record.entity, Process):
            yield from _check_next(repo, record)


def _check_next(repo: Repository, record: Record[Process]) -> Iterator[Diagnostic]:
    activity_ids = [activity.id for activity in record.entity.activities]
    known = set(activity_ids)
    shown = ", ".join(f"`{a}`" for a in activity_ids[:HINT_IDS])
    if len(activity_ids) > HINT_IDS:
        shown += f", … ({len(activity_ids)} in all)"
    hint = f"`next` names the `id` of another activity in the same process: {shown}."
    spent = 0  # comparisons made for guesses so far
    for i, activity in enumerate(record.entity.activities):
        for j, target in enumerate(activity.next):
            if target in known:
                continue
            mark = repo.locate(record.path, ("activities", i, "next", j))
            guess = None
            if spent + len(activity_ids) <= GUESS_BUDGET:
                spent += len(activity_ids)
                guess = did_you_mean(target, activity_ids)
            message = f"`{target}` is not an activity of this process"
            if guess:
                message += f"; did you mean `{guess}`?"
            yield Diagnostic(
                "PK030", Severity.ERROR, message, record.path, mark.line, mark.column, hint
            )


def check_parent_loops(repo: Repository) -> Iterator[Diagnostic]:
    """PK031 at the ``parent`` of every process whose parent chain comes back to itself."""
    parents = {pid: rec.entity.parent for pid, rec in repo.processes.items() if rec.entity.parent}
    in_cycle: set[str] = set()
    for start in sorted(parents):
        seen: list[str] = []
        current: str | None = start
        while current is not None and current not in seen and current not in in_cycle:
            seen.append(current)
            current = parents.get(current)
        if current is not None and current in seen:
            in_cycle.update(seen[seen.index(current) :])
    for process_id in sorted(in_cycle):
        chain = [process_id]
        current = parents[process_id]
        while current != process_id:
            chain.append(current)
            current = parents[current]
        chain.append(process_id)
        record = repo.processes[process_id]
        mark = repo.locate(record.path, ("parent",))
        shown = " → ".join(f"`{member}`" for member in chain)
        yield Diagnostic(
            "PK031",
            Severity.ERROR,
            f"the parent chain loops: {shown}",
            record.path,
            mark.line,
            mark.column,
            "A process cannot be its own (indirect) parent. Remove or change `parent` in one "
            "of: " + ", ".join(sorted(set(chain))) + ".",
        )
