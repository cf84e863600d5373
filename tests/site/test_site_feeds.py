"""Atom feeds of the change log: ``changes.xml``, ``areas/<id>.xml``, ``processes/<id>.xml``,
read with a real feed parser; the same repository gives the same bytes; every page links its
feeds; a site of the past has none."""

from __future__ import annotations

import functools
import re
import shutil
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast
from xml.etree import ElementTree as ET

import feedparser
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from tests.conftest import CliResult, write_files
from tests.site.conftest import KALMAR
from tests.site.nuchecker import checker_errors
from tests.site.repos import INKOP, RICH
from tests.site.test_site_browser import browser, serving
from tests.test_changelog_support import GitRepo, epoch_at_noon, kalmar_history

from processkit import i18n
from processkit.cli.serve import build_preview
from processkit.history.changelog import ChangeLog
from processkit.loading.load import load_repository
from processkit.loading.parse import Remembered
from processkit.loading.repository import Repository
from processkit.model import Config
from processkit.site.feeds import Feed, atom, quiet_atom
from processkit.words import Language

Cli = Callable[..., CliResult]
__all__ = ["browser"]  # the browser tests' fixture, used here


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """RICH committed on 2026-01-10; on 2026-03-05 a process got a new owner and a process
    was added."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_at_noon("2026-03-10"))
    made = GitRepo(tmp_path / "git")
    write_files(made.root, RICH)
    made.commit("Första versionen", "2026-01-10")
    process = made.root / "processes/barn/myndighet.yaml"
    text = process.read_text(encoding="utf-8")
    process.write_text(text.replace("owner: anna", "owner: erik"), encoding="utf-8")
    made.write({"processes/stod/inkop.yaml": INKOP})
    made.commit("Ny ägare och ny process", "2026-03-05", who="erik")
    return made


def _parse(output: Path, path: str) -> feedparser.FeedParserDict:
    data = (output / path).read_bytes()
    # resolved as a reader resolves them: against the feed's own address
    headers = {
        "content-location": f"https://fyren.example/{path}",
        "content-type": "application/atom+xml; charset=utf-8",
    }
    parsed = feedparser.parse(data, response_headers=headers)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def _rename_economy(repo: GitRepo) -> None:
    """The process Ekonomistyrning renamed Ekonomi, committed on 2026-03-08."""
    economy = repo.root / "processes/stod/ekonomi.yaml"
    text = economy.read_text(encoding="utf-8")
    economy.write_text(text.replace("Ekonomistyrning", "Ekonomi"), encoding="utf-8")
    repo.commit("Nytt namn", "2026-03-08", who="anna")


def _publish(cli: Cli, root: Path, output: Path, *options: str) -> None:
    result = cli("publish", root, "-o", output, "-q", "--lang", "sv", *options)
    assert (result.code, result.err) == (0, "")


def test_the_feeds_hold_the_changes_in_plain_words(
    repo: GitRepo, cli: Cli, tmp_path: Path, swedish: None
) -> None:
    output = tmp_path / "site"
    _publish(cli, repo.root, output)
    site = _parse(output, "changes.xml")
    assert site.feed.title == "Fyren: ändringar"
    assert site.feed.language == "sv"
    assert site.feed.updated == "2026-03-05T00:00:00Z"
    assert [entry.title for entry in site.entries] == [
        "Process Inköp & avtal lades till",
        "Process Myndighetsutövning för barn ändrades",
    ]
    assert [entry.link for entry in site.entries] == [
        "https://fyren.example/processes/inkop.html",
        "https://fyren.example/processes/myndighet.html",
    ]
    assert all(entry.updated == "2026-03-05T00:00:00Z" for entry in site.entries)
    assert all(entry.author == "Erik Åberg" for entry in site.entries)
    assert all(entry.id.startswith("urn:uuid:") for entry in site.entries)
    owner = site.entries[1].content[0]
    assert owner.type == "text/html"
    assert owner.value.startswith(
        "<ul><li>processägare ändrades från Anna Nilsson till Erik Åberg</li></ul>"
    )
    assert "Ny ägare och ny process (Erik Åberg, 2026-03-05)" in owner.value

    process = _parse(output, "processes/myndighet.xml")
    assert process.feed.title == "Fyren: Myndighetsutövning för barn"
    assert process.feed.link == "https://fyren.example/processes/myndighet.html"
    assert [entry.id for entry in process.entries] == [site.entries[1].id]
    assert process.entries[0].link == "https://fyren.example/processes/myndighet.html"

    area = _parse(output, "areas/stod.xml")
    assert [entry.title for entry in area.entries] == ["Process Inköp & avtal lades till"]
    assert area.entries[0].link == "https://fyren.example/processes/inkop.html"
    assert area.entries[0].id == site.entries[0].id
    children = _parse(output, "areas/barn.xml")
    assert [entry.title for entry in children.entries] == [
        "Process Myndighetsutövning för barn ändrades"
    ]
    assert children.entries[0].link == "https://fyren.example/processes/myndighet.html"

    quiet = _parse(output, "processes/ekonomi.xml")
    assert quiet.entries == []
    assert quiet.feed.updated == "2026-03-10T00:00:00Z"  # the build's day


def test_ids_stay_and_bytes_repeat_across_builds_and_a_new_commit_adds_an_entry(
    repo: GitRepo, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, again = tmp_path / "one", tmp_path / "two"
    _publish(cli, repo.root, first)
    _publish(cli, repo.root, again)
    feeds = sorted(p.relative_to(first).as_posix() for p in first.rglob("*.xml"))
    assert "changes.xml" in feeds and "areas/stod.xml" in feeds
    for path in feeds:
        assert (first / path).read_bytes() == (again / path).read_bytes(), path
    before = {entry.id for entry in _parse(first, "changes.xml").entries}

    _rename_economy(repo)
    later = tmp_path / "three"
    _publish(cli, repo.root, later)
    after = _parse(later, "changes.xml")
    assert after.entries[0].title == "Process Ekonomi ändrades"
    assert after.entries[0].updated == "2026-03-08T00:00:00Z"
    assert after.feed.updated == "2026-03-08T00:00:00Z"
    assert {entry.id for entry in after.entries[1:]} == before
    assert [e.title for e in _parse(later, "processes/ekonomi.xml").entries] == [
        "Process Ekonomi ändrades"
    ]


def test_a_feed_holds_the_newest_entries_and_the_page_lists_them_all(
    repo: GitRepo, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swedish: None
) -> None:
    """With more changes than a feed holds (``MOST_ENTRIES``), the newest are kept, newest
    first and in the log's order within a day; the recent-changes page lists every one."""
    from processkit.site import feeds as feeds_module

    monkeypatch.setattr(feeds_module, "MOST_ENTRIES", 2)
    _rename_economy(repo)
    output = tmp_path / "site"
    _publish(cli, repo.root, output)
    site = _parse(output, "changes.xml")
    assert [entry.title for entry in site.entries] == [
        "Process Ekonomi ändrades",
        "Process Inköp & avtal lades till",
    ]
    assert site.feed.updated == "2026-03-08T00:00:00Z"
    assert [entry.title for entry in _parse(output, "areas/stod.xml").entries] == [
        "Process Ekonomi ändrades",
        "Process Inköp & avtal lades till",
    ]
    assert [entry.title for entry in _parse(output, "processes/myndighet.xml").entries] == [
        "Process Myndighetsutövning för barn ändrades"
    ]
    page = (output / "changes.html").read_text(encoding="utf-8")
    for name in ("Ekonomi", "Inköp &amp; avtal", "Myndighetsutövning för barn"):
        assert f">{name}</a>" in page, name


