"""Every problem in one run, and none that is not there (issue 11, part 3).

A file with field errors still has its references checked; a file that cannot be read causes
no errors elsewhere and holds back the checks that conclude from what is missing; a duplicate
id is reported on every file that holds it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import git
import pytest
from tests import small_repo
from tests.conftest import CliResult

MakeRepo = Callable[[dict[str, str | bytes]], Path]
Cli = Callable[..., CliResult]

#: the small repository's process as a draft without an owner, with its area and role
PROCESS = small_repo.PROCESS.replace("status: approved\nowner: anna\n", "status: draft\n")
AREA, ROLE = small_repo.AREA, small_repo.ROLE
BASE = {"areas/barn.yaml": AREA, "roles/ss.yaml": ROLE}


def found(result: CliResult) -> list[tuple[Any, ...]]:
    """Every diagnostic of a ``--format json`` result, whole."""
    return [
        (d["code"], d["severity"], d["path"], d["line"], d["column"], d["message"], d["hint"])
        for d in result.json()["diagnostics"]
    ]


# --- 1. a file with field errors still has its references checked ---------------------------

MISSPELT = PROCESS.replace("status: draft\n", "status: draft\npurpse: Att utreda\n").replace(
    "  - id: besluta\n    name: Besluta\n    role: ss\n",
    "  - id: besluta\n    name: Besluta\n    role: handlaggare\n",
)

PK012_PURPSE = (
    "PK012",
    "error",
    "processes/utreda.yaml",
    7,
    1,
    "`purpse` is not a field of a process; did you mean `purpose`?",
    "Rename `purpse` to `purpose`. To keep your own data, start the key with `x-` "
    "(for example `x-purpse`).",
)


def test_a_misspelt_key_and_an_unknown_role_are_reported_in_one_run(
    make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo({**BASE, "processes/utreda.yaml": MISSPELT})
    result = cli("validate", root, "--format", "json")
    assert found(result) == [
        PK012_PURPSE,
        (
            "PK030",
            "error",
            "processes/utreda.yaml",
            15,
            11,
            "`handlaggare` is not a role in this repository",
            "Correct the id, or add a file roles/handlaggare.yaml with `kind: role` and "
            "`id: handlaggare`.",
        ),
    ]
    assert result.code == 1


def test_a_wrong_next_in_a_file_with_a_wrong_value_is_reported(
    make_repo: MakeRepo, cli: Cli
) -> None:
    """The date at fault is left out, the rest is read: the wrong `next` is reported in the
    same run; that `besluta` is then unreachable (PK107) waits for the file."""
    text = PROCESS.replace("status: draft", "status: draft\nreview_date: 2026-13-01")
    root = make_repo({**BASE, "processes/utreda.yaml": text.replace("[besluta]", "[beslut]")})
    result = cli("validate", root, "--format", "json")
    assert [d[:5] for d in found(result)] == [
        ("PK032", "info", "processes/utreda.yaml", 0, 0),
        ("PK011", "error", "processes/utreda.yaml", 7, 14),
        ("PK030", "error", "processes/utreda.yaml", 12, 12),
    ]
    assert found(result)[0][5] == "these checks wait until the file with errors is fixed: PK107"
    assert found(result)[2][5:] == (
        "`beslut` is not an activity of this process; did you mean `besluta`?",
        "`next` names the `id` of another activity in the same process: `planera` and `besluta`.",
    )


def test_a_dropped_activity_is_still_an_activity_for_next(make_repo: MakeRepo, cli: Cli) -> None:
    """The activity with an error is left out, but a `next` naming it is not reported, and
    no rule reports on the file (the activity's performer is not missing, it is wrong)."""
    text = PROCESS.replace("    name: Besluta\n", "")
    root = make_repo({**BASE, "processes/utreda.yaml": text})
    result = cli("validate", root, "--format", "json")
    assert [d[:6] for d in found(result)] == [
        (
            "PK010",
            "error",
            "processes/utreda.yaml",
            12,
            5,
            "`name` is missing: an activity needs it",
        ),
    ]


def test_a_wrong_owner_is_not_also_a_missing_owner(make_repo: MakeRepo, cli: Cli) -> None:
    """An approved process whose owner is not a valid id: PK011, not also PK101 "no owner"
    (the owner is dropped to read the rest, and rules wait for the file)."""
    text = PROCESS.replace("status: draft", "status: draft\nowner: Anna Nilsson")
    root = make_repo({**BASE, "processes/utreda.yaml": text})
    result = cli("validate", root, "--format", "json")
    assert [d[:5] for d in found(result)] == [("PK011", "error", "processes/utreda.yaml", 7, 8)]


def test_an_entity_missing_a_required_field_stays_out_without_echoes(
    make_repo: MakeRepo, cli: Cli
) -> None:
    text = PROCESS.replace("name: Utreda\n", "")
    sub = PROCESS.replace("id: utreda", "id: sub\nparent: utreda")
    root = make_repo({**BASE, "processes/utreda.yaml": text, "processes/sub.yaml": sub})
    result = cli("validate", root, "--format", "json")
    assert [d[:5] for d in found(result)] == [("PK010", "error", "processes/utreda.yaml", 1, 1)]


def test_a_file_read_in_part_in_swedish(make_repo: MakeRepo, cli: Cli, swedish: None) -> None:
    """Both problems in one run, and the rules that could miss what the file holds wait, said
    in Swedish."""
    root = make_repo({**BASE, "roles/ensam.yaml": LONELY_ROLE, "processes/utreda.yaml": MISSPELT})
    result = cli("validate", root, "--format", "json")
    assert [d[:5] for d in found(result)] == [
        ("PK032", "info", "processes/utreda.yaml", 0, 0),
        ("PK012", "error", "processes/utreda.yaml", 7, 1),
        ("PK030", "error", "processes/utreda.yaml", 15, 11),
    ]
    assert found(result)[0][5:] == (
        "de här kontrollerna väntar tills filen med fel är rättad: PK114",
        "En fil som inte kan läsas helt kan innehålla något som kontrollerna annars skulle "
        "missa. Rätta felen i `processes/utreda.yaml`; sedan görs kontrollerna igen.",
    )


# --- 2. a file that cannot be read causes no errors elsewhere --------------------------------

BROKEN = "kind: process\nid: bu-utredning\nname: [Utredning\narea: barn\n"
SUB = PROCESS.replace("id: utreda", "id: sub\nparent: bu-utredning")
LONELY_ROLE = "kind: role\nid: ensam\nname: Ensam roll\ncategory: operational\n"


@pytest.mark.parametrize(
    "broken",
    [
        BROKEN,
        "kind: process\nid: bu-utredning\nname: Vård\n".encode("latin-1"),
        "kind: process\nid: bu-utredning\nname: U\n---\nkind: process\n",
        "kind: proces\nid: bu-utredning\nname: Utredning\n",
    ],
    ids=["syntax error", "not UTF-8", "two documents", "kind misspelt"],
)
def test_references_to_an_unreadable_file_are_not_missing(
    make_repo: MakeRepo, cli: Cli, broken: str | bytes
) -> None:
    root = make_repo({**BASE, "processes/bu.yaml": broken, "processes/sub.yaml": SUB})
    result = cli("validate", root, "--format", "json")
    assert {d[2] for d in found(result)} == {"processes/bu.yaml"}
    assert "PK030" not in {d[0] for d in found(result)}


WAITING = (
    "PK032",
    "info",
    "processes/bu.yaml",
    0,
    0,
    "these checks wait until the file with errors is fixed: PK114",
    "A file that cannot be read in full could hold what they miss. Fix the errors in "
    "`processes/bu.yaml`; then these checks run again.",
)


def test_checks_that_conclude_from_absence_wait_for_an_unreadable_file(
    make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo({**BASE, "roles/ensam.yaml": LONELY_ROLE, "processes/bu.yaml": BROKEN})
    result = cli("validate", root, "--format", "json")
    assert found(result) == [
        WAITING,
        (
            "PK002",
            "error",
            "processes/bu.yaml",
            3,
            7,
            "the value of `name` starts with `[` but has no closing `]`",
            "Close the list on the same line, separating its items with commas: "
            "`name: [Utredning]`",
        ),
    ]


def test_the_absence_checks_run_when_every_file_is_read(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({**BASE, "roles/ensam.yaml": LONELY_ROLE, "processes/utreda.yaml": PROCESS})
    result = cli("validate", root, "--format", "json")
    assert [d[:3] for d in found(result)] == [("PK114", "info", "roles/ensam.yaml")]


def test_checks_wait_for_a_file_read_in_part(make_repo: MakeRepo, cli: Cli) -> None:
    """A misspelt key could be the one that uses the role: PK114 waits for it too."""
    text = MISSPELT.replace("role: handlaggare", "rol: ensam")
    root = make_repo({**BASE, "roles/ensam.yaml": LONELY_ROLE, "processes/utreda.yaml": text})
    result = cli("validate", root, "--format", "json")
    assert [d[:5] for d in found(result)] == [
        ("PK032", "info", "processes/utreda.yaml", 0, 0),
        ("PK012", "error", "processes/utreda.yaml", 7, 1),
        ("PK012", "error", "processes/utreda.yaml", 15, 5),
    ]
    assert found(result)[0][5:] == (
        "these checks wait until the file with errors is fixed: PK109, PK114",
        "A file that cannot be read in full could hold what they miss. Fix the errors in "
        "`processes/utreda.yaml`; then these checks run again.",
    )


def test_the_waiting_note_in_swedish(make_repo: MakeRepo, cli: Cli, swedish: None) -> None:
    other = BROKEN.replace("bu-utredning", "annan")
    root = make_repo(
        {
            **BASE,
            "roles/ensam.yaml": LONELY_ROLE,
            "processes/bu.yaml": BROKEN,
            "processes/annan.yaml": other,
        }
    )
    result = cli("validate", root, "--format", "json")
    assert found(result)[0] == (
        "PK032",
        "info",
        "processes/annan.yaml",
        0,
        0,
        "de här kontrollerna väntar tills de 2 filerna med fel är rättade: PK114",
        "En fil som inte kan läsas helt kan innehålla något som kontrollerna annars skulle "
        "missa. Rätta felen i " + found(result)[0][6].split("Rätta felen i ", 1)[1],
    )
    assert "`processes/annan.yaml`" in found(result)[0][6]
    assert "`processes/bu.yaml`" in found(result)[0][6]


# --- 3. a duplicate id is reported on every file that holds it --------------------------------


def test_a_duplicate_id_is_reported_on_every_file(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo(
        {**BASE, "a.yaml": PROCESS, "b.yaml": PROCESS, "processes/utreda.yaml": PROCESS}
    )
    result = cli("validate", root, "--format", "json")
    hint = (
        "An id may be used only once within a kind: give all these files but one another `id`, "
        "or remove the files that are too many."
    )
    message = "2 other files with `kind: process` have the same id `utreda`: "
    assert found(result) == [
        ("PK020", "error", "a.yaml", 2, 5, message + "`b.yaml` and `processes/utreda.yaml`", hint),
        ("PK020", "error", "b.yaml", 2, 5, message + "`a.yaml` and `processes/utreda.yaml`", hint),
        ("PK020", "error", "processes/utreda.yaml", 2, 5, message + "`a.yaml` and `b.yaml`", hint),
    ]


def test_a_duplicate_id_in_swedish(make_repo: MakeRepo, cli: Cli, swedish: None) -> None:
    root = make_repo({**BASE, "a.yaml": PROCESS, "b.yaml": PROCESS})
    result = cli("validate", root, "--format", "json")
    hint = (
        "Ett id får bara användas en gång för varje `kind`: ge alla utom en av de här filerna ett "
        "annat `id`, eller ta bort de filer som är för många."
    )
    assert found(result) == [
        (
            "PK020",
            "error",
            "a.yaml",
            2,
            5,
            "en annan fil med `kind: process` har samma id `utreda`: `b.yaml`",
            hint,
        ),
        (
            "PK020",
            "error",
            "b.yaml",
            2,
            5,
            "en annan fil med `kind: process` har samma id `utreda`: `a.yaml`",
            hint,
        ),
    ]


# --- 5. a file that looks meant for processkit is read or reported -----------------------------


def test_yaml_endings_in_other_cases_are_read(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo(
        {
            "areas/barn.YAML": AREA,
            "roles/ss.Yml": ROLE,
            "processes/utreda.YML": PROCESS.replace("role: ss\n    next", "role: s\n    next"),
        }
    )
    result = cli("validate", root, "--format", "json")
    assert [d[:5] for d in found(result)] == [("PK030", "error", "processes/utreda.YML", 10, 11)]
    assert result.json()["summary"]["entities"] == 3


@pytest.mark.parametrize(
    ("name", "renamed"),
    [
        ("utreda.yaml.txt", "utreda.yaml"),
        ("utreda.yml.txt", "utreda.yml"),
        ("utreda.yaml~", "utreda.yaml"),
        ("utreda.yml~", "utreda.yml"),
        ("utreda.YAML.txt", "utreda.yaml"),
    ],
)
def test_a_file_not_read_is_reported(
    make_repo: MakeRepo, cli: Cli, name: str, renamed: str
) -> None:
    sub = PROCESS.replace("id: utreda", "id: sub\nparent: utreda")
    root = make_repo(
        {
            **BASE,
            f"processes/{name}": PROCESS,
            "processes/notes.txt": "x\n",
            "processes/sub.yaml": sub,
            "roles/ensam.yaml": LONELY_ROLE,
        }
    )
    result = cli("validate", root, "--format", "json")
    suffix = name.lower().removeprefix("utreda")
    assert found(result) == [
        (
            "PK006",
            "warning",
            f"processes/{name}",
            0,
            0,
            f"processkit does not read this file: its name ends in `{suffix}`",
            f"Rename it to `{renamed}` for processkit to read it; if it is not meant for "
            "processkit, remove it or add it to `exclude:` in processkit.yaml.",
        ),
        (
            "PK032",
            "info",
            f"processes/{name}",
            0,
            0,
            "these checks wait until the file with errors is fixed: PK114",
            "A file that cannot be read in full could hold what they miss. Fix the errors in "
            f"`processes/{name}`; then these checks run again.",
        ),
    ]
    assert result.code == 0


def test_a_file_not_read_is_silent_when_excluded(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({**BASE, "old/utreda.yaml~": PROCESS, "utreda.yaml": PROCESS})
    (root / "processkit.yaml").write_text("organisation: X\nexclude: [old/**]\n", encoding="utf-8")
    result = cli("validate", root, "--format", "json")
    assert found(result) == []


def test_a_second_configuration_is_reported(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({**BASE, "processkit.yml": "organisation: Y\n", "utreda.yaml": PROCESS})
    result = cli("validate", root, "--format", "json")
    assert found(result) == [
        (
            "PK006",
            "warning",
            "processkit.yml",
            0,
            0,
            "processkit does not read this file: its configuration is read only from "
            "processkit.yaml",
            "Move what this file holds into processkit.yaml and remove it.",
        )
    ]


def test_a_configuration_by_another_name_is_named(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "processkit.yml").write_text("organisation: X\n", encoding="utf-8")
    result = cli("validate", tmp_path)
    assert result.code == 2
    assert result.err == (
        f"processkit: no processkit.yaml found in {tmp_path} or any folder above it, but "
        f"{tmp_path / 'processkit.yml'} is there; processkit reads its configuration only from "
        "processkit.yaml: rename the file to processkit.yaml\n"
    )


def test_a_configuration_by_another_name_in_swedish(
    tmp_path: Path, cli: Cli, swedish: None
) -> None:
    (tmp_path / "processkit.yml").write_text("organisation: X\n", encoding="utf-8")
    result = cli("validate", tmp_path)
    assert result.code == 2
    assert result.err == (
        f"processkit: det finns ingen processkit.yaml i {tmp_path} eller i någon mapp ovanför, "
        f"men {tmp_path / 'processkit.yml'} finns; processkit läser inställningarna bara från "
        "processkit.yaml: byt namn på filen till processkit.yaml\n"
    )


def test_a_file_not_read_in_swedish(make_repo: MakeRepo, cli: Cli, swedish: None) -> None:
    root = make_repo({**BASE, "processes/utreda.yaml.txt": PROCESS, "processkit.yml": "x: 1\n"})
    result = cli("validate", root, "--format", "json")
    assert [d for d in found(result) if d[0] == "PK006"] == [
        (
            "PK006",
            "warning",
            "processes/utreda.yaml.txt",
            0,
            0,
            "processkit läser inte den här filen: namnet slutar på `.yaml.txt`",
            "Byt namn på filen till `utreda.yaml` så att processkit läser den; om den inte är "
            "avsedd för processkit, ta bort den eller lägg till den under `exclude:` i "
            "processkit.yaml.",
        ),
        (
            "PK006",
            "warning",
            "processkit.yml",
            0,
            0,
            "processkit läser inte den här filen: inställningarna läses bara från processkit.yaml",
            "Flytta det som står i den här filen till processkit.yaml och ta sedan bort filen.",
        ),
    ]


# --- 4. --changed-since reports what the change causes in other files -------------------------


def _committed(root: Path) -> git.Repo:
    repo = git.Repo.init(root)
    with repo.config_writer() as config:
        config.set_value("user", "name", "Test")
        config.set_value("user", "email", "test@example.se")
    repo.git.add(A=True)
    repo.index.commit("first")
    return repo


SUB_OF_UTREDA = PROCESS.replace("id: utreda", "id: sub\nparent: utreda").replace(
    "name: Utreda", "name: Följa upp"
)


def test_a_duplicate_id_added_by_a_change_is_flagged_on_both_files(
    make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    _committed(root)
    (root / "processes" / "kopia.yaml").write_text(PROCESS, encoding="utf-8")
    result = cli("validate", root, "--changed-since", "HEAD", "--format", "json")
    message = "another file with `kind: process` has the same id `utreda`: "
    hint = (
        "An id may be used only once within a kind: give all these files but one another `id`, "
        "or remove the files that are too many."
    )
    assert found(result) == [
        ("PK020", "error", "processes/kopia.yaml", 2, 5, message + "`processes/utreda.yaml`", hint),
        ("PK020", "error", "processes/utreda.yaml", 2, 5, message + "`processes/kopia.yaml`", hint),
    ]
    assert result.code == 1


def test_a_deleted_process_is_flagged_where_it_is_still_referenced(
    make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo(
        {**BASE, "processes/utreda.yaml": PROCESS, "processes/sub.yaml": SUB_OF_UTREDA}
    )
    repo = _committed(root)
    repo.index.remove(["processes/utreda.yaml"], working_tree=True)
    repo.index.commit("remove utreda")
    result = cli("validate", root, "--changed-since", "HEAD~1", "--format", "json")
    assert found(result) == [
        (
            "PK030",
            "error",
            "processes/sub.yaml",
            3,
            9,
            "`utreda` is not a process in this repository",
            "Correct the id, or add a file processes/<area>/utreda.yaml with `kind: process` and "
            "`id: utreda`.",
        )
    ]


def test_a_renamed_id_is_flagged_where_the_old_one_is_used(
    make_repo: MakeRepo, cli: Cli, swedish: None
) -> None:
    broken_elsewhere = ROLE.replace("id: ss", "id: ss2").replace("operational", "operativ")
    root = make_repo(
        {
            **BASE,
            "processes/utreda.yaml": PROCESS,
            "processes/sub.yaml": SUB_OF_UTREDA,
            "roles/ss2.yaml": broken_elsewhere,
        }
    )
    _committed(root)
    renamed = PROCESS.replace("id: utreda", "id: utredning")
    (root / "processes" / "utreda.yaml").write_text(renamed, encoding="utf-8")
    result = cli("validate", root, "--changed-since", "HEAD", "--format", "json")
    # the reference the rename broke, not the error the change did not touch (roles/ss2.yaml)
    assert [d[:5] for d in found(result)] == [("PK030", "error", "processes/sub.yaml", 3, 9)]


def test_a_changed_duplicate_in_swedish(make_repo: MakeRepo, cli: Cli, swedish: None) -> None:
    root = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    _committed(root)
    (root / "processes" / "kopia.yaml").write_text(PROCESS, encoding="utf-8")
    result = cli("validate", root, "--changed-since", "HEAD", "--format", "json")
    assert [d[5] for d in found(result)] == [
        "en annan fil med `kind: process` har samma id `utreda`: `processes/utreda.yaml`",
        "en annan fil med `kind: process` har samma id `utreda`: `processes/kopia.yaml`",
    ]


def test_a_change_reports_nothing_it_did_not_cause(make_repo: MakeRepo, cli: Cli) -> None:
    """An old broken reference and an old duplicate, in files the change did not touch."""
    old = SUB_OF_UTREDA.replace("id: sub", "id: gammal").replace(
        "parent: utreda", "parent: finns-inte"
    )
    root = make_repo(
        {
            **BASE,
            "processes/utreda.yaml": PROCESS,
            "processes/gammal.yaml": old,
            "a.yaml": AREA,
            "processes/sub.yaml": SUB_OF_UTREDA,
        }
    )
    _committed(root)
    (root / "processes" / "sub.yaml").write_text(
        SUB_OF_UTREDA.replace("Följa upp", "Följa"), "utf-8"
    )
    result = cli("validate", root, "--changed-since", "HEAD", "--format", "json")
    assert found(result) == []


def test_the_waiting_note_is_kept_for_a_change_elsewhere(make_repo: MakeRepo, cli: Cli) -> None:
    """An old broken file holds back PK114 for a change that leaves a role unused: the note
    says so, though the broken file is not part of the change."""
    root = make_repo({**BASE, "processes/bu.yaml": BROKEN, "processes/utreda.yaml": PROCESS})
    _committed(root)
    (root / "processes" / "utreda.yaml").unlink()
    result = cli("validate", root, "--changed-since", "HEAD", "--format", "json")
    assert [d[:6] for d in found(result)] == [
        (
            "PK032",
            "info",
            "processes/bu.yaml",
            0,
            0,
            "these checks wait until the file with errors is fixed: PK114",
        )
    ]


def test_an_unreadable_file_without_a_kind_hides_a_reference_of_any_kind(
    make_repo: MakeRepo, cli: Cli
) -> None:
    """`kind: x` names no kind: the id is taken to be of any kind, and counted once."""
    no_kind = "kind: x\nid: bu-utredning\nname: Utredning\n"
    root = make_repo({**BASE, "processes/bu.yaml": no_kind, "processes/sub.yaml": SUB})
    result = cli("validate", root, "--format", "json")
    assert [d[:5] for d in found(result)] == [("PK005", "error", "processes/bu.yaml", 1, 7)]
    assert result.json()["summary"]["entities"] == 3


def test_a_reference_after_a_dropped_activity_is_shown_where_it_is_written(
    make_repo: MakeRepo, cli: Cli
) -> None:
    """The first activity is left out; the second's wrong role is at its own line. (Its role
    `ss` is then used by no activity read: PK114 waits.)"""
    text = PROCESS.replace("    name: Planera\n", "").replace(
        "    name: Besluta\n    role: ss\n", "    name: Besluta\n    role: handlaggare\n"
    )
    root = make_repo({**BASE, "processes/utreda.yaml": text})
    result = cli("validate", root, "--format", "json")
    assert [d[:5] for d in found(result)] == [
        ("PK032", "info", "processes/utreda.yaml", 0, 0),
        ("PK010", "error", "processes/utreda.yaml", 8, 5),
        ("PK030", "error", "processes/utreda.yaml", 13, 11),
    ]


def test_rules_report_on_the_parts_of_a_partial_file_that_lost_nothing(
    make_repo: MakeRepo, cli: Cli
) -> None:
    """An unknown key in an activity holds back the rules about the activities, not the one
    about the owner (PK101), which is said in the same run."""
    text = PROCESS.replace("status: draft", "status: review").replace(
        "    name: Besluta\n", "    name: Besluta\n    performer: ss\n"
    )
    root = make_repo({**BASE, "processes/utreda.yaml": text})
    result = cli("validate", root, "--format", "json")
    assert [d[:5] for d in found(result)] == [
        ("PK101", "warning", "processes/utreda.yaml", 6, 9),
        ("PK012", "error", "processes/utreda.yaml", 14, 5),
    ]
