"""The list of roles (``roles.html``), grouped."""

from __future__ import annotations

from processkit.frozen import frozen
from processkit.loading.repository import Repository
from processkit.model import Role
from processkit.model.introspect import vocabulary
from processkit.site import links
from processkit.site.contexts import Link


@frozen
class RoleGroup:
    category: str
    roles: list[Link]


@frozen
class RolesPage:
    groups: list[RoleGroup]
    breadcrumbs: list[Link]


def roles_page(repo: Repository) -> RolesPage:
    groups = []
    for category in vocabulary(Role, "category"):
        roles = sorted(
            (r.entity for r in repo.roles.values() if r.entity.category == category),
            key=lambda role: (role.name.casefold(), role.id),
        )
        if roles:
            groups.append(
                RoleGroup(category, [Link(role.name, links.role_path(role.id)) for role in roles])
            )
    return RolesPage(groups, [])
