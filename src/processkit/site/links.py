"""Addresses inside the site (FORMAT.md's fixed ones) and links built from the repository."""

from __future__ import annotations

import re
from urllib.parse import quote

from processkit.codepoints import printable
from processkit.loading.repository import Repository
from processkit.site.contexts import ExternalLink, Link, PersonRef
from processkit.site.markdown import is_safe_url


def area_path(area_id: str) -> str:
    return f"areas/{area_id}.html"


def process_path(process_id: str) -> str:
    return f"processes/{process_id}.html"


def role_path(role_id: str) -> str:
    return f"roles/{role_id}.html"


def handbook_path(handbook_id: str) -> str:
    return f"handbooks/{handbook_id}.html"


def area_link(repo: Repository, area_id: str, root: str) -> Link | None:
    record = repo.areas.get(area_id)
    return Link(record.entity.name, root + area_path(area_id)) if record else None


def process_link(repo: Repository, process_id: str, root: str) -> Link | None:
    record = repo.processes.get(process_id)
    return Link(record.entity.name, root + process_path(process_id)) if record else None


def role_link(repo: Repository, role_id: str | None, root: str) -> Link | None:
    if role_id is None:
        return None
    record = repo.roles.get(role_id)
    return Link(record.entity.name, root + role_path(role_id)) if record else None


def handbook_link(repo: Repository, handbook_id: str, root: str) -> Link | None:
    record = repo.handbooks.get(handbook_id)
    return Link(record.entity.title, root + handbook_path(handbook_id)) if record else None


def present(links: list[Link | None]) -> list[Link]:
    return [link for link in links if link is not None]


def person(repo: Repository, person_id: str | None) -> PersonRef | None:
    if person_id is None:
        return None
    record = repo.people.get(person_id)
    if record is None:
        return PersonRef(person_id)
    entity = record.entity
    return PersonRef(entity.name, entity.title, entity.unit, entity.email)


#: What a URL may hold as it is written; anything else (blanks, quotes, ``<>``, letters
#: beyond ASCII, control characters) is percent-encoded, as a browser does when it follows it.
_URL_SAFE = "!#$%&'()*+,/:;=?@~"
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def href(address: str | None) -> str | None:
    """An address written in the repository as a link target: None when there is none or it
    is not safe (``javascript:``…), else the address with every character a URL cannot hold
    percent-encoded, so the page stays valid whatever was written."""
    if address is None or not is_safe_url(address.strip()):
        return None
    encoded = quote(printable(address.strip()), safe=_URL_SAFE)
    encoded = _LONE_PERCENT.sub("%25", encoded)
    before, hash_sign, fragment = encoded.partition("#")
    return before + hash_sign + fragment.replace("#", "%23")


def absolute(site_url: str | None, path: str) -> str | None:
    """The absolute address of the page at ``path`` in the site, when the site's own address
    (``site.url``, ending in ``/``) is configured; percent-encoded like ``href``."""
    return href(site_url + path) if site_url else None


def mailto(email: str) -> str:
    """A ``mailto:`` link to ``email``, percent-encoded like ``href``."""
    return "mailto:" + quote(printable(email.strip()), safe="!$'*+,;=:@~")


def external(text: str, url: str | None) -> ExternalLink:
    """A link written in the repository; an unsafe address is kept only as text."""
    if url is None:
        return ExternalLink(text, None, None)
    address = url.strip()
    return ExternalLink(text, href(address), address)


def fill(template: str | None, **values: str) -> str | None:
    """A configured address (``feedback_url``, ``edit_url``) with ``{id}``/``{path}`` filled
    in, URL-quoted; None when none is configured or the result is not a safe address."""
    if not template:
        return None
    address = template
    for name, value in values.items():
        # a file name that is not UTF-8 is quoted byte by byte, as the file system holds it
        address = address.replace(
            "{" + name + "}", quote(value, safe="/", errors="surrogateescape")
        )
    return href(address)
