"""What the pages say: goldens of whole pages (maps left out: Graphviz draws them), English,
branding and a repository's own templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.site.conftest import BuildSite
from tests.site.htmlcheck import page_facts
from tests.site.repos import RICH

from processkit.site.theme import contrast

GOLDENS = Path(__file__).parent / "goldens"
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def without_maps(html: str) -> str:
    return _SVG.sub("<svg><!-- map --></svg>", html)


def check_golden(name: str, text: str, update: bool) -> None:
    golden = GOLDENS / name
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{name} differs; see --update-goldens"


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
    check_golden("rich/" + page.replace("/", "--"), html, update_goldens)


@pytest.mark.parametrize("page", ["index.html", "processes/bu-utredning.html"])
def test_kalmar_pages(kalmar_site: Path, update_goldens: bool, page: str) -> None:
    html = without_maps((kalmar_site / page).read_text(encoding="utf-8"))
    check_golden("kalmar/" + page.replace("/", "--"), html, update_goldens)


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
