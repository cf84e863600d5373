"""The site's cache keys of the maps (issue 17). A flow map is drawn again only when its key
changes: a change in the files of each kind of thing it shows must change it. A landscape is
drawn again only when its drawing's key changes, and its texts put in again only when its
figure's key does, so each key must change whenever what it stands for does. Each field of a
process, and of an area, is given another process's (another area's) value: wherever the
landscape's DOT text changes, the drawing's key must change too, and wherever its DOT text or
its accessible texts change, the figure's key."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import KALMAR

from processkit.loading.load import load_repository
from processkit.loading.repository import Repository
from processkit.model import Area, Process
from processkit.render.catalogue import MapBuilder
from processkit.render.common import markdown_text
from processkit.render.job import Links, MapJob
from processkit.site.collect import map_requests
from processkit.site.maps import (
    LandscapeKeys,
    MapRequest,
    _builders,
    _flow_key,
    _KeptKeys,
    _landscape_keys,
    _MapKeys,
)

#: Two processes with parents, purposes and hand-overs, and the processes whose values they take.
SWAPS = [("bu-utredning", "ao-hemtjanst"), ("eb-ansokan", "bu-utredning")]


@pytest.fixture(scope="module")
def kalmar() -> Repository:
    return load_repository(KALMAR).repo


def _with(repo: Repository, kind: str, entity_id: str, entity: Any) -> Repository:
    records = {k: dict(found) for k, found in repo.records.items()}
    records[kind][entity_id] = replace(records[kind][entity_id], entity=entity, digest="")
    return replace(repo, records=records)


@dataclass(frozen=True)
class Drawn:
    dot: str
    texts: str  # the accessible texts and tooltips (MapJob.accessibility_key)
    keys: LandscapeKeys


def _drawn(repo: Repository, area: str | None) -> Drawn:
    builder = MapBuilder(repo, link=Links(prefix="../"), tooltips_after=True)
    request = MapRequest("landscape", area, "../", "processes")
    job = builder.landscape(area)
    # made for a drawing kept from before: every text as the whole job's, no DOT text
    words = builder.landscape(area, words_only=True)
    assert words.dot == "" and replace(words, dot=job.dot) == job
    keys = _landscape_keys(_MapKeys(repo, {"../": builder}, "base"), request)
    return Drawn(job.dot, job.accessibility_key(), keys)


def _check(before: Drawn, after: Drawn, what: str) -> None:
    if after.dot != before.dot:
        assert after.keys.drawing != before.keys.drawing, f"{what} changes the drawing"
    if (after.dot, after.texts) != (before.dot, before.texts):
        assert after.keys.figure != before.keys.figure, f"{what} changes the figure"


def _fields(model: type[Any]) -> list[str]:
    return [name for name in model.model_fields if name not in ("kind", "id")]


@pytest.mark.parametrize(("changed", "giver"), SWAPS)
def test_a_process_field_that_changes_a_landscape_changes_its_key(
    kalmar: Repository, changed: str, giver: str
) -> None:
    process: Process = kalmar.processes[changed].entity
    other: Process = kalmar.processes[giver].entity
    tried = 0
    for name in _fields(Process):
        value = getattr(other, name)
        if value == getattr(process, name):
            continue
        mutated = _with(kalmar, "process", changed, process.model_copy(update={name: value}))
        for area in (process.area, None):
            _check(_drawn(kalmar, area), _drawn(mutated, area), f"{name} in {area}")
            tried += 1
    assert tried >= 20  # the swaps reach most fields


def test_an_area_field_that_changes_a_landscape_changes_its_key(kalmar: Repository) -> None:
    area: Area = kalmar.areas["barn-och-unga"].entity
    other: Area = kalmar.areas["aldreomsorg"].entity
    for name in _fields(Area):
        value = getattr(other, name)
        if value == getattr(area, name):
            continue
        mutated = _with(kalmar, "area", area.id, area.model_copy(update={name: value}))
        for shown in (area.id, None):
            _check(_drawn(kalmar, shown), _drawn(mutated, shown), f"{name} of {shown}")


def test_a_new_purpose_changes_a_landscapes_words_not_its_drawing(kalmar: Repository) -> None:
    """The purpose is read out in each process's description and tooltip, put in after
    Graphviz drew the map: a new purpose keeps the DOT text and the drawing's key."""
    process: Process = kalmar.processes["bu-utredning"].entity
    changed = process.model_copy(update={"purpose": "Ett nytt syfte med *betoning*."})
    mutated = _with(kalmar, "process", process.id, changed)
    before, after = _drawn(kalmar, process.area), _drawn(mutated, process.area)
    assert after.dot == before.dot
    assert after.keys.drawing == before.keys.drawing
    assert "Ett nytt syfte med betoning." in after.texts
    assert after.texts.replace("Ett nytt syfte med betoning.", "") == before.texts.replace(
        markdown_text(process.purpose), ""
    )
    assert after.keys.figure != before.keys.figure
    # on the whole landscape it is counted on its parent: nothing drawn changes
    assert _drawn(mutated, None).dot == _drawn(kalmar, None).dot


