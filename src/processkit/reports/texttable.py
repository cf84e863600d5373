"""Plain-text tables with aligned columns, for the terminal.

A table that fits in the width is drawn as it always was: columns padded to their widest cell.
One that does not fit has its cells wrapped at spaces, never inside a word; when even that
cannot fit (more columns than the width has room for their longest words), the rows are
written as a list instead: one block per row, its first cell as a heading over
``Column: value`` lines.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

#: The width the tables fit in: a terminal's usual 80 columns.
WIDTH = 80
#: The space between two columns.
GAP = "  "


def render_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[int] = (),
    keep: Sequence[int] = (),
    indent: str = "",
    width: int = WIDTH,
    footer: Sequence[Sequence[str]] = (),
) -> str:
    """Columns padded to their widest cell, two spaces apart; ``right`` are right-aligned;
    every line at most ``width`` characters where the words allow. The cells of the ``keep``
    columns are never wrapped (``2 (+1)`` is one value). ``footer`` rows (a total) follow the
    rows under a line of their own.

    Returns the lines joined with newlines, each without trailing spaces, ending in a newline.
    """
    if footer:
        return _with_footer(headers, rows, footer, right, keep, indent, width)
    natural = [len(header) for header in headers]
    for row in rows:
        for index, cell in enumerate(row):
            natural[index] = max(natural[index], len(cell))
    room = width - len(indent) - len(GAP) * (len(headers) - 1)
    if sum(natural) <= room:
        widths = natural
    else:
        fitted = _fit(headers, rows, natural, room, keep)
        if fitted is None:
            return as_list(headers, rows, indent=indent, width=width)
        widths = fitted
    lines = _lines(headers, widths, right, indent)
    lines.append(indent + GAP.join("-" * w for w in widths))
    drawn = [_lines(row, widths, right, indent) for row in rows]
    # rows of several lines each are told apart by a blank line between them
    apart = any(len(row_lines) > 1 for row_lines in drawn)
    for number, row_lines in enumerate(drawn):
        if apart and number:
            lines.append("")
        lines.extend(row_lines)
    return "\n".join(lines) + "\n"


def _with_footer(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    footer: Sequence[Sequence[str]],
    right: Sequence[int],
    keep: Sequence[int],
    indent: str,
    width: int,
) -> str:
    """The table of ``rows`` and ``footer`` together, a line of dashes before the footer."""
    whole = render_table(
        headers, [*rows, *footer], right=right, keep=keep, indent=indent, width=width
    )
    lines = whole.rstrip("\n").split("\n")
    dashes = [n for n, line in enumerate(lines) if line.strip() and not line.strip("- ")]
    if not dashes:  # written as a list: the footer's rows are blocks like the others
        return whole
    head, body = lines[: dashes[0] + 1], lines[dashes[0] + 1 :]
    # the footer's rows are the last ones: a line each, or blocks apart when rows wrap
    if "" in body:
        blocks = "\n".join(body).split("\n\n")
        cut = len(blocks) - len(footer)
        above = "\n\n".join(blocks[:cut]).split("\n") if cut else []
        below = "\n\n".join(blocks[cut:]).split("\n")
    else:
        cut = len(body) - len(footer)
        above, below = body[:cut], body[cut:]
    return "\n".join([*head, *above, lines[dashes[0]], *below]) + "\n"


def as_list(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    indent: str = "",
    width: int = WIDTH,
) -> str:
    """The rows as blocks, a blank line between them: the first cell as the block's heading,
    the others as ``Header: value`` lines under it. A row whose first cell is empty (the next
    row of a group) has no heading. Empty cells are left out; long values wrap at spaces."""
    blocks = []
    for row in rows:
        lines = []
        first = " ".join(row[0].split()) if row else ""
        # the heading keeps its indent (a sub-process under its parent), its lines theirs
        outer = indent + " " * (_lead(row[0]) if first else 0)
        if first:
            lines.extend(_wrap_words(first, width, outer, outer + "  "))
        inner = outer + "  "
        for header, cell in zip(headers[1:], row[1:], strict=False):
            text = " ".join(cell.split())
            if text:
                lines.extend(_wrap_words(f"{header}: {text}", width, inner, inner + "    "))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _wrap_words(text: str, width: int, first: str, rest: str) -> list[str]:
    return textwrap.wrap(
        text,
        width=max(width, len(first) + 1),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _lead(cell: str) -> int:
    """How far ``cell`` is indented (a sub-process under its parent)."""
    return len(cell) - len(cell.lstrip(" "))


def _narrowest(cell: str) -> int:
    """The narrowest a cell can be wrapped at spaces: its indent and its longest word."""
    words = cell.split()
    return _lead(cell) + max((len(word) for word in words), default=0)


def _fit(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    natural: list[int],
    room: int,
    keep: Sequence[int],
) -> list[int] | None:
    """Column widths that add up to at most ``room``, each at least its longest word (its
    whole header where there is room, the whole of each cell of the ``keep`` columns); None
    when the words do not fit. The room is shared as water fills a vessel: the narrow columns
    (dates, counts, statuses) keep their whole width, the wide ones are cut to one width."""
    least = [_narrowest(header) for header in headers]
    for row in rows:
        for index, cell in enumerate(row):
            least[index] = max(least[index], len(cell) if index in keep else _narrowest(cell))
    if sum(least) > room:
        return None
    whole_headers = [max(low, len(header)) for low, header in zip(least, headers, strict=True)]
    if sum(whole_headers) <= room:
        least = whole_headers

    def capped(cap: int) -> list[int]:
        return [max(low, min(want, cap)) for low, want in zip(least, natural, strict=True)]

    low, high = 0, max(natural)
    while low < high:  # the widest cap that still fits
        middle = (low + high + 1) // 2
        if sum(capped(middle)) <= room:
            low = middle
        else:
            high = middle - 1
    widths = capped(low)
    left = room - sum(widths)
    for index, width in enumerate(widths):  # what the cap left over, to the first cut columns
        if left > 0 and width < natural[index]:
            widths[index] += 1
            left -= 1
    return widths


def _wrapped(cell: str, width: int) -> list[str]:
    if len(cell) <= width:
        return [cell]
    lead = " " * _lead(cell)
    return textwrap.wrap(
        cell.strip(),
        width=max(width - len(lead), 1),
        initial_indent=lead,
        subsequent_indent=lead,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]


def _lines(
    cells: Sequence[str], widths: Sequence[int], right: Sequence[int], indent: str
) -> list[str]:
    """One row as one line, or as several when a cell wraps."""
    columns = [_wrapped(cell, widths[i]) for i, cell in enumerate(cells)]
    height = max((len(lines) for lines in columns), default=1)
    out = []
    for number in range(height):
        parts = []
        for i, lines in enumerate(columns):
            text = lines[number] if number < len(lines) else ""
            parts.append(text.rjust(widths[i]) if i in right else text.ljust(widths[i]))
        out.append((indent + GAP.join(parts)).rstrip())
    return out
