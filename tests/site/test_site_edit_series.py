"""Series of edits drawn at random: after each, the site brought up to date is byte for byte
the site a build from nothing makes (issue 17), both ways a site is brought up to date.

- ``publish`` in a new process: nothing kept in memory, everything kept in the cache folder
  (the weekly publish, a pull request's check);
- ``serve``'s own builds (``serve.rebuild``) in this process: the repository kept in memory
  between builds, the file that changed forgotten, the edited pages shown first and the
  search brought up to date after. Both use the repository's cache folder, as they do when a
  process leader previews while a publish runs.

The build from nothing runs in a process of its own, with a cache folder of its own, so that
nothing either way keeps can reach it. Each series starts from a copy of the Kalmar example in
git and draws its edits from ``EDITS``: what a process leader changes (a name, a purpose, who
does an activity, the flow, a hand-over, an area, a parent, a status), moves and removes of
files, new entities, an edit undone, a file that is no entity, the configuration. An edit that
would make the repository fail its checks is undone and another drawn. About half of the edits
are committed, so the history, the change log and the feeds change too. A failure names the
series' seed and the edits made so far.

The normal suite runs three series of nine edits, which share every kind of edit out between
them (each is made once, on entities drawn by the series' seed), then draw kinds at random;
``PROCESSKIT_EDIT_SERIES`` and ``PROCESSKIT_EDIT_STEPS`` raise those: a long session looks
for what the hand-picked changes of ``test_site_cache`` miss (with ``-o
faulthandler_timeout=0``, as a test may otherwise run for fifteen minutes at most), and
``PROCESSKIT_EDIT_FIRST`` names the seed of its first series (0), so that a session may draw
series no session drew before.

The Kalmar example's process pages fill one search shard. One more series starts from a
repository of the benchmarks' generator whose process pages fill one shard to the last page,
and makes planned edits that change how many shards there are and which of them change.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.site.conftest import copy_kalmar
from tests.site.test_site_build import snapshot
from tests.site.test_site_git import git

from processkit.cli.serve import build_preview, rebuild
from processkit.diagnostics import Severity
from processkit.loading.parse import Remembered
from processkit.site.output import finish_removals
from processkit.site.search import PER_SHARD
from processkit.validate import check

SERIES = int(os.environ.get("PROCESSKIT_EDIT_SERIES", "3"))
STEPS = int(os.environ.get("PROCESSKIT_EDIT_STEPS", "9"))
FIRST = int(os.environ.get("PROCESSKIT_EDIT_FIRST", "0"))


@dataclass
class Files:
    """The repository's entity files by kind, read as values (a YAML mapping each); and the
    texts each file held before an edit (for an edit undone)."""

    root: Path
    earlier: dict[Path, list[bytes]] = field(default_factory=dict)

    def of(self, kind: str) -> list[Path]:
        found = []
        for path in sorted(self.root.rglob("*.yaml")):
            if ".processkit-cache" in path.parts or path.name == "processkit.yaml":
                continue
            if self.read(path).get("kind") == kind:
                found.append(path)
        return found

    def ids(self, kind: str) -> list[str]:
        return [str(self.read(path)["id"]) for path in self.of(kind)]

    @staticmethod
    def read(path: Path) -> dict[str, Any]:
        value = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(value, dict)
        return value

    @staticmethod
    def write(path: Path, value: dict[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000)
        path.write_text(text, encoding="utf-8")


#: An edit: given the series' random numbers and the repository's files, it changes them and
#: says what it did and which files it touched (None where it does not apply).
Edit = Callable[[random.Random, Files, int], tuple[str, list[Path]] | None]


def _words(step: int) -> str:
    """A text no edit wrote before."""
    return f"Ändrad text nummer {step}"


def _day(step: int) -> date:
    """The day of the edit ``step`` (and of its commit)."""
    return date(2026, 11, 1) + timedelta(days=step)


def _process(rng: random.Random, files: Files) -> tuple[Path, dict[str, Any]]:
    path = rng.choice(files.of("process"))
    return path, files.read(path)


def _activity(name: str, draw: Callable[[random.Random, Files, int], object]) -> Edit:
    """An edit of one activity's ``name``: to what ``draw`` draws, where it is not that yet."""

    def edit(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]] | None:
        path, value = _process(rng, files)
        if not value.get("activities"):
            return None
        activity = rng.choice(value["activities"])
        drawn = draw(rng, files, step)
        if activity.get(name) == drawn:
            return None
        activity[name] = drawn
        files.write(path, value)
        return f"{name} {drawn} of activity {activity['id']} of {value['id']}", [path]

    return edit


