"""A process far larger than anyone should write: validate, map and publish finish, and say why
its flow is listed instead of drawn.

Each command runs as a subprocess with a generous hang guard (no timing is asserted: the figures
are in benchmarks/README.md). The processes: 3,000 activities in a dense web of links back and
forth (each to the next five and the five before), and a chain of 20,000 (a recursion over the
flow would fail on it); and, just under the limit, 200 activities in the same web, drawn.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult, write_files

import processkit as processkit_package
from processkit.diagnostics import GUESS_BUDGET
from processkit.domain.flow import FLOW_MAP_MAX_ACTIVITIES

SOURCE = str(Path(processkit_package.__file__).resolve().parents[1])
HANG_GUARD = 60  # seconds: far beyond what any of these takes, short of a hung CI job
EPOCH = "1780272000"  # 2026-06-01: the site's date, from no clock and no git
ROLES = ("handlaggare", "enhetschef", "administrator")
ROLE_NAMES = {
    "handlaggare": "Handläggare",
    "enhetschef": "Enhetschef",
    "administrator": "Administratör",
}


def web(count: int) -> list[list[int]]:
    """Each activity leads to the next five and back to the five before; the last one ends."""
    return [
        []
        if i == count
        else [j for j in range(i + 1, i + 6) if j <= count]
        + [j for j in range(i - 1, i - 6, -1) if j >= 1]
        for i in range(1, count + 1)
    ]


def chain(count: int) -> list[list[int]]:
    """Each activity leads to the next; the last one ends."""
    return [[i + 1] if i < count else [] for i in range(1, count + 1)]


def repository(root: Path, links: list[list[int]], typo: str = "") -> Path:
    """A repository of one draft process whose activities follow ``links`` (1-based), each
    `next` misspelt with ``typo`` after it when one is given."""
    lines = [
        "kind: process",
        "id: eb-handlaggning",
        "name: Handlägga ansökan om ekonomiskt bistånd",
        "area: ekonomiskt-bistand",
        "type: core",
        "status: draft",
        "activities:",
    ]
    for number, following in enumerate(links, start=1):
        lines += [f"  - id: s{number}", f"    name: Steg {number}"]
        lines.append(f"    role: {ROLES[number % len(ROLES)]}")
        if following:
            lines.append("    next: [" + ", ".join(f"s{n}{typo}" for n in following) + "]")
    files: dict[str, str | bytes] = {
        "processkit.yaml": "organisation: Socialförvaltningen, Exempelkommunen\n",
        "areas/ekonomiskt-bistand.yaml": (
            "kind: area\nid: ekonomiskt-bistand\nname: Ekonomiskt bistånd\n"
        ),
        "processes/eb/eb-handlaggning.yaml": "\n".join(lines) + "\n",
    }
    for role_id, name in ROLE_NAMES.items():
        files[f"roles/{role_id}.yaml"] = (
            f"kind: role\nid: {role_id}\nname: {name}\ncategory: operational\n"
        )
    return write_files(root, files)


def processkit(
    cwd: Path, *args: str, timeout: float = HANG_GUARD
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env["SOURCE_DATE_EPOCH"] = EPOCH
    # the processkit under test, wherever the tests run from
    env["PYTHONPATH"] = os.pathsep.join([SOURCE, *filter(None, [env.get("PYTHONPATH")])])
    return subprocess.run(
        [sys.executable, "-m", "processkit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def warning(count: int) -> str:
    return (
        f"processes/eb/eb-handlaggning.yaml:7:1 PK124 warning: the process has {count} "
        "activities, more than the 200 a flow map can draw: its map and its page list the "
        "activities in flow order instead of drawing the flow\n"
        "  7 | activities:\n"
        "    | ^\n"
        "    = hint: Split the process into sub-processes: move each larger part of the flow "
        "into a process of its own with `parent: eb-handlaggning`, and keep the main steps "
        "here (at most 200 activities).\n"
        "\n"
        "0 errors, 1 warning in 6 files (5 entities).\n"
    )


def note(count: int, shown_on: str) -> str:
    return (
        f"processkit: note: the process `eb-handlaggning` has {count} activities, more than "
        f"the 200 a flow map can draw, so {shown_on} lists them in flow order instead. Split "
        "it into sub-processes (`parent: eb-handlaggning`); see `processkit rules PK124`.\n"
    )


def listed_svg_items(svg: str) -> list[tuple[str, str]]:
    """(element id, accessible title) of each activity in the list map, in drawing order."""
    return re.findall(
        r'<g id="process-eb-handlaggning--act--(s\d+)" class="node">\n<title>([^<]*)</title>', svg
    )


def page_list(html: str) -> tuple[str, list[str]]:
    """The note and the items of the ordered list that stands in for the map on the page."""
    found = re.search(r'<p class="flow-listed">([^<]*)</p>', html)
    items = re.search(r'<ol class="flow-list" data-pagefind-ignore>(.*?)</ol>', html, re.DOTALL)
    assert found is not None and items is not None
    return found.group(1), re.findall(r"<li>(.*?)</li>", items.group(1))


def test_the_limit_is_two_hundred_activities() -> None:
    assert FLOW_MAP_MAX_ACTIVITIES == 200  # README, FORMAT additions and PK124's docs say so


@pytest.mark.parametrize(
    ("count", "shape"),
    [(3000, web), (20000, chain)],
    ids=["3000-activities-back-and-forth", "20000-activities-in-a-chain"],
)
def test_validate_map_and_publish_finish_and_list_the_flow(
    tmp_path: Path, count: int, shape: Callable[[int], list[list[int]]]
) -> None:
    repository(tmp_path / "repo", shape(count))

    checked = processkit(tmp_path, "validate", "repo")
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, warning(count), "")

    drawn = processkit(tmp_path, "map", "process", "eb-handlaggning", "repo", "-o", "flow.svg")
    assert (drawn.returncode, drawn.stdout, drawn.stderr) == (
        0,
        "flow.svg\n",
        note(count, "its map"),
    )
    svg = (tmp_path / "flow.svg").read_text(encoding="utf-8")
    assert listed_svg_items(svg) == [(f"s{n}", f"{n}. Steg {n}") for n in range(1, count + 1)]
    assert (
        '<g id="process-eb-handlaggning--note" class="node">\n'
        f"<title>Processen har {count} aktiviteter, fler än de 200 som en processkarta kan visa. "
        "I stället för kartan listas aktiviteterna här i flödesordning.</title>"
    ) in svg
    assert 'class="edge"' not in svg

    published = processkit(tmp_path, "publish", "repo", "-o", "site")
    assert (published.returncode, published.stdout, published.stderr) == (
        0,
        "Published 15 pages and 2 maps to site/index.html\n"
        "Everything was built from scratch: nothing could be reused from before.\n",
        note(count, "its page"),
    )
    html = (tmp_path / "site" / "processes" / "eb-handlaggning.html").read_text(encoding="utf-8")
    said, items = page_list(html)
    assert said == (
        f"Processen har {count} aktiviteter, fler än de 200 som en processkarta kan visa. "
        "I stället för kartan listas aktiviteterna här i flödesordning."
    )
    assert items == [f'<a href="#s{n}">Steg {n}</a>' for n in range(1, count + 1)]
    assert '<figure class="map"' not in html
    assert html.count('<tr id="s') == count  # the table of activities is there as always


def test_two_hundred_activities_back_and_forth_are_still_drawn(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = repository(tmp_path / "repo", web(200))
    checked = cli("validate", root)
    assert (checked.code, checked.out, checked.err) == (
        0,
        "No problems found in 6 files (5 entities).\n",
        "",
    )
    out = tmp_path / "flow.svg"
    drawn = cli("map", "process", "eb-handlaggning", root, "-o", out, "--no-cache")
    assert (drawn.code, drawn.out, drawn.err) == (0, f"{out}\n", "")
    svg = out.read_text(encoding="utf-8")
    links = sum(len(following) for following in web(200)) + 2  # and from the start, to the end
    # wrapped into rows: an edge between two rows runs into a link event, and on from its
    # partner (which several such edges into one activity share)
    edges = re.findall(r'<g id="process-eb-handlaggning--e--([^"]+)" class="edge"', svg)
    within = [e for e in edges if "link-" not in e]
    between = [e for e in edges if re.search(r"--link-[A-Z]+-\d+$", e)]
    assert len(within) + len(between) == links
    assert len(between) > 50
    lanes = re.findall(r'id="process-eb-handlaggning--lane--([a-z]+)(?:--\d+)?"', svg)
    assert list(dict.fromkeys(lanes)) == ["enhetschef", "administrator", "handlaggare"]
    assert "<title>Processen har" not in svg


def test_a_wrong_next_on_each_of_3000_activities_is_reported_without_listing_them_all(
    tmp_path: Path,
) -> None:
    repository(tmp_path / "repo", chain(3000), typo="x")
    checked = processkit(tmp_path, "validate", "repo", "--format", "json")
    assert checked.returncode == 1
    found = [d for d in json.loads(checked.stdout)["diagnostics"] if d["code"] == "PK030"]
    hint = (
        "`next` names the `id` of another activity in the same process: `s1`, `s2`, `s3`, "
        "`s4`, `s5`, `s6`, `s7`, `s8`, `s9`, `s10` and 2990 more."
    )
    guessed = GUESS_BUDGET // 3000  # "did you mean" compares a wrong id with every activity's

    def wrong(activity: int, guess: bool) -> dict[str, object]:
        message = f"`s{activity + 1}x` is not an activity of this process"
        return {
            "code": "PK030",
            "severity": "error",
            "message": message + (f"; did you mean `s{activity + 1}`?" if guess else ""),
            "path": "processes/eb/eb-handlaggning.yaml",
            "line": 7 + 4 * activity,
            "column": 12,
            "hint": hint,
        }

    assert found == [wrong(a, guess=a <= guessed) for a in range(1, 3000)]


def test_map_all_says_which_flow_it_listed(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    root = repository(tmp_path / "repo", chain(201))
    out = tmp_path / "maps"
    drawn = cli("map", "all", root, "-o", out, "--format", "dot")
    assert (drawn.code, drawn.out, drawn.err) == (
        0,
        f"wrote 5 maps to {out}\n",
        note(201, "its map"),
    )
    dot = (out / "process-eb-handlaggning.dot").read_text(encoding="utf-8")
    assert re.findall(r'label="(\d+)\. Steg \1\\l"', dot) == [str(n) for n in range(1, 202)]
