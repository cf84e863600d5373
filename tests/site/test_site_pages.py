"""The Kalmar site: every page at its address, every link resolving, valid and accessible HTML."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import KALMAR
from tests.site.htmlcheck import (
    broken_links,
    duplicate_ids,
    heading_problems,
    html_pages,
    page_facts,
    strict_parse_errors,
)
from tests.site.nuchecker import checker_errors

from processkit.loading.load import load_repository

FIXED = [
    "404.html",
    "accessibility.html",
    "changes.html",
    "handbooks.html",
    "index.html",
    "maturity.html",
    "owners.html",
    "proposals.html",
    "roles.html",
    "search.html",
]


def expected_pages() -> list[str]:
    repo = load_repository(KALMAR).repo
    pages = list(FIXED)
    pages += [f"areas/{i}.html" for i in repo.areas]
    pages += [f"processes/{i}.html" for i in repo.processes]
    pages += [f"roles/{i}.html" for i in repo.roles]
    pages += [f"handbooks/{i}.html" for i in repo.handbooks]
    return sorted(pages)


def test_every_page_is_at_its_fixed_address(kalmar_site: Path) -> None:
    assert html_pages(kalmar_site) == expected_pages()


NAVIGATION = [
    ("index.html", "Start"),
    ("owners.html", "Processägare"),
    ("roles.html", "Roller"),
    ("handbooks.html", "Handböcker"),
    ("maturity.html", "Mognad"),
    ("proposals.html", "Förbättringsförslag"),
    ("changes.html", "Senaste ändringar"),
]


def navigation_of(html: str) -> list[tuple[str, bool, str]]:
    """The main menu's links: address, whether it is marked as the current page, label."""
    start = html.index('<nav class="site-nav"')
    menu = html[start : html.index("</nav>", start)]
    found = re.findall(r'<a href="([^"]*)"( aria-current="page")?>([^<]*)</a>', menu)
    return [(href, bool(current), label) for href, current, label in found]


@pytest.mark.parametrize("page", [path for path, _ in NAVIGATION])
def test_the_navigation_marks_the_page_it_is_on(kalmar_site: Path, page: str) -> None:
    html = (kalmar_site / page).read_text(encoding="utf-8")
    expected = [(path, path == page, label) for path, label in NAVIGATION]
    assert navigation_of(html) == expected


def test_the_navigation_of_an_entity_page_marks_no_page(kalmar_site: Path) -> None:
    html = (kalmar_site / "processes/bu-utredning.html").read_text(encoding="utf-8")
    expected = [(f"../{path}", False, label) for path, label in NAVIGATION]
    assert navigation_of(html) == expected


def test_every_page_names_its_canonical_address(kalmar_site: Path) -> None:
    """Kalmar configures ``site.url``: each page names its own absolute address; the 404 page,
    served at any address the site does not have, names none."""
    for page in html_pages(kalmar_site):
        html = (kalmar_site / page).read_text(encoding="utf-8")
        found = re.findall(r'<link rel="canonical" href="([^"]*)">', html)
        expected = [] if page == "404.html" else [f"https://fyren.kalmar.example.se/{page}"]
        assert found == expected, page


def test_every_internal_link_and_asset_resolves(kalmar_site: Path) -> None:
    ids_of: dict[str, set[str]] = {}
    problems: list[str] = []
    for page in html_pages(kalmar_site):
        problems += broken_links(kalmar_site, page_facts(kalmar_site, page), ids_of)
    assert problems == []


def test_pages_are_valid_html(kalmar_site: Path) -> None:
    problems: list[str] = []
    for page in html_pages(kalmar_site):
        problems += strict_parse_errors(kalmar_site, page)
    assert problems == []


def test_the_nu_html_checker_finds_no_error_on_any_page(kalmar_site: Path) -> None:
    """Every page, its inline maps and charts included, is valid HTML: the W3C's Nu Html
    Checker (vnu.jar) runs once over all of them."""
    errors = checker_errors(kalmar_site)
    assert errors == [], "\n".join(errors)


