"""The change log read through the store of file versions a run before kept: the same entries
as read from nothing, also where the store is damaged or names an entity in a version that
holds none."""

from __future__ import annotations

import marshal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import first_arguments
from tests.test_changelog_support import FIRST_FILES, ROLE, GitRepo, noted_fetches

from processkit.cache import read_store, write_store
from processkit.history.changelog import ChangeLog, changelog
from processkit.history.snapshots import SnapshotStore
from processkit.loading.load import load_repository
from processkit.loading.repository import Repository


def _process(pid: str, name: str, owner: str = "anna", status: str = "approved") -> str:
    return (
        f"kind: process\nid: {pid}\nname: {name}\narea: bu\ntype: core\nstatus: {status}\n"
        f"owner: {owner}\n"
    )


def _assessment(aid: str, process: str, day: str | None, design: int) -> str:
    dated = f"date: {day}\n" if day else ""
    return f"kind: assessment\nid: {aid}\nprocess: {process}\n{dated}scores: {{design: {design}}}\n"


def _kept(repo: Repository, path: Path, **period: str | None) -> ChangeLog:
    """The change log read through the store in ``path``, which then keeps what it read."""
    return _through(repo, path, **period)[0]


def _through(repo: Repository, path: Path, **period: str | None) -> tuple[ChangeLog, SnapshotStore]:
    """The change log read through the store in ``path``, and the store, saved."""
    store = SnapshotStore(path)
    log = changelog(repo, **period, store=store)
    store.save()
    return log, store


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[GitRepo, dict[str, str]]:
    """Three commits in March 2026: processes and assessments added, changed, renamed, moved
    and removed (read only: the tests share it)."""
    git = GitRepo(tmp_path_factory.mktemp("store") / "git")
    shas: dict[str, str] = {}
    git.write(
        {
            **FIRST_FILES,
            "processes/utreda.yaml": _process("bu-utredning", "Utreda barns behov"),
            "processes/placera.yaml": _process("bu-placering", "Placera barn"),
            "assessments/utreda.yaml": _assessment("m-utreda", "bu-utredning", "2026-03-01", 1),
            "assessments/utan.yaml": _assessment("m-utan", "bu-utredning", None, 1),
            "processes/trasig.yaml": _process("bu-trasig", "Trasig process"),
        }
    )
    shas["c1"] = git.commit("Första versionen", "2026-03-02")
    git.write(
        {
            "processes/utreda.yaml": _process("bu-utredning", "Utreda barns behov", "erik"),
            "processes/placera.yaml": _process("bu-placering", "Placera barn och unga"),
            "assessments/utreda.yaml": _assessment("m-utreda", "bu-utredning", "2026-03-01", 2),
            "assessments/placera.yaml": _assessment("m-placera", "bu-placering", "2026-03-08", 1),
            "assessments/utan.yaml": _assessment("m-utan", "bu-utredning", None, 2),
            "processes/trasig.yaml": "kind: process\nid: bu-trasig\nname: [Trasig\n",
            "roles/kopia.yaml": ROLE,  # the same bytes in two files
        }
    )
    git.move("roles/socsek.yaml", "roles/socialsekreterare.yaml")
    shas["c2"] = git.commit("Ny ägare, nytt namn, ny mätning", "2026-03-09", "erik")
    git.write(
        {
            "processes/placera.yaml": None,
            "assessments/placera.yaml": None,
            "processes/ny.yaml": _process("bu-ny", "Ny process", status="draft"),
            "processes/trasig.yaml": _process("bu-trasig", "Lagad process"),
            "processes/utreda.yaml": _process(
                "bu-utredning", "Utreda barns behov", "erik", "retired"
            ),
            "roles/kopia.yaml": None,
        }
    )
    shas["c3"] = git.commit("Ta bort placering", "2026-03-10")
    return git, shas


def _entries(log: ChangeLog) -> list[tuple[object, ...]]:
    return [
        (e.kind, e.id, e.name, e.change, e.path, e.old_path, e.fields, e.commits)
        for e in log.entries
    ]


PERIODS = [(None, "c1"), (None, "c3"), ("c1", "c2"), ("c2", "c3"), ("c1", "c3")]


