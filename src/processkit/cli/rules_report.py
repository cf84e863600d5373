"""Reports on the rules, one function per format, each returning text: the catalogue as a
table or JSON, and one rule's documentation as text or JSON."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from processkit.i18n import _, p_
from processkit.rules.catalogue import Catalogue, Entry

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan", "off": "dim"}


def catalogue_json(found: Catalogue) -> str:
    document = {"rules": [entry.as_dict() for entry in found.entries]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def catalogue_text(found: Catalogue) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False, show_edge=False)
    table.add_column(p_("rules table", "Code"), no_wrap=True)
    table.add_column(p_("rules table", "Name"), no_wrap=True)
    table.add_column(p_("rules table", "Default"), no_wrap=True)
    table.add_column(p_("rules table", "Here"), no_wrap=True)
    table.add_column(p_("rules table", "What it finds"))
    for entry in found.entries:
        here = Text(entry.effective, style=_STYLES[entry.effective])
        if entry.effective != entry.default:
            here.append(" *", style="bold")
        table.add_row(
            entry.code,
            entry.name,
            Text(entry.default, style=_STYLES[entry.default]),
            here,
            entry.summary,
        )
    console = Console(highlight=False)
    with console.capture() as captured:
        console.print(table)
    text = "\n".join(line.rstrip() for line in captured.get().split("\n")) + "\n"
    if found.config_path is not None:
        said = _(
            "`Here` is the severity set in {path} (* where it differs from the default). "
            "`processkit rules CODE` explains a rule.",
            path=_shown_path(found.config_path),
        )
    else:
        said = _(
            "`Here` is the default severity (no processkit.yaml read). "
            "`processkit rules CODE` explains a rule."
        )
    return text + said + "\n"


def rule_json(entry: Entry) -> str:
    document = {**entry.as_dict(), "documentation": entry.documentation}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def rule_text(entry: Entry) -> str:
    from rich.console import Console
    from rich.markdown import Markdown

    console = Console(highlight=False)
    with console.capture() as captured:
        console.print(Markdown(entry.documentation, code_theme="ansi_dark"))
    # rich pads every line to the full width; the padding is noise when piped or saved
    lines = [line.rstrip() for line in captured.get().split("\n")]
    text = "\n".join(lines).rstrip("\n") + "\n\n"
    if entry.options:
        settings = _(
            "Severity: {severity} (default {default}). Options: {options}.",
            severity=entry.effective,
            default=entry.default,
            options=", ".join(f"{name} = {value}" for name, value in entry.options.items()),
        )
    else:
        settings = _(
            "Severity: {severity} (default {default}).",
            severity=entry.effective,
            default=entry.default,
        )
    return text + settings + "\n"


#: ``rules --format NAME``: the catalogue as text, by the format's name.
CATALOGUE_REPORTERS: dict[str, Callable[[Catalogue], str]] = {
    "text": catalogue_text,
    "json": catalogue_json,
}

#: ``rules CODE --format NAME``: one rule as text, by the format's name.
RULE_REPORTERS: dict[str, Callable[[Entry], str]] = {"text": rule_text, "json": rule_json}


def _shown_path(path: Path) -> str:
    """``path`` relative to the working folder (``../processkit.yaml``)."""
    try:
        return Path(os.path.relpath(path, Path.cwd())).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)