def test_ids_are_unique_and_headings_in_order(kalmar_site: Path) -> None:
    problems: list[str] = []
    for page in html_pages(kalmar_site):
        facts = page_facts(kalmar_site, page)
        problems += duplicate_ids(facts) + heading_problems(facts)
    assert problems == []


def test_every_image_and_map_has_a_text_alternative(kalmar_site: Path) -> None:
    missing = []
    for page in html_pages(kalmar_site):
        facts = page_facts(kalmar_site, page)
        if facts.images_without_alt or facts.svgs_without_title:
            missing.append(page)
    assert missing == []


def test_pages_are_swedish_with_landmarks_and_only_our_scripts(kalmar_site: Path) -> None:
    for page in html_pages(kalmar_site):
        facts = page_facts(kalmar_site, page)
        root = "../" * page.count("/")
        expected = [f"{root}assets/site.js"]
        if page == "search.html":
            expected.append("assets/search.js")
        assert (facts.lang, facts.has_main, facts.scripts, facts.event_attributes) == (
            "sv",
            True,
            expected,
            [],
        ), page


@pytest.mark.parametrize(
    ("page", "indexed"),
    [("index.html", 1), ("processes/bu-utredning.html", 1), ("search.html", 0), ("404.html", 0)],
)
def test_search_indexes_the_main_content_only(kalmar_site: Path, page: str, indexed: int) -> None:
    assert page_facts(kalmar_site, page).pagefind_body == indexed


