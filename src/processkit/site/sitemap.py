"""The site's pages as data: the one list that the collector gathers pages from and the
navigation is drawn from.

The pages that stand alone (the start page, the lists, the statements) are rows of
``SITE_PAGES``. A row's ``reads`` says what the page shows of the repository, where that is
only some fields of some kinds' entities and some facts: the page is then made again only when
one of those changed (``site.depends``; ``tests/site/test_site_reads.py`` checks that each such
page reads nothing else).

An entity's page belongs to its kind in ``processkit.model.kinds`` (the row's ``page`` names
its template) and its builder is in ``ENTITY_PAGES``. ``tests/test_kinds.py`` checks that every
kind with a page has a builder.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from processkit.domain.facts import Facts
from processkit.frozen import frozen
from processkit.i18n import N_
from processkit.loading.repository import Repository
from processkit.site import links
from processkit.site.contexts import MapFigure
from processkit.site.counts import AreaCount
from processkit.site.history import GitLinks, History
from processkit.site.pages.accessibility import accessibility_page
from processkit.site.pages.area import area_page
from processkit.site.pages.changes import changes_page
from processkit.site.pages.handbook import handbook_page
from processkit.site.pages.handbooks import handbooks_page
from processkit.site.pages.maturity import maturity_page
from processkit.site.pages.not_found import not_found_page
from processkit.site.pages.owners import owners_page
from processkit.site.pages.process import process_page
from processkit.site.pages.proposals import proposals_page
from processkit.site.pages.role import role_page
from processkit.site.pages.roles import roles_page
from processkit.site.pages.search import search_page
from processkit.site.pages.start import start_page


@frozen
class Sources:
    """Everything a page's context is built from."""

    repo: Repository
    facts: Facts
    history: History
    maps: Mapping[str, MapFigure]
    counts: Sequence[AreaCount]
    git: GitLinks
    #: The addresses of the pages that search reads, sorted.
    indexed: tuple[str, ...] = ()


#: In ``PageReads.fields``: every field of the kind's entities (their files, as read).
WHOLE: tuple[str, ...] = ()


@frozen
class PageReads:
    """All that a page that stands alone shows of the repository, besides its configuration
    and what every page of the site shows: of each kind named, its entities' ids and the
    fields named (``WHOLE``: every field); and the facts named (``Facts``'s fields)."""

    fields: Mapping[str, tuple[str, ...]]
    facts: tuple[str, ...] = ()


@frozen
class SitePage:
    """A page that stands alone: its address, its template, its heading (the English text,
    translated when the page is made; None: the site's own title), how its context is built,
    and its label in the navigation (likewise; None: the navigation does not show it); whether
    search reads it; and what it reads of the repository, where that is known (None: more,
    such as the history or the day: the page is made by every build)."""

    path: str
    template: str
    heading: str | None
    context: Callable[[Sources], object]
    nav: str | None = None
    indexed: bool = True
    reads: PageReads | None = None


@frozen
class NavItem:
    """One link of the navigation: the page's address and its label (the English text; the
    template translates it)."""

    path: str
    label: str


#: An entity page's title and context, from the entity's id.
EntityBuilder = Callable[[Sources, str], tuple[str, object]]


def _start(sources: Sources) -> object:
    return start_page(sources.repo, sources.counts, sources.history, sources.maps.get("landscape:"))


def _area(sources: Sources, area_id: str) -> tuple[str, object]:
    area = area_page(sources.repo, area_id, sources.facts, sources.maps.get(f"landscape:{area_id}"))
    return area.name, area


def _process(sources: Sources, process_id: str) -> tuple[str, object]:
    repo = sources.repo
    figure = sources.maps.get(f"process:{process_id}")
    process = process_page(repo, repo.processes[process_id], sources.facts, sources.history, figure)
    return process.name, process


def _role(sources: Sources, role_id: str) -> tuple[str, object]:
    repo = sources.repo
    role = repo.roles[role_id]
    edit = links.fill(repo.config.site.edit_url, path=role.path)
    page = role_page(repo, role, sources.facts, sources.history, edit)
    return page.name, page


def _handbook(sources: Sources, handbook_id: str) -> tuple[str, object]:
    repo = sources.repo
    handbook = repo.handbooks[handbook_id]
    edit = links.fill(repo.config.site.edit_url, path=handbook.path)
    book = handbook_page(repo, handbook, sources.facts, sources.history, edit)
    return book.title, book


#: The builder of each kind's entity page, by kind (the kinds whose row has a ``page``).
ENTITY_PAGES: dict[str, EntityBuilder] = {
    "area": _area,
    "process": _process,
    "role": _role,
    "handbook": _handbook,
}

#: The pages that stand alone, in the navigation's order.
SITE_PAGES: tuple[SitePage, ...] = (
    SitePage("index.html", "start.html", None, _start, nav=N_("Home")),
    SitePage(
        "owners.html",
        "owners.html",
        N_("Process owners and process leaders"),
        lambda s: owners_page(s.repo, s.facts),
        nav=N_("Process owners"),
        reads=PageReads(
            {
                "process": ("name", "owner", "leaders", "status"),
                "area": ("name", "owner"),
                "person": ("name", "title", "unit", "email"),
            },
            ("owns", "leads"),
        ),
    ),
    SitePage(
        "roles.html", "roles.html", N_("Roles"), lambda s: roles_page(s.repo), nav=N_("Roles")
    ),
    SitePage(
        "handbooks.html",
        "handbooks.html",
        N_("Handbooks and routines"),
        lambda s: handbooks_page(s.repo),
        nav=N_("Handbooks"),
    ),
    SitePage(
        "maturity.html",
        "maturity.html",
        N_("Process maturity"),
        lambda s: maturity_page(s.repo, s.repo.config.site.language),
        nav=N_("Maturity"),
        reads=PageReads(
            {
                "process": ("name", "area", "status", "parent"),
                "area": ("name", "order"),
                "assessment": WHOLE,
            }
        ),
    ),
    SitePage(
        "proposals.html",
        "proposals.html",
        N_("Improvement proposals"),
        lambda s: proposals_page(s.repo, s.facts.today, s.git),
        nav=N_("Improvement proposals"),
    ),
    SitePage(
        "changes.html",
        "changes.html",
        N_("Recent changes"),
        lambda s: changes_page(s.repo, s.history, s.git.changelog),
        nav=N_("Recent changes"),
    ),
    SitePage(
        "accessibility.html",
        "accessibility.html",
        N_("Accessibility statement"),
        lambda s: accessibility_page(s.repo.config),
    ),
    SitePage(
        "search.html",
        "search.html",
        N_("Search"),
        lambda s: search_page(s.indexed),
        indexed=False,
    ),
    SitePage(
        "404.html", "404.html", N_("Page not found"), lambda s: not_found_page(), indexed=False
    ),
)

#: The navigation, drawn from ``SITE_PAGES``.
NAVIGATION: tuple[NavItem, ...] = tuple(
    NavItem(page.path, page.nav) for page in SITE_PAGES if page.nav is not None
)
