"""Making Graphviz's SVG accessible: titles and descriptions a screen reader can read.

Graphviz names each element after its DOT id (``act:planera``). Here the map gets a ``<title>``
and ``<desc>`` of its own, referenced by ``aria-labelledby``, and every drawn node, lane, area
and edge gets its human title and a ``<desc>``. Elements without either (invisible helpers)
lose Graphviz's title and are hidden from assistive technology. A map without links is one
image (``role="img"``); a map with links is a ``group``, so its links stay reachable.

Graphviz writes every element the same way (``<g id="…" class="node">`` and its ``<title>`` on
the next line), so the texts are put in with one pass of a regular expression: parsing and
writing the whole document again would cost more than drawing it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape, unescape

from processkit.codepoints import printable
from processkit.render.job import MapJob, NodeInfo

#: bump when the post-processing changes, so cached SVG made the old way is not reused
VERSION = "6"

_ELEMENT = re.compile(
    r'<g id="(?P<id>[^"]*)" class="(?P<kind>node|edge|cluster|graph)"(?P<rest>[^>]*)>\n'
    r"<title>[^<]*</title>\n?"
    r'(?P<anchor><g id="a_[^"]*"><a\b[^>]*>)?'  # its link or tooltip, where it has one
)
_LINK_TITLE = re.compile(r'xlink:title="[^"]*"')
_SVG_TAG = re.compile(r"<svg\b[^>]*>")


def _text(value: str) -> str:
    return escape(printable(value), quote=False)


def _plain_id(written: str) -> str:
    """An id as Graphviz wrote it, unescaped: nearly always only its hyphens (``&#45;``), which
    a plain replace undoes many times faster than ``html.unescape``."""
    if "&" not in written:
        return written
    plain = written.replace("&#45;", "-")
    return unescape(plain) if "&" in plain else plain


def _escaped(value: str) -> str:
    """``_text`` of a ``value`` known to hold no character ``printable`` leaves out."""
    return escape(value, quote=False)


def _all_printable(job: MapJob) -> bool:
    """Whether no text of ``job`` holds a character ``printable`` leaves out: one look at them
    all together (a map has hundreds) instead of one at each."""
    texts = [job.name, job.title, job.desc]
    for info in job.nodes:
        texts += (info.title, info.desc, info.tooltip or "")
    joined = "\n".join(texts)
    return printable(joined) == joined


def accessible_svg(data: bytes, job: MapJob) -> bytes:
    """``data`` (one SVG document from Graphviz) with the accessibility texts of ``job``."""
    return accessible_text(data.decode("utf-8"), job).encode("utf-8")


def accessible_text(document: str, job: MapJob) -> str:
    """``accessible_svg`` of a document already decoded."""
    infos = {info.svg_id: info for info in job.nodes}
    clean = _all_printable(job)
    text_of = _escaped if clean else _text

    def element(found: re.Match[str]) -> str:
        ident, kind, rest = _plain_id(found["id"]), found["kind"], found["rest"]
        if kind == "graph":  # the map's own title, below, says it
            return f'<g id="{escape(job.name)}" class="graph"{rest}>\n'
        info = infos.get(ident)
        anchor = found["anchor"] or ""
        ident = escape(ident)  # Graphviz writes "-" as "&#45;"; plain is easier to use
        if info is None:
            return f'<g id="{ident}" class="{kind}"{rest} aria-hidden="true">\n{anchor}'
        return f'<g id="{ident}" class="{kind}"{rest}>\n' + _texts(info, anchor, text_of, clean)

    document = _ELEMENT.sub(element, document)
    title_id, desc_id = _root_ids(job.name)
    role = "group" if "<a xlink:href=" in document else "img"

    def root(found: re.Match[str]) -> str:
        tag = found[0][:-1].rstrip()
        return (
            f'{tag} role="{role}" aria-labelledby="{escape(title_id)} {escape(desc_id)}">\n'
            + _root_texts(job, text_of)
        )

    return _SVG_TAG.sub(root, document, count=1)


def _texts(info: NodeInfo, anchor: str, text_of: Callable[[str], str], clean: bool) -> str:
    """An element's title and description, and its link (``anchor``, where it has one) with
    its tooltip, as ``accessible_text`` writes them after the element's tag."""
    texts = f"<title>{text_of(info.title)}</title>\n"
    if info.desc:
        texts += f"<desc>{text_of(info.desc)}</desc>\n"
    if anchor and info.tooltip is not None:
        spaced = " ".join(info.tooltip.split())
        tooltip = escape(spaced if clean else printable(spaced))
        anchor = _LINK_TITLE.sub(lambda _found: f'xlink:title="{tooltip}"', anchor, count=1)
    return texts + anchor


#: An element as ``accessible_text`` wrote it, with its texts and its link, if it has one.
_WRITTEN = re.compile(
    r'<g id="(?P<id>[^"]*)" class="(?P<kind>node|cluster)"(?P<rest>[^>]*)>\n'
    r"<title>[^<]*</title>\n(?:<desc>[^<]*</desc>\n)?"
    r'(?P<anchor><g id="a_[^"]*"><a\b[^>]*>)?'
)


def retexted(svg: str, infos: Iterable[NodeInfo]) -> str | None:
    """``svg`` as ``accessible_svg`` made it (or inlined), with the texts of the elements
    ``infos`` name put in anew, as ``accessible_text`` puts them: a landscape whose drawing
    is unchanged but where a process has a new purpose gets its new words without going
    through all its elements again. An element ``svg`` does not have is left out (a process
    the map does not draw); None where one is there twice, or not as ``accessible_text``
    writes it."""
    found: list[tuple[int, re.Match[str], NodeInfo]] = []
    for info in infos:
        tag = f'<g id="{escape(info.svg_id)}" class="'
        start = svg.find(tag)
        if start == -1:
            continue
        written = _WRITTEN.match(svg, start)
        if written is None or svg.find(tag, start + 1) != -1:
            return None
        found.append((start, written, info))
    parts = []
    position = 0
    for start, written, info in sorted(found, key=lambda item: item[0]):
        if start < position:  # an element named twice in ``infos``
            return None
        parts.append(svg[position:start])
        parts.append(f'<g id="{written["id"]}" class="{written["kind"]}"{written["rest"]}>\n')
        parts.append(_texts(info, written["anchor"] or "", _text, clean=False))
        position = written.end()
    parts.append(svg[position:])
    return "".join(parts)


def _root_ids(name: str) -> tuple[str, str]:
    return f"{name}--title", f"{name}--desc"


def _root_texts(job: MapJob, text_of: Callable[[str], str] = _text) -> str:
    """The map's own title and description, as ``accessible_svg`` writes them."""
    title_id, desc_id = _root_ids(job.name)
    return (
        f'<title id="{escape(title_id)}">{text_of(job.title)}</title>\n'
        f'<desc id="{escape(desc_id)}">{text_of(job.desc)}</desc>'
    )


def retitled(svg: str, job: MapJob) -> str | None:
    """An SVG ``accessible_svg`` made for a map of ``job``'s name, with ``job``'s own title
    and description in place of those it had (None: it has none of that name). A map whose
    drawing and element texts are unchanged, but whose description is not (a flow map says
    its process's purpose), is then not drawn again."""
    title_id, desc_id = (escape(ident) for ident in _root_ids(job.name))
    pattern = re.compile(
        f'<title id="{re.escape(title_id)}">[^<]*</title>\n'
        f'<desc id="{re.escape(desc_id)}">[^<]*</desc>'
    )
    texts = _root_texts(job)
    changed, count = pattern.subn(lambda _found: texts, svg, count=1)
    return changed if count == 1 else None
