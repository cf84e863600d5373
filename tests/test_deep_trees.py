"""A chain of sub-processes thousands deep (p1 has parent p0, p2 has parent p1, ...): every
command finishes without an internal error, and lists and maps show the tree only as deep as a
reader can follow (``NESTED_LEVELS``).

Anything that recursed along the parents failed at about 1,000 levels (Python's recursion
limit); anything that walked up from every process took the square of the depth. Each command
runs as a subprocess with a hang guard (no timing is asserted: the figures are in
benchmarks/README.md, ``worst_cases.py``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import write_files
from tests.test_large_process import processkit

from processkit.domain.structure import NESTED_LEVELS

CONFIG = "organisation: Socialförvaltningen, Exempelkommunen\n"
AREA = "kind: area\nid: eb\nname: Ekonomiskt bistånd\n"
#: For commands that failed with an internal error (a recursion) rather than took too long:
#: far beyond what they take, on a busy machine too.
GENEROUS = 300


def chain(root: Path, count: int, *, handovers: bool = False) -> Path:
    """``count`` draft processes (no activities: no flow maps to draw), each a sub-process
    of the one before; with ``handovers``
    each hands over to the next and back (mirrored, so a cycle between every two)."""
    files: dict[str, str | bytes] = {"processkit.yaml": CONFIG, "areas/eb.yaml": AREA}
    for i in range(count):
        lines = [f"kind: process\nid: p{i}\nname: Delprocess {i}\narea: eb\ntype: core"]
        if i:
            lines.append(f"parent: p{i - 1}")
        lines.append("status: draft")
        if handovers:
            others = [other for other in (i - 1, i + 1) if 0 <= other < count]
            sides = [f"{{process: p{o}, direction: {d}}}" for o in others for d in ("in", "out")]
            lines.append(f"interfaces: [{', '.join(sides)}]")
        files[f"processes/eb/p{i}.yaml"] = "\n".join(lines) + "\n"
    return write_files(root, files)


def no_problems(count: int) -> str:
    return f"No problems found in {count + 2} files ({count + 1} entities).\n"


def area_list(count: int) -> str:
    """The list of processes on the area page: nested five levels below the first process,
    the rest at the sixth level, each naming its parent."""
    deepest = NESTED_LEVELS - 1
    lines = ['<ul class="process-tree">']
    for i in range(count):
        under = ""
        if i > deepest:
            under = f' <span class="tree-under">delprocess till Delprocess {i - 1}</span>'
        item = (
            f'  <li><a href="../processes/p{i}.html">Delprocess {i}</a>{under} '
            '<span class="badge status-draft">Utkast</span>'
        )
        lines.append(item + ('<ul class="process-tree">' if i < deepest else "</li>"))
    lines += ["</ul></li>"] * deepest + ["</ul>"]
    return "\n".join(lines)


def test_a_chain_1500_deep_is_validated_mapped_and_published(tmp_path: Path) -> None:
    chain(tmp_path / "repo", 1500)

    checked = processkit(tmp_path, "validate", "repo", timeout=GENEROUS)
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, no_problems(1500), "")

    drawn = processkit(tmp_path, "map", "all", "repo", "-o", "maps", "-f", "dot", timeout=GENEROUS)
    assert (drawn.returncode, drawn.stdout, drawn.stderr) == (0, "wrote 1504 maps to maps\n", "")
    landscape = (tmp_path / "maps" / "landscape.dot").read_text(encoding="utf-8")
    assert re.findall(r'^ *"(p\d+)" \[', landscape, re.MULTILINE) == ["p0"]  # the rest counted
    assert "Delprocess 0<BR/>" + muted("utkast · 1 delprocess") in landscape

    published = processkit(tmp_path, "publish", "repo", "-o", "site", timeout=GENEROUS)
    assert (published.returncode, published.stdout, published.stderr) == (
        0,
        "Published 1511 pages and 2 maps to site/index.html\n"
        "Everything was built from scratch: nothing could be reused from before.\n",
        "",
    )
    page = (tmp_path / "site" / "areas" / "eb.html").read_text(encoding="utf-8")
    found = re.search(r'<ul class="process-tree">.*</ul>\n</section>', page, re.DOTALL)
    assert found is not None
    assert found.group(0) == area_list(1500) + "\n</section>"
    deepest = (tmp_path / "site" / "processes" / "p1499.html").read_text(encoding="utf-8")
    crumbs = re.search(r'<nav class="breadcrumbs wrap".*?</nav>', deepest, re.DOTALL)
    assert crumbs is not None
    assert crumbs.group(0) == (  # the start page, the area and the parent: not 1,499 parents
        '<nav class="breadcrumbs wrap" aria-label="Du är här">\n  <ol>\n'
        '    <li><a href="../index.html">Start</a></li>\n'
        '<li><a href="../areas/eb.html">Ekonomiskt bistånd</a></li>'
        '<li><a href="../processes/p1498.html">Delprocess 1498</a></li>'
        '    <li><a href="#main" aria-current="page">Delprocess 1499</a></li>\n'
        "  </ol>\n</nav>"
    )


def muted(text: str) -> str:
    return f'<FONT POINT-SIZE="9" COLOR="#404040">{text}</FONT>'


def test_a_chain_10000_deep_is_validated_counted_and_mapped(tmp_path: Path) -> None:
    chain(tmp_path / "repo", 10000)

    checked = processkit(tmp_path, "validate", "repo")
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, no_problems(10000), "")

    assessed = processkit(tmp_path, "maturity", "repo")
    header = (
        "Maturity on levels 0\u20134; a process's level is its lowest dimension score. 0 of 10000 "
        "processes assessed; (+1) marks the change since the previous assessment.\n\n"
        "Ekonomiskt bistånd (eb): 0 of 10000 assessed; level 0: 0, level 1: 0, level 2: 0, "
        "level 3: 0, level 4: 0; not assessed: 10000\n\n"
    )
    # too many dimensions for a table in 80 columns: a list, each process under its parent
    blocks = [
        "  " * min(i, NESTED_LEVELS - 1)
        + f"Delprocess {i} (p{i})\n"
        + "  " * min(i, NESTED_LEVELS - 1)
        + "  Assessed: not assessed"
        for i in range(10000)
    ]
    table = ["\n\n".join(blocks)]
    assert (assessed.returncode, assessed.stderr) == (0, "")
    assert assessed.stdout == header + "\n".join(table) + "\n"

    drawn = processkit(tmp_path, "map", "landscape", "repo", "--area", "eb", "-f", "dot", "-o", "-")
    assert (drawn.returncode, drawn.stderr) == (0, "")
    boxes = re.findall(r'^ *subgraph "cluster_parent_(p\d+)"', drawn.stdout, re.MULTILINE)
    assert boxes == [f"p{i}" for i in range(NESTED_LEVELS - 1)]
    nodes = re.findall(r'^ *"(p\d+)" \[', drawn.stdout, re.MULTILINE)
    assert nodes == [f"p{i}" for i in range(NESTED_LEVELS)]
    assert f"Delprocess {NESTED_LEVELS - 1}<BR/>" + muted("utkast · 1 delprocess") in drawn.stdout


def test_a_chain_40000_deep_handing_over_both_ways_costs_in_proportion(tmp_path: Path) -> None:
    """The landscape breaks a cycle of hand-overs at every process (it took minutes when each
    break looked at every process again), and the inventory gives every process its depth
    (it took minutes when each depth walked the chain again)."""
    chain(tmp_path / "repo", 40000, handovers=True)

    drawn = processkit(tmp_path, "map", "landscape", "repo", "-f", "dot", "-o", "-")
    assert (drawn.returncode, drawn.stderr) == (0, "")
    assert re.findall(r'^ *"(p\d+)" \[', drawn.stdout, re.MULTILINE) == ["p0"]
    assert "Delprocess 0<BR/>" + muted("utkast · 1 delprocess") in drawn.stdout

    listed = processkit(
        tmp_path, "inventory", "repo", "--list", "--format", "json", "--today", "2026-06-01"
    )
    assert (listed.returncode, listed.stderr) == (0, "")
    rows = [(p["id"], p["depth"], p["parent"]) for p in json.loads(listed.stdout)["processes"]]
    assert rows == [(f"p{i}", i, f"p{i - 1}" if i else None) for i in range(40000)]