@pytest.mark.parametrize("tooltips_after", [True, False])
def test_a_landscape_made_for_its_texts_only_has_every_text_of_the_whole_job(
    kalmar: Repository, tooltips_after: bool
) -> None:
    """``words_only`` (a landscape whose drawing the site kept) leaves out the DOT text and
    nothing else, for the whole landscape and each area's."""
    builder = MapBuilder(kalmar, link=Links(prefix="../"), tooltips_after=tooltips_after)
    for area in [None, *sorted(kalmar.areas)]:
        job = builder.landscape(area)
        words = builder.landscape(area, words_only=True)
        assert job.dot.startswith("digraph") and len(job.nodes) > 5
        assert words.dot == ""
        assert replace(words, dot=job.dot) == job


def _flows(
    root: Path, kept: _KeptKeys | None = None
) -> tuple[dict[str, tuple[MapJob, str]], _KeptKeys]:
    """Each flow map of the repository at ``root``, with its cache key, as the site makes them
    (after a build that left ``kept``); and what this build leaves for the next."""
    repo = load_repository(root).repo
    requests = [request for request in map_requests(repo) if request.kind == "process"]
    builders = _builders(repo, requests)
    keys = _MapKeys(repo, builders, "base", kept)
    found = {
        request.key: (
            builders[request.prefix].process(str(request.subject)),
            _flow_key(keys, request),
        )
        for request in requests
    }
    return found, keys.to_keep()


#: One change of each kind of thing a flow map shows, in the files as a user makes it, and
#: the flow it changes (``bu-utredning``: its roles, handbook and area, a process it hands
#: over to, itself; ``ao-genomforandeplan``: a process with no hand-overs, or one new).
FLOW_CHANGES = [
    (
        "a role's name",
        "roles/socialsekreterare.yaml",
        "name: Socialsekreterare",
        "name: Handläggare",
        "bu-utredning",
    ),
    (
        "a handbook's title",
        "handbooks/rutin-barnutredning.yaml",
        "title: Rutin för utredning",
        "title: Rutin för arbetet",
        "bu-utredning",
    ),
    (
        "an area's name",
        "areas/barn-och-unga.yaml",
        "name: Barn och unga",
        "name: Barn",
        "bu-utredning",
    ),
    (
        "the name of a process it hands over to",
        "processes/barn-och-unga/bu-insatser.yaml",
        "name: Ge stöd och behandling",
        "name: Ge stöd",
        "bu-utredning",
    ),
    (
        "the status of a process it hands over to",
        "processes/barn-och-unga/bu-insatser.yaml",
        "status: approved",
        "status: retired",
        "bu-utredning",
    ),
    (
        "the type of a process it hands over to",
        "processes/barn-och-unga/bu-insatser.yaml",
        "type: core",
        "type: support",
        "bu-utredning",
    ),
    (
        "an activity's name",
        "processes/barn-och-unga/bu-utredning.yaml",
        "name: Samtala med barnet",
        "name: Tala med barnet",
        "bu-utredning",
    ),
    (
        "its own name",
        "processes/barn-och-unga/bu-utredning.yaml",
        "name: Utreda barns och ungas behov",
        "name: Utreda behov",
        "bu-utredning",
    ),
    (
        "a hand-over declared by the other process only",
        "processes/aldreomsorg/ao-bistand.yaml",
        "interfaces:\n",
        "interfaces:\n  - process: ao-genomforandeplan\n    direction: out\n",
        "ao-genomforandeplan",
    ),
    (
        "an activity's name, without hand-overs",
        "processes/aldreomsorg/ao-genomforandeplan.yaml",
        "name: Hålla planeringssamtal",
        "name: Hålla samtal",
        "ao-genomforandeplan",
    ),
]


