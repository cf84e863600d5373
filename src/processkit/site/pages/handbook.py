"""A handbook's page: its summary, its chapters and the processes that use it."""

from __future__ import annotations

from markupsafe import Markup

from processkit.domain.facts import Facts, review_of
from processkit.frozen import frozen
from processkit.loading.repository import Record, Repository
from processkit.model import Handbook
from processkit.site import links
from processkit.site.contexts import Approved, Link, PersonRef, Review
from processkit.site.history import History, PageChange
from processkit.site.markdown import markdown


@frozen
class ChapterView:
    anchor: str
    title: str
    body: Markup


@frozen
class HandbookPage:
    id: str
    title: str
    type: str
    version: str | None
    status: str | None
    owner: PersonRef | None
    approved: Approved | None
    review: Review | None
    summary: Markup
    processes: list[Link]
    chapters: list[ChapterView]
    history: list[PageChange]
    edit: str | None
    breadcrumbs: list[Link]


SUB = "../"


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
        review=Review(review, facts.overdue(handbook)) if review else None,
        summary=markdown(handbook.summary, below=1),
        processes=sorted(processes, key=lambda link: (link.text.casefold(), link.href)),
        chapters=[
            ChapterView(f"kapitel-{number}", chapter.title, markdown(chapter.body, 2))
            for number, chapter in enumerate(handbook.chapters, start=1)
        ],
        history=history.page(record.path),
        edit=edit,
        breadcrumbs=[],
    )
