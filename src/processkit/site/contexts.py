"""What the site's pages share: a page (address, template, title, context), the site-wide
facts, and the small types several page contexts hold (a link, a person, a map, a review).
Each page kind's own context is a dataclass in its module under ``processkit.site.pages``.

Everything a template shows is decided before it is rendered: links are relative to the page,
Markdown is rendered (as ``Markup``), dates are ``date`` objects and enumerations keep their
FORMAT.md values (the templates translate them through the message catalogue).
"""

from __future__ import annotations

import hashlib
from dataclasses import field
from datetime import date

from markupsafe import Markup

from processkit.frozen import frozen
from processkit.model.kinds import Language


@frozen
class Link:
    text: str
    href: str


@frozen
class PersonRef:
    name: str
    title: str | None = None
    unit: str | None = None
    email: str | None = None


@frozen
class Contact:
    email: str | None
    phone: str | None
    url: str | None


@frozen
class SiteInfo:
    """What every page shows: names, logo, brand colours, the publication date."""

    title: str
    organisation: str
    language: Language
    logo: str | None
    theme_css: str
    published: date | None
    as_of: date | None
    commit: str | None
    contact: Contact
    #: whether the site has Atom feeds of its changes (not a site of the past, nor outside git)
    feeds: bool = False
    #: the site's own address (``site.url``, percent-encoded, ending in ``/``), if configured
    url: str | None = None


@frozen
class MapFigure:
    """An inline SVG map, with the id of the element that holds its text alternative, and a
    hash of the SVG: a page's cache key holds the page's ``repr``, which shows the hash, not
    the tens of thousands of characters of the drawing."""

    svg: Markup = field(repr=False)
    title: str
    alternative: str
    digest: str = ""

    @classmethod
    def of(cls, svg: Markup, title: str, alternative: str) -> MapFigure:
        return cls(
            svg,
            title,
            alternative,
            hashlib.sha256(svg.encode("utf-8", "surrogatepass")).hexdigest(),
        )


@frozen
class Review:
    next: date
    overdue: bool


@frozen
class Approved:
    date: date
    by: str


@frozen
class Page:
    """One file of the site: where it goes, which template draws it and with what."""

    path: str
    template: str
    title: str
    context: object
    indexed: bool = True
    #: the address of the page's own Atom feed (an area's, a process's), if it has one
    feed: str | None = None
    #: whether the page shows the day the site was published (the pages that stand alone);
    #: an entity's page does not, so that it stays as it was until its entity changes
    dated: bool = True

    @property
    def root(self) -> str:
        return "../" * self.path.count("/")


@frozen
class Count:
    key: str
    count: int


@frozen
class ExternalLink:
    """A link from the repository's text: ``href`` is None when the address is not safe (a
    ``javascript:`` URL, say), and then the address is shown as text."""

    text: str
    href: str | None
    address: str | None
