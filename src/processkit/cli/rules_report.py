"""Printing the rule catalogue: a table, one rule's documentation, or JSON."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from processkit.rules.catalogue import Catalogue, Entry

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan", "off": "dim"}


def print_catalogue(found: Catalogue, fmt: str) -> None:
    if fmt == "json":
        document = {"rules": [entry.as_dict() for entry in found.entries]}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return
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
    sys.stdout.write("\n".join(line.rstrip() for line in captured.get().split("\n")) + "\n")
    where = (
        f"`Here` is the severity set in {_shown_path(found.config_path)}"
        if found.config_path is not None
        else "`Here` is the default severity (no processkit.yaml read)"
    )
    changed = " (* where it differs from the default)" if found.config_path else ""
    sys.stdout.write(f"{where}{changed}. `processkit rules CODE` explains a rule.\n")


def print_rule(entry: Entry, fmt: str) -> None:
    if fmt == "json":
        document = {**entry.as_dict(), "documentation": entry.documentation}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.markdown import Markdown

    console = Console(highlight=False)
    with console.capture() as captured:
        console.print(Markdown(entry.documentation, code_theme="ansi_dark"))
    # rich pads every line to the full width; the padding is noise when piped or saved
    lines = [line.rstrip() for line in captured.get().split("\n")]
    sys.stdout.write("\n".join(lines).rstrip("\n") + "\n\n")
    settings = f"Severity: {entry.effective} (default {entry.default})"
    if entry.options:
        shown = ", ".join(f"{name} = {value}" for name, value in entry.options.items())
        settings += f". Options: {shown}"
    sys.stdout.write(settings + ".\n")


def _shown_path(path: Path) -> str:
    """``path`` relative to the working folder (``../processkit.yaml``)."""
    try:
        return Path(os.path.relpath(path, Path.cwd())).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)
