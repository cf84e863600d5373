"""The seam where a save is committed (``gitseam.commit_saved``)."""

from __future__ import annotations

from pathlib import Path

from tests.edit.conftest import BU_UTREDNING, git

from processkit.authoring.editor.gitseam import commit_saved


def test_a_save_is_committed_on_the_branch_asked_for(kalmar: Path) -> None:
    target = kalmar / BU_UTREDNING
    target.write_text(target.read_text(encoding="utf-8") + "# a note\n", encoding="utf-8")
    commit = commit_saved(kalmar, [BU_UTREDNING], "Ändra bu-utredning", branch="edit/bu-utredning")
    assert commit == git(kalmar, "rev-parse", "HEAD").strip()
    assert git(kalmar, "branch", "--show-current").strip() == "edit/bu-utredning"
    assert git(kalmar, "log", "-1", "--format=%s|%an").strip() == "Ändra bu-utredning|Test Person"
    assert git(kalmar, "rev-list", "--count", "main").strip() == "1"


def test_the_author_is_the_one_given(kalmar: Path) -> None:
    target = kalmar / BU_UTREDNING
    target.write_text(target.read_text(encoding="utf-8") + "# a note\n", encoding="utf-8")
    assert commit_saved(kalmar, [BU_UTREDNING], "x", ("Karin Sandberg", "")) is not None
    assert git(kalmar, "log", "-1", "--format=%an|%ae").strip() == "Karin Sandberg|"
    target.write_text(target.read_text(encoding="utf-8") + "# more\n", encoding="utf-8")
    assert commit_saved(kalmar, [BU_UTREDNING], "x", ("Erik Åberg", "erik@example.se"))
    assert git(kalmar, "log", "-1", "--format=%an|%ae").strip() == "Erik Åberg|erik@example.se"


def test_nothing_to_commit_or_no_git_gives_none(kalmar: Path, tmp_path: Path) -> None:
    assert commit_saved(kalmar, [BU_UTREDNING], "nothing changed") is None
    outside = tmp_path / "not-git"
    outside.mkdir()
    (outside / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    assert commit_saved(outside, ["a.yaml"], "x") is None
