"""The DOT text of the three kinds of map, on a small repository whose every fact is known.

The DOT text is the contract of a map (Graphviz only draws it), so these tests read it: which
elements it holds, in which order, with which texts and links. Whole DOT files are compared in
``test_map_goldens.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from processkit.loading.load import load_repository
from processkit.loading.repository import Repository
from processkit.render import (
    NO_LINKS,
    Links,
    UnknownEntity,
    interfaces_dot,
    landscape_dot,
    process_dot,
)
from processkit.render.catalogue import MapBuilder, all_maps

MakeRepo = Callable[[dict[str, str | bytes]], Path]

#: A delivery area "barn" with a parent process `myndighet` (sub-processes `ta-emot` and
#: `utreda`), a draft `insats` and a retired `gammal`; management `leda` and support `it` in
#: the area "stod". `utreda` has four activities in three roles, a routine, a loop back and
#: three hand-overs (one declared on both sides with different words).
FIXTURE: dict[str, str | bytes] = {
    "areas/barn.yaml": (
        "kind: area\nid: barn\nname: Barn och unga\norder: 1\ncustomers: Barn och familjer\n"
    ),
    "areas/stod.yaml": "kind: area\nid: stod\nname: Verksamhetsstöd\norder: 2\n",
    "roles/handlaggare.yaml": "kind: role\nid: handlaggare\nname: Handläggare\n"
    "category: operational\n",
    "roles/chef.yaml": "kind: role\nid: chef\nname: Enhetschef\ncategory: operational\n",
    "roles/admin.yaml": "kind: role\nid: admin\nname: Administratör\ncategory: operational\n",
    "handbooks/rutin-a.yaml": "kind: handbook\nid: rutin-a\ntitle: Rutin för utredning\n",
    "processes/leda.yaml": """\
        kind: process
        id: leda
        name: Leda verksamheten
        area: stod
        type: management
        status: approved
        """,
    "processes/it.yaml": """\
        kind: process
        id: it
        name: Förvalta verksamhetssystem
        area: stod
        type: support
        status: review
        interfaces:
          - process: utreda
            direction: in
            description: Dokumentation
        """,
    "processes/myndighet.yaml": """\
        kind: process
        id: myndighet
        name: Myndighetsutövning
        area: barn
        type: core
        status: approved
        purpose: Att barn får **rätt** stöd.
        """,
    "processes/ta-emot.yaml": """\
        kind: process
        id: ta-emot
        name: Ta emot anmälan
        area: barn
        type: core
        parent: myndighet
        status: approved
        interfaces:
          - process: utreda
            direction: out
            description: Anmälan och förhandsbedömning
        """,
    "processes/utreda.yaml": """\
        kind: process
        id: utreda
        name: Utreda barns behov
        area: barn
        type: core
        parent: myndighet
        status: approved
        need: Ett barn kan behöva stöd
        end: Beslut är fattat
        activities:
          - id: planera
            name: Planera utredningen
            role: handlaggare
            next: [samtal]
            documents: [rutin-a]
          - id: samtal
            name: Samtala med barnet
            role: handlaggare
            next: [besluta, kolla]
          - id: kolla
            name: Kontrollera uppgifter
            role: admin
            next: [samtal]
          - id: besluta
            name: Besluta
            role: chef
        interfaces:
          - process: ta-emot
            direction: in
            description: Anmälan
          - process: insats
            direction: out
            description: Beslut om insats
          - process: it
            direction: out
        """,
    "processes/insats.yaml": """\
        kind: process
        id: insats
        name: Ge stöd
        area: barn
        type: core
        status: draft
        interfaces:
          - process: utreda
            direction: in
            description: Beslut
        """,
    "processes/gammal.yaml": """\
        kind: process
        id: gammal
        name: Gammal process
        area: barn
        type: core
        status: retired
        interfaces:
          - process: utreda
            direction: in
            description: Något
        """,
}


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    loaded = load_repository(make_repo(FIXTURE))
    assert [d for d in loaded.diagnostics if d.severity == "error"] == []
    return loaded.repo


def node_names(dot: str) -> list[str]:
    """The nodes a DOT text declares, in order (edges and attribute lines left out)."""
    return re.findall(r'^\s*"([^"]+)" \[', dot, flags=re.MULTILINE)


def edges(dot: str) -> list[tuple[str, str]]:
    return re.findall(r'^\s*"([^"]+)" -> "([^"]+)"', dot, flags=re.MULTILINE)


def attrs_of(dot: str, node: str) -> str:
    found = re.search(rf'^\s*"{re.escape(node)}" \[(.*)\];$', dot, flags=re.MULTILINE)
    assert found, f"no node {node}"
    return found[1]


def clusters(dot: str) -> list[str]:
    return re.findall(r'subgraph "([^"]+)"', dot)


# --- landscape ---------------------------------------------------------------------------


def test_landscape_bands_hold_active_top_level_processes_in_reading_order(
    repo: Repository,
) -> None:
    job = landscape_dot(repo)
    assert job.name == "landscape"
    assert job.title == "Processkarta \u2013 Testkommunen"
    shown = [n for n in node_names(job.dot) if not n.startswith(("filler:", "legend:"))]
    # management on top, the need-to-need-met arrow, core by area, support below; the retired
    # process and the sub-processes are not drawn; `myndighet` first: its sub-process
    # `utreda` hands over to `insats`
    assert shown == ["leda", "reading", "myndighet", "insats", "it"]
    assert clusters(job.dot) == [
        "cluster_band_management",
        "cluster_rows_management",
        "cluster_band_core",
        "cluster_reading",
        "cluster_area_barn",
        "cluster_band_support",
        "cluster_rows_support",
        "cluster_legend",
    ]


def test_landscape_labels_say_status_and_sub_processes(repo: Repository) -> None:
    dot = landscape_dot(repo).dot
    assert 'label=<Myndighetsutövning<BR/><FONT POINT-SIZE="9" COLOR="#404040">' in dot
    assert "2 delprocesser</FONT>>" in attrs_of(dot, "myndighet")
    assert "utkast</FONT>>" in attrs_of(dot, "insats")
    assert 'style="filled,dashed"' in attrs_of(dot, "insats")  # a draft's border
    assert "på remiss</FONT>>" in attrs_of(dot, "it")
    assert 'shape="cds"' in attrs_of(dot, "myndighet")
    assert 'peripheries="2"' in attrs_of(dot, "it")
    assert 'URL="processes/myndighet.html"' in attrs_of(dot, "myndighet")
    assert 'tooltip="Huvudprocess, Barn och unga, fastställd. Att barn får rätt stöd."' in (
        attrs_of(dot, "myndighet")
    )


def test_landscape_rows_are_padded_to_one_grid(repo: Repository) -> None:
    dot = landscape_dot(repo).dot
    # the widest row (core: myndighet, insats) sets two columns; the others get a filler
    assert re.findall(r"\{ rank=same; (.*) \}", dot) == [
        '"leda"; "filler:0:1";',
        '"myndighet"; "insats";',
        '"it"; "filler:2:1";',
        '"legend:management"; "legend:core"; "legend:support"; "legend:draft";',
    ]


def test_area_landscape_shows_sub_processes_below_their_parent(repo: Repository) -> None:
    job = landscape_dot(repo, area="barn")
    assert job.name == "landscape-barn"
    assert job.title == "Processkarta \u2013 Barn och unga"
    assert clusters(job.dot) == [
        "cluster_band_core",
        "cluster_reading",
        "cluster_rows_core",
        "cluster_parent_myndighet",
        "cluster_legend",
    ]
    shown = [n for n in node_names(job.dot) if not n.startswith(("filler:", "legend:"))]
    assert shown == ["reading", "myndighet", "insats", "ta-emot", "utreda"]
    # counted on the parent and drawn in its box
    assert "2 delprocesser</FONT>>" in attrs_of(job.dot, "myndighet")
    box = job.dot[job.dot.index('subgraph "cluster_parent_myndighet"') :]
    assert box.index('"ta-emot" [') < box.index('"utreda" [') < box.index("\n  }")


def test_unknown_area_is_refused_with_a_guess(repo: Repository) -> None:
    with pytest.raises(UnknownEntity) as refused:
        landscape_dot(repo, area="barnn")
    assert (
        str(refused.value)
        == "--area: `barnn` is not a delivery area in this repository; did you mean `barn`?"
    )


# --- process flow -------------------------------------------------------------------------


@pytest.fixture
def one_band(monkeypatch: pytest.MonkeyPatch) -> None:
    """Flows drawn in one band however wide (``utreda`` is wrapped into two rows otherwise;
    ``test_map_bands`` tests the wrapping)."""
    import processkit.render.flow as flow_module

    monkeypatch.setattr(flow_module, "BAND_WIDTH", float("inf"))


@pytest.mark.usefixtures("one_band")
def test_flow_has_lanes_in_order_of_first_appearance(repo: Repository) -> None:
    job = process_dot(repo, "utreda")
    assert job.name == "process-utreda"
    assert job.layout == ("-Kneato", "-n2")
    # breadth-first: planera, samtal (handläggare), besluta (chef), kolla (admin)
    assert [c for c in clusters(job.dot) if c.startswith("cluster_lane_")] == [
        "cluster_lane_handlaggare",
        "cluster_lane_chef",
        "cluster_lane_admin",
    ]
    lanes = re.findall(r'bb="([^"]+)";\n\s+color="[^"]+";\n\s+fillcolor="[^"]+";\n', job.dot)
    tops = [float(bb.split(",")[3]) for bb in lanes]
    assert tops == sorted(tops, reverse=True)  # y grows upwards: the first lane is on top


def pos(dot: str, node: str) -> tuple[float, float]:
    found = re.search(r'pos="([-\d.]+),([-\d.]+)"', attrs_of(dot, node))
    assert found
    return float(found[1]), float(found[2])


@pytest.mark.usefixtures("one_band")
def test_flow_reads_left_to_right(repo: Repository) -> None:
    dot = process_dot(repo, "utreda").dot
    x = {name: pos(dot, name)[0] for name in node_names(dot) if not name.startswith("legend:")}
    assert x["in:ta-emot"] < x["start"] < x["act:planera"] < x["act:samtal"]
    assert x["act:samtal"] < x["act:besluta"] == x["act:kolla"] < x["end"]
    assert x["end"] < x["out:insats"] == x["out:it"]
    assert pos(dot, "start")[1] == pos(dot, "act:planera")[1]  # level with the first step


def test_flow_events_activities_and_connectors_say_what_they_are(repo: Repository) -> None:
    dot = process_dot(repo, "utreda").dot
    assert "Behov</FONT><BR/>Ett barn kan<BR/>behöva stöd>" in attrs_of(dot, "start")
    assert "Behov tillgodosett</FONT><BR/>Beslut är fattat>" in attrs_of(dot, "end")
    assert 'penwidth="3.5"' in attrs_of(dot, "end")  # an end event's heavy border
    assert "▤ Rutin för utredning</FONT>>" in attrs_of(dot, "act:planera")
    assert 'URL="processes/utreda.html#planera"' in attrs_of(dot, "act:planera")
    # the sender's words win over the receiver's
    assert "Anmälan och förhandsbedömning</FONT>>" in attrs_of(dot, "in:ta-emot")
    assert "Beslut om insats</FONT>>" in attrs_of(dot, "out:insats")
    assert 'URL="processes/insats.html"' in attrs_of(dot, "out:insats")
    # `utreda` says nothing of what it hands over to `it`, so the receiver's words are used
    assert (
        '<B>Förvalta</B><BR/><B>verksamhetssystem</B><BR/><FONT POINT-SIZE="9" '
        'COLOR="#404040">Dokumentation</FONT>>'
    ) in attrs_of(dot, "out:it")


@pytest.mark.usefixtures("one_band")
def test_flow_edges_follow_next_and_loops_leave_by_the_bottom(repo: Repository) -> None:
    dot = process_dot(repo, "utreda").dot
    assert edges(dot) == [
        ("start", "act:planera"),
        ("act:planera", "act:samtal"),
        ("act:samtal", "act:besluta"),
        ("act:samtal", "act:kolla"),
        ("act:kolla", "act:samtal"),
        ("act:besluta", "end"),
        ("in:ta-emot", "start"),
        ("end", "out:insats"),
        ("end", "out:it"),
    ]
    # every edge is drawn along a route of its own: an arrow tip and 3n+1 control points
    for found in re.finditer(r'-> "[^"]+" \[.*pos="e,([^"]+)"', dot):
        points = found[1].split(" ")[1:]
        assert (len(points) - 1) % 3 == 0


def test_a_link_written_twice_is_drawn_once(make_repo: MakeRepo) -> None:
    files = dict(FIXTURE)
    files["processes/twice.yaml"] = (
        "kind: process\nid: twice\nname: Två gånger\narea: barn\ntype: core\n"
        "status: draft\nactivities:\n"
        "  - id: a\n    name: Steg a\n    role: handlaggare\n    next: [b, b, a, b]\n"
        "  - id: b\n    name: Steg b\n    role: handlaggare\n"
    )
    dot = process_dot(load_repository(make_repo(files)).repo, "twice").dot
    assert edges(dot) == [
        ("start", "act:a"),
        ("act:a", "act:b"),
        ("act:a", "act:a"),
        ("act:b", "end"),
    ]
    ids = re.findall(r' id="([^"]+)"', dot)
    assert len(ids) == len(set(ids))


def test_flow_of_a_process_without_activities_goes_from_need_to_end(
    repo: Repository,
) -> None:
    dot = process_dot(repo, "insats").dot
    assert edges(dot) == [("start", "end"), ("in:utreda", "start")]
    assert [c for c in clusters(dot) if c.startswith("cluster_lane_")] == []


def test_unknown_process_is_refused_with_a_guess(repo: Repository) -> None:
    with pytest.raises(UnknownEntity) as refused:
        process_dot(repo, "utred")
    assert (
        str(refused.value) == "`utred` is not a process in this repository; did you mean `utreda`?"
    )
    with pytest.raises(UnknownEntity) as by_name:
        process_dot(repo, "ge-stod")  # near the name "Ge stöd" of `insats`
    assert str(by_name.value) == (
        "`ge-stod` is not a process in this repository; did you mean `insats`?"
    )
    with pytest.raises(UnknownEntity) as far:
        process_dot(repo, "xyz")
    assert str(far.value) == (
        "`xyz` is not a process in this repository; there are: `gammal`, `insats`, `it`, `leda`, "
        "`myndighet`, "
        "`ta-emot` and `utreda`"
    )


# --- interfaces ----------------------------------------------------------------------------


def test_interface_graph_has_one_edge_per_hand_over(repo: Repository) -> None:
    job = interfaces_dot(repo)
    assert job.name == "interfaces"
    assert edges(job.dot)[:3] == [("ta-emot", "utreda"), ("utreda", "insats"), ("utreda", "it")]
    assert len([e for e in edges(job.dot) if not e[0].startswith("legend:")]) == 3
    assert 'label="Anmälan och\\nförhandsbedömning"' in job.dot
    assert "gammal" not in job.dot  # retired
    assert job.desc == "6 processer och 3 överlämningar mellan dem."


def test_area_interface_graph_greys_the_processes_outside(repo: Repository) -> None:
    dot = interfaces_dot(repo, area="barn").dot
    assert 'fillcolor="#f2f2f2"' in attrs_of(dot, "it")
    assert 'fillcolor="#f8d58c"' in attrs_of(dot, "utreda")
    assert "leda" not in node_names(dot)
    assert "legend:outside" in node_names(dot)


@pytest.mark.parametrize(
    ("depth", "expected"),
    [(0, ["utreda"]), (1, ["insats", "it", "ta-emot", "utreda"])],
)
def test_interface_graph_around_a_process(
    repo: Repository, depth: int, expected: list[str]
) -> None:
    job = interfaces_dot(repo, around="utreda", depth=depth)
    assert job.name == "interfaces-around-utreda"
    assert job.title == "Gränssnitt \u2013 kring Utreda barns behov"
    shown = sorted(n for n in node_names(job.dot) if not n.startswith("legend:"))
    assert shown == expected


# --- shared -------------------------------------------------------------------------------


def test_links_can_be_prefixed_or_left_out(repo: Repository) -> None:
    prefixed = process_dot(repo, "utreda", link=Links(prefix="../")).dot
    assert 'URL="../roles/handlaggare.html"' in prefixed
    assert 'URL="../processes/insats.html"' in prefixed
    for job in MapBuilder(repo, link=NO_LINKS).all():
        assert "URL=" not in job.dot, job.name


def test_maps_are_the_same_whatever_order_the_files_were_read_in(
    make_repo: MakeRepo, repo: Repository
) -> None:
    again = load_repository(make_repo(dict(reversed(list(FIXTURE.items()))))).repo
    assert [j.dot for j in all_maps(again)] == [j.dot for j in all_maps(repo)]


def test_every_drawn_element_has_an_accessible_name(repo: Repository) -> None:
    for job in all_maps(repo):
        ids = re.findall(r'\bid="([^"]+)"', job.dot)
        named = {info.svg_id for info in job.nodes}
        # the unseen boxes that line the landscape's rows up have ids (so that they do not
        # inherit their band's) but nothing to say: the SVG hides them from screen readers
        # so are the words under a link event of a wrapped flow (its circle says them)
        helper = re.compile(
            rf"{re.escape(job.name)}--(reading--box|rows--[a-z]+|link--[A-Z]+--(in|out)--\d+--text)"
        )
        assert {i for i in ids if not helper.fullmatch(i)} - {job.name} == named, job.name
        assert len(named) == len(job.nodes), job.name  # no id twice


def test_every_box_is_written_with_an_id_of_its_own() -> None:
    # Graphviz gives a subgraph the values of the graph around it that it does not set: an
    # unnamed box inside a band would carry the band's id, and the SVG would hold it twice
    from processkit.render.dot import Cluster, Graph

    inner = Cluster("cluster_inner", attrs={"label": ""})
    band = Cluster("cluster_band", attrs={"id": "m--band"}, clusters=[inner])
    assert Graph("m", attrs={"id": "m"}, clusters=[band]).to_dot() == (
        'digraph "m" {\n'
        '  id="m";\n'
        '  subgraph "cluster_band" {\n'
        '    id="m--band";\n'
        '    subgraph "cluster_inner" {\n'
        '      id="m--cluster_inner";\n'
        '      label="";\n'
        "    }\n"
        "  }\n"
        "}\n"
    )


def test_a_text_with_a_character_left_out_is_quoted_as_every_other() -> None:
    # the graph is written without looking at each value first: a value whose left-out
    # character hid a backslash at its end, or stood in a label or a name, is still written
    # as ``quote`` writes it alone
    from processkit.render.dot import Edge, Graph, Html, Node, quote

    values = ["C:\\\x01", "a\x0b\\\\", 'say "\ufffe"\\', "plain"]
    nodes = [
        Node(f"n{i}\x7f", {"label": value, "tooltip": Html(value)})
        for i, value in enumerate(values)
    ]
    graph = Graph("g\x01", attrs={"label": values[0]}, nodes=nodes)
    graph.edges.append(Edge("n0\x7f", "n1\x7f", {"label": values[1]}))
    lines = graph.to_dot().splitlines()
    assert lines[:2] == ['digraph "g" {', f"  label={quote(values[0])};"]
    assert lines[2:6] == [
        f"  {quote(node.name)} [label={quote(value)}, tooltip={quote(Html(value))}];"
        for node, value in zip(nodes, values, strict=True)
    ]
    assert lines[2] == '  "n0" [label="C:\\\\", tooltip=<C:\\>];'
    assert lines[6] == f'  "n0" -> "n1" [label={quote(values[1])}];'


def test_a_clean_text_with_a_quote_or_a_backslash_is_quoted_as_quote_quotes_it() -> None:
    # nearly every value is written without a call of its own (``_clean_pairs``): the few
    # with a quote or a backslash at the end, and every label of markup, the careful way
    from processkit.render.dot import Edge, Graph, Html, Node, quote

    values = ['say "hi"', "C:\\", "C:\\\\", "a\\b", '"', "\\", "", "plain"]
    nodes = [
        Node(f"n{i}", {"label": value, "tooltip": Html(value), "xlabel": f"{value}!"})
        for i, value in enumerate(values)
    ]
    graph = Graph('g "1"\\', attrs={"label": values[0]}, nodes=nodes)
    graph.edges.append(Edge("n0", "n1", {"label": values[1]}))
    lines = graph.to_dot().splitlines()
    assert lines[:2] == ['digraph "g \\"1\\"\\\\" {', '  label="say \\"hi\\"";']
    assert lines[2:10] == [
        f"  {quote(node.name)} [label={quote(value)}, tooltip={quote(Html(value))}, "
        f"xlabel={quote(value + '!')}];"
        for node, value in zip(nodes, values, strict=True)
    ]
    assert lines[3] == '  "n1" [label="C:\\\\", tooltip=<C:\\>, xlabel="C:\\!"];'
    assert lines[4] == '  "n2" [label="C:\\\\", tooltip=<C:\\\\>, xlabel="C:\\\\!"];'
    assert lines[10] == '  "n0" -> "n1" [label="C:\\\\"];'


def test_all_maps_of_the_repository(repo: Repository) -> None:
    assert [job.name for job in all_maps(repo)] == [
        "landscape",
        "landscape-barn",
        "landscape-stod",
        "process-insats",
        "process-it",
        "process-leda",
        "process-myndighet",
        "process-ta-emot",
        "process-utreda",
        "interfaces",
        "interfaces-barn",
        "interfaces-stod",
    ]


def test_english_site_language_gives_english_maps(make_repo: MakeRepo) -> None:
    files = {**FIXTURE, "processkit.yaml": "organisation: Test\nsite:\n  language: en\n"}
    repo = load_repository(make_repo(files)).repo
    job = process_dot(repo, "utreda")
    assert job.title == "Process flow \u2013 Utreda barns behov"
    assert "Need met</FONT>" in job.dot
    assert "Management processes" in landscape_dot(repo).dot
