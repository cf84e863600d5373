"""Markdown to HTML for the site: CommonMark with raw HTML off and only safe links.

Raw HTML in a text is shown as text; a link or an address whose scheme is not http, https or
mailto (``javascript:``, ``data:``, ``vbscript:``…) is never made a link: the Markdown source
of the link is shown as text instead.

Any Markdown field may hold blocks (paragraphs, lists, tables, code, headings), so what a text
becomes depends on where the page puts it, and each kind of place has its function:

- ``markdown``: in a ``<div>``, ``<dd>`` or ``<section>``. Headings inside the text are moved
  below the heading of the section they appear in, so the page's headings stay in order.
- ``markdown_cell``: in a table cell, where no heading may stand: headings become bold
  paragraphs, and a text of one paragraph comes without its ``<p>``. The element around it
  must take blocks (a ``<div>``, never a ``<span>``).
- ``markdown_phrasing``: inside a ``<p>`` or a ``<span>``: only the words of the first block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def is_safe_url(url: str) -> bool:
    """True for http(s) and mailto addresses and for relative links; False for the rest.

    Browsers ignore tabs, line breaks and leading blanks inside a scheme (``java\\tscript:``),
    so those are removed before the scheme is read. A protocol-relative ``//host`` link is
    refused: opened from disk it would point to a file share.
    """
    cleaned = _INVISIBLE.sub("", url)
    if cleaned.startswith(("//", "\\\\", "/\\", "\\/")):
        return False
    match = _SCHEME.match(cleaned)
    if match is None:
        return True
    return match.group(1).lower() in _SAFE_SCHEMES and cleaned != match.group(0)


def _table_open(
    renderer: object, tokens: Sequence[Token], index: int, options: object, env: object
) -> str:
    """A table scrolls sideways in a box of its own, so that a wide one never widens the
    page; the box can be reached with the keyboard and is named by the column headings."""
    headings = []
    for token in tokens[index + 1 :]:
        if token.type == "thead_close":
            break
        if token.type == "inline":
            words = "".join(c.content for c in token.children or [] if c.type != "softbreak")
            headings.append(" ".join(words.split()))
    label = ", ".join(heading for heading in headings if heading)
    named = f' role="region" aria-label="{escape(label)}"' if label else ""
    return f'<div class="table-scroll" tabindex="0"{named}>\n<table>\n'


def _table_close(
    renderer: object, tokens: Sequence[Token], index: int, options: object, env: object
) -> str:
    return "</table>\n</div>\n"


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table")
    parser.disable("image")  # an image would load from anywhere; its source is shown as text
    parser.validateLink = is_safe_url  # type: ignore[method-assign]
    parser.add_render_rule("table_open", _table_open)
    parser.add_render_rule("table_close", _table_close)
    return parser


_MD = _parser()


def _shift_headings(tokens: list[Token], below: int) -> None:
    """Renumber the headings of a text to start at ``below + 1`` and skip no level."""
    levels = sorted({int(token.tag[1]) for token in tokens if token.type == "heading_open"})
    mapping = {level: min(6, below + 1 + index) for index, level in enumerate(levels)}
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{mapping[int(token.tag[1])]}"


def _headings_to_paragraphs(tokens: list[Token]) -> None:
    """Make each heading a paragraph in bold, for a place that may hold no heading."""
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            token.type, token.tag = "paragraph_open", "p"
            words = tokens[index + 1]
            if words.children:
                words.children = [
                    Token("strong_open", "strong", 1),
                    *words.children,
                    Token("strong_close", "strong", -1),
                ]
        elif token.type == "heading_close":
            token.type, token.tag = "paragraph_close", "p"


#: A one-line text with none of these characters, not starting like a list, heading, quote or
#: code block, is one plain paragraph in CommonMark: it needs no parser (most texts are such).
#: (A NUL, which a YAML text may hold, the parser makes U+FFFD.)
_MARKUP = re.compile(r"[\\`*_\[\]<>&#!|~\n\r\t:\0]|^\s|^[-+=>]|^\d+[.)]|\s$")


@lru_cache(maxsize=4096)
def _render(text: str, below: int | None) -> str:
    """``text`` as blocks, its headings below an ``h{below}``; none when ``below`` is None."""
    if not _MARKUP.search(text):
        return "<p>" + text.replace('"', "&quot;") + "</p>\n"
    tokens = _MD.parse(text)
    if below is None:
        _headings_to_paragraphs(tokens)
    else:
        _shift_headings(tokens, below)
    return str(_MD.renderer.render(tokens, _MD.options, {}))


def markdown(text: str | None, below: int = 2) -> Markup:
    """``text`` as HTML blocks; its own headings come below an ``h{below}``."""
    if not text:
        return Markup("")
    return Markup(_render(text, below))


def markdown_cell(text: str | None) -> Markup:
    """``text`` for a table cell: blocks, but no headings; one paragraph without its ``<p>``.
    The element around it must take blocks (``<div>``, not ``<span>``)."""
    if not text:
        return Markup("")
    html = _render(text, None).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


@lru_cache(maxsize=1024)
def _phrasing(text: str) -> str:
    if not _MARKUP.search(text):  # one plain paragraph (the start page's 125 areas: 0.015 s)
        return text.replace('"', "&quot;")
    for token in _MD.parse(text):
        if token.type == "inline":
            html = str(_MD.renderer.render(token.children or [], _MD.options, {}))
            return html.replace("\n", " ")  # a line break inside the paragraph
        if token.type in ("fence", "code_block"):
            return f"<code>{escape(' '.join(token.content.split()))}</code>"
    return ""


def markdown_phrasing(text: str | None) -> Markup:
    """The words of the first block of ``text`` (a paragraph, a list's first item, a heading,
    a code block) as phrasing content, for a place inside a ``<p>`` or a ``<span>``."""
    if not text:
        return Markup("")
    return Markup(_phrasing(text))
