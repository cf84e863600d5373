"""The inventory as a Markdown table (GitHub-flavoured), for a wiki page or a report."""

from __future__ import annotations

from collections.abc import Iterable

from processkit.inventory.tables import Cell, Table, cell_text


def markdown_text(table: Table) -> str:
    """A pipe table: numbers right-aligned, the total row in bold, ending in a newline."""
    lines = [
        _line(column.header for column in table.columns),
        _line(("---:" if column.numeric else "---") for column in table.columns),
    ]
    lines.extend(_line(_escape(value) for value in row) for row in table.rows)
    lines.extend(_line(_bold(value) for value in row) for row in table.footer)
    return "\n".join(lines) + "\n"


def _line(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _escape(value: Cell) -> str:
    text = cell_text(value)
    text = " ".join(text.split())  # a table cell is one line
    for special in ("\\", "|", "*", "_", "`", "<", "[", "]"):
        text = text.replace(special, "\\" + special)
    return text


def _bold(value: Cell) -> str:
    text = _escape(value)
    return f"**{text}**" if text else ""
