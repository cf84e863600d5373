"""A role's page: the activities it takes part in and the processes that use it."""

from __future__ import annotations

from markupsafe import Markup

from processkit.domain.facts import RACI, Facts
from processkit.frozen import frozen
from processkit.loading.repository import Record, Repository
from processkit.model import Role
from processkit.site import links
from processkit.site.contexts import Link
from processkit.site.history import History, PageChange
from processkit.site.markdown import markdown


@frozen
class RoleActivity:
    name: str
    href: str
    letters: list[str]


@frozen
class RoleUse:
    process: Link
    activities: list[RoleActivity]
    controls: list[str]


@frozen
class RolePage:
    id: str
    name: str
    category: str
    management_area: str | None
    level: str | None
    description: Markup
    responsibilities: list[str]
    uses: list[RoleUse]
    edit: str | None
    history: list[PageChange]
    breadcrumbs: list[Link]


SUB = "../"


def role_page(
    repo: Repository, record: Record[Role], facts: Facts, history: History, edit: str | None
) -> RolePage:
    role = record.entity
    uses = []
    # what it shows of each process is in the fact (``RoleUsage``), not read from the process:
    # the page is then built again only when that changes
    for process_id, usage in sorted(
        facts.role_uses.get(role.id, {}).items(),
        key=lambda item: (item[1].name.casefold(), item[0]),
    ):
        link = Link(usage.name, SUB + links.process_path(process_id))
        activities = [
            RoleActivity(
                usage.names[activity_id],
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
        history=history.page(record.path),
        breadcrumbs=[],
    )