def test_with_the_sites_address_the_feeds_links_are_absolute(
    repo: GitRepo, cli: Cli, tmp_path: Path
) -> None:
    relative = tmp_path / "relative"
    _publish(cli, repo.root, relative)
    config = repo.root / "processkit.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  title: Fyren\n", "  title: Fyren\n  url: https://fyren.test.se/sv\n"),
        encoding="utf-8",
    )
    first, again = tmp_path / "one", tmp_path / "two"
    _publish(cli, repo.root, first)
    _publish(cli, repo.root, again)
    for path in ("changes.xml", "areas/stod.xml", "processes/myndighet.xml"):
        assert (first / path).read_bytes() == (again / path).read_bytes(), path
        # parsed with no address to resolve against: the links are whole
        parsed = feedparser.parse((first / path).read_bytes())
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        assert {link.rel: link.href for link in parsed.feed.links} == {
            "self": f"https://fyren.test.se/sv/{path}",
            "alternate": "https://fyren.test.se/sv/"
            + {
                "changes.xml": "changes.html",
                "areas/stod.xml": "areas/stod.html",
                "processes/myndighet.xml": "processes/myndighet.html",
            }[path],
        }
        # the ids do not follow the address (RFC 4287 4.2.6)
        before = _parse(relative, path)
        assert parsed.feed.id == before.feed.id
        assert [e.id for e in parsed.entries] == [e.id for e in before.entries]
    site = feedparser.parse((first / "changes.xml").read_bytes())
    assert [entry.link for entry in site.entries] == [
        "https://fyren.test.se/sv/processes/inkop.html",
        "https://fyren.test.se/sv/processes/myndighet.html",
    ]
    area = feedparser.parse((first / "areas/stod.xml").read_bytes())
    assert [entry.link for entry in area.entries] == [
        "https://fyren.test.se/sv/processes/inkop.html"
    ]


