"""What loading a repository says, in Swedish and in English: every loader code (PK001,
PK005, PK010-PK012, PK020, PK030, PK031), processkit.yaml's errors and the one-line errors of
opening a repository, word for word, with code, path, line and column.

(PK002-PK004, the YAML reader's, are told by ``loading/yamlfile.py`` and tested with it.)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import MINIMAL_CONFIG, CliResult, loader_diagnostics
from tests.small_repo import AREA, BASE, PROCESS

from processkit import i18n
from processkit.diagnostics import OR, named_ids
from processkit.errors import ConfigError
from processkit.loading.load import load_config
from processkit.loading.model_errors import _wrong_value, meant_date
from processkit.model.config import Config

Cli = Callable[..., CliResult]
MakeRepo = Callable[[dict[str, str | bytes]], Path]
#: code, path, line, column, message, hint
Said = tuple[str, str, int, int, str, str | None]

KINDS = "`area`, `process`, `role`, `person`, `handbook`, `proposal`, `assessment`"
ID_RULE_SV = (
    "Ett id får bara innehålla små bokstäver a-z (inte å, ä, ö), siffror och - _ . (högst 64 "
    "tecken) och ska börja med en bokstav eller siffra, till exempel "
)
ID_RULE_EN = (
    "An id uses only lower-case letters a-z, digits and - _ . (at most 64), starting with a "
    "letter or digit, for example "
)
X_KEYS_SV = "Vill du behålla egna uppgifter, låt fältnamnet börja med `x-` (till exempel `x-{}`)."
X_KEYS_EN = "To keep your own data, start the key with `x-` (for example `x-{}`)."
MEANT_SV = "Skriv datumet som ÅÅÅÅ-MM-DD: menade du 2026-01-05?"
MEANT_EN = "Write the date as YYYY-MM-DD: did you mean 2026-01-05?"
DATE_SV = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-02-01."
DATE_EN = "Write the date as YYYY-MM-DD, for example 2026-02-01."
RISK = PROCESS + "risks:\n  - description: Risk\n    likelihood: {}\n"

#: name -> files, what is said in Swedish, what is said in English
CASES: dict[str, tuple[dict[str, str | bytes], list[Said], list[Said]]] = {
    "PK005 kind missing": (
        {"p.yaml": "\nid: x\nname: X\n"},
        [
            (
                "PK005",
                "p.yaml",
                2,
                1,
                "`kind` saknas: processkit kan inte avgöra vad filen beskriver",
                f"Lägg till `kind:` på första raden, med ett av värdena {KINDS}.",
            )
        ],
        [
            (
                "PK005",
                "p.yaml",
                2,
                1,
                "`kind` is missing: processkit cannot tell what this file is",
                f"Add `kind:` as the first line, one of {KINDS}.",
            )
        ],
    ),
    "PK005 kind misspelt": (
        {"p.yaml": "id: x\nkind: proces\n"},
        [
            (
                "PK005",
                "p.yaml",
                2,
                7,
                "`proces` är inget värde för `kind` som processkit känner till; menade du "
                "`process`?",
                f"`kind` ska ha ett av värdena {KINDS}.",
            )
        ],
        [
            (
                "PK005",
                "p.yaml",
                2,
                7,
                "`proces` is not a kind processkit knows; did you mean `process`?",
                f"`kind` is one of {KINDS}.",
            )
        ],
    ),
    "PK005 kind unknown": (
        {"p.yaml": "id: x\nkind: rutinbeskrivning\n"},
        [
            (
                "PK005",
                "p.yaml",
                2,
                7,
                "`rutinbeskrivning` är inget värde för `kind` som processkit känner till",
                f"`kind` ska ha ett av värdena {KINDS}.",
            )
        ],
        [
            (
                "PK005",
                "p.yaml",
                2,
                7,
                "`rutinbeskrivning` is not a kind processkit knows",
                f"`kind` is one of {KINDS}.",
            )
        ],
    ),
    "PK010 missing": (
        {"p.yaml": "kind: area\nid: x\n"},
        [
            (
                "PK010",
                "p.yaml",
                1,
                1,
                "`name` saknas: fältet måste finnas i ett leveransområde",
                "Lägg till en rad `name: …`.",
            )
        ],
        [
            (
                "PK010",
                "p.yaml",
                1,
                1,
                "`name` is missing: a delivery area needs it",
                "Add a line `name: …`. Namn: the area's name, e.g. Barn och unga.",
            )
        ],
    ),
    "PK010 missing in an activity": (
        {"p.yaml": PROCESS.replace("    name: Besluta\n", "")},
        [
            (
                "PK010",
                "p.yaml",
                13,
                5,
                "`name` saknas: fältet måste finnas i en aktivitet",
                "Lägg till en rad `name: …`.",
            )
        ],
        [
            (
                "PK010",
                "p.yaml",
                13,
                5,
                "`name` is missing: an activity needs it",
                "Add a line `name: …`. Namn: what is done, e.g. Planera utredningen.",
            )
        ],
    ),
    "PK010 no value": (
        {"p.yaml": "kind: area\nid: x\nname:\n"},
        [
            (
                "PK010",
                "p.yaml",
                3,
                6,
                "`name` saknar värde",
                "Skriv ett värde efter kolonet, eller ta bort raden.",
            )
        ],
        [
            (
                "PK010",
                "p.yaml",
                3,
                6,
                "`name` has no value",
                "Write a value after the colon, or remove the line. Namn: the area's name, "
                "e.g. Barn och unga.",
            )
        ],
    ),
    "PK011 one of": (
        {"p.yaml": PROCESS.replace("type: core", "type: huvudprocess")},
        [
            (
                "PK011",
                "p.yaml",
                5,
                7,
                "`type` måste vara `management`, `core` eller `support`, men är `huvudprocess`",
                "Menade du `core`?",
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                5,
                7,
                "`type` must be one of `management`, `core` or `support`, found `huvudprocess`",
                "Did you mean `core`?",
            )
        ],
    ),
    "PK011 date day before month": (
        {"p.yaml": PROCESS + "review_date: 5/1 2026\n"},
        [
            (
                "PK011",
                "p.yaml",
                16,
                14,
                "`review_date` ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men är `5/1 2026`",
                MEANT_SV,
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                16,
                14,
                "`review_date`: expected a date written YYYY-MM-DD, found `5/1 2026`",
                MEANT_EN,
            )
        ],
    ),
    "PK011 date without zeros": (
        {"p.yaml": PROCESS + "review_date: 2026-1-5\n"},
        [
            (
                "PK011",
                "p.yaml",
                16,
                14,
                "`review_date` ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men är `2026-1-5`",
                MEANT_SV,
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                16,
                14,
                "`review_date`: expected a date written YYYY-MM-DD, found `2026-1-5`",
                MEANT_EN,
            )
        ],
    ),
    "PK011 date in words": (
        {"p.yaml": PROCESS + "review_date: 5 januari 2026\n"},
        [
            (
                "PK011",
                "p.yaml",
                16,
                14,
                "`review_date` ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men är `5 januari 2026`",
                MEANT_SV,
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                16,
                14,
                "`review_date`: expected a date written YYYY-MM-DD, found `5 januari 2026`",
                MEANT_EN,
            )
        ],
    ),
    "PK011 no date": (
        {"p.yaml": PROCESS + "review_date: nästa vår\n"},
        [
            (
                "PK011",
                "p.yaml",
                16,
                14,
                "`review_date` ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men är `nästa vår`",
                DATE_SV,
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                16,
                14,
                "`review_date`: expected a date written YYYY-MM-DD, found `nästa vår`",
                DATE_EN,
            )
        ],
    ),
    "PK011 date not in the calendar": (
        {"p.yaml": PROCESS + "review_date: 2026-02-30\n"},
        [
            (
                "PK011",
                "p.yaml",
                16,
                14,
                "`review_date`: datumet `2026-02-30` finns inte",
                DATE_SV,
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                16,
                14,
                "`review_date`: `2026-02-30` is not a real date",
                DATE_EN,
            )
        ],
    ),
    "PK011 unlikely year": (
        {"p.yaml": PROCESS + "review_date: 1026-02-01\n"},
        [
            (
                "PK011",
                "p.yaml",
                16,
                14,
                "`review_date`: `1026-02-01` är inte ett rimligt datum: processkit tar emot "
                "årtal från 1900 till 2199",
                "Kontrollera årtalet, det är troligen felskrivet; skriv datumet som ÅÅÅÅ-MM-DD, "
                "till exempel 2026-02-01.",
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                16,
                14,
                "`review_date`: `1026-02-01` is not a likely date: processkit takes years from "
                "1900 to 2199",
                "Check the year, it is probably mistyped; write the date as YYYY-MM-DD, for "
                "example 2026-02-01.",
            )
        ],
    ),
    "PK011 id": (
        {"p.yaml": "kind: area\nid: Barn och unga\nname: X\n"},
        [
            (
                "PK011",
                "p.yaml",
                2,
                5,
                "`Barn och unga` är inte ett giltigt id",
                ID_RULE_SV + "`barn-och-unga`.",
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                2,
                5,
                "`Barn och unga` is not a valid id",
                ID_RULE_EN + "`barn-och-unga`.",
            )
        ],
    ),
    "PK011 id in a list": (
        {"p.yaml": PROCESS + "leaders: [Anna Nilsson]\n"},
        [
            (
                "PK011",
                "p.yaml",
                16,
                11,
                "`Anna Nilsson` är inte ett giltigt id (i `leaders`)",
                ID_RULE_SV + "`anna-nilsson`.",
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                16,
                11,
                "`Anna Nilsson` is not a valid id (in `leaders`)",
                ID_RULE_EN + "`anna-nilsson`.",
            )
        ],
    ),
    "PK011 out of range": (
        {"p.yaml": RISK.format(5)},
        [
            (
                "PK011",
                "p.yaml",
                18,
                17,
                "`likelihood` måste vara ett heltal från 1 till 4, men är `5`",
                None,
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                18,
                17,
                "`likelihood` must be a whole number from 1 to 4, found `5`",
                None,
            )
        ],
    ),
    "PK011 number in quotes": (
        {"p.yaml": RISK.format('"3"')},
        [
            (
                "PK011",
                "p.yaml",
                18,
                17,
                '`likelihood` måste vara ett heltal från 1 till 4, men är texten `"3"`',
                "Ta bort citattecknen: ett tal skrivs utan dem; skriv `likelihood: 3`.",
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                18,
                17,
                '`likelihood` must be a whole number from 1 to 4, found the text `"3"`',
                "Remove the quotes: a number is written without them; write `likelihood: 3`.",
            )
        ],
    ),
    "PK011 true for a number": (
        {"p.yaml": RISK.format("true")},
        [
            (
                "PK011",
                "p.yaml",
                18,
                17,
                "`likelihood` måste vara ett heltal från 1 till 4, men är `true`",
                "`true` och `false` är inga tal: skriv ett heltal från 1 till 4.",
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                18,
                17,
                "`likelihood` must be a whole number from 1 to 4, found `true`",
                "`true` and `false` are not numbers: write a whole number from 1 to 4.",
            )
        ],
    ),
    "PK011 a fraction": (
        {"p.yaml": RISK.format("2.5")},
        [
            (
                "PK011",
                "p.yaml",
                18,
                17,
                "`likelihood` måste vara ett heltal från 1 till 4, men är `2.5`",
                None,
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                18,
                17,
                "`likelihood` must be a whole number from 1 to 4, found `2.5`",
                None,
            )
        ],
    ),
    "PK011 a word for a number": (
        {"p.yaml": RISK.format("hög")},
        [
            (
                "PK011",
                "p.yaml",
                18,
                17,
                "`likelihood` måste vara ett heltal från 1 till 4, men är `hög`",
                None,
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                18,
                17,
                "`likelihood` must be a whole number from 1 to 4, found `hög`",
                None,
            )
        ],
    ),
    "PK011 scores not key: value lines": (
        {
            "p.yaml": PROCESS,
            "m.yaml": "kind: assessment\nid: m\nprocess: utreda\ndate: 2026-01-05\nscores: 3\n",
        },
        [
            (
                "PK011",
                "m.yaml",
                5,
                9,
                "`scores` måste vara rader med `fält: värde`, men är `3`",
                None,
            )
        ],
        [
            (
                "PK011",
                "m.yaml",
                5,
                9,
                "`scores` must be `field: value` lines, found `3`",
                None,
            )
        ],
    ),
    "PK011 not a list": (
        {"p.yaml": PROCESS + "leaders: anna\n"},
        [
            (
                "PK011",
                "p.yaml",
                16,
                10,
                "`leaders` måste vara en lista, men är `anna`",
                "Skriv det som en lista: `leaders: [anna]`, eller en rad `- …` för varje värde.",
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                16,
                10,
                "`leaders` must be a list, found `anna`",
                "Write it as a list: `leaders: [anna]`, or one `- item` per line.",
            )
        ],
    ),
    "PK011 not text": (
        {"p.yaml": "kind: area\nid: x\nname: [Barn, Unga]\n"},
        [
            (
                "PK011",
                "p.yaml",
                3,
                7,
                "`name` måste vara text, men är en lista",
                "Skriv texten på samma rad som fältnamnet, eller sätt den inom citattecken.",
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                3,
                7,
                "`name` must be text, found a list",
                "Write the text on the same line as the key, or put it in quotes.",
            )
        ],
    ),
    "PK011 not key: value lines": (
        {"p.yaml": PROCESS + "approved: 2026-01-05\n"},
        [
            (
                "PK011",
                "p.yaml",
                16,
                11,
                "`approved` måste vara rader med `fält: värde`, men är `2026-01-05`",
                "Skriv det som rader med `fält: värde` (by, date).",
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                16,
                11,
                "`approved` must be `field: value` lines, found `2026-01-05`",
                "Write it as `key: value` lines (by, date).",
            )
        ],
    ),
    "PK011 a document without its address": (
        {"p.yaml": PROCESS + "documents:\n  - title: Rutin\n"},
        [
            (
                "PK011",
                "p.yaml",
                17,
                5,
                "ett dokument behöver antingen `handbook`, eller både `title` och `url`",
                "Skriv `- handbook: <handbokens id>` eller `- title: …` med `url: https://…`.",
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                17,
                5,
                "a document needs either `handbook`, or both `title` and `url`",
                "Write `- handbook: <handbook id>` or `- title: …` with `url: https://…`.",
            )
        ],
    ),
    "PK011 a document both ways": (
        {"p.yaml": PROCESS + "documents:\n  - handbook: rutin\n    title: Rutin\n    url: u\n"},
        [
            (
                "PK011",
                "p.yaml",
                17,
                5,
                "ett dokument är antingen en `handbook` eller en `title` med en `url`, inte båda",
                "Skriv `- handbook: <handbokens id>` eller `- title: …` med `url: https://…`.",
            )
        ],
        [
            (
                "PK011",
                "p.yaml",
                17,
                5,
                "a document is either a `handbook` or a `title` with a `url`, not both",
                "Write `- handbook: <handbook id>` or `- title: …` with `url: https://…`.",
            )
        ],
    ),
    "PK012 misspelt": (
        {"p.yaml": PROCESS.replace("owner: anna", "ower: anna")},
        [
            (
                "PK012",
                "p.yaml",
                7,
                1,
                "`ower` är inte ett fält i en process; menade du `owner`?",
                "Byt namn på `ower` till `owner`. " + X_KEYS_SV.format("ower"),
            )
        ],
        [
            (
                "PK012",
                "p.yaml",
                7,
                1,
                "`ower` is not a field of a process; did you mean `owner`?",
                "Rename `ower` to `owner`. " + X_KEYS_EN.format("ower"),
            )
        ],
    ),
    "PK012 unknown": (
        {"p.yaml": "kind: area\nid: x\nname: X\nansvarig: anna\n"},
        [
            (
                "PK012",
                "p.yaml",
                4,
                1,
                "`ansvarig` är inte ett fält i ett leveransområde",
                "De fält som går att använda är: `customers`, `description`, `id`, `kind`, "
                "`name`, `order`, `owner`, `unit`. " + X_KEYS_SV.format("ansvarig"),
            )
        ],
        [
            (
                "PK012",
                "p.yaml",
                4,
                1,
                "`ansvarig` is not a field of a delivery area",
                "The fields are: `customers`, `description`, `id`, `kind`, `name`, `order`, "
                "`owner`, `unit`. " + X_KEYS_EN.format("ansvarig"),
            )
        ],
    ),
    "PK020": (
        {"a.yaml": PROCESS, "b.yaml": PROCESS},
        [
            (
                "PK020",
                "a.yaml",
                2,
                5,
                "en annan fil med `kind: process` har samma id `utreda`: `b.yaml`",
                "Ett id får bara användas en gång för varje `kind`: ge alla utom en av de här "
                "filerna ett annat `id`, eller ta bort de filer som är för många.",
            ),
            (
                "PK020",
                "b.yaml",
                2,
                5,
                "en annan fil med `kind: process` har samma id `utreda`: `a.yaml`",
                "Ett id får bara användas en gång för varje `kind`: ge alla utom en av de här "
                "filerna ett annat `id`, eller ta bort de filer som är för många.",
            ),
        ],
        [
            (
                "PK020",
                "a.yaml",
                2,
                5,
                "another file with `kind: process` has the same id `utreda`: `b.yaml`",
                "An id may be used only once within a kind: give all these files but one another "
                "`id`, or remove the files that are too many.",
            ),
            (
                "PK020",
                "b.yaml",
                2,
                5,
                "another file with `kind: process` has the same id `utreda`: `a.yaml`",
                "An id may be used only once within a kind: give all these files but one another "
                "`id`, or remove the files that are too many.",
            ),
        ],
    ),
    "PK030 misspelt": (
        {"p.yaml": PROCESS.replace("area: barn", "area: bran")},
        [
            (
                "PK030",
                "p.yaml",
                4,
                7,
                "`bran` är inte ett leveransområde i det här arkivet; menade du `barn`?",
                "Ändra till `barn`, eller lägg till ett leveransområde med id:t `bran`.",
            )
        ],
        [
            (
                "PK030",
                "p.yaml",
                4,
                7,
                "`bran` is not a delivery area in this repository; did you mean `barn`?",
                "Change it to `barn`, or add the delivery area `bran`.",
            )
        ],
    ),
    "PK030 unknown": (
        {"p.yaml": PROCESS + "documents:\n  - handbook: delegationsordning\n"},
        [
            (
                "PK030",
                "p.yaml",
                17,
                15,
                "`delegationsordning` är inte en handbok i det här arkivet",
                "Rätta id:t, eller lägg till en fil handbooks/delegationsordning.yaml med "
                "`kind: handbook` och `id: delegationsordning`.",
            )
        ],
        [
            (
                "PK030",
                "p.yaml",
                17,
                15,
                "`delegationsordning` is not a handbook in this repository",
                "Correct the id, or add a file handbooks/delegationsordning.yaml with "
                "`kind: handbook` and `id: delegationsordning`.",
            )
        ],
    ),
    "PK030 next": (
        {"p.yaml": PROCESS.replace("next: [besluta]", "next: [beslut]")},
        [
            (
                "PK030",
                "p.yaml",
                12,
                12,
                "`beslut` är inte en aktivitet i den här processen; menade du `besluta`?",
                "`next` anger `id` för en annan aktivitet i samma process: `planera` och "
                "`besluta`.",
            )
        ],
        [
            (
                "PK030",
                "p.yaml",
                12,
                12,
                "`beslut` is not an activity of this process; did you mean `besluta`?",
                "`next` names the `id` of another activity in the same process: `planera` and "
                "`besluta`.",
            )
        ],
    ),
    "PK031": (
        {
            "a.yaml": PROCESS.replace("id: utreda", "id: a") + "parent: b\n",
            "b.yaml": PROCESS.replace("id: utreda", "id: b") + "parent: a\n",
        },
        [
            (
                "PK031",
                path,
                16,
                9,
                f"kedjan av överordnade processer går runt i en slinga: {chain}",
                "En process kan inte vara överordnad sig själv, varken direkt eller via andra "
                "processer. Ta bort eller ändra `parent` i en av: `a` eller `b`.",
            )
            for path, chain in (("a.yaml", "`a` → `b` → `a`"), ("b.yaml", "`b` → `a` → `b`"))
        ],
        [
            (
                "PK031",
                path,
                16,
                9,
                f"the parent chain loops: {chain}",
                "A process cannot be its own (indirect) parent. Remove or change `parent` in "
                "one of: `a` or `b`.",
            )
            for path, chain in (("a.yaml", "`a` → `b` → `a`"), ("b.yaml", "`b` → `a` → `b`"))
        ],
    ),
}


def _said(result: CliResult) -> list[Said]:
    return [
        (d["code"], d["path"], d["line"], d["column"], d["message"], d["hint"])
        for d in loader_diagnostics(result)
    ]


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("language", ["sv", "en"])
def test_what_the_loader_says(name: str, language: str, make_repo: MakeRepo, cli: Cli) -> None:
    files, swedish, english = CASES[name]
    root = make_repo({**BASE, **files})
    result = cli("validate", root, "--format", "json", "--lang", language)
    assert _said(result) == (swedish if language == "sv" else english)
    assert result.code == 1


def test_swedish_is_spoken_when_nothing_is_asked(
    swedish: None, make_repo: MakeRepo, cli: Cli
) -> None:
    files, said, _english = CASES["PK030 misspelt"]
    result = cli("validate", make_repo({**BASE, **files}), "--format", "json")
    assert _said(result) == said


def test_a_repository_that_names_no_language_is_read_in_swedish_after_one_that_did(
    swedish: None, make_repo: MakeRepo
) -> None:
    """One process reads a repository again and again (``serve``): an edit that takes
    ``language: en`` out of the configuration, or leaves a language processkit does not
    speak, is read as a run of its own would read it, in Swedish."""
    root = make_repo(BASE)
    config = root / "processkit.yaml"
    said = []
    for language in ("language: en\n", "", "language: en\n"):
        config.write_text(MINIMAL_CONFIG + language, encoding="utf-8")
        load_config(root)
        said.append(i18n.current())
    config.write_text(MINIMAL_CONFIG + "language: de\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(root)
    said.append(i18n.current())
    assert said == ["en", "sv", "en", "sv"]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "sv",
            "det här är en länk till en plats utanför arkivet; processkit följer den inte",
        ),
        ("en", "this is a link to a place outside the repository; processkit does not follow it"),
    ],
)
def test_a_link_out_of_the_repository(
    language: str, said: str, make_repo: MakeRepo, cli: Cli, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(AREA, encoding="utf-8")
    root = make_repo(BASE)
    os.symlink(outside, root / "p.yaml")
    hint = {
        "sv": "Kopiera in filen i arkivet, eller ta bort länken.",
        "en": "Copy the file into the repository, or remove the link.",
    }[language]
    result = cli("validate", root, "--format", "json", "--lang", language)
    assert _said(result) == [("PK001", "p.yaml", 0, 0, said, hint)]


BROKEN_CONFIG = (
    "organisaton: X\n"
    "site:\n"
    "  colors:\n"
    "    primary: blå\n"
    "maturity:\n"
    "  labels: {design: Design, ledning: Ledning}\n"
    "  descriptions:\n"
    "    9: Fulländad\n"
    "    x: Okänd\n"
)


def test_the_configuration_errors_in_swedish(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"processkit.yaml": BROKEN_CONFIG})
    result = cli("validate", root, "--format", "json", "--lang", "sv")
    assert result.code == 2
    assert _said(result) == [
        (
            "PK010",
            "processkit.yaml",
            1,
            1,
            "`organisation` saknas: fältet måste finnas i processkit.yaml",
            "Lägg till en rad `organisation: …`.",
        ),
        (
            "PK012",
            "processkit.yaml",
            1,
            1,
            "`organisaton` är inte ett fält i processkit.yaml; menade du `organisation`?",
            "Byt namn på `organisaton` till `organisation`. " + X_KEYS_SV.format("organisaton"),
        ),
        (
            "PK011",
            "processkit.yaml",
            4,
            14,
            "`primary` måste vara en färg skriven #rrggbb, till exempel #005596, men är `blå`",
            None,
        ),
        (
            "PK011",
            "processkit.yaml",
            9,
            5,
            "fältnamnet `x` måste vara ett heltal, men är `x`",
            None,
        ),
    ]


def test_the_configuration_errors_in_english(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"processkit.yaml": BROKEN_CONFIG})
    result = cli("validate", root, "--format", "json", "--lang", "en")
    assert result.code == 2
    assert _said(result) == [
        (
            "PK010",
            "processkit.yaml",
            1,
            1,
            "`organisation` is missing: processkit.yaml needs it",
            "Add a line `organisation: …`. Organisation: e.g. Socialförvaltningen, Kalmar kommun.",
        ),
        (
            "PK012",
            "processkit.yaml",
            1,
            1,
            "`organisaton` is not a field of processkit.yaml; did you mean `organisation`?",
            "Rename `organisaton` to `organisation`. " + X_KEYS_EN.format("organisaton"),
        ),
        (
            "PK011",
            "processkit.yaml",
            4,
            14,
            "`primary`: expected a colour written #rrggbb, such as #005596 (found `blå`)",
            None,
        ),
        (
            "PK011",
            "processkit.yaml",
            9,
            5,
            "the key `x` must be a whole number, found `x`",
            None,
        ),
    ]


@pytest.mark.parametrize(
    ("language", "labels", "descriptions"),
    [
        (
            "sv",
            "`maturity`: `labels` nämner `ledning`, som inte är en av `dimensions` (design, "
            "performers, owner, infrastructure, metrics)",
            "`maturity`: `descriptions` beskriver nivå 9, som inte är en av `levels` "
            "(0, 1, 2, 3, 4)",
        ),
        (
            "en",
            "`maturity`: `labels` names `ledning`, which is not one of the `dimensions` (design, "
            "performers, owner, infrastructure, metrics)",
            "`maturity`: `descriptions` describes level 9, which is not one of the `levels` "
            "(0, 1, 2, 3, 4)",
        ),
    ],
)
def test_the_maturity_settings_checked_together(
    language: str, labels: str, descriptions: str, make_repo: MakeRepo, cli: Cli
) -> None:
    config = "organisation: T\nmaturity:\n  labels: {design: Design, ledning: Ledning}\n"
    root = make_repo({"processkit.yaml": config})
    result = cli("validate", root, "--format", "json", "--lang", language)
    assert _said(result) == [("PK011", "processkit.yaml", 3, 3, labels, None)]
    config = "organisation: T\nmaturity:\n  descriptions:\n    9: Fulländad\n"
    result = cli(
        "validate", make_repo({"processkit.yaml": config}), "--format", "json", "--lang", language
    )
    assert _said(result) == [("PK011", "processkit.yaml", 3, 3, descriptions, None)]


SITE_URL_HINT = {
    "sv": "Skriv adressen där den publicerade webbplatsen nås, till exempel "
    "https://fyren.kalmar.example.se/.",
    "en": "Write the address where the published site is reached, such as "
    "https://fyren.kalmar.example.se/.",
}


@pytest.mark.parametrize(
    ("written", "language", "said"),
    [
        (
            "ftp://fyren.example.se/",
            "sv",
            "`url` måste vara en webbadress som börjar med https:// eller http://, men är "
            "`ftp://fyren.example.se/`",
        ),
        (
            "ftp://fyren.example.se/",
            "en",
            "`url`: expected an address starting with https:// or http:// (found "
            "`ftp://fyren.example.se/`)",
        ),
        (
            "fyren.example.se",
            "sv",
            "`url` måste vara en webbadress som börjar med https:// eller http://, men är "
            "`fyren.example.se`",
        ),
        (
            "https:///fyren/",
            "sv",
            "`url` måste ha webbplatsens namn efter //, till exempel fyren.kalmar.example.se, "
            "men är `https:///fyren/`",
        ),
        (
            "https:///fyren/",
            "en",
            "`url`: expected a host name after the //, such as fyren.kalmar.example.se (found "
            "`https:///fyren/`)",
        ),
        (
            "https://fyren.example.se/?sida=1",
            "sv",
            "`url` får inte innehålla ? eller #, men är `https://fyren.example.se/?sida=1`",
        ),
        (
            "https://fyren.example.se/#topp",
            "en",
            "`url`: the site's address cannot hold ? or # (found `https://fyren.example.se/#topp`)",
        ),
        (
            "https://fyren example.se/",
            "sv",
            "`url` får inte innehålla mellanslag, men är `https://fyren example.se/`",
        ),
        (
            "https://fyren example.se/",
            "en",
            "`url`: an address cannot hold blanks (found `https://fyren example.se/`)",
        ),
    ],
)
def test_a_wrong_site_address(
    written: str, language: str, said: str, make_repo: MakeRepo, cli: Cli
) -> None:
    config = f'organisation: T\nsite:\n  title: Fyren\n  url: "{written}"\n'
    root = make_repo({"processkit.yaml": config})
    result = cli("validate", root, "--format", "json", "--lang", language)
    assert result.code == 2
    assert _said(result) == [("PK011", "processkit.yaml", 4, 8, said, SITE_URL_HINT[language])]


@pytest.mark.parametrize(
    "written", ["https://fyren.kalmar.example.se", "https://fyren.kalmar.example.se//"]
)
def test_the_site_address_ends_in_one_slash(written: str) -> None:
    config = Config.model_validate({"organisation": "T", "site": {"url": written}})
    assert config.site.url == "https://fyren.kalmar.example.se/"
    assert Config.model_validate({"organisation": "T"}).site.url is None


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "sv",
            "processkit: det finns ingen processkit.yaml i {folder} eller i någon mapp ovanför; "
            "kör processkit i ett processarkiv (eller skapa ett med `processkit init`)\n",
        ),
        (
            "en",
            "processkit: no processkit.yaml found in {folder} or any folder above it; run "
            "processkit in a process repository (or create one with `processkit init`)\n",
        ),
    ],
)
def test_no_repository_here(language: str, said: str, tmp_path: Path, cli: Cli) -> None:
    result = cli("validate", tmp_path, "--lang", language)
    assert (result.code, result.err) == (2, said.format(folder=tmp_path))


@pytest.mark.parametrize(
    ("language", "said"),
    [("sv", "processkit: {folder} finns inte\n"), ("en", "processkit: {folder} does not exist\n")],
)
def test_no_such_folder(language: str, said: str, tmp_path: Path, cli: Cli) -> None:
    result = cli("validate", tmp_path / "saknas", "--lang", language)
    assert (result.code, result.err) == (2, said.format(folder=tmp_path / "saknas"))


@pytest.mark.parametrize(
    ("language", "count", "said"),
    [
        (
            "sv",
            1,
            "processkit: obs: 1 fil har fel och det som står i den har lämnats utanför; kör "
            "`processkit validate` för att se felen\n",
        ),
        (
            "sv",
            2,
            "processkit: obs: 2 filer har fel och det som står i dem har lämnats utanför; kör "
            "`processkit validate` för att se felen\n",
        ),
        (
            "en",
            2,
            "processkit: note: 2 files have errors and what they hold is left out; run "
            "`processkit validate` to see them\n",
        ),
    ],
)
def test_the_note_on_files_left_out(
    language: str, count: int, said: str, make_repo: MakeRepo, cli: Cli
) -> None:
    broken = {f"areas/a{i}.yaml": f"kind: area\nid: a{i}\n" for i in range(count)}
    result = cli("inventory", make_repo({**BASE, **broken}), "--lang", language)
    assert said in result.err


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "sv",
            "processkit: --changed-since kräver ett git-arkiv, och {folder} ligger inte i något\n",
        ),
        (
            "en",
            "processkit: --changed-since needs a git repository, and {folder} is not inside one\n",
        ),
    ],
)
def test_changed_since_outside_git(language: str, said: str, make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo(BASE)
    result = cli("validate", root, "--changed-since", "main", "--lang", language)
    assert (result.code, result.err) == (2, said.format(folder=root))


def test_a_long_loop_is_counted_in_swedish(make_repo: MakeRepo, cli: Cli) -> None:
    loop = [f"p{i:02}" for i in range(12)]
    files: dict[str, str | bytes] = dict(BASE)
    for i, pid in enumerate(loop):
        files[f"{pid}.yaml"] = PROCESS.replace("id: utreda", f"id: {pid}") + (
            f"parent: {loop[(i + 1) % 12]}\n"
        )
    found = loader_diagnostics(
        cli("validate", make_repo(files), "--format", "json", "--lang", "sv")
    )
    assert found[0]["message"] == (
        "kedjan av överordnade processer går runt i en slinga: "
        + " → ".join(f"`p{step:02}`" for step in range(10))
        + " → ytterligare 2 → `p00`"
    )
    assert found[0]["hint"] == (
        "En process kan inte vara överordnad sig själv, varken direkt eller via andra processer. "
        "Ta bort eller ändra `parent` i en av: `p00`, `p01`, `p02`, `p03`, `p04`, `p05`, `p06`, "
        "`p07`, `p08`, `p09` eller ytterligare 2."
    )


def test_the_joining_words_follow_the_language_of_the_moment() -> None:
    ids = ["a", "b", "c"]
    with i18n.speaking("sv"):
        assert named_ids(ids) == "`a`, `b` och `c`"
        assert named_ids(ids, last=OR) == "`a`, `b` eller `c`"
        assert named_ids(ids, last=" or ") == "`a`, `b` eller `c`"
        assert named_ids(ids, separator=" → ", last=" → ") == "`a` → `b` → `c`"
    with i18n.speaking("en"):
        assert named_ids(ids) == "`a`, `b` and `c`"
        assert named_ids(ids, last=OR) == "`a`, `b` or `c`"
        assert named_ids(["x"] * 12) == ", ".join(["`x`"] * 10) + " and 2 more"


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("5/1 2026", "2026-01-05"),
        ("5/1-2026", "2026-01-05"),
        ("5.1.2026", "2026-01-05"),
        ("2026-1-5", "2026-01-05"),
        ("2026/01/05", "2026-01-05"),
        ("20260105", "2026-01-05"),
        (20260105, "2026-01-05"),
        ("5 jan 2026", "2026-01-05"),
        ("31 december 2026", "2026-12-31"),
        ("5 okt. 2026", "2026-10-05"),
        ("31/2 2026", None),  # no such day: no guess
        ("1/13 2026", None),  # no thirteenth month (the day comes first)
        ("5/1 1026", None),  # a year processkit does not take
        ("5 vår 2026", None),
        ("nästa vår", None),
        (True, None),
    ],
)
def test_the_date_a_date_written_otherwise_means(written: object, meant: str | None) -> None:
    assert meant_date(written) == meant


def test_an_error_processkit_has_no_words_for_is_not_said_in_pydantic_english() -> None:
    detail = {"type": "url_parsing", "loc": ("url",), "msg": "Input should be a valid URL"}
    with i18n.speaking("sv"):
        said = _wrong_value(detail, None, "url", "x y", "`url`", "`url`")  # type: ignore[arg-type]
    assert said == ("`url`: processkit kan inte använda värdet `x y`", None)
