"""What Pagefind is given of a page: without the tags that only structure its text
(``searchtext.flattened``), from which it makes the index it makes from the page itself."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from tests.site.test_site_pages import _bundle, _copied, _indexed_pages, _searched_pages

from processkit.site import searchtext
from processkit.site.search import Shard, _index_shard, _run_pagefind
from processkit.site.searchtext import flattened, given, spaced


def _index_both(
    site: Path, pages: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[bool, dict[str, bytes]]:
    """The bundle Pagefind makes of ``pages`` of ``site`` given flattened (True) and as they
    are (False)."""
    bundles = {}
    for flat in (False, True):
        copy = _copied(site, pages, tmp_path / f"flat-{flat}")
        with monkeypatch.context() as patched:
            if not flat:
                patched.setattr(searchtext, "flattened", lambda html: html)
            _index_shard(copy, Shard("main", pages), primary=True)
        bundles[flat] = _bundle(copy / "pagefind/main")
    return bundles


def _tags(html: bytes, names: tuple[str, ...]) -> int:
    """The start tags in ``html`` of elements ``names`` with no attribute of Pagefind's, but
    for those within an element Pagefind is told to ignore (passed on as it is)."""
    pattern = "<(?:" + "|".join(names) + ")(?:\\s(?![^>]*data-pagefind)[^>]*)?>"
    return len(re.findall(pattern.encode(), _IGNORED.sub(b"", html)))


#: An element Pagefind is told to ignore, with all it holds (of the names the built-in
#: templates mark so, none of which holds another of its name).
_IGNORED = re.compile(
    rb"<(caption|thead|td|ol|ul|p|section)\b[^>]*data-pagefind-ignore[^>]*>.*?</\1>", re.S
)


#: The elements ``flattened`` takes the tags of out.
_FLAT = ("p", "td", "div", "ul", "li", "section", "article", "aside", "header", "dl", "dt")
_FLAT += ("dd", "ol", "table", "thead", "tbody", "tr", "th", "caption")


def test_pagefind_given_the_pages_flattened_makes_the_same_index(
    kalmar_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """For every page of the example, the shard Pagefind makes from the copies without the
    tags that only structure the text is byte for byte the one it makes with them; those
    tags are all taken out of every page."""
    pages = _searched_pages(kalmar_site)
    assert len(pages) > 100
    given_pages = [
        spaced(given((kalmar_site / page).read_bytes(), whole=False), whole=True) for page in pages
    ]
    before = sum(_tags(html, _FLAT) for html in given_pages)
    assert before > 5000
    after = [flattened(html) for html in given_pages]
    assert sum(_tags(html, _FLAT) for html in after) == 0
    bundles = _index_both(kalmar_site, pages, tmp_path, monkeypatch)
    assert sum(name.startswith("fragment/") for name in bundles[True]) == len(pages)
    assert bundles[True] == bundles[False]


#: How the texts of the pages made at random end: where Pagefind puts a full stop after a
#: sentence (a letter, a digit, ``_'")$*``, a combining mark, a symbol it takes for a letter:
#: Ⓜ, 🅿) and where not (an entity's ``;``, ©, 😀), some of them left to Pagefind (a mark,
#: ``²``, ``Ⅻ``, a symbol).
_ENDINGS = (
    "a",
    "å",
    "É",
    "7",
    "٣",
    "_",
    "'",
    '"',
    ")",
    "$",
    "*",
    ".",
    ",",
    "!",
    "?",
    ":",
    ";",
    "(",
    "%",
    ">",
    "\u2013",
    "…",
    "\u2019",
    "»",
    " ",
    "\n",
    "\u00a0",
    "&amp;",
    "&quot;",
    "&#39;",
    "&lt;",
    "e\u0301",
    "²",
    "Ⅻ",
    "‿",
    "Ⓜ",
    "🅿",
    "©",
    "😀",
    "",
)
_WORDS = ("behov", "Kalmar", "ärende", "beslut", "uppföljning", "risk", "åtgärd", "rutin")


class _Page:
    """A page of the elements the built-in templates use, nested at random as HTML allows."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def text(self) -> str:
        pick = self.random
        words = " ".join(pick.choice(_WORDS) for _ in range(pick.randrange(3)))
        return pick.choice(("", " ", "\n  ")) + words + pick.choice(_ENDINGS)

    def gap(self) -> str:
        return self.random.choice(("", " ", "\n"))

    def phrasing(self, depth: int) -> str:
        pick = self.random
        parts = []
        for _ in range(pick.randrange(1, 4)):
            roll = pick.random()
            if roll < 0.55 or depth > 3:
                parts.append(self.text())
            elif roll < 0.7:
                name = pick.choice(("strong", "span", "em", "abbr", "time"))
                parts.append(f"<{name}>{self.phrasing(depth + 1)}</{name}>")
            elif roll < 0.8:
                parts.append(f'<a href="#x" class="k">{self.phrasing(depth + 1)}</a>')
            elif roll < 0.85:
                parts.append("<br>")
            elif roll < 0.88:
                parts.append(f'<span data-pagefind-weight="2">{self.text()}</span>')
            elif roll < 0.9:
                ending = pick.choice(_ENDINGS).replace('"', "&quot;")
                parts.append(f'<abbr data-pagefind-index-attrs="title" title="T{ending}"></abbr>')
            else:
                parts.append(f'<code class="c{pick.randrange(9)}">{self.text()}</code>')
        return "".join(parts)

    def flow(self, depth: int) -> str:
        pick = self.random
        parts = []
        for _ in range(pick.randrange(1, 4 if depth < 3 else 2)):
            parts.append(self.block(depth) if depth < 5 else f"<p>{self.phrasing(depth)}</p>")
            if pick.random() < 0.3:
                parts.append(self.gap() + self.phrasing(depth))
        return "".join(parts)

    def block(self, depth: int) -> str:
        pick = self.random
        deeper = depth + 1
        choice = pick.randrange(21)
        if choice == 0:
            return f"<p>{self.phrasing(deeper)}</p>"
        if choice in (1, 2, 3):
            name = pick.choice(("div", "section", "article", "aside", "header"))
            return f'<{name} aria-label="x">{self.flow(deeper)}</{name}>'
        if choice == 4:
            items = "".join(
                f"<li>{self.phrasing(deeper) if pick.random() < 0.6 else self.flow(deeper)}</li>"
                + self.gap()
                for _ in range(pick.randrange(4))
            )
            name = pick.choice(("ul", "ol"))
            return f"<{name}>{items}</{name}>"
        if choice == 5:
            terms = "".join(
                f"<dt>{self.phrasing(deeper)}</dt> <dd>{self.flow(deeper)}</dd>"
                if pick.random() < 0.5
                else f"<div><dt>{self.phrasing(deeper)}</dt><dd>{self.phrasing(deeper)}</dd></div>"
                for _ in range(pick.randrange(1, 4))
            )
            return f"<dl>{terms}</dl>"
        if choice == 6:
            # the captions, heads and first cells ignored at random, as the built-in
            # templates ignore those of their tables
            ignored = pick.choice(("", " data-pagefind-ignore"))
            caption = f"<caption{ignored}>{self.phrasing(deeper)}</caption>"
            caption = caption if pick.random() < 0.5 else ""
            head = "".join(f"<th>{self.phrasing(deeper)}</th>" for _ in range(pick.randrange(1, 3)))
            first = pick.choice(('<th scope="row">', "<td data-pagefind-ignore>"))
            rows = "".join(
                f"<tr>{first}{self.phrasing(deeper)}</{first[1:3]}>{self.gap()}"
                + "".join(f"<td>{self.phrasing(deeper)}</td>" for _ in range(pick.randrange(3)))
                + "</tr>"
                for _ in range(pick.randrange(1, 4))
            )
            return (
                f"<table>{caption}<thead{ignored}><tr>{head}</tr></thead>"
                f"<tbody>{rows}</tbody></table>"
            )
        if choice == 7:
            name = pick.choice(("h2", "h3", "h4"))
            return f"<{name}>{self.phrasing(deeper)}</{name}>"
        if choice == 8:
            return (
                '<figure><svg viewBox="0 0 9 9"><title>Karta</title><text x="1">'
                f'{self.text()}</text><polygon points="1,1 2,2"/></svg></figure>'
            )
        if choice == 9:
            return f'<div data-pagefind-weight="3">{self.flow(deeper)}</div>'
        if choice == 10:
            # as the built-in templates: none of its name within it (``_without_ignored``)
            return f'<section data-pagefind-ignore="all"><p>{self.phrasing(deeper)}</p></section>'
        if choice == 11:
            return f'<p data-pagefind-meta="typ">{self.text()}</p>'
        if choice == 12:
            return f"<div>{self.flow(deeper)}</div>"
        if choice == 13:
            return f"<p></p><div>{self.gap()}</div>"
        if choice == 18:  # as a page's source file
            return f"<p data-pagefind-ignore>{self.phrasing(deeper)}</p>{self.gap()}"
        if choice == 14:  # as a long process's list of activities
            items = "".join(f"<li>{self.phrasing(deeper)}</li>" for _ in range(pick.randrange(3)))
            name = pick.choice(("ol", "ul"))
            return f"<{name} data-pagefind-ignore>{items}</{name}>"
        if choice == 15:
            return f'<div data-pagefind-ignore="index">{self.flow(deeper)}</div>'
        if choice == 16:
            return (
                f'<dl data-pagefind-weight="2"><dt>{self.phrasing(deeper)}</dt>'
                f"<dd>{self.phrasing(deeper)}</dd></dl>"
            )
        if choice == 17:
            cells = "".join(f"<td>{self.phrasing(deeper)}</td>" for _ in range(pick.randrange(3)))
            return f'<table data-pagefind-weight="2"><tr><th>{self.text()}</th>{cells}</tr></table>'
        return f"<p>{self.phrasing(deeper)}</p>{self.gap()}"

    def page(self, number: int) -> str:
        return (
            '<!DOCTYPE html>\n<html lang="sv"><head><title>Sida</title></head><body>'
            f'<main data-pagefind-body data-pagefind-meta="kind:Process"><h1>Sida {number}</h1>'
            f"{self.flow(0)}</main><footer>Fot</footer></body></html>\n"
        )


