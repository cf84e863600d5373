"""YAML mistakes in plain words: what the person did, at the line where they did it.

libyaml reports a syntax error in its parser's words ("did not find expected key (while parsing a
block mapping)"), often on the line after the mistake. Here the text around the reported place is
read again to tell what was written wrong: a field name without its colon, no space after the
colon, a line indented more or less than its neighbours, a tab, a quote never closed, a list item
without its `- `, a text with `: ` or a reserved first character that needs quotes. Each
explanation comes with the line written as it should be.

Only the lines near the reported place are read (at most ``LOOKBACK`` lines above it), so the
cost stays linear in the size of the file. What cannot be told is said as a plain sentence with
the line and column, never in the parser's words.
"""

from __future__ import annotations

import re

from processkit.frozen import frozen
from processkit.i18n import _

#: How many lines above the reported place are read to find the neighbours of a line.
LOOKBACK = 200
#: A value longer than this is shortened in the line shown in a hint.
SHOWN_VALUE = 70

#: What a wrong guess about the text could raise; the mistake is then told by ``fallback``.
#: (The tests empty it, so that such a guess fails them instead.)
GUARDED: tuple[type[Exception], ...] = (IndexError, ValueError, AttributeError, StopIteration)

_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
#: A field line: indentation, list dashes, a name and its colon (followed by a space or the end).
_KEY = re.compile(r"(?P<indent> *)(?P<dashes>(?:-[ ]+)*)(?P<name>[^\s:#'\"\-][^:#]*):(?=[ \t]|$)")
#: A field name as processkit writes them (``owner``, ``review_date``, ``x-intern``).
_FIELD_NAME = re.compile(r"[a-z_][a-z0-9_]*(?:-[a-z0-9_]+)*\Z")
#: A field name whose colon is followed by text without a space (``owner:anna``).
_NO_SPACE = re.compile(r"(?P<name>[a-z_][a-z0-9_]*(?:-[a-z0-9_]+)*):(?P<value>[^\s:].*)\Z")
_WORD = re.compile(r"[^\s:]+")
_CLOSING = {"[": "]", "{": "}"}
#: Spaces that look like a space but are not one to YAML (pasted from a web page or a document):
#: no-break, figure, narrow no-break, ideographic and zero-width spaces.
_ODD_SPACES = "\u00a0\u2007\u202f\u3000\u200b\ufeff"
#: An odd space in the indentation, or right after a field's colon or a list item's dash (an
#: odd space inside a text is harmless).
_ODD_SPACE = re.compile(
    f"^[ {_ODD_SPACES}]*[{_ODD_SPACES}]|^ *(?:- +)*(?:-|[^\\s:#]+:)[{_ODD_SPACES}]"
)


@frozen
class Explained:
    """A YAML mistake in plain words, at its 1-based place."""

    line: int
    column: int
    message: str
    hint: str


@frozen
class Reported:
    """What libyaml reported: its texts and 0-based places (line, column)."""

    problem: str
    context: str
    problem_at: tuple[int, int] | None
    context_at: tuple[int, int] | None


def split_lines(text: str) -> list[str]:
    """The lines of a text, broken where libyaml breaks them (so its line numbers fit)."""
    return _BREAKS.split(text)


def explain(text: str, reported: Reported) -> Explained:
    """The mistake libyaml reported, in plain words; a plain sentence when it cannot be told."""
    lines = split_lines(text)
    try:
        found = _Reader(lines, reported).explain()
    except GUARDED:  # pragma: no cover - a guess gone wrong must not end in a traceback
        found = None
    return found if found is not None else fallback(lines, reported)


