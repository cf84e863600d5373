"""Hostile text from the YAML comes out inert: escaped, never run, never a live link."""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, StringConstraints
from tests.conftest import write_files
from tests.site.conftest import BuildSite
from tests.site.htmlcheck import broken_links, html_pages, page_facts, strict_parse_errors
from tests.site.nuchecker import checker_errors
from tests.site.repos import HOSTILE, HOSTILE_TEXT

from processkit.loading.load import load_repository
from processkit.model import KINDS, Config
from processkit.model.introspect import model_in


def test_hostile_text_is_inert(build_site: BuildSite) -> None:
    site = build_site(HOSTILE)
    ids_of: dict[str, set[str]] = {}
    for page in html_pages(site):
        facts = page_facts(site, page)
        html = (site / page).read_text(encoding="utf-8")
        root = "../" * page.count("/")
        assert facts.scripts == [f"{root}assets/site.js"] + (
            ["assets/search.js"] if page == "search.html" else []
        ), page
        assert facts.event_attributes == [], page
        assert broken_links(site, facts, ids_of) == [], page
        assert strict_parse_errors(site, page) == [], page
        assert not re.search(r"(?i)(href|src|action)=\"\s*(javascript|data|vbscript):", html)
        assert "<iframe" not in html and "<img src=x" not in html, page


def test_hostile_text_is_shown_as_text(build_site: BuildSite) -> None:
    site = build_site(HOSTILE)
    process = (site / "processes/p1.html").read_text(encoding="utf-8")
    text = "".join(page_facts(site, "processes/p1.html").text)
    # the names and Markdown are there to read, as text
    assert "Process <script>alert('pk')</script>" in text
    assert "<script>alert('pk')</script> syfte" in text
    assert "Steg </td><script>alert('pk')</script>" in text
    assert "&lt;script&gt;alert('pk')&lt;/script&gt; <strong>syfte</strong>" in process
    # a javascript: document link is shown as text, with its address, not as a link
    assert (
        'Rutin &lt;script&gt;alert(&#39;pk&#39;)&lt;/script&gt; <span class="unsafe-address">'
        "(javascript:alert(&#39;pk&#39;))</span>" in process
    )
    # a Markdown link to vbscript: stays Markdown source
    assert "[x](vbscript:msgbox(1))" in text
    # the configured links with javascript: are dropped
    assert "Föreslå en förbättring" not in text and "Redigera sidan" not in text


def test_hostile_markdown_links_are_text(build_site: BuildSite) -> None:
    site = build_site(HOSTILE)
    area = (site / "areas/a.html").read_text(encoding="utf-8")
    text = "".join(page_facts(site, "areas/a.html").text)
    assert "[klicka](javascript:alert('pk'))" in text
    assert "&lt;javascript:alert(1)&gt;" in area
    # an image is never loaded: it becomes a plain link to its address
    assert '!<a href="https://evil.example/x.png">bild</a>' in area
    assert "Raw <script>alert('pk')</script> and <b onmouseover=\"alert(1)\">bold</b>." in text
    handbook = "".join(page_facts(site, "handbooks/h.html").text)
    assert "[länk](JaVaScRiPt:alert('pk'))" in handbook


def test_the_checks_find_what_they_look_for(tmp_path: Path) -> None:
    """The checks above can fail: a page with every fault is caught."""
    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html><html lang="sv"><body><main><h1>x</h1><h3 id="a">y</h3><p id="a">'
        '<a href="missing.html">m</a><a href="#nowhere">n</a><a href="javascript:x()">j</a>'
        '<img src="bad.html"><svg></svg><b onclick="x()">b</b></main></body></html>',
        encoding="utf-8",
    )
    facts = page_facts(tmp_path, "bad.html")
    assert broken_links(tmp_path, facts, {}) == [
        "bad.html: a href='missing.html' -> missing missing.html",
        "bad.html: 'javascript:x()' -> no id 'nowhere' in bad.html".replace(
            "'javascript:x()'", "'#nowhere'"
        ),
        "bad.html: unsafe a href='javascript:x()'",
    ]
    assert (facts.images_without_alt, facts.svgs_without_title, facts.event_attributes) == (
        1,
        1,
        ["b onclick"],
    )