def test_pagefind_given_pages_made_at_random_flattened_makes_the_same_index(
    tmp_path: Path,
) -> None:
    """Pages of the elements the built-in templates use, nested at random with texts that end
    in every kind of character, with and without spaces between their tags: Pagefind makes
    the same bundle, byte for byte, from them flattened as from them as they are. Most
    structuring tags are taken out; some are left where Pagefind decides whether a sentence
    ends there."""
    pages = [given(_Page(number).page(number).encode(), whole=False) for number in range(300)]
    made = [flattened(page) for page in pages]
    # given as they are, with tags to take out: only pages that have them all within what
    # Pagefind ignores
    same = [page for flat, page in zip(made, pages, strict=True) if flat is page]
    assert sum(_tags(page, _FLAT) > 0 for page in same) < len(pages) / 20
    before = sum(_tags(page, _FLAT) for page in pages)
    left = sum(_tags(flat, _FLAT) for flat in made)
    assert before > 2000 and 0 < left < before / 5
    bundles = {}
    for flat, copies in ((False, pages), (True, made)):
        stage = tmp_path / f"stage-{flat}"
        for number, copy in enumerate(copies):
            (stage / "p").mkdir(parents=True, exist_ok=True)
            (stage / f"p/{number:03d}.html").write_bytes(copy)
        bundle = tmp_path / f"out-{flat}/pagefind/main"
        _run_pagefind(str(stage), bundle)
        bundles[flat] = _bundle(bundle)
    assert sum(name.startswith("fragment/") for name in bundles[True]) == len(pages)
    assert bundles[True] == bundles[False]
    # the texts hold the full stops and the sentences that end otherwise
    texts = [page["content"] for page in _indexed_pages(tmp_path / "out-True").values()]
    assert any("å." in text for text in texts) and any("( " in text for text in texts)