def test_every_page_links_its_feeds(repo: GitRepo, cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "site"
    _publish(cli, repo.root, output)
    process = (output / "processes/myndighet.html").read_text(encoding="utf-8")
    assert (
        '<link rel="alternate" type="application/atom+xml" href="../changes.xml" '
        'title="Ändringar i ledningssystemet">'
    ) in process
    assert (
        '<link rel="alternate" type="application/atom+xml" href="../processes/myndighet.xml" '
        'title="Ändringar i Myndighetsutövning för barn">'
    ) in process
    assert (
        '<a href="../processes/myndighet.xml" type="application/atom+xml">'
        "Prenumerera på ändringar i Myndighetsutövning för barn</a>"
    ) in process
    area = (output / "areas/stod.html").read_text(encoding="utf-8")
    assert 'href="../areas/stod.xml"' in area
    start = (output / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" href="changes.xml"' in start
    assert (
        '<a href="changes.xml" type="application/atom+xml">Prenumerera på alla ändringar</a>'
    ) in start
    assert start.count("application/atom+xml") == 2  # one feed: in the head and the footer
    for page in output.rglob("*.html"):
        for href in _feed_links(page.read_text(encoding="utf-8")):
            assert (page.parent / href).resolve().is_file(), (page, href)
    checked = ["index.html", "changes.html", "areas/stod.html", "processes/myndighet.html"]
    errors = checker_errors(output, checked)
    assert errors == [], "\n".join(errors)


def _feed_links(html: str) -> list[str]:
    tags = re.findall(r"<(?:link|a) [^>]*application/atom\+xml[^>]*>", html)
    return [re.findall(r'href="([^"]*)"', tag)[0] for tag in tags]


def test_a_site_of_the_past_has_no_feeds(repo: GitRepo, cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "site"
    _publish(cli, repo.root, output, "--as-of", "2026-02-01")
    assert list(output.rglob("*.xml")) == []
    assert "application/atom+xml" not in (output / "index.html").read_text(encoding="utf-8")


def test_the_feed_is_well_formed_atom_with_everything_escaped(
    repo: GitRepo, cli: Cli, tmp_path: Path
) -> None:
    output = tmp_path / "site"
    _publish(cli, repo.root, output)
    root = ET.fromstring((output / "changes.xml").read_bytes())
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.tag == f"{atom}feed"
    titles = [e.findtext(f"{atom}title") for e in root.iter(f"{atom}entry")]
    assert titles[0] == "Process Inköp & avtal lades till"
    assert b"Ink\xc3\xb6p &amp; avtal" in (output / "changes.xml").read_bytes()


def test_hostile_names_stay_text_in_the_feed(repo: GitRepo, cli: Cli, tmp_path: Path) -> None:
    hostile = "<script>alert('pk')</script> ]]> &amp; \u0001"
    repo.write(
        {
            "processes/stod/farlig.yaml": INKOP.replace("id: inkop", "id: farlig").replace(
                "name: Inköp & avtal", f'name: "{hostile[:-1]}\\x01"'
            )
        }
    )
    repo.commit("Farligt namn", "2026-03-06")
    output = tmp_path / "site"
    _publish(cli, repo.root, output)
    data = (output / "processes/farlig.xml").read_bytes()
    assert b"<script>" not in data and b"\x01" not in data
    parsed = _parse(output, "processes/farlig.xml")
    assert parsed.entries[0].title == "Process <script>alert('pk')</script> ]]> &amp;  lades till"


@pytest.mark.browser
def test_in_a_browser_the_kalmar_feed_links_resolve_and_parse(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    """The Kalmar example in git, a test commit, the site published and served: the feed
    links of a process page lead to feeds that a real feed parser reads, with the commit's
    change in plain words."""
    git, _closing = kalmar_history(tmp_path, KALMAR)
    process = git.root / "processes/barn-och-unga/bu-utredning.yaml"
    text = process.read_text(encoding="utf-8")
    process.write_text(text.replace('version: "2.1"', 'version: "2.2"'), encoding="utf-8")
    git.commit("Ny version av utredningen", "2027-01-05", who="erik")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_at_noon("2027-01-10"))
    output = tmp_path / "site"
    result = cli("publish", git.root, "-o", output, "-q")
    assert (result.code, result.err) == (0, "")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    with serving(output) as server:
        tab.goto(server + "processes/bu-utredning.html")
        feeds = tab.locator('head link[rel="alternate"][type="application/atom+xml"]')
        addresses = [feeds.nth(i).evaluate("link => link.href") for i in range(feeds.count())]
        assert addresses == [server + "changes.xml", server + "processes/bu-utredning.xml"]
        subscribe = tab.get_by_role("link", name="Prenumerera på ändringar i Utreda barns")
        assert subscribe.is_visible()
        assert subscribe.evaluate("link => link.href") == addresses[1]
        parsed = [feedparser.parse(address) for address in addresses]
    context.close()
    for feed in parsed:
        assert (feed.bozo, feed.version) == (0, "atom10"), feed.get("bozo_exception")
    own = parsed[1].entries
    assert [entry.title for entry in own] == ["Process Utreda barns och ungas behov ändrades"]
    # Kalmar configures site.url: the entry links the page where the site is published
    assert own[0].link == "https://fyren.kalmar.example.se/processes/bu-utredning.html"
    assert parsed[1].feed.link == "https://fyren.kalmar.example.se/processes/bu-utredning.html"
    assert own[0].updated == "2027-01-05T00:00:00Z"
    assert "version ändrades från 2.1 till 2.2" in own[0].content[0].value
    assert own[0].id in {entry.id for entry in parsed[0].entries}


def test_a_feed_missing_from_the_cache_is_written_again(
    repo: GitRepo, cli: Cli, tmp_path: Path
) -> None:
    """A feed is taken from the cache by linking it, without a look first: where the cache has
    lost it (removed by hand, or by a build of another version) it is written anew, also when
    the keys of the feeds are kept."""
    first, again = tmp_path / "one", tmp_path / "two"
    _publish(cli, repo.root, first)
    cached = sorted((repo.root / ".processkit-cache/site/feeds").glob("*/*"))
    feeds = sorted(p.relative_to(first).as_posix() for p in first.rglob("*.xml"))
    assert "changes.xml" in feeds and len(feeds) == 8
    # the feeds, and the keys of those that show no change
    assert sorted(entry.read_bytes()[:1] for entry in cached) == [b"<"] * 8 + [b"{"]
    for entry in cached[::2]:
        if entry.read_bytes().startswith(b"<"):
            entry.unlink()
    _publish(cli, repo.root, again)
    for path in feeds:
        assert (first / path).read_bytes() == (again / path).read_bytes(), path
    assert sorted((repo.root / ".processkit-cache/site/feeds").glob("*/*")) == cached


def _feeds_as_from_nothing(cli: Cli, repo: GitRepo, site: Path, tmp_path: Path) -> None:
    """The feeds of ``site`` are, byte for byte, those of a build with nothing cached."""
    fresh = tmp_path / "fresh"
    _publish(cli, repo.root, fresh, "--cache-dir", tmp_path / "fresh.cache")
    feeds = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.xml"))
    assert feeds == sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*.xml"))
    for path in feeds:
        assert (site / path).read_bytes() == (fresh / path).read_bytes(), path


def test_the_feeds_follow_a_change_outside_the_log(repo: GitRepo, cli: Cli, tmp_path: Path) -> None:
    """A change not yet committed (the log is as it was) that changes a feed: a new name of a
    process whose feed shows no change (its title; the keys of such feeds are kept as a whole)
    and a process moved to another area (whose feed then shows its entries). The feeds are
    those of a build from nothing."""
    site = tmp_path / "site"
    _publish(cli, repo.root, site)
    economy = repo.root / "processes/stod/ekonomi.yaml"
    text = economy.read_text(encoding="utf-8")
    economy.write_text(text.replace("name: Ekonomistyrning", "name: Ekonomi"), encoding="utf-8")
    _publish(cli, repo.root, site)
    assert _parse(site, "processes/ekonomi.xml").feed.title == "Fyren: Ekonomi"
    process = repo.root / "processes/barn/myndighet.yaml"
    text = process.read_text(encoding="utf-8")
    assert "area: barn" in text
    process.write_text(text.replace("area: barn", "area: stod"), encoding="utf-8")
    _publish(cli, repo.root, site)
    _feeds_as_from_nothing(cli, repo, site, tmp_path)
    assert len(_parse(site, "areas/stod.xml").entries) == 2


def test_after_a_commit_to_a_process_in_the_log_its_feeds_are_made_anew(
    repo: GitRepo, cli: Cli, tmp_path: Path
) -> None:
    """Builds in one process from the same log (``serve`` until a commit) keep the text of each
    of its entries; a commit that changes a process already in the log gives a new log, whose
    entries are read anew: the feeds are those of a build from nothing."""
    site = tmp_path / "site"
    remembered = Remembered()  # serve's builds, which keep what they read between builds

    def build(first: bool = False) -> None:
        with i18n.speaking("sv"):
            assert build_preview(repo.root, site, remembered, first=first) is not None

    build(first=True)
    build()  # the same log, its entries' texts kept
    process = repo.root / "processes/barn/myndighet.yaml"
    text = process.read_text(encoding="utf-8")
    old = "name: Myndighetsutövning för barn"
    assert old in text
    process.write_text(text.replace(old, "name: Myndighetsutövning"), "utf-8")
    repo.commit("Kortare namn", "2026-03-07", who="anna")
    build()
    _feeds_as_from_nothing(cli, repo, site, tmp_path)
    entries = _parse(site, "processes/myndighet.xml").entries
    assert [(e.title, e.updated) for e in entries] == [
        ("Process Myndighetsutövning ändrades", "2026-03-07T00:00:00Z")
    ]


@pytest.mark.parametrize("failing", ["search", "feeds", "pages"])
def test_a_failure_beside_the_search_index_leaves_the_site_as_it_was(
    repo: GitRepo, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """The pages that stand alone are made, and the feeds written, while Pagefind indexes the
    entity pages. When any of them fails the publish says so in one line only after all have
    stopped: the previous site stays as it was and nothing is left beside it, not even a
    search bundle written into a removed folder."""
    import threading

    from processkit.errors import ProcesskitError
    from processkit.site import build as build_module
    from processkit.site import search as search_module

    site = tmp_path / "out" / "site"
    _publish(cli, repo.root, site)
    before = {
        p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()
    }
    shutil.rmtree(repo.root / ".processkit-cache")  # every shard indexed again
    indexed: list[str] = []
    real_index, real_feeds = search_module._index_shard, build_module.write_feeds
    real_pages = build_module.site_pages
    begun = threading.Event()

    def index(site_folder: Path, shard: Any, **options: Any) -> None:
        begun.set()
        time.sleep(0.05)  # still indexing when the feeds fail
        real_index(site_folder, shard, **options)
        indexed.append(shard.name)
        if failing == "search" and len(indexed) == 2:
            raise ProcesskitError("the search index could not be built: pagefind failed")

    def feeds(*args: Any) -> None:
        if failing == "feeds":
            raise ProcesskitError("the feeds could not be written")
        real_feeds(*args)

    def pages(sources: Any, *rest: Any, **options: Any) -> Any:
        if failing == "pages":
            assert begun.wait(timeout=30)  # an entity pages' shard is being indexed
            raise ProcesskitError("a page could not be made")
        return real_pages(sources, *rest, **options)

    monkeypatch.setattr(search_module, "_index_shard", index)
    monkeypatch.setattr(build_module, "write_feeds", feeds)
    monkeypatch.setattr(build_module, "site_pages", pages)
    result = cli("publish", repo.root, "-o", site, "-q", "--lang", "en")
    said = {
        "search": "the search index could not be built: pagefind failed",
        "feeds": "the feeds could not be written",
        "pages": "a page could not be made",
    }[failing]
    assert (result.code, result.err) == (2, f"processkit: {said}\n")
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]
    assert list((repo.root / ".processkit-cache/site/.staging").iterdir()) == []
    assert indexed  # the index was under way


#: Texts with every character ElementTree escapes, in a text or an attribute, and those
#: ``printable`` drops.
_WRITTEN = st.text(
    st.one_of(
        st.sampled_from("&<>\"'\r\n\t\x01\ufffe åäö:/"),
        st.sampled_from('&<>"\r\n\t'),
        st.characters(codec="utf-8"),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@example(
    title="a & b <c>",
    site_title="",
    organisation="",
    path='x"&<>\t\n\r.xml',
    page='y"&<>\t\n\r.html',
    url=None,
    language="sv",
    today=None,
    until=date(2026, 3, 10),
)
@given(
    title=_WRITTEN,
    site_title=_WRITTEN,
    organisation=_WRITTEN,
    path=_WRITTEN,
    page=_WRITTEN,
    url=st.sampled_from([None, "https://fyren.example/", "https://fyren.example/a?b=1&c=2/"]),
    language=st.sampled_from(["sv", "en"]),
    today=st.one_of(st.none(), st.dates()),
    until=st.dates(),
)
def test_a_feed_without_entries_is_written_as_elementtree_writes_it(
    title: str,
    site_title: str,
    organisation: str,
    path: str,
    page: str,
    url: str | None,
    language: Language,
    today: date | None,
    until: date,
) -> None:
    """``quiet_atom`` writes, as text, the bytes ``atom`` writes through ElementTree."""
    config = _kalmar_config()
    site = config.site.model_copy(update={"title": site_title, "url": url})
    config = config.model_copy(update={"site": site, "organisation": organisation})
    repo = cast(Repository, SimpleNamespace(config=config))
    log = cast(ChangeLog, SimpleNamespace(until=until))
    feed = Feed(path, title, page, ())
    with i18n.speaking(language):
        assert quiet_atom(feed, repo, log, today) == atom(feed, repo, log, today)


@functools.cache
def _kalmar_config() -> Config:
    return load_repository(KALMAR).repo.config
