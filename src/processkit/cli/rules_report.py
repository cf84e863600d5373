"""Reports on the rules, one function per format, each returning text: the catalogue as a
table or JSON, and one rule's documentation as text or JSON."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

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
    table.add_column("Code", no_wrap=True)
    table.add_column("Name", no_wrap=True)
    table.add_column("Default", no_wrap=True)
    table.add_column("Here", no_wrap=True)
    table.add_column("What it finds")
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
    where = (
        f"`Here` is the severity set in {_shown_path(found.config_path)}"
        if found.config_path is not None
        else "`Here` is the default severity (no processkit.yaml read)"
    )
    changed = " (* where it differs from the default)" if found.config_path else ""
    return text + f"{where}{changed}. `processkit rules CODE` explains a rule.\n"


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
    settings = f"Severity: {entry.effective} (default {entry.default})"
    if entry.options:
        shown = ", ".join(f"{name} = {value}" for name, value in entry.options.items())
        settings += f". Options: {shown}"
    return text + settings + ".\n"


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