def _hand_over(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]] | None:
    path, value = _process(rng, files)
    other = rng.choice([i for i in files.ids("process") if i != value["id"]])
    direction = rng.choice(["in", "out"])
    value.setdefault("interfaces", []).append(
        {"process": other, "direction": direction, "description": _words(step)}
    )
    files.write(path, value)
    return f"hand-over {direction} between {value['id']} and {other}", [path]


def _no_hand_over(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]] | None:
    path, value = _process(rng, files)
    if not value.get("interfaces"):
        return None
    gone = value["interfaces"].pop(rng.randrange(len(value["interfaces"])))
    files.write(path, value)
    return f"hand-over with {gone['process']} removed from {value['id']}", [path]


def _area(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]] | None:
    path, value = _process(rng, files)
    area = rng.choice([a for a in files.ids("area") if a != value.get("area")])
    value["area"] = area
    value.pop("parent", None)  # a parent in another area is only a warning, but keep it plain
    files.write(path, value)
    return f"{value['id']} moved to area {area}", [path]


def _status(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]] | None:
    path, value = _process(rng, files)
    status = rng.choice(["draft", "retired", "approved"])
    if value.get("status") == status:
        return None
    value["status"] = status
    files.write(path, value)
    return f"{value['id']} now {status}", [path]


def _owner(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]] | None:
    path, value = _process(rng, files)
    person = rng.choice(files.ids("person"))
    if value.get("owner") == person:
        return None
    value["owner"] = person
    files.write(path, value)
    return f"{person} owns {value['id']}", [path]


def _renamed(kind: str, name: str) -> Edit:
    def edit(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]]:
        path = rng.choice(files.of(kind))
        value = files.read(path)
        value[name] = _words(step)
        files.write(path, value)
        return f"{name} of {kind} {value['id']}", [path]

    return edit


def _parent(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]] | None:
    path, value = _process(rng, files)
    same_area = [
        files.read(other)
        for other in files.of("process")
        if other != path and files.read(other).get("area") == value.get("area")
    ]
    if not same_area:
        return None
    parent = rng.choice(same_area)
    if parent.get("parent") == value["id"] or value.get("parent") == parent["id"]:
        return None  # a loop, or as it is
    value["parent"] = parent["id"]
    files.write(path, value)
    return f"{value['id']} under {parent['id']}", [path]


def _type(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]] | None:
    path, value = _process(rng, files)
    kind = rng.choice([t for t in ("core", "support", "management") if t != value.get("type")])
    value["type"] = kind
    files.write(path, value)
    return f"{value['id']} now a {kind} process", [path]


def _flow(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]] | None:
    path, value = _process(rng, files)
    activities = value.get("activities") or []
    if len(activities) < 2:
        return None
    first, then = rng.sample(activities, 2)
    if first.get("next") == [then["id"]]:
        return None
    first["next"] = [then["id"]]
    files.write(path, value)
    return f"in {value['id']}, {first['id']} goes on to {then['id']}", [path]


def _measure(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]]:
    path, value = _process(rng, files)
    value["measures"] = [{"name": _words(step), "target": "Minst 80 procent"}]
    files.write(path, value)
    return f"measures of {value['id']}", [path]


def _decided(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]]:
    path = rng.choice(files.of("proposal"))
    value = files.read(path)
    value.update(status="accepted", decision=_words(step), decided=_day(step))
    files.write(path, value)
    return f"proposal {value['id']} accepted", [path]


def _undone(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]] | None:
    """A file given back a text it held before an earlier edit (the cache holds what was
    made of it then)."""
    paths = [path for path, texts in files.earlier.items() if path.is_file() and texts]
    if not paths:
        return None
    path = rng.choice(sorted(paths))
    text = rng.choice(files.earlier[path])
    if text == path.read_bytes():
        return None
    path.write_bytes(text)
    return f"{path.relative_to(files.root)} as it was before", [path]


def _readme(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]]:
    """A change outside the entities (the history, the change log and the day do change
    where it is committed)."""
    path = files.root / "README.md"
    path.write_text(f"{_words(step)}\n", encoding="utf-8")
    return "the README", [path]


def _moved(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]]:
    path, value = _process(rng, files)
    target = files.root / "processes" / f"flyttad-{step}" / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    path.rename(target)
    return f"file of {value['id']} moved", [path, target]


def _removed(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]]:
    path, value = _process(rng, files)
    path.unlink()
    return f"{value['id']} removed", [path]


def _new_removed(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]] | None:
    """A process this series added removed again (no other process names it)."""
    added = sorted((files.root / "processes").glob("ny-process-*.yaml"))
    if not added:
        return None
    path = rng.choice(added)
    path.unlink()
    return f"{path.stem} removed again", [path]


