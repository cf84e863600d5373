"""``processkit fmt``: canonical layout, comments and ``x-`` keys kept, ``--check`` with a diff."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult

from processkit.authoring.fmt import format_text

MESSY = """\
# Utredningsprocessen: ägs av Anna.
id: bu-utredning   # ändra inte
kind: process
x-diarienummer: SN 2026/14
status: approved
name: Utreda barns behov
area: barn
type: core
# Fastställd av nämnden
approved: {by: Socialnämnden, date: 2026-02-01}
version: "2.10"
activities:
    # Första steget
    - next: [besluta]   # sedan beslut
      name: Planera
      id: planera
      role: ss
    - id: besluta
      role: ss
      name: 'Besluta'
purpose: |
  Att barnets behov blir belyst.
  # detta är text, ingen kommentar
leaders:
- anna
owner: anna
# slut
"""

TIDY = """\
# Utredningsprocessen: ägs av Anna.
kind: process
id: bu-utredning  # ändra inte
name: Utreda barns behov
area: barn
type: core
status: approved
version: "2.10"
owner: anna
leaders:
  - anna
purpose: |
  Att barnets behov blir belyst.
  # detta är text, ingen kommentar
activities:
  # Första steget
  - id: planera
    name: Planera
    role: ss
    next: [besluta]  # sedan beslut
  - id: besluta
    name: Besluta
    role: ss
