"""The owners and leaders (``owners.html``): each person with the processes they own and lead."""

from __future__ import annotations

from processkit.domain.facts import Facts
from processkit.domain.structure import is_active
from processkit.frozen import frozen
from processkit.loading.repository import Repository
from processkit.site import links
from processkit.site.contexts import Link, PersonRef


@frozen
class OwnerEntry:
    anchor: str
    person: PersonRef
    areas: list[Link]
    owns: list[Link]
    leads: list[Link]


@frozen
class OwnersPage:
    people: list[OwnerEntry]
    without_owner: int
    breadcrumbs: list[Link]


def owners_page(repo: Repository, facts: Facts) -> OwnersPage:
    area_owners: dict[str, list[str]] = {}
    for area_id, record in sorted(repo.areas.items()):
        if record.entity.owner:
            area_owners.setdefault(record.entity.owner, []).append(area_id)
    people = facts.owns.keys() | facts.leads.keys() | area_owners.keys()
    entries = []
    made: dict[str, Link | None] = {}  # a process's link, made once (it has an owner, leaders)
    for person_id in sorted(people, key=lambda pid: (_person_name(repo, pid).casefold(), pid)):
        entries.append(
            OwnerEntry(
                anchor=person_id,
                person=links.person(repo, person_id) or PersonRef(person_id),
                areas=links.present(
                    [links.area_link(repo, a, "") for a in area_owners.get(person_id, [])]
                ),
                owns=_sorted_links(repo, facts.owns.get(person_id, []), made),
                leads=_sorted_links(repo, facts.leads.get(person_id, []), made),
            )
        )
    without = sum(1 for r in repo.processes.values() if is_active(r.entity) and not r.entity.owner)
    return OwnersPage(entries, without, [])


def _person_name(repo: Repository, person_id: str) -> str:
    record = repo.people.get(person_id)
    return record.entity.name if record else person_id


def _sorted_links(
    repo: Repository, process_ids: list[str], made: dict[str, Link | None]
) -> list[Link]:
    found = []
    for process_id in process_ids:
        if process_id not in made:
            made[process_id] = links.process_link(repo, process_id, "")
        found.append(made[process_id])
    return sorted(links.present(found), key=lambda link: (link.text.casefold(), link.href))
