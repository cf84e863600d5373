"""YAML mistakes in plain words: what a person typing in a web editor gets wrong in a process
file, reported at the line of the mistake with the line written right, in English and Swedish,
and nowhere else in the repository."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CliResult

from processkit import i18n
from processkit.loading import yamlhints
from processkit.loading.yamlfile import read_yaml

MakeRepo = Callable[[dict[str, str | bytes]], Path]
Cli = Callable[..., CliResult]

BROKEN = "processes/utreda.yaml"
PROCESS = """\
kind: process
id: utreda
name: Utreda barns behov
area: barn
type: core
status: approved
version: "2.1"
owner: anna
leaders: [erik]
purpose: Att barnets behov blir belyst.
inputs:
  - Anmälan
  - Förhandsbedömning
activities:
  - id: planera
    name: Planera utredningen
    role: ss
    next: [besluta]
  - id: besluta
    name: Besluta
    role: ss
interfaces:
  - process: besluta
    direction: out
    description: Beslut om insats
approved: {date: 2026-02-01, by: Socialnämnden}
review_date: 2027-02-01
"""
OTHER_PROCESS = """\
kind: process
id: besluta
name: Besluta om insats
area: barn
type: core
status: approved
owner: anna
leaders: [erik]
purpose: Att beslut fattas i tid.
activities:
  - id: besluta
    name: Besluta
    role: ss
interfaces:
  - process: utreda
    direction: in
    description: Utredning
