"""Proposals from anyone, and decisions in sight: "Föreslå en förbättring" as an e-mail with the
subject and a template filled in, or as the web form with the process id (``proposals:`` in
processkit.yaml), beside the git host's issue (``site.feedback_url``); and each proposal's
description and, once decided, its decision and its date."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

from tests.site.conftest import BuildSite
from tests.site.htmlcheck import page_facts
from tests.site.repos import CONFIG, RICH

_LINK = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)

WITHOUT_FEEDBACK = CONFIG.replace(
    '  feedback_url: "https://git.example.se/processer/-/issues/new?title={id}"\n', ""
)
ISSUE = "https://git.example.se/processer/-/issues/new?title=utredning"

#: The e-mail of the process page of `utredning`, exactly as the page links it.
UTREDNING_MAIL = (
    "mailto:forslag@test.se"
    "?subject=F%C3%B6rb%C3%A4ttringsf%C3%B6rslag%3A%20Utreda%20barns%20behov%20%28utredning%29"
    "&body=Process%3A%20Utreda%20barns%20behov%20%28utredning%29%0D%0A%0D%0A"
    "Vad%20fungerar%20inte%3F%0D%0A%0D%0A%0D%0AVad%20f%C3%B6resl%C3%A5r%20du%3F%0D%0A%0D%0A"
)


def links_of(site: Path, page: str) -> list[tuple[str, str]]:
    """Every link of the page's ``<main>``: its address (as a browser reads the attribute) and
    its text."""
    text = (site / page).read_text(encoding="utf-8")
    main = text[text.index("<main ") : text.index("</main>")]
    return [
        (html.unescape(href), " ".join(re.sub(r"<[^>]+>", "", inner).split()))
        for href, inner in _LINK.findall(main)
    ]


def suggestion_links(site: Path, page: str) -> list[tuple[str, str]]:
    """The links to propose an improvement, in the order of the page."""
    found = links_of(site, page)
    return [(href, text) for href, text in found if text.startswith(("Föreslå", "Suggest"))]


def with_config(extra: str, config: str = CONFIG) -> dict[str, str | bytes]:
    files = dict(RICH)
    files["processkit.yaml"] = config + extra
    return files


def mail_parts(href: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    return parts.path, parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)


def test_a_process_page_offers_an_email_with_the_process_filled_in(
    build_site: BuildSite,
) -> None:
    site = build_site(with_config("proposals:\n  email: forslag@test.se\n"))
    found = suggestion_links(site, "processes/utredning.html")
    # once in the facts beside the page's head, once under the proposals; e-mail, then git
    assert found == [
        (UTREDNING_MAIL, "Föreslå en förbättring via e-post"),
        (ISSUE, "Föreslå en förbättring i git (kräver konto)"),
        (UTREDNING_MAIL, "Föreslå en förbättring via e-post"),
        (ISSUE, "Föreslå en förbättring i git (kräver konto)"),
    ]
    to, query = mail_parts(UTREDNING_MAIL)
    assert to == "forslag@test.se"
    assert query == {
        "subject": ["Förbättringsförslag: Utreda barns behov (utredning)"],
        "body": [
            "Process: Utreda barns behov (utredning)\r\n\r\n"
            "Vad fungerar inte?\r\n\r\n\r\n"
            "Vad föreslår du?\r\n\r\n"
        ],
    }


def test_the_area_page_and_the_proposals_page_offer_the_email_too(
    build_site: BuildSite,
) -> None:
    site = build_site(
        with_config("proposals:\n  email: forslag@test.se\n", config=WITHOUT_FEEDBACK)
    )
    [(area_mail, area_text)] = suggestion_links(site, "areas/barn.html")
    assert area_text == "Föreslå en förbättring"
    assert mail_parts(area_mail) == (
        "forslag@test.se",
        {
            "subject": ["Förbättringsförslag: Barn och unga"],
            "body": [
                "Leveransområde: Barn och unga\r\n\r\n"
                "Vad fungerar inte?\r\n\r\n\r\n"
                "Vad föreslår du?\r\n\r\n"
            ],
        },
    )
    [(all_mail, all_text)] = suggestion_links(site, "proposals.html")
    assert all_text == "Föreslå en förbättring"
    assert all_mail == (
        "mailto:forslag@test.se?subject=F%C3%B6rb%C3%A4ttringsf%C3%B6rslag"
        "&body=Vad%20fungerar%20inte%3F%0D%0A%0D%0A%0D%0AVad%20f%C3%B6resl%C3%A5r%20du%3F%0D%0A%0D%0A"
    )


def test_the_email_speaks_the_sites_language(build_site: BuildSite) -> None:
    site = build_site(
        with_config("  language: en\nproposals:\n  email: forslag@test.se\n", WITHOUT_FEEDBACK)
    )
    [(href, text)] = suggestion_links(site, "processes/utredning.html")[:1]
    assert text == "Suggest an improvement"
    assert mail_parts(href)[1] == {
        "subject": ["Improvement proposal: Utreda barns behov (utredning)"],
        "body": [
            "Process: Utreda barns behov (utredning)\r\n\r\n"
            "What does not work?\r\n\r\n\r\n"
            "What do you propose?\r\n\r\n"
        ],
    }


SITE_URL = "  url: https://fyren.test.se/processer\n"
#: Where each page offering the e-mail is, and the body's first lines there.
ABOUT = {
    "processes/utredning.html": "Process: Utreda barns behov (utredning)\r\n",
    "areas/barn.html": "Leveransområde: Barn och unga\r\n",
    "proposals.html": "",
}
QUESTIONS = "\r\nVad fungerar inte?\r\n\r\n\r\nVad föreslår du?\r\n\r\n"


def test_with_the_sites_address_the_email_gives_the_pages(build_site: BuildSite) -> None:
    site = build_site(
        with_config(SITE_URL + "proposals:\n  email: forslag@test.se\n", WITHOUT_FEEDBACK)
    )
    for page, about in ABOUT.items():
        [(href, _)] = suggestion_links(site, page)[:1]
        assert mail_parts(href)[1]["body"] == [
            f"{about}Sida: https://fyren.test.se/processer/{page}\r\n{QUESTIONS}"
        ], page
        # the address is known: nothing for the page's script to complete; the page names it
        text = (site / page).read_text(encoding="utf-8")
        assert "data-mail-before" not in text
        canonical = f'<link rel="canonical" href="https://fyren.test.se/processer/{page}">'
        assert text.count('rel="canonical"') == 1 and canonical in text
    [(href, _)] = suggestion_links(site, "processes/utredning.html")[:1]
    assert href == (
        "mailto:forslag@test.se"
        "?subject=F%C3%B6rb%C3%A4ttringsf%C3%B6rslag%3A%20Utreda%20barns%20behov%20%28utredning%29"
        "&body=Process%3A%20Utreda%20barns%20behov%20%28utredning%29%0D%0A"
        "Sida%3A%20https%3A%2F%2Ffyren.test.se%2Fprocesser%2Fprocesses%2Futredning.html%0D%0A%0D%0A"
        "Vad%20fungerar%20inte%3F%0D%0A%0D%0A%0D%0AVad%20f%C3%B6resl%C3%A5r%20du%3F%0D%0A%0D%0A"
    )


def test_a_sites_address_beyond_ascii_is_percent_encoded(build_site: BuildSite) -> None:
    site = build_site(
        with_config(
            "  url: https://kommun.test.se/förslag/\nproposals:\n  email: forslag@test.se\n",
            WITHOUT_FEEDBACK,
        )
    )
    [(href, _)] = suggestion_links(site, "areas/barn.html")
    assert mail_parts(href)[1]["body"] == [
        "Leveransområde: Barn och unga\r\n"
        "Sida: https://kommun.test.se/f%C3%B6rslag/areas/barn.html\r\n" + QUESTIONS
    ]


def test_a_hostile_sites_address_stays_an_address(build_site: BuildSite) -> None:
    hostile = 'https://x.test.se/a\\"onmouseover=\\"x<script>alert(1)</script>'
    site = build_site(
        with_config(f'  url: "{hostile}"\nproposals:\n  email: forslag@test.se\n', WITHOUT_FEEDBACK)
    )
    address = "https://x.test.se/a%22onmouseover=%22x%3Cscript%3Ealert(1)%3C/script%3E/"
    text = (site / "areas/barn.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{address}areas/barn.html">' in text
    assert "<script>alert" not in text
    assert page_facts(site, "areas/barn.html").event_attributes == []
    [(href, _)] = suggestion_links(site, "areas/barn.html")
    assert mail_parts(href)[1]["body"] == [
        f"Leveransområde: Barn och unga\r\nSida: {address}areas/barn.html\r\n" + QUESTIONS
    ]


_HALVES = re.compile(r'href="([^"]*)" data-mail-before="([^"]*)" data-mail-after="([^"]*)"')


def test_without_the_sites_address_the_script_gives_the_page_it_was_opened_at(
    build_site: BuildSite,
) -> None:
    site = build_site(
        with_config("proposals:\n  email: forslag@test.se\n", config=WITHOUT_FEEDBACK)
    )
    opened_at = "https://intra.test.se/fyren/{page}?q=å&x=1"
    for page, about in ABOUT.items():
        text = (site / page).read_text(encoding="utf-8")
        assert 'rel="canonical"' not in text  # no address, nothing to name
        found = [[html.unescape(part) for part in parts] for parts in _HALVES.findall(text)]
        assert found, page
        for href, before, after in found:
            # without script: no address (and on the proposals page nothing before the questions)
            static = about + QUESTIONS if about else QUESTIONS.removeprefix("\r\n")
            assert mail_parts(href)[1]["body"] == [static], page
            # with it: what site.js does, encodeURIComponent(location.href without its #)
            here = quote(opened_at.format(page=page), safe="-_.!~*'()")
            assert mail_parts(before + here + after)[1] == {
                "subject": mail_parts(href)[1]["subject"],
                "body": [f"{about}Sida: {opened_at.format(page=page)}\r\n{QUESTIONS}"],
            }, page
    script = (site / "assets/site.js").read_text(encoding="utf-8")
    assert 'encodeURIComponent(window.location.href.split("#")[0])' in script


def test_the_web_form_gets_the_process_id(build_site: BuildSite) -> None:
    form = '  form_url: "https://forms.example.se/forslag?process={id}"\n'
    site = build_site(with_config("proposals:\n" + form, config=WITHOUT_FEEDBACK))
    assert (
        suggestion_links(site, "processes/utredning.html")
        == [
            ("https://forms.example.se/forslag?process=utredning", "Föreslå en förbättring"),
        ]
        * 2
    )
    # pages about no one process leave the id empty
    assert suggestion_links(site, "areas/barn.html") == [
        ("https://forms.example.se/forslag?process=", "Föreslå en förbättring")
    ]
    assert suggestion_links(site, "proposals.html") == [
        ("https://forms.example.se/forslag?process=", "Föreslå en förbättring")
    ]
    # with both, each link says which way it is
    both = build_site(
        with_config("proposals:\n  email: forslag@test.se\n" + form, WITHOUT_FEEDBACK),
        name="both",
    )
    assert [text for _, text in suggestion_links(both, "proposals.html")] == [
        "Föreslå en förbättring via e-post",
        "Föreslå en förbättring i ett webbformulär",
    ]


def test_no_intake_and_no_issue_link_no_button(build_site: BuildSite) -> None:
    site = build_site(with_config("", config=WITHOUT_FEEDBACK))
    for page in ("processes/utredning.html", "areas/barn.html", "proposals.html"):
        assert suggestion_links(site, page) == [], page
        assert "mailto:" not in (site / page).read_text(encoding="utf-8"), page


def test_the_issue_link_alone_stays_as_it_was(build_site: BuildSite) -> None:
    site = build_site(RICH)
    assert suggestion_links(site, "processes/utredning.html") == [
        (ISSUE, "Föreslå en förbättring"),
        (ISSUE, "Föreslå en förbättring"),
    ]
    text = (site / "processes/utredning.html").read_text(encoding="utf-8")
    button = f'<a class="button" href="{ISSUE}" rel="noopener">Föreslå en förbättring</a>'
    assert f"<li>{button}</li>" in text
    # the issue is about one process: the other pages have no link to it
    assert suggestion_links(site, "areas/barn.html") == []
    assert suggestion_links(site, "proposals.html") == []


def test_a_hostile_address_stays_inside_the_link(build_site: BuildSite) -> None:
    site = build_site(
        with_config('proposals:\n  email: "a@b.se\\" onclick=\\"x"\n', WITHOUT_FEEDBACK)
    )
    facts = page_facts(site, "proposals.html")
    assert facts.event_attributes == []
    [(href, _)] = suggestion_links(site, "proposals.html")
    assert href.startswith("mailto:a@b.se%22%20onclick=%22x?subject=")


DECIDED = {
    "proposals/fp-2.yaml": """\
        kind: proposal
        id: fp-2
        process: utredning
        title: Redan genomfört förslag
        submitted: 2026-01-01
        description: Skicka kallelsen digitalt.
        status: done
        decision: |
          Antas, eftersom det *sparar* en vecka.
        decided: 2026-02-15
        """,
    "proposals/fp-3.yaml": """\
        kind: proposal
        id: fp-3
        process: utredning
        title: Längre utredningstid
        submitted: 2026-02-01
        description: Ge utredarna sex månader.
        status: rejected
        decision: Avslås. Lagen medger fyra månader.
        decided: 2026-03-01
        """,
    "proposals/fp-4.yaml": """\
        kind: proposal
        id: fp-4
        process: utredning
        title: Ett förslag som bereds
        submitted: 2026-03-01
        status: assessing
        decision: Ett utkast till beslut som ännu inte gäller.
        """,
}


def _text(site: Path, page: str) -> str:
    return " ".join(" ".join(page_facts(site, page).text).split())


def test_decisions_are_shown_with_their_date_and_reason(build_site: BuildSite) -> None:
    site = build_site({**RICH, **DECIDED})
    proposals = _text(site, "proposals.html")
    for said in (
        "Redan genomfört förslag (fp-2) Skicka kallelsen digitalt. Genomfört "
        "2026-01-01 2026-02-15 Antas, eftersom det sparar en vecka.",
        "Längre utredningstid (fp-3) Ge utredarna sex månader. Avslaget 2026-02-01 2026-03-01 "
        "Avslås. Lagen medger fyra månader.",
    ):
        assert said in proposals
    process = _text(site, "processes/utredning.html")
    for said in (
        "Längre utredningstid Avslaget Inkom 2026-02-01 Ge utredarna sex månader. "
        "Beslutat 2026-03-01 Avslås. Lagen medger fyra månader.",
        "Redan genomfört förslag Genomfört Inkom 2026-01-01 Skicka kallelsen digitalt. "
        "Beslutat 2026-02-15 Antas, eftersom det sparar en vecka.",
        "Ett förslag som bereds Bereds Inkom 2026-03-01",
    ):
        assert said in process
    # a proposal not yet decided shows no decision, even one written in advance
    for text in (proposals, process):
        assert "Ett utkast till beslut" not in text
    html_text = (site / "processes/utredning.html").read_text(encoding="utf-8")
    assert "Antas, eftersom det <em>sparar</em> en vecka." in html_text
