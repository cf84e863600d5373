"""Writing Markdown for staff: texts from the repository shown as text, never as markup."""

from __future__ import annotations

_SPECIAL = "\\`*_[]<>#|"


def escape(text: str) -> str:
    """``text`` with Markdown's emphasis, link, code, heading and table characters escaped,
    on one line."""
    out = " ".join(text.split())
    for char in _SPECIAL:
        out = out.replace(char, "\\" + char)
    return out
