"""Maps drawn by the real Graphviz: the SVG parses and holds what a reader needs; many maps go
through few Graphviz processes; a drawn map is never drawn again."""

from __future__ import annotations

import os
import shutil
import stat
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import KALMAR
from tests.test_map_dot import FIXTURE

from processkit.loading.load import load_repository
from processkit.loading.repository import Repository
from processkit.render import (
    GraphvizMissing,
    MapJob,
    RenderError,
    RenderStats,
    default_cache_dir,
    gvsetup,
    interfaces_dot,
    landscape_dot,
    process_dot,
    render_maps,
)
from processkit.render.catalogue import all_maps
from processkit.render.graphviz import run_dot

MakeRepo = Callable[[dict[str, str | bytes]], Path]
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
DOT = shutil.which("dot")

pytestmark = pytest.mark.skipif(DOT is None, reason="Graphviz is not installed")


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    return load_repository(make_repo(FIXTURE)).repo


def parse(svg: bytes) -> ET.Element:
    return ET.fromstring(svg)


def parts(root: ET.Element, kind: str) -> dict[str, ET.Element]:
    """The ``<g class=kind>`` elements of a drawn map, by id."""
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g") if g.get("class") == kind}


def title_and_desc(element: ET.Element) -> tuple[str | None, str | None]:
    title, desc = element.find(f"{SVG}title"), element.find(f"{SVG}desc")
    return (
        title.text if title is not None else None,
        desc.text if desc is not None else None,
    )


def links(root: ET.Element) -> set[str]:
    """Where the map's links lead (Graphviz also wraps a tooltip without a link in an ``a``)."""
    return {a.get(XLINK_HREF, "") for a in root.iter(f"{SVG}a")} - {""}


def test_process_flow_svg_holds_every_activity_lane_title_and_link(
    repo: Repository, tmp_path: Path
) -> None:
    job = process_dot(repo, "utreda")
    root = parse(render_maps([job], tmp_path)[0])
    # the map: a title and a description, named by aria-labelledby
    assert root.get("role") == "group"  # it holds links, so they stay reachable
    assert root.get("aria-labelledby") == "process-utreda--title process-utreda--desc"
    assert title_and_desc(root) == (
        "Processflöde \u2013 Utreda barns behov",
        "4 aktiviteter i 3 roller, från behovet (Ett barn kan behöva stöd) till tillgodosett "
        "behov (Beslut är fattat). Huvudprocess, Barn och unga, fastställd.",
    )
    nodes = parts(root, "node")
    activities = {ident: title_and_desc(g)[0] for ident, g in nodes.items() if "--act--" in ident}
    assert activities == {
        "process-utreda--act--planera": "Planera utredningen",
        "process-utreda--act--samtal": "Samtala med barnet",
        "process-utreda--act--kolla": "Kontrollera uppgifter",
        "process-utreda--act--besluta": "Besluta",
    }
    assert title_and_desc(nodes["process-utreda--act--planera"])[1] == (
        "Aktivitet. Utförare: Handläggare. Rutin: Rutin för utredning. "
        "Flödet fortsätter till Samtala med barnet."
    )
    lanes = {i: title_and_desc(g) for i, g in parts(root, "cluster").items() if "--lane--" in i}
    assert lanes == {
        "process-utreda--lane--handlaggare": ("Handläggare", "Roll: Handläggare"),
        "process-utreda--lane--chef--2": ("Enhetschef", "Roll: Enhetschef"),
        "process-utreda--lane--admin--2": ("Administratör", "Roll: Administratör"),
    }
    # wrapped into two rows: an edge between them is a pair of link events, the words under
    # a circle hidden from screen readers (its circle says them)
    events = {
        i: title_and_desc(g) for i, g in nodes.items() if "--link--" in i and "--text" not in i
    }
    assert events == {
        "process-utreda--link--A--out--1": (
            "A: till rad 2",
            "Flödet fortsätter på rad 2, vid A, till Besluta.",
        ),
        "process-utreda--link--A--in--2": (
            "A: från rad 1",
            "Flödet kommer från rad 1, vid A, från Samtala med barnet.",
        ),
        "process-utreda--link--B--out--1": (
            "B: till rad 2",
            "Flödet fortsätter på rad 2, vid B, till Kontrollera uppgifter.",
        ),
        "process-utreda--link--B--in--2": (
            "B: från rad 1",
            "Flödet kommer från rad 1, vid B, från Samtala med barnet.",
        ),
        "process-utreda--link--C--out--2": (
            "C: till rad 1",
            "Flödet fortsätter på rad 1, vid C, till Samtala med barnet.",
        ),
        "process-utreda--link--C--in--1": (
            "C: från rad 2",
            "Flödet kommer från rad 2, vid C, från Kontrollera uppgifter.",
        ),
    }
    hidden = [g for g in root.iter(f"{SVG}g") if (g.get("id") or "").endswith("--text")]
    assert len(hidden) == 6
    assert all(g.get("aria-hidden") == "true" for g in hidden)
    for ident, g in [*nodes.items(), *parts(root, "edge").items()]:
        if g.get("aria-hidden") == "true":
            continue
        title, desc = title_and_desc(g)
        assert title, ident  # every node and edge has a title and a description
        assert desc is not None or "--e--" in ident, ident
    assert links(root) == {
        "processes/utreda.html#planera",
        "processes/utreda.html#samtal",
        "processes/utreda.html#kolla",
        "processes/utreda.html#besluta",
        "processes/ta-emot.html",
        "processes/insats.html",
        "processes/it.html",
        "roles/handlaggare.html",
        "roles/chef.html",
        "roles/admin.html",
    }
    texts = {t.text for t in root.iter(f"{SVG}text")}
    assert {"Behov", "Behov tillgodosett", "Handläggare", "Enhetschef"} <= texts


