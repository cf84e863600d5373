"""How values are typed: infinity and not-a-number, text fields that take numbers, number fields
that take whole numbers only, and YAML tags. Each gives a diagnostic or a value, never a crash."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CliResult, codes, loader_diagnostics

from processkit.loading.load import load_repository

MakeRepo = Callable[[dict[str, str | bytes]], Path]
Cli = Callable[..., CliResult]

#: Every way YAML 1.2 writes infinity and not-a-number.
SPECIAL_FLOATS = [
    ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
    "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
]  # fmt: skip

AREA = "kind: area\nid: barn\nname: Barn och unga\n"
PROCESS = """\
kind: process
id: utreda
name: Utreda
area: barn
type: core
status: draft
"""


def _error(
    code: str, path: str, line: int, column: int, message: str, hint: str | None
) -> dict[str, Any]:
    return {
        "code": code,
        "severity": "error",
        "message": message,
        "path": path,
        "line": line,
        "column": column,
        "hint": hint,
    }


# --- infinity and not-a-number -------------------------------------------------------------


@pytest.mark.parametrize("output", ["text", "json", "github", "sarif", "gitlab"])
def test_infinity_and_nan_anywhere_change_no_report(
    output: str, make_repo: MakeRepo, cli: Cli, tmp_path: Path
) -> None:
    """In ``x-`` keys, text fields, lists of texts and processkit.yaml: read as the text
    written, so the report is the one the same repository gives without them."""
    extensions = "".join(f"x-{n}: {spelling}\n" for n, spelling in enumerate(SPECIAL_FLOATS))
    with_values = make_repo(
        {
            "processkit.yaml": "organisation: Testkommunen\n" + extensions,
            "areas/barn.yaml": AREA + extensions + "unit: .inf\n",
            "p.yaml": PROCESS + f"version: .NaN\ntags: [{', '.join(SPECIAL_FLOATS)}]\n",
        }
    )
    without = tmp_path / "without"
    (without / "areas").mkdir(parents=True)
    (without / "processkit.yaml").write_text("organisation: Testkommunen\n", encoding="utf-8")
    (without / "areas/barn.yaml").write_text(AREA + "unit: X\n", encoding="utf-8")
    (without / "p.yaml").write_text(PROCESS + "version: X\ntags: [X]\n", encoding="utf-8")

    found = cli("validate", with_values, "--format", output)
    expected = cli("validate", without, "--format", output)
    assert (found.code, found.err) == (0, "")
    assert found.out.replace(str(with_values), "ROOT") == expected.out.replace(str(without), "ROOT")


def test_infinity_and_nan_are_kept_as_written_in_text_fields(make_repo: MakeRepo) -> None:
    root = make_repo(
        {"areas/barn.yaml": AREA, "p.yaml": PROCESS + f"tags: [{', '.join(SPECIAL_FLOATS)}]\n"}
    )
    assert load_repository(root).repo.processes["utreda"].entity.tags == SPECIAL_FLOATS


def test_infinity_and_nan_are_no_whole_number(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo(
        {
            f"areas/a{n:02}.yaml": f"kind: area\nid: a{n:02}\nname: A\norder: {spelling}\n"
            for n, spelling in enumerate(SPECIAL_FLOATS)
        }
    )
    assert loader_diagnostics(cli("validate", root, "--format", "json")) == [
        _error(
            "PK011",
            f"areas/a{n:02}.yaml",
            4,
            8,
            f"`order` must be a whole number, found `{spelling}`",
            None,
        )
        for n, spelling in enumerate(SPECIAL_FLOATS)
    ]


def test_every_command_reads_infinity_and_nan(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo(
        {
            "processkit.yaml": "organisation: .inf\nx-a: .nan\n",
            "areas/barn.yaml": AREA + "x-tal: -.Inf\ncustomers: .NaN\n",
            "people/anna.yaml": "kind: person\nid: anna\nname: .NAN\n",
            "p.yaml": PROCESS.replace("status: draft", "status: approved")
            + "owner: anna\nversion: +.INF\ntags: [.nan, .inf]\n"
            "approved: {date: 2026-01-15, by: .Inf}\n"
            "activities:\n  - id: a\n    name: .inf\n",
        }
    )
    inventory = cli("inventory", root, "--list", "--format", "json", "--today", "2026-03-01")
    assert (inventory.code, inventory.err) == (0, "")
    [row] = inventory.json()["processes"]
    assert (row["version"], row["owner"]) == ("+.INF", "anna")
    review = cli("review", root, "--format", "json", "--today", "2027-03-01")
    assert (review.code, review.err) == (0, "")
    [owner] = review.json()["owners"]
    assert (owner["name"], owner["items"][0]["name"]) == (".NAN", "Utreda")
    assert cli("map", "process", "utreda", root, "-f", "dot", "-o", root / "m.dot").code == 0
    assert ".inf" in (root / "m.dot").read_text(encoding="utf-8")
    published = cli("publish", root, "--output", root / "site")
    assert (published.code, published.err) == (0, "")
    assert "+.INF" in (root / "site/processes/utreda.html").read_text(encoding="utf-8")
    formatted = cli("fmt", root)
    assert (formatted.code, formatted.err) == (0, "")
    assert (root / "p.yaml").read_text(encoding="utf-8") == (
        "kind: process\nid: utreda\nname: Utreda\narea: barn\ntype: core\nstatus: approved\n"
        'version: "+.INF"\n'
        "owner: anna\n"
        "activities:\n"
        '  - id: a\n    name: ".inf"\n'
        'approved: {date: 2026-01-15, by: ".Inf"}\n'
        'tags: [".nan", ".inf"]\n'
    )
    assert (root / "processkit.yaml").read_text(encoding="utf-8") == (
        'organisation: ".inf"\nx-a: .nan\n'
    )
    assert cli("validate", root, "--format", "json").json()["summary"]["errors"] == 0


# --- text fields take numbers as written; number fields take whole numbers only ---------------


def test_a_number_in_a_text_field_is_kept_as_written(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo(
        {
            "areas/barn.yaml": AREA,
            "p.yaml": PROCESS + "version: 2.10\ntags: [2024, 0042, 1.0, 1e3, 0x1F]\ninputs: [12]\n"
            "activities:\n  - id: 1.1\n    name: 100\n",
            "h.yaml": "kind: handbook\nid: rutin\ntitle: Rutin\nversion: 1.0\n",
            "people/anna.yaml": "kind: person\nid: 2024\nname: Anna\nusername: 0042\n",
        }
    )
    assert codes(cli("validate", root, "--format", "json")) == []
    repo = load_repository(root).repo
    process = repo.processes["utreda"].entity
    assert (process.version, process.tags, process.inputs) == (
        "2.10",
        ["2024", "0042", "1.0", "1e3", "0x1F"],
        ["12"],
    )
    assert (process.activities[0].id, process.activities[0].name) == ("1.1", "100")
    assert repo.handbooks["rutin"].entity.version == "1.0"
    assert repo.people["2024"].entity.username == "0042"


NUMBER_CASES: dict[str, tuple[str, str | None, int]] = {
    "true": ("`likelihood` must be a whole number from 1 to 4, found `true`",
             "`true` and `false` are not numbers: write a whole number from 1 to 4.", 17),
    "false": ("`likelihood` must be a whole number from 1 to 4, found `false`",
              "`true` and `false` are not numbers: write a whole number from 1 to 4.", 17),
    '"2"': ('`likelihood` must be a whole number from 1 to 4, found the text `"2"`',
            "Remove the quotes: a number is written without them; write `likelihood: 2`.", 17),
    "'3'": ('`likelihood` must be a whole number from 1 to 4, found the text `"3"`',
            "Remove the quotes: a number is written without them; write `likelihood: 3`.", 17),
    "!!str 2": ('`likelihood` must be a whole number from 1 to 4, found the text `"2"`',
                "Remove the quotes: a number is written without them; write `likelihood: 2`.", 17),
    "! 2": ('`likelihood` must be a whole number from 1 to 4, found the text `"2"`',
            "Remove the quotes: a number is written without them; write `likelihood: 2`.", 17),
    "2.5": ("`likelihood` must be a whole number from 1 to 4, found `2.5`", None, 17),
    "hög": ("`likelihood` must be a whole number from 1 to 4, found `hög`", None, 17),
    "0x1F": ("`likelihood` must be a whole number from 1 to 4, found `31`", None, 17),
}  # fmt: skip


@pytest.mark.parametrize("written", list(NUMBER_CASES))
def test_a_number_field_takes_a_whole_number_only(
    written: str, make_repo: MakeRepo, cli: Cli
) -> None:
    message, hint, column = NUMBER_CASES[written]
    root = make_repo(
        {
            "areas/barn.yaml": AREA,
            "p.yaml": PROCESS + f"risks:\n  - description: Risk\n    likelihood: {written}\n",
        }
    )
    assert loader_diagnostics(cli("validate", root, "--format", "json")) == [
        _error("PK011", "p.yaml", 9, column, message, hint)
    ]


@pytest.mark.parametrize("written", ["2", "2.0", "0x2", "0o2", "02", "+2", "2e0", '!!int "2"'])
def test_every_yaml_spelling_of_a_whole_number_is_one(
    written: str, make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo(
        {
            "areas/barn.yaml": AREA,
            "p.yaml": PROCESS + f"risks:\n  - description: Risk\n    likelihood: {written}\n",
        }
    )
    assert codes(cli("validate", root, "--format", "json")) == []
    risk = load_repository(root).repo.processes["utreda"].entity.risks[0]
    assert (risk.likelihood, type(risk.likelihood)) == (2, int)


def test_every_number_field_refuses_true_and_quoted_numbers(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo(
        {
            "processkit.yaml": "organisation: T\nmaturity:\n  levels: [0, 1, true]\n",
            "areas/barn.yaml": AREA + 'order: "1"\n',
            "mm.yaml": "kind: assessment\nid: mm\nprocess: p\ndate: 2026-01-02\n"
            "scores: {design: true, owner: '2'}\n",
        }
    )
    config = cli("validate", root, "--format", "json")
    assert config.code == 2
    assert loader_diagnostics(config) == [
        _error(
            "PK011",
            "processkit.yaml",
            3,
            18,
            "this value must be a whole number, found `true`",
            "`true` and `false` are not numbers: write a whole number.",
        )
    ]
    (root / "processkit.yaml").write_text("organisation: T\n", encoding="utf-8")
    assert loader_diagnostics(cli("validate", root, "--format", "json")) == [
        _error(
            "PK011",
            "areas/barn.yaml",
            4,
            8,
            '`order` must be a whole number, found the text `"1"`',
            "Remove the quotes: a number is written without them; write `order: 1`.",
        ),
        # the rest of the assessment is read too: its process is checked in the same run
        _error(
            "PK030",
            "mm.yaml",
            3,
            10,
            "`p` is not a process in this repository",
            "Correct the id, or add a file processes/<area>/p.yaml with `kind: process` and "
            "`id: p`.",
        ),
        _error(
            "PK011",
            "mm.yaml",
            5,
            18,
            "`design` must be a whole number, found `true`",
            "`true` and `false` are not numbers: write a whole number.",
        ),
        _error(
            "PK011",
            "mm.yaml",
            5,
            31,
            '`owner` must be a whole number, found the text `"2"`',
            "Remove the quotes: a number is written without them; write `owner: 2`.",
        ),
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("true", "`interval_months` must be a whole number from 1 to 120, found `true`"),
        ("99999999999999999999999", (
            "`interval_months` must be a whole number from 1 to 120, found "
            "`99999999999999999999999`"
        )),
        ("1e400", "`interval_months` must be a whole number from 1 to 120, found `1e400`"),
        ("0", "`interval_months` must be a whole number from 1 to 120, found `0`"),
    ],
)  # fmt: skip
def test_the_review_interval_is_bounded(
    written: str, message: str, make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo(
        {
            "processkit.yaml": f"organisation: T\nreview:\n  interval_months: {written}\n",
            "areas/barn.yaml": AREA,
            "p.yaml": PROCESS + "approved: {date: 2199-12-31, by: Nämnden}\n",
        }
    )
    result = cli("validate", root, "--format", "json")
    assert result.code == 2
    [found] = loader_diagnostics(result)
    assert (found["path"], found["line"], found["column"], found["message"]) == (
        "processkit.yaml",
        3,
        20,
        message,
    )


def test_a_level_key_is_written_in_digits(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo(
        {"processkit.yaml": "organisation: T\nmaturity:\n  descriptions: {0: Saknas, 01: X}\n"}
    )
    assert cli("validate", root, "--format", "json").code == 0
    assert load_repository(root).repo.config.maturity.descriptions == {0: "Saknas", 1: "X"}


# --- YAML tags ------------------------------------------------------------------------------

TAG_HINT = (
    "; to make the value text, put it in quotes instead. processkit knows only the YAML tags "
    "`!!str`, `!!int`, `!!float`, `!!bool` and `!!null`."
)


def test_core_tags_are_honoured(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo(
        {
            "areas/barn.yaml": AREA + 'order: !!int "3"\n',
            "p.yaml": PROCESS + "version: !!float 2\ninputs:\n  - ! 12\n  - !!str 13\n  - ! true\n"
            "tags: !!seq [a]\napproved: !!map {date: 2026-01-01, by: !!str Nämnden}\n"
            "purpose: !!null\nrisks:\n  - description: R\n    likelihood: !!float 4\n"
            "x-klar: !!bool true\n",
        }
    )
    assert codes(cli("validate", root, "--format", "json")) == []
    repo = load_repository(root).repo
    assert repo.areas["barn"].entity.order == 3
    process = repo.processes["utreda"].entity
    assert (process.version, process.inputs, process.purpose) == ("2", ["12", "13", "true"], None)
    assert (process.tags, process.risks[0].likelihood) == (["a"], 4)


TAG_CASES: dict[str, tuple[str, int, str, str]] = {
    "name: !foo Barn": ("name", 7, "`!foo` is not a type processkit knows", "Remove `!foo`"),
    "name: !!python/object:os.system x": (
        "name", 7, "`!!python/object:os.system` is not a type processkit knows",
        "Remove `!!python/object:os.system`",
    ),
    "name: !!binary QmFybg==": (
        "name", 7, "`!!binary` is not a type processkit knows", "Remove `!!binary`"
    ),
    "name: !!timestamp 2026-01-01": (
        "name", 7, "`!!timestamp` is not a type processkit knows", "Remove `!!timestamp`"
    ),
    "customers: !!set {a, b}": (
        "customers", 12, "`!!set` is not a type processkit knows", "Remove `!!set`"
    ),
    "name: !<tag:example.se,2026:namn> Barn": (
        "name", 7, "`!<tag:example.se,2026:namn>` is not a type processkit knows",
        "Remove `!<tag:example.se,2026:namn>`",
    ),
    "name: &n !foo Barn": ("name", 7, "`!foo` is not a type processkit knows", "Remove `!foo`"),
}  # fmt: skip


@pytest.mark.parametrize("line", list(TAG_CASES))
def test_any_other_tag_is_a_diagnostic_at_the_tag(line: str, make_repo: MakeRepo, cli: Cli) -> None:
    field, column, message, hint = TAG_CASES[line]
    rest = "" if field == "name" else "name: Barn\n"
    root = make_repo({"a.yaml": f"kind: area\nid: barn\n{line}\n{rest}"})
    result = cli("validate", root, "--format", "json")
    assert result.code == 1
    assert loader_diagnostics(result) == [
        _error("PK011", "a.yaml", 3, column, message, hint + TAG_HINT)
    ]


def test_a_tag_is_reported_once_and_the_rest_of_the_file_is_checked(
    make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo(
        {
            "a.yaml": 'kind: area\nid: barn\nname: Barn\norder: !!int "abc"\nowner: !!seq x\n'
            "customers: !!str [a]\nunit: !foo\nnme: X\n",
        }
    )
    assert loader_diagnostics(cli("validate", root, "--format", "json")) == [
        _error(
            "PK011",
            "a.yaml",
            4,
            8,
            "`abc` is not a whole number, yet it is marked `!!int`",
            "Write a whole number after `!!int`, or remove `!!int`.",
        ),
        _error(
            "PK011",
            "a.yaml",
            5,
            8,
            "`!!seq` marks a list, but `x` is a single value",
            "Remove `!!seq`.",
        ),
        _error(
            "PK011",
            "a.yaml",
            6,
            12,
            "`!!str` marks a single value, but this is a list",
            "Remove `!!str`.",
        ),
        _error(
            "PK011",
            "a.yaml",
            7,
            7,
            "`!foo` is not a type processkit knows",
            "Remove `!foo`" + TAG_HINT,
        ),
        _error(
            "PK012",
            "a.yaml",
            8,
            1,
            "`nme` is not a field of a delivery area; did you mean `name`?",
            "Rename `nme` to `name`. To keep your own data, start the key with `x-` "
            "(for example `x-nme`).",
        ),
    ]


@pytest.mark.parametrize(
    ("value", "message", "hint"),
    [
        ("!!float abc", "`abc` is not a number, yet it is marked `!!float`",
         "Write a number after `!!float`, or remove `!!float`."),
        ("!!bool yes", "`yes` is not true or false, yet it is marked `!!bool`",
         "Write true or false after `!!bool`, or remove `!!bool`."),
        ("!!null x", "`x` is not empty, yet it is marked `!!null`",
         "Remove `!!null`, or the value after it."),
        ("!!int 2.5", "`2.5` is not a whole number, yet it is marked `!!int`",
         "Write a whole number after `!!int`, or remove `!!int`."),
    ],
)  # fmt: skip
def test_a_core_tag_on_a_value_it_does_not_fit(
    value: str, message: str, hint: str, make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo({"a.yaml": f"kind: area\nid: barn\nname: Barn\nx-a: {value}\n"})
    assert loader_diagnostics(cli("validate", root, "--format", "json")) == [
        _error("PK011", "a.yaml", 4, 6, message, hint)
    ]


def test_a_tag_in_the_configuration_or_on_a_key(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"processkit.yaml": "organisation: !ort Kalmar\n", "a.yaml": AREA})
    result = cli("validate", root, "--format", "json")
    assert result.code == 2
    assert loader_diagnostics(result) == [
        _error(
            "PK011",
            "processkit.yaml",
            1,
            15,
            "`!ort` is not a type processkit knows",
            "Remove `!ort`" + TAG_HINT,
        )
    ]
    (root / "processkit.yaml").write_text("organisation: T\n", encoding="utf-8")
    (root / "a.yaml").write_text(AREA + "!egen unit: X\n", encoding="utf-8")
    assert loader_diagnostics(cli("validate", root, "--format", "json")) == [
        _error(
            "PK011",
            "a.yaml",
            4,
            1,
            "`!egen` is not a type processkit knows for a key",
            "Remove `!egen`: a key is a plain word.",
        )
    ]


# --- dates at the calendar's edge -------------------------------------------------------------

DATE_HINT = (
    "Check the year, it is probably mistyped; write the date as YYYY-MM-DD, for example 2026-02-01."
)

DATE_FIELDS: dict[str, tuple[str, int, int, str]] = {
    "process approved": (PROCESS + "approved: {date: DAY, by: Nämnden}\n", 7, 18, "date"),
    "process review_date": (PROCESS + "review_date: DAY\n", 7, 14, "review_date"),
    "handbook approved": (
        "kind: handbook\nid: h\ntitle: H\napproved:\n  date: DAY\n  by: X\n", 5, 9, "date"
    ),
    "handbook review_date": ("kind: handbook\nid: h\ntitle: H\nreview_date: DAY\n", 4, 14,
                             "review_date"),
    "proposal submitted": ("kind: proposal\nid: f\nprocess: utreda\ntitle: T\nsubmitted: DAY\n",
                           5, 12, "submitted"),
    "proposal decided": ("kind: proposal\nid: f\nprocess: utreda\ntitle: T\n"
                         "submitted: 2026-01-01\ndecided: DAY\n", 6, 10, "decided"),
    "assessment date": ("kind: assessment\nid: m\nprocess: utreda\ndate: DAY\n"
                        "scores: {design: 1}\n", 4, 7, "date"),
}  # fmt: skip


@pytest.mark.parametrize(
    "day", ["9999-12-31", "9998-01-01", "2200-01-01", "1899-12-31", "0001-01-01"]
)
@pytest.mark.parametrize("where", list(DATE_FIELDS))
def test_a_date_outside_1900_to_2199_is_reported(
    day: str, where: str, make_repo: MakeRepo, cli: Cli
) -> None:
    text, line, column, field = DATE_FIELDS[where]
    root = make_repo({"areas/barn.yaml": AREA, "f.yaml": text.replace("DAY", day)})
    if "utreda" in text and not text.startswith("kind: process"):
        (root / "p.yaml").write_text(PROCESS, encoding="utf-8")
    assert loader_diagnostics(
        cli("validate", root, "--format", "json", "--today", "2026-03-01")
    ) == [
        _error(
            "PK011",
            "f.yaml",
            line,
            column,
            f"`{field}`: `{day}` is not a likely date: processkit takes years from 1900 to 2199",
            DATE_HINT,
        )
    ]


def test_the_first_and_last_likely_days_pass_and_reviews_fall_after_them(
    make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo(
        {
            "processkit.yaml": "organisation: T\nreview:\n  interval_months: 120\n",
            "areas/barn.yaml": AREA,
            "people/anna.yaml": "kind: person\nid: anna\nname: Anna\n",
            "p.yaml": PROCESS.replace("draft", "approved")
            + "owner: anna\napproved: {date: 2199-12-31, by: Nämnden}\n",
            "q.yaml": PROCESS.replace("utreda", "gammal").replace("draft", "approved")
            + "owner: anna\napproved: {date: 1900-01-01, by: Nämnden}\n",
        }
    )
    for today in ("9999-12-31", "0001-01-01", "2026-03-01"):
        result = cli("validate", root, "--format", "json", "--today", today)
        assert (result.code, loader_diagnostics(result)) == (0, [])
    rows = cli("inventory", root, "--list", "-f", "json", "--today", "2026-03-01").json()
    assert [(p["id"], p["next_review"], p["overdue"]) for p in rows["processes"]] == [
        ("gammal", "1910-01-01", True),
        ("utreda", "2209-12-31", False),
    ]
    review = cli("review", root, "-f", "json", "--today", "9999-12-31", "--within", "99999m")
    assert review.code == 0
    assert [(i["id"], i["due"]) for i in review.json()["owners"][0]["items"]] == [
        ("gammal", "1910-01-01"),
        ("utreda", "2209-12-31"),
    ]
    far = cli("review", root, "-f", "json", "--today", "0001-01-01", "--within", "99999m")
    assert [(i["id"], i["days_late"]) for i in far.json()["owners"][0]["items"]] == [
        ("gammal", -697247),
        ("utreda", -806819),
    ]


def test_a_huge_rule_window_reaches_the_calendar_end(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo(
        {
            "processkit.yaml": "organisation: T\nrules:\n  PK103: {window_days: 999999999999}\n",
            "areas/barn.yaml": AREA,
            "p.yaml": PROCESS.replace("draft", "approved")
            + "approved: {date: 2199-12-31, by: Nämnden}\n",
        }
    )
    result = cli("validate", root, "--format", "json", "--today", "2026-03-01")
    assert [d for d in result.json()["diagnostics"] if d["code"] == "PK103"] == [
        {
            "code": "PK103",
            "severity": "info",
            "message": "the review of the process `utreda` falls due on 2200-12-31, in 63857 days",
            "path": "p.yaml",
            "line": 7,
            "column": 1,
            "hint": "Plan the review of the process with its owner before that day.",
        }
    ]


def test_date_arithmetic_stops_at_the_calendar_edge() -> None:
    from datetime import date

    from processkit.domain.dates import add_days, add_months

    assert add_months(date(9999, 12, 31), 1) == date.max
    assert add_months(date(9999, 11, 30), 1) == date(9999, 12, 30)
    assert add_months(date(1, 1, 31), -1) == date.min
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_days(date(9999, 12, 30), 5) == date.max
    assert add_days(date(1, 1, 2), -5) == date.min
    assert add_days(date(2026, 2, 28), 1) == date(2026, 3, 1)


def test_adding_months_ends_on_the_last_day_of_a_shorter_month() -> None:
    """Every day of every month of years with and without 29 February (1900 and 2100 are not
    leap years, 2000 is), moved by up to 30 months either way, lands where the calendar's own
    length of the month says."""
    import calendar
    from datetime import date

    from processkit.domain.dates import add_months

    def expected(day: date, months: int) -> date:
        year, month = divmod(day.month - 1 + months, 12)
        year, month = day.year + year, month + 1
        return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))

    for year in (1900, 2000, 2023, 2024, 2100):
        for month in range(1, 13):
            for day_number in range(1, calendar.monthrange(year, month)[1] + 1):
                day = date(year, month, day_number)
                for months in range(-30, 31):
                    assert add_months(day, months) == expected(day, months), (day, months)
