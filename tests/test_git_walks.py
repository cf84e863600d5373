"""The walks of the whole history kept between runs (``WalkStore``): after new commits on top
of the one a walk started from, only those are walked, and what is read is what git writes
for the whole walk, byte for byte; after anything else the whole history is walked again."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.test_changelog_support import GitRepo

from processkit.history.closing import closing_commits
from processkit.loading import git as gitmodule
from processkit.loading.git import GitHistory, WalkStore, touched_files
from processkit.loading.load import load_repository

_PROCESS = "kind: process\nid: bu-utredning\nname: {name}\narea: bu\ntype: core\nstatus: draft\n"
_PROPOSAL = (
    "kind: proposal\nid: fp-2026-001\nprocess: bu-utredning\ntitle: Digital kallelse\n"
    "submitted: 2026-01-10\nstatus: {status}\n"
)
#: The walk ``GitHistory.log`` makes from the commit checked out, less the commit.
_RAW = gitmodule.LOG_RAW


def _repo(tmp_path: Path, sub: str = "processer") -> GitRepo:
    """A process repository in the sub-folder ``sub`` of a git repository ("" its top),
    committed twice."""
    git = GitRepo(tmp_path / "git", sub)
    git.write(
        {
            "processkit.yaml": "organisation: Testkommunen\n",
            "areas/bu.yaml": "kind: area\nid: bu\nname: Barn och unga\norder: 1\n",
            "processes/bu-utredning.yaml": _PROCESS.format(name="Utreda barns behov"),
            "proposals/fp-2026-001.yaml": _PROPOSAL.format(status="assessing"),
        }
    )
    git.commit("Första versionen", "2026-01-10")
    git.write({"proposals/fp-2026-001.yaml": _PROPOSAL.format(status="done")})
    git.commit("Förslaget genomfört", "2026-02-01", "erik")
    return git


def _name(git: GitRepo, name: str, day: str) -> str:
    git.write({"processes/bu-utredning.yaml": _PROCESS.format(name=name)})
    return git.commit(f"Nytt namn: {name}", day)


def _whole(git: GitRepo) -> bytes:
    """What git writes for the whole walk, asked of it directly."""
    head = git.git("rev-parse", "HEAD")
    return subprocess.run(
        ["git", *_RAW, head, "--", _within(git) or "."],
        cwd=git.top,
        capture_output=True,
        check=True,
    ).stdout


def _within(git: GitRepo) -> str:
    """The process repository's folder as git names it: "" at the top, else ending in "/"."""
    return "" if git.root == git.top else f"{git.root.relative_to(git.top).as_posix()}/"