@pytest.mark.parametrize(
    ("path", "old", "new", "shown_by"),
    [c[1:] for c in FLOW_CHANGES],
    ids=[c[0] for c in FLOW_CHANGES],
)
def test_a_change_of_what_a_flow_shows_changes_its_key(
    tmp_path: Path, path: str, old: str, new: str, shown_by: str
) -> None:
    """A flow map is drawn again only when its key changes: wherever its DOT text or its
    texts change, its key must change too (a key that misses an input keeps a stale map)."""
    root = tmp_path / "kalmar"
    shutil.copytree(KALMAR, root)
    before, _ = _flows(root)
    target = root / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    after, _ = _flows(root)
    assert after.keys() == before.keys()
    changed = [key for key in before if after[key][0] != before[key][0]]
    assert f"process:{shown_by}" in changed
    for key in changed:
        assert after[key][1] != before[key][1], f"the flow {key} changes, not its key"


def test_what_a_flow_does_not_show_of_a_process_it_hands_over_to_keeps_its_key(
    tmp_path: Path,
) -> None:
    """Of a process it hands over to, a flow shows the name, type and status: a new purpose
    of that process changes that process's own flow only, and the flows of the processes it
    hands over to or receives from keep their maps and keys (``serve`` draws them again)."""
    root = tmp_path / "kalmar"
    shutil.copytree(KALMAR, root)
    before, _ = _flows(root)
    target = root / "processes/barn-och-unga/bu-insatser.yaml"
    text = target.read_text(encoding="utf-8")
    old = "purpose: Att barn och familjer"
    assert old in text
    target.write_text(text.replace(old, "purpose: Att familjer", 1), encoding="utf-8")
    after, _ = _flows(root)
    keyed = [key for key in before if after[key][1] != before[key][1]]
    assert keyed == ["process:bu-insatser"]  # its own file
    # its partners' flows show it, as before
    for partner in ("bu-utredning", "bu-uppfoljning"):
        assert after[f"process:{partner}"][0] == before[f"process:{partner}"][0]
    assert 'id="process-bu-utredning--out--bu-insatser"' in after["process:bu-utredning"][0].dot


#: Changes of what the landscapes show of a process besides (``bu-utredning``).
LANDSCAPE_CHANGES = [
    (
        "a process's purpose",
        "processes/barn-och-unga/bu-utredning.yaml",
        "purpose: Att barnets behov",
        "purpose: Att behoven",
    ),
    (
        "a process's parent",
        "processes/barn-och-unga/bu-utredning.yaml",
        "parent: bu-myndighetsutovning\n",
        "",
    ),
    (
        "a process's type",
        "processes/barn-och-unga/bu-utredning.yaml",
        "type: core",
        "type: support",
    ),
]


def _all_keys(
    root: Path, kept: _KeptKeys | None = None
) -> tuple[dict[str, tuple[str, str]], _KeptKeys]:
    """The key of every map of the repository at ``root``, in the order the site makes them
    (after a build that left ``kept``): a flow's, a landscape's figure and drawing; and what
    this build leaves for the next."""
    repo = load_repository(root).repo
    requests = map_requests(repo)
    keys = _MapKeys(repo, _builders(repo, requests), "base", kept)
    found = {}
    for request in requests:
        if request.kind == "process":
            found[request.key] = (_flow_key(keys, request), "")
        else:
            both = _landscape_keys(keys, request)
            found[request.key] = (both.figure, both.drawing)
    return found, keys.to_keep()


