"""Field-level changes in plain words: each kind of change, in English and Swedish."""

from __future__ import annotations

from typing import Any

import pytest

from processkit import i18n
from processkit.history.fieldchanges import Names, diff_values
from processkit.history.phrasing import describe
from processkit.loading.yamlfile import read_yaml
from processkit.reports.markdown import escape
from processkit.words import Language, days, handbook_type_word, status_word

NAMES = Names(
    {
        "person": {"anna": "Anna Nilsson", "erik": "Erik Åberg"},
        "process": {"bu-insatser": "Ge insatser"},
        "role": {"socsek": "Socialsekreterare", "chef": "Enhetschef"},
        "handbook": {"rutin-x": "Rutin för utredning"},
    }
)


def _value(text: str) -> dict[str, Any]:
    parsed = read_yaml("x.yaml", text.encode("utf-8"))
    assert not parsed.diagnostics
    value: dict[str, Any] = parsed.value
    return value


def _words(kind: str, old: str, new: str, language: str = "en") -> list[str]:
    changes = diff_values(kind, _value(old), _value(new), NAMES)
    return [describe(change, language, kind=kind) for change in changes]  # type: ignore[arg-type]


BASE = "kind: process\nid: p\nname: P\narea: a\ntype: core\nstatus: draft\n"


@pytest.mark.parametrize(
    ("before", "after", "english", "swedish"),
    [
        (
            "leaders: [anna]\n",
            "leaders: [erik, anna]\n",
            ["process leader Erik Åberg added"],
            ["processledare Erik Åberg lades till"],
        ),
        (
            "leaders: [anna, erik]\n",
            "leaders: [erik, anna]\n",
            ["process leaders reordered"],
            ["processledare fick ny ordning"],
        ),
        (
            "tags: [barnrätt, sekretess]\n",
            "tags: [barnrätt]\n",
            ["tag 'sekretess' removed"],
            ["etikett 'sekretess' togs bort"],
        ),
        (
            "version: 2.1\n",
            "version: 2.10\n",
            ["version changed from 2.1 to 2.10"],
            ["version ändrades från 2.1 till 2.10"],
        ),
        (
            "measures:\n  - {name: Utredningstid, frequency: monthly}\n",
            "measures:\n  - {name: Utredningstid, frequency: quarterly}\n",
            ["measure 'Utredningstid': frequency changed from monthly to quarterly"],
            ["mått 'Utredningstid': frekvens ändrades från varje månad till varje kvartal"],
        ),
        (
            "approved: {date: 2025-02-01, by: Socialnämnden}\n",
            "approved: {date: 2026-02-01, by: Socialnämnden}\n",
            ["approval: date changed from 2025-02-01 to 2026-02-01"],
            ["fastställande: datum ändrades från 2025-02-01 till 2026-02-01"],
        ),
        (
            "purpose: " + "Lång text " * 10 + "\n",
            "purpose: " + "Längre text " * 10 + "\n",
            ["purpose edited"],
            ["syfte ändrades"],
        ),
        (
            "customer: Barnet\n",
            "",
            ["customer removed (was 'Barnet')"],
            ["kund togs bort (var 'Barnet')"],
        ),
        (
            "interfaces:\n  - {process: bu-insatser, direction: out}\n",
            "interfaces:\n  - {process: bu-insatser, direction: out, description: Beslut}\n",
            ["interface with Ge insatser (`bu-insatser (out)`): description set to 'Beslut'"],
            ["gränssnitt mot Ge insatser (`bu-insatser (out)`): beskrivning sattes till 'Beslut'"],
        ),
        (
            "activities:\n  - {id: a1, name: Planera}\n  - {id: a2, name: Samtala}\n",
            "activities:\n  - {id: a2, name: Samtala, role: socsek}\n  - {id: a1, name: Planera}\n",
            ["activity `a2` 'Samtala': performer set to Socialsekreterare", "activities reordered"],
            [
                "aktivitet `a2` 'Samtala': utförare sattes till Socialsekreterare",
                "aktiviteter fick ny ordning",
            ],
        ),
        (
            "activities:\n  - {id: a1, name: Planera, consulted: [socsek]}\n",
            "activities:\n  - {id: a1, name: Planera, consulted: [socsek, chef]}\n",
            [
                "activity `a1` 'Planera': consulted changed from Socialsekreterare to "
                "Socialsekreterare, Enhetschef"
            ],
            [
                "aktivitet `a1` 'Planera': konsulteras ändrades från Socialsekreterare till "
                "Socialsekreterare, Enhetschef"
            ],
        ),
        (
            "documents:\n  - {handbook: rutin-x}\n",
            "documents:\n  - {title: Socialstyrelsens handbok, url: 'https://example.se'}\n",
            [
                "document 'Socialstyrelsens handbok' added",
                "document `rutin-x` 'Rutin för utredning' removed",
            ],
            [
                "dokument 'Socialstyrelsens handbok' lades till",
                "dokument `rutin-x` 'Rutin för utredning' togs bort",
            ],
        ),
        (
            "risks:\n  - {description: Barnets röst hörs inte, likelihood: 2}\n",
            "risks:\n  - {description: Barnets röst hörs inte, likelihood: 3}\n",
            ["risk 'Barnets röst hörs inte': likelihood changed from 2 to 3"],
            ["risk 'Barnets röst hörs inte': sannolikhet ändrades från 2 till 3"],
        ),
    ],
)
def test_each_kind_of_change_in_both_languages(
    before: str, after: str, english: list[str], swedish: list[str]
) -> None:
    assert _words("process", BASE + before, BASE + after) == english
    assert _words("process", BASE + before, BASE + after, "sv") == swedish