def _runs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The git runs of ``WalkStore`` from here on, each without its options."""
    runs: list[tuple[str, ...]] = []
    real: Callable[..., bytes] = gitmodule._run_bytes

    def noting(folder: Path, *args: str, feed: bytes | None = None) -> bytes:
        if args[0] == "log":
            runs.append(tuple(arg for arg in args if not arg.startswith("-")))
        return real(folder, *args, feed=feed)

    monkeypatch.setattr(gitmodule, "_run_bytes", noting)
    return runs


def _read(git: GitRepo, store: Path) -> bytes:
    """The walk from the commit checked out, through the store at ``store`` (saved after)."""
    walks = WalkStore(store)
    history = GitHistory(git.root, "testet", walks)
    output = walks.output(
        history.top,
        _RAW,
        history.head,
        (_within(git) or ".",),
        _within(git),
        shallow=history.is_shallow(),
    )
    walks.save()
    return output


@pytest.mark.parametrize("sub", ["processer", ""])
def test_commits_on_top_are_walked_alone_and_read_as_the_whole_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sub: str
) -> None:
    git = _repo(tmp_path, sub)
    store = tmp_path / "walks.bin"
    runs = _runs(monkeypatch)
    first = git.git("rev-parse", "HEAD")
    assert _read(git, store) == _whole(git)
    assert runs == [("log", first, _within(git) or ".")]
    runs.clear()
    assert _read(git, store) == _whole(git)  # nothing new: git walks nothing
    assert runs == []
    _name(git, "Utreda barnets behov", "2026-03-01")
    git.git("commit", "-q", "--allow-empty", "-m", "Tom")  # shown by no walk of the folder
    _outside(git)
    last = _name(git, "Utreda barnets behov och stöd", "2026-03-03")
    assert _read(git, store) == _whole(git)
    assert runs == [("log", f"{first}..{last}", _within(git) or ".")]


def _merge(git: GitRepo, side: Callable[[], object], main: Callable[[], object]) -> None:
    """Make the commits ``side`` makes on a branch, those ``main`` makes on main, and merge
    the branch into main."""
    git.git("checkout", "-q", "-b", "sida")
    side()
    git.git("checkout", "-q", "main")
    main()
    git.git("merge", "-q", "--no-ff", "-m", "Sammanfört", "sida")


def _order(git: GitRepo) -> None:
    git.write({"areas/bu.yaml": "kind: area\nid: bu\nname: Barn och unga\norder: 2\n"})
    git.commit("Ordning", "2026-03-02")


def _outside(git: GitRepo) -> None:
    (git.top / "LÄSMIG.md").write_text("Utanför mappen\n", encoding="utf-8")
    git.commit("Utanför mappen", "2026-03-02")


def _back_and_forth(git: GitRepo) -> None:
    _name(git, "Utreda på sidan", "2026-03-01")
    _name(git, "Utreda barns behov", "2026-03-02")  # as it was


@pytest.mark.parametrize(
    ("change", "alone"),
    [
        # a pull request merged when up to date: git follows the branch alone
        ("merge up to date", True),
        # main changed only what is outside the folder meanwhile: the same in the folder
        ("merge up to date in the folder", True),
        ("merge of two lines", False),
        # the merge's files are the kept commit's: the walk of the new commits alone, which
        # stops there, follows it alone too, and does not show the branch's commits
        ("merge of nothing", True),
        # its files as they were a commit before: git follows that side alone, and the walk
        # shows no more the commit the kept walk started from
        ("merge of the past", False),
        ("rewritten", False),
        ("many", False),
    ],
)
@pytest.mark.parametrize("sub", ["processer", ""])
def test_new_commits_are_walked_alone_only_where_the_whole_walk_is_theirs_and_the_kept_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str, alone: bool, sub: str
) -> None:
    git = _repo(tmp_path, sub)
    store = tmp_path / "walks.bin"
    _read(git, store)
    start = git.git("rev-parse", "HEAD")
    if change == "merge up to date in the folder" and not sub:
        alone = False  # the folder is the top: main's change is in it, two lines merged
    if change == "merge up to date":
        _merge(git, lambda: _name(git, "Utreda på sidan", "2026-03-01"), lambda: None)
    elif change == "merge up to date in the folder":
        _merge(git, lambda: _name(git, "Utreda på sidan", "2026-03-01"), lambda: _outside(git))
    elif change == "merge of two lines":
        _merge(git, lambda: _name(git, "Utreda på sidan", "2026-03-01"), lambda: _order(git))
    elif change == "merge of nothing":
        _merge(git, lambda: _back_and_forth(git), lambda: None)
    elif change == "merge of the past":
        before = git.git("rev-parse", "HEAD~1")
        tree = git.git("rev-parse", "HEAD~1^{tree}")
        merged = git.git("commit-tree", tree, "-p", "HEAD", "-p", before, "-m", "Sammanfört")
        git.git("reset", "-q", "--hard", merged)
    elif change == "rewritten":
        git.git("reset", "-q", "--hard", "HEAD~1")
        _name(git, "Utreda om", "2026-03-01")
    else:
        monkeypatch.setattr(WalkStore, "LINEAR", 2)
        for number in range(3):
            _name(git, f"Utreda {number}", f"2026-03-0{number + 1}")
    runs = _runs(monkeypatch)
    assert _read(git, store) == _whole(git)
    head = git.git("rev-parse", "HEAD")
    assert runs == [("log", f"{start}..{head}" if alone else head, _within(git) or ".")]


def test_a_damaged_entry_is_walked_again_and_a_shallow_clone_keeps_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git = _repo(tmp_path)
    store = tmp_path / "walks.bin"
    entry = "\0".join((*_RAW, "--", "processer/", "processer/"))
    head = git.git("rev-parse", "HEAD")
    wrong = hashlib.sha256(b"annat").digest()
    # a commit not there, what git wrote as text, an option and a name instead of a hash, a
    # text damaged (not the text its hash was made of), the store of an earlier version
    damages = [("0" * 40, b"skadad", hashlib.sha256(b"skadad").digest()), (head, "text", wrong)]
    damages += [("--all", b"", wrong), ("HEAD", b"", wrong), "x", (head, b"\x1eskadad", wrong)]
    damages += [(head, _whole(git))]
    for damaged in damages:
        walks = WalkStore(store)
        walks.put(entry, damaged)
        walks.save()
        assert _read(git, store) == _whole(git)
        whole = _whole(git)
        assert WalkStore(store).stored[entry] == (head, whole, hashlib.sha256(whole).digest())
    shallow = GitRepo.__new__(GitRepo)
    shallow.top = tmp_path / "grund"
    shallow.root = shallow.top / "processer"
    git.git("clone", "-q", "--depth", "1", f"file://{git.top}", str(shallow.top))
    kept = tmp_path / "grund.bin"
    assert _read(shallow, kept) == _whole(shallow)
    assert not kept.exists()


def test_the_history_the_log_and_the_closing_commits_read_through_the_store_are_as_read_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git = _repo(tmp_path)
    store = tmp_path / "walks.bin"

    def read(walks: WalkStore | None) -> tuple[object, ...]:
        history = GitHistory(git.root, "testet", walks)
        found = (
            list(touched_files(git.root, "HEAD", walks)),
            list(history.log([history.head])),
            closing_commits(load_repository(git.root).repo, walks=walks),
        )
        if walks is not None:
            walks.save()
        return found

    read(WalkStore(store))
    _name(git, "Utreda barnets behov", "2026-03-01")
    runs = _runs(monkeypatch)
    through = read(WalkStore(store))
    assert len(runs) == 2 and all(".." in run[1] for run in runs)  # the new commit alone
    assert through == read(None)
    assert through[2] != {}  # the proposal closed by the second commit is found


def test_each_folder_has_its_own_walk_and_a_folder_moved_is_walked_again(tmp_path: Path) -> None:
    """Two process repositories in one git repository, one store: each folder's history is
    its own; after the folder is moved (its cache with it), its history is git's."""
    git = _repo(tmp_path)
    other = GitRepo.__new__(GitRepo)
    other.top, other.root = git.top, git.top / "andra"
    other.write({"processkit.yaml": "organisation: Testkommunen\n"})
    git.commit("Andra mappen", "2026-03-01")
    store = WalkStore(tmp_path / "walks.bin")

    def history(folder: Path, walks: WalkStore | None) -> list[tuple[str, tuple[str, ...]]]:
        return [(t.commit.summary, t.paths) for t in touched_files(folder, "HEAD", walks)]

    for folder in (git.root, other.root, git.root):
        assert history(folder, store) == history(folder, None)
    store.save()
    git.git("mv", "processer", "flyttad")
    git.commit("Flyttad", "2026-03-02")
    moved = git.top / "flyttad"
    assert history(moved, WalkStore(tmp_path / "walks.bin")) == history(moved, None)
    assert history(moved, None)[0][0] == "Flyttad"


