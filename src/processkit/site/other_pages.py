"""The contexts of the pages besides the process pages: start, areas, roles, owners,
handbooks and recent changes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from markupsafe import Markup

from processkit.derive import (
    NESTED_LEVELS,
    PROCESS_TYPES,
    is_active,
    processes_in,
    tree_order,
)
from processkit.loading.repository import Record, Repository
from processkit.model import Handbook, Role
from processkit.site import links
from processkit.site.contexts import (
    Approved,
    AreaPage,
    AreaTile,
    ChangeEntry,
    ChangesPage,
    ChapterView,
    Count,
    EntityChangeItem,
    EntityChanges,
    HandbookItem,
    HandbookPage,
    HandbooksPage,
    Link,
    MapFigure,
    OwnerEntry,
    OwnersPage,
    PersonRef,
    ProcessItem,
    Recent,
    Review,
    RoleActivity,
    RoleGroup,
    RolePage,
    RolesPage,
    RoleUse,
    StartPage,
    TypeGroup,
)
from processkit.site.counts import AreaCount
from processkit.site.facts import RACI, Facts, review_of
from processkit.site.history import History
from processkit.site.markdown import markdown, markdown_phrasing

if TYPE_CHECKING:
    from processkit.weekly.changelog import ChangeLog

SUB = "../"
#: How many recently changed processes and handbooks the start page lists.
START_RECENT = 8
START_HANDBOOKS = 10


def start_page(
    repo: Repository,
    counts: Sequence[AreaCount],
    history: History,
    landscape: MapFigure | None,
) -> StartPage:
    tiles = []
    for count in counts:
        area = repo.areas.get(count.id)
        summary = markdown_phrasing(area.entity.description) if area else None
        tiles.append(
            AreaTile(
                Link(count.name, links.area_path(count.id)),
                summary,
                count.processes,
                [Count(kind, count.by_type.get(kind, 0)) for kind in PROCESS_TYPES],
            )
        )
    changed = []
    for process_id, record in repo.processes.items():
        changes = history.of(record.path)
        if changes and is_active(record.entity):
            changed.append((changes[0].date, process_id, changes[0].author))
    changed.sort(key=lambda item: (-item[0].toordinal(), item[1]))
    recent = [
        Recent(Link(repo.processes[pid].entity.name, links.process_path(pid)), day, author)
        for day, pid, author in changed[:START_RECENT]
    ]
    handbooks = _sorted_handbooks(repo)
    return StartPage(
        areas=tiles,
        total=sum(count.processes for count in counts),
        landscape=landscape,
        recent=recent,
        handbooks=[
            Link(r.entity.title, links.handbook_path(r.entity.id))
            for r in handbooks[:START_HANDBOOKS]
        ],
        more_handbooks=len(handbooks) > START_HANDBOOKS,
    )


def area_page(
    repo: Repository, area_id: str, facts: Facts, landscape: MapFigure | None
) -> AreaPage:
    area = repo.areas[area_id].entity
    records = processes_in(repo, area_id)
    active = {r.entity.id for r in records if is_active(r.entity)}
    groups = []
    for kind in PROCESS_TYPES:
        members = [
            pid for pid in tree_order(repo, active) if repo.processes[pid].entity.type == kind
        ]
        if members:
            groups.append(TypeGroup(kind, _forest(repo, members, facts)))
    retired = [
        Link(r.entity.name, SUB + links.process_path(r.entity.id))
        for r in records
        if not is_active(r.entity)
    ]
    return AreaPage(
        id=area.id,
        name=area.name,
        description=markdown(area.description, below=1),
        customers=area.customers,
        unit=area.unit,
        owner=links.person(repo, area.owner),
        groups=groups,
        retired=retired,
        landscape=landscape,
        breadcrumbs=[],
    )


def _forest(repo: Repository, ordered: list[str], facts: Facts) -> list[ProcessItem]:
    """The processes (already in tree order) as the items of nested lists: a sub-process
    under its parent when the parent is in the same list; below ``NESTED_LEVELS`` levels, at
    the last level, saying whose sub-process it is. No recursion, however deep the tree."""
    members = set(ordered)
    placed: set[str] = set()
    below: dict[str, list[str]] = defaultdict(list)
    tops: list[str] = []
    for process_id in ordered:
        parent = repo.processes[process_id].entity.parent
        if parent in members and parent in placed and parent != process_id:
            below[parent].append(process_id)
        else:
            tops.append(process_id)
        placed.add(process_id)
    walk: list[tuple[str, int]] = []  # (process, its level), depth first
    stack = [(process_id, 0) for process_id in reversed(tops)]
    while stack:
        process_id, level = stack.pop()
        walk.append((process_id, level))
        stack.extend((child, level + 1) for child in reversed(below.get(process_id, [])))
    deepest = NESTED_LEVELS - 1
    items: list[ProcessItem] = []
    for index, (process_id, level) in enumerate(walk):
        process = repo.processes[process_id].entity
        shown = min(level, deepest)
        following = min(walk[index + 1][1], deepest) if index + 1 < len(walk) else 0
        under = None
        if level > deepest and process.parent is not None:
            under = repo.processes[process.parent].entity.name
        items.append(
            ProcessItem(
                Link(process.name, SUB + links.process_path(process_id)),
                process.status,
                facts.overdue(process, review_of(process, repo)),
                under=under,
                opens=following > shown,
                closes=max(0, shown - following),
            )
        )
    return items


def role_page(
    repo: Repository, record: Record[Role], facts: Facts, history: History, edit: str | None
) -> RolePage:
    role = record.entity
    uses = []
    for process_id, usage in sorted(
        facts.role_uses.get(role.id, {}).items(),
        key=lambda item: (_process_name(repo, item[0]).casefold(), item[0]),
    ):
        link = links.process_link(repo, process_id, SUB)
        if link is None:
            continue
        process = repo.processes[process_id].entity
        names = {activity.id: activity.name for activity in process.activities}
        activities = [
            RoleActivity(
                names[activity_id],
                f"{link.href}#{activity_id}",
                [letter for letter in RACI if letter in letters],
            )
            for activity_id, letters in usage.activities.items()
        ]
        uses.append(RoleUse(link, activities, list(usage.controls)))
    return RolePage(
        id=role.id,
        name=role.name,
        category=role.category,
        management_area=role.management_area,
        level=role.level,
        description=markdown(role.description, below=1),
        responsibilities=list(role.responsibilities),
        uses=uses,
        edit=edit,
        history=history.of(record.path),
        breadcrumbs=[],
    )


def _process_name(repo: Repository, process_id: str) -> str:
    record = repo.processes.get(process_id)
    return record.entity.name if record else process_id


def roles_page(repo: Repository) -> RolesPage:
    groups = []
    for category in ("governance", "operational"):
        roles = sorted(
            (r.entity for r in repo.roles.values() if r.entity.category == category),
            key=lambda role: (role.name.casefold(), role.id),
        )
        if roles:
            groups.append(
                RoleGroup(category, [Link(role.name, links.role_path(role.id)) for role in roles])
            )
    return RolesPage(groups, [])


def owners_page(repo: Repository, facts: Facts) -> OwnersPage:
    area_owners: dict[str, list[str]] = {}
    for area_id, record in sorted(repo.areas.items()):
        if record.entity.owner:
            area_owners.setdefault(record.entity.owner, []).append(area_id)
    people = facts.owns.keys() | facts.leads.keys() | area_owners.keys()
    entries = []
    for person_id in sorted(people, key=lambda pid: (_person_name(repo, pid).casefold(), pid)):
        entries.append(
            OwnerEntry(
                anchor=person_id,
                person=links.person(repo, person_id) or PersonRef(person_id),
                areas=links.present(
                    [links.area_link(repo, a, "") for a in area_owners.get(person_id, [])]
                ),
                owns=_sorted_links(repo, facts.owns.get(person_id, [])),
                leads=_sorted_links(repo, facts.leads.get(person_id, [])),
            )
        )
    without = sum(1 for r in repo.processes.values() if is_active(r.entity) and not r.entity.owner)
    return OwnersPage(entries, without, [])


def _person_name(repo: Repository, person_id: str) -> str:
    record = repo.people.get(person_id)
    return record.entity.name if record else person_id


def _sorted_links(repo: Repository, process_ids: list[str]) -> list[Link]:
    found = links.present([links.process_link(repo, pid, "") for pid in process_ids])
    return sorted(found, key=lambda link: (link.text.casefold(), link.href))


def handbook_page(
    repo: Repository,
    record: Record[Handbook],
    facts: Facts,
    history: History,
    edit: str | None,
) -> HandbookPage:
    handbook = record.entity
    review = review_of(handbook, repo)
    processes = links.present(
        [links.process_link(repo, pid, SUB) for pid in facts.handbook_users.get(handbook.id, [])]
    )
    return HandbookPage(
        id=handbook.id,
        title=handbook.title,
        type=handbook.type,
        version=handbook.version,
        status=handbook.status,
        owner=links.person(repo, handbook.owner),
        approved=Approved(handbook.approved.date, handbook.approved.by)
        if handbook.approved
        else None,
        review=Review(review, facts.overdue(handbook, review)) if review else None,
        summary=markdown(handbook.summary, below=1),
        processes=sorted(processes, key=lambda link: (link.text.casefold(), link.href)),
        chapters=[
            ChapterView(f"kapitel-{number}", chapter.title, markdown(chapter.body, 2))
            for number, chapter in enumerate(handbook.chapters, start=1)
        ],
        history=history.of(record.path),
        edit=edit,
        breadcrumbs=[],
    )


def _sorted_handbooks(repo: Repository) -> list[Record[Handbook]]:
    return sorted(repo.handbooks.values(), key=lambda r: (r.entity.title.casefold(), r.entity.id))


def handbooks_page(repo: Repository) -> HandbooksPage:
    ordered = _sorted_handbooks(repo)
    return HandbooksPage(
        [
            HandbookItem(
                Link(r.entity.title, links.handbook_path(r.entity.id)),
                r.entity.type,
                r.entity.status,
            )
            for r in ordered
        ],
        [],
    )


def changes_page(repo: Repository, history: History, log: ChangeLog | None = None) -> ChangesPage:
    pages: dict[str, Link] = {}
    for kind, path_of, title in (
        ("area", links.area_path, "name"),
        ("process", links.process_path, "name"),
        ("role", links.role_path, "name"),
        ("handbook", links.handbook_path, "title"),
    ):
        for entity_id, record in repo.of_kind(kind).items():
            pages[record.path] = Link(getattr(record.entity, title), path_of(entity_id))
    entries = []
    for change in history.recent:
        found = sorted(
            (pages[path] for path in change.paths if path in pages),
            key=lambda link: (link.text.casefold(), link.href),
        )
        entries.append(ChangeEntry(change, found, len(change.paths) - len(found)))
    return ChangesPage(entries, [], entity_changes(repo, log) if log is not None else None)


#: How many changed entities the recent-changes page lists (a whole repository added at once
#: would otherwise list every process).
ENTITY_CHANGES = 100

_ENTITY_PAGES = {
    "area": links.area_path,
    "process": links.process_path,
    "role": links.role_path,
    "handbook": links.handbook_path,
}


def entity_changes(repo: Repository, log: ChangeLog) -> EntityChanges:
    """The change log's entries as the recent-changes page lists them: the latest changed
    first (by the last commit that touched each), at most ``ENTITY_CHANGES``."""
    from processkit.weekly.phrasing import describe

    language = repo.config.site.language
    ordered = sorted(
        log.entries,
        key=lambda entry: entry.commits[-1].date if entry.commits else date.min,
        reverse=True,  # stable: entries of one day keep the change log's order
    )
    items = []
    for entry in ordered[:ENTITY_CHANGES]:
        path_of = _ENTITY_PAGES.get(entry.kind)
        has_page = path_of is not None and entry.id in repo.of_kind(entry.kind)
        items.append(
            EntityChangeItem(
                entry.kind,
                entry.name or entry.id,
                path_of(entry.id) if path_of is not None and has_page else None,
                entry.change,
                [
                    Markup(describe(field, language, markup=escape, code=_code))
                    for field in entry.fields
                ],
            )
        )
    return EntityChanges(log.since, log.until, items, len(ordered) - len(items))


def _code(text: str) -> str:
    return f"<code>{escape(text)}</code>"
