"""The site's view of the weekly work: the maturity radar of a process page, the maturity
overview (``maturity.html``) and every improvement proposal (``proposals.html``).

The numbers come from :mod:`processkit.weekly`; this module only makes them into page contexts
with links relative to the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from markupsafe import Markup

from processkit.domain.proposals import STATUS_ORDER
from processkit.loading.git import Commit
from processkit.loading.repository import Repository
from processkit.model import Assessment
from processkit.site import links
from processkit.site.contexts import (
    AreaMaturityView,
    ClosingCommit,
    Count,
    DataTable,
    LevelCount,
    LevelText,
    Link,
    MaturityPage,
    MaturityRow,
    ProposalEntry,
    ProposalGroup,
    ProposalsPage,
    Radar,
)
from processkit.weekly import proposals as weekly_proposals
from processkit.weekly.changelog import ChangeLog
from processkit.weekly.maturity import Dimension, maturity_overview
from processkit.weekly.radar import radar_chart, radar_svg, radar_table
from processkit.weekly.weblinks import commit_url
from processkit.weekly.words import Language


@dataclass(frozen=True, slots=True)
class GitLinks:
    """What the site knows of the git host: the commit that closed each ``done`` proposal
    (empty outside git and for a site of the past) and the host's web address (or None);
    and the change log of the last days that the recent-changes page shows (None outside
    git, on a shallow clone and for a site of the past)."""

    closing: Mapping[str, Commit] = field(default_factory=dict)
    web_base: str | None = None
    changelog: ChangeLog | None = None


def radar(
    repo: Repository,
    process_id: str,
    assessments: list[Assessment],
    dimensions: tuple[Dimension, ...],
    language: str,
) -> Radar | None:
    """The radar chart of one process and its table, or None when it was never assessed.
    ``assessments`` are the process's, oldest first (from the site's facts, so that the site
    does not look them up once per process)."""
    words = cast(Language, language)
    chart = radar_chart(repo, process_id, words, assessments, dimensions)
    if chart is None:
        return None
    table = radar_table(chart, words)
    return Radar(
        Markup(radar_svg(chart, words, id_prefix="radar")),
        DataTable(table.caption, list(table.headers), [list(row) for row in table.rows]),
    )


def maturity_page(repo: Repository, language: str) -> MaturityPage:
    """Per area: how the latest levels are distributed, a row per assessed process and the
    processes never assessed (one pass over the processes: linear in their number)."""
    overview = maturity_overview(repo, language=cast(Language, language))
    areas = []
    for area in overview.areas:
        assessed = []
        never = []
        for process in area.processes:
            link = Link(process.name, links.process_path(process.process_id))
            if process.date is None:
                never.append(link)
            else:
                assessed.append(
                    MaturityRow(
                        link, process.depth, process.level, process.date, process.level_change
                    )
                )
        areas.append(
            AreaMaturityView(
                anchor=f"area-{area.area_id}",
                name=area.name,
                link=Link(area.name, links.area_path(area.area_id)),
                distribution=[LevelCount(level, n) for level, n in area.distribution.items()],
                processes=len(area.processes),
                assessed=assessed,
                never=never,
            )
        )
    return MaturityPage(
        dimensions=[dimension.label for dimension in overview.dimensions],
        levels=[
            LevelText(level, overview.descriptions.get(level, "")) for level in overview.levels
        ],
        top=max(overview.levels, default=4),
        areas=areas,
        processes=overview.process_count,
        never=len(overview.never_assessed),
        breadcrumbs=[],
    )


def proposals_page(repo: Repository, today: date | None, git: GitLinks) -> ProposalsPage:
    """Every proposal, grouped by process (areas in their order), by status within each."""
    report = weekly_proposals.proposals_report(
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
                decided=item.decided,
                closed_by=_closing(item.closed_by, git.web_base),
            )
            for item in group.items
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
        breadcrumbs=[],
    )


def _closing(commit: Commit | None, web_base: str | None) -> ClosingCommit | None:
    if commit is None:
        return None
    href = commit_url(web_base, commit.sha) if web_base else None
    return ClosingCommit(commit.short, href, commit.date, commit.summary)
