"""The Kalmar site in a real browser: headless Chromium (Debian's) driven by Playwright.

Pages load without console errors, search finds a process by a Swedish word from its purpose,
a map link leads to the process page, and axe-core finds no serious or critical WCAG 2.1 AA
violation. Outside CI the test is skipped when Chromium, Playwright or axe-core is missing
(``./dev test`` installs them); in CI (CI=true) they must be there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests import chromium
from tests.conftest import KALMAR, ROOT
from tests.site.conftest import BuildSite
from tests.site.htmlcheck import html_pages
from tests.site.repos import HOSTILE_TEXT, LONG_WORD

from processkit.resources import templates_dir
from processkit.site.preview import serving

pytestmark = pytest.mark.browser

AXE = Path(
    os.environ.get(
        "PROCESSKIT_AXE", ROOT / ".processkit-cache/axe/node_modules/axe-core/axe.min.js"
    )
)
AXE_PAGES = [
    "index.html",
    "areas/barn-och-unga.html",
    "processes/bu-utredning.html",
    "roles/socialsekreterare.html",
    "handbooks/rutin-barnutredning.html",
    "handbooks/hb-processmodell.html",
    "accessibility.html",
    "maturity.html",
    "proposals.html",
]


def _missing() -> str | None:
    problem = chromium.missing()
    if problem is not None:
        return problem
    if not AXE.is_file():
        return f"no axe-core at {AXE} (run ./dev setup, or npm install axe-core there)"
    return None


@pytest.fixture(scope="module")
def server(kalmar_site: Path) -> Iterator[str]:
    with serving(kalmar_site) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from chromium.started_for_tests(_missing())


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.errors = []
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    yield tab
    context.close()


@pytest.mark.parametrize(
    "address",
    [
        "index.html",
        "areas/barn-och-unga.html",
        "processes/bu-utredning.html",
        "roles/socialsekreterare.html",
        "handbooks/rutin-barnutredning.html",
        "owners.html",
        "roles.html",
        "handbooks.html",
        "changes.html",
        "accessibility.html",
        "search.html?q=utredning",
        "404.html",
    ],
)
def test_pages_load_without_console_errors(page: Any, server: str, address: str) -> None:
    response = page.goto(server + address)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    assert page.errors == []


def test_search_finds_a_process_by_a_swedish_word_from_its_purpose(page: Any, server: str) -> None:
    # bu-utredning's purpose: "… blir allsidigt belyst så att rätt beslut kan fattas."
    page.goto(server + "index.html")
    page.fill("#start-search", "allsidigt")
    page.press("#start-search", "Enter")
    page.wait_for_url("**/search.html?q=allsidigt")
    results = page.locator("#search-results a")
    results.first.wait_for()
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert "processes/bu-utredning.html" in hrefs
    assert page.locator("#search-status").inner_text().endswith("för ”allsidigt”.")
    page.click('#search-results a[href="processes/bu-utredning.html"]')
    assert page.locator("h1").inner_text() == "Utreda barns och ungas behov"
    assert page.errors == []


def test_a_map_link_leads_to_the_process_page(page: Any, server: str) -> None:
    page.goto(server + "areas/barn-och-unga.html")
    link = page.locator('figure.map svg a[*|href$="processes/bu-utredning.html"]').first
    link.click()
    page.wait_for_url("**/processes/bu-utredning.html")
    assert page.locator("h1").inner_text() == "Utreda barns och ungas behov"


def test_the_map_zooms_on_a_phone(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True)
    tab = context.new_page()
    tab.goto(server + "processes/bu-utredning.html")
    svg = tab.locator("figure.map svg").first
    before = svg.bounding_box()["width"]
    tab.get_by_role("button", name="Förstora kartan").first.click()
    after = svg.bounding_box()["width"]
    assert after == pytest.approx(before * 1.5, rel=0.05)
    assert tab.evaluate("document.documentElement.scrollWidth") == 390  # the page stays put
    context.close()


def test_proposals_go_by_email_and_their_decisions_are_shown(page: Any, server: str) -> None:
    """Anyone proposes by e-mail, with the process in the subject; a decided proposal's
    decision is on the proposals page and on its process's page."""
    from urllib.parse import parse_qs, urlsplit

    page.goto(server + "processes/bu-utredning.html")
    link = page.get_by_role("link", name="Föreslå en förbättring via e-post").first
    href = link.get_attribute("href")
    parts = urlsplit(href)
    assert (parts.scheme, parts.path) == ("mailto", "processtod@kalmar.example.se")
    query = parse_qs(parts.query)
    assert query["subject"] == ["Förbättringsförslag: Utreda barns och ungas behov (bu-utredning)"]
    assert "(bu-utredning)" in query["body"][0]
    # fp-2026-001, about bu-utredning, is done: its decision, with its date
    decision = "Digital kommunicering infördes som förstahandsval från 1 november 2026."
    proposal = page.locator("#proposal-fp-2026-001")
    assert decision in proposal.inner_text()
    assert "Beslutat 2026-10-01" in proposal.inner_text()
    page.goto(server + "proposals.html")
    row = page.locator("tr#fp-2026-001")
    assert decision in row.inner_text()
    assert "2026-10-01" in row.inner_text()
    # a rejected one says why
    rejected = page.locator("tr#fp-2026-007").inner_text()
    assert "Avslaget" in rejected and "Anmälningar via e-post är inte säkra." in rejected
    assert page.errors == []