def test_landscape_svg_links_every_process_and_hides_the_helpers(
    repo: Repository, tmp_path: Path
) -> None:
    root = parse(render_maps([landscape_dot(repo)], tmp_path)[0])
    names = {title_and_desc(g)[0] for i, g in parts(root, "node").items() if "--p--" in i}
    assert names == {
        "Leda verksamheten",
        "Myndighetsutövning",
        "Ge stöd",
        "Förvalta verksamhetssystem",
    }
    assert links(root) == {
        "processes/leda.html",
        "processes/myndighet.html",
        "processes/insats.html",
        "processes/it.html",
    }
    for g in root.iter(f"{SVG}g"):
        if g.get("aria-hidden") == "true":
            assert g.find(f"{SVG}title") is None  # Graphviz's own ids are not read out
    graph = parts(root, "graph")
    assert list(graph) == ["landscape"]


def test_names_with_control_characters_and_a_trailing_backslash_are_drawn(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    """YAML lets a name hold control characters; Graphviz stopped at them and SVG cannot
    hold them, and a name ending in a backslash escaped the closing quote of the DOT string."""
    root = make_repo(
        {
            "areas/a.yaml": "kind: area\nid: a\nname: Område\n",
            "roles/r.yaml": 'kind: role\nid: r\nname: "Roll\\x01 C:\\\\"\ncategory: operational\n',
            "processes/p.yaml": (
                'kind: process\nid: p\nname: "Ta\\x00 emot\\x1b\\x7f\\x85\\uFFFE C:\\\\mapp\\\\"\n'
                "area: a\ntype: core\nstatus: approved\n"
                'activities:\n  - {id: s, name: "Steg\\x0c\\\\", role: r}\n'
            ),
        }
    )
    repo = load_repository(root).repo
    assert repo.processes["p"].entity.name == "Ta\x00 emot\x1b\x7f\x85\ufffe C:\\mapp\\"
    landscape, flow = render_maps([landscape_dot(repo), process_dot(repo, "p")], tmp_path)
    node = parts(parse(landscape), "node")["landscape--p--p"]
    assert title_and_desc(node)[0] == "Ta emot C:\\mapp\\"
    texts = {t.text for t in parse(flow).iter(f"{SVG}text")}
    assert {"Roll C:\\", "Steg \\"} <= texts  # a form feed is a blank to the wrapping


def test_a_map_without_links_is_one_image(repo: Repository, tmp_path: Path) -> None:
    from processkit.render import NO_LINKS

    root = parse(render_maps([interfaces_dot(repo, link=NO_LINKS)], tmp_path)[0])
    assert root.get("role") == "img"
    assert links(root) == set()
    edges = {title_and_desc(g) for g in parts(root, "edge").values()}
    assert ("Utreda barns behov → Ge stöd", "Beslut om insats") in edges


def test_second_render_is_served_from_the_cache(repo: Repository, tmp_path: Path) -> None:
    jobs = all_maps(repo)
    first_stats, second_stats = RenderStats(), RenderStats()
    first = render_maps(jobs, tmp_path, stats=first_stats)
    second = render_maps(jobs, tmp_path, stats=second_stats)
    assert second == first
    assert (first_stats.drawn, first_stats.cached) == (len(jobs), 0)
    assert (second_stats.drawn, second_stats.cached, second_stats.processes) == (0, len(jobs), 0)


def counting_dot(folder: Path) -> Path:
    """A ``dot`` that logs its arguments, then runs the real one."""
    folder.mkdir()
    log = folder / "calls.log"
    script = folder / "dot"
    script.write_text(f'#!/bin/sh\necho "$@" >> {log}\nexec {DOT} "$@"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return log


def calls(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_an_unchanged_map_never_reaches_graphviz_again(
    make_repo: MakeRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = counting_dot(tmp_path / "bin")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(gvsetup, "_VERSIONS", {})  # as a new process would start
    root = make_repo(FIXTURE)
    cache = default_cache_dir(root)
    jobs = all_maps(load_repository(root).repo)
    render_maps(jobs, cache)
    # two questions (what Graphviz is; a check of the plugins an SVG is drawn with),
    # then a process of its own for each of the six maps Graphviz lays out (three landscapes,
    # three interface maps) and two (one per worker) for the six placed by processkit
    # (neato -n2)
    assert sorted(calls(log)) == (
        ["-Kneato -n2 -Tsvg"] * 2 + ["-Tsvg"] * 6 + ["-v", "-v -Kneato -n2 -Txdot"]
    )

    monkeypatch.setattr(gvsetup, "_VERSIONS", {})
    render_maps(jobs, cache)
    # nothing drawn: Graphviz asked what it is (once in a process), the check's verdict
    # remembered in the cache
    assert calls(log)[10:] == ["-v"]

    changed = {
        **FIXTURE,
        "processes/leda.yaml": str(FIXTURE["processes/leda.yaml"]).replace(
            "Leda verksamheten", "Leda och styra"
        ),
    }
    stats = RenderStats()
    render_maps(all_maps(load_repository(make_repo(changed)).repo), cache, stats=stats)
    # the new name shows on the landscape and its area's, the interfaces and its area's, and
    # its own flow: four maps in a dot process each, the flow in one neato process
    assert (stats.drawn, stats.cached, stats.processes) == (5, len(jobs) - 5, 5)


def test_identical_maps_are_drawn_once(repo: Repository) -> None:
    job = process_dot(repo, "utreda")
    stats = RenderStats()
    first, second = render_maps([job, job], None, stats=stats)
    assert first == second
    assert stats.drawn == 1


def test_maps_of_one_drawing_with_other_texts_are_each_made_accessible(
    repo: Repository,
) -> None:
    """Without a cache, maps are told apart by their DOT text and then by the whole job: one
    whose texts for a reader differ is not the same map."""
    job = process_dot(repo, "utreda")
    retitled = replace(job, title="En annan rubrik")
    stats = RenderStats()
    drawn = render_maps([job, retitled, job, retitled], None, stats=stats)
    assert stats.drawn == 2
    assert drawn[0] == drawn[2]
    assert drawn[1] == drawn[3]
    assert b">En annan rubrik</title>" in drawn[1]
    assert b"En annan rubrik" not in drawn[0]


def test_maps_of_one_drawing_with_other_texts_are_drawn_once_as_png(repo: Repository) -> None:
    """A PNG holds none of the texts for a reader: maps that differ only in them are one
    picture, drawn once, as by their cache key."""
    job = process_dot(repo, "utreda")
    stats = RenderStats()
    first, second = render_maps(
        [job, replace(job, title="En annan rubrik")], None, "png", stats=stats
    )
    assert stats.drawn == 1
    assert first == second


def test_batches_split_back_into_one_picture_per_map(repo: Repository) -> None:
    assert DOT is not None
    graphs = [
        landscape_dot(repo).dot,
        interfaces_dot(repo).dot,
        interfaces_dot(repo, area="barn").dot,
    ]
    svgs = run_dot(DOT, graphs, "svg")
    assert [parse(s).tag for s in svgs] == [f"{SVG}svg"] * 3
    assert [s.count(b"<svg") for s in svgs] == [1, 1, 1]
    pngs = run_dot(DOT, graphs, "png")
    assert [p[:8] for p in pngs] == [b"\x89PNG\r\n\x1a\n"] * 3
    assert all(p.endswith(b"IEND\xaeB`\x82") for p in pngs)
    pdfs = run_dot(DOT, graphs, "pdf")
    assert [p[:5] for p in pdfs] == [b"%PDF-"] * 3
    assert all(p.rstrip().endswith(b"%%EOF") for p in pdfs)


def test_many_maps_go_through_few_processes(repo: Repository) -> None:
    jobs = [process_dot(repo, pid) for pid in sorted(repo.processes)] * 1
    stats = RenderStats()
    render_maps(jobs, None, stats=stats, workers=2, batch_size=3)
    assert (stats.drawn, stats.processes) == (len(jobs), 3)  # 7 flows in batches of 3


def test_a_map_graphviz_cannot_draw_is_named(repo: Repository) -> None:
    broken = MapJob("broken", "digraph { a -> }\n", "Trasig", "")
    with pytest.raises(RenderError) as failed:
        render_maps([landscape_dot(repo), broken], None)
    assert str(failed.value).startswith("map broken: Graphviz failed: Error: <stdin>: syntax")


def test_missing_graphviz_is_one_clear_error(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(GraphvizMissing) as missing:
        render_maps([landscape_dot(repo)], tmp_path / "cache")
    assert str(missing.value) == (
        "Graphviz is not installed (the `dot` program was not found); install it with "
        "`sudo apt-get install graphviz` (see the README's set-up), or use --format dot"
    )


def test_cache_entries_are_written_whole(repo: Repository, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    render_maps([landscape_dot(repo)], cache)
    files = sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file())
    assert len(files) == 2
    assert files[1] == "graphviz.json"
    assert files[0].endswith(".svg") and files[0][:3] == files[0][3:5] + "/"
    assert not any(name.startswith(".") for name in os.listdir(cache / files[0][:2]))


HOSTILE = 'Säg "hej" \\ <b>fet</b> & C:\\temp\\ 🙂 ' + "mycket " * 12 + "långt"


def test_names_with_quotes_backslashes_and_markup_are_drawn_as_written(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    text = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    files = {
        **FIXTURE,
        "processes/utreda.yaml": str(FIXTURE["processes/utreda.yaml"])
        .replace("name: Utreda barns behov", f'name: "{text}"')
        .replace("name: Besluta", f'name: "{text}"'),
        "roles/chef.yaml": f'kind: role\nid: chef\nname: "{text}"\ncategory: operational\n',
    }
    repo = load_repository(make_repo(files)).repo
    assert repo.processes["utreda"].entity.name == HOSTILE
    jobs = all_maps(repo)
    for job, svg in zip(jobs, render_maps(jobs, tmp_path / "cache"), strict=True):
        root = parse(svg)  # Graphviz understood the DOT text, and the SVG is well-formed
        titles = [title_and_desc(g)[0] for g in root.iter(f"{SVG}g")]
        if job.name in ("process-utreda", "landscape-barn", "interfaces"):
            assert HOSTILE in titles, job.name
    flow = parse(render_maps([process_dot(repo, "utreda")], None)[0])
    assert title_and_desc(flow)[0] == f"Processflöde \u2013 {HOSTILE}"
    lanes = {title_and_desc(g)[0] for g in parts(flow, "cluster").values()}
    assert HOSTILE in lanes


@pytest.fixture(scope="module")
def kalmar_maps() -> list[MapJob]:
    """Every map of examples/kalmar: the landscape and each area's, every process flow, the
    interface map and each area's."""
    return all_maps(load_repository(KALMAR).repo)


def test_maps_drawn_in_batches_are_the_same_every_time(
    kalmar_maps: list[MapJob], tmp_path: Path
) -> None:
    # Graphviz orders a graph's clusters by where their names lie in memory; once a process has
    # drawn another graph that differs from run to run, and the area landscapes came out with
    # their boxes in another order (and the flows with their lanes) nearly every time
    assert len([job for job in kalmar_maps if job.name.startswith("landscape-")]) >= 3
    runs: list[dict[str, bytes]] = []
    for number, jobs in enumerate([kalmar_maps, kalmar_maps, kalmar_maps[::-1]]):
        stats = RenderStats()
        drawn = render_maps(jobs, tmp_path / f"cache-{number}", stats=stats, workers=2)
        assert stats.processes < len(jobs) / 2  # batched: most maps share a process
        runs.append(dict(zip([job.name for job in jobs], drawn, strict=True)))
    first, *others = runs
    for other in others:
        assert [name for name in first if other[name] != first[name]] == []


def test_every_id_in_every_kalmar_map_is_unique(kalmar_maps: list[MapJob], tmp_path: Path) -> None:
    names = [job.name for job in kalmar_maps]
    assert {name.split("-")[0] for name in names} == {"landscape", "process", "interfaces"}
    for job, svg in zip(kalmar_maps, render_maps(kalmar_maps, tmp_path), strict=True):
        ids = [element.get("id", "") for element in parse(svg).iter() if "id" in element.attrib]
        assert job.name in ids and f"{job.name}--title" in ids
        assert sorted({ident for ident in ids if ids.count(ident) > 1}) == [], job.name


@given(st.lists(st.sampled_from(["a", "-", "&#45;", "&amp;", "&lt;", "&#229;", "&", ";", "å"])))
def test_an_id_graphviz_wrote_is_read_as_html_unescape_reads_it(parts: list[str]) -> None:
    from html import unescape

    from processkit.render.svg import _plain_id

    written = "".join(parts)
    assert _plain_id(written) == unescape(written)


def test_graphviz_missing_survives_the_trip_back_from_a_worker() -> None:
    import pickle

    from processkit.render.graphviz import INSTALL_HINT, GraphvizMissing

    again = pickle.loads(pickle.dumps(GraphvizMissing()))
    assert isinstance(again, GraphvizMissing)
    assert str(again) == INSTALL_HINT  # the suite speaks English


def test_a_map_retitled_is_the_map_drawn_with_its_new_title_and_description() -> None:
    """``svg.retitled`` puts a map's own title and description in place of those it was made
    with: the same bytes as drawing it again (the site reuses a flow that only its process's
    purpose changed this way). A map of another name is left alone."""
    from dataclasses import replace

    from processkit.render.svg import retitled

    job = process_dot(load_repository(KALMAR).repo, "bu-utredning")
    new = replace(job, title="Ett nytt namn & mer", desc='Ett "nytt" syfte <med> tecken.')
    first, again = render_maps([job, new], None)
    made = retitled(first.decode("utf-8"), new)
    assert made is not None and made != first.decode("utf-8")
    assert made == again.decode("utf-8")
    assert retitled(first.decode("utf-8"), replace(new, name="process-annan")) is None


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ['subgraph "', '" {', '\\"', "\n", " ", "\t", "\u2028", "x", "{", '"', "\\"]
        ),
        max_size=40,
    )
)
def test_subgraph_names_are_those_the_pattern_finds(pieces: list[str]) -> None:
    from processkit.render.svgorder import _SUBGRAPH, subgraph_names

    dot = "".join(pieces)
    assert subgraph_names(dot) == _SUBGRAPH.findall(dot)