# Fastställd av nämnden
approved: {date: 2026-02-01, by: Socialnämnden}
x-diarienummer: SN 2026/14
# slut
"""


def test_puts_keys_in_order_and_keeps_comments_and_extensions() -> None:
    result = format_text(MESSY, "processes/bu-utredning.yaml")
    assert result.problem is None
    assert result.after == TIDY
    assert result.changed


def test_a_formatted_file_stays_as_it_is() -> None:
    result = format_text(TIDY, "processes/bu-utredning.yaml")
    assert result.after == TIDY
    assert not result.changed


def test_plain_values_are_written_back_as_they_were_written() -> None:
    text = textwrap.dedent(
        """\
        kind: process
        id: p
        x-a: 2.10
        x-b: 0042
        x-c: 1_000
        x-d: True
        x-e: ~
        x-f: 2026-02-01
        x-g: 'it''s'
        x-h: "a: b"
        x-i: 'no'
        x-j: on
        x-k: "Åsa säger \\"hej\\""
        x-l: ''
        """
    )
    expected = textwrap.dedent(
        """\
        kind: process
        id: p
        x-a: 2.10
        x-b: 0042
        x-c: 1_000
        x-d: True
        x-e:
        x-f: 2026-02-01
        x-g: it's
        x-h: "a: b"
        x-i: "no"
        x-j: "on"
        x-k: Åsa säger "hej"
        x-l: ""
        """
    )
    assert format_text(text, "p.yaml").after == expected


def test_configuration_keys_follow_the_configuration_order() -> None:
    text = "review:\n  interval_months: 6\nsite: {language: sv, title: Fyren}\norganisation: X\n"
    result = format_text(text, "processkit.yaml", config=True)
    assert result.after == (
        "organisation: X\nsite: {title: Fyren, language: sv}\nreview:\n  interval_months: 6\n"
    )


def test_unknown_kind_keeps_the_order_but_fixes_the_indentation() -> None:
    text = "name: X\nkind: widget\nlist:\n    -   a\n"
    assert format_text(text, "w.yaml").after == "name: X\nkind: widget\nlist:\n  - a\n"


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        (
            "kind: area\nid: [\n",
            "PK002",
            "the value of `id` starts with `[` but has no closing `]`",
        ),
        ("kind: area\nid: a\nid: b\n", "PK003", "`id` appears twice among the same fields"),
        (
            "kind: area\nx-a: &x {a: 1}\nx-b: *x\n",
            "PK002",
            "the file uses a YAML alias (`*name`); fmt leaves such files as they are",
        ),
        (
            "kind: area\nx-a: !!int 5\n",
            "PK002",
            "the file uses the YAML tag `!!int`; fmt leaves such files as they are",
        ),
        ("kind: area\nx-a: !foo 5\n", "PK011", "`!foo` is not a type processkit knows"),
    ],
)
def test_files_it_cannot_format_are_left_alone(text: str, code: str, message: str) -> None:
    result = format_text(text, "areas/a.yaml")
    assert result.after is None
    assert result.problem is not None
    assert (result.problem.code, result.problem.path) == (code, "areas/a.yaml")
    assert result.problem.message.startswith(message)
    assert not result.changed


def test_comments_inside_a_list_over_several_lines_move_above_its_key() -> None:
    text = "kind: area\n# lista\nx-a: [a,  # inne i listan\n  # egen rad\n  b]  # efter\nid: a\n"
    result = format_text(text, "areas/a.yaml")
    assert result.after == (
        "kind: area\nid: a\n# lista\n# inne i listan\n# egen rad\nx-a: [a, b]  # efter\n"
    )
    assert format_text(result.after, "areas/a.yaml").after == result.after


def test_crlf_and_bom_become_plain_lf() -> None:
    data = "\ufeffkind: area\r\nid: a\r\nname: A\r\n"
    assert format_text(data, "a.yaml").after == "kind: area\nid: a\nname: A\n"


def test_fmt_command_writes_changed_files_and_reports_them(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    root = make_repo(
        {
            "processes/bu-utredning.yaml": MESSY,
            "areas/barn.yaml": "kind: area\nid: barn\nname: Barn\n",
            ".hidden/x.yaml": "b: 1\na: 2\n",
        }
    )
    result = cli("fmt", root)
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "formatted processes/bu-utredning.yaml\n1 file formatted, 2 files already formatted.\n"
    )
    assert (root / "processes/bu-utredning.yaml").read_text(encoding="utf-8") == TIDY
    assert (root / ".hidden/x.yaml").read_text(encoding="utf-8") == "b: 1\na: 2\n"
    again = cli("fmt", root)
    assert (again.code, again.out) == (0, "3 files already formatted.\n")


def test_check_shows_a_diff_exits_1_and_writes_nothing(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    root = make_repo({"areas/barn.yaml": "id: barn\nkind: area\nname:   Barn\n"})
    result = cli("fmt", "--check", root)
    assert result.code == 1
    assert result.out == (
        "--- a/areas/barn.yaml\n"
        "+++ b/areas/barn.yaml\n"
        "@@ -1,3 +1,3 @@\n"
        "+kind: area\n"
        " id: barn\n"
        "-kind: area\n"
        "-name:   Barn\n"
        "+name: Barn\n"
        "1 file would be reformatted, 1 file already formatted.\n"
    )
    assert (root / "areas/barn.yaml").read_text(
        encoding="utf-8"
    ) == "id: barn\nkind: area\nname:   Barn\n"


def test_named_files_only_and_problems_on_stderr(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    root = make_repo(
        {
            "areas/a.yaml": "name: A\nkind: area\nid: a\n",
            "areas/b.yaml": "name: B\nkind: area\nid: b\n",
            "areas/broken.yaml": "kind: area\nid: [\n",
            ".gitlab-ci.yml": "stages: [x]\n",
        }
    )
    result = cli("fmt", root / "areas/a.yaml", root / "areas/broken.yaml", root / ".gitlab-ci.yml")
    assert result.code == 1
    assert (
        result.out == "formatted areas/a.yaml\n"
        "1 file formatted, 0 files already formatted, 1 file could not be formatted.\n"
    )
    assert result.err == (
        f"{root / '.gitlab-ci.yml'}: skipped (processkit does not read it: hidden or excluded)\n"
        "areas/broken.yaml:2:5 PK002 the value of `id` starts with `[` but has no closing `]`\n"
        "    = hint: Close the list on the same line, separating its items with commas: "
        "`id: []`\n"
    )
    assert (root / "areas/b.yaml").read_text(encoding="utf-8") == "name: B\nkind: area\nid: b\n"


def test_outside_a_repository_is_exit_2(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("fmt", tmp_path)
    assert result.code == 2
    assert result.err == (
        f"processkit: no processkit.yaml found in {tmp_path} or any folder above it; run "
        "processkit in a process repository (or create one with `processkit init`)\n"
    )


def test_numbers_in_text_fields_are_put_in_quotes_and_numbers_stay_numbers() -> None:
    text = textwrap.dedent(
        """\
        kind: process
        id: 2024
        name: 1177
        area: barn
        type: core
        status: draft
        version: 2.10
        inputs:
          - 12
          - ! 13
          - !!str 14
          - Anmälan
        activities:
          - id: 1
            name: Planera
            next: [2]
          - id: 2
            name: .inf
        risks:
          - description: 0042
            likelihood: 2
            consequence: 4
        approved: {date: 2026-02-01, by: 1.0}
        tags: [2024, 0042, barn, 1e3, true]
        nme: 2.10
        x-nummer: 2.10
        """
    )
    assert format_text(text, "p.yaml").after == textwrap.dedent(
        """\
        kind: process
        id: "2024"
        name: "1177"
        area: barn
        type: core
        status: draft
        version: "2.10"
        inputs:
          - "12"
          - "13"
          - "14"
          - Anmälan
        activities:
          - id: "1"
            name: Planera
            next: ["2"]
          - id: "2"
            name: ".inf"
        risks:
          - description: "0042"
            likelihood: 2
            consequence: 4
        approved: {date: 2026-02-01, by: "1.0"}
        tags: ["2024", "0042", barn, "1e3", true]
        nme: 2.10
        x-nummer: 2.10
        """
    )


def test_numbers_in_the_configuration_text_fields_are_put_in_quotes() -> None:
    text = (
        "organisation: 1177\nreview: {interval_months: 12}\nmaturity:\n  levels: [0, 1]\n"
        "  dimensions: [design, 2]\n  labels: {design: 12}\n  descriptions: {0: 0, 1: Påbörjad}\n"
        "exclude: [2024]\nrules:\n  PK103: {window_days: 30}\n"
    )
    assert format_text(text, "processkit.yaml", config=True).after == (
        'organisation: "1177"\nreview: {interval_months: 12}\nmaturity:\n  levels: [0, 1]\n'
        '  dimensions: [design, "2"]\n  labels: {design: "12"}\n'
        '  descriptions: {0: "0", 1: Påbörjad}\nrules:\n  PK103: {window_days: 30}\n'
        'exclude: ["2024"]\n'
    )
