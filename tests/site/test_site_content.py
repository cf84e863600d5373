"""What the pages say: goldens of the pages' ``<main>`` (maps left out: Graphviz draws them)
and one of the chrome every page shares, English, branding and a repository's own templates."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult
from tests.golden_support import check_golden
from tests.site.conftest import BuildSite
from tests.site.htmlcheck import page_facts
from tests.site.repos import RICH

from processkit import i18n
from processkit.model.kinds import Language
from processkit.site import parallel
from processkit.site.theme import contrast

GOLDENS = Path(__file__).parent / "goldens"
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def without_maps(html: str) -> str:
    return _SVG.sub("<svg><!-- map --></svg>", html)


def _main_span(html: str) -> tuple[int, int]:
    start = html.index("<main ")
    return start, html.index("</main>", start) + len("</main>")


def main_of(html: str) -> str:
    """The page's own part: its ``<main>`` element."""
    start, end = _main_span(html)
    return html[start:end] + "\n"


def chrome_of(html: str) -> str:
    """What the page shares with every other: head, header, navigation and footer."""
    start, end = _main_span(html)
    return html[:start] + "<main><!-- the page's own golden --></main>" + html[end:]


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "areas/barn.html",
        "processes/utredning.html",
        "roles/enhetschef.html",
        "owners.html",
        "handbooks/rutin-utredning.html",
    ],
)
def test_pages_of_a_full_repository(build_site: BuildSite, update_goldens: bool, page: str) -> None:
    site = build_site(RICH)
    html = without_maps((site / page).read_text(encoding="utf-8"))
    check_golden(GOLDENS / "rich" / page.replace("/", "--"), main_of(html), update_goldens)


def test_the_chrome_every_page_shares(build_site: BuildSite, update_goldens: bool) -> None:
    html = (build_site(RICH) / "processes/utredning.html").read_text(encoding="utf-8")
    check_golden(GOLDENS / "chrome.html", chrome_of(html), update_goldens)


@pytest.mark.parametrize(
    "page", ["index.html", "processes/bu-utredning.html", "accessibility.html"]
)
def test_kalmar_pages(kalmar_site: Path, update_goldens: bool, page: str) -> None:
    html = without_maps((kalmar_site / page).read_text(encoding="utf-8"))
    check_golden(GOLDENS / "kalmar" / page.replace("/", "--"), main_of(html), update_goldens)


def test_a_process_page_in_english(build_site: BuildSite) -> None:
    files = dict(RICH)
    files["processkit.yaml"] = str(files["processkit.yaml"]) + "  language: en\n"
    site = build_site(files)
    facts = page_facts(site, "processes/utredning.html")
    text = " ".join(" ".join(facts.text).split())
    assert facts.lang == "en"
    for label in (
        "Skip to content",
        "Core process · Barn och unga",
        "Process owner Anna Nilsson , Avdelningschef",
        "From need to need met",
        "Hands over to",
        "Risk matrix: likelihood times consequence",
        "Suggest an improvement",
        "Version control has no history for this yet.",
    ):
        assert label in text, label
    assert "Processägare" not in text


@pytest.mark.parametrize(
    ("site_language", "command", "said", "not_said"),
    [
        (
            "en",
            "sv",
            [
                "Skip to content",
                "Core process · Barn och unga",
                "Process owner Anna Nilsson , Avdelningschef",
                "Next review 2026-01-15 overdue",
            ],
            "Processägare",
        ),
        (
            "sv",
            "en",
            [
                "Hoppa till innehållet",
                "Huvudprocess · Barn och unga",
                "Processägare Anna Nilsson , Avdelningschef",
                "Nästa revision 2026-01-15 försenad",
            ],
            "Process owner",
        ),
    ],
)
def test_the_site_speaks_its_own_language_not_the_commands(
    build_site: BuildSite,
    monkeypatch: pytest.MonkeyPatch,
    site_language: str,
    command: Language,
    said: list[str],
    not_said: str,
) -> None:
    """``site.language`` decides the pages and their maps, also where forked workers make them,
    whatever language processkit speaks to the person who publishes."""
    files = dict(RICH)
    files["processkit.yaml"] = f"{files['processkit.yaml']}  language: {site_language}\n"
    monkeypatch.setattr(parallel, "THRESHOLD", 0)  # pages made by forked workers
    with i18n.speaking(command):
        site = build_site(files)
        assert i18n.current() == command
    html = (site / "processes/utredning.html").read_text(encoding="utf-8")
    text = " ".join(" ".join(page_facts(site, "processes/utredning.html").text).split())
    for words in said:
        assert words in text, words
    assert not_said not in text
    flow = "Process flow" if site_language == "en" else "Processflöde"
    assert f"{flow} \N{EN DASH} " in html  # the flow map, drawn in its words


