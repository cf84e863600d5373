"""Pagefind's bundles are the same from run to run (``search._settle``): Pagefind 1.5 writes
its filters, each filter's values, the sort orders and the languages in the order of a hash
map, which changes from run to run. Each bundle here is made by the real Pagefind; what the settled
bundle answers is asked of Pagefind's own code in Chromium."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cbor2
import pytest
from tests import chromium

from processkit.site import search
from processkit.site.preview import serving

#: What each page gives Pagefind: three filters (one of them with a value for almost every
#: page), four sort orders and six fields of its own, in two languages.
PAGES = 120
LANGUAGES = ("sv", "en")


def _page(number: int) -> str:
    language = LANGUAGES[number % 7 == 0]
    tags = "".join(
        f'<span data-pagefind-filter="ämne">t{(number * 37 + step * 11) % 101}</span>'
        for step in range(3)
    )
    fields = "".join(
        f'<span data-pagefind-meta="f{field}">v{(number + field) % 9}</span>' for field in range(6)
    )
    sorts = "".join(
        f'<span data-pagefind-sort="s{order}">{(number * (order + 3)) % 50}</span>'
        for order in range(4)
    )
    return (
        f'<html lang="{language}"><body><main data-pagefind-body>'
        f"<h1>Sida {number}</h1><p>Arbetet i process {number} går vidare.</p>"
        f'{tags}{fields}{sorts}<span data-pagefind-filter="grupp">g{number % 7}</span>'
        f'<span data-pagefind-filter="del">d{number % 3}</span></main></body></html>'
    )


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for number in range(PAGES):
        (folder / f"p{number}.html").write_text(_page(number), encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _unpacked(data: bytes) -> bytes:
    text = gzip.decompress(data)
    assert text.startswith(b"pagefind_dcd")
    return text[len(b"pagefind_dcd") :]


def _hash(content: bytes) -> str:
    """Pagefind's name for a file: SHA-1, each byte in hex digits, no leading zero."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(content).digest())


def _index(bundle: dict[str, bytes], language: str) -> Any:
    entry = json.loads(bundle["pagefind-entry.json"])
    return cbor2.loads(
        _unpacked(bundle[f"pagefind.{entry['languages'][language]['hash']}.pf_meta"])
    )


def _filters(bundle: dict[str, bytes], language: str) -> dict[str, dict[str, list[int]]]:
    """Each filter's pages by value, as the bundle's index of ``language`` names them."""
    found = {}
    for name, file in _index(bundle, language)[3]:
        filter_name, values = cbor2.loads(_unpacked(bundle[f"filter/{file}.pf_filter"]))
        assert filter_name == name
        found[name] = {value: pages for value, pages in values}
    return found


