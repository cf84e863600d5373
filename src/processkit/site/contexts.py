"""The typed contexts the site's templates are rendered with: one dataclass per page kind.

Everything a template shows is here, already decided: links are relative to the page, Markdown
is rendered (as ``Markup``), dates are ``date`` objects and enumerations keep their FORMAT.md
values (the templates translate them through the message catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from processkit.site.history import Change


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True, slots=True)
class PersonRef:
    name: str
    title: str | None = None
    unit: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    email: str | None
    phone: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """What every page shows: names, logo, brand colours, the publication date."""

    title: str
    organisation: str
    language: str
    logo: str | None
    theme_css: str
    published: date | None
    as_of: date | None
    commit: str | None
    contact: Contact


@dataclass(frozen=True, slots=True)
class MapFigure:
    """An inline SVG map, with the id of the element that holds its text alternative."""

    svg: Markup
    title: str
    alternative: str


@dataclass(frozen=True, slots=True)
class Review:
    next: date
    overdue: bool


@dataclass(frozen=True, slots=True)
class Approved:
    date: date
    by: str


@dataclass(frozen=True, slots=True)
class Page:
    """One file of the site: where it goes, which template draws it and with what."""

    path: str
    template: str
    title: str
    context: object
    indexed: bool = True

    @property
    def root(self) -> str:
        return "../" * self.path.count("/")


# -- start page -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Count:
    key: str
    count: int


@dataclass(frozen=True, slots=True)
class AreaTile:
    link: Link
    summary: Markup | None
    processes: int
    by_type: list[Count]


@dataclass(frozen=True, slots=True)
class Recent:
    link: Link
    changed: date
    author: str


@dataclass(frozen=True, slots=True)
class StartPage:
    areas: list[AreaTile]
    total: int
    landscape: MapFigure | None
    recent: list[Recent]
    handbooks: list[Link]
    more_handbooks: bool


# -- area page --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProcessItem:
    """One process in an area's list of processes, which is a tree drawn as nested lists.

    The items come in tree order (a process, then its sub-processes), flat, so that no part
    of building or drawing the page recurses: ``opens`` says that the next item is this one's
    sub-process (a nested list starts inside this item), ``closes`` how many nested lists
    end after this item. Lists nest at most ``NESTED_LEVELS`` deep; ``under`` is the name of
    the parent of a sub-process listed less deep than it is (None for the others).
    """

    link: Link
    status: str
    overdue: bool
    under: str | None = None
    opens: bool = False
    closes: int = 0


@dataclass(frozen=True, slots=True)
class TypeGroup:
    type: str
    processes: list[ProcessItem]


@dataclass(frozen=True, slots=True)
class AreaPage:
    id: str
    name: str
    description: Markup
    customers: str | None
    unit: str | None
    owner: PersonRef | None
    groups: list[TypeGroup]
    retired: list[Link]
    landscape: MapFigure | None
    breadcrumbs: list[Link]


# -- process page -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActivityRef:
    number: int
    name: str
    anchor: str


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class InterfaceRow:
    process: Link | None
    name: str
    description: str | None


@dataclass(frozen=True, slots=True)
class ExternalLink:
    """A link from the repository's text: ``href`` is None when the address is not safe (a
    ``javascript:`` URL, say), and then the address is shown as text."""

    text: str
    href: str | None
    address: str | None


@dataclass(frozen=True, slots=True)
class RequirementRow:
    source: str
    description: str | None
    link: ExternalLink | None


@dataclass(frozen=True, slots=True)
class MeasureRow:
    name: str
    definition: str | None
    target: str | None
    frequency: str | None


@dataclass(frozen=True, slots=True)
class RiskRow:
    number: int
    description: str
    likelihood: int | None
    consequence: int | None
    score: int | None
    level: str | None
    action: str | None


@dataclass(frozen=True, slots=True)
class MatrixCell:
    consequence: int
    level: str
    risks: list[int]


@dataclass(frozen=True, slots=True)
class MatrixRow:
    likelihood: int
    cells: list[MatrixCell]


@dataclass(frozen=True, slots=True)
class ControlRow:
    description: str
    method: str | None
    frequency: str | None
    role: Link | None


@dataclass(frozen=True, slots=True)
class DocumentRow:
    handbook: Link | None
    external: ExternalLink | None


@dataclass(frozen=True, slots=True)
class ProposalRow:
    id: str
    title: str
    submitted: date
    submitted_by: str | None
    status: str


@dataclass(frozen=True, slots=True)
class Score:
    dimension: str
    level: int


@dataclass(frozen=True, slots=True)
class DataTable:
    """A table of text: a caption, column headings and rows (the first cell heads its row)."""

    caption: str
    headers: list[str]
    rows: list[list[str]]


@dataclass(frozen=True, slots=True)
class Radar:
    """A radar chart of the latest maturity assessment against the previous one (an inline
    SVG with its own title and description), with its numbers as a table."""

    svg: Markup
    table: DataTable


@dataclass(frozen=True, slots=True)
class Maturity:
    level: int | None
    assessed: date
    scores: list[Score]
    top: int
    radar: Radar | None = None


@dataclass(frozen=True, slots=True)
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
    history: list[Change]
    feedback: str | None
    edit: str | None
    source: str
    breadcrumbs: list[Link]


# -- roles and owners -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RoleActivity:
    name: str
    href: str
    letters: list[str]


@dataclass(frozen=True, slots=True)
class RoleUse:
    process: Link
    activities: list[RoleActivity]
    controls: list[str]


@dataclass(frozen=True, slots=True)
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
    history: list[Change]
    breadcrumbs: list[Link]


@dataclass(frozen=True, slots=True)
class RoleGroup:
    category: str
    roles: list[Link]


@dataclass(frozen=True, slots=True)
class RolesPage:
    groups: list[RoleGroup]
    breadcrumbs: list[Link]


@dataclass(frozen=True, slots=True)
class OwnerEntry:
    anchor: str
    person: PersonRef
    areas: list[Link]
    owns: list[Link]
    leads: list[Link]


@dataclass(frozen=True, slots=True)
class OwnersPage:
    people: list[OwnerEntry]
    without_owner: int
    breadcrumbs: list[Link]


# -- handbooks --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChapterView:
    anchor: str
    title: str
    body: Markup


@dataclass(frozen=True, slots=True)
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
    history: list[Change]
    edit: str | None
    breadcrumbs: list[Link]


@dataclass(frozen=True, slots=True)
class HandbookItem:
    link: Link
    type: str
    status: str | None


@dataclass(frozen=True, slots=True)
class HandbooksPage:
    handbooks: list[HandbookItem]
    breadcrumbs: list[Link]


# -- changes, accessibility, search, 404 ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChangeEntry:
    change: Change
    pages: list[Link]
    other_files: int


@dataclass(frozen=True, slots=True)
class EntityChangeItem:
    """One entity changed over the period (``processkit changelog``'s entry): its kind and
    name, a link to its page when it has one, how it changed (added, changed, retired,
    removed) and its field changes in plain words (HTML, the files' text escaped)."""

    kind: str
    name: str
    href: str | None
    change: str
    details: list[Markup]


@dataclass(frozen=True, slots=True)
class EntityChanges:
    """The entities changed from ``since`` to ``until``, the latest changed first; ``more`` is
    how many further entries are left out."""

    since: date | None
    until: date
    items: list[EntityChangeItem]
    more: int


@dataclass(frozen=True, slots=True)
class ChangesPage:
    changes: list[ChangeEntry]
    breadcrumbs: list[Link]
    entities: EntityChanges | None = None


@dataclass(frozen=True, slots=True)
class ShortcomingItem:
    content: str
    problem: str
    criteria: list[str]
    alternative: str | None
    fixed_by: date | None


@dataclass(frozen=True, slots=True)
class ExemptItem:
    content: str
    reason: str | None


@dataclass(frozen=True, slots=True)
class AccessibilityPage:
    """The accessibility statement as the repository gives it (processkit.yaml's
    ``site.accessibility``): ``status`` is full, partial, none or None (not given: the
    statement then says it is not complete); ``updated`` None means the publication date."""

    status: str | None
    assessed: date | None
    method: str | None
    assessor: str | None
    updated: date | None
    shortcomings: list[ShortcomingItem]
    burden: list[ExemptItem]
    outside_law: list[ExemptItem]
    breadcrumbs: list[Link]


@dataclass(frozen=True, slots=True)
class PlainPage:
    """A page whose text is all in the message catalogue (the 404 page)."""

    breadcrumbs: list[Link]


@dataclass(frozen=True, slots=True)
class SearchPage:
    """The search page: the Pagefind bundles to search, the first carrying the code."""

    bundles: list[str]
    breadcrumbs: list[Link]


# -- maturity and proposals overviews ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LevelCount:
    level: int
    count: int


@dataclass(frozen=True, slots=True)
class MaturityRow:
    """One assessed process of an area: its latest level, when, and the change since the
    assessment before (None: no level, or no earlier assessment)."""

    process: Link
    depth: int
    level: int | None
    assessed: date
    change: int | None


@dataclass(frozen=True, slots=True)
class AreaMaturityView:
    anchor: str
    name: str
    link: Link
    distribution: list[LevelCount]
    processes: int
    assessed: list[MaturityRow]
    never: list[Link]


@dataclass(frozen=True, slots=True)
class LevelText:
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class MaturityPage:
    dimensions: list[str]
    levels: list[LevelText]
    top: int
    areas: list[AreaMaturityView]
    processes: int
    never: int
    breadcrumbs: list[Link]


@dataclass(frozen=True, slots=True)
class ClosingCommit:
    """The commit that carried out a proposal: a link when the git host is known."""

    short: str
    href: str | None
    date: date
    summary: str


@dataclass(frozen=True, slots=True)
class ProposalEntry:
    id: str
    title: str
    status: str
    submitted: date
    submitted_by: str | None
    decided: date | None
    closed_by: ClosingCommit | None


@dataclass(frozen=True, slots=True)
class ProposalGroup:
    anchor: str
    process: Link | None
    name: str
    proposals: list[ProposalEntry]


@dataclass(frozen=True, slots=True)
class ProposalsPage:
    counts: list[Count]
    total: int
    groups: list[ProposalGroup]
    breadcrumbs: list[Link]