def test_overdue_review_is_flagged_on_the_publication_day(build_site: BuildSite) -> None:
    # approved 2025-01-15 + 12 months = 2026-01-15, before the publication day 2026-06-01
    site = build_site(RICH)
    text = " ".join(" ".join(page_facts(site, "processes/utredning.html").text).split())
    assert "Nästa revision 2026-01-15 försenad" in text
    assert "Revision försenad" in text
    other = " ".join(" ".join(page_facts(site, "processes/myndighet.html").text).split())
    assert "Nästa revision 2027-03-01 Mognad" in other


def test_brand_colours_logo_and_template_overrides(build_site: BuildSite) -> None:
    files = dict(RICH)
    files["processkit.yaml"] = str(files["processkit.yaml"]) + (
        "  logo: grafik/logga.svg\n"
        "  colors: {primary: '#ffd200', link: '#7faedc'}\n"
        "  templates: mallar\n"
    )
    files["grafik/logga.svg"] = '<svg xmlns="http://www.w3.org/2000/svg"/>'
    files["mallar/base.html"] = (
        '{% extends "builtin/base.html" %}\n'
        '{% block footer %}{{ super() }}<p class="egen">Kontakta kommunen</p>{% endblock %}\n'
    )
    files["mallar/assets/extra.css"] = "body { letter-spacing: 0.01em; }\n"
    site = build_site(files)
    assert (site / "assets/theme.css").read_text(encoding="utf-8") == (
        "/* The brand colours from processkit.yaml (site.colors). */\n"
        ":root {\n"
        "  --pk-primary: #ffd200;\n"
        "  --pk-on-primary: #000000;\n"
        "  --pk-nav: #ffdb33;\n"
        "  --pk-link: #51728f;\n"
        "}\n"
    )
    # the light link colour is darkened until it reads on white (4.5:1)
    assert 4.5 <= contrast("#51728f", "#ffffff") < 5.1
    assert (site / "assets/logo.svg").read_bytes() == b'<svg xmlns="http://www.w3.org/2000/svg"/>'
    assert (site / "assets/extra.css").is_file()
    for page in ("index.html", "processes/utredning.html", "roles/enhetschef.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert '<p class="egen">Kontakta kommunen</p>' in html, page
        root = "../" * page.count("/")
        assert f'<img class="brand-logo" src="{root}assets/logo.svg" alt="">' in html


def test_accessibility_statement_has_the_configured_contact(build_site: BuildSite) -> None:
    site = build_site(RICH)
    html = (site / "accessibility.html").read_text(encoding="utf-8")
    assert '<li>E-post: <a href="mailto:webb@test.se">webb@test.se</a></li>' in html
    assert "<li>Telefon: 010-123 45 67</li>" in html
    text = " ".join(" ".join(page_facts(site, "accessibility.html").text).split())
    assert "Tillgänglighetsredogörelse för Fyren" in text
    assert "Redogörelsen uppdaterades senast 2026-06-01." in text


def _statement(site: Path) -> dict[str, str]:
    """The accessibility statement's text under each heading, by the heading's id."""
    html = (site / "accessibility.html").read_text(encoding="utf-8")
    main = html[html.index("<main") : html.index("</main>")]
    sections: dict[str, str] = {}
    for part in re.split(r'(?=<h[23] id=")', main)[1:]:
        ident = re.match(r'<h[23] id="([^"]+)"', part)
        assert ident is not None
        text = re.sub(r"<[^>]+>", " ", part[part.index("</h") :])
        sections[ident.group(1)] = " ".join(text.replace("h2>", "").replace("h3>", "").split())
    return sections


def test_an_accessibility_statement_left_unset_says_it_is_not_complete(
    build_site: BuildSite,
) -> None:
    """Without site.accessibility nothing is claimed: the statement says what is missing."""
    sections = _statement(build_site(RICH))
    assert sections["how-accessible"] == (
        "Redogörelsen är inte komplett: Testkommunen har inte angett om webbplatsen är helt "
        "förenlig, delvis förenlig eller inte förenlig med lagen om tillgänglighet till digital "
        "offentlig service. Webbplatsen är byggd för att uppfylla WCAG 2.1 på nivå AA: den går "
        "att använda med tangentbord, med skärmläsare, på mobil och med förstoring till 400 "
        "procent. Texterna i processbeskrivningarna skrivs av verksamheten, och deras "
        "tillgänglighet bedöms här nedan."
    )
    assert (
        sections["shortcomings"] == "Redogörelsen är inte komplett: den förtecknar inga brister än."
    )
    assert sections["disproportionate-burden"] == (
        "Vi gör inga undantag för oskäligt betungande anpassning."
    )
    assert sections["outside-law"] == (
        "Lagen om tillgänglighet till digital offentlig service gäller inte följande innehåll "
        "(9 §). Länkar till andra webbplatser, till exempel lagtexter och Socialstyrelsens "
        "handböcker, leder till sidor som vi inte ansvarar för och som kan vara mindre "
        "tillgängliga."
    )
    assert sections["testing"].startswith(
        "Redogörelsen anger inte när webbplatsen senast bedömdes. Redogörelsen anger inte hur "
        "bedömningen gjordes. Webbplatsen skapas med verktyget processkit,"
    )
    assert sections["testing"].endswith("Redogörelsen uppdaterades senast 2026-06-01.")


@pytest.mark.parametrize(
    ("status", "language", "words"),
    [
        (
            "full",
            "sv",
            "Den här webbplatsen är helt förenlig med lagen om tillgänglighet till digital "
            "offentlig service.",
        ),
        (
            "partial",
            "sv",
            "Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital "
            "offentlig service, på grund av de brister som beskrivs nedan.",
        ),
        (
            "none",
            "sv",
            "Den här webbplatsen är inte förenlig med lagen om tillgänglighet till digital "
            "offentlig service. Bristerna beskrivs nedan.",
        ),
        (
            "full",
            "en",
            "This website is fully compliant with the Swedish law on accessibility of digital "
            "public services.",
        ),
        (
            "partial",
            "en",
            "This website is partially compliant with the Swedish law on accessibility of "
            "digital public services, due to the shortcomings listed below.",
        ),
        (
            "none",
            "en",
            "This website is not compliant with the Swedish law on accessibility of digital "
            "public services. The shortcomings are listed below.",
        ),
    ],
)
def test_compliance_is_stated_in_the_fixed_words(
    build_site: BuildSite, status: str, language: str, words: str
) -> None:
    files = dict(RICH)
    files["processkit.yaml"] = (
        str(files["processkit.yaml"])
        + f"  language: {language}\n  accessibility: {{status: {status}}}\n"
    )
    sections = _statement(build_site(files))
    assert sections["how-accessible"].startswith(words + " ")
    unlisted = {
        "sv": "Redogörelsen är inte komplett: den förtecknar inga brister än.",
        "en": "This statement is not complete: it lists no shortcomings yet.",
    }
    none_known = {
        "sv": "Vi känner inte till något innehåll på webbplatsen som inte är tillgängligt.",
        "en": "We know of no content on this website that is not accessible.",
    }
    expected = none_known if status == "full" else unlisted
    assert sections["shortcomings"] == expected[language]


def test_the_statement_lists_shortcomings_exemptions_and_the_assessment(
    build_site: BuildSite,
) -> None:
    files = dict(RICH)
    files["processkit.yaml"] = str(files["processkit.yaml"]) + (
        "  language: en\n"
        "  accessibility:\n"
        "    status: partial\n"
        "    assessed: 2026-03-16\n"
        "    method: third-party\n"
        "    assessor: Granskarna AB\n"
        "    updated: 2026-03-20\n"
        "    shortcomings:\n"
        "      - {content: Scanned PDFs, problem: They have no text., criteria: [1.1.1, 1.3.1],\n"
        "         alternative: Ask for a Word file., fixed_by: 2026-09-30}\n"
        "      - {content: Link texts, problem: Some say Read more.}\n"
        "    disproportionate_burden:\n"
        "      - {content: Training films 2021, reason: They are replaced this autumn.}\n"
        "    outside_law:\n"
        "      - {content: Old routines, reason: Published before 23 September 2018.}\n"
        "      - {content: Maps of the premises}\n"
    )
    sections = _statement(build_site(files))
    assert sections["shortcomings"] == (
        "The content described below is in one way or another not fully accessible. "
        "Scanned PDFs : They have no text. Concerns WCAG 2.1 success criteria: 1.1.1, 1.3.1. "
        "Alternative: Ask for a Word file. We plan to fix this by 2026-09-30. "
        "Link texts : Some say Read more."
    )
    assert sections["disproportionate-burden"] == (
        "Testkommunen exempts the following content from the requirements, because making it "
        "accessible would be a disproportionate burden (section 12 of the law on accessibility "
        "of digital public services). Training films 2021 Reason: They are replaced this autumn."
    )
    assert sections["outside-law"] == (
        "The law on accessibility of digital public services does not apply to the following "
        "content (section 9). Old routines Why: Published before 23 September 2018. "
        "Maps of the premises Links to other websites, such as legal texts and national "
        "guidance, lead to pages we are not responsible for and which may be less accessible."
    )
    assert sections["testing"].startswith(
        "The latest assessment of how this website complies with the law was made on "
        "2026-03-16. The method was an audit by an external party. It was made by Granskarna AB. "
    )
    assert sections["testing"].endswith("This statement was last updated on 2026-03-20.")


def test_an_exemption_for_disproportionate_burden_needs_its_reason(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    root = make_repo(
        {
            "processkit.yaml": "organisation: T\nsite:\n  accessibility:\n"
            "    disproportionate_burden: [{content: Filmer}]\n"
        }
    )
    result = cli("validate", root)
    assert (result.code, result.err.splitlines()[0]) == (
        2,
        "processkit.yaml:4:31 PK010 error: `reason` is missing: `disproportionate_burden` needs it",
    )