def fallback(lines: list[str], reported: Reported) -> Explained:
    """The plain sentence for a mistake that cannot be told more exactly."""
    line, column = reported.problem_at or reported.context_at or (0, 0)
    if line >= len(lines):  # at the end of the file: point at its last line
        line = max(0, len(lines) - 1)
        while line > 0 and not lines[line].strip():
            line -= 1
        column = len(lines[line]) if lines else 0
    return Explained(
        line + 1,
        column + 1,
        _(
            "processkit cannot read line {line} from column {column}",
            line=line + 1,
            column=column + 1,
        ),
        _(
            "Compare the line with the lines around it: each field is written `name: value`, "
            "the fields of one level start in the same column, and each list item starts "
            "with `- `."
        ),
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _key_column(line: str) -> int:
    """Where the field of a line starts: after its indentation and any list dashes."""
    found = _KEY.match(line)
    if found is not None:
        return found.start("name")
    column = _indent(line)
    while line.startswith("- ", column) or line[column:] == "-":
        column += 1
        while column < len(line) and line[column] == " ":
            column += 1
    return column


def _short(value: str, limit: int = SHOWN_VALUE) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _quoted(value: str) -> str:
    """A value in quotes: double quotes unless it holds one (or a backslash)."""
    value = _short(value.strip())
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _shown(line: str) -> str:
    """A line as shown in a hint: tabs as spaces, a long one shortened."""
    return _short(line.rstrip().replace("\t", "    "), SHOWN_VALUE + 30)


def _write(line: str) -> str:
    return _("Write the line like this: `{line}`", line=_shown(line))


class _Reader:
    """One reported mistake, read from the lines around it."""

    def __init__(self, lines: list[str], reported: Reported) -> None:
        self.lines = lines
        self.reported = reported
        self.problem = reported.problem
        self.context = reported.context

    def line(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def previous(self, index: int) -> list[int]:
        """The lines above ``index`` that hold something (nearest first), at most LOOKBACK."""
        found = []
        for number in range(index - 1, max(-1, index - 1 - LOOKBACK), -1):
            if _is_content(self.lines[number]):
                found.append(number)
        return found

    def previous_field(self, index: int) -> int | None:
        """The nearest line above ``index`` that holds a field (``name: ...``)."""
        for number in self.previous(index):
            key = _KEY.match(self.lines[number])
            if key is not None and _FIELD_NAME.match(key.group("name").strip()):
                return number
        return None

    # --- the kinds of report -------------------------------------------------------------

    def explain(self) -> Explained | None:
        problem, context = self.problem, self.context
        at = self.reported.problem_at
        where = self.reported.context_at
        if at is not None and ("tab character" in problem or self._char(at) == "\t"):
            return self.tab(at)
        if at is not None:
            odd = self.odd_space(at[0], where[0] if where is not None else at[0])
            if odd is not None:
                return odd
        if where is not None and context.startswith("while scanning a quoted"):
            return self.unclosed_quote(where)
        if where is not None and context.startswith("while parsing a flow"):
            return self.unclosed_bracket(where)
        if where is not None and context.startswith(
            ("while scanning an alias", "while scanning an anchor", "while scanning a block scalar")
        ):
            return self.reserved(where)
        if where is not None and context.startswith("while scanning a directive"):
            return self.directive(where)
        if at is None:
            return None
        if problem.startswith(
            (
                "found character that cannot start",
                "found undefined alias",
                "block sequence entries are not allowed",
                "mapping keys are not allowed",
                "did not find expected node content",
            )
        ):
            return self.reserved(at)
        if where is not None and problem.startswith("could not find expected ':'"):
            return self.no_colon(where)
        if problem.startswith("mapping values are not allowed"):
            return self.colon_in_text(at)
        if problem.startswith("did not find expected key"):
            return self.no_field_here(at)
        if where is not None and problem.startswith("did not find expected '-'"):
            return self.not_an_item(at, where[1])
        return None

    def _char(self, at: tuple[int, int]) -> str:
        line = self.line(at[0])
        return line[at[1]] if 0 <= at[1] < len(line) else ""

    def _expected_indent(self, index: int, item: bool) -> int:
        """The indentation a line at ``index`` most likely should have, from the line above."""
        above = self.previous(index)
        if not above:
            return 0
        before = self.lines[above[0]].rstrip()
        key = _KEY.match(before)
        opens = key is not None and not before[key.end() :].strip()
        if opens or before.endswith(("|", ">", "|-", ">-")):
            return _key_column(before) + 2
        if item and before.lstrip().startswith("- "):
            return _indent(before)
        return _key_column(before)

    def odd_space(self, index: int, context: int) -> Explained | None:
        """A space pasted from elsewhere that YAML does not read as one, on the reported lines
        or just above them."""
        numbers = [index, context, *self.previous(index)[:3]]
        for number in numbers:
            line = self.line(number)
            found = _ODD_SPACE.search(line)
            if found is None:
                continue
            column = next(
                place for place in range(found.start(), found.end()) if line[place] in _ODD_SPACES
            )
            fixed = re.sub(f"[{_ODD_SPACES}]", " ", line)
            return Explained(
                number + 1,
                column + 1,
                _(
                    "the line has a no-break space (often pasted from a web page or a word "
                    "processor), which does not count as a space here"
                ),
                _("Write the line with ordinary spaces: `{line}`", line=_shown(fixed)),
            )
        return None

    def tab(self, at: tuple[int, int]) -> Explained:
        index = at[0]
        line = self.line(index)
        leading = line[: len(line) - len(line.lstrip(" \t"))]
        column = leading.find("\t") if "\t" in leading else at[1]
        rest = line.lstrip(" \t")
        fixed = " " * self._expected_indent(index, rest.startswith("- ")) + rest
        return Explained(
            index + 1,
            column + 1,
            _("a tab character is used for indentation"),
            _("Indent with spaces only; write the line like this: `{line}`", line=_shown(fixed)),
        )

    def value_of(self, line: str, column: int) -> tuple[str | None, int] | None:
        """The field whose value starts at ``column`` (None for a list item), with that column;
        None when no value starts there."""
        key = _KEY.match(line)
        if key is not None:
            start = key.end()
            while start < len(line) and line[start] in " \t":
                start += 1
            if start == column:
                return key.group("name").strip(), start
        dashes = _indent(line)
        if line.startswith("- ", dashes):
            start = dashes
            while line.startswith("- ", start):
                start += 2
                while start < len(line) and line[start] == " ":
                    start += 1
            if start == column:
                return None, start
        return None

    def what(self, field: str | None) -> str:
        if field is None:
            return _("the list item")
        return _("the value of `{field}`", field=_short(field, 40))

    def unclosed_quote(self, at: tuple[int, int]) -> Explained:
        index, column = at
        line = self.line(index)
        quote = self._char(at) or '"'
        fixed = line.rstrip() + quote
        return Explained(
            index + 1,
            column + 1,
            _(
                "the text starts with the quote `{quote}` but is never closed with another "
                "`{quote}`",
                quote=quote,
            ),
            _(
                "End the text with `{quote}` on the same line: `{line}`",
                quote=quote,
                line=_shown(fixed),
            ),
        )

    def unclosed_bracket(self, at: tuple[int, int]) -> Explained | None:
        index, column = at
        line = self.line(index)
        opening = self._char(at)
        if opening not in _CLOSING:  # reported after the list: find the bracket above
            found = self.last_bracket(index)
            if found is None:
                return None
            index, column = found
            line = self.line(index)
            opening = line[column]
        closing = _CLOSING[opening]
        start = self.value_of(line, column)
        rest = line[column:].rstrip()
        if closing in rest:  # closed on its line: something else in it is wrong
            return Explained(
                index + 1,
                column + 1,
                _("the list that starts with `[` here is not written as processkit reads it")
                if opening == "["
                else _("the text that starts with `{` here is not written as processkit reads it"),
                _(
                    "Separate the items with commas, and put an item that holds a comma, "
                    "`[` or `]` in quotes."
                ),
            )
        what = self.what(start[0] if start else None)
        if opening == "[":
            hint = _(
                "Close the list on the same line, separating its items with commas: `{line}`",
                line=_shown(line.rstrip().rstrip(",").rstrip() + closing),
            )
        else:
            fixed = line[:column] + "[" + line[column + 1 :].rstrip() + "]"
            hint = _(
                "A list is written in square brackets: `{line}`; a text that starts with `{{` "
                "is put in quotes.",
                line=_shown(fixed),
            )
        return Explained(
            index + 1,
            column + 1,
            _(
                "{what} starts with `{opening}` but has no closing `{closing}`",
                what=what,
                opening=opening,
                closing=closing,
            ),
            hint,
        )

    def last_bracket(self, index: int) -> tuple[int, int] | None:
        """The last `[` or `{` at or above line ``index`` (at most LOOKBACK lines up)."""
        for number in range(min(index, len(self.lines) - 1), max(-1, index - LOOKBACK), -1):
            line = self.lines[number]
            column = max(line.rfind("["), line.rfind("{"))
            if column >= 0:
                return number, column
        return None

    def reserved(self, at: tuple[int, int]) -> Explained | None:
        """A value that starts with a character YAML keeps for itself."""
        index, column = at
        line = self.line(index)
        char = self._char(at)
        if not char:
            return None
        if column == _indent(line) and char == "%":
            return self.directive(at)
        start = self.value_of(line, column)
        if start is None:
            return None
        field, value_column = start
        value = line[value_column:].rstrip()
        head = line[:value_column]
        what = self.what(field)
        fixed = head + _quoted(value)
        if char in "|>":
            message = _(
                "{what} starts with `{char}`, which means that the text follows on the lines below",
                what=what,
                char=char,
            )
            hint = _(
                "Put the value in quotes: `{line}`; or end the line after `{char}` and write the "
                "text on the lines below, indented.",
                line=_shown(fixed),
                char=char,
            )
        elif char == "-":
            message = _(
                "{what} starts with `- `, but a list item must stand on a line of its own",
                what=what,
            )
            hint = _(
                "Write each list item on its own line below, indented, starting with `- `; "
                "or, for a text, put it in quotes: `{line}`",
                line=_shown(fixed),
            )
        elif char == "*":
            message = _(
                "{what} starts with `*`, which YAML reads as a reference to another place in "
                "the file",
                what=what,
            )
            hint = _("Put the value in quotes: `{line}`", line=_shown(fixed))
        elif char == "`":
            message = _(
                "{what} starts with a backtick (`), which YAML keeps for special use", what=what
            )
            hint = _("Put the value in quotes: `{line}`", line=_shown(fixed))
        else:
            message = _(
                "{what} starts with `{char}`, which YAML keeps for special use",
                what=what,
                char=char,
            )
            hint = _("Put the value in quotes: `{line}`", line=_shown(fixed))
        return Explained(index + 1, value_column + 1, message, hint)

    def directive(self, at: tuple[int, int]) -> Explained:
        index = at[0]
        line = self.line(index)
        return Explained(
            index + 1,
            _indent(line) + 1,
            _("a line may not start with `%`"),
            _("Remove the `%`, or put the text after the field name in quotes."),
        )

    def no_colon(self, at: tuple[int, int]) -> Explained | None:
        """``could not find expected ':'``: the line at ``at`` holds a plain text where a field
        was expected."""
        index, column = at
        line = self.line(index)
        rest = line[column:].rstrip()
        if not rest:
            return None
        head = line[:column]
        if rest.startswith("-") and len(rest) > 1 and rest[1] not in " \t-":
            return self.dash_without_space(index, column)
        no_space = _NO_SPACE.match(rest)
        if no_space is not None:
            return self.space_after_colon(index, column, no_space)
        above = self.previous(index)
        before = self.lines[above[0]] if above else ""
        if before.lstrip().startswith("- ") and _indent(before) == column:
            return self.missing_dash(index, column)
        word = _WORD.match(rest)
        name = word.group() if word is not None else ""
        after = rest[len(name) :].strip()
        key = _KEY.match(before)
        below_field = key is not None and (
            not before[key.end() :].strip() or before.rstrip().endswith(("|", ">", "|-", ">-"))
        )
        if (
            below_field
            and column <= _key_column(before)
            and not (_FIELD_NAME.match(name) and after)
        ):
            assert key is not None
            field = key.group("name").strip()
            fixed = " " * (_key_column(before) + 2) + rest
            return Explained(
                index + 1,
                column + 1,
                _(
                    "the text below `{field}:` must be indented more than `{field}`",
                    field=_short(field, 40),
                ),
                _write(fixed),
            )
        if _FIELD_NAME.match(name):
            fixed = head + name + ":" + (" " + after if after else "")
            return Explained(
                index + 1,
                column + len(name) + 1,
                _("the field `{field}` has no colon after its name", field=_short(name, 40)),
                _write(fixed),
            )
        return Explained(
            index + 1,
            column + 1,
            _("the text `{text}` has no field name in front of it", text=_short(rest, 40)),
            _(
                "Write it as the value of a field, `name: text`, or indent it under the field "
                "it belongs to."
            ),
        )

    def dash_without_space(self, index: int, column: int) -> Explained:
        line = self.line(index)
        fixed = line[:column] + "- " + line[column + 1 :].lstrip()
        return Explained(
            index + 1,
            column + 1,
            _("there is no space after the `-` that starts the list item"),
            _write(fixed),
        )

    def space_after_colon(self, index: int, column: int, found: re.Match[str]) -> Explained:
        line = self.line(index)
        name = found.group("name")
        fixed = line[:column] + name + ": " + found.group("value")
        return Explained(
            index + 1,
            column + len(name) + 1,
            _("there is no space after the colon of `{field}`", field=_short(name, 40)),
            _write(fixed),
        )

    def missing_dash(self, index: int, column: int) -> Explained:
        line = self.line(index)
        rest = line[column:].rstrip()
        return Explained(
            index + 1,
            column + 1,
            _(
                "the list item `{text}` has no `- ` in front of it",
                text=_short(rest, 40),
            ),
            _write(line[:column] + "- " + rest),
        )

    def colon_in_text(self, at: tuple[int, int]) -> Explained | None:
        """``mapping values are not allowed here``: a `: ` where no field may start."""
        index, column = at
        line = self.line(index)
        key = _KEY.match(line)
        if key is not None and key.end() - 1 < column:  # a second `: ` on a field's line
            field = key.group("name").strip()
            start = self.value_of(line, _value_start(line, key.end()))
            value = line[key.end() :].strip()
            if start is None or not value:
                return None
            return Explained(
                index + 1,
                column + 1,
                _(
                    "{what} contains `: `, so it must be put in quotes",
                    what=self.what(field),
                ),
                _write(line[: key.end()] + " " + _quoted(value)),
            )
        above = self.previous(index)
        if not above:
            return None
        before = self.lines[above[0]]
        before_column = _key_column(before)
        no_space = _NO_SPACE.match(before[before_column:].rstrip())
        if no_space is not None:
            return self.space_after_colon(above[0], before_column, no_space)
        own = line[_key_column(line) : column].strip()
        sibling = self.previous_field(index)
        if sibling is None:
            return None
        sibling_line = self.lines[sibling]
        sibling_column = _key_column(sibling_line)
        sibling_key = _KEY.match(sibling_line)
        assert sibling_key is not None
        sibling_name = sibling_key.group("name").strip()
        if _FIELD_NAME.match(own) and sibling_column < _indent(line):
            return Explained(
                index + 1,
                _indent(line) + 1,
                _(
                    "the field `{field}` is indented more than `{other}` above it",
                    field=_short(own, 40),
                    other=_short(sibling_name, 40),
                ),
                _write(" " * sibling_column + line.strip()),
            )
        return Explained(
            index + 1,
            column + 1,
            _("{what} contains `: `, so it must be put in quotes", what=self.what(sibling_name)),
            _(
                'Put the whole text of `{field}` in quotes: start it with `"` after '
                '`{field}:` and end it with `"` after its last word.',
                field=_short(sibling_name, 40),
            ),
        )

    def no_field_here(self, at: tuple[int, int]) -> Explained | None:
        """``did not find expected key``: something at ``at`` where a field should start."""
        index, column = at
        line = self.line(index)
        before = line[:column].rstrip(" \t")
        if before and before[-1] in "'\"":
            return self.after_quote(index, len(before) - 1, column)
        if before and before[-1] in "]}":
            return self.after_bracket(index)
        if column != _indent(line):
            return None
        rest = line[column:].rstrip()
        if rest == "-" or rest.startswith("- "):
            return self.item_among_fields(index)
        key = _KEY.match(line)
        if key is None or not _FIELD_NAME.match(key.group("name").strip()):
            return None
        return self.misindented_field(index, self.previous_field(index))

    def after_quote(self, index: int, closing: int, column: int) -> Explained | None:
        """Text goes on after the quote at ``closing``: either the quoted text was opened on
        an earlier line and never closed there, or the value goes on after its quotes."""
        line = self.line(index)
        quote = line[closing]
        opening = line.rfind(quote, 0, closing)
        if opening < 0:  # opened on a line above, never closed there
            for number in range(index - 1, max(-1, index - 1 - LOOKBACK), -1):
                found = self.lines[number].rfind(quote)
                if found >= 0:
                    return self.unclosed_quote((number, found))
            return None
        start = self.value_of(line, opening)
        if start is None:
            return None
        field, value_column = start
        value = line[value_column:].rstrip()
        what = self.what(field)
        after = line[closing + 1 :]
        if quote == "'" and "'" in after:  # an apostrophe ended the text early
            inner = value[1:-1] if value.endswith("'") else value[1:]
            before = line[:closing]
            word_start = max(before.rfind(" "), before.rfind("\t")) + 1
            following = _WORD.match(after)
            word = before[word_start:] + "'" + (following.group() if following else "")
            return Explained(
                index + 1,
                closing + 1,
                _(
                    "the apostrophe in `{word}` ends the text that starts with `'`",
                    word=_short(word.lstrip("'"), 40),
                ),
                _(
                    "Put the text in double quotes instead: `{line}`",
                    line=_shown(line[:value_column] + _quoted(inner)),
                ),
            )
        return Explained(
            index + 1,
            column + 1,
            _("{what} goes on after its closing quote `{quote}`", what=what, quote=quote),
            _(
                "Put the whole value in quotes: `{line}`",
                line=_shown(line[:value_column] + _quoted(value)),
            ),
        )

    def after_bracket(self, index: int) -> Explained | None:
        line = self.line(index)
        key = _KEY.match(line)
        value_column = _value_start(line, key.end()) if key is not None else _key_column(line)
        start = self.value_of(line, value_column)
        opening = line[value_column : value_column + 1]
        if start is None or opening not in _CLOSING:
            return None
        value = line[value_column:].rstrip()
        return Explained(
            index + 1,
            value_column + 1,
            _(
                "{what} starts with `{opening}`, but text follows after the closing `{closing}`",
                what=self.what(start[0]),
                opening=opening,
                closing=_CLOSING[opening],
            ),
            _(
                "For a text, put it in quotes: `{line}`; for a list, put all its items inside "
                "the brackets, separated by commas.",
                line=_shown(line[:value_column] + _quoted(value)),
            ),
        )

    def item_among_fields(self, index: int) -> Explained:
        """A line starting with `-` where the fields of a mapping go on."""
        line = self.line(index)
        indent = _indent(line)
        list_indent = None
        for number in self.previous(index):
            above = self.lines[number]
            if _indent(above) <= indent:
                break
            if above.lstrip().startswith("- ") and (
                list_indent is None or _indent(above) < list_indent
            ):
                list_indent = _indent(above)
        rest = line.strip()
        if list_indent is not None:
            return Explained(
                index + 1,
                indent + 1,
                _("the list item is indented less than the items above it"),
                _write(" " * list_indent + rest),
            )
        if rest == "-":
            return Explained(
                index + 1,
                indent + 1,
                _("a lone `-` stands where a field should be"),
                _("Remove the line."),
            )
        inner = rest[1:].lstrip()
        key = _KEY.match(inner)
        if key is not None:
            field = key.group("name").strip()
            return Explained(
                index + 1,
                indent + 1,
                _(
                    "the field `{field}` has a `- ` in front of it, but the fields around it "
                    "have not",
                    field=_short(field, 40),
                ),
                _write(" " * indent + inner),
            )
        return Explained(
            index + 1,
            indent + 1,
            _("a list item stands where a field should be"),
            _("Indent the item under the field whose list it belongs to, or remove the `- `."),
        )

    def misindented_field(self, index: int, sibling: int | None) -> Explained | None:
        line = self.line(index)
        indent = _indent(line)
        key = _KEY.match(line)
        if sibling is None or key is None:
            return None
        sibling_line = self.lines[sibling]
        sibling_column = _key_column(sibling_line)
        sibling_key = _KEY.match(sibling_line)
        if sibling_column == indent or sibling_key is None:
            return None
        field = key.group("name").strip()
        other = sibling_key.group("name").strip()
        if sibling_column > indent:
            message = _(
                "the field `{field}` is indented less than `{other}` above it",
                field=_short(field, 40),
                other=_short(other, 40),
            )
        else:
            message = _(
                "the field `{field}` is indented more than `{other}` above it",
                field=_short(field, 40),
                other=_short(other, 40),
            )
        return Explained(
            index + 1, indent + 1, message, _write(" " * sibling_column + line.strip())
        )

    def not_an_item(self, at: tuple[int, int], list_column: int) -> Explained | None:
        """``did not find expected '-' indicator``: the line at ``at`` should be an item of the
        list whose dashes are in ``list_column``."""
        index = at[0]
        line = self.line(index)
        indent = _indent(line)
        rest = line.strip()
        if rest.startswith("-") and len(rest) > 1 and rest[1] not in " \t-":
            return self.dash_without_space(index, indent)
        if rest == "-" or rest.startswith("- "):
            if indent > list_column:
                message = _("the list item is indented more than the items above it")
            else:
                message = _("the list item is indented less than the items above it")
            return Explained(index + 1, indent + 1, message, _write(" " * list_column + rest))
        key = _KEY.match(line)
        if key is None:
            return self.missing_dash(index, indent) if indent == list_column else None
        field = key.group("name").strip()
        if indent == list_column and self.in_current_item(index, list_column, field):
            return self.missing_dash(index, indent)
        return self.misindented_field(index, self.previous_field(index))

    def in_current_item(self, index: int, list_column: int, field: str) -> bool:
        """Whether the list item above ``index`` (dashes in ``list_column``) already has
        ``field``: then the line starts a new item."""
        if field == "id":
            return True
        for number in self.previous(index):
            above = self.lines[number]
            key = _KEY.match(above)
            if key is not None and key.group("name").strip() == field:
                return True
            if _indent(above) <= list_column:
                return False
        return False


def _value_start(line: str, after_colon: int) -> int:
    start = after_colon
    while start < len(line) and line[start] in " \t":
        start += 1
    return start
