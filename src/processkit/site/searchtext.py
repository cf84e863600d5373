"""What Pagefind is given of a page: the part it indexes (``given``), made lighter to read
without changing what it reads (``spaced``, ``flattened``). Pagefind makes the same index,
byte for byte, from the copy as from the page; the tests hold that for every page of the
example.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from typing import NamedTuple

_BLOCK_END = re.compile(
    rb"(</(?:h[1-6]|p|li|dt|dd|th|td|caption|div|section|figcaption|blockquote)>)(?=<)"
)
_TOC = re.compile(rb"<nav class=\"toc\".*?</nav>", re.DOTALL)
#: An element's id attribute, wherever it is (``_without_ids`` keeps those in a start tag).
_ID = re.compile(rb' id="[^"<>]*"')


def spaced(html: bytes, *, whole: bool) -> bytes:
    """The page as Pagefind is given it: a space after the end of each block (a heading, a
    term and its description, a table cell), so that an excerpt keeps their words apart
    ("Behov Någon är …", not "BehovNågon är …"); without the page's own table of contents
    (its headings are in the page already); and without the ids of its elements. Pagefind
    keeps each element with an id, and that element's text once more, as an anchor for hits
    within a page, which the search page does not show: without them a process page is
    indexed in about three quarters of the time, and its fragment is smaller to download.

    Unless the page is given ``whole`` (made by a repository's own templates), also without
    the tags of the elements within a line of text (links, ``span``, ``abbr``, ``time`` …)
    and without the class of any element: Pagefind reads the words of such an element as if
    its tags were not there, and reads no class, so it makes the same index, byte for byte
    (a test holds that for every page of the example), from a copy (kept in the cache) a
    third smaller, in 4-5 % less time (a shard of process pages at 1,000 and 5,000
    processes, 12-16 rounds); and ``flattened``: without the tags that only structure the
    text, which Pagefind indexes in about a third less time."""
    text = _without_ids(_spaced_ends(_TOC.sub(b"", html)))
    return text if whole else flattened(_CLASS.sub(b"", _INLINE.sub(b"", text)))


def _spaced_ends(html: bytes) -> bytes:
    """``html`` with a space after each end of a block that a tag follows: what
    ``_BLOCK_END.sub(rb"\\1 ", html)`` gives, in half the time (a replacement that names a
    group is worked out in Python, match by match)."""
    pieces = _BLOCK_END.split(html)  # before, an end tag, between, an end tag, … after
    pieces[1::2] = [tag + b" " for tag in pieces[1::2]]
    return b"".join(pieces)


#: The elements after which Pagefind ends a sentence: at each one's end it puts a space
#: before and after what it holds, and a full stop after it where that ends in a letter, a
#: digit or one of ``_'")$*`` (Pagefind's ``SENTENCE_SELECTORS`` and ``SENTENCE_CHARS``),
#: less the headings, which are kept (Pagefind weighs their words).
_SENTENCE = frozenset({b"p", b"td", b"div", b"ul", b"li", b"article", b"section"})
#: The elements of the built-in templates whose tags ``flattened`` takes out: they only
#: structure the text (Pagefind reads no more of them than where a sentence ends).
_FLAT = _SENTENCE | {
    b"aside",
    b"header",
    b"dl",
    b"dt",
    b"dd",
    b"ol",
    b"table",
    b"thead",
    b"tbody",
    b"tr",
    b"th",
    b"caption",
}
#: Those of them after which Pagefind ends no sentence: what they hold reads the same
#: without their tags.
_PLAIN = _FLAT - _SENTENCE
#: The elements Pagefind leaves out with all they hold (its ``REMOVE_SELECTORS``): passed on
#: as they are.
_LEFT_OUT = frozenset(
    {
        b"head",
        b"style",
        b"script",
        b"noscript",
        b"label",
        b"form",
        b"svg",
        b"footer",
        b"nav",
        b"iframe",
        b"template",
    }
)
#: Elements whose text is read otherwise than as text, or that hold another language of tags:
#: a page with one is given as it is.
_UNREAD = frozenset({b"math", b"noembed", b"noframes", b"plaintext", b"textarea", b"title", b"xmp"})
#: The elements that end a sentence and are kept (Pagefind weighs the words of a heading).
_KEPT_SENTENCE = frozenset({b"h1", b"h2", b"h3", b"h4", b"h5", b"h6"})
#: The elements that have no end tag; ``br`` is read as a space.
_VOID = frozenset(
    {
        b"area",
        b"base",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"link",
        b"meta",
        b"source",
        b"track",
        b"wbr",
    }
)
#: A start or end tag (the built-in templates escape every attribute value: no ``>`` in one).
_ANY_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>")
#: An attribute's name (and its value, passed over).
_ATTRIBUTE = re.compile(rb"""([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
#: The ASCII characters after which Pagefind ends a sentence (its ``[\\w'"\\)\\$\\*]``): letters,
#: digits and these marks; and the same as a class of characters in a pattern.
_ENDING_MARKS = "_'\")$*"
_ASCII_ENDS = frozenset(string.ascii_letters + string.digits + _ENDING_MARKS)
_ASCII_ENDS_CLASS = b"A-Za-z0-9" + re.escape(_ENDING_MARKS).encode()


def _ends_sentence(last: str) -> bool | None:
    """Whether Pagefind puts a full stop after a sentence that ends in the character
    ``last``: after a letter or a digit (Pagefind's Unicode ``\\w``), not after a space or a
    mark of punctuation (an entity's ``;`` too: Pagefind reads entities as they are written
    until the full stops are in place). None where that is not certain here: after a
    character whose class Pagefind and this may take differently (a combining mark, a number
    that is no digit, a symbol, some of which Pagefind takes for letters: Ⓐ, 🅰; a control
    or format character)."""
    if last.isascii():
        return last in _ASCII_ENDS
    kind = unicodedata.category(last)
    if kind[0] == "L" or kind in ("Nd", "Pc"):
        return True
    return False if kind[0] in "PZ" else None


def _character_before(html: bytes, end: int) -> str:
    """The character of ``html`` (UTF-8) that ends at ``end``; ``\\ufffd`` (which
    ``_ends_sentence`` leaves to Pagefind) where none does."""
    byte = html[end - 1]
    if byte < 0x80:
        return chr(byte)
    for size in range(2, 5):
        try:
            return html[max(0, end - size) : end].decode("utf-8")[-1]
        except UnicodeDecodeError:
            continue
    return "\ufffd"


_PLAIN_NAMES = b"|".join(sorted(_PLAIN))
#: A start tag of an element of ``_PLAIN`` that Pagefind may read more of than its text (an
#: attribute of Pagefind's, an id), or that closes itself, with the element's name: every
#: tag of those elements is taken out at once (``_PLAIN_TAGS``), but for such an element's
#: and all it holds, which are taken out one at a time (``_plain_tags_out``).
_PLAIN_MARKED = re.compile(
    rb"<(" + _PLAIN_NAMES + rb")\s[^>]*(?:data-pagefind|\bid\b|/>)", re.IGNORECASE
)
_PLAIN_TAGS = re.compile(rb"</?(?:" + _PLAIN_NAMES + rb")(?:\s[^>]*)?>", re.IGNORECASE)
#: The attributes of a start tag, none of them Pagefind's, no id, and no closing ``/``
#: (a value that says "id" or "data-pagefind" rules a tag out too).
_PLAIN_ATTRIBUTES = rb"(?:\s(?:[^>/di]|d(?!ata-pagefind)|i(?!d\b))*)?"
#: A paragraph, table cell or list item that holds a text alone (no tag) ending in an ASCII
#: character after which Pagefind ends a sentence; and one that holds nothing, or a text
#: ending in another ASCII character. Most of them are taken out by these, faster than one
#: at a time (``flattened``).
_LEAF_STOP = re.compile(
    rb"<(p|td|li)" + _PLAIN_ATTRIBUTES + rb">([^<]*[" + _ASCII_ENDS_CLASS + rb"])</\1>",
    re.IGNORECASE,
)
_LEAF_PLAIN = re.compile(
    rb"<(p|td|li)"
    + _PLAIN_ATTRIBUTES
    + rb">((?:[^<]*[^<"
    + _ASCII_ENDS_CLASS
    + rb"\x80-\xff])?)</\1>",
    re.IGNORECASE,
)
#: What Pagefind may read within an element it is told to ignore: an attribute of its own
#: (a filter, a piece of metadata), an id (an anchor). An element ignored without any is not
#: given at all: Pagefind reads nothing of it, and no end of a sentence. A shard of 421
#: process pages without its 8,641 ignored cells, captions and table heads is the same
#: bundle, byte for byte, from copies of 1.4 MB instead of 2.3 MB, in some 15 % less of
#: Pagefind's processor time.
_READ_WITHIN = re.compile(rb"data-pagefind|\sid\b", re.IGNORECASE)
#: Where an element taken out stands in ``flattened``'s parts: its stand-in's index, or one of
#: these.
_KEPT = -1  # its tags are passed on
_GONE = -2  # one of ``_PLAIN``: nothing stands for it


#: No attributes (of those ``flattened`` reads).
_NONE: frozenset[bytes] = frozenset()


class _Open(NamedTuple):
    """An element open where ``flattened`` has come to."""

    name: bytes
    #: where its start tag begins and ends in the text
    begins: int
    ends: int
    #: where what stands for its start tag is in the parts (or ``_KEPT``, ``_GONE``)
    place: int
    #: whether Pagefind ends a sentence, or a stretch of weighed words, after it
    closes: bool


def flattened(html: bytes) -> bytes:
    """``html`` (a page of the built-in templates, as Pagefind is given it) less the tags of
    the elements that only structure its text (``_FLAT``: divisions, lists, tables, terms),
    with the spaces and full stops Pagefind would put where each of them ends, so that it
    reads the same text and makes the same index, byte for byte (tests hold that for every
    page of the example and for pages made at random). Pagefind's time grows with the
    elements of a page as much as with its words: a shard of 400 process pages took it a
    third less time.

    Left out: an element marked to be ignored, with all it holds, unless it holds something
    Pagefind reads (``_READ_WITHIN``). Kept as they are: such an element, and one Pagefind
    leaves out (``_LEFT_OUT``), with all it holds; the tags of a heading, of an element with an
    attribute of Pagefind's, and of one after whose text it is not certain whether Pagefind puts
    a full stop (``_ends_sentence``). The page is given as it is where it has a comment or a
    declaration, a start tag that closes itself (``<br/>`` aside, and within an element left
    out), an element of ``_UNREAD``, an id (Pagefind keeps an anchor for it), an element marked
    to be ignored with another attribute of Pagefind's, or tags that do not pair up; only
    ``</html>`` or the end of the page may close elements, and only those whose tags are kept
    (``indexed_part`` leaves ``<main>`` open)."""
    # each mark looked for alone first: a search for one byte runs at memory speed, one for
    # two does not (2 µs against 28 µs a process page)
    if (b"!" in html and b"<!" in html) or (b"?" in html and b"<?" in html):
        return html
    text = _plain_tags_out(html)
    text = _leaves_out(_LEAF_PLAIN, _leaves_out(_LEAF_STOP, text, b". "), b" ")
    # what is given: ``text`` as it is from ``copied`` on, with what stands for the tags
    # taken out before
    parts: list[bytes] = []
    append = parts.append
    copied = 0
    opened = [_Open(b"", 0, 0, _KEPT, False)]
    # per open element, where the last of what Pagefind reads in it so far ends in ``text``
    # (0: nothing yet; -1: a space Pagefind puts there)
    lasts: list[int] = [0]
    done = skip = 0
    for tag in _ANY_TAG.finditer(text):
        begins, ends = tag.span()
        if begins < skip:
            continue  # within an element passed on as it is
        if begins > done:
            lasts[-1] = begins
        done = ends
        closing, name, attributes = tag.groups()
        if closing:
            if name == b"html" and all(element.place == _KEPT for element in opened[1:]):
                # ``indexed_part`` leaves ``<main>`` open: closed with the page, as it is
                del opened[2:], lasts[2:]
            if len(opened) == 1 or opened[-1].name != name:
                return html  # tags that do not pair up
            element = opened.pop()
            last = lasts.pop()
            if element.place == _GONE:
                append(text[copied:begins])
                copied = ends
            elif element.place >= 0:
                stop = _ends_sentence(_character_before(text, last) if last > 0 else " ")
                if stop is None:  # not certain: the tags are kept, and Pagefind decides
                    parts[element.place] = text[element.begins : element.ends]
                else:
                    append(text[copied:begins])
                    append(b". " if stop else b" ")
                    copied = ends
            if element.closes:
                lasts[-1] = -1
            elif last:
                lasts[-1] = last
            continue
        names = marks = _NONE
        if attributes:
            attributes = attributes.lower()
            if b"data-pagefind" in attributes or b"id" in attributes:  # else none is read
                names = frozenset(found[1] for found in _ATTRIBUTE.finditer(attributes))
                marks = frozenset(named for named in names if named.startswith(b"data-pagefind"))
        if b"id" in names or (attributes.endswith(b"/") and name not in _VOID):
            return html  # an anchor Pagefind keeps; a tag that closes itself (a start tag)
        ignored = b"data-pagefind-ignore" in marks
        if ignored and (name in _VOID or len(marks) > 1):
            return html  # read in part though ignored (how much is not worked out here)
        if b"data-pagefind-index-attrs" in marks:
            lasts[-1] = -1  # the values Pagefind reads of them, with a space after
        if name in _VOID:
            if name == b"br":
                lasts[-1] = -1
            continue
        if name in _LEFT_OUT or ignored:
            skip = _end_of(text, tag[2], ends)
            if skip < 0:
                return html
            if ignored and not _READ_WITHIN.search(text, ends, skip):
                append(text[copied:begins])  # nothing of it read: not given
                copied = skip
            done = skip
            continue
        if name in _UNREAD or not name.islower():
            return html  # read otherwise; a name in capitals
        closes = name in _SENTENCE or name in _KEPT_SENTENCE or b"data-pagefind-weight" in marks
        lasts.append(0)
        if name in _FLAT and not marks:
            append(text[copied:begins])
            copied = ends
            if name in _SENTENCE:
                opened.append(_Open(name, begins, ends, len(parts), closes))
                append(b" ")
            else:
                opened.append(_Open(name, begins, ends, _GONE, closes))
        else:
            opened.append(_Open(name, begins, ends, _KEPT, closes))
    if any(element.place != _KEPT for element in opened):
        return html  # an element taken out is not closed
    append(text[copied:])
    return b"".join(parts)


def _plain_tags_out(html: bytes) -> bytes:
    """``html`` less the tags of the elements of ``_PLAIN``, which Pagefind reads as if they
    were not there; but an element of them that Pagefind may read more of (``_PLAIN_MARKED``:
    the table heads and captions it is told to ignore, 4 on a process page) is kept as it is,
    with all it holds, for ``flattened`` to take out one tag at a time what it may (``html``
    as it is where such an element does not end). Every process page has such elements, so
    that its 320 tags or so were all looked at one at a time; a third of them are now taken
    out at once."""
    parts = []
    done = 0
    for marked in _PLAIN_MARKED.finditer(html):
        begins = marked.start()
        if begins < done:
            continue  # within an element kept
        ends = _end_of(html, marked[1], html.find(b">", begins) + 1)
        if ends < 0:
            return html
        parts.append(_PLAIN_TAGS.sub(b"", html[done:begins]))
        parts.append(html[begins:ends])
        done = ends
    parts.append(_PLAIN_TAGS.sub(b"", html[done:]))
    return b"".join(parts)


def _leaves_out(pattern: re.Pattern[bytes], text: bytes, after: bytes) -> bytes:
    """``text`` with each element ``pattern`` finds (``_LEAF_STOP``, ``_LEAF_PLAIN``) replaced
    by a space, its text and ``after``: what ``pattern.sub(b" \\2" + after, text)`` gives, in
    three quarters of the time (a replacement that names a group is worked out in Python,
    match by match)."""
    pieces = pattern.split(text)  # before, name, text, between, name, text, … after
    if len(pieces) == 1:
        return text
    pieces[1::3] = [b" "] * (len(pieces) // 3)
    pieces[3::3] = [after + piece for piece in pieces[3::3]]
    return b"".join(pieces)


def _end_of(html: bytes, name: bytes, start: int) -> int:
    """Where the element ``name`` whose start tag ends at ``start`` ends (after its end tag,
    elements of its name within it counted), or -1 where it does not."""
    depth = 1
    for found in _tags_named(name.lower()).finditer(html, start):
        depth += -1 if found[1] else 1
        if depth == 0:
            return found.end()
    return -1


@functools.lru_cache(maxsize=64)
def _tags_named(name: bytes) -> re.Pattern[bytes]:
    """The start and end tags of the elements named ``name`` (in any case), the end tags'
    slash in the first group."""
    return re.compile(rb"<(/?)" + re.escape(name) + rb"(?![A-Za-z0-9])[^>]*>", re.IGNORECASE)


#: The start and end tags of the elements within a line of text that the built-in templates
#: use. Their attribute values are escaped (no ``>`` in them), and none of them carries one
#: of Pagefind's ``data-pagefind-`` attributes (a test holds both for the example).
_INLINE = re.compile(rb"</?(?:a|abbr|code|em|small|span|strong|time)\b[^>]*>")
#: An element's class attribute, as the built-in templates write it (escaped: no quote in it).
_CLASS = re.compile(rb' class="[^"]*"')


def _without_ids(html: bytes) -> bytes:
    """``html`` less the id of each element: what the pattern
    ``(<[A-Za-z][^<>]*?) id="[^"<>]*"``, replaced by its group, removes (the first id in a
    start tag; not words of a text that look like one, which a page of the repository's own
    templates may show unescaped), found by looking for the attribute itself. The pattern,
    tried at every ``<``, took three times as long: a quarter of a millisecond a process
    page."""
    parts = []
    done = 0
    tag = -1  # where the start tag of the last id left out begins
    opening = closing = -1  # the last "<" and ">" before ``seen``
    seen = 0  # each stretch of the page looked through once: never back to its start
    for found in _ID.finditer(html):
        at = found.start()
        opening = max(opening, html.rfind(b"<", seen, at))
        closing = max(closing, html.rfind(b">", seen, at))
        seen = at
        if opening <= tag or closing > opening:
            continue  # not in a tag, or in one whose id is left out already
        if not html[opening + 1 : opening + 2].isalpha():  # (ASCII letters: bytes)
            continue
        parts.append(html[done:at])
        done = found.end()
        tag = opening
    if not parts:
        return html
    parts.append(html[done:])
    return b"".join(parts)


#: What marks an element Pagefind leaves out with all it holds (the built-in templates put it
#: on a ``figure``, ``div`` or ``section``, none of which holds another of its name).
_IGNORE = b'data-pagefind-ignore="all"'
_IGNORABLE = frozenset({b"figure", b"div", b"section"})


def _without_ignored(body: bytes) -> bytes:
    """``body`` less each ``figure``, ``div`` or ``section`` whose start tag has ``_IGNORE``,
    up to the first end tag of its name: what the pattern
    ``<(figure|div|section)\\b[^>]*data-pagefind-ignore="all".*?</\\1>`` removes, found by
    looking for the mark itself (a pattern tried at every ``<`` of a page took a third of a
    millisecond a process page, and 10 ms for a start page's landscape)."""
    parts = []
    done = 0
    hit = body.find(_IGNORE)
    while hit >= 0:
        start = body.rfind(b"<", done, hit)
        if start >= 0 and b">" not in body[start:hit]:
            name = _TAG_NAME.match(body, start + 1)
            tag = name[0] if name is not None else b""
            end = body.find(b"</" + tag + b">", hit + len(_IGNORE)) if tag in _IGNORABLE else -1
            if end >= 0:
                parts.append(body[done:start])
                done = end + len(tag) + 3
                hit = body.find(_IGNORE, done)
                continue
        hit = body.find(_IGNORE, hit + len(_IGNORE))
    if not parts:
        return body
    parts.append(body[done:])
    return b"".join(parts)


#: A tag's name, up to where a word ends (``\\b`` in the pattern above).
_TAG_NAME = re.compile(rb"[A-Za-z0-9_]+(?![A-Za-z0-9_])")


def indexed_part(html: bytes) -> bytes:
    """The ``<html>`` tag (its ``lang``) and the ``data-pagefind-body`` element of a page, less
    what it tells Pagefind to ignore (the maps); the whole page when it has no such element (a
    template of the repository's own may not)."""
    start = html.find(b"<main ")
    end = html.rfind(b"</main>")
    opening = html.find(b"<html")
    if start < 0 or end < start or opening < 0 or b"data-pagefind-body" not in html[start:end]:
        return html
    body = _without_ignored(html[start:end])
    return html[opening : html.find(b">", opening) + 1] + body


def _searched(html: bytes) -> bytes:
    """What Pagefind needs of a page made by the built-in templates: ``indexed_part``, closed.
    Its index is the same as from the whole page (a test holds that for every page of the
    example), made in about two thirds of the time (a process page's map is half of it)."""
    part = indexed_part(html)
    return part if part is html else part + b"</html>\n"


def given(html: bytes, *, whole: bool) -> bytes:
    """What Pagefind is given of a page, before it is ``spaced``: with ``whole`` the page,
    else ``_searched``."""
    return html if whole else _searched(html)
