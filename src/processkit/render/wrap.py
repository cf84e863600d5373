"""Wrapping long (Swedish) names into balanced lines for map labels.

Swedish names are long compounds ("Myndighetsutövning", "Verksamhetsplanering"), so words are
never cut: a line breaks at spaces, and after a dash or slash inside a word. Lines are balanced
("Utreda barns och / ungas behov" rather than "Utreda barns och ungas / behov").
"""

from __future__ import annotations

import re

#: Break opportunities: after spaces, and after a hyphen, en dash or slash joining two words.
_PIECES = re.compile(r"[^\s\-\u2013/]+[\-\u2013/]+|\S+")


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The unbreakable pieces of ``text``, each with whether a space follows it."""
    pieces: list[tuple[str, bool]] = []
    for word in text.split():
        parts = _PIECES.findall(word)
        for index, part in enumerate(parts):
            pieces.append((part, index == len(parts) - 1))
    return pieces


def _greedy(pieces: list[tuple[str, bool]], width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    spaced = False  # whether the previous piece ends a word (so a space goes before the next)
    for piece, ends_word in pieces:
        joined = f"{current} {piece}" if current and spaced else current + piece
        if current and len(joined) > width:
            lines.append(current)
            current = piece
        else:
            current = joined
        spaced = ends_word
    if current:
        lines.append(current)
    return lines


def wrap(text: str, width: int = 22, max_lines: int | None = None) -> list[str]:
    """``text`` as lines of at most ``width`` characters where possible, balanced in length.

    A piece longer than ``width`` stands on its own line rather than being cut. With
    ``max_lines`` the last kept line ends in an ellipsis when text had to be left out.
    """
    pieces = _pieces(text)
    if not pieces:
        return []
    lines = _greedy(pieces, width)
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = kept[-1].rstrip(" ,.;:\u2013-") + "…"
        return kept
    # balance: the narrowest width that still needs no more lines. Every width from the
    # longest line of a wrapping up to its own gives that same wrapping, so only widths
    # below its longest line are tried.
    longest = max(len(piece) for piece, _ in pieces)
    narrower = min(width, max(map(len, lines))) - 1
    while narrower >= longest:
        candidate = _greedy(pieces, narrower)
        if len(candidate) > len(lines):
            break
        lines = candidate
        narrower = min(narrower, max(map(len, lines))) - 1
    return lines
