"""The context of a process page: every field of the specification, ready to show, and the
radar of its latest maturity assessments."""

from __future__ import annotations

from datetime import date
from typing import cast

from markupsafe import Markup

from processkit.domain.assessments import maturity_level
from processkit.domain.facts import Facts, review_of
from processkit.domain.flow import FLOW_MAP_MAX_ACTIVITIES, activity_order, flow_map_drawn
from processkit.domain.maturity import Dimension
from processkit.domain.maturity import dimensions as named_dimensions
from processkit.domain.proposals import DECIDED_STATUSES, STATUS_ORDER
from processkit.frozen import frozen
from processkit.loading.repository import Record, Repository
from processkit.model import Assessment, Process
from processkit.site import links
from processkit.site.contexts import Approved, ExternalLink, Link, MapFigure, PersonRef, Review
from processkit.site.history import History, PageChange
from processkit.site.intake import About, Suggestion, suggestions
from processkit.site.markdown import markdown, markdown_cell
from processkit.site.radar import radar_chart, radar_svg, radar_table
from processkit.words import Language


@frozen
class ActivityRef:
    number: int
    name: str
    anchor: str


@frozen
class ActivityRow:
    number: int
    anchor: str
    name: str
    description: Markup
    performer: Link | None
    accountable: Link | None
    consulted: list[Link]
    informed: list[Link]
    next: list[ActivityRef]
    documents: list[Link]


@frozen
class InterfaceRow:
    process: Link | None
    name: str
    description: str | None


@frozen
class RequirementRow:
    source: str
    description: str | None
    link: ExternalLink | None


@frozen
class MeasureRow:
    name: str
    definition: str | None
    target: str | None
    frequency: str | None


@frozen
class RiskRow:
    number: int
    description: str
    likelihood: int | None
    consequence: int | None
    score: int | None
    level: str | None
    action: str | None


@frozen
class MatrixCell:
    consequence: int
    level: str
    risks: list[int]


@frozen
class MatrixRow:
    likelihood: int
    cells: list[MatrixCell]


@frozen
class ControlRow:
    description: str
    method: str | None
    frequency: str | None
    role: Link | None


@frozen
class DocumentRow:
    handbook: Link | None
    external: ExternalLink | None


@frozen
class ProposalRow:
    id: str
    title: str
    submitted: date
    submitted_by: str | None
    status: str
    description: Markup
    #: the decision (with its reason) and its date, once decided
    decision: Markup
    decided: date | None


@frozen
class Score:
    dimension: str
    level: int


@frozen
class DataTable:
    """A table of text: a caption, column headings and rows (the first cell heads its row)."""

    caption: str
    headers: list[str]
    rows: list[list[str]]


@frozen
class Radar:
    """A radar chart of the latest maturity assessment against the previous one (an inline
    SVG with its own title and description), with its numbers as a table."""

    svg: Markup
    table: DataTable


@frozen
class Maturity:
    level: int | None
    assessed: date
    scores: list[Score]
    top: int
    radar: Radar | None = None


@frozen
class ProcessPage:
    id: str
    name: str
    type: str
    status: str
    version: str | None
    area: Link | None
    parent: Link | None
    children: list[Link]
    owner: PersonRef | None
    leaders: list[PersonRef]
    purpose: Markup
    customer: str | None
    need: str | None
    start: str | None
    end: str | None
    value: Markup
    inputs: list[str]
    outputs: list[str]
    activities: list[ActivityRow]
    flow: MapFigure | None
    #: None when the flow is drawn; else the most activities a map draws: this flow has more,
    #: and its activities are listed in flow order instead
    flow_limit: int | None
    interfaces_in: list[InterfaceRow]
    interfaces_out: list[InterfaceRow]
    requirements: list[RequirementRow]
    measures: list[MeasureRow]
    risks: list[RiskRow]
    matrix: list[MatrixRow]
    controls: list[ControlRow]
    systems: list[str]
    documents: list[DocumentRow]
    proposals: list[ProposalRow]
    maturity: Maturity | None
    approved: Approved | None
    review: Review | None
    tags: list[str]
    history: list[PageChange]
    feedback: str | None
    #: the ways to propose an improvement: e-mail, web form, the git host's issue
    suggestions: list[Suggestion]
    edit: str | None
    source: str
    breadcrumbs: list[Link]