@pytest.mark.parametrize(("since", "until"), PERIODS)
def test_a_second_run_reads_through_the_store_what_the_first_read_from_git(
    history: tuple[GitRepo, dict[str, str]], tmp_path: Path, since: str | None, until: str
) -> None:
    git, shas = history
    repo = load_repository(git.root).repo
    period = {"since": shas[since] if since else None, "until": shas[until]}
    fresh = _entries(changelog(repo, **period, store=SnapshotStore(None)))
    path = tmp_path / "snapshots.bin"
    first, store = _through(repo, path, **period)
    assert store.added > 0  # the versions read are kept
    second, store = _through(repo, path, **period)
    assert store.added == 0 and store.used  # and read from the store, none from git again
    assert _entries(first) == fresh
    assert _entries(second) == fresh


@pytest.mark.parametrize("language", ["en", "sv"])
def test_entities_are_named_as_the_period_last_names_them_from_git_and_from_the_store(
    history: tuple[GitRepo, dict[str, str]],
    tmp_path: Path,
    request: pytest.FixtureRequest,
    language: str,
) -> None:
    """What the store keeps of a version added or removed whole, its name, is what reading
    it gives: an assessment is named by its process's name as the period last names it, and
    by its day where it has one. Why a version cannot be read is said in the language spoken."""
    if language == "sv":
        request.getfixturevalue("swedish")
    git, shas = history
    repo = load_repository(git.root).repo
    path = tmp_path / "snapshots.bin"
    for _run in range(2):  # from git, then from the store
        log = _kept(repo, path, since=None, until=shas["c2"])
        names = [(e.id, e.change, e.name) for e in log.entries if e.kind == "assessment"]
        assert names == [
            ("m-placera", "added", "Placera barn och unga 2026-03-08"),
            ("m-utan", "added", "Utreda barns behov"),
            ("m-utreda", "added", "Utreda barns behov 2026-03-01"),
        ]
        log = _kept(repo, path, since=shas["c2"], until=shas["c3"])
        # (the role two files held at c2 is left out: which of them is followed is not the
        # store's concern)
        shown = [(e.id, e.change, e.name, e.path, e.old_path) for e in log.entries]
        assert [entry for entry in shown if entry[0] != "socsek"] == [
            ("bu-ny", "added", "Ny process", "processes/ny.yaml", None),
            ("bu-placering", "removed", "Placera barn och unga", None, "processes/placera.yaml"),
            (
                "bu-trasig",
                "changed",
                "Lagad process",
                "processes/trasig.yaml",
                "processes/trasig.yaml",
            ),
            (
                "bu-utredning",
                "retired",
                "Utreda barns behov",
                "processes/utreda.yaml",
                "processes/utreda.yaml",
            ),
            (
                "m-placera",
                "removed",
                "Placera barn och unga 2026-03-08",
                None,
                "assessments/placera.yaml",
            ),
        ]
        fields = {e.id: [(f.field, f.action, f.old, f.new) for f in e.fields] for e in log.entries}
        assert fields["bu-utredning"] == [("status", "changed", "approved", "retired")]
        assert fields["bu-trasig"] == [("file", "unreadable", UNCLOSED[language], None)]
        log = _kept(repo, path, since=shas["c1"], until=shas["c3"])
        fields = {e.id: [(f.field, f.action, f.old, f.new) for f in e.fields] for e in log.entries}
        assert fields["bu-utredning"] == [
            ("status", "changed", "approved", "retired"),
            ("owner", "changed", "Anna Nilsson", "Erik Åberg"),
        ]
        assert fields["socsek"] == [
            ("file", "moved", "roles/socsek.yaml", "roles/socialsekreterare.yaml")
        ]
        assert fields["m-utan"] == [("scores", "changed", "1", "2")]


#: Why the version of ``processes/trasig.yaml`` at c2 cannot be read.
UNCLOSED = {
    "en": "the value of `name` starts with `[` but has no closing `]`",
    "sv": "värdet i `name` börjar med `[` men saknar ett avslutande `]`",
}