def test_a_page_is_flattened_with_the_spaces_and_full_stops_pagefind_puts() -> None:
    page = (
        b'<html lang="sv"><main data-pagefind-body><h1>Titel</h1>'
        b"<section><h2>Behov</h2><p>Ett behov</p><ul><li>ett</li><li>tv\xc3\xa5;</li></ul>"
        b"<dl><div><dt>Kund</dt> <dd>Alla</dd> </div></dl>"
        b'<table><tr><th scope="row">Niv\xc3\xa5</th><td>2</td><td>&amp;</td><td></td></tr></table>'
        b'<div data-pagefind-filter="typ">A</div><svg><text>B</text><rect/></svg>'
        b"<p>rad<br></p></section></html>"
    )
    assert flattened(page) == (
        b'<html lang="sv"><main data-pagefind-body><h1>Titel</h1>'
        b" <h2>Behov</h2> Ett behov.   ett.  tv\xc3\xa5;   Kund Alla  "
        b"Niv\xc3\xa5 2.  &amp;   "
        b'<div data-pagefind-filter="typ">A</div><svg><text>B</text><rect/></svg>'
        b" rad<br>  </html>"
    )


def test_a_page_with_tags_pagefind_reads_more_of_is_flattened_tag_by_tag() -> None:
    """An element ignored by Pagefind is left out, unless it holds something Pagefind reads
    (an attribute of its own, an id), when it is passed on as it is; an element with an
    attribute of Pagefind's keeps its tags, and the terms within it lose theirs; a heading is
    kept, and no full stop is put after the division that ends with it."""
    page = (
        b"<html><main><ol data-pagefind-ignore><li>a</li></ol><p>x</p>"
        b'<dl data-pagefind-weight="2"><dt>A</dt><dd>B</dd></dl><div><h2>R</h2></div>'
        b'<ul data-pagefind-ignore><li data-pagefind-filter="typ">b</li></ul>'
        b'<td data-pagefind-ignore><span id="c">c</span></td>y<p data-pagefind-ignore>z</p>'
        b"</main></html>"
    )
    assert flattened(page) == (
        b'<html><main> x. <dl data-pagefind-weight="2">AB</dl> <h2>R</h2> '
        b'<ul data-pagefind-ignore><li data-pagefind-filter="typ">b</li></ul>'
        b'<td data-pagefind-ignore><span id="c">c</span></td>y</main></html>'
    )


