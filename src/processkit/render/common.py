"""Pieces every map builder shares: element ids, labels, descriptions and process order."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from functools import cache, lru_cache

from markdown_it import MarkdownIt

from processkit.domain import structure
from processkit.loading.repository import Repository
from processkit.model import Process
from processkit.model.kinds import Language
from processkit.render import style
from processkit.render.dot import Html, html_text
from processkit.render.texts import Texts, status_word, type_word
from processkit.render.wrap import wrap


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark")


#: A character that may make Markdown of a text (emphasis, code, links, HTML, escapes,
#: headings, quotes, fences), and the starts of lines that may (lists, rules, underlines,
#: indented code). A text with neither is its own plain text: its words, once spaced.
_MARKUP = re.compile(r"[\\`*_\[\]<>&!#~|\x00\r]|^ {0,3}[-+=0-9\t]|^ {4}", re.MULTILINE)


@lru_cache(maxsize=1 << 16)  # a purpose is read out on many maps, and in every preview build
def markdown_text(source: str) -> str:
    """Markdown as the plain text a reader sees (emphasis, links and code marks dropped).
    Most purposes are plain sentences: those are not parsed (a property test holds the two
    ways equal)."""
    if _MARKUP.search(source) is None:
        return " ".join(source.split())
    return parsed_text(source)


def parsed_text(source: str) -> str:
    """``markdown_text`` by parsing the Markdown."""
    words: list[str] = []
    for token in _markdown().parse(source):
        for child in token.children or ():
            if child.type in ("text", "code_inline", "html_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
        if token.type.endswith("_close") and token.block:
            words.append(" ")
    return " ".join("".join(words).split())


def plain(text: str) -> str:
    """One line of text as a DOT escString: whitespace runs collapsed, backslashes literal."""
    return " ".join(text.split()).replace("\\", "\\\\")


def svg_id(map_name: str, *parts: str) -> str:
    """A stable SVG element id, unique even when several maps are inlined in one page."""
    return "--".join((map_name, *parts))


def html_lines(lines: Iterable[str]) -> str:
    return "<BR/>".join(html_text(line) for line in lines)


def caption(text: str) -> str:
    """A small grey line under a name (status, sub-process count, routine)."""
    return f'<FONT POINT-SIZE="9" COLOR="{style.MUTED}">{html_text(text)}</FONT>'


def process_label(process: Process, notes: list[str], width: int = style.NAME_WIDTH) -> Html:
    lines = html_lines(wrap(process.name, width))
    if notes:
        lines += "<BR/>" + caption(" · ".join(notes))
    return Html(lines)


def status_notes(process: Process, texts: Texts, language: Language) -> list[str]:
    """The words a process's label carries besides its name: its status unless approved."""
    if process.status == "approved":
        return []
    return [status_word(process.status, language)]


def process_desc(repo: Repository, process: Process, texts: Texts, language: Language) -> str:
    area = repo.areas.get(process.area)
    text = texts.process_desc.format(
        type=type_word(process.type, texts),
        area=area.entity.name if area else process.area,
        status=status_word(process.status, language),
    )
    if process.purpose:
        text += " " + markdown_text(process.purpose)
    return text


def active_processes(repo: Repository) -> dict[str, Process]:
    """The processes that are not retired (``domain.structure.active_processes``), by id."""
    return {record.entity.id: record.entity for record in structure.active_processes(repo)}


def flow_order(ids: Iterable[str], handovers: Iterable[tuple[str, str]]) -> list[str]:
    """``ids`` ordered so that hand-overs among them point forward where they can (a
    topological order; ties and cycles broken by id), reading from need to need met."""
    members = sorted(set(ids))
    inside = set(members)
    following: dict[str, list[str]] = {pid: [] for pid in members}
    waiting = dict.fromkeys(members, 0)
    for sender, receiver in handovers:
        if sender in inside and receiver in inside:
            following[sender].append(receiver)
            waiting[receiver] += 1
    ready = [pid for pid in members if waiting[pid] == 0]
    heapq.heapify(ready)
    # every process by (hand-overs it waits for, id), an entry pushed each time the count
    # drops; an entry whose count is out of date is skipped when it comes up. So a cycle is
    # broken without looking at every process again: thousands of cycles cost n log n, not n².
    least_waiting = [(waiting[pid], pid) for pid in members]
    heapq.heapify(least_waiting)
    order: list[str] = []
    placed: set[str] = set()
    while len(order) < len(members):
        if not ready:  # a cycle: start it at the least-waiting, then smallest id
            count, pick = heapq.heappop(least_waiting)
            if pick in placed or count != waiting[pick]:
                continue
            waiting[pick] = 0
            heapq.heappush(ready, pick)
        current = heapq.heappop(ready)
        if current in placed:
            continue
        placed.add(current)
        order.append(current)
        for receiver in following[current]:
            if receiver in placed:
                continue
            waiting[receiver] -= 1
            heapq.heappush(least_waiting, (waiting[receiver], receiver))
            if waiting[receiver] == 0:
                heapq.heappush(ready, receiver)
    return order


def rows(items: list[str], per_row: int) -> list[list[str]]:
    """``items`` in rows of at most ``per_row``, balanced (7 items in rows of 4 and 3)."""
    if not items:
        return []
    count = -(-len(items) // per_row)
    size = -(-len(items) // count)
    return [items[i : i + size] for i in range(0, len(items), size)]