@pytest.fixture
def kept_keys(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """What each ``_MapKeys.kept_key`` call gave from now on: a key kept, or None."""
    found: list[str | None] = []
    real = _MapKeys.kept_key

    def counting(self: _MapKeys, *args: Any) -> str | None:
        key = real(self, *args)
        found.append(key)
        return key

    monkeypatch.setattr(_MapKeys, "kept_key", counting)
    return found


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [c[1:4] for c in FLOW_CHANGES + LANDSCAPE_CHANGES],
    ids=[c[0] for c in FLOW_CHANGES + LANDSCAPE_CHANGES],
)
def test_a_key_kept_from_the_build_before_is_the_key_made_anew(
    tmp_path: Path, kept_keys: list[str | None], path: str, old: str, new: str
) -> None:
    """``serve`` keys again only the flows whose inputs changed since its last build, and
    works out again what the landscapes hold only of the processes whose file changed: every
    key, kept or made, is the one a build from nothing makes; and with nothing changed, again,
    all kept."""
    root = tmp_path / "kalmar"
    shutil.copytree(KALMAR, root)
    _, kept = _all_keys(root)
    _, kept = _all_keys(root, kept)  # the second build keeps what the landscapes hold too
    assert len(kept.chunks) == len(load_repository(root).repo.processes)
    target = root / path
    target.write_text(target.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    kept_keys.clear()
    again, kept = _all_keys(root, kept)
    assert 0 < sum(key is not None for key in kept_keys) < len(kept_keys)
    anew, _ = _all_keys(root)
    assert again == anew
    kept_keys.clear()
    unchanged, _ = _all_keys(root, kept)
    assert unchanged == anew
    assert None not in kept_keys


def test_a_new_process_keys_again_only_the_flows_changed_since_the_last_run(
    tmp_path: Path, kept_keys: list[str | None]
) -> None:
    """The maps' keys of a build are kept in the cache folder (``KEYS_FILE``): a ``publish``
    in a new process, with nothing kept in memory, keys again only the flows whose inputs
    changed since the last run, and every key is the one made from nothing. A missing or
    damaged file costs the keying again, never a wrong key."""
    from processkit.site import maps
    from processkit.site.filecache import FileCache

    kept = kept_keys
    root, cache = tmp_path / "kalmar", tmp_path / "cache"
    shutil.copytree(KALMAR, root)
    stored = cache / "site" / maps.KEYS_FILE

    def new_process(new: bool = True) -> dict[str, str | None]:
        """Every map's key, as a new process finds them (or, not ``new``, this one)."""
        if new:
            maps._KEPT[0] = None
        kept.clear()
        repo = load_repository(root).repo
        requests = map_requests(repo)
        found = maps.figures(repo, requests, cache / "maps", FileCache(cache / "site"))
        return {request.key: found.digest(request.key) for request in requests}

    first = new_process()
    flows = len(kept)
    assert flows == 49 and kept == [None] * flows and stored.is_file()
    assert new_process() == first and len(kept) == flows and None not in kept
    _, path, old, new, _ = FLOW_CHANGES[0]  # a role's name
    target = root / path
    target.write_text(target.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    changed = new_process()
    assert 0 < kept.count(None) < flows
    assert changed != first
    written = stored.read_bytes()
    target.write_text(target.read_text(encoding="utf-8").replace(new, old, 1), encoding="utf-8")
    assert new_process(new=False) == first  # a build again in this process (``serve``)
    assert stored.read_bytes() == written  # left for the next process to bring up to date
    target.write_text(target.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert new_process() == changed and None not in kept  # as the file kept them
    real_keys = maps._stored_keys(stored)
    assert real_keys is not None
    # of this version, and read without a fault, but holding something else
    flows_forged = {key: (made[0], 0, made[2]) for key, made in real_keys.flows.items()}
    forged = replace(real_keys, flows=flows_forged)  # type: ignore[arg-type]
    maps._store_keys(tmp_path / "forged.bin", forged)
    for damaged in (
        None,
        b"processkit map keys store 1",
        stored.read_bytes()[:-9],
        (tmp_path / "forged.bin").read_bytes(),
    ):
        if damaged is None:
            stored.unlink()
        else:
            stored.write_bytes(damaged)
        assert new_process() == changed
        assert kept == [None] * flows


def test_maps_left_for_later_are_made_once_when_one_of_them_is_asked_for() -> None:
    """``Figures.later``: the maps left to be made are made the first time one of them is
    asked for (not when another map is), once, told whether workers may be forked; where
    making them fails, every later question about one of them is told the same failure."""
    from markupsafe import Markup

    from processkit.render.graphviz import RenderError
    from processkit.site.contexts import MapFigure
    from processkit.site.maps import Figures

    flow = MapRequest("process", "a", "", "Flödet")
    landscape = MapRequest("landscape", None, "", "Kartan")
    calls: list[bool] = []
    found = Figures([landscape.key, flow.key])
    found.keep(flow, "/kept/flow", "flow-key")

    def make(forks: bool) -> None:
        calls.append(forks)
        found.add(landscape, MapFigure.of(Markup("<svg></svg>"), "Karta", "Kartan"), "map-key")

    found.later(make, [landscape.key])
    assert found.digest(flow.key) == "flow-key"
    assert flow.key in found
    assert len(found) == 2
    assert calls == []  # a map made already: nothing made for it
    found.complete(forks=True)
    assert calls == [True]
    assert found.digest(landscape.key) == "map-key"
    assert list(found) == [landscape.key, flow.key]
    assert calls == [True]  # made once
    failing = Figures([landscape.key])

    def fail(forks: bool) -> None:
        calls.append(forks)
        raise RenderError("Graphviz stannade")

    failing.later(fail, [landscape.key])
    for ask in (lambda: failing.digest(landscape.key), lambda: landscape.key in failing):
        with pytest.raises(RenderError, match="Graphviz stannade"):
            ask()
    with pytest.raises(RenderError):
        failing.complete()
    assert calls == [True, False]  # tried once, without workers: told again after
