"""``processkit proposals new``: the next free id, a correctly named file that validates, and
questions on a terminal for what is missing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import CliResult, write_files

from processkit.authoring.proposal_new import next_proposal_id
from processkit.authoring.yamltext import yaml_block, yaml_scalar
from processkit.loading.load import load_repository

PROCESS = "kind: process\nid: bu-utredning\nname: Utreda\narea: bu\ntype: core\nstatus: draft\n"
BASE: dict[str, str | bytes] = {
    "areas/bu.yaml": "kind: area\nid: bu\nname: Barn och unga\n",
    "processes/bu-utredning.yaml": PROCESS,
}


def _proposal(pid: str, submitted: str = "2026-01-10") -> str:
    return f"kind: proposal\nid: {pid}\nprocess: bu-utredning\ntitle: T\nsubmitted: {submitted}\n"


def test_writes_the_next_free_id_of_the_year(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    root = make_repo(
        {
            **BASE,
            "proposals/fp-2026-001.yaml": _proposal("fp-2026-001"),
            "proposals/fp-2026-012.yaml": _proposal("fp-2026-012"),
            "proposals/fp-2025-040.yaml": _proposal("fp-2025-040", "2025-05-01"),
        }
    )
    result = cli(
        "proposals",
        "new",
        root,
        "--process",
        "bu-utredning",
        "--title",
        "Kortare väntetid: första samtalet inom en vecka",
        "--by",
        "Anna Nilsson",
        "--today",
        "2026-03-02",
    )
    assert (result.code, result.err) == (0, "")
    assert result.out == "Created proposals/fp-2026-013.yaml (id `fp-2026-013`).\n"
    assert (root / "proposals/fp-2026-013.yaml").read_text(encoding="utf-8") == (
        "kind: proposal\n"
        "id: fp-2026-013\n"
        "process: bu-utredning\n"
        'title: "Kortare väntetid: första samtalet inom en vecka"\n'
        "submitted: 2026-03-02\n"
        "submitted_by: Anna Nilsson  # vem som lämnade förslaget\n"
        "description:  # vad ska ändras, och varför?\n"
        "status: new  # new (nytt), assessing (bereds), accepted (beviljat), rejected (avslaget) "
        "eller done (genomfört)\n"
    )
    assert cli("validate", root).code == 0
    # a new year starts a new series
    result = cli(
        "proposals", "new", root, "-p", "bu-utredning", "-t", "Nytt år", "--today", "2027-01-04"
    )
    assert result.out == "Created proposals/fp-2027-001.yaml (id `fp-2027-001`).\n"


def test_follows_the_repository_s_own_numbering(
    make_repo: Callable[[dict[str, str | bytes]], Path],
) -> None:
    root = make_repo(
        {
            **BASE,
            "forslag/forslag-2026-0007.yaml": _proposal("forslag-2026-0007"),
            "forslag/forslag-2026-0009.yaml": _proposal("forslag-2026-0009"),
            "forslag/fp-2026-100.yaml": _proposal("fp-2026-100"),
        }
    )
    repo = load_repository(root).repo
    assert next_proposal_id(repo, 2026) == "forslag-2026-0010"


def test_an_empty_repository_starts_at_one(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    root = make_repo(BASE)
    assert next_proposal_id(load_repository(root).repo, 2026) == "fp-2026-001"
    result = cli(
        "proposals",
        "new",
        root,
        "-p",
        "bu-utredning",
        "-t",
        "ja",
        "-d",
        "Första raden.\n\n  Indragen rad: med kolon.\n",
        "--today",
        "2026-05-05",
    )
    assert result.code == 0, result.err
    assert (root / "proposals/fp-2026-001.yaml").read_text(encoding="utf-8") == (
        "kind: proposal\n"
        "id: fp-2026-001\n"
        "process: bu-utredning\n"
        "title: ja\n"
        "submitted: 2026-05-05\n"
        "submitted_by:  # vem som lämnade förslaget\n"
        "description: |\n"
        "  Första raden.\n"
        "\n"
        "    Indragen rad: med kolon.\n"
        "status: new  # new (nytt), assessing (bereds), accepted (beviljat), rejected (avslaget) "
        "eller done (genomfört)\n"
    )
    assert cli("validate", root).code == 0
    proposal = load_repository(root).repo.proposals["fp-2026-001"].entity
    assert proposal.description == "Första raden.\n\n  Indragen rad: med kolon.\n"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Vanlig text", "Vanlig text"),
        ("Fråga: varför?", '"Fråga: varför?"'),
        ("#1 prioritet", '"#1 prioritet"'),
        ("2026", '"2026"'),
        ("no", '"no"'),
        ("- lista", '"- lista"'),
        ('Citat "så här"', 'Citat "så här"'),
        ("'enkla'", "\"'enkla'\""),
    ],
)
def test_titles_are_quoted_only_where_yaml_needs_it(text: str, written: str) -> None:
    assert yaml_scalar(text) == written


def test_a_block_that_starts_indented_is_quoted() -> None:
    assert yaml_block("  indragen\nrad") == '"  indragen\\nrad"'


def test_without_a_terminal_missing_values_are_errors(
    make_repo: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    root = make_repo(BASE)
    result = cli("proposals", "new", root, "--title", "X")
    assert (result.code, result.err) == (
        2,
        "processkit: --process is missing: name the process the proposal is about, e.g. "
        "--process bu-utredning\n",
    )
    result = cli("proposals", "new", root, "--process", "bu-utredning")
    assert (result.code, result.err) == (
        2,
        "processkit: --title is missing: say in a few words what is proposed, e.g. --title "
        '"Kortare väntetid till första samtalet"\n',
    )
    result = cli("proposals", "new", root, "--process", "bu-utreding", "--title", "X")
    assert (result.code, result.err) == (
        2,
        "processkit: --process: `bu-utreding` is not a process in this repository; did you mean "
        "`bu-utredning`?\n",
    )
    assert not (root / "proposals").exists()


def test_on_a_terminal_it_asks(
    make_repo: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = iter(["bu-utredn", "bu-utredning", "", "Tydligare kallelse", "Ida Björk", ""])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("typer.prompt", lambda question, **_: next(answers))
    root = make_repo(BASE)
    result = cli("proposals", "new", root, "--today", "2026-03-02")
    assert result.code == 0, result.err
    assert result.err == (
        "processkit: `bu-utredn` is not a process in this repository; did you mean "
        "`bu-utredning`?\n"
        "Please write something (or press Ctrl-C to stop).\n"
    ).replace("processkit: ", "")
    assert (root / "proposals/fp-2026-001.yaml").read_text(encoding="utf-8") == (
        "kind: proposal\n"
        "id: fp-2026-001\n"
        "process: bu-utredning\n"
        "title: Tydligare kallelse\n"
        "submitted: 2026-03-02\n"
        "submitted_by: Ida Björk  # vem som lämnade förslaget\n"
        "description:  # vad ska ändras, och varför?\n"
        "status: new  # new (nytt), assessing (bereds), accepted (beviljat), rejected (avslaget) "
        "eller done (genomfört)\n"
    )


def test_the_year_comes_from_today(make_repo: Callable[[dict[str, str | bytes]], Path]) -> None:
    root = make_repo({**BASE, "proposals/fp-2026-004.yaml": _proposal("fp-2026-004")})
    repo = load_repository(root).repo
    assert next_proposal_id(repo, date(2026, 12, 31).year) == "fp-2026-005"


def test_both_commands_write_the_same_file(
    tmp_path: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    written = []
    for command in (("proposals", "new"), ("new", "proposal")):
        root = tmp_path / command[0]
        write_files(
            root,
            {
                "processkit.yaml": "organisation: Exempelby kommun\n",
                **BASE,
                "forslag/fp-2026-004.yaml": _proposal("fp-2026-004"),
            },
        )
        where = ("-C", root) if command[0] == "new" else (root,)
        result = cli(
            *command,
            *where,
            "--process",
            "bu-utredning",
            "--title",
            "Ett  samtal  först",
            "--by",
            "Anna Nilsson",
            "--today",
            "2026-03-02",
        )
        assert (result.code, result.out, result.err) == (
            0,
            "Created proposals/fp-2026-005.yaml (id `fp-2026-005`).\n",
            "",
        )
        written.append((root / "proposals/fp-2026-005.yaml").read_text(encoding="utf-8"))
    expected = (
        "kind: proposal\n"
        "id: fp-2026-005\n"
        "process: bu-utredning\n"
        "title: Ett samtal först\n"
        "submitted: 2026-03-02\n"
        "submitted_by: Anna Nilsson  # vem som lämnade förslaget\n"
        "description:  # vad ska ändras, och varför?\n"
        "status: new  # new (nytt), assessing (bereds), accepted (beviljat), rejected (avslaget) "
        "eller done (genomfört)\n"
    )
    assert written == [expected, expected]
