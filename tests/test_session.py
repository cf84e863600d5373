"""Every command opens a repository the same way: one policy, one wording."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
MakeRepo = Callable[[dict[str, str | bytes]], Path]

BROKEN_CONFIG = (
    "processkit.yaml:1:1 PK010 error: `organisation` is missing: processkit.yaml needs it\n"
    "  1 | organisaton: X\n"
    "    | ^\n"
    "    = hint: Add a line `organisation: …`. Organisation: e.g. Socialförvaltningen, "
    "Kalmar kommun.\n"
    "processkit.yaml:1:1 PK012 error: `organisaton` is not a field of processkit.yaml; "
    "did you mean `organisation`?\n"
    "  1 | organisaton: X\n"
    "    | ^\n"
    "    = hint: Rename `organisaton` to `organisation`. To keep your own data, start the key "
    "with `x-` (for example `x-organisaton`).\n"
    "\n"
    "2 errors, 0 warnings in 1 file (0 entities).\n"
    "processkit: processkit.yaml must be fixed before anything else\n"
)

#: Every command that opens a repository, with the repository's place as ``{root}``.
COMMANDS = [
    ("validate", "{root}"),
    ("inventory", "{root}"),
    ("publish", "{root}"),
    ("map", "landscape", "{root}", "--format", "dot"),
    ("review", "{root}"),
    ("proposals", "{root}"),
    ("proposals", "new", "{root}", "--process", "p", "--title", "T"),
    ("maturity", "{root}"),
    ("changelog", "{root}"),
    ("codeowners", "{root}"),
    ("new", "area", "--name", "X", "-C", "{root}"),
]


def _args(command: tuple[str, ...], root: Path) -> list[str]:
    return [str(root) if arg == "{root}" else arg for arg in command]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_broken_configuration_stops_every_command_alike(
    command: tuple[str, ...], make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo({"processkit.yaml": "organisaton: X\n"})
    result = cli(*_args(command, root))
    assert (result.code, result.out, result.err) == (2, "", BROKEN_CONFIG)


NOTE_ONE = (
    "processkit: note: 1 file has errors and what it holds is left out; "
    "run `processkit validate` to see them\n"
)
NOTE_TWO = (
    "processkit: note: 2 files have errors and what they hold is left out; "
    "run `processkit validate` to see them\n"
)

#: The reports that show what could be read, and say what they leave out.
REPORTS = [
    ("inventory", "{root}", "--format", "json"),
    ("map", "landscape", "{root}", "--format", "dot", "-o", "-"),
    ("review", "{root}", "--today", "2026-03-01"),
    ("proposals", "{root}"),
    ("maturity", "{root}"),
    ("codeowners", "{root}"),
]


@pytest.mark.parametrize("command", REPORTS, ids=" ".join)
def test_files_with_errors_are_left_out_with_one_note(
    command: tuple[str, ...], make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo({"processes/trasig.yaml": "kind: process\nid: [\n"})
    result = cli(*_args(command, root))
    assert (result.code, result.err) == (0, NOTE_ONE)
    (root / "roles").mkdir()
    (root / "roles" / "tom.yaml").write_text("kind: role\nid: tom\n", encoding="utf-8")
    result = cli(*_args(command, root))
    assert (result.code, result.err) == (0, NOTE_TWO)


@pytest.mark.parametrize("command", REPORTS, ids=" ".join)
def test_a_wrong_reference_is_no_file_left_out(
    command: tuple[str, ...], make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo({"areas/barn.yaml": "kind: area\nid: barn\nname: Barn\nowner: ingen\n"})
    result = cli(*_args(command, root))
    assert (result.code, result.err) == (0, "")


def test_references_checked_again_are_told_as_when_checked_from_nothing(
    tmp_path: Path,
) -> None:
    """``serve`` checks the references before every build, and takes what each unchanged file
    refers to from the check before: a reference that the removal of another file leaves
    naming nothing is told, and what is told is what a check from nothing tells."""
    import shutil

    from tests.conftest import KALMAR

    from processkit.loading import references
    from processkit.loading.load import load_repository
    from processkit.loading.repository import ByFile

    root = tmp_path / "kalmar"
    shutil.copytree(KALMAR, root, ignore=shutil.ignore_patterns("site", ".processkit-cache"))

    kept: ByFile[references.Refers] = ByFile()

    def told(keep: bool = True) -> list[tuple[str, str, int, int]]:
        repo = load_repository(root).repo
        found = references.check_references(repo, kept if keep else None)
        return [(d.code, str(d.path), d.line, d.column) for d in found]

    assert told() == []
    assert len(kept) > 100
    (root / "roles/socialsekreterare.yaml").unlink()
    again = told()
    assert again == told(keep=False)
    assert len(again) > 3 and {code for code, *_ in again} == {"PK030"}