def test_assessment_scores_are_named_by_dimension() -> None:
    old = "kind: assessment\nid: m\nprocess: p\ndate: 2026-01-01\nscores: {design: 2, owner: 1}\n"
    new = old.replace("owner: 1", "owner: 3")
    assert _words("assessment", old, new) == ["scores: owner changed from 1 to 3"]


def test_only_layout_changed_means_no_change() -> None:
    old = BASE + "leaders: [anna]\n# en kommentar\n"
    new = BASE.replace("name: P\n", "name: 'P'\n") + "leaders:\n  - anna\nx-egen: 1\n"
    assert _words("process", old, new) == []


def test_markdown_escapes_values_but_not_ids() -> None:
    changes = diff_values(
        "process",
        _value(BASE + "activities:\n  - {id: a1, name: Planera}\n"),
        _value(BASE + "activities:\n  - {id: a1, name: '*Planera* [nu]'}\n"),
        NAMES,
    )
    assert [describe(change, "en", escape) for change in changes] == [
        "activity `a1` '\\*Planera\\* \\[nu\\]': name changed from 'Planera' to "
        "'\\*Planera\\* \\[nu\\]'"
    ]


def test_html_for_the_site_escapes_values_and_marks_ids_as_code() -> None:
    from html import escape as html_escape

    changes = diff_values(
        "process",
        _value(BASE + "activities:\n  - {id: a1, name: Planera}\n"),
        _value(BASE + "activities:\n  - {id: a1, name: Planera}\n  - {id: a2, name: 'A & <B>'}\n"),
        NAMES,
    )
    assert [
        describe(change, "sv", html_escape, lambda s: f"<code>{html_escape(s)}</code>")
        for change in changes
    ] == ["aktivitet <code>a2</code> 'A &amp; &lt;B&gt;' lades till"]


@pytest.mark.parametrize("command", ["sv", "en"])
def test_the_words_are_in_the_language_asked_for_whatever_the_command_speaks(
    command: Language,
) -> None:
    """A notice is written in ``site.language``: the words come from the catalogue in the
    language asked for, not in the one processkit speaks on the command line."""
    approved = BASE.replace("status: draft", "status: approved")
    support = BASE.replace("type: core", "type: support")
    with i18n.speaking(command):
        assert _words("process", BASE, approved, "sv") == ["status utkast → fastställd"]
        assert _words("process", BASE, approved, "en") == ["status draft → approved"]
        assert _words("process", BASE, support, "sv") == [
            "typ ändrades från huvudprocess till stödprocess"
        ]
        assert _words("process", BASE, support, "en") == ["type changed from core to support"]
        assert i18n.current() == command
    with i18n.speaking(command):
        assert [status_word("done", "sv", n) for n in (1, 2)] == ["genomfört", "genomförda"]
        assert [status_word("review", "sv", n) for n in (1, 2)] == ["på remiss", "på remiss"]
        assert [status_word("accepted", "en", n) for n in (1, 2)] == ["accepted", "accepted"]
        assert status_word("review", "en") == "in review"
        assert status_word("lost", "sv") == "lost"
        assert [days(n, "sv") for n in (1, 5)] == ["1 dag", "5 dagar"]
        assert [days(n, "en") for n in (1, 5)] == ["1 day", "5 days"]
        assert handbook_type_word("guideline", "sv") == "riktlinje"
        assert handbook_type_word("guideline", "en") == "guideline"


@pytest.mark.parametrize(
    ("kind", "base", "english", "swedish"),
    [
        (
            "process",
            BASE,
            "process owner changed from Anna Nilsson to Erik Åberg",
            "processägare ändrades från Anna Nilsson till Erik Åberg",
        ),
        (
            "area",
            "kind: area\nid: a\nname: A\n",
            "person responsible changed from Anna Nilsson to Erik Åberg",
            "ansvarig ändrades från Anna Nilsson till Erik Åberg",
        ),
        (
            "handbook",
            "kind: handbook\nid: h\ntitle: H\ntype: routine\n",
            "owner changed from Anna Nilsson to Erik Åberg",
            "ägare ändrades från Anna Nilsson till Erik Åberg",
        ),
    ],
)
def test_an_owner_is_named_as_its_kind_names_it(
    kind: str, base: str, english: str, swedish: str
) -> None:
    """The issue's words: a process's owner is its process owner ("processägare ändrades från
    … till …"), an area's the person responsible for it, a handbook's its owner."""
    old, new = base + "owner: anna\n", base + "owner: erik\n"
    assert _words(kind, old, new) == [english]
    assert _words(kind, old, new, "sv") == [swedish]
    # set and removed too
    assert _words(kind, base, old, "sv") == [
        swedish.split(" ändrades")[0] + " sattes till Anna Nilsson"
    ]
    # without a kind, the field's own word
    changes = diff_values(kind, _value(old), _value(new), NAMES)
    assert [describe(change, "sv") for change in changes] == [
        "ägare ändrades från Anna Nilsson till Erik Åberg"
    ]