def test_the_proposal_email_holds_the_pages_address(
    page: Any, server: str, build_site: BuildSite
) -> None:
    """Kalmar sets ``site.url``: the e-mail from `bu-utredning` gives the page's absolute
    address. Without ``site.url`` the page's script gives the address it was opened at."""
    from urllib.parse import parse_qs, urlsplit

    def body() -> str:
        link = page.get_by_role("link", name="Föreslå en förbättring via e-post").first
        return parse_qs(urlsplit(link.get_attribute("href")).query)["body"][0]

    page.goto(server + "processes/bu-utredning.html")
    assert body() == (
        "Process: Utreda barns och ungas behov (bu-utredning)\r\n"
        "Sida: https://fyren.kalmar.example.se/processes/bu-utredning.html\r\n\r\n"
        "Vad fungerar inte?\r\n\r\n\r\nVad föreslår du?\r\n\r\n"
    )
    assert page.errors == []
    config = (KALMAR / "processkit.yaml").read_text(encoding="utf-8")
    assert "  url: https://fyren.kalmar.example.se/\n" in config
    files: dict[str, str | bytes] = {
        path.relative_to(KALMAR).as_posix(): path.read_bytes()
        for path in KALMAR.rglob("*")
        if path.is_file()
    }
    files["processkit.yaml"] = config.replace("  url: https://fyren.kalmar.example.se/\n", "")
    with serving(build_site(files)) as elsewhere:
        page.goto(elsewhere + "processes/bu-utredning.html#aktiviteter")
        assert body() == (
            "Process: Utreda barns och ungas behov (bu-utredning)\r\n"
            f"Sida: {elsewhere}processes/bu-utredning.html\r\n\r\n"
            "Vad fungerar inte?\r\n\r\n\r\nVad föreslår du?\r\n\r\n"
        )
        assert page.errors == []


def test_the_skip_link_comes_first(page: Any, server: str) -> None:
    page.goto(server + "processes/bu-utredning.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("address", AXE_PAGES)
def test_axe_finds_no_serious_wcag_violations(page: Any, server: str, address: str) -> None:
    page.goto(server + address)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert len(result["passes"]) > 10  # axe did run its rules


@pytest.mark.parametrize("address", [*AXE_PAGES, "owners.html", "changes.html"])
def test_nothing_scrolls_sideways_at_320_pixels(browser: Any, server: str, address: str) -> None:
    """320 CSS pixels: a small phone, and a 1280-pixel screen zoomed to 400 %."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto(server + address)
    assert tab.evaluate("document.documentElement.scrollWidth") == 320
    context.close()


def test_a_process_page_prints_without_menus(page: Any, server: str) -> None:
    page.goto(server + "processes/bu-utredning.html")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.site-header', '.breadcrumbs', '.toc', '.map-tools', '.history']
            .map(s => getComputedStyle(document.querySelector(s)).display)"""
    )
    assert hidden == ["none"] * 5
    assert page.locator("#activities").is_visible()
    assert page.locator("figure.map svg").first.is_visible()