approved: {date: 2026-02-01, by: Socialnämnden}
review_date: 2027-02-01
"""
FILES: dict[str, str | bytes] = {
    "areas/barn.yaml": "kind: area\nid: barn\nname: Barn och unga\nowner: anna\n",
    "people/anna.yaml": "kind: person\nid: anna\nname: Anna Nilsson\n",
    "people/erik.yaml": "kind: person\nid: erik\nname: Erik Åberg\n",
    "roles/ss.yaml": "kind: role\nid: ss\nname: Socialsekreterare\ncategory: operational\n",
    "processes/besluta.yaml": OTHER_PROCESS,
}
#: Words of the parser that no message or hint may use, in either language.
PARSER_WORDS = re.compile(
    r"mapping|scalar|block|sequence|indicator|while parsing|token|node|document|flow|anchor|"
    r"alias",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mistake:
    name: str
    written: str
    mistyped: str
    at: tuple[int, int]
    message: str
    hint: str
    swedish: str
    swedish_hint: str


NO_BREAK = (
    "the line has a no-break space (often pasted from a web page or a word processor), which "
    "does not count as a space here"
)
NO_BREAK_SV = (
    "raden har ett hårt mellanslag (ofta inklistrat från en webbsida eller ett "
    "ordbehandlingsprogram), som inte räknas som mellanslag här"
)

MISTAKES = [
    Mistake(
        "missing colon",
        "owner: anna",
        "owner anna",
        (8, 6),
        "the field `owner` has no colon after its name",
        "Write the line like this: `owner: anna`",
        "fältet `owner` saknar kolon efter namnet",
        "Skriv raden så här: `owner: anna`",
    ),
    Mistake(
        "missing colon in an activity",
        "    name: Planera utredningen",
        "    name Planera utredningen",
        (16, 9),
        "the field `name` has no colon after its name",
        "Write the line like this: `    name: Planera utredningen`",
        "fältet `name` saknar kolon efter namnet",
        "Skriv raden så här: `    name: Planera utredningen`",
    ),
    Mistake(
        "missing colon on the last line",
        "review_date: 2027-02-01",
        "review_date 2027-02-01",
        (27, 12),
        "the field `review_date` has no colon after its name",
        "Write the line like this: `review_date: 2027-02-01`",
        "fältet `review_date` saknar kolon efter namnet",
        "Skriv raden så här: `review_date: 2027-02-01`",
    ),
    Mistake(
        "no space after the colon",
        "owner: anna",
        "owner:anna",
        (8, 6),
        "there is no space after the colon of `owner`",
        "Write the line like this: `owner: anna`",
        "det saknas mellanslag efter kolonet i `owner`",
        "Skriv raden så här: `owner: anna`",
    ),
    Mistake(
        "no space after the colon in a list item",
        "  - id: besluta",
        "  - id:besluta",
        (19, 7),
        "there is no space after the colon of `id`",
        "Write the line like this: `  - id: besluta`",
        "det saknas mellanslag efter kolonet i `id`",
        "Skriv raden så här: `  - id: besluta`",
    ),
    Mistake(
        "field indented too far",
        "    role: ss\n    next",
        "      role: ss\n    next",
        (17, 7),
        "the field `role` is indented more than `name` above it",
        "Write the line like this: `    role: ss`",
        "fältet `role` har större indrag än `name` ovanför",
        "Skriv raden så här: `    role: ss`",
    ),
    Mistake(
        "field indented too little",
        "    role: ss\n    next",
        "   role: ss\n    next",
        (17, 4),
        "the field `role` is indented less than `name` above it",
        "Write the line like this: `    role: ss`",
        "fältet `role` har mindre indrag än `name` ovanför",
        "Skriv raden så här: `    role: ss`",
    ),
    Mistake(
        "top-level field indented",
        "owner: anna",
        " owner: anna",
        (8, 2),
        "the field `owner` is indented more than `version` above it",
        "Write the line like this: `owner: anna`",
        "fältet `owner` har större indrag än `version` ovanför",
        "Skriv raden så här: `owner: anna`",
    ),
    Mistake(
        "list item indented too little",
        "  - Förhandsbedömning",
        "- Förhandsbedömning",
        (13, 1),
        "the list item is indented less than the items above it",
        "Write the line like this: `  - Förhandsbedömning`",
        "punkten i listan har mindre indrag än punkterna ovanför",
        "Skriv raden så här: `  - Förhandsbedömning`",
    ),
    Mistake(
        "list item indented too far",
        "  - id: besluta",
        "   - id: besluta",
        (19, 4),
        "the list item is indented more than the items above it",
        "Write the line like this: `  - id: besluta`",
        "punkten i listan har större indrag än punkterna ovanför",
        "Skriv raden så här: `  - id: besluta`",
    ),
    Mistake(
        "tab for indentation",
        "    role: ss\n    next",
        "\trole: ss\n    next",
        (17, 1),
        "a tab character is used for indentation",
        "Indent with spaces only; write the line like this: `    role: ss`",
        "raden har ett tabbtecken som indrag",
        "Använd bara mellanslag som indrag; skriv raden så här: `    role: ss`",
    ),
    Mistake(
        "tab before a list item",
        "  - Anmälan",
        "\t- Anmälan",
        (12, 1),
        "a tab character is used for indentation",
        "Indent with spaces only; write the line like this: `  - Anmälan`",
        "raden har ett tabbtecken som indrag",
        "Använd bara mellanslag som indrag; skriv raden så här: `  - Anmälan`",
    ),
    Mistake(
        "unclosed quote closed by a later quote",
        "name: Utreda barns behov",
        'name: "Utreda barns behov',
        (3, 7),
        'the text starts with the quote `"` but is never closed with another `"`',
        'End the text with `"` on the same line: `name: "Utreda barns behov"`',
        'texten börjar med citattecknet `"` men avslutas aldrig med ett `"`',
        'Avsluta texten med `"` på samma rad: `name: "Utreda barns behov"`',
    ),
    Mistake(
        "unclosed double quote at the end",
        "    description: Beslut om insats",
        '    description: "Beslut om insats',
        (25, 18),
        'the text starts with the quote `"` but is never closed with another `"`',
        'End the text with `"` on the same line: `    description: "Beslut om insats"`',
        'texten börjar med citattecknet `"` men avslutas aldrig med ett `"`',
        'Avsluta texten med `"` på samma rad: `    description: "Beslut om insats"`',
    ),
    Mistake(
        "unclosed single quote",
        "    name: Besluta",
        "    name: 'Besluta",
        (20, 11),
        "the text starts with the quote `'` but is never closed with another `'`",
        "End the text with `'` on the same line: `    name: 'Besluta'`",
        "texten börjar med citattecknet `'` men avslutas aldrig med ett `'`",
        "Avsluta texten med `'` på samma rad: `    name: 'Besluta'`",
    ),
    Mistake(
        "apostrophe inside single quotes",
        "purpose: Att barnets behov blir belyst.",
        "purpose: 'Att barnets behov blir belyst, barn's rätt'",
        (10, 46),
        "the apostrophe in `barn's` ends the text that starts with `'`",
        (
            'Put the text in double quotes instead: `purpose: "Att barnets behov '
            "blir belyst, barn's rätt\"`"
        ),
        "apostrofen i `barn's` avslutar texten som börjar med `'`",
        (
            'Sätt texten inom dubbla citattecken i stället: `purpose: "Att barnets '
            "behov blir belyst, barn's rätt\"`"
        ),
    ),
    Mistake(
        "text after the closing quote",
        "name: Utreda barns behov",
        'name: "Utreda" barns behov',
        (3, 16),
        'the value of `name` goes on after its closing quote `"`',
        "Put the whole value in quotes: `name: '\"Utreda\" barns behov'`",
        'värdet i `name` fortsätter efter det avslutande citattecknet `"`',
        "Sätt hela värdet inom citattecken: `name: '\"Utreda\" barns behov'`",
    ),
    Mistake(
        "list item without its dash",
        "  - Förhandsbedömning",
        "  Förhandsbedömning",
        (13, 3),
        "the list item `Förhandsbedömning` has no `- ` in front of it",
        "Write the line like this: `  - Förhandsbedömning`",
        "punkten `Förhandsbedömning` i listan saknar `- ` framför sig",
        "Skriv raden så här: `  - Förhandsbedömning`",
    ),
    Mistake(
        "activity without its dash",
        "  - id: besluta",
        "  id: besluta",
        (19, 3),
        "the list item `id: besluta` has no `- ` in front of it",
        "Write the line like this: `  - id: besluta`",
        "punkten `id: besluta` i listan saknar `- ` framför sig",
        "Skriv raden så här: `  - id: besluta`",
    ),
    Mistake(
        "dash without a space",
        "  - Förhandsbedömning",
        "  -Förhandsbedömning",
        (13, 3),
        "there is no space after the `-` that starts the list item",
        "Write the line like this: `  - Förhandsbedömning`",
        "det saknas mellanslag efter `-` i början av punkten i listan",
        "Skriv raden så här: `  - Förhandsbedömning`",
    ),
    Mistake(
        "colon and space in a text",
        "purpose: Att barnets",
        "purpose: Syfte: Att barnets",
        (10, 15),
        "the value of `purpose` contains `: `, so it must be put in quotes",
        'Write the line like this: `purpose: "Syfte: Att barnets behov blir belyst."`',
        "värdet i `purpose` innehåller `: ` och måste därför stå inom citattecken",
        'Skriv raden så här: `purpose: "Syfte: Att barnets behov blir belyst."`',
    ),
    Mistake(
        "value starting with @",
        "owner: anna",
        "owner: @anna",
        (8, 8),
        "the value of `owner` starts with `@`, which YAML keeps for special use",
        'Put the value in quotes: `owner: "@anna"`',
        "värdet i `owner` börjar med `@`, som har en särskild betydelse i YAML",
        'Sätt värdet inom citattecken: `owner: "@anna"`',
    ),
    Mistake(
        "value starting with a backtick",
        "purpose: Att barnets behov blir belyst.",
        "purpose: `Att` barnets behov",
        (10, 10),
        "the value of `purpose` starts with a backtick (`), which YAML keeps for special use",
        'Put the value in quotes: `purpose: "`Att` barnets behov"`',
        "värdet i `purpose` börjar med en grav accent (`), som har en särskild betydelse i YAML",
        'Sätt värdet inom citattecken: `purpose: "`Att` barnets behov"`',
    ),
    Mistake(
        "value starting with %",
        "purpose: Att",
        "purpose: %Att",
        (10, 10),
        "the value of `purpose` starts with `%`, which YAML keeps for special use",
        'Put the value in quotes: `purpose: "%Att barnets behov blir belyst."`',
        "värdet i `purpose` börjar med `%`, som har en särskild betydelse i YAML",
        'Sätt värdet inom citattecken: `purpose: "%Att barnets behov blir belyst."`',
    ),
    Mistake(
        "value starting with *",
        "purpose: Att",
        "purpose: *Viktigt* Att",
        (10, 10),
        (
            "the value of `purpose` starts with `*`, which YAML reads as a "
            "reference to another place in the file"
        ),
        'Put the value in quotes: `purpose: "*Viktigt* Att barnets behov blir belyst."`',
        (
            "värdet i `purpose` börjar med `*`, som YAML läser som en hänvisning "
            "till ett annat ställe i filen"
        ),
        'Sätt värdet inom citattecken: `purpose: "*Viktigt* Att barnets behov blir belyst."`',
    ),
    Mistake(
        "value starting with &",
        "purpose: Att",
        "purpose: & Att",
        (10, 10),
        "the value of `purpose` starts with `&`, which YAML keeps for special use",
        'Put the value in quotes: `purpose: "& Att barnets behov blir belyst."`',
        "värdet i `purpose` börjar med `&`, som har en särskild betydelse i YAML",
        'Sätt värdet inom citattecken: `purpose: "& Att barnets behov blir belyst."`',
    ),
    Mistake(
        "value starting with |",
        "purpose: Att",
        "purpose: | Att",
        (10, 10),
        (
            "the value of `purpose` starts with `|`, which means that the text "
            "follows on the lines below"
        ),
        (
            'Put the value in quotes: `purpose: "| Att barnets behov blir '
            'belyst."`; or end the line after `|` and write the text on the lines '
            "below, indented."
        ),
        "värdet i `purpose` börjar med `|`, som betyder att texten står på raderna under",
        (
            'Sätt värdet inom citattecken: `purpose: "| Att barnets behov blir '
            'belyst."`; eller avsluta raden efter `|` och skriv texten på raderna '
            "under, med indrag."
        ),
    ),
    Mistake(
        "value starting with >",
        "purpose: Att",
        "purpose: > Att",
        (10, 10),
        (
            "the value of `purpose` starts with `>`, which means that the text "
            "follows on the lines below"
        ),
        (
            'Put the value in quotes: `purpose: "> Att barnets behov blir '
            'belyst."`; or end the line after `>` and write the text on the lines '
            "below, indented."
        ),
        "värdet i `purpose` börjar med `>`, som betyder att texten står på raderna under",
        (
            'Sätt värdet inom citattecken: `purpose: "> Att barnets behov blir '
            'belyst."`; eller avsluta raden efter `>` och skriv texten på raderna '
            "under, med indrag."
        ),
    ),
    Mistake(
        "unclosed [",
        "leaders: [erik]",
        "leaders: [erik",
        (9, 10),
        "the value of `leaders` starts with `[` but has no closing `]`",
        "Close the list on the same line, separating its items with commas: `leaders: [erik]`",
        "värdet i `leaders` börjar med `[` men saknar ett avslutande `]`",
        "Avsluta listan på samma rad och skilj punkterna åt med kommatecken: `leaders: [erik]`",
    ),
    Mistake(
        "unclosed {",
        "leaders: [erik]",
        "leaders: {erik",
        (9, 10),
        "the value of `leaders` starts with `{` but has no closing `}`",
        (
            "A list is written in square brackets: `leaders: [erik]`; a text that "
            "starts with `{` is put in quotes."
        ),
        "värdet i `leaders` börjar med `{` men saknar ett avslutande `}`",
        (
            "En lista skrivs inom hakparenteser: `leaders: [erik]`; en text som "
            "börjar med `{` sätts inom citattecken."
        ),
    ),
    Mistake(
        "text after a closing ]",
        "purpose: Att",
        "purpose: [Utkast] Att",
        (10, 10),
        "the value of `purpose` starts with `[`, but text follows after the closing `]`",
        (
            'For a text, put it in quotes: `purpose: "[Utkast] Att barnets behov '
            'blir belyst."`; for a list, put all its items inside the brackets, '
            "separated by commas."
        ),
        "värdet i `purpose` börjar med `[`, men det står text efter det avslutande `]`",
        (
            'Om det är en text, sätt den inom citattecken: `purpose: "[Utkast] Att '
            'barnets behov blir belyst."`; om det är en lista, skriv alla punkter '
            "inom parenteserna, åtskilda med kommatecken."
        ),
    ),
    Mistake(
        "a lone dash",
        "owner: anna\n",
        "owner: anna\n-\n",
        (9, 1),
        "a lone `-` stands where a field should be",
        "Remove the line.",
        "ett ensamt `-` står där ett fält ska stå",
        "Ta bort raden.",
    ),
    Mistake(
        "a field with a dash",
        "owner: anna",
        "- owner: anna",
        (8, 1),
        "the field `owner` has a `- ` in front of it, but the fields around it have not",
        "Write the line like this: `owner: anna`",
        "fältet `owner` har `- ` framför sig, men det har inte fälten runt omkring",
        "Skriv raden så här: `owner: anna`",
    ),
    Mistake(
        "text below a field not indented",
        "purpose: Att barnets behov blir belyst.",
        "purpose: |\nAtt barnets behov blir belyst.",
        (11, 1),
        "the text below `purpose:` must be indented more than `purpose`",
        "Write the line like this: `  Att barnets behov blir belyst.`",
        "texten under `purpose:` måste ha större indrag än `purpose`",
        "Skriv raden så här: `  Att barnets behov blir belyst.`",
    ),
    Mistake(
        "a list item as a value",
        "owner: anna",
        "owner: - anna",
        (8, 8),
        "the value of `owner` starts with `- `, but a list item must stand on a line of its own",
        (
            "Write each list item on its own line below, indented, starting with "
            '`- `; or, for a text, put it in quotes: `owner: "- anna"`'
        ),
        "värdet i `owner` börjar med `- `, men en punkt i en lista måste stå på en egen rad",
        (
            "Skriv varje punkt i listan på en egen rad under, med indrag och `- ` "
            "först; eller, om det är en text, sätt den inom citattecken: `owner: "
            '"- anna"`'
        ),
    ),
    Mistake(
        "nested field indented too little",
        "approved: {date: 2026-02-01, by: Socialnämnden}",
        "approved:\n  date: 2026-02-01\n by: Socialnämnden",
        (28, 2),
        "the field `by` is indented less than `date` above it",
        "Write the line like this: `  by: Socialnämnden`",
        "fältet `by` har mindre indrag än `date` ovanför",
        "Skriv raden så här: `  by: Socialnämnden`",
    ),
    Mistake(
        "no-break space in the indentation",
        "    role: ss\n    next",
        "\u00a0\u00a0\u00a0\u00a0role: ss\n    next",
        (17, 1),
        NO_BREAK,
        "Write the line with ordinary spaces: `    role: ss`",
        NO_BREAK_SV,
        "Skriv raden med vanliga mellanslag: `    role: ss`",
    ),
    Mistake(
        "no-break space after the colon",
        "owner: anna",
        "owner:\u00a0anna",
        (8, 7),
        NO_BREAK,
        "Write the line with ordinary spaces: `owner: anna`",
        NO_BREAK_SV,
        "Skriv raden med vanliga mellanslag: `owner: anna`",
    ),
]


def _place(diagnostic: dict[str, Any]) -> tuple[str, str, int, int]:
    return (diagnostic["code"], diagnostic["path"], diagnostic["line"], diagnostic["column"])


def _validate(cli: Cli, root: Path, *lang: str) -> list[dict[str, Any]]:
    result = cli("validate", root, "--format", "json", *lang)
    assert result.code == 1, result.err
    diagnostics: list[dict[str, Any]] = result.json()["diagnostics"]
    return diagnostics


def test_the_process_file_is_valid_as_written(make_repo: MakeRepo, cli: Cli) -> None:
    result = cli("validate", make_repo({**FILES, BROKEN: PROCESS}), "--format", "json")
    assert result.json()["summary"]["errors"] == 0


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_a_mistake_is_told_in_plain_words_at_its_line(
    mistake: Mistake, make_repo: MakeRepo, cli: Cli
) -> None:
    assert PROCESS.count(mistake.written) >= 1
    baseline = cli("validate", make_repo({**FILES, BROKEN: PROCESS}), "--format", "json")
    elsewhere_before = [_place(d) for d in baseline.json()["diagnostics"] if d["path"] != BROKEN]
    root = make_repo({**FILES, BROKEN: PROCESS.replace(mistake.written, mistake.mistyped, 1)})
    line, column = mistake.at
    for lang, message, hint in (
        ((), mistake.message, mistake.hint),
        (("--lang", "sv"), mistake.swedish, mistake.swedish_hint),
    ):
        diagnostics = _validate(cli, root, *lang)
        in_file = [d for d in diagnostics if d["path"] == BROKEN]
        assert in_file == [
            {
                "code": "PK002",
                "severity": "error",
                "message": message,
                "path": BROKEN,
                "line": line,
                "column": column,
                "hint": hint,
            }
        ]
        # The unreadable file's id is still known: the other process's reference to it is not
        # reported, and nothing else in the repository changes.
        elsewhere = [_place(d) for d in diagnostics if d["path"] != BROKEN]
        assert elsewhere == elsewhere_before
        assert not PARSER_WORDS.search(message + " " + hint)


def test_the_line_shown_in_a_hint_is_read_without_a_mistake() -> None:
    """Where a hint shows the line written right, putting it in the file reads cleanly."""
    checked = 0
    for mistake in MISTAKES:
        found = re.search(r": `(.*)`(?:;|$)", mistake.hint)
        if found is None:
            continue
        lines = PROCESS.replace(mistake.written, mistake.mistyped, 1).split("\n")
        lines[mistake.at[0] - 1] = found.group(1)
        parsed = read_yaml(BROKEN, "\n".join(lines).encode())
        assert [d.code for d in parsed.diagnostics if d.code == "PK002"] == [], mistake.name
        checked += 1
    assert checked >= 30


def test_the_fallback_names_line_and_column() -> None:
    from processkit.loading.yamlhints import Reported, explain

    found = explain("a: b\nc: d\n", Reported("something new", "", (1, 2), None))
    assert (found.line, found.column) == (2, 3)
    assert found.message == "processkit cannot read line 2 from column 3"
    assert found.hint == (
        "Compare the line with the lines around it: each field is written `name: value`, the "
        "fields of one level start in the same column, and each list item starts with `- `."
    )
    with i18n.speaking("sv"):
        found = explain("a: b\n", Reported("something new", "", (5, 0), None))
    assert (found.line, found.column, found.message) == (
        1,
        5,
        "processkit kan inte läsa rad 1 från kolumn 5",
    )


def test_random_edits_never_crash_nor_speak_the_parsers_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Characters typed, deleted or doubled anywhere in the process file: every syntax error
    is a diagnostic in plain words, never a traceback, and no guess about the text fails."""
    monkeypatch.setattr(yamlhints, "GUARDED", ())
    told = 0
    chance = random.Random(11)
    alphabet = [
        " ",
        "  ",
        "\t",
        ":",
        "-",
        "- ",
        '"',
        "'",
        "[",
        "]",
        "{",
        "}",
        "#",
        "|",
        ">",
        "*",
        "&",
        "!",
        "%",
        "@",
        "`",
        "?",
        ",",
        "\n",
        "x",
        "å",
    ]
    for _round in range(600):
        text = PROCESS
        for _edit in range(chance.randint(1, 3)):
            at = chance.randrange(len(text))
            kind = chance.random()
            if kind < 0.4:
                text = text[:at] + chance.choice(alphabet) + text[at:]
            elif kind < 0.8:
                text = text[:at] + text[at + chance.randint(1, 3) :]
            else:
                text = text[:at] + text[at : at + 4] + text[at:]
        for lang in ("en", "sv"):
            with i18n.speaking(lang):
                parsed = read_yaml(BROKEN, text.encode())
            for diagnostic in parsed.diagnostics:
                if diagnostic.code == "PK002":
                    words = diagnostic.message + " " + (diagnostic.hint or "")
                    assert not PARSER_WORDS.search(words), (text, words)
                    assert diagnostic.line >= 1 and diagnostic.column >= 1, text
                    told += 1
    assert told > 500


@pytest.mark.parametrize(
    "text",
    [
        # a mistake after a long run of list items: only the lines near it are read
        "kind: area\nid: x\nname: X\ncustomers:\n" + "  - a\n" * 200_000 + "- b\n",
        # one very long line, in each shape of mistake that reads along its line
        "kind: area\nid: x\nname: 'a" + "b" * 2_000_000 + "'c d'\n",
        "kind: area\nid: x\nname: a" + ": b" * 500_000 + "\n",
        "kind: area\nid: x\nname: " + "- " * 500_000 + "\n",
        "kind: area\nid: x\n" + "x" * 2_000_000 + " y\n",
        "kind: area\nid: x\nname: [" + "a, " * 500_000 + "\n",
    ],
    ids=["many-lines", "apostrophe", "colons", "dashes", "no-colon", "unclosed-list"],
)
def test_telling_a_mistake_costs_no_more_than_reading_the_file(text: str) -> None:
    started = time.perf_counter()
    [found] = read_yaml(BROKEN, text.encode()).diagnostics
    assert found.code == "PK002"
    assert time.perf_counter() - started < 10
