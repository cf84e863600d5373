"""The rules in Swedish: no English word is left in a message or hint, and the errors of a bad
``rules:`` section and of ``processkit rules CODE`` are whole Swedish sentences.

The findings of every rule case in Swedish are golden files (``expected.sv.txt``, see
test_rule_cases.py); this file checks what the goldens cannot: every Swedish text of the rules'
catalogue, the English words, and the command line with ``--lang sv``.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from tests.conftest import CliResult
from tests.rules.test_rule_cases import FAILING, TODAY, case_dir, rule_findings
from tests.rules.test_rules_config import repository as config_repository

from processkit import i18n
from processkit.errors import ProcesskitError
from processkit.rules.base import Rule
from processkit.rules.catalogue import lookup
from processkit.rules.docs import (
    SECTIONS,
    RuleDoc,
    doc_of,
    markdown,
    message_ids,
    shown_doc_of,
    yaml_blocks,
)
from processkit.rules.registry import RULES
from processkit.validate import validate

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "sv" / "rules.po"

#: Common English words that are not Swedish words as well ("in", "under", "start", "man",
#: "den", "process" and "status" are both, and are left out).
ENGLISH = frozenset(
    re.findall(
        r"\S+",
        """
        a an the is are was were be been not no of and or but has have had with without should
        must this that these those it its it's process's to from for on at by as so than then
        there which who whom what when where why how does did do can cannot could would will
        you your mean found expected nothing only every each one any same other add remove set
        run list review owner activity activities flow area handbook role level score file
        entry rule rules day days ago today more ignore silences silenced silence
        """,
    )
)

_BACKTICKED = re.compile(r"`[^`]*`")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_PATH = re.compile(r"processkit\.yaml: rules:|\S+\.(?:yaml|md)\b|\S+/\S+")
#: A rule's code and name: PK104 (interface-not-mirrored).
_RULE = re.compile(r"(?:PK\d{3}|\{code\}) \((?:[a-z]+(?:-[a-z]+)*|\{[a-z_]+\})\)")
_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]+(?:'[a-z]+)?")


def english_words(text: str) -> list[str]:
    """The English words of ``text``, leaving out ids, fields and values in backticks, paths,
    rules' names and placeholders."""
    plain = _BACKTICKED.sub(" ", _RULE.sub(" ", text))
    plain = _PATH.sub(" ", _PLACEHOLDER.sub(" ", plain))
    return [word for word in _WORD.findall(plain) if word.lower() in ENGLISH]


def _catalogue_entries() -> list[tuple[str, str]]:
    """(English, Swedish) of every text in the rules' catalogue, each plural form too."""
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    entries: list[tuple[str, str]] = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        entries.extend(zip(ids, strings, strict=True))
    return entries


ENTRIES = _catalogue_entries()


def test_the_word_list_finds_the_english_of_every_sentence() -> None:
    """The check below can fail: each English text with words finds some in the list."""
    missed = [
        english
        for english, _swedish in ENTRIES
        if len(_WORD.findall(_BACKTICKED.sub(" ", _PLACEHOLDER.sub(" ", english)))) > 2
        and not english_words(english)
    ]
    assert missed == []


@pytest.mark.parametrize(("english", "swedish"), ENTRIES, ids=[e[:50] for e, _s in ENTRIES])
def test_no_swedish_text_of_the_rules_has_an_english_word(english: str, swedish: str) -> None:
    assert english_words(swedish) == []


@pytest.mark.parametrize("case", FAILING, ids=[f"{p.parent.name}/{p.name}" for p in FAILING])
def test_no_swedish_finding_has_an_english_word(case: Path) -> None:
    with i18n.speaking("sv"):
        found = rule_findings(case)
    assert found
    words = [w for d in found for w in english_words(f"{d.message} {d.hint}")]
    assert words == []


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        (
            "  PK999: off\n",
            "`PK999` är ingen regel som processkit känner till; menade du `PK190`? "
            "Kör `processkit rules` för att se reglerna.",
        ),
        (
            "  nonsense: off\n",
            "`nonsense` är ingen regel som processkit känner till. "
            "Kör `processkit rules` för att se reglerna.",
        ),
        (
            "  PK030: off\n",
            "`PK030` är en kontroll av själva filformatet, som inte kan stängas av eller ändras; "
            "det går bara med reglerna från PK101 och uppåt",
        ),
        (
            "  PK104: off\n  interface-not-mirrored: error\n",
            "PK104 anges två gånger (som `PK104` och `interface-not-mirrored`); behåll en av dem",
        ),
        (
            "  PK104: {severity: loud}\n",
            "PK104: värdet ska vara `off`, `info`, `warning` eller `error`, men här står `loud`",
        ),
        (
            "  PK103: {window: 30}\n",
            "PK103: `window` är ingen inställning för PK103 (review-due-soon); menade du "
            "`window_days`? Det som går att ställa in för regeln är `severity` och "
            "`window_days`.",
        ),
        (
            "  PK104: {window_days: 30}\n",
            "PK104: `window_days` är ingen inställning för PK104 (interface-not-mirrored). "
            "Det som går att ställa in för regeln är `severity`.",
        ),
        (
            "  PK103: {window_days: 2.5}\n",
            "PK103: `window_days`: värdet ska vara ett heltal, men här står `2.5`",
        ),
        (
            "  PK103: {window_days: 0}\n",
            "PK103: `window_days`: värdet ska vara minst 1, men här står 0",
        ),
        (
            "  PK122: {factor: yes}\n",
            "PK122: `factor`: värdet ska vara ett tal, men här står `yes`",
        ),
    ],
    ids=[
        "unknown-code",
        "no-guess",
        "format-code",
        "twice",
        "bad-severity",
        "misspelt-option",
        "no-options",
        "fraction-for-whole",
        "below-minimum",
        "text-for-float",
    ],
)
def test_a_bad_rules_section_in_swedish(
    tmp_path: Path, swedish: None, rules: str, message: str
) -> None:
    with pytest.raises(ProcesskitError) as raised:
        validate(config_repository(tmp_path, rules), today=TODAY)
    assert str(raised.value) == f"processkit.yaml: rules: {message}"
    assert english_words(message) == []


