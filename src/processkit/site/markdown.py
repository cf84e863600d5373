"""Markdown to HTML for the site: CommonMark with raw HTML off and only safe links.

Raw HTML in a text is shown as text; a link or an address whose scheme is not http, https or
mailto (``javascript:``, ``data:``, ``vbscript:``…) is never made a link: the Markdown source
of the link is shown as text instead. Headings inside a text are moved below the heading of
the section they appear in, so the page's headings stay in order.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

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


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table")
    parser.disable("image")  # an image would load from anywhere; its source is shown as text
    parser.validateLink = is_safe_url  # type: ignore[method-assign]
    return parser


_MD = _parser()


def _shift_headings(tokens: list[Token], below: int) -> None:
    """Renumber the headings of a text to start at ``below + 1`` and skip no level."""
    levels = sorted({int(token.tag[1]) for token in tokens if token.type == "heading_open"})
    mapping = {level: min(6, below + 1 + index) for index, level in enumerate(levels)}
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{mapping[int(token.tag[1])]}"


#: A one-line text with none of these characters, not starting like a list, heading, quote or
#: code block, is one plain paragraph in CommonMark: it needs no parser (most texts are such).
_MARKUP = re.compile(r"[\\`*_\[\]<>&#!|~\n\r\t:]|^\s|^[-+=>]|^\d+[.)]|\s$")


@lru_cache(maxsize=4096)
def _render(text: str, below: int) -> str:
    if not _MARKUP.search(text):
        return "<p>" + text.replace('"', "&quot;") + "</p>\n"
    tokens = _MD.parse(text)
    _shift_headings(tokens, below)
    return str(_MD.renderer.render(tokens, _MD.options, {}))


def markdown(text: str | None, below: int = 2) -> Markup:
    """``text`` as HTML; its own headings come below an ``h{below}``."""
    if not text:
        return Markup("")
    return Markup(_render(text, below))


def markdown_inline(text: str | None) -> Markup:
    """One paragraph of ``text`` without the surrounding ``<p>``, for table cells."""
    html = str(markdown(text, 5)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
