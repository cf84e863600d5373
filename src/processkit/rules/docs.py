"""A rule's documentation: its module docstring, read into a summary and fixed sections.

The docstring is Markdown: a one-line summary, a blank line, then ``## `` headed sections in
this order: What it checks, Why it matters, Failing example, Fixed example, Options. The two
examples hold fenced ``yaml`` blocks of real entity files (several files as several YAML
documents, separated by ``---``).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from processkit.rules.base import Rule, options_of

SECTIONS = ("What it checks", "Why it matters", "Failing example", "Fixed example", "Options")

_HEADING_RE = re.compile(r"^## (.+?)\s*$", re.MULTILINE)
_YAML_RE = re.compile(r"^```yaml\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True, slots=True)
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
    return parse_doc(rule.__doc__)


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
    """The whole documentation as one Markdown text, headed by the code and name."""
    doc = doc_of(rule)
    parts = [f"# {rule.CODE} {rule.NAME}", "", doc.summary, ""]
    for name in SECTIONS:
        if name in doc.sections:
            parts += [f"## {name}", "", doc.sections[name], ""]
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