ROOT = "../"
SCALE = (1, 2, 3, 4)


def risk_level(score: int) -> str:
    """The band of a likelihood-times-consequence score on the 4-by-4 matrix."""
    if score <= 3:
        return "low"
    if score <= 6:
        return "medium"
    if score <= 9:
        return "high"
    return "very-high"


def activity_anchor(activity_id: str) -> str:
    return activity_id


def process_page(
    repo: Repository,
    record: Record[Process],
    facts: Facts,
    history: History,
    flow: MapFigure | None,
) -> ProcessPage:
    process = record.entity
    config = repo.config
    review = review_of(process, repo)
    area = links.area_link(repo, process.area, ROOT)
    parent = links.process_link(repo, process.parent, ROOT) if process.parent else None
    breadcrumbs: list[Link] = []
    if area is not None:
        breadcrumbs.append(area)
    if parent is not None:
        breadcrumbs.append(parent)
    return ProcessPage(
        id=process.id,
        name=process.name,
        type=process.type,
        status=process.status,
        version=process.version,
        area=area,
        parent=parent,
        children=links.present(
            [links.process_link(repo, child, ROOT) for child in facts.children.get(process.id, [])]
        ),
        owner=links.person(repo, process.owner),
        leaders=[ref for ref in (links.person(repo, p) for p in process.leaders) if ref],
        purpose=markdown(process.purpose, below=1),
        customer=process.customer,
        need=process.need,
        start=process.start,
        end=process.end,
        value=markdown(process.value),
        inputs=list(process.inputs),
        outputs=list(process.outputs),
        activities=_activities(repo, process),
        flow=flow,
        flow_limit=None if flow_map_drawn(process) else FLOW_MAP_MAX_ACTIVITIES,
        interfaces_in=_interfaces(repo, process, "in"),
        interfaces_out=_interfaces(repo, process, "out"),
        requirements=[
            RequirementRow(
                item.source,
                item.description,
                links.external(item.url, item.url) if item.url else None,
            )
            for item in process.requirements
        ],
        measures=[
            MeasureRow(item.name, item.definition, item.target, item.frequency)
            for item in process.measures
        ],
        risks=_risks(process),
        matrix=_matrix(process),
        controls=[
            ControlRow(
                item.description,
                item.method,
                item.frequency,
                links.role_link(repo, item.role, ROOT),
            )
            for item in process.controls
        ],
        systems=list(process.systems),
        documents=_documents(repo, process),
        proposals=_proposals(facts, process.id),
        maturity=_maturity(repo, process, facts),
        approved=Approved(process.approved.date, process.approved.by) if process.approved else None,
        review=Review(review, facts.overdue(process)) if review else None,
        tags=list(process.tags),
        history=history.page(record.path),
        feedback=links.fill(config.site.feedback_url, id=process.id),
        suggestions=suggestions(
            config, About(process.id, process.name, links.process_path(process.id)), issue=True
        ),
        edit=links.fill(config.site.edit_url, path=record.path),
        source=record.path,
        breadcrumbs=breadcrumbs,
    )


def _proposals(facts: Facts, process_id: str) -> list[ProposalRow]:
    """Every proposal about the process, open or decided, in the order of
    processkit.domain.backlog.open_proposals: status, then oldest."""
    found = facts.proposals_about.get(process_id, [])
    return [
        ProposalRow(
            item.id,
            item.title,
            item.submitted,
            item.submitted_by,
            item.status,
            markdown_cell(item.description),
            markdown_cell(item.decision) if item.status in DECIDED_STATUSES else Markup(""),
            item.decided if item.status in DECIDED_STATUSES else None,
        )
        for item in sorted(found, key=lambda p: (STATUS_ORDER.index(p.status), p.submitted, p.id))
    ]


