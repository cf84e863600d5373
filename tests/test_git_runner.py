"""The git that publish runs: the program itself through one small runner, never gitpython
(slow to import). Outside git, before the first commit, in a sub-folder of a git repository and
without a git program each question answers as it did through gitpython."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.test_changelog_support import GitRepo

import processkit
from processkit import i18n
from processkit.errors import ProcesskitError
from processkit.loading import git as gitmodule
from processkit.loading.git import (
    GitHistory,
    commit_date,
    head_and_shallow,
    origin_remote,
    touched_files,
)

_SOURCE = Path(processkit.__file__).resolve().parent.parent

_AREA = "kind: area\nid: bu\nname: Barn och unga\norder: 1\n"
_PROCESS = "kind: process\nid: bu-utredning\nname: {name}\narea: bu\ntype: core\nstatus: draft\n"
_PROPOSAL = (
    "kind: proposal\nid: fp-2026-001\nprocess: bu-utredning\ntitle: Digital kallelse\n"
    "submitted: 2026-01-10\nstatus: {status}\n"
)


def _two_commits(top: Path, sub: str = "") -> tuple[GitRepo, str, str]:
    """A small process repository (in ``sub`` of the git repository at ``top``) committed
    twice; the repository and both hashes, oldest first."""
    git = GitRepo(top, sub)
    git.write(
        {
            "processkit.yaml": "organisation: Testkommunen\n",
            "areas/bu.yaml": _AREA,
            "processes/bu-utredning.yaml": _PROCESS.format(name="Utreda barns behov"),
            "proposals/fp-2026-001.yaml": _PROPOSAL.format(status="assessing"),
        }
    )
    first = git.commit("Första versionen", "2026-01-10")
    git.write(
        {
            "processes/bu-utredning.yaml": _PROCESS.format(name="Utreda barnets behov"),
            "proposals/fp-2026-001.yaml": _PROPOSAL.format(status="done"),
        }
    )
    second = git.commit("Digital kallelse införd", "2026-02-01", "erik")
    return git, first, second


def test_publish_does_not_import_gitpython(tmp_path: Path) -> None:
    git, _first, _second = _two_commits(tmp_path / "git", "processer")
    program = (
        "import sys\n"
        "from processkit.cli.main import run\n"
        "try:\n"
        f"    run(['publish', {str(git.root)!r}, '-o', {str(tmp_path / 'site')!r}, '-q'])\n"
        "except SystemExit as exited:\n"
        "    code = exited.code\n"
        "gitpython = sorted(m for m in sys.modules if m == 'git' or m.startswith('git.'))\n"
        "print(code, gitpython)\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(_SOURCE)}
    environment.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run(
        [sys.executable, "-c", program],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert (done.stdout.strip(), done.stderr) == ("0 []", "")
    # the site read its history all the same
    changes = (tmp_path / "site" / "changes.html").read_text(encoding="utf-8")
    assert "Digital kallelse införd" in changes


def test_the_questions_of_a_repository_in_a_sub_folder(tmp_path: Path) -> None:
    git, first, second = _two_commits(tmp_path / "git", "processer")
    git.git("remote", "add", "origin", "git@gitlab.com:kalmar/processer.git")
    git.git("remote", "set-url", "--add", "origin", "https://example.se/andra.git")
    root = git.root
    assert head_and_shallow(root)[0] == second
    assert head_and_shallow(root) == (second, False)
    assert head_and_shallow(root)[1] is False
    assert (commit_date(root), commit_date(root, first)) == (date(2026, 2, 1), date(2026, 1, 10))
    assert origin_remote(root) == "git@gitlab.com:kalmar/processer.git"
    touched = list(touched_files(root))
    assert [(t.commit.sha, t.commit.summary, t.paths) for t in touched] == [
        (
            second,
            "Digital kallelse införd",
            ("processes/bu-utredning.yaml", "proposals/fp-2026-001.yaml"),
        ),
        (
            first,
            "Första versionen",
            (
                "areas/bu.yaml",
                "processes/bu-utredning.yaml",
                "processkit.yaml",
                "proposals/fp-2026-001.yaml",
            ),
        ),
    ]
    assert touched[0].commit.author == "Erik Åberg"
    # from the top folder the paths are the top folder's
    assert next(iter(touched_files(git.top))).paths == (
        "processer/processes/bu-utredning.yaml",
        "processer/proposals/fp-2026-001.yaml",
    )


def test_the_history_of_a_repository_in_a_sub_folder(tmp_path: Path) -> None:
    git, first, second = _two_commits(tmp_path / "git", "processer")
    (git.top / "README.md").write_text("Annat\n", encoding="utf-8")
    third = git.commit("Bara README", "2026-02-02")
    with GitHistory(git.root, "test") as history:
        assert (history.top, history.prefix, history.head) == (
            git.top.resolve(),
            "processer/",
            third,
        )
        assert history.is_shallow() is False
        assert history.parent(second) == first
        assert history.parent(first) is None
        assert history.resolve("main~2", "--since") == first
        named = history.commits_named([second[:7], "0000000", "no such thing", ""])
        assert named == {second[:7]: second}
        process_file = git.git("rev-parse", f"{second}:processer/processes/bu-utredning.yaml")
        assert history.commits_named([process_file]) == {}  # a file version, not a commit
        assert history.commits_named([first[:8], process_file, "0000000", second]) == {
            first[:8]: first,
            second: second,
        }
        commit = history.commit(second)
        assert (commit.sha, commit.author, commit.email, commit.summary) == (
            second,
            "Erik Åberg",
            "erik.aberg@example.se",
            "Digital kallelse införd",
        )
        # the README is outside the process repository: its commit changed nothing here
        logged = list(history.log([history.head]))
        assert [(c.ref.sha, len(c.files)) for c in logged] == [(second, 2), (first, 4)]
        changes = history.diff(first, second)
        assert sorted(c.new_path or "" for c in changes) == [
            "processes/bu-utredning.yaml",
            "proposals/fp-2026-001.yaml",
        ]
        blobs = [c.new_blob for c in changes if c.new_blob is not None]
        texts = history.blobs([*blobs, "0" * 40])
        assert sorted(texts) == sorted(blobs)
        for blob in blobs:
            assert history.blob(blob) == texts[blob]
            assert texts[blob].endswith(b"\n")  # a file's contents exactly, its last newline too
        assert [sha for sha, _day in history.first_parent_dates(third)] == [third, second, first]
        with i18n.speaking("en"), pytest.raises(ProcesskitError, match="could not read"):
            history.blob("0" * 40)
        with i18n.speaking("en"), pytest.raises(ProcesskitError, match="is not a date"):
            history.resolve("no-such-branch", "--since")


def test_a_file_moved_is_named_where_it_went_whatever_git_is_set_to(tmp_path: Path) -> None:
    git, _first, second = _two_commits(tmp_path / "git")
    git.move("processes/bu-utredning.yaml", "processes/barn/bu-utredning.yaml")
    moved = git.commit("Flyttad", "2026-02-02")
    named = {}
    for setting in ("true", "false", "copies"):
        git.git("config", "diff.renames", setting)
        named[setting] = [(t.commit.sha, t.paths) for t in touched_files(git.root)][:2]
    assert (
        named["false"]
        == named["copies"]
        == named["true"]
        == [
            (moved, ("processes/barn/bu-utredning.yaml",)),
            (second, ("processes/bu-utredning.yaml", "proposals/fp-2026-001.yaml")),
        ]
    )


def test_outside_git_and_before_the_first_commit(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    empty = tmp_path / "empty"
    GitRepo(empty)
    for folder in (outside, empty, tmp_path / "missing"):
        assert head_and_shallow(folder)[0] is None
        assert head_and_shallow(folder) == (None, False)
        assert head_and_shallow(folder)[1] is False
        assert commit_date(folder) is None
        assert origin_remote(folder) is None
        assert list(touched_files(folder)) == []
    with i18n.speaking("en"):
        with pytest.raises(ProcesskitError, match="is not inside a git repository"):
            GitHistory(outside, "the change log")
        with pytest.raises(ProcesskitError, match="is not inside a git repository"):
            GitHistory(tmp_path / "missing", "the change log")
        with pytest.raises(ProcesskitError, match="the repository has no commits yet"):
            GitHistory(empty, "the change log")


def test_without_a_git_program_every_question_has_its_plain_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git, _first, _second = _two_commits(tmp_path / "git", "processer")
    git.git("remote", "add", "origin", "https://example.se/processer.git")
    monkeypatch.setenv("PATH", "")
    assert head_and_shallow(git.root)[0] is None
    assert head_and_shallow(git.root) == (None, False)
    assert head_and_shallow(git.root)[1] is False
    assert commit_date(git.root) is None
    assert origin_remote(git.root) is None
    assert list(touched_files(git.root)) == []
    with i18n.speaking("en"), pytest.raises(ProcesskitError, match="git is not installed"):
        GitHistory(git.root, "the change log")


def test_a_shallow_clone_says_so(tmp_path: Path) -> None:
    git, _first, second = _two_commits(tmp_path / "git")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", git.top.resolve().as_uri(), str(clone)],
        check=True,
        capture_output=True,
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"},
    )
    assert head_and_shallow(clone) == (second, True)
    assert head_and_shallow(clone)[1] is True
    with GitHistory(clone, "test") as history:
        assert (history.head, history.is_shallow()) == (second, True)


def test_the_runner_takes_off_one_newline_and_keeps_bytes_that_are_not_utf8(
    tmp_path: Path,
) -> None:
    git = GitRepo(tmp_path / "git")
    name = "caf\udce9.yaml"  # a file name written in Latin-1, kept as gitpython kept it
    (git.root / name).write_text("kind: area\n", encoding="utf-8")
    git.commit("Ett namn\n\n\n", "2026-01-10")
    touched = list(touched_files(git.root))
    assert touched[0].paths == (name,)
    assert gitmodule._run(git.root, "log", "-1", "--format=%B") == "Ett namn\n"
    assert gitmodule._run_bytes(git.root, "log", "-1", "--format=%s") == b"Ett namn\n"
    with pytest.raises(gitmodule._GitFailed) as failed:
        gitmodule._run(git.root, "rev-parse", "--verify", "no-such-branch")
    assert "fatal" in failed.value.problem  # git's own words, in English


def test_a_linked_worktree_is_its_own_top_folder(tmp_path: Path) -> None:
    git, _first, second = _two_commits(tmp_path / "git", "processer")
    linked = tmp_path / "linked"
    git.git("worktree", "add", "-q", "-b", "other", str(linked))
    assert (linked / ".git").is_file()
    with GitHistory(linked / "processer", "test") as history:
        assert (history.top, history.prefix, history.head) == (
            linked.resolve(),
            "processer/",
            second,
        )
    assert head_and_shallow(linked / "processer") == (second, False)
    assert next(iter(touched_files(linked / "processer"))).commit.sha == second


def test_a_hook_of_a_linked_worktree_reads_the_repository_of_the_folder_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git runs a hook of a linked worktree with ``GIT_DIR`` set and no ``GIT_WORK_TREE``; a
    git run with them takes the folder it runs in as the top. The runner leaves git's
    location variables out: the repository is the one holding the folder given."""
    git, _first, second = _two_commits(tmp_path / "git", "processer")
    linked = tmp_path / "linked"
    git.git("worktree", "add", "-q", "-b", "other", str(linked))
    where = subprocess.run(
        ["git", "rev-parse", "--absolute-git-dir"],
        cwd=linked,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    monkeypatch.chdir(linked)  # where git runs a hook
    monkeypatch.setenv("GIT_DIR", where)
    with GitHistory(linked / "processer", "test") as history:
        assert (history.top, history.prefix, history.head) == (
            linked.resolve(),
            "processer/",
            second,
        )
        changed = [change.new_path for logged in history.log([second]) for change in logged.files]
        assert "processes/bu-utredning.yaml" in changed


def test_git_saying_why_it_will_not_read_a_repository_is_told(tmp_path: Path) -> None:
    """Not "not inside a git repository" when git refuses for another reason (a repository
    owned by another user, as in a CI container, or made by a newer git): git's own words."""
    git, _first, _second = _two_commits(tmp_path / "git")
    git.git("config", "core.repositoryformatversion", "99")
    with pytest.raises(ProcesskitError) as raised:
        GitHistory(git.root, "publish")
    assert str(raised.value) == (
        "git could not read the history: Expected git repo version <= 1, found 99"
    )


def test_a_warning_before_git_stops_is_not_taken_for_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git warns before its ``fatal:`` line when a file of the user's configuration cannot be
    read (here a folder): outside a repository the message still says so."""
    home = tmp_path / "home"
    (home / ".gitconfig").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    outside = tmp_path / "outside"
    outside.mkdir()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(ProcesskitError) as raised:
        GitHistory(outside, "publish")
    assert str(raised.value) == (
        f"publish reads the git history, and {outside} is not inside a git repository"
    )
    assert gitmodule._reason("warning: unable to access x\nfatal: the reason\n") == "the reason"
    assert gitmodule._reason("something went wrong\n") == "something went wrong"
