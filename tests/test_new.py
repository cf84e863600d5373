"""``processkit new``: the next free id, the usual folder, questions on a terminal, refusals."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult

from processkit.authoring.ids import free_id, shared_prefix, slugify
from processkit.cli import new as new_cli

Repo = Callable[[dict[str, str | bytes]], Path]

BASE: dict[str, str | bytes] = {
    "areas/bu.yaml": "kind: area\nid: bu\nname: Barn och unga\n",
    "areas/eb.yaml": "kind: area\nid: eb\nname: Ekonomiskt bistånd\n",
    "people/anna.yaml": "kind: person\nid: anna\nname: Anna Nilsson\n",
    "processes/bu/bu-utredning.yaml": (
        "kind: process\nid: bu-utredning\nname: Utreda\narea: bu\ntype: core\nstatus: draft\n"
    ),
    "processes/bu/bu-insatser.yaml": (
        "kind: process\nid: bu-insatser\nname: Insatser\narea: bu\ntype: core\nstatus: draft\n"
    ),
}


def test_slugify_folds_swedish_letters_and_punctuation() -> None:
    dash = "\u2013"
    assert (
        slugify(f"Handlägga ansökan om bistånd {dash} akut!") == "handlagga-ansokan-om-bistand-akut"
    )
    assert slugify("  Åsa Öberg  ") == "asa-oberg"
    assert slugify("???") == ""
    assert len(slugify("ord " * 40)) == 63


def test_free_id_counts_on_past_the_taken_ones() -> None:
    assert free_id("rutin", set()) == "rutin"
    assert free_id("rutin", {"rutin", "rutin-2"}) == "rutin-3"
    assert free_id("x" * 64, {"x" * 64}) == "x" * 62 + "-2"


def test_shared_prefix_needs_two_ids_that_agree() -> None:
    assert shared_prefix(["bu-utredning", "bu-insatser"]) == "bu-"
    assert shared_prefix(["bu-utredning"]) is None
    assert shared_prefix(["bu-utredning", "eb-ansokan"]) is None
    assert shared_prefix(["utredning", "bu-insatser"]) is None


def test_a_process_gets_its_area_prefix_and_the_area_folder(
    make_repo: Repo, cli: Callable[..., CliResult]
) -> None:
    root = make_repo(BASE)
    result = cli(
        "new",
        "process",
        "--name",
        "Placera barn",
        "--area",
        "Barn och unga",
        "--type",
        "stödprocess",
        "--owner",
        "anna",
        "-C",
        root,
    )
    assert (result.code, result.out, result.err) == (
        0,
        "Created processes/bu/bu-placera-barn.yaml (id `bu-placera-barn`).\n",
        "",
    )
    assert (root / "processes/bu/bu-placera-barn.yaml").read_text(encoding="utf-8") == (
        "kind: process\n"
        "id: bu-placera-barn\n"
        "name: Placera barn\n"
        "area: bu\n"
        "type: support  # management (ledningsprocess), core (huvudprocess) eller support "
        "(stödprocess)\n"
        "status: draft  # draft (utkast), review (på remiss), approved (fastställd) eller retired "
        "(upphörd)\n"
        "owner: anna  # processägare: id för en person i people/\n"
        "leaders: []  # processledare: id för personer i people/\n"
        "# Från behov till uppfyllt behov:\n"
        "purpose:  # syfte: varför finns processen?\n"
        "customer:  # kund: vem är processen till för?\n"
        "need:  # behov: vilket behov startar processen?\n"
        "start:  # var börjar processen?\n"
        "end:  # var slutar den, när är behovet uppfyllt?\n"
        "value:  # värde: vad levererar processen?\n"
        "inputs: []\n"
        "outputs: []\n"
        "# Aktiviteterna, i flödets ordning. Skriv till exempel:\n"
        "#   - id: planera\n"
        "#     name: Planera utredningen\n"
        "#     role: socialsekreterare\n"
        "#     next: [samtal]\n"
        "activities: []\n"
    )
    assert cli("validate", root).code == 0


def test_the_same_name_twice_gets_the_next_free_id(
    make_repo: Repo, cli: Callable[..., CliResult]
) -> None:
    root = make_repo(BASE)
    first = cli("new", "handbook", "--title", "Rutin för hembesök", "-C", root)
    second = cli("new", "handbook", "--title", "Rutin för hembesök", "-C", root)
    assert first.out == "Created handbooks/rutin-for-hembesok.yaml (id `rutin-for-hembesok`).\n"
    assert (
        second.out == "Created handbooks/rutin-for-hembesok-2.yaml (id `rutin-for-hembesok-2`).\n"
    )


def test_proposals_are_numbered_per_year(make_repo: Repo, cli: Callable[..., CliResult]) -> None:
    proposal = "kind: proposal\nid: {id}\nprocess: bu-utredning\ntitle: T\nsubmitted: 2026-01-02\n"
    root = make_repo(
        {
            **BASE,
            "proposals/fp-2026-007.yaml": proposal.format(id="fp-2026-007"),
            "proposals/fp-2025-012.yaml": proposal.format(id="fp-2025-012"),
        }
    )
    result = cli(
        "new",
        "proposal",
        "--process",
        "bu-utredning",
        "--title",
        "Digitalt",
        "--by",
        "Lena",
        "--today",
        "2026-05-04",
        "-C",
        root,
    )
    assert result.out == "Created proposals/fp-2026-008.yaml (id `fp-2026-008`).\n"
    assert (root / "proposals/fp-2026-008.yaml").read_text(encoding="utf-8") == (
        "kind: proposal\n"
        "id: fp-2026-008\n"
        "process: bu-utredning\n"
        "title: Digitalt\n"
        "submitted: 2026-05-04\n"
        "submitted_by: Lena  # vem som lämnade förslaget\n"
        "description:  # vad ska ändras, och varför?\n"
        "status: new  # new (nytt), assessing (bereds), accepted (beviljat), rejected (avslaget) "
        "eller done (genomfört)\n"
    )
    assert cli("validate", root).code == 0


def test_an_assessment_scores_every_configured_dimension(
    make_repo: Repo, cli: Callable[..., CliResult]
) -> None:
    root = make_repo(BASE)
    (root / "processkit.yaml").write_text(
        "organisation: X\nmaturity:\n  levels: [1, 2, 3]\n  dimensions: [design, ägare]\n",
        encoding="utf-8",
    )
    result = cli(
        "new", "assessment", "--process", "bu-utredning", "--today", "2026-05-04", "-C", root
    )
    assert (
        result.out == "Created assessments/mm-2026-bu-utredning.yaml (id `mm-2026-bu-utredning`).\n"
    )
    assert (root / "assessments/mm-2026-bu-utredning.yaml").read_text(encoding="utf-8") == (
        "kind: assessment\n"
        "id: mm-2026-bu-utredning\n"
        "process: bu-utredning\n"
        "date: 2026-05-04\n"
        "# En nivå per dimension, från 1 till 3. Processens mognad är den lägsta nivån.\n"
        "scores:\n"
        "  design: 1\n"
        "  ägare: 1\n"
        "assessors: []  # vilka som gjorde bedömningen\n"
        "comments:\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("process", "--name", "X"), "processkit new process needs --area (delivery area)"),
        (
            ("process", "--name", "X", "--area", "bx"),
            "--area: `bx` is not a delivery area in this repository; there are: `bu` and `eb`",
        ),
        (
            ("process", "--name", "X", "--area", "BU"),
            "--area: `BU` is not a delivery area in this repository; did you mean `bu`?",
        ),
        (
            ("process", "--name", "X", "--area", "bu", "--type", "kärna"),
            "--type: `kärna` is not a type; choose one of `core`, `management`, `support`",
        ),
        (
            ("process", "--name", "X", "--area", "bu", "--type", "cor"),
            "--type: `cor` is not a type; did you mean `core`?",
        ),
        (("person",), "processkit new person needs --name (full name)"),
        (
            ("person", "--name", "Anna", "--id", "Anna N"),
            "--id: `Anna N` is not a valid id: use 1-64 characters a-z, 0-9, - _ . starting with "
            "a letter or digit, for example `anna-n`",
        ),
        (("person", "--name", "Anna", "--id", "anna"), "--id: a person with the id `anna` exists"),
        (("role", "--name", "???"), "cannot make an id from `???`; give one with --id"),
        (
            ("proposal", "--process", "bu-utrednig", "--title", "T"),
            "--process: `bu-utrednig` is not a process in this repository; did you mean "
            "`bu-utredning`?",
        ),
        (
            ("handbook", "--title", "T", "--owner", "zz"),
            "--owner: `zz` is not a person in this repository; there are: `anna`",
        ),
    ],
)
def test_missing_or_wrong_values_are_one_line_and_exit_2(
    make_repo: Repo, cli: Callable[..., CliResult], args: tuple[str, ...], message: str
) -> None:
    root = make_repo(BASE)
    result = cli("new", *args, "-C", root)
    assert (result.code, result.out, result.err) == (2, "", f"processkit: {message}\n")


def test_a_terminal_is_asked_for_what_is_missing(
    make_repo: Repo,
    cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = make_repo(BASE)
    monkeypatch.setattr(new_cli, "is_terminal", lambda: True)
    monkeypatch.setattr("sys.stdin", io.StringIO("Matcha familjehem\nbu\n\n"))
    result = cli("new", "process", "-C", root)
    assert result.code == 0
    assert result.out == (
        "Name of the process: "
        "Delivery area (id) (bu, eb): "
        "Type (core, management, support) [core]: "
        "Created processes/bu/bu-matcha-familjehem.yaml (id `bu-matcha-familjehem`).\n"
    )


def test_outside_a_repository_is_exit_2(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("new", "area", "--name", "X", "-C", tmp_path)
    assert result.code == 2
    assert result.err.startswith(f"processkit: no processkit.yaml found in {tmp_path}")


def test_a_process_needs_an_area_to_exist(make_repo: Repo, cli: Callable[..., CliResult]) -> None:
    root = make_repo({})
    result = cli("new", "process", "--name", "X", "-C", root)
    assert (result.code, result.err) == (
        2,
        "processkit: there is no delivery area here yet; create one first with "
        "`processkit new area`\n",
    )


def test_a_broken_configuration_is_exit_2(make_repo: Repo, cli: Callable[..., CliResult]) -> None:
    root = make_repo({})
    (root / "processkit.yaml").write_text("organisaton: X\n", encoding="utf-8")
    result = cli("new", "area", "--name", "X", "-C", root)
    assert (result.code, result.err.splitlines()[-1]) == (
        2,
        "processkit: processkit.yaml must be fixed before anything else",
    )
