"""Diagnostics for code-review tools: SARIF 2.1.0 and GitLab Code Quality.

SARIF (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) is what GitHub code scanning and many
editors read; GitLab shows a Code Quality report (a JSON list of issues) on the merge request.
Both take paths relative to the git checkout: ``prefix`` is the repository's folder within it
(empty when the repository is the checkout).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

from processkit import __version__
from processkit.diagnostics import Diagnostic, Severity
from processkit.i18n import N_, _

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

#: FORMAT.md's fixed codes: a name and a short description for each.
FORMAT_CODES: dict[str, tuple[str, str]] = {
    "PK001": ("file-unreadable", N_("A file cannot be read or is not UTF-8 text.")),
    "PK002": ("yaml-syntax", N_("The file is not valid YAML.")),
    "PK003": ("duplicate-key", N_("A field is written twice in the same place.")),
    "PK004": (
        "not-a-mapping",
        N_("The file is empty, not `field: value` lines, or several files in one."),
    ),
    "PK005": ("kind-unknown", N_("`kind` is missing or unknown.")),
    "PK006": ("file-not-read", N_("A file that looks meant for processkit is not read.")),
    "PK010": ("field-missing", N_("A required field is missing.")),
    "PK011": ("value-invalid", N_("A value has the wrong type or form.")),
    "PK012": ("key-unknown", N_("A key is not a field of the entity.")),
    "PK020": ("id-duplicate", N_("Two entities of one kind share an id.")),
    "PK030": ("reference-unknown", N_("A reference names no such entity.")),
    "PK031": ("parent-loop", N_("The chain of parent processes loops.")),
    "PK032": ("checks-waiting", N_("Checks that could miss what a file with errors holds wait.")),
}

#: Each code's short title, for the title of a GitHub annotation ("PK012 Unknown field"): a
#: reader's words, translated where the title is made (the rules' NAME is a slug).
SHORT_TITLES: dict[str, str] = {
    "PK001": N_("File cannot be read"),
    "PK002": N_("Not valid YAML"),
    "PK003": N_("Field written twice"),
    "PK004": N_("No fields in the file"),
    "PK005": N_("Unknown kind of file"),
    "PK006": N_("File not read"),
    "PK010": N_("Required field missing"),
    "PK011": N_("Wrong value"),
    "PK012": N_("Unknown field"),
    "PK020": N_("Id used twice"),
    "PK030": N_("Reference to nothing"),
    "PK031": N_("Parent processes in a loop"),
    "PK032": N_("Checks waiting"),
    "PK101": N_("Owner missing"),
    "PK102": N_("Review overdue"),
    "PK103": N_("Review due soon"),
    "PK104": N_("Interface not mirrored"),
    "PK105": N_("Measures missing"),
    "PK106": N_("Specification incomplete"),
    "PK107": N_("Activity never reached"),
    "PK108": N_("Flow without an end"),
    "PK109": N_("Activity without a performer"),
    "PK110": N_("Sub-process in another area"),
    "PK111": N_("Parent process retired"),
    "PK112": N_("Interface to a retired process"),
    "PK113": N_("Retired handbook referred to"),
    "PK114": N_("Role not used"),
    "PK115": N_("Handbook not referred to"),
    "PK116": N_("Proposal about a retired process"),
    "PK117": N_("Assessment of a retired process"),
    "PK118": N_("Assessment off the scale"),
    "PK119": N_("Assessment incomplete"),
    "PK120": N_("Two processes with one name"),
    "PK121": N_("Leads without owning"),
    "PK122": N_("Owns far more processes"),
    "PK123": N_("Approval not recorded"),
    "PK124": N_("Flow too large to draw"),
    "PK190": N_("Ignore that silences nothing"),
}


def annotation_title(code: str) -> str:
    """A code with its short title in the language in use (``PK012 Unknown field``); the code
    alone when it has none."""
    title = SHORT_TITLES.get(code)
    return code if title is None else f"{code} {_(title)}"


_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITLAB_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def rule_description(code: str) -> tuple[str, str] | None:
    """A code's name and one-line description in the language in use, from FORMAT.md's table
    or the rule registry."""
    if code in FORMAT_CODES:
        name, description = FORMAT_CODES[code]
        return name, _(description)
    try:
        from processkit.rules.docs import doc_of
        from processkit.rules.registry import find
    except ImportError:  # the rules are not part of this installation
        return None
    rule = find(code)
    if rule is None:
        return None
    return rule.NAME, _(doc_of(rule).summary)


def _message(diagnostic: Diagnostic) -> str:
    return diagnostic.message + (f"\n{diagnostic.hint}" if diagnostic.hint else "")


def sarif(diagnostics: Sequence[Diagnostic], prefix: str = "") -> dict[str, Any]:
    """One SARIF 2.1.0 log with one run: every rule that reported, then every result."""
    codes = sorted({diagnostic.code for diagnostic in diagnostics})
    rules: list[dict[str, Any]] = []
    for code in codes:
        rule: dict[str, Any] = {"id": code}
        described = rule_description(code)
        if described is not None:
            rule["name"] = described[0]
            rule["shortDescription"] = {"text": described[1]}
        rules.append(rule)
    index = {code: position for position, code in enumerate(codes)}
    results = [_sarif_result(d, index[d.code], prefix) for d in diagnostics]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "processkit",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _sarif_result(diagnostic: Diagnostic, rule_index: int, prefix: str) -> dict[str, Any]:
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": quote(prefix + diagnostic.path, safe="/")}
    }
    if diagnostic.line >= 1:
        region = {"startLine": diagnostic.line}
        if diagnostic.column >= 1:
            region["startColumn"] = diagnostic.column
        physical["region"] = region
    return {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVELS[diagnostic.severity],
        "message": {"text": _message(diagnostic)},
        "locations": [{"physicalLocation": physical}],
    }


def gitlab(diagnostics: Iterable[Diagnostic], prefix: str = "") -> list[dict[str, Any]]:
    """GitLab Code Quality issues; each has a fingerprint that is stable across runs."""
    seen: Counter[str] = Counter()
    issues = []
    for diagnostic in diagnostics:
        path = prefix + diagnostic.path
        base = f"{diagnostic.code}\0{path}\0{diagnostic.message}"
        seen[base] += 1
        fingerprint = hashlib.sha256(f"{base}\0{seen[base]}".encode()).hexdigest()
        issues.append(
            {
                "description": f"{diagnostic.code} {_message(diagnostic)}",
                "check_name": diagnostic.code,
                "fingerprint": fingerprint,
                "severity": _GITLAB_SEVERITIES[diagnostic.severity],
                "location": {"path": path, "lines": {"begin": max(diagnostic.line, 1)}},
            }
        )
    return issues


def render_sarif(diagnostics: Sequence[Diagnostic], prefix: str = "") -> str:
    return json.dumps(sarif(diagnostics, prefix), ensure_ascii=False, indent=2) + "\n"


def render_gitlab(diagnostics: Iterable[Diagnostic], prefix: str = "") -> str:
    return json.dumps(gitlab(diagnostics, prefix), ensure_ascii=False, indent=2) + "\n"
