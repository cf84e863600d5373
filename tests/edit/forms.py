"""What a browser would send for a form of the editor's pages (no JavaScript)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Form(HTMLParser):
    def __init__(self, form_id_action: str) -> None:
        super().__init__(convert_charrefs=True)
        self.action = form_id_action
        self.inside = False
        self.pairs: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.inside = found.get("action") == self.action
            return
        if not self.inside:
            return
        name = found.get("name")
        if tag == "input" and name:
            kind = found.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in found:
                    self.pairs.append((name, found.get("value", "on")))
            elif kind not in ("submit", "button"):
                self.pairs.append((name, found.get("value", "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in found:
            self.pairs.append((self._select, found.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = name
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            self.pairs.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def form_pairs(page: str, action: str) -> list[tuple[str, str]]:
    """The (name, value) pairs the form posting to ``action`` would send."""
    parser = _Form(action)
    parser.feed(page)
    return parser.pairs


def replaced(pairs: list[tuple[str, str]], name: str, *values: str) -> list[tuple[str, str]]:
    """``pairs`` with every value of ``name`` replaced by ``values``."""
    kept = [(key, value) for key, value in pairs if key != name]
    return kept + [(name, value) for value in values]