# -- valid but hard text in every field: the pages stay valid HTML ----------------------------

#: Settings that are not free text shown on a page: folders, a path, file globs and the
#: colours (checked to be #rrggbb).
NOT_SHOWN = {
    "Config.exclude",
    "SiteConfig.output",
    "SiteConfig.logo",
    "SiteConfig.templates",
    "SiteColors.primary",
    "SiteColors.link",
}


def _is_text(annotation: Any) -> bool:
    """True for a text or Markdown field (not an id, a date or an enumeration)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list):
        return any(_is_text(arg) for arg in typing.get_args(annotation) if arg is not type(None))
    if origin is dict:
        return _is_text(typing.get_args(annotation)[1])
    if origin is typing.Annotated:
        base, *metadata = typing.get_args(annotation)
        return not any(isinstance(m, StringConstraints) for m in metadata) and _is_text(base)
    return annotation is str


def _unfilled(model: type[BaseModel], values: list[BaseModel]) -> list[str]:
    """The text fields of ``model`` (and of the models inside it) that none of ``values``
    fills."""
    missing = []
    for name, info in model.model_fields.items():
        where = f"{model.__name__}.{name}"
        inner = model_in(info.annotation)
        if inner is not None:
            found: list[BaseModel] = []
            for value in values:
                item = getattr(value, name)
                found += item if isinstance(item, list) else [item] if item is not None else []
            missing += _unfilled(inner, found)
        elif (
            _is_text(info.annotation)
            and where not in NOT_SHOWN
            and not any(getattr(value, name) for value in values)
        ):
            missing.append(where)
    return missing


def test_the_hostile_text_fills_every_text_field_of_every_kind(tmp_path: Path) -> None:
    loaded = load_repository(write_files(tmp_path / "repo", HOSTILE_TEXT))
    assert [d for d in loaded.diagnostics if d.severity == "error"] == []
    repo = loaded.repo
    missing = _unfilled(Config, [repo.config])
    for kind, model in KINDS.items():
        missing += _unfilled(model, [r.entity for r in repo.of_kind(kind).values()])
    assert missing == []


def test_a_site_from_hostile_text_passes_the_nu_html_checker(build_site: BuildSite) -> None:
    """Markdown blocks of every kind, raw HTML, words longer than a phone is wide,
    right-to-left text and control characters in every text: every page stays valid."""
    site = build_site(HOSTILE_TEXT)
    errors = checker_errors(site)
    assert errors == [], "\n".join(errors)
    html = (site / "processes/p1.html").read_text(encoding="utf-8")
    assert "\x01" not in html and "\ufffe" not in html  # left out, not escaped


def test_an_activity_description_with_a_list_and_paragraphs_stands_in_a_block(
    build_site: BuildSite,
) -> None:
    """A ``<ul>`` or ``<p>`` inside a ``<span>`` is invalid HTML; in the activity table the
    description is a ``<div>``, and its headings are bold paragraphs (a ``<th>`` may hold no
    heading)."""
    site = build_site(HOSTILE_TEXT)
    html = (site / "processes/p1.html").read_text(encoding="utf-8")
    assert (
        '<div class="activity-desc"><ul>\n<li>en lista</li>\n<li>i en aktivitet</li>\n</ul>\n'
        "<p>Och ett stycke till.</p></div></th>" in html
    )
    assert "<p><strong>Rubrik sex</strong></p>" in html


def test_the_checker_reports_what_it_finds(tmp_path: Path) -> None:
    """The check above can fail: a list inside a span is reported, with where it is."""
    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html><html lang="sv"><head><title>x</title></head><body>'
        "<span><ul><li>x</li></ul></span></body></html>",
        encoding="utf-8",
    )
    assert checker_errors(tmp_path) == [
        "bad.html:1:73 Element “ul” not allowed as child of element “span” in this context. "
        "(Suppressing further errors from this subtree.) [ody><span><ul><li>x<]"
    ]