def test_git_set_to_follow_a_path_walks_as_git_does_by_default(tmp_path: Path) -> None:
    """``log.follow`` would have git walk a merge's two sides by their dates: the walks are
    made as without it, so that a kept walk and the walk after it agree (here every commit
    made in the same second)."""
    git = _repo(tmp_path)
    git.git("config", "log.follow", "true")
    store = tmp_path / "walks.bin"
    stamp = {"GIT_COMMITTER_DATE": "2026-03-01T10:00:00+01:00"}
    base = git.git("rev-parse", "HEAD")
    git.write({"processes/bu-utredning.yaml": _PROCESS.format(name="Start")})
    git.git("add", "-A")
    start = git.git("commit-tree", f"{git.git('write-tree')}", "-p", base, "-m", "Start", env=stamp)
    git.git("reset", "-q", "--soft", start)
    _read(git, store)
    git.write({"processes/bu-utredning.yaml": _PROCESS.format(name="Sidan")})
    git.git("add", "-A")
    tree = git.git("write-tree")
    side = git.git("commit-tree", tree, "-p", start, "-m", "Sidan", env=stamp)
    merged = git.git("commit-tree", tree, "-p", start, "-p", side, "-m", "Ihop", env=stamp)
    git.git("reset", "-q", "--hard", merged)
    assert _read(git, store) == _whole(git)
    plain = subprocess.run(
        ["git", "-c", "log.follow=false", *_RAW, merged, "--", "processer/"],
        cwd=git.top,
        capture_output=True,
        check=True,
    ).stdout
    assert _whole(git) == plain


def test_a_folder_whose_name_is_not_utf8_is_walked(tmp_path: Path) -> None:
    git = _repo(tmp_path, "Proc\udce9")  # the byte 0xE9 in the folder's name
    store = tmp_path / "walks.bin"
    _read(git, store)
    _merge(git, lambda: _name(git, "Utreda på sidan", "2026-03-01"), lambda: None)
    assert [t.paths for t in touched_files(git.root, "HEAD", WalkStore(store))] == [
        t.paths for t in touched_files(git.root)
    ]
    assert _read(git, store) == _whole(git)
