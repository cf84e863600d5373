"""Atom feeds (RFC 4287) of the change log: ``changes.xml`` (the whole management system),
``areas/<id>.xml`` (an area and its processes) and ``processes/<id>.xml`` (one process, its
proposals and assessments).

Each entry is one entity's change over the period of the recent-changes page, in the same
plain words as ``processkit changelog``; a feed holds the newest ``MOST_ENTRIES`` of them.
Nothing comes from the clock: an entry's date is that of the last commit that touched the
entity, a feed's ``<updated>`` the newest entry's (or the build's day when it has none), and
every id is a ``urn:uuid`` derived from what it names (an entry: the commit and the entity),
so a rebuild of the same repository writes the same bytes and a feed reader sees no entry
twice.

With the site's own address (``site.url``) the feeds' links are absolute. Without it the
site knows no address of its own (every link is relative, FORMAT.md), so the links are
relative to the feed's own address. Atom allows that (RFC 4287 §4.2.7.1: resolved against the
document's base URI, which is the feed's URL), and feed readers do it (feedparser resolves them
against the URL the feed was fetched from). The ids do not depend on the address: an id does
not change when its document is published elsewhere (RFC 4287 §4.2.6).
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from html import escape
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from processkit import __version__, i18n
from processkit.codepoints import printable
from processkit.frozen import frozen
from processkit.fsutil import folder_made, write_bytes
from processkit.history.changelog import ChangeLog, EntityChange
from processkit.history.phrasing import describe
from processkit.history.wording import entry_title
from processkit.i18n import _
from processkit.loading.repository import Repository
from processkit.model.kinds import KIND_INFO
from processkit.site import links
from processkit.site.filecache import FileCache
from processkit.site.output import Placing
from processkit.words import Language

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The namespace of the ids: a fixed, random UUID, so ids are names in processkit's own space.
NAMESPACE = uuid.UUID("5b0b6c1e-3f47-4a43-9d5e-2f1a8c6f0e41")
#: The whole-site feed's address.
SITE_FEED = "changes.xml"
#: The most entries a feed holds: the newest. A feed reader keeps what it has seen and asks
#: again often, so it needs only the latest; the recent-changes page lists them all. Without
#: a limit, the whole site's feed of a repository whose every process changed in the period
#: (the month after moving into processkit) is megabytes, fetched by every subscriber.
MOST_ENTRIES = 100


@frozen
class Feed:
    """One feed: its address in the site, its title, the page it belongs to and its entries."""

    path: str
    title: str
    page: str
    entries: tuple[EntityChange, ...]


def feed_path(kind: str, entity_id: str) -> str:
    """The address of an area's or a process's feed (``processes/<id>.xml``)."""
    return KIND_INFO[kind].page_path(entity_id).removesuffix(".html") + ".xml"


def has_feed(kind: str) -> bool:
    return kind in ("area", "process")


def feeds(repo: Repository, log: ChangeLog) -> list[Feed]:
    """Every feed of the site: the whole system's, then each area's and each process's."""
    grouped = _grouped(repo, log)
    found = [_site_feed(repo, log)]
    for kind, entity_id, name in _entities(repo):
        found.append(_feed(repo, log, kind, entity_id, name, grouped[kind].get(entity_id, ())))
    return found


def _site_feed(repo: Repository, log: ChangeLog) -> Feed:
    title = _("{site}: changes", site=repo.config.site.title)
    return Feed(SITE_FEED, title, "changes.html", _newest(log.entries, log))


def _feed(
    repo: Repository,
    log: ChangeLog,
    kind: str,
    entity_id: str,
    name: str,
    entries: Sequence[EntityChange],
) -> Feed:
    title = _("{site}: {name}", site=repo.config.site.title, name=name)
    return Feed(
        feed_path(kind, entity_id),
        title,
        KIND_INFO[kind].page_path(entity_id),
        _newest(entries, log),
    )


def _newest(entries: Sequence[EntityChange], log: ChangeLog) -> tuple[EntityChange, ...]:
    """The newest ``MOST_ENTRIES`` of ``entries``, newest first (in the log's order within a
    day): what a feed shows, in its order."""
    ordered = sorted(entries, key=lambda entry: _updated(entry, log), reverse=True)
    return tuple(ordered[:MOST_ENTRIES])


