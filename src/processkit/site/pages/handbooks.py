"""The list of handbooks (``handbooks.html``)."""

from __future__ import annotations

from processkit.frozen import frozen
from processkit.loading.repository import Record, Repository
from processkit.model import Handbook
from processkit.site import links
from processkit.site.contexts import Link


@frozen
class HandbookItem:
    link: Link
    type: str
    status: str | None


@frozen
class HandbooksPage:
    handbooks: list[HandbookItem]
    breadcrumbs: list[Link]


def sorted_handbooks(repo: Repository) -> list[Record[Handbook]]:
    return sorted(repo.handbooks.values(), key=lambda r: (r.entity.title.casefold(), r.entity.id))


def handbooks_page(repo: Repository) -> HandbooksPage:
    ordered = sorted_handbooks(repo)
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