#: Every kind of page: one per template that draws a whole page (its body is "page page-…").
PAGE_KINDS = sorted(
    f"page page-{t.stem}"
    for t in (templates_dir() / "site").glob("*.html")
    if t.stem not in ("base", "macros")
)


def _wider_pages(browser: Any, address: str, pages: list[str], width: int, query: str) -> list[str]:
    """The pages wider than ``width`` CSS pixels (the page scrolls sideways), with their width;
    the search page shows the results for ``query``. Asserts that the pages include every kind
    of page."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    tab = context.new_page()
    wider, kinds = [], set()
    for page in pages:
        if page == "search.html":  # with results, which come from the search index
            tab.goto(address + "search.html?q=" + query)
            tab.locator("#search-results a").first.wait_for()
        else:
            tab.goto(address + page)
        kinds.add(tab.evaluate("document.body.className"))
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            wider.append(f"{page}: {scroll_width} px")
    context.close()
    assert sorted(kinds) == PAGE_KINDS
    return wider


def test_no_page_scrolls_sideways_on_a_390_pixel_phone(
    browser: Any, server: str, kalmar_site: Path
) -> None:
    """Every page of the Kalmar site (every kind, the handbooks with tables among them) fits a
    phone 390 CSS pixels wide; a wide table or map scrolls inside its own box."""
    assert "handbooks/hb-processmodell.html" in html_pages(kalmar_site)
    wider = _wider_pages(browser, server, html_pages(kalmar_site), 390, "utredning")
    assert wider == [], "\n".join(wider)


@pytest.mark.parametrize("width", [390, 1280])
def test_no_page_from_hostile_text_scrolls_sideways(
    browser: Any, build_site: BuildSite, width: int
) -> None:
    """Words wider than the screen, Markdown tables and code, right-to-left text: in every
    field of every kind of page, on a phone and on a desktop."""
    site = build_site(HOSTILE_TEXT, search=True)
    with serving(site) as address:
        wider = _wider_pages(browser, address, html_pages(site), width, LONG_WORD)
    assert wider == [], "\n".join(wider)


SMALLEST_MAP_TEXT = """() => {
    const svg = document.querySelector('figure.map-flow svg');
    const sizes = [...svg.querySelectorAll('text')].map(
        text => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a);
    return [sizes.length, Math.min(...sizes)];
}"""


def test_the_flow_map_text_is_readable_on_a_desktop(page: Any, server: str) -> None:
    """At 1280 CSS pixels and the default zoom the flow map's smallest text (a routine under
    an activity, 9 points as drawn) is at least 12 pixels on screen, and the long flow of
    bu-utredning, drawn in rows, fits its box: neither the box nor the page scrolls sideways
    before anyone presses a button."""
    page.goto(server + "processes/bu-utredning.html")
    count, smallest = page.evaluate(SMALLEST_MAP_TEXT)
    assert count > 20
    assert smallest >= 12
    box = page.locator("figure.map-flow .map-scroll")
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth")
    assert box.evaluate("b => b.scrollHeight <= b.clientHeight")  # it grows with its rows
    assert page.evaluate("document.documentElement.scrollWidth") == 1280
    # three rows, joined by two pairs of link events
    circles = page.locator('figure.map-flow svg g.node[id*="--link--"]:not([aria-hidden])')
    assert sorted(g.get_attribute("id") for g in circles.all()) == [
        "process-bu-utredning--link--A--in--2",
        "process-bu-utredning--link--A--out--1",
        "process-bu-utredning--link--B--in--3",
        "process-bu-utredning--link--B--out--2",
    ]
    # "Förstora kartan" zooms in, and the box scrolls sideways; "Anpassa" fits it again
    page.get_by_role("button", name="Förstora kartan").click()
    assert page.evaluate(SMALLEST_MAP_TEXT)[1] > smallest
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")
    page.get_by_role("button", name="Anpassa").click()
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth")
    assert page.evaluate(SMALLEST_MAP_TEXT)[1] == pytest.approx(smallest)
    assert page.errors == []


RACI_NAMES = ["Utför (R)", "Ansvarar (A)", "Rådfrågas (C)", "Informeras (I)"]


def test_raci_headers_are_spelled_out_on_a_desktop(page: Any, server: str) -> None:
    page.goto(server + "processes/bu-utredning.html")
    headers = page.locator("#activities th.raci")
    assert [headers.nth(i).inner_text() for i in range(4)] == RACI_NAMES


@pytest.mark.parametrize("width", [390, 800])
def test_raci_letters_keep_their_full_names(browser: Any, server: str, width: int) -> None:
    """Narrower, the headers show the letter; a screen reader hears the word with it."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(server + "processes/bu-utredning.html")
    for name in RACI_NAMES:
        assert tab.get_by_role("columnheader", name=name, exact=True).count() == 1
    if width == 800:  # the table shows its header row: the letters, the words clipped away
        letters = tab.locator("#activities th.raci .raci-letter")
        assert letters.all_inner_texts() == ["R", "A", "C", "I"]
        assert all(letters.nth(i).is_visible() for i in range(4))
        words = tab.locator("#activities th.raci .raci-word")
        assert all(words.nth(i).bounding_box()["width"] <= 1 for i in range(4))
    context.close()