@pytest.mark.parametrize(
    ("key", "message"),
    [
        (
            "PK1O4",
            "`PK1O4` är ingen regel; menade du `PK104`? Kör `processkit rules` för att se "
            "reglerna.",
        ),
        ("nonsense", "`nonsense` är ingen regel. Kör `processkit rules` för att se reglerna."),
        (
            "PK030",
            "`PK030` är en kontroll av själva filformatet, som beskrivs i FORMAT.md, inte en "
            "regel; kör `processkit rules` för att se reglerna",
        ),
    ],
)
def test_a_rule_that_is_not_there_in_swedish(swedish: None, key: str, message: str) -> None:
    with pytest.raises(ProcesskitError) as raised:
        lookup(key)
    assert str(raised.value) == message


def test_validate_with_lang_sv_says_the_finding_and_its_hint_in_swedish(
    cli: Callable[..., CliResult],
) -> None:
    case = case_dir("PK104", "fail-in-not-mirrored")
    result = cli("validate", case, "--lang", "sv", "--today", TODAY.isoformat())
    assert result.out == (
        "processes/barn/utreda.yaml:8:14 PK104 varning: enligt det här gränssnittet tar `utreda` "
        "emot från `insats` (`in`), men processes/barn/insats.yaml har inget gränssnitt `out` "
        "till `utreda`\n"
        "  8 |   - process: insats\n"
        "    |              ^\n"
        "    = tips: Lägg till `{process: utreda, direction: out}` under `interfaces:` i "
        "processes/barn/insats.yaml, eller ta bort det här gränssnittet om överlämningen inte "
        "längre sker.\n"
        "\n"
        "0 fel, 1 varning i 4 filer (3 beskrivningar).\n"
    )


def test_a_typical_number_has_a_decimal_comma_in_swedish(swedish: None) -> None:
    with i18n.speaking("sv"):
        found = rule_findings(case_dir("PK122", "fail-owns-six"))
    assert [d.message for d in found] == [
        "Anna Testsson är processägare för 6 aktiva processer; en typisk processägare har 1,5"
    ]


def test_one_process_is_counted_in_the_singular(tmp_path: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(case_dir("PK121", "fail-lower-threshold"), case)
    (case / "processes" / "barn" / "p2.yaml").unlink()
    config = case / "processkit.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("min_led: 2", "min_led: 1"))
    said: dict[str, list[str]] = {}
    for language in i18n.LANGUAGES:
        with i18n.speaking(language):
            said[language] = [d.message for d in validate(case, today=TODAY).report.diagnostics]
    assert said == {
        "sv": ["Erik Åberg är processledare för 1 aktiv process men processägare för ingen"],
        "en": ["Erik Åberg leads 1 active process (processledare) but owns none"],
    }


_FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def _doc_prose(doc: RuleDoc, headings: list[str]) -> str:
    """The words of a rule's documentation a person reads as prose: the summary, the headings
    and the sections without their fenced examples."""
    return "\n".join(
        [doc.summary, *headings, *(_FENCED.sub(" ", text) for text in doc.sections.values())]
    )


@pytest.mark.parametrize("rule", RULES, ids=[rule.CODE for rule in RULES])
def test_no_swedish_rule_doc_has_an_english_word(rule: Rule) -> None:
    with i18n.speaking("sv"):
        swedish = _doc_prose(shown_doc_of(rule), [i18n.translate("sv", s) for s in SECTIONS])
    english = _doc_prose(doc_of(rule), list(SECTIONS))
    assert english_words(english)  # the check can fail: the English has words in the list
    assert english_words(swedish) == []


@pytest.mark.parametrize("rule", RULES, ids=[rule.CODE for rule in RULES])
def test_every_rule_has_every_section_in_swedish(rule: Rule) -> None:
    """The summary, every section's heading and every paragraph of its prose has a Swedish
    text of its own; the examples are the same in both languages."""
    english = doc_of(rule)
    with i18n.speaking("sv"):
        swedish = shown_doc_of(rule)
        shown = markdown(rule)
    assert list(swedish.sections) == list(SECTIONS)
    untranslated = [text for text in message_ids(english) if i18n.translate("sv", text) == text]
    assert untranslated == []
    for name in SECTIONS:
        assert f"\n## {i18n.translate('sv', name)}\n" in shown
        prose = _FENCED.sub("", english.sections[name]).strip()
        if prose:  # an example may be only its fenced block
            assert _FENCED.sub("", swedish.sections[name]).strip() != prose
        assert yaml_blocks(swedish.sections[name]) == yaml_blocks(english.sections[name])
    assert swedish.summary != english.summary