def _edited_store_changes_nothing(
    history: tuple[GitRepo, dict[str, str]],
    folder: Path,
    since: str,
    until: str,
    edit: Callable[[dict[str, Any]], None],
) -> None:
    """The change log of the period is the same through a store kept by a run before and
    then edited by ``edit`` as read with nothing kept."""
    git, shas = history
    repo = load_repository(git.root).repo
    period = {"since": shas[since], "until": shas[until]}
    fresh = _entries(changelog(repo, **period, store=SnapshotStore(None)))
    path = folder / "snapshots.bin"
    _kept(repo, path, **period)
    kept = read_store(path, SnapshotStore.NAME)
    edit(kept)
    write_store(path, SnapshotStore.NAME, kept)
    assert _entries(changelog(repo, **period, store=SnapshotStore(path))) == fresh


def test_a_store_whose_entries_are_damaged_costs_time_not_a_wrong_entry(
    history: tuple[GitRepo, dict[str, str]], tmp_path: Path
) -> None:
    def damage(kept: dict[Any, Any]) -> None:
        # which entity each version the commits touched holds, kept apart from the versions
        keys = sorted(key for key in kept if isinstance(key, tuple))
        assert len(keys) == 4
        for number, key in enumerate(keys):  # a kind that is none, a part missing, a number
            kept[key] = [("riktlinje", "bu-x"), ("process",), ("process", 7), None][number]
        versions = {blob: entry for blob, entry in kept.items() if isinstance(blob, str)}
        assert len(versions) == 11  # every version the diff of the period holds
        for number, (blob, entry) in enumerate(sorted(versions.items())):
            if number % 4 == 0:  # values that cannot be read out
                kept[blob] = (*entry[:4], b"\x00damaged")
            elif number % 4 == 1:  # values that are not a mapping
                kept[blob] = (*entry[:4], marshal.dumps(["not", "a", "mapping"]))
            elif number % 4 == 2:  # a name that is not a text
                kept[blob] = (entry[0], entry[1], 7, *entry[3:])
            else:  # not an entry at all (as a store of another layout holds them)
                kept[blob] = entry[4]

    _edited_store_changes_nothing(history, tmp_path, "c1", "c3", damage)


@pytest.mark.parametrize("prune", [False, True])
def test_a_store_that_names_an_entity_a_version_does_not_hold_is_not_believed(
    history: tuple[GitRepo, dict[str, str]], tmp_path: Path, prune: bool
) -> None:
    """A store written over by hand says that the version of a file that cannot be read
    holds a process: the change log is read from git alone, as if nothing were kept, and the
    store no longer holds that entry once saved."""
    git, shas = history
    unreadable = git.git("rev-parse", f"{shas['c2']}:processes/trasig.yaml")

    def mislead(kept: dict[str, Any]) -> None:
        assert unreadable not in kept  # a version that cannot be read is not kept
        kept[unreadable] = ("process", "bu-trasig", "Trasig process", None, b"\x00damaged")

    _edited_store_changes_nothing(history, tmp_path, "c1", "c2", mislead)
    repo = load_repository(git.root).repo
    store = SnapshotStore(tmp_path / "snapshots.bin", prune=prune)  # (a publish prunes)
    changelog(repo, since=shas["c1"], until=shas["c2"], store=store)
    store.save()
    assert unreadable not in read_store(tmp_path / "snapshots.bin", SnapshotStore.NAME)


def test_a_second_run_identifies_no_version_again_nor_reads_one_from_git(
    history: tuple[GitRepo, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which entity each version the period's commits touched holds is kept with the store:
    a change log made again neither reads those versions from git nor looks into them."""
    from processkit.history import changelog as module

    git, shas = history
    repo = load_repository(git.root).repo
    period = {"since": shas["c1"], "until": shas["c3"]}
    path = tmp_path / "snapshots.bin"
    identified = first_arguments(monkeypatch, module, "identify")
    read = noted_fetches(monkeypatch)
    first = _kept(repo, path, **period)
    assert identified and read  # the first run looks into the versions it reads
    identified.clear()
    read.clear()
    second, store = _through(repo, path, **period)
    assert (identified, read, store.added) == ([], [], 0)
    assert _entries(second) == _entries(first)