def _entities(repo: Repository) -> list[tuple[str, str, str]]:
    """(kind, id, name) of each entity with a feed: the areas, then the processes, by id."""
    return [
        (kind, entity_id, record.entity.name)
        for kind in ("area", "process")
        for entity_id, record in sorted(repo.of_kind(kind).items())
    ]


def _grouped(repo: Repository, log: ChangeLog) -> dict[str, dict[str, list[EntityChange]]]:
    """The entries of the log each area's and each process's feed shows, in the log's order,
    by kind and id."""
    process_of: dict[tuple[str, str], str] = {}
    for kind in ("proposal", "assessment"):
        for entity_id, record in repo.of_kind(kind).items():
            process_of[(kind, entity_id)] = str(getattr(record.entity, "process", ""))
    area_of = {pid: record.entity.area for pid, record in repo.processes.items()}
    by_process: dict[str, list[EntityChange]] = {}
    by_area: dict[str, list[EntityChange]] = {}
    for entry in log.entries:
        owner = entry.id if entry.kind == "process" else process_of.get((entry.kind, entry.id))
        if owner is not None:
            by_process.setdefault(owner, []).append(entry)
        area = entry.id if entry.kind == "area" else area_of.get(owner or "")
        if area is not None:
            by_area.setdefault(area, []).append(entry)
    return {"area": by_area, "process": by_process}


def write_feeds(
    folder: Path,
    repo: Repository,
    log: ChangeLog,
    today: date | None,
    files: FileCache | None = None,
    placing: Placing | None = None,
) -> int:
    """Write every feed into the site's ``folder``; how many. A feed made before from the same
    entries, settings and words is taken from ``files``, the build's file cache, or left as
    it is where the folder (``placing``: one reused) holds it already.

    Most feeds show no change (a thousand at 1,000 processes): what such a feed is made of,
    the settings, the day, the words and the names, is the same for all of them, so their keys
    are kept as a whole, by the names, and looked up, not worked out again each build."""
    language = repo.config.site.language
    base = hashlib.sha256(
        f"{__version__}\0{repo.config.site!r}\0{repo.config.organisation!r}\0"
        f"{today}\0{log.until}\0".encode()
    )
    base.update(i18n.catalogue_bytes(language))
    base_folder = os.fspath(folder)
    folders: set[str] = set()
    with i18n.speaking(language):
        grouped = _grouped(repo, log)
        entities = _entities(repo)
        quiet = _quiet_keys(files, base, repo, log, entities)
        site = _site_feed(repo, log)
        made: list[tuple[str, str, Feed | tuple[str, str, str]]] = [
            (site.path, _key(base, site, repo, log), site)
        ]
        for entity in entities:
            kind, entity_id, name = entity
            entries = grouped[kind].get(entity_id)
            if entries:
                feed = _feed(repo, log, kind, entity_id, name, entries)
                made.append((feed.path, _key(base, feed, repo, log), feed))
            else:  # made only where the cache lost it
                path = feed_path(kind, entity_id)
                digest = quiet.get(path) or _key(base, _feed(repo, log, *entity, ()), repo, log)
                made.append((path, digest, entity))
        for path, digest, feed_or_entity in made:
            # as text, each folder made once, each feed linked without a look first
            target = os.path.join(base_folder, path)
            folder_made(target, folders)
            if placing is not None and placing.file(path, digest):
                if files is not None:
                    files.use("feeds", digest)
                continue
            if files is not None and files.link("feeds", digest, target):
                continue
            if isinstance(feed_or_entity, Feed):
                feed = feed_or_entity
            else:
                feed = _feed(repo, log, *feed_or_entity, ())
            # most of them have no entries: written without a tree of elements
            write_bytes(target, (atom if feed.entries else quiet_atom)(feed, repo, log, today))
            if files is not None:
                files.put_file("feeds", digest, target)
    return len(made)


