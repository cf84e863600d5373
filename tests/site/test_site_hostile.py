"""Hostile text from the YAML comes out inert: escaped, never run, never a live link."""

from __future__ import annotations

import re
from pathlib import Path

from tests.site.conftest import BuildSite
from tests.site.htmlcheck import broken_links, html_pages, page_facts, strict_parse_errors
from tests.site.repos import HOSTILE


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
