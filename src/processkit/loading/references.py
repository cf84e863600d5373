"""Checks across files: duplicate ids (PK020), references (PK030) and parent loops (PK031)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, partial
from typing import Any

from processkit import i18n
from processkit.diagnostics import NAMED_AT_MOST, OR, Diagnostic, Guesser, Severity, named_ids
from processkit.i18n import _, n_, p_
from processkit.loading.locate import Loc
from processkit.loading.repository import ByFile, Record, Repository
from processkit.model import Area, Assessment, Entity, Handbook, Process, Proposal
from processkit.model.kinds import KIND_TABLE, Language

#: How each kind is named in an English message.
KIND_NAMES = {row.kind: row.words.singular for row in KIND_TABLE}


def a_kind(kind: str) -> str:
    """What ``kind`` is called after "a" in a message ("is not a {kind}"): the English has the
    article in the message, the Swedish word brings its own (``ett leveransområde``)."""
    return _a_kind_words(i18n.current()).get(kind, kind)


@cache
def _a_kind_words(language: Language) -> dict[str, str]:
    """The words of :func:`a_kind` in ``language`` (the language in use when called)."""
    return {
        "area": p_("a kind", "delivery area"),
        "process": p_("a kind", "process"),
        "role": p_("a kind", "role"),
        "person": p_("a kind", "person"),
        "handbook": p_("a kind", "handbook"),
        "proposal": p_("a kind", "improvement proposal"),
        "assessment": p_("a kind", "maturity assessment"),
    }


#: The conventional folder of each kind, used in hints.
KIND_FOLDERS = {row.kind: row.folder_hint for row in KIND_TABLE}

Reference = tuple[Loc, str, str]  # where, the kind referred to, the id written


def references_of(record: Record[Any]) -> Iterator[Reference]:
    """Every reference an entity makes, with its place in the file."""
    entity = record.entity
    if isinstance(entity, Process):  # most references: handed over without a generator between
        return _process_references(entity)
    return _other_references(entity)


def _other_references(entity: Entity) -> Iterator[Reference]:
    if isinstance(entity, Area):
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
    # each place written out whole: one tuple made per reference, not a prefix copied into it
    for i, activity in enumerate(process.activities):
        if activity.role:
            yield ("activities", i, "role"), "role", activity.role
        if activity.accountable:
            yield ("activities", i, "accountable"), "role", activity.accountable
        if activity.consulted:  # these lists are mostly empty: no enumerate made for them then
            for j, role in enumerate(activity.consulted):
                yield ("activities", i, "consulted", j), "role", role
        if activity.informed:
            for j, role in enumerate(activity.informed):
                yield ("activities", i, "informed", j), "role", role
        if activity.documents:
            for j, handbook in enumerate(activity.documents):
                yield ("activities", i, "documents", j), "handbook", handbook
    for i, interface in enumerate(process.interfaces):
        yield ("interfaces", i, "process"), "process", interface.process
    for i, control in enumerate(process.controls):
        if control.role:
            yield ("controls", i, "role"), "role", control.role
    for i, document in enumerate(process.documents):
        if document.handbook:
            yield ("documents", i, "handbook"), "handbook", document.handbook


def check_references(repo: Repository, kept: ByFile[Refers] | None = None) -> Iterator[Diagnostic]:
    """PK030 for every reference that names no such entity, with a did-you-mean (within a
    budget per kind referred to: thousands of wrong references among thousands of processes
    would otherwise cost millions of comparisons). ``kept`` (``serve``'s, between loads) is
    what each file refers to, by its kind, path and hash, from the check before: a file whose
    references all name an entity is not gone through again; it is brought up to date."""
    guessers: dict[str, Guesser] = {}
    # what a reference to each kind may name, asked of the repository once per kind rather
    # than once for each of the hundred thousand references of a large repository
    referable = {kind: repo.referable(kind) for kind in KIND_NAMES}
    for kind, record in repo.all_records():
        nexts_own = not isinstance(record.entity, Process)
        if kept is not None and record.digest:
            targets, nexts_own = kept.of(kind, record, partial(_refers, record))
            if all(written in referable[target] for target, written in targets):
                if not nexts_own:
                    yield from _check_next(repo, record)
                continue
        for loc, target, written in references_of(record):
            if written in referable[target]:
                continue
            mark = repo.locate(record.path, loc)
            name = a_kind(target)
            if target not in guessers:
                guessers[target] = Guesser(repo.known.get(target, ()))
            guess = guessers[target].guess(written)
            if guess:
                message = _(
                    "`{written}` is not a {kind} in this repository; did you mean `{guess}`?",
                    written=written,
                    kind=name,
                    guess=guess,
                )
                hint = _(
                    "Change it to `{guess}`, or add the {kind} `{written}`.",
                    guess=guess,
                    kind=name,
                    written=written,
                )
            else:
                message = _(
                    "`{written}` is not a {kind} in this repository", written=written, kind=name
                )
                hint = _(
                    "Correct the id, or add a file {folder}/{written}.yaml with `kind: {target}` "
                    "and `id: {written}`.",
                    folder=KIND_FOLDERS[target],
                    written=written,
                    target=target,
                )
            yield Diagnostic(
                "PK030", Severity.ERROR, message, record.path, mark.line, mark.column, hint
            )
        if not nexts_own:
            yield from _check_next(repo, record)
    if kept is not None:
        kept.done()


#: What a file refers to: the kinds and ids, and whether its activities' ``next`` name only
#: activities of its own.
Refers = tuple[frozenset[tuple[str, str]], bool]


def _refers(record: Record[Any]) -> Refers:
    """What ``record`` refers to (each kind and id once), and whether its activities'
    ``next`` name only its own activities (True for an entity that is not a process)."""
    targets = frozenset((target, written) for _loc, target, written in references_of(record))
    entity = record.entity
    if not isinstance(entity, Process):
        return targets, True
    own = {activity.id for activity in entity.activities}
    return targets, all(target in own for activity in entity.activities for target in activity.next)


def _check_next(repo: Repository, record: Record[Process]) -> Iterator[Diagnostic]:
    activity_ids = [activity.id for activity in record.entity.activities]
    known = set(activity_ids)
    dropped = repo.dropped_ids.get(record.path)
    if dropped:
        known |= dropped
    hint: str | None = None  # made at the first wrong `next`: most processes have none
    guesser: Guesser | None = None  # one budget for the process's wrong `next`s
    for i, activity in enumerate(record.entity.activities):
        for j, target in enumerate(activity.next):
            if target in known:
                continue
            if hint is None:
                hint = _(
                    "`next` names the `id` of another activity in the same process: {ids}.",
                    ids=named_ids(activity_ids),
                )
            mark = repo.locate(record.path, ("activities", i, "next", j))
            guesser = guesser or Guesser(activity_ids)
            guess = guesser.guess(target)
            if guess:
                message = _(
                    "`{target}` is not an activity of this process; did you mean `{guess}`?",
                    target=target,
                    guess=guess,
                )
            else:
                message = _("`{target}` is not an activity of this process", target=target)
            yield Diagnostic(
                "PK030", Severity.ERROR, message, record.path, mark.line, mark.column, hint
            )


def check_parent_loops(repo: Repository) -> Iterator[Diagnostic]:
    """PK031 at the ``parent`` of every process whose parent chain comes back to itself.

    One walk up from each process, stopping at a process an earlier walk reached: linear in
    the number of processes, however long the chains and loops. A message names at most
    :data:`~processkit.diagnostics.NAMED_AT_MOST` processes of its loop."""
    parents = {pid: rec.entity.parent for pid, rec in repo.processes.items() if rec.entity.parent}
    walk_of: dict[str, int] = {}  # process id -> the walk that reached it first
    loops: list[list[str]] = []
    for walk, start in enumerate(sorted(parents)):
        path: list[str] = []
        current: str | None = start
        while current is not None and current not in walk_of:
            walk_of[current] = walk
            path.append(current)
            current = parents.get(current)
        if current is not None and walk_of[current] == walk:  # came round in this walk
            loops.append(path[path.index(current) :])
    for loop in loops:
        members = named_ids(sorted(loop), last=OR)
        place = {process_id: index for index, process_id in enumerate(loop)}
        for process_id in sorted(loop):
            # the chain from this process round to itself; past the ids named, only counted
            ahead = [loop[(place[process_id] + step) % len(loop)] for step in range(NAMED_AT_MOST)]
            chain = named_ids(ahead[: len(loop)], separator=" → ", last=" → ", total=len(loop))
            record = repo.processes[process_id]
            mark = repo.locate(record.path, ("parent",))
            yield Diagnostic(
                "PK031",
                Severity.ERROR,
                _("the parent chain loops: {chain} → `{id}`", chain=chain, id=process_id),
                record.path,
                mark.line,
                mark.column,
                _(
                    "A process cannot be its own (indirect) parent. Remove or change `parent` in "
                    "one of: {members}.",
                    members=members,
                ),
            )


def duplicate_ids(
    repo: Repository, holders: dict[tuple[str, str], list[str]]
) -> Iterator[Diagnostic]:
    """PK020 on every file holding an id that another file of its kind holds too, each naming
    the others (at most :data:`~processkit.diagnostics.NAMED_AT_MOST` of them, then a count).
    The first file's entity is the one loaded."""
    for (kind, entity_id), paths in holders.items():
        if len(paths) < 2:
            continue
        for path in paths:
            named = paths[: NAMED_AT_MOST + 1]  # a few, so that many holders cost no more
            others = [other for other in named if other != path][:NAMED_AT_MOST]
            count = len(paths) - 1
            mark = repo.locate(path, ("id",))
            yield Diagnostic(
                "PK020",
                Severity.ERROR,
                n_(
                    "another file with `kind: {kind}` has the same id `{id}`: {others}",
                    "{count} other files with `kind: {kind}` have the same id `{id}`: {others}",
                    count,
                    kind=kind,
                    id=entity_id,
                    others=named_ids(others, total=count),
                ),
                path,
                mark.line,
                mark.column,
                _(
                    "An id may be used only once within a kind: give all these files but one "
                    "another `id`, or remove the files that are too many."
                ),
            )