def _raw(pages: Path, output: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """The bundle as Pagefind writes it."""
    with monkeypatch.context() as patched:
        patched.setattr(search, "_settle", lambda output: None)
        search._run_pagefind(str(pages), output)
    return _files(output)


def test_pagefind_makes_the_same_bundle_every_time(pages: Path, tmp_path: Path) -> None:
    bundles = []
    for run in range(4):
        search._run_pagefind(str(pages), tmp_path / str(run))
        bundles.append(_files(tmp_path / str(run)))
    assert all(bundle == bundles[0] for bundle in bundles[1:])
    bundle = bundles[0]
    entry = json.loads(bundle["pagefind-entry.json"])
    assert sorted(entry["languages"]) == ["en", "sv"]
    for language, said in entry["languages"].items():
        # named as Pagefind names them: the language, "_" and digits of the content's hash
        meta = _unpacked(bundle[f"pagefind.{said['hash']}.pf_meta"])
        assert said["hash"] == f"{language}_{_hash(meta)[: len(language) + 8]}"
        index = cbor2.loads(meta)
        assert [name for name, _ in index[3]] == ["del", "grupp", "ämne"]
        assert [name for name, _ in index[4]] == ["s0", "s1", "s2", "s3"]
        assert index[5] == ["f0", "f1", "f2", "f3", "f4", "f5", "title"]
        for _, file in index[3]:
            content = _unpacked(bundle[f"filter/{file}.pf_filter"])
            assert file == f"{language}_{_hash(content)}"[: len(language) + 8]
            values = [value for value, _ in cbor2.loads(content)[1]]
            assert values == sorted(values)
    assert len(_filters(bundle, "sv")["ämne"]) == 101  # every value is there
    assert sorted(name for name in bundle if name.startswith("filter/")) == sorted(
        f"filter/{file}.pf_filter"
        for language in LANGUAGES
        for _, file in _index(bundle, language)[3]
    )  # and no file of Pagefind's order is left


def test_the_settled_bundle_says_what_pagefind_wrote(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = _raw(pages, tmp_path / "raw", monkeypatch)
    search._run_pagefind(str(pages), tmp_path / "settled")
    settled = _files(tmp_path / "settled")
    for language in LANGUAGES:
        assert _filters(settled, language) == _filters(raw, language)
        before, after = _index(raw, language), _index(settled, language)
        assert dict(map(tuple, after[4])) == dict(map(tuple, before[4]))  # the sort orders
        assert after[:3] == before[:3] and after[5:] == before[5:]
        assert json.loads(settled["pagefind-entry.json"])["languages"][language] == {
            **json.loads(raw["pagefind-entry.json"])["languages"][language],
            "hash": json.loads(settled["pagefind-entry.json"])["languages"][language]["hash"],
        }
    # the words' index and the pages' fragments are as Pagefind wrote them
    kept = [name for name in raw if name.startswith(("index/", "fragment/"))]
    assert kept and all(settled[name] == raw[name] for name in kept)
    assert len(settled) == len(raw)
    # what settling takes for granted: Pagefind names its files so, and cbor2 writes again
    # the very bytes Pagefind wrote
    for language, said in json.loads(raw["pagefind-entry.json"])["languages"].items():
        meta = _unpacked(raw[f"pagefind.{said['hash']}.pf_meta"])
        assert said["hash"] == f"{language}_{_hash(meta)[: len(language) + 8]}"
        assert cbor2.dumps(cbor2.loads(meta)) == meta
        for _, file in cbor2.loads(meta)[3]:
            content = _unpacked(raw[f"filter/{file}.pf_filter"])
            assert file == f"{language}_{_hash(content)}"[: len(language) + 8]
            assert cbor2.dumps(cbor2.loads(content)) == content


def test_a_name_taken_is_made_two_digits_longer_as_pagefind_makes_it() -> None:
    full = f"sv_{_hash(b'x')}"
    assert search._named("sv", b"x", 7, set()) == full[:10]
    assert search._named("sv", b"x", 7, {full[:10]}) == full[:12]
    assert search._named("sv", b"x", 7, {full[:10], full[:12]}) == full[:14]


@pytest.mark.parametrize("languages", [("sv",), ("sv", "en", "de", "fi")])
def test_a_bundle_without_filters_or_sorts_is_left_as_pagefind_wrote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, languages: tuple[str, ...]
) -> None:
    """But for the order of the languages in ``pagefind-entry.json``."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(40):
        (folder / f"p{number}.html").write_text(
            f'<html lang="{languages[number % len(languages)]}"><body>'
            '<main data-pagefind-body data-pagefind-meta="kind:Process">'
            f"<h1>Sida {number}</h1><p>Text {number}.</p></main></body></html>",
            encoding="utf-8",
        )
    raw = _raw(folder, tmp_path / "raw", monkeypatch)
    settled = []
    for run in range(4):
        search._run_pagefind(str(folder), tmp_path / str(run))
        settled.append(_files(tmp_path / str(run)))
    assert all(bundle == settled[0] for bundle in settled[1:])
    entry = "pagefind-entry.json"
    assert {**settled[0], entry: b""} == {**raw, entry: b""}
    told, written = json.loads(settled[0][entry]), json.loads(raw[entry])
    assert list(told["languages"]) == sorted(languages)
    assert told == written


@pytest.mark.parametrize(
    "spoilt",
    ["an entry written otherwise", "an entry that names no index", "a filter that is not read"],
)
def test_a_bundle_not_as_pagefind_1_writes_it_is_left_as_it_is(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spoilt: str
) -> None:
    output = tmp_path / "bundle"
    raw = _raw(pages, output, monkeypatch)
    entry = output / "pagefind-entry.json"
    if spoilt == "an entry written otherwise":
        entry.write_text(entry.read_text(encoding="utf-8").replace('":"', '": "'), "utf-8")
    elif spoilt == "an entry that names no index":
        entry.write_text('{"version": "1.5.2"}', encoding="utf-8")
    else:  # in the language told last: the others are read before, but left
        last = list(json.loads(raw["pagefind-entry.json"])["languages"])[-1]
        filter_file = output / f"filter/{_index(raw, last)[3][0][1]}.pf_filter"
        filter_file.write_bytes(gzip.compress(b"pagefind_dcd\xff"))
    before = _files(output)
    search._settle(output)
    assert _files(output) == before  # every language's index too: settled all or none


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from chromium.started_for_tests(chromium.missing())


#: What Pagefind's own code answers of a bundle: each filter's count of pages by value, the
#: pages with one value, and the first pages by a sort order.
_ASK = """async (bundle) => {
  const pagefind = await import(`/${bundle}/pagefind.js`);
  await pagefind.init();
  const filters = await pagefind.filters();
  const urls = async (found) => Promise.all(found.results.map(async (r) => (await r.data()).url));
  const tagged = await urls(await pagefind.search(null, { filters: { "ämne": "t5" } }));
  const both = { filters: { grupp: "g3", del: "d1" } };
  const grouped = await urls(await pagefind.search("process", both));
  const sorted = await urls(await pagefind.search(null, { sort: { s2: "desc" } }));
  return { filters, tagged: tagged.sort(), grouped: grouped.sort(), sorted: sorted.slice(0, 20) };
}"""


@pytest.mark.browser
def test_pagefind_reads_the_settled_bundle_as_the_one_it_wrote(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, browser: Any
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for page in pages.iterdir():
        (site / page.name).write_bytes(page.read_bytes())
    _raw(pages, site / "raw", monkeypatch)
    search._run_pagefind(str(pages), site / "settled")
    assert _files(site / "raw") != _files(site / "settled")  # else nothing is shown here
    answers = {}
    with serving(site) as address:
        context = browser.new_context()
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(address + "p1.html")  # a page in Swedish: Pagefind searches its index
        for bundle in ("raw", "settled"):
            answers[bundle] = tab.evaluate(_ASK, bundle)
        context.close()
    assert errors == []
    assert answers["settled"] == answers["raw"]
    found = answers["settled"]
    swedish = [number for number in range(PAGES) if number % 7]
    tags = {number: {(number * 37 + step * 11) % 101 for step in range(3)} for number in swedish}

    def counted(values: list[str]) -> dict[str, int]:
        return {value: values.count(value) for value in sorted(set(values))}

    assert found["filters"] == {
        "del": counted([f"d{number % 3}" for number in swedish]),
        "grupp": counted([f"g{number % 7}" for number in swedish]),
        "ämne": counted([f"t{tag}" for number in swedish for tag in tags[number]]),
    }
    assert found["tagged"] == sorted(f"/p{number}.html" for number in swedish if 5 in tags[number])
    assert found["grouped"] == sorted(
        f"/p{number}.html" for number in swedish if number % 7 == 3 and number % 3 == 1
    )
    assert len(found["tagged"]) > 1 and len(found["grouped"]) > 1
    values = [int(address[2:-5]) * 5 % 50 for address in found["sorted"]]
    assert values == sorted(values, reverse=True) and values[0] == 45


def test_an_index_that_cannot_be_read_names_no_fragments(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cbor2 6 raises its own errors, no longer ValueErrors: they are caught too."""
    output = tmp_path / "bundle"
    _raw(pages, output, monkeypatch)
    assert search._fragments(output) is not None
    for meta in output.glob("pagefind.*.pf_meta"):
        meta.write_bytes(gzip.compress(b"pagefind_dcd\xff"))
    assert search._fragments(output) is None
