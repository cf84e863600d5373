"""Plain-text tables with aligned columns, for terminal output that stays byte-identical."""

from __future__ import annotations

from collections.abc import Sequence


def render_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[int] = (),
    indent: str = "",
) -> str:
    """Columns padded to their widest cell, two spaces apart; ``right`` are right-aligned.

    Returns the lines joined with newlines, each without trailing spaces, ending in a newline.
    """
    widths = [len(header) for header in headers]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))
    lines = [_line(headers, widths, right, indent), indent + "  ".join("-" * w for w in widths)]
    lines.extend(_line(row, widths, right, indent) for row in rows)
    return "\n".join(lines) + "\n"


def _line(cells: Sequence[str], widths: Sequence[int], right: Sequence[int], indent: str) -> str:
    parts = [
        cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
        for i, cell in enumerate(cells)
    ]
    return (indent + "  ".join(parts)).rstrip()