def _activities(repo: Repository, process: Process) -> list[ActivityRow]:
    by_id = {activity.id: activity for activity in process.activities}
    order = activity_order(process)
    number = {activity_id: index for index, activity_id in enumerate(order, start=1)}
    rows = []
    for activity_id in order:
        activity = by_id[activity_id]
        rows.append(
            ActivityRow(
                number=number[activity_id],
                anchor=activity_anchor(activity_id),
                name=activity.name,
                description=markdown_cell(activity.description),
                performer=links.role_link(repo, activity.role, ROOT),
                accountable=links.role_link(repo, activity.accountable, ROOT),
                consulted=_roles(repo, activity.consulted),
                informed=_roles(repo, activity.informed),
                next=[
                    ActivityRef(number[n], by_id[n].name, activity_anchor(n))
                    for n in activity.next
                    if n in by_id
                ],
                documents=links.present(
                    [links.handbook_link(repo, h, ROOT) for h in activity.documents]
                ),
            )
        )
    return rows


def _roles(repo: Repository, role_ids: list[str]) -> list[Link]:
    return links.present([links.role_link(repo, role_id, ROOT) for role_id in role_ids])


def _interfaces(repo: Repository, process: Process, direction: str) -> list[InterfaceRow]:
    rows = []
    for interface in process.interfaces:
        if interface.direction != direction:
            continue
        link = links.process_link(repo, interface.process, ROOT)
        name = link.text if link else interface.process
        rows.append(InterfaceRow(link, name, interface.description))
    return rows


def _risks(process: Process) -> list[RiskRow]:
    rows = []
    for number, risk in enumerate(process.risks, start=1):
        score = (
            risk.likelihood * risk.consequence
            if risk.likelihood is not None and risk.consequence is not None
            else None
        )
        rows.append(
            RiskRow(
                number,
                risk.description,
                risk.likelihood,
                risk.consequence,
                score,
                risk_level(score) if score is not None else None,
                risk.action,
            )
        )
    return rows


def _matrix(process: Process) -> list[MatrixRow]:
    if not any(r.likelihood and r.consequence for r in process.risks):
        return []
    placed: dict[tuple[int, int], list[int]] = {}
    for number, risk in enumerate(process.risks, start=1):
        if risk.likelihood is not None and risk.consequence is not None:
            placed.setdefault((risk.likelihood, risk.consequence), []).append(number)
    return [
        MatrixRow(
            likelihood,
            [
                MatrixCell(
                    consequence,
                    risk_level(likelihood * consequence),
                    placed.get((likelihood, consequence), []),
                )
                for consequence in SCALE
            ],
        )
        for likelihood in reversed(SCALE)
    ]


def _documents(repo: Repository, process: Process) -> list[DocumentRow]:
    rows = []
    for document in process.documents:
        if document.handbook:
            link = links.handbook_link(repo, document.handbook, ROOT)
            if link is None:
                rows.append(DocumentRow(None, links.external(document.handbook, None)))
            else:
                rows.append(DocumentRow(link, None))
        else:
            title = document.title or document.url or ""
            rows.append(DocumentRow(None, links.external(title, document.url)))
    return rows


def _maturity(repo: Repository, process: Process, facts: Facts) -> Maturity | None:
    assessments = facts.assessments.get(process.id)
    if not assessments:
        return None
    latest = assessments[-1]
    dimensions = repo.config.maturity.dimensions
    ordered = [d for d in dimensions if d in latest.scores] + sorted(
        d for d in latest.scores if d not in dimensions
    )
    language = repo.config.site.language
    return Maturity(
        level=maturity_level(latest),
        assessed=latest.date,
        scores=[Score(d, latest.scores[d]) for d in ordered],
        top=max(repo.config.maturity.levels, default=4),
        radar=radar(repo, process.id, assessments, named_dimensions(repo, language), language),
    )


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