def _indexed_pages(site: Path) -> dict[str, dict[str, object]]:
    """What Pagefind stored of each page (its fragments: address, meta and text)."""
    pages = {}
    for fragment in site.glob("pagefind/*/fragment/*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        page = json.loads(data)
        pages[page["url"]] = page
    return pages


def test_search_index_knows_each_page_kind_and_keeps_words_apart(kalmar_site: Path) -> None:
    pages = _indexed_pages(kalmar_site)
    processes = sorted((kalmar_site / "processes").glob("*.html"))
    kinds = {url: page["meta"]["kind"] for url, page in pages.items()}  # type: ignore[index]
    assert kinds["/processes/bu-utredning.html"] == "Process"
    assert kinds["/areas/barn-och-unga.html"] == "Leveransområde"
    assert kinds["/roles/socialsekreterare.html"] == "Roll"
    assert kinds["/handbooks/rutin-barnutredning.html"] == "Handbok"
    assert kinds["/index.html"] == "Startsida"
    assert kinds["/owners.html"] == "Översikt"
    text = str(pages["/processes/bu-forhandsbedomning.html"]["content"])
    # a term and its description, a heading and its text: apart, not "BehovNågon är orolig"
    assert "Behov Någon är orolig" in text
    assert "BehovNågon" not in text
    # a hand-over: the other process's name, then what is handed over (on a line of its own)
    handing = str(pages["/processes/bu-utredning.html"]["content"])
    assert "göra förhandsbedömning Beslut att inleda utredning" in handing
    assert "förhandsbedömningBeslut" not in handing
    # a requirement, then the link to its text (on a line of its own)
    required = str(pages["/processes/led-styra-och-leda.html"]["content"])
    assert "förbättra verksamheten. Läs SOSFS 2011:9" in required
    # the activities in flow order, each with what it says and who takes part; not the
    # table's column headings, numbers and next steps, nor the caption that names the
    # process again: every process page would be a hit for "Utför" or "Nästa steg"
    assert "Processflöde. Planera utredningen Utredningsplanen tas fram" in handing
    assert (
        "Samtala med barnet och familjen Socialsekreterare. Skolkurator. Vårdnadshavare." in handing
    )
    for heading in ("Utför", "Ansvarar", "Rådfrågas", "Nästa steg", "Aktiviteterna i", "Flödet"):
        assert heading not in handing, heading
    # nor the links and words every page of a kind has: no page is a hit for "förbättring"
    # for them (each is on the pages themselves)
    assert "Mognad Nivå 2 av 4 Från behov till tillgodosett behov." in handing
    said = ("Föreslå en förbättring", "Redigera sidan", "Alla förbättringsförslag")
    said += ("Inga öppna förbättringsförslag",)
    for words in said:
        assert any(words in html.read_text(encoding="utf-8") for html in processes), words
        assert not any(words in str(page["content"]) for page in pages.values()), words
    assert "Redigera sidan" in (kalmar_site / "roles/socialsekreterare.html").read_text("utf-8")
    # the page's own table of contents is left out (its headings are in the page already)
    assert "På den här sidan" not in text
    # so is the risk matrix, which says again what the table of risks says (and would make
    # every process with risks a hit for "hög" or "Sannolikhet 3"), and so are the headings
    # of the risks, measures and self-checks
    risky = str(pages["/processes/bu-forhandsbedomning.html"]["content"])
    assert "Risker. Anmälan som kommer in sent på fredagen skyddsbedöms inte före helgen" in risky
    assert "Mått. Skyddsbedömning samma dag Andel anmälningar" in risky
    for heading in ("Riskmatris", "Sannolikhet", "Riskvärde", "Målvärde", "Egenkontroll Metod"):
        assert heading not in risky, heading


#: The words of the example's texts with a capital letter after the first (a word that
#: runs into the next looks like one: "förhandsbedömningBeslut").
WORDS_WITH_CAPITALS_WITHIN = {"SoL", "JavaScript"}


def test_no_two_words_run_together_in_the_search_index(kalmar_site: Path) -> None:
    """Where two elements stand apart on the page (a line of its own, a cell) but no space
    stands between them in the HTML, Pagefind reads one word: a search for either misses it."""
    found = set()
    for page in _indexed_pages(kalmar_site).values():
        text = str(page["content"])
        # a capital after a small letter, a digit or a sign that ends a word ("2011:9Läs",
        # "25 §Läs"), or a word that begins after an abbreviation ("LSSBeslut")
        found.update(re.findall(r"\w*[a-zåäö0-9.:)§][A-ZÅÄÖ]\w*", text))
        found.update(re.findall(r"\w*[A-ZÅÄÖ]{2}[a-zåäö]{2}\w*", text))
    assert found == WORDS_WITH_CAPITALS_WITHIN


def test_search_index_is_built_in_swedish_in_shards(kalmar_site: Path) -> None:
    index = kalmar_site / "pagefind"
    # the pages that stand alone, the processes, the other entities' pages
    # (the pages that change with every commit, the lists, the processes, the other entities)
    assert sorted(p.name for p in index.iterdir()) == ["l00", "main", "o00", "p00"]
    assert (index / "main/pagefind.js").is_file()  # the code is in the first bundle only
    assert not (index / "p00/pagefind.js").exists()
    metas = sorted(p.name.split("_")[0] for p in index.glob("*/pagefind.*.pf_meta"))
    assert metas == ["pagefind.sv"] * 4
    search = page_facts(kalmar_site, "search.html")
    html = (kalmar_site / "search.html").read_text(encoding="utf-8")
    assert 'data-bundles="pagefind/main/ pagefind/l00/ pagefind/p00/ pagefind/o00/"' in html
    assert search.scripts == ["assets/site.js", "assets/search.js"]


def _addresses(processes: int, entities: int) -> list[str]:
    """The indexed pages of a site of ``processes`` and ``entities`` (roles): the pages that
    stand alone, a list among them."""
    return [
        *(f"processes/p{number}.html" for number in range(processes)),
        *(f"roles/r{number}.html" for number in range(entities)),
        "index.html",
        "changes.html",
        "owners.html",
    ]


@pytest.mark.parametrize(
    ("processes", "entities", "shards", "largest"),
    [
        # room for all: about a hundred a shard, the entities in four at most
        (20, 30, ["main", "l00", "p00", "o00"], 30),
        (1000, 111, ["main", "l00", *(f"p{n:02d}" for n in range(10)), "o00", "o01"], 108),
        (200, 900, ["main", "l00", "p00", "p01", *(f"o{n:02d}" for n in range(4))], 227),
        # more wanted than the 16 there are: shared by pages, one at least each
        (5000, 407, ["main", "l00", *(f"p{n:02d}" for n in range(13)), "o00"], 419),
        (10000, 800, ["main", "l00", *(f"p{n:02d}" for n in range(13)), "o00"], 837),
        (3000, 0, ["main", "l00", *(f"p{n:02d}" for n in range(14))], 229),
        (0, 3000, ["main", "l00", *(f"o{n:02d}" for n in range(4))], 753),
    ],
)
def test_the_search_shards_share_the_pages_out_evenly_within_the_sixteen(
    processes: int, entities: int, shards: list[str], largest: int
) -> None:
    """Each page is in one shard; at most ``MAX_SHARDS``. At 5,000 processes and 407 other
    pages, the processes take 13 shards of about 400 pages and the other pages one: a shard
    of 504 process pages (with 4 shards kept for 407 other pages) took Pagefind 0.6-0.7 s,
    and an edit of a process waits for its shard."""
    from processkit.site.search import MAX_SHARDS, plan

    addresses = _addresses(processes, entities)
    made = plan(addresses)
    assert [shard.name for shard in made] == shards
    assert len(made) <= MAX_SHARDS
    assert sorted(page for shard in made for page in shard.pages) == sorted(addresses)
    assert max(len(shard.pages) for shard in made) == largest
    assert made[0].pages == ("changes.html", "index.html") and made[1].pages == ("owners.html",)


def _searched_pages(site: Path) -> tuple[str, ...]:
    """The pages of ``site`` that Pagefind indexes."""
    return tuple(
        sorted(
            path.relative_to(site).as_posix()
            for path in site.rglob("*.html")
            if b"data-pagefind-body" in path.read_bytes()
        )
    )


def _bundle(folder: Path) -> dict[str, bytes]:
    """Every file of a search bundle by its path in it."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _copied(site: Path, pages: tuple[str, ...], folder: Path) -> Path:
    """``folder`` with a copy of each of ``pages`` of ``site``."""
    for page in pages:
        (folder / page).parent.mkdir(parents=True, exist_ok=True)
        (folder / page).write_bytes((site / page).read_bytes())
    return folder


def test_pagefind_given_the_indexed_part_makes_the_index_the_whole_pages_make(
    kalmar_site: Path, tmp_path: Path
) -> None:
    """The built-in templates put all Pagefind reads in ``<main>`` (and ``<html lang>``): the
    shards made from that part alone (as a build makes them, faster) are byte for byte those
    made from the whole pages, for every page of the example."""
    from processkit.site.search import Shard, _index_shard

    pages = _searched_pages(kalmar_site)
    assert len(pages) > 100
    bundles = {}
    for whole in (False, True):
        site = _copied(kalmar_site, pages, tmp_path / f"whole-{whole}")
        _index_shard(site, Shard("main", pages), primary=True, whole=whole)
        bundles[whole] = _bundle(site / "pagefind/main")
    assert any(name.startswith("fragment/") for name in bundles[True])
    assert bundles[False] == bundles[True]


def test_pagefind_given_no_tags_within_lines_nor_classes_makes_the_same_index(
    kalmar_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind is given the pages without the tags of the elements within a line of text
    and without classes (``spaced``): for every page of the example, the shard it makes is
    byte for byte the one it makes with them, from copies a fifth smaller at least."""
    from processkit.site import searchtext
    from processkit.site.search import Shard, _index_shard
    from processkit.site.searchtext import given, spaced

    pages = _searched_pages(kalmar_site)
    given_pages = [given((kalmar_site / page).read_bytes(), whole=False) for page in pages]
    # what makes that safe: no Pagefind attribute on such a tag, no ">" within its values
    tags = [tag[0] for html in given_pages for tag in searchtext._INLINE.finditer(html)]
    assert len(tags) > 1000
    assert all(b"data-pagefind" not in tag and tag.count(b'"') % 2 == 0 for tag in tags)
    plain = sum(len(spaced(html, whole=False)) for html in given_pages)
    assert plain < 0.8 * sum(len(spaced(html, whole=True)) for html in given_pages)
    bundles = {}
    for kept in (False, True):
        site = _copied(kalmar_site, pages, tmp_path / f"kept-{kept}")
        with monkeypatch.context() as patched:
            if kept:  # the tags and classes left in
                patched.setattr(searchtext, "_INLINE", re.compile(rb"(?!)"))
                patched.setattr(searchtext, "_CLASS", re.compile(rb"(?!)"))
            _index_shard(site, Shard("main", pages), primary=True)
        bundles[kept] = _bundle(site / "pagefind/main")
    assert sum(name.startswith("fragment/") for name in bundles[True]) == len(pages)
    assert bundles[False] == bundles[True]


def test_pagefind_takes_no_settings_from_where_processkit_runs(
    kalmar_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pagefind.yml in the folder processkit is run from, or a PAGEFIND_ variable, does not
    change the index."""
    from processkit.site.search import Shard, _index_shard

    pages = _searched_pages(kalmar_site)[:20]
    bundles = {}
    for outside in (False, True):
        site = _copied(kalmar_site, pages, tmp_path / f"outside-{outside}")
        with monkeypatch.context() as patched:
            if outside:
                here = tmp_path / "here"
                here.mkdir()
                (here / "pagefind.yml").write_text('exclude_selectors: ["p", "li"]\n')
                patched.chdir(here)
                patched.setenv("PAGEFIND_FORCE_LANGUAGE", "en")
            _index_shard(site, Shard("main", pages), primary=True)
        bundles[outside] = _bundle(site / "pagefind/main")
    assert any(name.startswith("pagefind.sv") for name in bundles[True])
    assert bundles[True] == bundles[False]


def test_pagefind_stores_of_a_page_without_its_ids_all_but_the_anchors(
    kalmar_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind is given the pages without the ids of their elements (it would keep each
    element with an id as an anchor, which the search page does not show): of every page it
    stores the same address, text, word count, meta and filters as from the page with its
    ids, and no anchors."""
    from processkit.site import searchtext
    from processkit.site.search import Shard, _index_shard

    pages = _searched_pages(kalmar_site)
    stored = {}
    for ids in (False, True):
        site = _copied(kalmar_site, pages, tmp_path / f"ids-{ids}")
        with monkeypatch.context() as patched:
            if ids:  # the ids left in
                patched.setattr(searchtext, "_without_ids", lambda html: html)
            _index_shard(site, Shard("main", pages), primary=True)
        stored[ids] = _indexed_pages(site)
    assert len(stored[False]) == len(pages)
    assert sum(len(page["anchors"]) for page in stored[True].values()) > 1000  # type: ignore[arg-type]
    assert all(page["anchors"] == [] for page in stored[False].values())
    for url, page in stored[True].items():
        assert {**page, "anchors": []} == stored[False][url], url


def test_with_templates_of_its_own_pagefind_reads_the_whole_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A repository's own template may give Pagefind a filter in ``<head>``: it is in the
    index."""
    from tests.conftest import write_files
    from tests.site.conftest import EPOCH
    from tests.site.repos import RICH

    from processkit.cli.publishing import PublishRequest, publish

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = write_files(tmp_path / "repo", RICH)
    write_files(
        root / "mallar",
        {
            "base.html": '{% extends "builtin/base.html" %}\n{% block head %}{{ super() }}'
            '<meta data-pagefind-filter="publik[content]" content="personal">'
            "{% endblock %}\n"
        },
    )
    config = root / "processkit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("site:\n", "site:\n  templates: mallar\n"),
        encoding="utf-8",
    )
    site = publish(PublishRequest(root, tmp_path / "site")).output
    filters = [page.get("filters") for page in _indexed_pages(site).values()]
    assert filters and all(found == {"publik": ["personal"]} for found in filters)
    # a change outside <main> is a change of what Pagefind reads: every shard is made again
    template = root / "mallar/base.html"
    template.write_text(template.read_text().replace("personal", "alla"), encoding="utf-8")
    site = publish(PublishRequest(root, tmp_path / "site")).output
    filters = [page.get("filters") for page in _indexed_pages(site).values()]
    assert filters and all(found == {"publik": ["alla"]} for found in filters)


def test_pagefind_is_given_a_text_that_says_id_as_it_is() -> None:
    """Only an element's id is left out of what Pagefind is given, not words of a text that
    look like one (a page of the repository's own templates may show such a text unescaped)."""
    from processkit.site.searchtext import spaced

    page = b'<p>Se id="kod och</p><h2 id="a">Rubrik</h2><tr class="x" id="r1"><td>A</td></tr>'
    assert spaced(page, whole=True) == (
        b'<p>Se id="kod och</p> <h2>Rubrik</h2> <tr class="x"><td>A</td> </tr>'
    )


#: The ids Pagefind is not given, as a pattern: the careful way ``_without_ids`` is held to.
_ID_PATTERN = re.compile(rb'(<[A-Za-z][^<>]*?) id="[^"<>]*"')
#: Pieces of pages that make ids hard to find: in and out of tags, unclosed, twice in a tag.
_ID_PIECES = (
    "<",
    ">",
    '"',
    " ",
    "a",
    "7",
    "<p",
    "<h2",
    "</p>",
    ' id="',
    ' id="x"',
    ' id=""',
    'id="',
    ' class="c"',
    "<<",
    "\n",
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ID_PIECES), max_size=24))
def test_the_ids_left_out_are_those_the_pattern_leaves_out(pieces: list[str]) -> None:
    """``_without_ids`` finds the ids by the attribute, not by a pattern tried at every tag:
    on any string made of awkward pieces it leaves what the pattern leaves."""
    from processkit.site.searchtext import _without_ids

    page = "".join(pieces).encode()
    assert _without_ids(page) == _ID_PATTERN.sub(rb"\1", page)


def test_the_ids_left_out_of_the_example_are_those_the_pattern_leaves_out(
    kalmar_site: Path,
) -> None:
    """On every page of the example, and on pages made to be awkward, ``_without_ids`` leaves
    what the pattern leaves."""
    from processkit.site.searchtext import _without_ids

    made = [
        b"",
        b'<p id="a">one</p><p>Se id="kod</p>',
        b'<span title="a<b" id="x">t</span>',
        b'<a href="x" id="v>w" id="y">z</a>',
        b'<a id="one" id="two">',
        b'<x id=" id="b">',
        b'< id="x"><1 id="y"><b  id="z">',
        b'id="x" <i id="y"',
    ]
    pages = made + [path.read_bytes() for path in sorted(kalmar_site.rglob("*.html"))]
    assert sum(page.count(b' id="') for page in pages) > 5000
    for page in pages:
        assert _without_ids(page) == _ID_PATTERN.sub(rb"\1", page)


#: What Pagefind leaves out of a page, as a pattern: the careful way ``_without_ignored``
#: is held to.
_IGNORED_PATTERN = re.compile(
    rb"<(figure|div|section)\b[^>]*data-pagefind-ignore=\"all\".*?</\1>", re.DOTALL
)


def test_what_search_leaves_out_of_a_page_is_what_the_pattern_leaves_out(
    kalmar_site: Path,
) -> None:
    """``indexed_part`` finds the elements Pagefind leaves out (the maps, the risk matrix) by
    their mark, not by a pattern tried at every tag: on every page of the example, and on
    pages made to be awkward, it leaves what the pattern leaves."""
    from processkit.site.searchtext import _without_ignored

    mark = 'data-pagefind-ignore="all"'
    made = [
        "",
        "<p>nothing to leave out</p>",
        f'<figure {mark}><div>a</div></figure><p>b</p><figure class="x" {mark}>c</figure>',
        f'<div class="table-scroll" {mark}><table></table></div><div>kept</div>',
        f"<section {mark}><p>no end",
        f"<ol {mark}><li>not one of the three</li></ol>",
        f"<divs {mark}>a longer name</divs>",
        f"<p>{mark} said in a text</p><div {mark}>x</div>",
        f"<div>{mark} said in a text</div><p>after</p>",
        f"<div {mark}><div {mark}>inner</div>outer</div><p>after</p>",
        f"<figure><figcaption {mark}>in a caption</figcaption></figure>",
        f'<div id="a">one</div> <section data-x="1" {mark}>two</section> <div {mark}>3</div>',
    ]
    pages = [page.encode() for page in made]
    pages += [path.read_bytes() for path in sorted(kalmar_site.rglob("*.html"))]
    assert sum(mark.encode() in page for page in pages) > 60
    for page in pages:
        assert _without_ignored(page) == _IGNORED_PATTERN.sub(b"", page)