def test_search_results_say_their_kind_and_keep_words_apart(page: Any, server: str) -> None:
    # bu-forhandsbedomning: "Behov" (a term) followed by "Någon är orolig för ett barn …"
    page.goto(server + "search.html?q=orolig")
    hit = page.locator(
        "#search-results li", has=page.locator('a[href="processes/bu-forhandsbedomning.html"]')
    )
    hit.wait_for()
    assert hit.locator(".search-kind").inner_text() == "Process"
    excerpt = hit.locator("p").inner_text()
    assert "Behov Någon är orolig" in excerpt
    assert "BehovNågon" not in excerpt
    kinds = page.locator("#search-results .search-kind").all_inner_texts()
    assert "Roll" in kinds and "Leveransområde" in kinds
    assert page.errors == []


def test_every_bundle_of_the_index_answers_and_in_the_same_order_each_time(
    browser: Any, server: str
) -> None:
    """The search page merges the index's bundles all at once; the hits come from each of
    them (the lists, the process pages, the other pages), in one order on every load."""
    found: list[list[str]] = []
    for _ in range(3):
        context = browser.new_context()
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.goto(server + "search.html?q=rutin")
        bundles = tab.locator("#search-status").get_attribute("data-bundles")
        assert bundles == "pagefind/main/ pagefind/l00/ pagefind/p00/ pagefind/o00/"
        tab.locator("#search-results a").first.wait_for()
        tab.wait_for_function("document.getElementById('search-status').textContent.includes('”')")
        found.append(
            tab.locator("#search-results a").evaluate_all(
                "links => links.map(link => link.getAttribute('href'))"
            )
        )
        context.close()
    assert found[0] == found[1] == found[2]
    hits = found[0]
    assert "index.html" in hits  # a page built anew every time (main)
    assert "handbooks.html" in hits  # a list (l00)
    assert "processes/vu-vald.html" in hits  # a process (p00)
    assert "roles/socialchef.html" in hits and "handbooks/rutin-lakemedel.html" in hits  # o00
    assert len(hits) == 50  # the first 50 of more