def _key(base: hashlib._Hash, feed: Feed, repo: Repository, log: ChangeLog) -> str:
    """The key of a feed in the file cache."""
    key = base.copy()
    key.update(repr((feed.path, feed.title, feed.page)).encode("utf-8", "surrogatepass"))
    texts = _entry_texts(log)
    # what an entry links to depends on whether its entity still has a page; an entry without
    # commits is dated and named by the log's last commit
    for entry in feed.entries:
        text = texts.get(id(entry))
        if text is None:
            text = texts[id(entry)] = repr(entry).encode("utf-8", "surrogatepass")
        key.update(text)
        key.update(f"\0{_page(entry, repo)}\0".encode())
        if not entry.commits:
            key.update(f"{log.head!r}\0".encode())
    return key.hexdigest()


#: The change log whose entries' texts (``_entry_texts``) are kept, and those texts by each
#: entry's identity: held here, the log keeps its entries, and so their identities, its own.
_TEXTS_OF: list[Any] = [None, {}]


def _entry_texts(log: ChangeLog) -> dict[int, bytes]:
    """The text of each entry of ``log`` a feed's key is made of, by the entry's identity:
    worked out once for a log (``serve`` builds from the same log until a commit is made, and
    a thousand feeds show its entries)."""
    if _TEXTS_OF[0] is not log:
        _TEXTS_OF[:] = [log, {}]
    texts: dict[int, bytes] = _TEXTS_OF[1]
    return texts


def _quiet_keys(
    files: FileCache | None,
    base: hashlib._Hash,
    repo: Repository,
    log: ChangeLog,
    entities: list[tuple[str, str, str]],
) -> dict[str, str]:
    """The key of each area's and process's feed as it is without entries, by its address:
    kept in ``files`` under a key of what they are made from."""
    if files is None:
        return {}
    whole = base.copy()
    whole.update(repr(entities).encode("utf-8", "surrogatepass"))
    listing = whole.hexdigest()
    found = files.file("feeds", listing)
    try:
        kept = json.loads(found.read_text(encoding="utf-8")) if found is not None else None
    except (OSError, ValueError):  # pruned meanwhile by another build, or damaged
        kept = None
    if isinstance(kept, dict):
        return kept
    keys = {}
    for entity in entities:
        feed = _feed(repo, log, *entity, ())
        keys[feed.path] = _key(base, feed, repo, log)
    files.put_text("feeds", listing, json.dumps(keys))
    return keys


def _uuid(*parts: str) -> str:
    return uuid.uuid5(NAMESPACE, "\0".join(parts)).urn


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _relative(source: str, target: str) -> str:
    """``target`` (an address in the site) as seen from the file at ``source``."""
    return "../" * source.count("/") + target


def _link(site_url: str | None, source: str, target: str) -> str:
    """``target`` (an address in the site) as a feed at ``source`` links it: absolute when the
    site's address is known, else relative to the feed."""
    return links.absolute(site_url, target) or _relative(source, target)


def _updated(entry: EntityChange, log: ChangeLog) -> date:
    return entry.commits[-1].date if entry.commits else log.head.date


def atom(feed: Feed, repo: Repository, log: ChangeLog, today: date | None) -> bytes:
    """The feed as an Atom document, its entries in their order (``_newest``), in the
    language now spoken."""
    language = i18n.current()
    site = repo.config.site
    ordered = feed.entries
    newest = _updated(ordered[0], log) if ordered else (today or log.until)
    root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: language})
    _text(root, "id", _uuid("feed", site.title, repo.config.organisation, feed.path))
    _text(root, "title", feed.title)
    _text(root, "updated", _timestamp(newest))
    ET.SubElement(root, "link", {"rel": "self", "href": _link(site.url, feed.path, feed.path)})
    ET.SubElement(
        root,
        "link",
        {"rel": "alternate", "type": "text/html", "href": _link(site.url, feed.path, feed.page)},
    )
    author = ET.SubElement(root, "author")
    _text(author, "name", repo.config.organisation or site.title)
    _text(root, "generator", "processkit")
    for entry in ordered:
        _entry(root, feed, entry, repo, log, language)
    ET.indent(root)
    return _document(ET.tostring(root, encoding="unicode"))


def _document(written: str) -> bytes:
    """The feed ``written`` (its root element, as text) as the file holds it: the XML
    declaration first, the characters XML forbids left out (the texts of the repository may
    hold them: see processkit.codepoints)."""
    return f'<?xml version="1.0" encoding="utf-8"?>\n{printable(written)}\n'.encode()


