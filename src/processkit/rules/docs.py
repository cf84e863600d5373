"""A rule's documentation: its module docstring, read into a summary and fixed sections.

The docstring is Markdown: a one-line summary, a blank line, then ``## `` headed sections in
this order: What it checks, Why it matters, Failing example, Fixed example, Options. The two
examples hold fenced ``yaml`` blocks of real entity files (several files as several YAML
documents, separated by ``---``).

The English docstring is the source; ``processkit rules`` shows it in the language in use. The
summary, each heading, and each paragraph (or list item) of a section's prose are message ids
of the catalogue (``message_ids``); the fenced blocks are shown as written. docs/rules.md is
generated in English.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable
from dataclasses import field

from processkit.frozen import frozen
from processkit.i18n import N_, _
from processkit.rules.base import Rule, options_of

SECTIONS = (
    N_("What it checks"),
    N_("Why it matters"),
    N_("Failing example"),
    N_("Fixed example"),
    N_("Options"),
)

_HEADING_RE = re.compile(r"^## (.+?)\s*$", re.MULTILINE)
_YAML_RE = re.compile(r"^```yaml\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
#: A fenced block, kept whole; the text between the fences is prose.
_FENCE_RE = re.compile(r"^```.*?^```[ \t]*$", re.MULTILINE | re.DOTALL)
#: The start of a Markdown list item.
_ITEM_RE = re.compile(r"^(?=- )", re.MULTILINE)


@frozen
class RuleDoc:
    """A rule's documentation: the summary line and the text of each section by heading."""

    summary: str
    sections: dict[str, str] = field(default_factory=dict)

    def missing(self) -> list[str]:
        """The fixed sections that are absent or empty, in their order."""
        return [name for name in SECTIONS if not self.sections.get(name, "").strip()]


def parse_doc(text: str | None) -> RuleDoc:
    """Split a docstring into its summary line and its ``## `` sections."""
    cleaned = inspect.cleandoc(text or "")
    headings = list(_HEADING_RE.finditer(cleaned))
    head = cleaned[: headings[0].start()] if headings else cleaned
    summary = " ".join(head.split())
    sections: dict[str, str] = {}
    for i, match in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(cleaned)
        sections[match.group(1)] = cleaned[match.end() : end].strip()
    return RuleDoc(summary, sections)


def doc_of(rule: Rule) -> RuleDoc:
    """A rule's documentation as written: English."""
    return parse_doc(rule.__doc__)


def _units(paragraph: str) -> list[str]:
    """A paragraph of prose as its units: the paragraph, or each item of a list."""
    if paragraph.startswith("- "):
        return [item.strip() for item in _ITEM_RE.split(paragraph) if item.strip()]
    return [paragraph]


def _message_id(unit: str) -> str:
    """A unit of prose as a message id: its words on one line."""
    return " ".join(unit.split())


def _translated_prose(prose: str) -> str:
    """Prose (no fenced blocks) with each paragraph or list item in the language in use; a
    unit the catalogue leaves as it is keeps its line breaks."""
    paragraphs = []
    for paragraph in re.split(r"\n[ \t]*\n", prose):
        units = []
        for unit in _units(paragraph.strip()):
            message = _message_id(unit)
            said = _(message) if message else message
            units.append(unit if said == message else said)
        paragraphs.append("\n".join(units))
    return "\n\n".join(paragraphs)


def _translated_section(section: str) -> str:
    """A section in the language in use: its prose translated, its fenced blocks as written."""
    parts: list[str] = []
    start = 0
    for fence in _FENCE_RE.finditer(section):
        parts += [section[start : fence.start()], fence.group(0)]
        start = fence.end()
    parts.append(section[start:])
    # even parts are prose, odd ones fenced blocks; prose keeps the blank lines around it
    shown = []
    for index, part in enumerate(parts):
        if index % 2 or not part.strip():
            shown.append(part)
            continue
        lead = part[: len(part) - len(part.lstrip())]
        tail = part[len(part.rstrip()) :]
        shown.append(lead + _translated_prose(part.strip()) + tail)
    return "".join(shown)


def _prose_units(section: str) -> list[str]:
    units = []
    for prose in _FENCE_RE.split(section):
        for paragraph in re.split(r"\n[ \t]*\n", prose.strip()):
            units += [_message_id(unit) for unit in _units(paragraph.strip())]
    return [unit for unit in units if unit]


def message_ids(doc: RuleDoc) -> list[str]:
    """The message ids of a rule's documentation: the summary and each paragraph or list item
    of its sections' prose (the headings are marked in ``SECTIONS``)."""
    found = [doc.summary] if doc.summary else []
    for section in doc.sections.values():
        found += _prose_units(section)
    return found


def translated(doc: RuleDoc) -> RuleDoc:
    """``doc`` in the language in use: headings stay the English keys of ``sections``."""
    summary = _(doc.summary) if doc.summary else doc.summary
    sections = {name: _translated_section(text) for name, text in doc.sections.items()}
    return RuleDoc(summary, sections)


def shown_doc_of(rule: Rule) -> RuleDoc:
    """A rule's documentation in the language in use."""
    return translated(doc_of(rule))


def yaml_blocks(section: str) -> list[str]:
    """The fenced ``yaml`` blocks of a section, in order."""
    return [match.group(1) for match in _YAML_RE.finditer(section)]


def problems(rule: Rule) -> list[str]:
    """What is incomplete in a rule's documentation; empty when it is complete."""
    doc = doc_of(rule)
    found = [f"the section `{name}` is missing or empty" for name in doc.missing()]
    if not doc.summary:
        found.append("the summary line is missing")
    extra = [name for name in doc.sections if name not in SECTIONS]
    found.extend(f"`{name}` is not one of the sections" for name in extra)
    for name in ("Failing example", "Fixed example"):
        if name in doc.sections and not yaml_blocks(doc.sections[name]):
            found.append(f"the section `{name}` has no ```yaml block")
    options = doc.sections.get("Options", "")
    for option in options_of(rule):
        if f"`{option.name}`" not in options:
            found.append(f"the option `{option.name}` is not described under Options")
    return found


def markdown(rule: Rule) -> str:
    """The whole documentation as one Markdown text, headed by the code and name, in the
    language in use."""
    doc = shown_doc_of(rule)
    parts = [f"# {rule.CODE} {rule.NAME}", "", doc.summary, ""]
    for name in SECTIONS:
        if name in doc.sections:
            parts += [f"## {_(name)}", "", doc.sections[name], ""]
    return "\n".join(parts)


def catalogue_markdown(rules: Iterable[Rule]) -> str:
    """Every rule's documentation as one Markdown text, for docs/rules.md: a table, then each
    rule under a level-3 heading."""
    chosen = list(rules)
    parts = [
        "| Code | Name | Default | What it finds |",
        "|---|---|---|---|",
    ]
    for rule in chosen:
        anchor = f"{rule.CODE.lower()}-{rule.NAME}"
        parts.append(
            f"| [{rule.CODE}](#{anchor}) | `{rule.NAME}` | {rule.SEVERITY.value} | "
            f"{doc_of(rule).summary} |"
        )
    for rule in chosen:
        doc = doc_of(rule)
        parts += ["", f"### {rule.CODE} {rule.NAME}", "", doc.summary, ""]
        parts.append(f"Default severity: **{rule.SEVERITY.value}**.")
        for name in SECTIONS:
            if name in doc.sections:
                parts += ["", f"#### {name}", "", doc.sections[name]]
    return "\n".join(parts) + "\n"
