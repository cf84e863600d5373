"""Drawing many maps fast: from the cache where possible, the rest in batches, in parallel.

Maps found in the cache are not drawn again. The others are grouped by how Graphviz must be run
(maps placed by processkit are drawn with ``neato -n2``), split into batches (one ``dot``
process draws a whole batch) and the batches run ``workers`` at a time. SVG is made accessible
(``svg.accessible_svg``) before it is cached and returned.

Only the first graph a ``dot`` process reads is drawn the same way every time: Graphviz orders
a graph's clusters by the memory address of their names, and after the first graph the heap
holds what earlier graphs left there (and Pango's font-loading thread, where Graphviz measures
text with it: see ``gvsetup`` and ``svgorder``). So a map shares a process only when that
order cannot change its picture: SVG of a map placed by processkit, whose clusters
``svgorder`` puts back in DOT order. A map Graphviz lays out itself (the landscapes and
interface maps, a few per repository), and any PNG or PDF, is drawn by a process of its own,
which makes its picture independent of the cache, of the batches and of the scheduling of the
workers.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from processkit.errors import ProcesskitError, reason
from processkit.i18n import _
from processkit.render.cache import MapCache, cache_key
from processkit.render.graphviz import FORMATS, RenderError, find_dot, run_dot
from processkit.render.gvsetup import drawing_environment, graphviz_version
from processkit.render.job import MapJob
from processkit.render.svg import accessible_svg, accessible_text
from processkit.render.svgorder import clusters_in_dot_order

BATCH_SIZE = 50  # maps per Graphviz process: its start-up is paid once per batch
PLACED = frozenset({"-n", "-n1", "-n2"})  # neato takes every position from the DOT text


@dataclass(slots=True)
class RenderStats:
    """What a call of ``render_maps`` did: maps asked for, found in the cache, drawn, and the
    Graphviz processes it ran."""

    maps: int = 0
    cached: int = 0
    drawn: int = 0
    processes: int = 0


class Drawings(Protocol):
    """Graphviz's SVG of maps as drawn, before it is made accessible, kept by the caller: a
    map whose accessible texts changed but whose DOT text did not is then not drawn again."""

    def get(self, job: MapJob) -> bytes | None: ...

    def put(self, job: MapJob, data: bytes) -> None: ...


def render_maps(
    jobs: Sequence[MapJob],
    cache_dir: Path | None,
    fmt: str = "svg",
    *,
    workers: int = 2,
    batch_size: int = BATCH_SIZE,
    timeout: float = 120.0,
    stats: RenderStats | None = None,
    drawings: Drawings | None = None,
) -> list[bytes]:
    """Draw ``jobs`` as ``fmt`` (svg, png or pdf); one result per job, in order.

    ``cache_dir`` (None: no cache) holds drawings from earlier calls, keyed by the DOT text,
    format and Graphviz version. ``drawings`` keeps SVG as Graphviz drew it. Raises
    GraphvizMissing when Graphviz is not installed and RenderError when it fails on a map.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    stats = stats if stats is not None else RenderStats()
    stats.maps += len(jobs)
    if not jobs:
        return []
    dot = find_dot()
    version = graphviz_version(dot, cache_dir)
    cache = MapCache(cache_dir) if cache_dir is not None else None
    # by their cache keys; without a cache (a site's maps, kept by the caller) by the place
    # of the first that draws the same (no hash of each: 0.07 ms a flow map): a map asked
    # for twice is drawn once
    keys = (
        [cache_key(job, fmt, version) for job in jobs] if cache is not None else _places(jobs, fmt)
    )
    results: dict[str, bytes] = {}
    missing: dict[str, MapJob] = {}
    for key, job in zip(keys, jobs, strict=True):
        if key in results or key in missing:
            continue
        found = cache.get(key, fmt) if cache is not None else None
        if found is None and drawings is not None and fmt == "svg":
            drawn = drawings.get(job)
            found = accessible_svg(drawn, job) if drawn is not None else None
        if found is not None:
            results[key] = found
            stats.cached += 1
        else:
            missing[key] = job

    batches = _batches(list(missing.items()), fmt, batch_size, workers)
    stats.processes += len(batches)

    def draw(batch: list[tuple[str, MapJob]]) -> list[tuple[str, bytes]]:
        drawn = _draw_batch(dot, batch, fmt, timeout)
        return [(key, data) for (key, _job), data in zip(batch, drawn, strict=True)]

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for done in pool.map(draw, batches):
            for key, data in done:
                job = missing[key]
                if fmt == "svg":
                    text = clusters_in_dot_order(data.decode("utf-8"), job.dot)
                    if drawings is not None:
                        drawings.put(job, text.encode("utf-8"))
                    data = accessible_text(text, job).encode("utf-8")
                results[key] = data
                stats.drawn += 1
                if cache is not None:
                    _store(cache, key, fmt, data)
    return [results[key] for key in keys]