def quiet_atom(feed: Feed, repo: Repository, log: ChangeLog, today: date | None) -> bytes:
    """``atom(feed, …)`` of a feed without entries (1,023 of the 1,025 feeds of a site of
    1,000 processes), the same bytes, written as text: 20 µs against the 54 µs ElementTree
    takes to build, indent and write one, most of them in working out the namespaces of
    ``xml:lang``."""
    assert not feed.entries, "a feed with entries is written by atom"
    site = repo.config.site
    lines = [
        f'<feed xmlns="{ATOM}" xml:lang="{_attribute(i18n.current())}">',
        _element("  ", "id", _uuid("feed", site.title, repo.config.organisation, feed.path)),
        _element("  ", "title", feed.title),
        _element("  ", "updated", _timestamp(today or log.until)),
        f'  <link rel="self" href="{_attribute(_link(site.url, feed.path, feed.path))}" />',
        '  <link rel="alternate" type="text/html" '
        f'href="{_attribute(_link(site.url, feed.path, feed.page))}" />',
        "  <author>",
        _element("    ", "name", repo.config.organisation or site.title),
        "  </author>",
        "  <generator>processkit</generator>",
        "</feed>",
    ]
    return _document("\n".join(lines))


def _element(indent: str, name: str, text: str) -> str:
    """An element holding ``text``, as ElementTree writes it (empty: closed at once)."""
    if not text:
        return f"{indent}<{name} />"
    return f"{indent}<{name}>{escape(text, quote=False)}</{name}>"


def _attribute(value: str) -> str:
    """An attribute's value as ElementTree writes it, between double quotes."""
    for character, entity in _IN_ATTRIBUTES:
        if character in value:
            value = value.replace(character, entity)
    return value


#: What ElementTree writes for these characters in an attribute's value, in its order.
_IN_ATTRIBUTES = (
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ('"', "&quot;"),
    ("\r", "&#13;"),
    ("\n", "&#10;"),
    ("\t", "&#09;"),
)


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, name)
    element.text = text
    return element


def _page(entry: EntityChange, repo: Repository) -> str | None:
    row = KIND_INFO.get(entry.kind)
    if row is None or row.page is None or entry.id not in repo.of_kind(entry.kind):
        return None
    return row.page_path(entry.id)


def _entry(
    root: ET.Element,
    feed: Feed,
    entry: EntityChange,
    repo: Repository,
    log: ChangeLog,
    language: Language,
) -> None:
    last = entry.commits[-1].sha if entry.commits else log.head.sha
    element = ET.SubElement(root, "entry")
    _text(element, "id", _uuid("entry", last, entry.kind, entry.id, entry.change))
    _text(element, "title", entry_title(entry, language))
    _text(element, "updated", _timestamp(_updated(entry, log)))
    page = _page(entry, repo) or "changes.html"
    href = _link(repo.config.site.url, feed.path, page)
    ET.SubElement(element, "link", {"rel": "alternate", "type": "text/html", "href": href})
    if entry.commits:
        author = ET.SubElement(element, "author")
        _text(author, "name", entry.commits[-1].author)
    content = _text(element, "content", entry_html(entry, language))
    content.set("type", "html")


def entry_html(
    entry: EntityChange, language: Language, code: Callable[[str], str] | None = None
) -> str:
    """What changed, as HTML: the field changes in plain words, then the commits as a detail."""
    parts = []
    fields = [
        describe(field, language, markup=escape, code=code or _code, kind=entry.kind)
        for field in entry.fields
    ]
    if fields:
        parts.append("<ul>" + "".join(f"<li>{text}</li>" for text in fields) + "</ul>")
    else:
        parts.append(f"<p>{escape(entry_title(entry, language))}.</p>")
    if entry.commits:
        notes = "; ".join(
            f"{escape(commit.summary)} ({escape(commit.author)}, {commit.date.isoformat()})"
            for commit in entry.commits
        )
        parts.append(f"<p><small>{_('Changes: {commits}', commits=notes)}</small></p>")
    return "".join(parts)


def _code(text: str) -> str:
    return f"<code>{escape(text, quote=False)}</code>"