@pytest.mark.parametrize("ending", ["a", "å", "É", "7", "٣", "_", "‿", "'", '"', ")", "$", "*"])
def test_a_sentence_that_ends_in_a_letter_a_digit_or_a_joiner_is_given_a_full_stop(
    ending: str,
) -> None:
    page = f"<html><main><p>Ett {ending}</p></main></html>".encode()
    assert flattened(page) == f"<html><main> Ett {ending}. </main></html>".encode()


@pytest.mark.parametrize(
    "ending",
    [".", ",", "?", "(", ";", "&amp;", "\u2013", "…", "\u2019", "»", " ", "\u00a0", "\n"],
)
def test_a_sentence_that_ends_in_a_mark_or_a_space_is_given_none(ending: str) -> None:
    page = f"<html><main><li>Ett {ending}</li></main></html>".encode()
    assert flattened(page) == f"<html><main> Ett {ending} </main></html>".encode()


@pytest.mark.parametrize("ending", ["e\u0301", "²", "Ⅻ", "\u200d", "Ⓜ", "🅿", "©", "😀"])
def test_a_sentence_that_ends_in_doubt_is_left_to_pagefind(ending: str) -> None:
    """After a character whose class may be taken otherwise (a combining mark, a number that
    is no digit, a joiner, a symbol: Pagefind takes Ⓜ and 🅿 for letters), the tags are
    kept."""
    page = f"<html><main><div><td>Ett {ending}</td></div></main></html>".encode()
    kept = f"<html><main> <td>Ett {ending}</td> </main></html>".encode()
    assert flattened(page) == kept


@pytest.mark.parametrize(
    "text",
    [
        b"",
        b"ingen",
        b"<p>a</p>",
        b"<li>a</li><td>b</td> <p>c</p>x",
        b'x<td data-label="A">1</td><p id="a">b</p><li>c</li>',
        b"</h2><p>a</p></li></ul></div>",
    ],
)
def test_ends_are_spaced_and_leaves_taken_out_as_a_substitution_would(text: bytes) -> None:
    assert searchtext._spaced_ends(text) == searchtext._BLOCK_END.sub(rb"\1 ", text)
    for pattern, after in ((searchtext._LEAF_STOP, b". "), (searchtext._LEAF_PLAIN, b" ")):
        expected = pattern.sub(rb" \2" + after, text)
        assert searchtext._leaves_out(pattern, text, after) == expected


@pytest.mark.parametrize(
    "page",
    [
        b"<html><main><!-- note --><p>A</p></main></html>",
        b"<html><main><?note?><p>A</p></main></html>",
        b"<html><main><p>A</div></main></html>",
        b"<html><main><p>A<div/></p></main></html>",
        b"<html><main><DIV><p>A</p></DIV></main></html>",
        b"<html><main><p>A<textarea>B</textarea></p></main></html>",
        b"<html><main><div><p>A</p></main>",
        b"<html><main><svg><p>A</p></main></html>",
        b'<html><main><p>A<span id="x"></span></p></main></html>',
        b'<html><main><div>A<span ID="x">B</span></div></main></html>',
        b'<html><main><li id="x">a</li></main></html>',
        b'<html><main><dl id="a"><dt>A</dt></dl></main></html>',
        b'<html><main><div id = "x"><p>A</p></div></main></html>',
        b"<html><main><div><p id>A</p></div></main></html>",
        b'<html><main><p>A<br data-pagefind-ignore="all"></p></main></html>',
        b'<html><main><p>A<b data-pagefind-ignore data-pagefind-index-attrs="t" t="x">B</b></p>'
        b"</main></html>",
    ],
)
def test_a_page_flattened_with_doubt_is_given_as_it_is(page: bytes) -> None:
    """A comment, tags that do not pair up, a tag that closes itself outside an SVG, a tag in
    capitals, an element whose text is read otherwise, an element taken out left open, an
    element Pagefind leaves out that does not end, an id however written, an element
    ignored that Pagefind reads in part: the page is given as it is."""
    assert flattened(page) is page