#: What ``serve`` tells the open pages when the last change cannot be built (as its tests
#: find it for a list left open), with a word wider than a phone.
PROBLEMS = (
    "processes/barn/utredning.yaml:3:7 PK002 fel: värdet i `name` börjar med `[` men saknar "
    "ett avslutande `]`\n"
    "  3 | name: [Utreda barns behov\n"
    "    |       ^\n"
    "    = tips: Avsluta listan på samma rad och skilj punkterna åt med kommatecken: "
    "`name: [Utreda barns behov]`\n"
    "\n"
    f"processes/{'lång' * 40}.yaml:1:1 PK001 fel: filen kan inte läsas: den finns inte"
)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_preview_tells_why_the_last_change_is_not_shown_until_a_build_is_there(
    browser: Any, kalmar_site: Path, width: int
) -> None:
    """``serve``'s pages: the problems of a change that cannot be built appear at the top of
    the open page, in Swedish, readable by keyboard and screen reader and on a phone; the
    next build reloads the page without them."""
    from processkit import i18n
    from processkit.site.preview import PROBLEMS_ID, Builds, Problems

    builds = Builds()
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    with i18n.speaking("sv"), serving(kalmar_site, builds) as address:
        tab.goto(address + "processes/bu-utredning.html")
        assert tab.locator(f"#{PROBLEMS_ID}").count() == 0
        builds.failed(Problems(PROBLEMS, 2))
        box = tab.wait_for_selector(f"#{PROBLEMS_ID}")
        assert box.get_attribute("role") == "alert"
        assert box.get_attribute("lang") == "sv"
        assert tab.evaluate("document.body.firstElementChild.id") == PROBLEMS_ID
        assert tab.inner_text(f"#{PROBLEMS_ID} h2") == "Den senaste ändringen visas inte ännu"
        assert tab.inner_text(f"#{PROBLEMS_ID} p") == (
            "Sidan visar innehållet som det såg ut före ändringen. Rätta felen nedan och spara, "
            "så laddas sidan om automatiskt."
        )
        assert tab.eval_on_selector(f"#{PROBLEMS_ID} pre", "e => e.textContent") == PROBLEMS
        assert tab.evaluate("document.documentElement.scrollWidth") == width
        tab.keyboard.press("Tab")  # it scrolls by keyboard where it is taller than its room
        assert tab.evaluate("document.activeElement.id") == PROBLEMS_ID
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate(
            """() => axe.run('#processkit-problems', {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
        )
        assert [(v["id"], v["impact"]) for v in result["violations"]] == []
        assert any(rule["id"] == "color-contrast" for rule in result["passes"])
        one = PROBLEMS.split("\n\n")[0]  # one error left: the box is made again
        builds.failed(Problems(one, 1))
        tab.wait_for_function(
            f"document.querySelector('#{PROBLEMS_ID} pre').textContent.length === {len(one)}"
        )
        assert tab.inner_text(f"#{PROBLEMS_ID} p") == (
            "Sidan visar innehållet som det såg ut före ändringen. Rätta felet nedan och spara, "
            "så laddas sidan om automatiskt."
        )
        assert tab.locator(f"#{PROBLEMS_ID}").count() == 1
        # an edit named another language: the notice is said in the language of its problems
        english = (
            "processes/barn/utredning.yaml:3:7 PK002 error: the value of `name` starts with "
            "`[` but has no closing `]`"
        )
        builds.failed(Problems(english, 1, "en"))
        tab.wait_for_function(f"document.getElementById('{PROBLEMS_ID}').lang === 'en'")
        assert tab.inner_text(f"#{PROBLEMS_ID} h2") == "The last change is not shown yet"
        assert tab.inner_text(f"#{PROBLEMS_ID} p") == (
            "The page shows the files as they were before the change. Correct the error below "
            "and save: the page then reloads itself."
        )
        assert tab.eval_on_selector(f"#{PROBLEMS_ID} pre", "e => e.textContent") == english
        assert tab.locator(f"#{PROBLEMS_ID}").count() == 1
        with tab.expect_navigation():
            builds.finished()
        tab.wait_for_load_state()
        assert tab.locator(f"#{PROBLEMS_ID}").count() == 0
    context.close()
