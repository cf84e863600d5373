"""Every fixed diagnostic code PK001-PK031: code, path, line and column on a small repository."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult, codes, loader_diagnostics
from tests.small_repo import BASE, PROCESS

Case = tuple[dict[str, str | bytes], list[tuple[str, str, int, int]]]

CASES: dict[str, Case] = {
    "clean": ({"p.yaml": PROCESS}, []),
    "PK001 latin-1": (
        {"p.yaml": "kind: area\nid: x\nname: Vård\n".encode("latin-1")},
        [("PK001", "p.yaml", 3, 8)],
    ),
    "PK001 NUL bytes": ({"p.yaml": b"kind: area\x00\n"}, [("PK001", "p.yaml", 0, 0)]),
    "PK002 unclosed flow list": (
        {"p.yaml": "kind: area\nid: x\nname: [Barn\nowner: anna\n"},
        [("PK002", "p.yaml", 3, 7)],
    ),
    "PK002 colon in plain text": (
        {"p.yaml": "kind: area\nid: x\nname: Barn: och unga\n"},
        [("PK002", "p.yaml", 3, 11)],
    ),
    "PK002 unclosed quote": (
        {"p.yaml": "kind: area\nid: x\nname: 'Barn\n"},
        [("PK002", "p.yaml", 3, 7)],
    ),
    "PK002 tab indentation": (
        {"p.yaml": "kind: area\nid: x\nname: Barn\ncustomers:\n\t- a\n"},
        [("PK002", "p.yaml", 5, 1)],
    ),
    "PK002 undefined alias": (
        {"p.yaml": "kind: area\nid: x\nname: *namn\n"},
        [("PK002", "p.yaml", 3, 7)],
    ),
    "PK003 duplicate key": (
        {"p.yaml": "kind: area\nid: x\nname: Barn\nname: Unga\n"},
        [("PK003", "p.yaml", 4, 1)],
    ),
    "PK003 duplicate nested key": (
        {
            "p.yaml": PROCESS.replace(
                "    role: ss\n    next", "    role: ss\n    role: ss\n    next"
            )
        },
        [("PK003", "p.yaml", 12, 5)],
    ),
    "PK004 empty": ({"p.yaml": "# inget här\n"}, [("PK004", "p.yaml", 1, 1)]),
    "PK004 a list": ({"p.yaml": "- kind: area\n"}, [("PK004", "p.yaml", 1, 1)]),
    "PK004 plain text": ({"p.yaml": "\nBarn och unga\n"}, [("PK004", "p.yaml", 2, 1)]),
    "PK004 two documents": (
        {"p.yaml": "kind: area\nid: x\nname: X\n---\nkind: area\nid: y\nname: Y\n"},
        [("PK004", "p.yaml", 5, 1)],
    ),
    "PK005 kind missing": ({"p.yaml": "\nid: x\nname: X\n"}, [("PK005", "p.yaml", 2, 1)]),
    "PK005 kind unknown": ({"p.yaml": "id: x\nkind: proces\n"}, [("PK005", "p.yaml", 2, 7)]),
    "PK010 missing top-level": ({"p.yaml": "kind: area\nid: x\n"}, [("PK010", "p.yaml", 1, 1)]),
    "PK010 missing in an activity": (
        {"p.yaml": PROCESS.replace("    name: Besluta\n", "")},
        [("PK010", "p.yaml", 13, 5)],
    ),
    "PK010 empty value": ({"p.yaml": "kind: area\nid: x\nname:\n"}, [("PK010", "p.yaml", 3, 6)]),
    "PK011 enum": (
        {"p.yaml": PROCESS.replace("type: core", "type: huvudprocess")},
        [("PK011", "p.yaml", 5, 7)],
    ),
    "PK011 date": ({"p.yaml": PROCESS + "review_date: 1/2 2027\n"}, [("PK011", "p.yaml", 16, 14)]),
    "PK011 id pattern": (
        {"p.yaml": "kind: area\nid: Barn och unga\nname: X\n"},
        [("PK011", "p.yaml", 2, 5)],
    ),
    "PK011 range": (
        {"p.yaml": PROCESS + "risks:\n  - description: Risk\n    likelihood: 5\n"},
        [("PK011", "p.yaml", 18, 17)],
    ),
    "PK011 not a list": ({"p.yaml": PROCESS + "leaders: anna\n"}, [("PK011", "p.yaml", 16, 10)]),
    "PK012 unknown key": (
        {"p.yaml": PROCESS.replace("owner: anna", "ower: anna")},
        [("PK012", "p.yaml", 7, 1)],
    ),
    "PK012 unknown nested key": (
        {"p.yaml": PROCESS.replace("    name: Planera", "    nme: Planera\n    name: Planera")},
        [("PK012", "p.yaml", 10, 5)],
    ),
    "x- keys are never an error": (
        {
            "p.yaml": PROCESS.replace("owner: anna", "owner: anna\nx-intern: {a: 1}").replace(
                "    name: Planera", "    name: Planera\n    x-tid: 3"
            )
        },
        [],
    ),
    "PK020 duplicate id": (
        {"a.yaml": PROCESS, "b.yaml": PROCESS},
        [("PK020", "a.yaml", 2, 5), ("PK020", "b.yaml", 2, 5)],
    ),
    "PK020 same id in two kinds is fine": (
        {"p.yaml": PROCESS, "r.yaml": "kind: role\nid: utreda\nname: U\ncategory: operational\n"},
        [],
    ),
    "PK030 area": (
        {"p.yaml": PROCESS.replace("area: barn", "area: bran")},
        [("PK030", "p.yaml", 4, 7)],
    ),
    "PK030 owner": (
        {"p.yaml": PROCESS.replace("owner: anna", "owner: ann")},
        [("PK030", "p.yaml", 7, 8)],
    ),
    "PK030 role": (
        {"p.yaml": PROCESS.replace("    role: ss\n    next", "    role: sx\n    next")},
        [("PK030", "p.yaml", 11, 11)],
    ),
    "PK030 next": (
        {"p.yaml": PROCESS.replace("next: [besluta]", "next: [beslut]")},
        [("PK030", "p.yaml", 12, 12)],
    ),
    "PK030 parent, interface and handbook": (
        {
            "p.yaml": PROCESS
            + "parent: moder\ninterfaces:\n  - process: annan\n    direction: out\n"
            "documents:\n  - handbook: rutinen\n"
        },
        [("PK030", "p.yaml", 16, 9), ("PK030", "p.yaml", 18, 14), ("PK030", "p.yaml", 21, 15)],
    ),
    "PK030 proposal and assessment": (
        {
            "fp.yaml": "kind: proposal\nid: fp-1\nprocess: utred\ntitle: T\n"
            "submitted: 2026-01-02\n",
            "mm.yaml": "kind: assessment\nid: mm-1\nprocess: utred\ndate: 2026-01-02\n"
            "scores: {design: 2}\n",
            "p.yaml": PROCESS,
        },
        [("PK030", "fp.yaml", 3, 10), ("PK030", "mm.yaml", 3, 10)],
    ),
    "no PK030 for an entity whose own file has errors": (
        {
            "p.yaml": PROCESS,
            "q.yaml": PROCESS.replace("id: utreda", "id: annan").replace("type: core", "type: x")
            + "parent: utreda\n",
            "r.yaml": PROCESS.replace("id: utreda", "id: tredje") + "parent: annan\n",
        },
        [("PK011", "q.yaml", 5, 7)],
    ),
    "PK031 parent loop": (
        {
            "a.yaml": PROCESS.replace("id: utreda", "id: a") + "parent: b\n",
            "b.yaml": PROCESS.replace("id: utreda", "id: b") + "parent: a\n",
            "c.yaml": PROCESS.replace("id: utreda", "id: c") + "parent: a\n",
        },
        [("PK031", "a.yaml", 16, 9), ("PK031", "b.yaml", 16, 9)],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_code(
    name: str, make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    files, expected = CASES[name]
    root = make_repo({**BASE, **files})
    result = cli("validate", root, "--format", "json")
    assert codes(result) == expected
    assert (result.code == 1) == bool(expected)


def test_messages_read_as_advice(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    root = make_repo(
        {
            **BASE,
            "p.yaml": PROCESS.replace("owner: anna", "ower: anna")
            .replace("type: core", "type: huvudprocess")
            .replace("area: barn", "area: bran"),
        }
    )
    found = loader_diagnostics(cli("validate", root, "--format", "json"))
    assert [(d["message"], d["hint"]) for d in found] == [
        (
            "`type` must be one of `management`, `core` or `support`, found `huvudprocess`",
            "Did you mean `core`?",
        ),
        (
            "`ower` is not a field of a process; did you mean `owner`?",
            "Rename `ower` to `owner`. To keep your own data, start the key with `x-` "
            "(for example `x-ower`).",
        ),
    ]


def test_reference_message_suggests(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    root = make_repo({**BASE, "p.yaml": PROCESS.replace("area: barn", "area: bran")})
    [found] = loader_diagnostics(cli("validate", root, "--format", "json"))
    assert found == {
        "code": "PK030",
        "severity": "error",
        "message": "`bran` is not a delivery area in this repository; did you mean `barn`?",
        "path": "p.yaml",
        "line": 4,
        "column": 7,
        "hint": "Change it to `barn`, or add the delivery area `bran`.",
    }


def test_parent_loop_names_the_cycle(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    root = make_repo(
        {
            **BASE,
            "a.yaml": PROCESS.replace("id: utreda", "id: a") + "parent: b\n",
            "b.yaml": PROCESS.replace("id: utreda", "id: b") + "parent: a\n",
        }
    )
    found = loader_diagnostics(cli("validate", root, "--format", "json"))
    assert [d["message"] for d in found] == [
        "the parent chain loops: `a` → `b` → `a`",
        "the parent chain loops: `b` → `a` → `b`",
    ]
    assert found[0]["hint"] == (
        "A process cannot be its own (indirect) parent. Remove or change `parent` in one of: "
        "`a` or `b`."
    )


def test_a_long_parent_loop_is_named_ten_processes_at_a_time(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    """A loop through twelve processes: each message follows the loop from its own process,
    names ten and counts the rest; the hint names ten of them, in order."""
    loop = [f"p{i:02}" for i in range(12)]
    files: dict[str, str | bytes] = dict(BASE)
    for i, pid in enumerate(loop):
        process = PROCESS.replace("id: utreda", f"id: {pid}")
        files[f"{pid}.yaml"] = process + f"parent: {loop[(i + 1) % 12]}\n"
    found = loader_diagnostics(cli("validate", make_repo(files), "--format", "json"))
    assert [d["message"] for d in found] == [
        "the parent chain loops: "
        + " → ".join(f"`{loop[(i + step) % 12]}`" for step in range(10))
        + f" → 2 more → `{loop[i]}`"
        for i in range(12)
    ]
    assert {d["hint"] for d in found} == {
        "A process cannot be its own (indirect) parent. Remove or change `parent` in one of: "
        "`p00`, `p01`, `p02`, `p03`, `p04`, `p05`, `p06`, `p07`, `p08`, `p09` or 2 more."
    }