def _places(jobs: Sequence[MapJob], fmt: str) -> list[str]:
    """For each of ``jobs``, as text, the place of the first job that draws the same picture
    (the key ``render_maps`` draws it under): of the same DOT text and layout, and as SVG of
    the same texts for a reader, which only SVG holds (as ``cache_key`` tells them apart)."""
    firsts: dict[str, list[int]] = {}  # by DOT text, the places of the first different jobs
    places = []
    for number, job in enumerate(jobs):
        seen = firsts.setdefault(job.dot, [])
        same = next((first for first in seen if _same(jobs[first], job, fmt)), None)
        if same is None:
            seen.append(number)
        places.append(str(number if same is None else same))
    return places


def _same(one: MapJob, other: MapJob, fmt: str) -> bool:
    """Whether two jobs of the same DOT text draw the same picture as ``fmt``."""
    return one == other if fmt == "svg" else one.layout == other.layout


def shares_process(job: MapJob, fmt: str) -> bool:
    """Whether ``job`` may be drawn by a Graphviz process that draws other maps before it: only
    as SVG, and only when processkit placed it (see the module's docstring)."""
    return fmt == "svg" and not PLACED.isdisjoint(job.layout)


def _batches(
    items: list[tuple[str, MapJob]], fmt: str, batch_size: int, workers: int
) -> list[list[tuple[str, MapJob]]]:
    """Each item that may not share a process alone, first; the others grouped by Graphviz
    arguments, then cut into batches of at most ``batch_size`` (fewer per batch when that
    keeps every worker busy)."""
    groups: dict[tuple[str, ...], list[tuple[str, MapJob]]] = {}
    batches: list[list[tuple[str, MapJob]]] = []
    for item in items:
        if shares_process(item[1], fmt):
            groups.setdefault(item[1].layout, []).append(item)
        else:
            batches.append([item])
    for group in groups.values():
        count = max(-(-len(group) // batch_size), min(len(group), max(1, workers)))
        size = -(-len(group) // count)
        batches += [group[i : i + size] for i in range(0, len(group), size)]
    return batches


def _draw_batch(dot: str, batch: list[tuple[str, MapJob]], fmt: str, timeout: float) -> list[bytes]:
    layout = batch[0][1].layout
    environment = drawing_environment(dot, fmt)
    try:
        return run_dot(dot, [job.dot for _key, job in batch], fmt, layout, timeout, environment)
    except RenderError as problem:
        if len(batch) == 1:
            raise RenderError(
                _("map {name}: {problem}", name=batch[0][1].name, problem=problem)
            ) from None
    # find the map Graphviz fails on: draw them one by one
    drawn: list[bytes] = []
    for _key, job in batch:
        try:
            drawn += run_dot(dot, [job.dot], fmt, layout, timeout, environment)
        except RenderError as problem:
            raise RenderError(_("map {name}: {problem}", name=job.name, problem=problem)) from None
    return drawn


def _store(cache: MapCache, key: str, fmt: str, data: bytes) -> None:
    try:
        cache.put(key, fmt, data)
    except OSError as problem:
        raise ProcesskitError(
            _(
                "cannot write the map cache in {folder} ({problem}); "
                "choose another folder with --cache-dir, or use --no-cache",
                folder=cache.root,
                problem=reason(problem),
            )
        ) from None
