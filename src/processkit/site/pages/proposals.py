"""Every improvement proposal (``proposals.html``), by status, with the commit that closed
each one that is done. The statuses come from :mod:`processkit.reports`."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from processkit.domain import backlog
from processkit.domain.proposals import DECIDED_STATUSES, STATUS_ORDER
from processkit.frozen import frozen
from processkit.history.weblinks import commit_url
from processkit.loading.git import Commit
from processkit.loading.repository import Repository
from processkit.site import links
from processkit.site.contexts import Count, Link
from processkit.site.history import GitLinks
from processkit.site.intake import About, Suggestion, suggestions
from processkit.site.markdown import markdown_cell


@frozen
class ClosingCommit:
    """The commit that carried out a proposal: a link when the git host is known."""

    short: str
    href: str | None
    date: date
    summary: str


@frozen
class ProposalEntry:
    id: str
    title: str
    status: str
    submitted: date
    submitted_by: str | None
    description: Markup
    #: the decision (with its reason) and its date, once decided
    decision: Markup
    decided: date | None
    closed_by: ClosingCommit | None


@frozen
class ProposalGroup:
    anchor: str
    process: Link | None
    name: str
    proposals: list[ProposalEntry]


@frozen
class ProposalsPage:
    counts: list[Count]
    total: int
    groups: list[ProposalGroup]
    #: the ways to propose an improvement: e-mail, web form
    suggestions: list[Suggestion]
    breadcrumbs: list[Link]


def proposals_page(repo: Repository, today: date | None, git: GitLinks) -> ProposalsPage:
    """Every proposal, grouped by process (areas in their order), by status within each."""
    report = backlog.proposals_report(
        repo,
        # the page shows no ages, so a site without a date may count from any day
        today=today or date(1970, 1, 1),
        statuses=STATUS_ORDER,
        closing=git.closing,
    )
    groups = []
    for group in report.processes:
        entries = [
            ProposalEntry(
                id=item.id,
                title=item.title,
                status=item.status,
                submitted=item.submitted,
                submitted_by=item.submitted_by,
                description=markdown_cell(item.description),
                decision=markdown_cell(item.decision) if decided else Markup(""),
                decided=item.decided if decided else None,
                closed_by=_closing(item.closed_by, git.web_base),
            )
            for item in group.items
            for decided in [item.status in DECIDED_STATUSES]
        ]
        groups.append(
            ProposalGroup(
                anchor=f"process-{group.process_id}",
                process=links.process_link(repo, group.process_id, ""),
                name=group.process_name,
                proposals=entries,
            )
        )
    counts = report.counts
    return ProposalsPage(
        counts=[Count(status, counts[status]) for status in counts],
        total=report.total,
        groups=groups,
        suggestions=suggestions(repo.config, About(page="proposals.html")),
        breadcrumbs=[],
    )


def _closing(commit: Commit | None, web_base: str | None) -> ClosingCommit | None:
    if commit is None:
        return None
    href = commit_url(web_base, commit.sha) if web_base else None
    return ClosingCommit(commit.short, href, commit.date, commit.summary)