def _new_process(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]]:
    _, value = _process(rng, files)
    value["id"] = f"ny-process-{step}"
    value["name"] = _words(step)
    value.pop("parent", None)
    value.pop("interfaces", None)
    target = files.root / "processes" / f"ny-process-{step}.yaml"
    files.write(target, value)
    return f"new process {value['id']}", [target]


def _new_assessment(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]]:
    process = rng.choice(files.ids("process"))
    target = files.root / "assessments" / f"ny-{step}.yaml"
    scores = {dimension: rng.randint(0, 4) for dimension in _DIMENSIONS}
    value = {"kind": "assessment", "id": f"ny-{step}", "process": process}
    files.write(target, {**value, "date": _day(step), "scores": scores})
    return f"new assessment of {process}", [target]


_DIMENSIONS = ("design", "performers", "owner", "infrastructure", "metrics")


def _new_proposal(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]]:
    process = rng.choice(files.ids("process"))
    target = files.root / "proposals" / f"fp-ny-{step}.yaml"
    value = {"kind": "proposal", "id": f"fp-ny-{step}", "process": process}
    value.update(title=_words(step), submitted=_day(step))
    files.write(target, value)
    return f"new proposal about {process}", [target]


def _site_title(rng: random.Random, files: Files, step: int) -> tuple[str, list[Path]]:
    path = files.root / "processkit.yaml"
    value = files.read(path)
    value["site"]["title"] = f"Fyren {step}"
    files.write(path, value)
    return "the site's title", [path]


EDITS: dict[str, Edit] = {
    "purpose": _renamed("process", "purpose"),
    "name": _renamed("process", "name"),
    "activity": _activity("name", lambda rng, files, step: _words(step)),
    "performer": _activity("role", lambda rng, files, step: rng.choice(files.ids("role"))),
    "informed": _activity("informed", lambda rng, files, step: rng.sample(files.ids("role"), 2)),
    "hand-over": _hand_over,
    "no hand-over": _no_hand_over,
    "area": _area,
    "status": _status,
    "owner": _owner,
    "person": _renamed("person", "name"),
    "role": _renamed("role", "name"),
    "handbook": _renamed("handbook", "title"),
    "area name": _renamed("area", "name"),
    "moved": _moved,
    "removed": _removed,
    "new process": _new_process,
    "assessment": _new_assessment,
    "proposal": _new_proposal,
    "title": _site_title,
    "parent": _parent,
    "type": _type,
    "flow": _flow,
    "measure": _measure,
    "decided": _decided,
    "undone": _undone,
    "readme": _readme,
}


#: Edits a series makes only where it plans them.
ALSO: dict[str, Edit] = {"new process removed": _new_removed}


def _publish(repo: Path, output: Path, *, cache: Path | None = None) -> dict[str, bytes]:
    """The site ``publish`` makes in a process of its own (its day the last commit's: the
    test runs without ``SOURCE_DATE_EPOCH``), in a bounded time."""
    command = [sys.executable, "-m", "processkit", "publish", str(repo), "--output", str(output)]
    command += ["--quiet", *(["--cache-dir", str(cache)] if cache is not None else [])]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr + done.stdout
    return snapshot(output)


def _differences(made: dict[str, bytes], cold: dict[str, bytes]) -> list[str]:
    return sorted(path for path in made.keys() | cold.keys() if made.get(path) != cold.get(path))


def _valid(repo: Path) -> bool:
    loaded = check(repo, today=None, cache_dir=repo.parent / "check-cache")
    return not any(d.severity is Severity.ERROR for d in loaded.diagnostics)


def _state(repo: Path) -> dict[Path, bytes]:
    return {
        path: path.read_bytes()
        for pattern in ("*.yaml", "*.md")
        for path in repo.rglob(pattern)
        if ".processkit-cache" not in path.parts
    }


