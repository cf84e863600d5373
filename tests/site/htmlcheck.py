"""Offline checks of a built site: parse every page with html.parser and html5lib, follow every
internal link, and look for what must not be there."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib

URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "data"}
SAFE_SCHEMES = ("http", "https", "mailto")


@dataclass
class PageFacts:
    """What one page holds: its links, ids, headings, images and scripts."""

    path: str
    lang: str | None = None
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, url)
    ids: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    images_without_alt: int = 0
    svgs: int = 0
    svgs_without_title: int = 0
    scripts: list[str | None] = field(default_factory=list)
    event_attributes: list[str] = field(default_factory=list)
    has_main: bool = False
    pagefind_body: int = 0
    text: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self, facts: PageFacts) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = facts
        self._svg_depth = 0
        self._svg_title = False
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        facts = self.facts
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                facts.event_attributes.append(f"{tag} {name}")
            if name in URL_ATTRIBUTES and value is not None:
                facts.links.append((tag, name, value))
            if name == "id" and value is not None:
                facts.ids.append(value)
        if tag == "html":
            facts.lang = values.get("lang")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            facts.headings.append(int(tag[1]))
        if tag == "img" and values.get("alt") is None:
            facts.images_without_alt += 1
        if tag == "svg":
            if self._svg_depth == 0:
                facts.svgs += 1
                self._svg_title = bool(values.get("aria-label") or values.get("aria-labelledby"))
            self._svg_depth += 1
        if tag == "title" and self._svg_depth:
            self._svg_title = True
        if tag == "script":
            facts.scripts.append(values.get("src"))
            self._in_script = True
        if tag == "main":
            facts.has_main = True
        if "data-pagefind-body" in values:
            facts.pagefind_body += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg" and self._svg_depth:
            self._svg_depth -= 1
            if self._svg_depth == 0 and not self._svg_title:
                self.facts.svgs_without_title += 1
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if not self._in_script:
            self.facts.text.append(data)


def page_facts(site: Path, relative: str) -> PageFacts:
    facts = PageFacts(relative)
    collector = _Collector(facts)
    collector.feed((site / relative).read_text(encoding="utf-8"))
    collector.close()
    return facts


def html_pages(site: Path) -> list[str]:
    """Every page of the site (not Pagefind's own files), relative, sorted."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if not path.relative_to(site).as_posix().startswith("pagefind/")
    )


def strict_parse_errors(site: Path, relative: str) -> list[str]:
    """html5lib's parse errors for a page (an empty list for valid HTML syntax)."""
    parser = html5lib.HTMLParser(strict=False)
    parser.parse((site / relative).read_bytes(), likely_encoding="utf-8")
    return [f"{relative}:{pos[0]}:{pos[1]} {code}" for pos, code, _ in parser.errors]


def broken_links(site: Path, facts: PageFacts, ids_of: dict[str, set[str]]) -> list[str]:
    """Internal links whose file or fragment does not exist; unsafe external links."""
    problems = []
    for tag, attribute, url in facts.links:
        parts = urlsplit(url)
        if parts.scheme:
            if parts.scheme not in SAFE_SCHEMES:
                problems.append(f"{facts.path}: unsafe {tag} {attribute}={url!r}")
            continue
        if url.startswith("//") or url.startswith("/"):
            problems.append(f"{facts.path}: absolute link {url!r}")
            continue
        target = facts.path
        if parts.path:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(facts.path), parts.path))
            if target.startswith(".."):
                problems.append(f"{facts.path}: link leaves the site {url!r}")
                continue
            if not (site / unquote(target)).is_file():
                problems.append(f"{facts.path}: {tag} {attribute}={url!r} -> missing {target}")
                continue
        if parts.fragment and target.endswith(".html"):
            if target not in ids_of:
                ids_of[target] = set(page_facts(site, target).ids)
            if unquote(parts.fragment) not in ids_of[target]:
                problems.append(f"{facts.path}: {url!r} -> no id {parts.fragment!r} in {target}")
    return problems


def heading_problems(facts: PageFacts) -> list[str]:
    problems = []
    if facts.headings.count(1) != 1:
        problems.append(f"{facts.path}: {facts.headings.count(1)} h1 headings")
    previous = 0
    for level in facts.headings:
        if level > previous + 1:
            problems.append(f"{facts.path}: h{level} follows h{previous}")
        previous = level
    return problems


def duplicate_ids(facts: PageFacts) -> list[str]:
    seen: set[str] = set()
    twice = sorted({i for i in facts.ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
    return [f"{facts.path}: id {i!r} appears more than once" for i in twice]
