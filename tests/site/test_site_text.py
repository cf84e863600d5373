"""Markdown, safe links and the site's words in the message catalogue."""

from __future__ import annotations

import re
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from processkit import i18n
from processkit.codepoints import printable
from processkit.model.config import AssessmentMethod, Compliance
from processkit.model.handbook import Handbook
from processkit.model.kinds import KIND_TABLE
from processkit.model.proposal import ProposalStatus
from processkit.model.role import Role
from processkit.model.types import Frequency, ProcessType, Status
from processkit.resources import templates_dir
from processkit.site.labels import label, values
from processkit.site.links import href, mailto
from processkit.site.markdown import is_safe_url, markdown, markdown_cell, markdown_phrasing
from processkit.site.sitemap import NAVIGATION, SITE_PAGES


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://lagen.nu/2001:453", True),
        ("http://example.se", True),
        ("mailto:webb@example.se", True),
        ("../handbooks/rutin.html#kapitel-1", True),
        ("rutin.html", True),
        ("#steg", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:msgbox(1)", False),
        ("file:///etc/passwd", False),
        ("//evil.example/x", False),
        ("ftp://example.se", False),
    ],
)
def test_only_http_mailto_and_relative_links_are_safe(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


@pytest.mark.parametrize(
    ("address", "link"),
    [
        ("https://lagen.nu/2001:453", "https://lagen.nu/2001:453"),
        ("../handbooks/h.html#kapitel-1", "../handbooks/h.html#kapitel-1"),
        (
            ' https://example.se/a b?q=<x>&y="1"#del#2 ',
            "https://example.se/a%20b?q=%3Cx%3E&y=%221%22#del%232",
        ),
        ("https://example.se/å{}|^`", "https://example.se/%C3%A5%7B%7D%7C%5E%60"),
        ("https://example.se/%C3%A5/100%", "https://example.se/%C3%A5/100%25"),
        ("https://example.se/\x01x\ufffe", "https://example.se/x"),
        ("javascript:alert(1)", None),
        (None, None),
    ],
)
def test_link_addresses_are_made_valid_urls(address: str | None, link: str | None) -> None:
    """What a repository writes as an address is percent-encoded where a URL cannot hold it,
    as a browser would, so that the page stays valid HTML."""
    assert href(address) == link


def test_mail_links_are_percent_encoded() -> None:
    assert mailto(" webb@kalmar.example.se ") == "mailto:webb@kalmar.example.se"
    assert mailto("a b<x>?&#@example.se") == "mailto:a%20b%3Cx%3E%3F%26%23@example.se"


def test_control_characters_and_noncharacters_are_left_out() -> None:
    kept = "a\tb\nc\rd é שלום \u202e"
    assert printable(kept) is kept
    assert printable("a\x00\x01\x0b\x0c\x1b\x7f\x80\x85\x9f\ufdd0\ufffe\uffff\U0010fffe b") == "a b"


def test_markdown_shows_raw_html_as_text_and_unsafe_links_as_source() -> None:
    assert str(markdown("<b>fet</b> och **fet** [lag](https://lagen.nu) [x](javascript:y())")) == (
        '<p>&lt;b&gt;fet&lt;/b&gt; och <strong>fet</strong> <a href="https://lagen.nu">lag</a> '
        "[x](javascript:y())</p>\n"
    )


def test_markdown_headings_come_below_the_section_without_gaps() -> None:
    assert str(markdown("# Ett\ntext\n\n#### Fyra\n\n# Ett igen", below=2)) == (
        "<h3>Ett</h3>\n<p>text</p>\n<h4>Fyra</h4>\n<h3>Ett igen</h3>\n"
    )


def test_markdown_headings_of_a_lead_text_come_below_the_page_title() -> None:
    assert str(markdown("###### Sex\ntext", below=1)) == "<h2>Sex</h2>\n<p>text</p>\n"


def test_a_markdown_table_scrolls_in_a_box_named_by_its_headings() -> None:
    assert str(markdown("| Typ | *Vad* `den` gör |\n|---|---|\n| A | B |")) == (
        '<div class="table-scroll" tabindex="0" role="region" aria-label="Typ, Vad den gör">\n'
        "<table>\n<thead>\n<tr>\n<th>Typ</th>\n<th><em>Vad</em> <code>den</code> gör</th>\n"
        "</tr>\n</thead>\n<tbody>\n<tr>\n<td>A</td>\n<td>B</td>\n</tr>\n</tbody>\n"
        "</table>\n</div>\n"
    )
    assert str(markdown("| |\n|-|\n| A |")).startswith('<div class="table-scroll" tabindex="0">\n')


def test_markdown_in_a_table_cell_keeps_its_blocks_but_has_no_headings() -> None:
    assert str(markdown_cell("Ett *steg*")) == "Ett <em>steg</em>"
    assert str(markdown_cell("## Bara rubrik")) == "<strong>Bara rubrik</strong>"
    assert str(markdown_cell("# Rubrik\n\nStycke *ett*.\n\n- a\n- b")) == (
        "<p><strong>Rubrik</strong></p>\n<p>Stycke <em>ett</em>.</p>\n"
        "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
    )
    assert str(markdown_cell(None)) == ""


def test_markdown_inside_a_paragraph_is_the_words_of_the_first_block() -> None:
    assert str(markdown_phrasing("Skydd och **stöd**\ntill <b>barn</b>.\n\nAndra.")) == (
        "Skydd och <strong>stöd</strong> till &lt;b&gt;barn&lt;/b&gt;."
    )
    assert str(markdown_phrasing("- lista *först*\n- två")) == "lista <em>först</em>"
    assert str(markdown_phrasing("# Rubrik\n\ntext")) == "Rubrik"
    assert str(markdown_phrasing("```\nkod  <x>\nrad\n```")) == "<code>kod &lt;x&gt; rad</code>"
    assert str(markdown_phrasing("---")) == ""
    assert str(markdown_phrasing(None)) == ""


def _choices(annotation: object) -> tuple[str, ...]:
    """The values a ``Literal`` (or an optional one) allows."""
    args = get_args(annotation)
    if args and all(isinstance(arg, str) for arg in args):
        return tuple(str(arg) for arg in args)
    return tuple(value for arg in args if arg is not type(None) for value in _choices(arg))


def test_every_label_a_template_asks_for_exists() -> None:
    """``label("group", value)`` in a template names a group that has a word for every value
    the model allows."""
    enumerations = {
        "type": get_args(ProcessType),
        "type_plural": get_args(ProcessType),
        "status": get_args(Status),
        "proposal": get_args(ProposalStatus),
        "frequency": get_args(Frequency),
        "risk_level": ("low", "medium", "high", "very-high"),
        "category": _choices(Role.model_fields["category"].annotation),
        "category_plural": _choices(Role.model_fields["category"].annotation),
        "management_area": _choices(Role.model_fields["management_area"].annotation),
        "level": _choices(Role.model_fields["level"].annotation),
        "handbook_type": _choices(Handbook.model_fields["type"].annotation),
        "raci": ("r", "a", "c", "i"),
        "raci_long": ("r", "a", "c", "i"),
        "changes.kind": tuple(row.kind for row in KIND_TABLE),
        "changes.change": ("added", "changed", "removed", "retired"),
        "a11y_status": get_args(Compliance),
        "a11y_method": get_args(AssessmentMethod),
    }
    asked = set()
    for template in sorted((templates_dir() / "site").glob("*.html")):
        asked |= set(re.findall(r"""\blabel\(\s*["']([a-z_.]+)["']""", template.read_text()))
    assert asked <= set(enumerations)
    assert {group: sorted(values(group)) for group in enumerations} == {
        group: sorted(wanted) for group, wanted in enumerations.items()
    }


def test_a_label_is_said_in_the_language_spoken() -> None:
    with i18n.speaking("sv"):
        assert label("proposal", "accepted") == "Beviljat"
        assert label("changes.change", "retired") == "upphörde"
        assert label("risk_level", "very-high") == "mycket hög"
    with i18n.speaking("en"):
        assert label("proposal", "accepted") == "Accepted"
        assert label("changes.change", "retired") == "retired"
    with pytest.raises(KeyError, match="no label for `dismissed` in `proposal`"):
        label("proposal", "dismissed")


def test_every_heading_and_menu_label_of_the_page_list_is_translated() -> None:
    texts = [page.heading for page in SITE_PAGES if page.heading is not None]
    texts += [item.label for item in NAVIGATION]
    assert len(texts) == 16
    assert [text for text in texts if i18n.translate("sv", text) == text] == []
    assert i18n.translate("sv", NAVIGATION[0].label) == "Start"


def test_no_template_holds_words_of_its_own() -> None:
    """Every text a reader sees comes from the catalogue: between tags, a template holds only
    Jinja expressions (``_("English text")``), punctuation and whitespace."""
    words = re.compile(r"[A-Za-zÅÄÖåäö]{2,}")
    found = []
    for template in sorted((templates_dir() / "site").glob("*.html")):
        source = template.read_text(encoding="utf-8")
        source = re.sub(r"\{% block body_class %\}.*?\{% endblock %\}", " ", source)
        source = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", " ", source, flags=re.DOTALL)
        source = re.sub(r"<[^>]*>", " ", source)
        found += [f"{template.name}: {w}" for w in words.findall(source)]
    assert found == []


def test_texts_fill_their_placeholders() -> None:
    with i18n.speaking("sv"):
        assert i18n.n_("1 process", "{count} processes", 12) == "12 processer"
        assert i18n.n_("1 process", "{count} processes", 1) == "1 process"
    assert i18n.translate(
        "en", "Last changed {date} by {author}.", date="2026-01-01", author="Anna"
    ) == ("Last changed 2026-01-01 by Anna.")
    assert i18n.translate(
        "sv", "Last changed {date} by {author}.", date="2026-01-01", author="Anna"
    ) == ("Senast ändrad 2026-01-01 av Anna.")


#: What the texts of the properties below are made of: markup, and a NUL (a YAML text may hold
#: one).
_ALPHABET = "ab åÖ1.-+=>#*_[]()<>&\"'!:/|~`\\\t\n\0"


@given(st.text(alphabet=st.sampled_from(list(_ALPHABET)), max_size=12))
@settings(max_examples=400, deadline=None)
def test_plain_texts_take_the_short_way_to_the_same_html(text: str) -> None:
    """The parser-free path for plain sentences gives exactly what markdown-it gives."""
    from processkit.site.markdown import _MD, _shift_headings

    tokens = _MD.parse(text)
    _shift_headings(tokens, 2)
    expected = _MD.renderer.render(tokens, _MD.options, {}) if text else ""
    assert str(markdown(text)) == expected


@given(st.text(alphabet=st.sampled_from(list(_ALPHABET)), max_size=12))
@settings(max_examples=400, deadline=None)
def test_plain_texts_take_the_short_way_to_the_same_words_inside_a_paragraph(text: str) -> None:
    """As above, for the words of the first block (``markdown_phrasing``)."""
    from processkit.site.markdown import _MD

    expected = ""
    for token in _MD.parse(text):
        if token.type == "inline":
            expected = _MD.renderer.render(token.children or [], _MD.options, {})
            expected = expected.replace("\n", " ")
            break
        if token.type in ("fence", "code_block"):
            expected = f"<code>{escape(' '.join(token.content.split()))}</code>"
            break
    assert str(markdown_phrasing(text)) == expected