def _restore(repo: Path, state: dict[Path, bytes]) -> None:
    """The files as in ``state``: only those an edit changed are written (the others keep
    their times, as an editor leaves them)."""
    now = _state(repo)
    for path in now.keys() - state.keys():
        path.unlink()
    for path, data in state.items():
        if now.get(path) != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def _planned(seed: int) -> list[str]:
    """The kinds of edit series ``seed`` makes first, one a step: the series share every kind
    out between them (in an order drawn once), so that the suite makes each kind."""
    kinds = sorted(EDITS)
    random.Random("kinds").shuffle(kinds)
    share = -(-len(kinds) // SERIES)
    turn = seed - FIRST  # the series' place among those of this run
    return kinds[turn * share : (turn + 1) * share]


#: How often a kind of edit is tried on other entities before another kind is drawn (an
#: edit that leaves the repository with errors is undone: a process removed that others
#: name, say).
TRIES = 40


@pytest.mark.parametrize("seed", range(FIRST, FIRST + SERIES))
def test_a_series_of_edits_brings_the_site_up_to_date_as_a_build_from_nothing_makes_it(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    _series(copy_kalmar(tmp_path / "repo"), seed, _planned(seed)[:STEPS], tmp_path)


#: The processes of the repository the benchmarks' generator makes for the series below: as
#: many as ``search.PER_SHARD``, so that one more fills two search shards.
GENERATED = PER_SHARD
#: What that series does: a process added (the process pages then fill two shards), a text
#: changed (one shard changes, the other not), a file moved, the process added removed again
#: (one shard), an area's and a role's name (pages in every shard), an edit undone.
GENERATED_PLAN = [
    "new process",
    "purpose",
    "moved",
    "new process removed",
    "area name",
    "role",
    "undone",
]


def test_a_series_of_edits_on_processes_in_two_search_shards_as_a_build_from_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Kalmar example's process pages fill one search shard; a repository of the
    benchmarks' generator fills two, and a process removed or added changes how many."""
    from tests.test_benchmark_helpers import benchmark_module

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    repo = tmp_path / "repo"
    benchmark_module("generate").generate(GENERATED, repo, 1)
    # the seed after those of the Kalmar series (``FIRST``, ...)
    bundles = _series(repo, FIRST + SERIES, GENERATED_PLAN[:STEPS], tmp_path, strict=True)
    shards = [[name for name in made if name.startswith("p")] for made in bundles]
    assert shards[:4] == [["p00", "p01"], ["p00", "p01"], ["p00", "p01"], ["p00"]][:STEPS]


def _series(
    repo: Path, seed: int, planned: list[str], tmp_path: Path, *, strict: bool = False
) -> list[list[str]]:
    """Edit ``repo`` a step at a time, ``planned`` kinds first, and hold after each step that
    the site brought up to date both ways is the site a build from nothing makes; the search
    bundles of that site after each step. With ``strict``, a step with a kind planned makes
    that kind (no other is drawn in its place)."""
    rng = random.Random(seed)
    deferred = False  # a kind planned that could not be made yet, made a step later
    git(repo, "init", "--quiet")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "Processerna", when="2026-10-30T09:00:00+01:00")
    files = Files(repo)
    site, served = tmp_path / "site", tmp_path / "served"
    _publish(repo, site)
    # serve's own builds, with the repository's cache folder, which publish uses too
    remembered = Remembered()
    assert build_preview(repo, served, remembered, first=True) is not None
    done: list[str] = []
    bundles: list[list[str]] = []
    for step in range(STEPS):
        state = _state(repo)
        # the next kind planned (tried on other entities first), else kinds drawn at random;
        # one that cannot be made yet (nothing to undo) stays planned for the next step
        wanted = planned[0] if planned else None
        for attempt in range(TRIES + 100):
            kind = wanted if wanted is not None and attempt < TRIES else rng.choice(sorted(EDITS))
            if strict and wanted is not None and kind != wanted:
                pytest.fail(f"{wanted} could not be made after {done}")
            made = {**EDITS, **ALSO}[kind](rng, files, step)
            if made is not None and _valid(repo):
                break
            _restore(repo, state)
        else:
            pytest.fail(f"seed {seed}: no edit left the repository valid after {done}")
        if kind == wanted:
            planned.pop(0)
        deferred = deferred or (wanted is not None and kind != wanted)
        what, touched = made
        for path in touched:  # what the files held before, for an edit undone later
            if path in state and (not path.is_file() or path.read_bytes() != state[path]):
                files.earlier.setdefault(path, []).append(state[path])
        if rng.random() < 0.5:
            git(repo, "add", "-A")
            day = f"{_day(step).isoformat()}T10:00:00+01:00"
            # an edit undone may give a file back the text last committed: nothing to commit
            git(repo, "commit", "--quiet", "--allow-empty", "-m", f"Ändring {step}", when=day)
            what += " (committed)"
        done.append(what)
        cold_folder = tmp_path / f"cold-{step}"
        cold = _publish(repo, cold_folder / "site", cache=cold_folder / "cache")
        again = _publish(repo, site)
        assert _differences(again, cold) == [], f"seed {seed}, publish after: {done}"
        assert rebuild(repo, served, remembered, touched) is not None
        finish_removals()
        assert _differences(snapshot(served), cold) == [], f"seed {seed}, serve after: {done}"
        bundles.append(sorted(path.name for path in (cold_folder / "site/pagefind").iterdir()))
        shutil.rmtree(cold_folder)
    assert planned == [] or deferred, f"seed {seed}: kinds of edit never made: {planned}"
    return bundles
