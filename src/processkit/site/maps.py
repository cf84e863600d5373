"""The site's one seam to the maps: ask for the SVG of each map a page shows.

The map builders (``processkit.render``) write DOT text with links relative to the page the
map is shown on; ``render_maps`` turns the DOT into accessible SVG through Graphviz. The SVG is
then made fit to be inlined in a page (no XML prolog, no comments) and kept in the build's file
cache by a key of all the map shows, so that a rebuild after one process changed draws only
the maps that show it. Maps are made in worker processes, from DOT text to the cache, and read
back only when a page shows them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from processkit.cache import UsedStore, read_store, write_store
from processkit.domain.structure import activity_roles
from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.i18n import _
from processkit.loading.repository import Record, Repository
from processkit.site.contexts import MapFigure
from processkit.site.filecache import FileCache
from processkit.site.parallel import chunks, run_batches

if TYPE_CHECKING:
    from processkit.render import MapJob
    from processkit.render.catalogue import MapBuilder

_PROLOG = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*", re.DOTALL)

Progress = Callable[[int, int], None]

#: A process flow is shown this much larger than drawn (where the page does not fit it to its
#: width, on a desktop), so that its smallest text, 9 points, is 13.5 CSS pixels on screen. A
#: long flow is drawn in rows no wider than ``flowbands.BAND_WIDTH``, chosen so that at this
#: scale a row fits the content column at a window of 1280 pixels.
FLOW_SCALE = 1.125
_SIZE = re.compile(r'^(<svg\b[^>]*?\bwidth=")([0-9.]+)(pt"[^>]*?\bheight=")([0-9.]+)(pt")')


@frozen
class MapRequest:
    """A map a page shows: ``landscape`` (the whole organisation, or one ``area``) or the
    ``process`` flow of one process; links in it start with ``prefix`` (``../`` from a page
    one folder down)."""

    kind: str
    subject: str | None
    prefix: str
    alternative: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.subject or ''}"


def _builders(repo: Repository, requests: Sequence[MapRequest]) -> dict[str, MapBuilder]:
    """One map builder per link prefix, its hand-overs worked out once (before any fork)."""
    from processkit.render import Links
    from processkit.render.catalogue import MapBuilder

    builders = {}
    first: MapBuilder | None = None
    for prefix in sorted({request.prefix for request in requests}):
        if first is None:
            first = MapBuilder(repo, link=Links(prefix=prefix), tooltips_after=True)
            # computed here, shared by the workers
            first.passes_by_process  # noqa: B018
            first.active_by_area  # noqa: B018
            builders[prefix] = first
        else:  # the same hand-overs, not worked out again for other links
            builders[prefix] = first.relinked(Links(prefix=prefix))
    return builders


def _job(builder: MapBuilder, request: MapRequest, *, words_only: bool = False) -> MapJob:
    if request.kind == "process":
        assert request.subject is not None
        return builder.process(request.subject)
    return builder.landscape(request.subject, words_only=words_only)


def inline_svg(svg: str) -> str:
    """An SVG document as an element to put inside HTML."""
    return _PROLOG.sub("", svg).strip()


def enlarged(svg: str, factor: float) -> str:
    """The inlined SVG with its width and height (in points) times ``factor``: the drawing,
    its text with it, is shown larger; its viewBox is unchanged."""

    def scaled(match: re.Match[str]) -> str:
        width, height = (float(match[n]) * factor for n in (2, 4))
        return f"{match[1]}{width:g}{match[3]}{height:g}{match[5]}"

    return _SIZE.sub(scaled, svg, count=1)


def _figure(request: MapRequest, svg: str, title: str) -> MapFigure:
    shown = enlarged(svg, FLOW_SCALE) if request.kind == "process" else svg
    return MapFigure.of(Markup(shown), title, request.alternative)


def figures(
    repo: Repository,
    requests: Sequence[MapRequest],
    cache_dir: Path,
    files: FileCache | None = None,
    progress: Progress | None = None,
    *,
    drawing: Callable[[int], None] | None = None,
) -> Figures:
    """The maps asked for, as figures keyed by ``MapRequest.key``; ``drawing`` is told how
    many are to be drawn, before any is.

    A process's flow map is kept in ``files`` by a key of everything it shows (the process,
    the processes it hands over to and from, its roles, handbooks and area, the configuration
    and the map code itself), so an unchanged process costs neither DOT text nor Graphviz.

    Where a run of its own finds the keys an earlier run kept (a publish after a change),
    the landscapes are keyed, given new words or drawn only when a page first asks for one
    of them, or the build asks (``Figures.complete``): no process page shows one, so the
    build starts Pagefind on the process pages' shards before that work (0.06-0.14 s at
    5,000 processes, done beside Pagefind instead). ``drawing`` is then told again, of the
    flows and the landscapes to draw together, before any landscape is drawn."""
    from processkit.render import render_maps
    from processkit.render.graphviz import find_dot
    from processkit.render.gvsetup import graphviz_version

    dot = find_dot()  # GraphvizMissing here, not in a worker
    version = graphviz_version(dot, cache_dir)
    builders = _builders(repo, requests)
    base = _code_fingerprint(repo, cache_dir)
    drawn = DrawnFlows(files.root / DrawnFlows.FILE, key=base) if files is not None else None
    found = Figures([request.key for request in requests])
    keys: dict[int, str] = {}
    drawings: dict[int, str] = {}  # a landscape's key of what Graphviz draws (its DOT text)
    # the keys of the last build: this process's (``serve``), or those the last run kept
    before = _KEPT[0]
    first = before is None  # the first build in this process reads and writes them
    if first and files is not None:
        before = _stored_keys(files.root / KEYS_FILE)
    made_from = _MapKeys(repo, builders, base, before)
    if files is not None and made_from.known_before:  # most of the maps are there already
        files.look_through("figures")
    # the landscapes left for later, by a run of its own after a change (``serve``'s builds
    # after its first wait for every page all the same)
    later = (
        [index for index, request in enumerate(requests) if request.kind != "process"]
        if first and made_from.known_before
        else []
    )
    parent = os.getpid()
    total = len(requests)
    done = len(later)  # told as made: they are made while the pages are (below)
    to_draw = 0  # told to ``drawing``: of every map to draw so far

    def draw(chosen: list[int], start: int, end: int) -> list[tuple[tuple[str, str] | None, str]]:
        """Maps ``start`` to ``end`` of ``chosen``, from DOT text to the cache: a worker's
        share (flow maps share one Graphviz, see ``render_maps``). Each is kept in ``files``
        (None) or handed back as (title, SVG) where it has no key; with the hash of what it
        is drawn from (``cache_key``)."""
        indexes = chosen[start:end]
        # a landscape whose drawing is kept needs only its texts, not its DOT text
        before = {
            index: data
            for index in indexes
            if index in drawings and files is not None
            for data in [_kept_drawing(files, drawings[index])]
            if data is not None
        }
        jobs = [
            _job(builders[requests[i].prefix], requests[i], words_only=i in before) for i in indexes
        ]
        # (worked out only where it is kept: a landscape's DOT text is megabytes)
        sources = [
            _drawn_from(job, version) if drawn is not None and requests[i].kind == "process" else ""
            for i, job in zip(indexes, jobs, strict=True)
        ]
        # a flow drawn before from the same DOT text and element texts (its process's file
        # changed, but not what the flow draws): the figure made then, retitled, under its
        # new key
        again = {
            index
            for index, job, source in zip(indexes, jobs, sources, strict=True)
            if drawn is not None
            and files is not None
            and _same_flow(drawn, files, requests[index], job, keys.get(index), source)
        }
        if again:
            pairs = [(i, job) for i, job in zip(indexes, jobs, strict=True) if i not in again]
            indexes, jobs = [i for i, _ in pairs], [job for _, job in pairs]
        # in a worker one Graphviz at a time (the workers fill the cores); here, two
        threads = 2 if os.getpid() == parent else 1
        # kept once, in ``files`` by what the map shows: a second copy by its DOT text would
        # double what a cold build writes, to spare one Graphviz run after an edit. Only a
        # landscape's drawing is kept as well: it is large, and a new purpose changes its
        # texts, not its drawing.
        named = {
            job.name: drawings[i] for i, job in zip(indexes, jobs, strict=True) if i in drawings
        }
        read = {job.name: before[i] for i, job in zip(indexes, jobs, strict=True) if i in before}
        kept = _KeptDrawings(files, named, read) if files is not None and named else None
        svgs = render_maps(
            jobs, None if files is not None else cache_dir, workers=threads, drawings=kept
        )
        made: dict[int, tuple[str, str] | None] = dict.fromkeys(again)
        for index, job, svg in zip(indexes, jobs, svgs, strict=True):
            text = inline_svg(svg.decode("utf-8"))
            key = keys.get(index)
            record = _record(job.title, text)
            if key is not None and files is not None and files.put_text("figures", key, record):
                made[index] = None
            else:  # no key, or a cache that cannot be written: held in memory
                made[index] = (job.title, text)
        return [(made[i], source) for i, source in zip(chosen[start:end], sources, strict=True)]

    def make(chosen: Sequence[int], *, told: bool, forks: bool = True) -> None:
        """Make the maps ``chosen`` (indexes of ``requests``): each taken from the cache
        where it is there, the others drawn, by forked workers where many are and ``forks``;
        ``told``: their progress is told (else it was, as if made)."""
        nonlocal done, to_draw
        flows: list[int] = []  # flow maps to draw: fifty to a worker's task and a Graphviz
        others: list[int] = []  # landscapes to draw: each by a Graphviz of its own
        for index in chosen:
            request = requests[index]
            if files is not None:
                landscape = None
                if request.kind == "process":
                    key = _flow_key(made_from, request)
                else:
                    landscape = _landscape_keys(made_from, request)
                    key = landscape.figure
                    drawings[index] = landscape.drawing
                    made_from.landscapes[request.key] = (landscape.drawing, landscape.figure)
                    files.file("drawings", landscape.drawing)  # kept for as long as it is shown
                cached = files.place("figures", key)  # text, not a Path: one per map
                retold = None
                if cached is None and landscape is not None:
                    retold = _retexted(made_from, files, request)
                if retold is not None:  # made here, of the drawing kept: held as made (the
                    # organisation's landscape is 4.5 MB at 5,000 processes, 15 ms to read)
                    found.add(request, _figure(request, retold[1], retold[0]), key)
                    found.made += 1
                    continue
                if cached is not None:
                    found.keep(request, cached, key)
                    if drawn is not None and request.kind == "process":
                        drawn.take(request.key)  # kept for the next build
                    continue
                keys[index] = key
            (flows if request.kind == "process" else others).append(index)
        found.made += len(flows) + len(others)
        to_draw += len(flows) + len(others)
        if drawing is not None:
            drawing(to_draw)
        tell = progress if told else None
        if tell:
            done += len(chosen) - len(flows) - len(others)
            tell(done, total)

        # one pool for all maps, so that no core waits between the flows and the
        # landscapes: the landscapes (fewer, larger, each drawn by a Graphviz of its own) a
        # few to a task, first; then the flows, fifty to a task and a Graphviz
        tasks = [(others, start, end) for start, end in chunks(len(others), LANDSCAPES)]
        tasks += [(flows, start, end) for start, end in chunks(len(flows), CHUNK)]
        shared = len(flows) > CHUNK or len(others) > LANDSCAPES  # else not worth the workers

        def work(first: int, last: int) -> list[list[tuple[tuple[str, str] | None, str]]]:
            return [draw(*tasks[number]) for number in range(first, last)]

        threshold = 2 if shared and forks else len(tasks) + 1
        for finished, results_made in run_batches(work, len(tasks), chunk=1, threshold=threshold):
            for (picked, start, end), results in zip(
                tasks[finished - len(results_made) : finished], results_made, strict=True
            ):
                for index, (result, source) in zip(picked[start:end], results, strict=True):
                    request = requests[index]
                    if files is not None and index in drawings:  # written by a worker: kept
                        files.file("drawings", drawings[index])
                    if drawn is not None and request.kind == "process" and index in keys:
                        drawn.put(request.key, (keys[index], source))
                    if result is None:  # in the cache, read when a page shows it
                        kept = files.place("figures", keys[index]) if files is not None else None
                        assert kept is not None
                        found.keep(request, kept, keys[index])
                    else:
                        found.add(request, _figure(request, result[1], result[0]), keys.get(index))
                if tell:
                    done += end - start
            if tell:
                tell(done, total)

    def kept_keys() -> None:
        """Keep the maps' keys for the next build, once every map is keyed."""
        if files is not None:
            now = _KEPT[0] = made_from.to_keep()
            # ``serve`` does not write them after every edit (a megabyte at 1,000
            # processes): a run after it keys again what changed since its first build
            if first and now != before:
                _store_keys(files.root / KEYS_FILE, now)

    left = set(later)
    make([index for index in range(total) if index not in left], told=True)
    if drawn is not None:
        drawn.save()
    if later:

        def rest(forks: bool) -> None:
            make(later, told=False, forks=forks)
            kept_keys()

        found.later(rest, [requests[index].key for index in later])
    else:
        kept_keys()
    return found


class DrawnFlows(UsedStore):
    """For each flow map (by ``MapRequest.key``): the key of its figure in the file cache and
    the hash of what it was drawn from (``_drawn_from``: its DOT text, its elements' texts,
    Graphviz's version). A process whose file changed where its flow does not draw it (a new
    purpose, which only the map's own description says) gets the figure drawn before,
    retitled, under its new key, without Graphviz. The store holds for one code fingerprint
    (``_code_fingerprint``), as the figures themselves."""

    NAME = "drawn flows"
    FILE = "flows.bin"


def _drawn_from(job: MapJob, version: str) -> str:
    """What a map's drawing and element texts are made from, as a hash: all but its own title
    and description, which ``retitled`` puts in again (see ``render.cache.cache_key``)."""
    from processkit.render.cache import cache_key

    return cache_key(replace(job, title="", desc=""), "svg", version)


def _same_flow(
    drawn: DrawnFlows,
    files: FileCache,
    request: MapRequest,
    job: MapJob,
    key: str | None,
    source: str,
) -> bool:
    """Whether the flow ``request`` was drawn before from ``source``; if so its figure is
    kept now under ``key``, with ``job``'s title and description."""
    from processkit.render.svg import retitled

    before = drawn.stored.get(request.key)
    if request.kind != "process" or key is None or before is None or before[1] != source:
        return False
    record = _kept_record(files, before[0])
    svg = retitled(record[1], job) if record is not None else None
    if svg is None:
        return False
    return files.put_text("figures", key, _record(job.title, svg))


#: At most this many processes with new words are put into a landscape made before: each is
#: looked for in the whole of it (a megabyte at 1,000 processes), so more than that take less
#: time made again from the drawing, all of its words at once.
RETEXTED = 50


def _retexted(keys: _MapKeys, files: FileCache, request: MapRequest) -> tuple[str, str] | None:
    """The title and SVG of the landscape ``request``, drawn as in the earlier build, where
    it is that build's figure with the new words of the processes whose words changed
    (``svg.retexted``), kept under its new key (``keys.landscapes``); else None. A new
    purpose changes a few elements' texts, and going through all of them again (the
    organisation's landscape has one per process) would cost more than the rest of a
    rebuild."""
    from processkit.render.landscape import process_words
    from processkit.render.svg import retexted

    before = keys.kept_landscape(request)
    drawing, figure = keys.landscapes[request.key]
    changed = keys.new_words(request.subject)
    if before is None or before[0] != drawing or changed is None or len(changed) > RETEXTED:
        return None
    record = _kept_record(files, before[1])
    if record is None:
        return None
    title, svg = record
    retold = retexted(svg, process_words(keys.repo, changed, area=request.subject))
    if retold is None or not files.put_text("figures", figure, _record(title, retold)):
        return None
    return title, retold


def _record(title: str, svg: str) -> str:
    """A figure as the file cache keeps it: its title, as a JSON string, on the first line,
    then its SVG as it is (a landscape is a megabyte: as JSON, every quote in it would be
    escaped when it is kept and read back when it is used)."""
    return json.dumps(title, ensure_ascii=False) + "\n" + svg


def _title_and_svg(data: bytes) -> tuple[str, str] | None:
    """The title and SVG of a figure kept as ``_record`` writes it; None where it is not (a
    file cut short ends before its ``</svg>``). Read as bytes: a carriage return in a text
    stays one."""
    head, newline, svg = data.decode("utf-8").partition("\n")
    try:
        title = json.loads(head) if newline else None
    except ValueError:
        return None
    if not isinstance(title, str) or not svg.endswith("</svg>"):
        return None
    return title, svg


def _read_record(path: str | Path) -> tuple[str, str] | None:
    """The title and SVG of the figure kept at ``path``; None where it is gone (pruned
    meanwhile by another build) or damaged (not UTF-8, not as ``_record`` writes it)."""
    try:
        return _title_and_svg(Path(path).read_bytes())
    except (OSError, ValueError):
        return None


def _kept_record(files: FileCache, key: str) -> tuple[str, str] | None:
    """The title and SVG of the figure kept under ``key`` (see ``_read_record``)."""
    kept = files.place("figures", key)
    return _read_record(kept) if kept is not None else None


def _kept_drawing(files: FileCache, key: str) -> bytes | None:
    """The landscape drawing kept under ``key`` (``LandscapeKeys.drawing``), or None."""
    found = files.file("drawings", key)
    try:
        return found.read_bytes() if found is not None else None
    except OSError:  # pruned meanwhile by another build: drawn again
        return None


@frozen
class _KeptDrawings:
    """The landscapes' drawings as Graphviz made them (``render.Drawings``), in ``files`` by
    the key of their DOT text (``LandscapeKeys.drawing``), found by the map's name."""

    files: FileCache
    keys: Mapping[str, str]
    #: the drawings found kept, read before the jobs were made (a job whose drawing is kept
    #: is made without DOT text), by the map's name
    read: Mapping[str, bytes]

    def get(self, job: MapJob) -> bytes | None:
        return self.read.get(job.name)

    def put(self, job: MapJob, data: bytes) -> None:
        key = self.keys.get(job.name)
        if key is not None:
            self.files.put_text("drawings", key, data.decode("utf-8"))


class Figures(Mapping[str, MapFigure]):
    """The site's maps by ``MapRequest.key`` (``order``: every map asked for): a flow map
    kept in the cache is read only when a page asks for it (a page taken as it was never
    does); ``digest`` tells whether a map is the same as in an earlier build without reading
    it. Maps to be made ``later`` are made when any is first asked for."""

    def __init__(self, order: Sequence[str] = ()) -> None:
        self._made: dict[str, MapFigure] = {}
        self._kept: dict[str, tuple[MapRequest, str]] = {}
        self._digests: dict[str, str] = {}
        self._order = list(order)
        #: the maps made in this build so far (``drawn``)
        self.made = 0
        self._later: Callable[[bool], None] | None = None
        self._pending: frozenset[str] = frozenset()
        #: what stopped the maps left for later being made (raised again when one is asked for)
        self._failed: BaseException | None = None

    @property
    def drawn(self) -> int:
        """The maps made in this build (drawn, or a map drawn before given its new texts);
        the others were taken from the cache."""
        self.complete()
        return self.made

    def later(self, make: Callable[[bool], None], keys: Iterable[str]) -> None:
        """``make`` makes the maps ``keys``, not made yet, when one is first asked for (told
        whether it may fork workers to draw them)."""
        self._later = make
        self._pending = frozenset(keys)

    def complete(self, *, forks: bool = False) -> None:
        """Make the maps left to be made ``later``, if any; by forked workers where many are
        to be drawn and ``forks`` (never while another thread of this process works, as
        Pagefind's do)."""
        if self._failed is not None:
            raise self._failed
        make, self._later = self._later, None
        if make is not None:
            try:
                make(forks)
            except BaseException as problem:
                self._failed = problem
                raise

    def _ready(self, key: object) -> None:
        """Make the maps left to be made, where ``key`` is one of them."""
        if key in self._pending and (self._later is not None or self._failed is not None):
            self.complete()

    def keep(self, request: MapRequest, path: str, key: str) -> None:
        self._kept[request.key] = (request, path)
        self._digests[request.key] = key

    def add(self, request: MapRequest, figure: MapFigure, key: str | None) -> None:
        self._made[request.key] = figure
        if key is not None:
            self._digests[request.key] = key

    def __getitem__(self, key: str) -> MapFigure:
        self._ready(key)
        found = self._made.get(key)
        if found is None:
            request, path = self._kept[key]  # KeyError for a map not asked for
            record = _read_record(path)
            if record is None:  # the page would show no map, or half of one
                raise ProcesskitError(
                    _(
                        "a map kept in the cache is damaged: {path}; remove it and try again",
                        path=path,
                    )
                )
            title, svg = record
            found = self._made[key] = _figure(request, svg, title)
        return found

    def __iter__(self) -> Iterator[str]:
        self.complete()
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, key: object) -> bool:
        self._ready(key)
        return key in self._made or key in self._kept

    def digest(self, key: str) -> str | None:
        """A hash of all the map ``key`` shows (None: no such map)."""
        self._ready(key)
        found = self._digests.get(key)
        if found is None and key in self:
            svg = self[key].svg
            found = self._digests[key] = hashlib.sha256(svg.encode("utf-8")).hexdigest()
        return found


def _code_fingerprint(repo: Repository, cache_dir: Path) -> str:
    """processkit's version, the map code and its words (the catalogue of the site's language,
    ``words.py``), Graphviz's version and the configuration."""
    from processkit import __version__, i18n
    from processkit.cache import code_digest
    from processkit.render.graphviz import find_dot
    from processkit.render.gvsetup import graphviz_version

    digest = hashlib.sha256(f"{__version__}\0{repo.config!r}\0".encode())
    digest.update(graphviz_version(find_dot(), cache_dir).encode("utf-8"))
    digest.update(
        code_digest("processkit.render", "processkit.domain", "processkit.words", __name__)
    )
    digest.update(i18n.catalogue_bytes(repo.config.site.language))
    return digest.hexdigest()


#: The kinds of entity a flow map shows (``_flow_key``), in the order its key holds them: of
#: the process drawn, of its areas, handbooks and roles their files; of each process it hands
#: over to or receives from (a ``partner``) only what the flow shows of it (``PARTNER_SHOWN``).
FLOW_SHOWS = ("area", "handbook", "process", "role", "partner")
#: What a flow shows of a process it hands over to or receives from: its name, its type (the
#: node's shape) and its status (a retired one is left out).
PARTNER_SHOWN = ("name", "type", "status")


def _of(repo: Repository, kind: str) -> Mapping[str, Record[Any]]:
    """The records of a kind of ``FLOW_SHOWS``: a ``partner`` is a process."""
    return repo.of_kind("process" if kind == "partner" else kind)


#: A flow's hand-overs (``MapBuilder.passes_by_process``), as items in their order.
_HandOvers = tuple[tuple[tuple[str, str], str | None], ...]
#: A flow's hand-overs, the ids it shows of each kind of ``FLOW_SHOWS`` (in that order), and
#: its key.
_FlowMadeFrom = tuple[_HandOvers, tuple[list[str], ...], str]


#: What a landscape's key holds of one process: the process's part of a flow's key (its file),
#: its area, and its drawn fields and its words as ``_landscape_parts`` writes them.
_LandscapeChunk = tuple[bytes, str, str, str]


@frozen
class _KeptKeys:
    """The maps' keys of a build, with what they were made from, for the next build in the
    same process (``serve`` builds after every edit): a flow none of whose inputs changed is
    not keyed again, nor is what a landscape holds of a process whose file is unchanged.
    Plain values only: it never holds a repository."""

    base: str
    #: kind -> id -> its part of a flow's key (``_MapKeys.files``), for the entities shown
    parts: dict[str, dict[str, bytes]]
    #: (link prefix, process id) -> what its flow's key was made from, and the key
    flows: dict[tuple[str, str], _FlowMadeFrom]
    #: process id -> what the landscapes' keys hold of it
    chunks: dict[str, _LandscapeChunk]
    #: a landscape's ``MapRequest.key`` -> its keys (``LandscapeKeys``: drawing, figure)
    landscapes: dict[str, tuple[str, str]]


#: The flow keys of the last build in this process, for the next (``serve``).
_KEPT: list[_KeptKeys | None] = [None]
#: The maps' keys of the last build, kept in the file cache's folder for the next run (a
#: ``publish`` after a commit): without them every flow is keyed again, 0.1 ms a process.
KEYS_FILE = "map-keys.bin"
_KEYS_STORE = "map keys"


def _stored_keys(path: Path) -> _KeptKeys | None:
    """The maps' keys kept in ``path`` by an earlier run, or None (none kept, or damaged)."""
    values = read_store(path, _KEYS_STORE)
    base, parts, flows, chunks, landscapes = (values.get(name) for name in _kept_fields())
    if not isinstance(base, str) or not all(
        isinstance(v, dict) for v in (parts, flows, chunks, landscapes)
    ):
        return None
    # what the keys are made of, looked at (a few milliseconds at 5,000 processes): a file of
    # the right version that holds something else is read as none, not used
    shapes = (
        all(isinstance(found, dict) for found in parts.values()),  # type: ignore[union-attr]
        all(_made_from(found) for found in flows.values()),  # type: ignore[union-attr]
        all(
            isinstance(found, tuple) and len(found) == 4
            for found in chunks.values()  # type: ignore[union-attr]
        ),
        all(
            isinstance(found, tuple) and len(found) == 2 and all(isinstance(k, str) for k in found)
            for found in landscapes.values()  # type: ignore[union-attr]
        ),
    )
    if not all(shapes):
        return None
    return _KeptKeys(base, parts, flows, chunks, landscapes)  # type: ignore[arg-type]


def _made_from(found: object) -> bool:
    """Whether ``found`` has the shape of a ``_FlowMadeFrom``."""
    return (
        isinstance(found, tuple)
        and len(found) == 3
        and isinstance(found[0], tuple)
        and isinstance(found[1], tuple)
        and len(found[1]) == len(FLOW_SHOWS)
        and isinstance(found[2], str)
    )


def _kept_fields() -> tuple[str, ...]:
    """The names of ``_KeptKeys``'s fields, in their order: what the keys file holds."""
    return tuple(found.name for found in fields(_KeptKeys))


def _store_keys(path: Path, kept: _KeptKeys) -> None:
    """Keep the maps' keys in ``path`` for the next run (a cache that cannot be written is
    left as it is)."""
    values = {name: getattr(kept, name) for name in _kept_fields()}
    write_store(path, _KEYS_STORE, values, later=True, recent=True)  # (kept ones never change)


class _MapKeys:
    """What the maps' keys of one build are made from, each part worked out once for all the
    maps: the hand-overs (``builder``'s), each file's text as a flow's key holds it, and what
    the landscapes show (``_LandscapeParts``). With the keys of an earlier build (``kept``),
    a flow whose inputs are all as they were then has its key from there."""

    def __init__(
        self,
        repo: Repository,
        builders: Mapping[str, MapBuilder],
        base: str,
        kept: _KeptKeys | None = None,
    ) -> None:
        self.repo = repo
        self.base = base
        self._builders = builders  # one per link prefix, all with the same hand-overs
        #: kind -> id -> its part of a flow's key: many flows show the same role or area
        self._files: dict[str, dict[str, bytes]] = {}
        self._parts: _LandscapeParts | None = None
        #: each kind's ids whose part is not as in ``kept``, and the flows keyed (for the
        #: next build)
        self._changed: dict[str, set[str]] | None = None
        self._kept = kept if kept is not None and kept.base == base else None
        self.flows: dict[tuple[str, str], _FlowMadeFrom] = {}
        self.chunks: dict[str, _LandscapeChunk] = {}
        self.landscapes: dict[str, tuple[str, str]] = {}
        #: the processes whose words in the landscapes changed since ``kept``, with their
        #: areas (None: not known for every process)
        self._new_words: list[tuple[str, str]] | None = None
        if self._kept is not None:
            self._changed = {}
            for kind in FLOW_SHOWS:
                present = {entity_id: self._part(kind, entity_id) for entity_id in _of(repo, kind)}
                self._files[kind] = dict(present)
                before = self._kept.parts.get(kind, {})
                self._changed[kind] = {
                    entity_id for entity_id, _ in present.items() ^ before.items()
                }

    @property
    def known_before(self) -> bool:
        """Whether the keys of an earlier build (with the same code and configuration) are
        known: then each map's key is worked out from what changed since."""
        return self._kept is not None

    @property
    def _builder(self) -> MapBuilder:
        return next(iter(self._builders.values()))

    @property
    def passes_by_process(self) -> dict[str, dict[tuple[str, str], str | None]]:
        return self._builder.passes_by_process

    def files(self, kind: str, ids: Iterable[str]) -> list[bytes]:
        """The parts of a flow's key of the entities ``ids`` of ``kind``: each one's file (its
        text, as read), or the entity itself; in the order of ``ids``."""
        known = self._files.setdefault(kind, {})
        found = []
        for entity_id in ids:
            part = known.get(entity_id)
            if part is None:
                part = known[entity_id] = self._part(kind, entity_id)
            found.append(part)
        return found

    def _part(self, kind: str, entity_id: str) -> bytes:
        record = _of(self.repo, kind).get(entity_id)
        if record is None:
            text = "-"
        elif kind == "partner":  # not its file: a new purpose of it changes no other flow
            text = repr(tuple(getattr(record.entity, name) for name in PARTNER_SHOWN))
        elif record.digest:  # the sha256 of the file's bytes
            text = f"{record.path}:{record.digest}"
        else:
            text = repr(record.entity)
        return f"{kind}:{entity_id}:{text}\0".encode("utf-8", "surrogatepass")

    def kept_key(self, prefix: str, process_id: str, passes: _HandOvers) -> str | None:
        """The key of the flow of ``process_id`` from the earlier build, where the flow has
        the same hand-overs and none of the entities it shows (itself among them) changed."""
        if self._kept is None or self._changed is None:
            return None
        found = self._kept.flows.get((prefix, process_id))
        if found is None or found[0] != passes:
            return None
        for kind, ids in zip(FLOW_SHOWS, found[1], strict=True):
            changed = self._changed[kind]
            if changed and not changed.isdisjoint(ids):
                return None
        self.flows[(prefix, process_id)] = found
        return found[2]

    def to_keep(self) -> _KeptKeys:
        """The flow keys of this build, for the next one, with the parts of the entities they
        show: an entity whose part is not there (or is of one missing) counts as changed."""
        return _KeptKeys(self.base, self._files, self.flows, self.chunks, self.landscapes)

    def kept_landscape(self, request: MapRequest) -> tuple[str, str] | None:
        """The keys (drawing, figure) of the landscape ``request`` in the earlier build."""
        return self._kept.landscapes.get(request.key) if self._kept is not None else None

    def new_words(self, area: str | None) -> list[str] | None:
        """The processes (of ``area``, or all) whose words in the landscapes (their
        ``LANDSCAPE_WORDS``) changed since the earlier build; None where that is not known of
        every process."""
        if self._kept is None:
            return None
        if self._new_words is None:
            self.landscape_parts  # noqa: B018 - the chunks of this build, worked out once
            before = self._kept.chunks  # this build's chunks hold every process
            if set(before) != set(self.chunks):
                return None
            self._new_words = [
                (process_id, chunk[1])
                for process_id, chunk in self.chunks.items()
                if before[process_id][3] != chunk[3]
            ]
        return [pid for pid, where in self._new_words if area is None or where == area]

    @property
    def landscape_parts(self) -> _LandscapeParts:
        if self._parts is None:
            # a process's part is known here from the second build on (see ``__init__``)
            self._parts = _landscape_parts(
                self.repo,
                self._builder.passes,
                self._files.get("process", {}),
                self._kept.chunks if self._kept is not None else {},
                self.chunks,
            )
        return self._parts


def _flow_key(keys: _MapKeys, request: MapRequest) -> str:
    """What a process's flow map shows, as a hash: the files (their text, as read) of the
    process and of every role, handbook and area it draws, what it shows of each process it
    hands over to or receives from, and its hand-overs."""
    assert request.subject is not None
    process = keys.repo.processes[request.subject].entity
    passes = keys.passes_by_process.get(process.id, {})
    handed = tuple(passes.items())
    kept = keys.kept_key(request.prefix, process.id, handed)
    if kept is not None:
        return kept
    partners = {other for pair in passes for other in pair} - {process.id}
    roles: set[str | None] = set()
    handbooks: set[str] = set()
    for activity in process.activities:
        roles.update(activity_roles(activity))
        handbooks.update(activity.documents)
    # by kind (``FLOW_SHOWS``), then id
    shown = (
        [process.area],
        sorted(handbooks),
        [process.id],
        sorted(role for role in roles if role),
        sorted(partners),
    )
    parts = []
    for kind, ids in zip(FLOW_SHOWS, shown, strict=True):
        parts += keys.files(kind, ids)
    digest = hashlib.sha256(f"{keys.base}\0{request.prefix}\0{process.id}\0{passes!r}\0".encode())
    digest.update(b"".join(parts))
    key = digest.hexdigest()
    keys.flows[(request.prefix, process.id)] = (handed, shown, key)
    return key


#: What of a process a landscape draws (its node's words and place).
LANDSCAPE_FIELDS = ("name", "type", "status", "parent", "area")
#: What of a process a landscape says besides, in each node's description and tooltip: put in
#: after Graphviz drew it (``NodeInfo.tooltip``), so a new purpose is not drawn again.
LANDSCAPE_WORDS = ("purpose",)


@frozen
class LandscapeKeys:
    """A landscape's two cache keys: ``drawing`` for what Graphviz draws (its DOT text), and
    ``figure`` for the map shown, with every word a reader gets."""

    drawing: str
    figure: str


def _landscape_keys(keys: _MapKeys, request: MapRequest) -> LandscapeKeys:
    """What a landscape shows, as hashes: each area's words and order, and of the processes
    drawn (the area's, or all) the fields ``LANDSCAPE_FIELDS`` and the hand-overs among them
    (its drawing), and with those the fields ``LANDSCAPE_WORDS`` (the figure).
    ``tests/test_map_keys.py`` changes every field of a process and checks that the DOT text
    changes only where the drawing's key does, and the figure only where its key does."""
    shown = keys.landscape_parts
    area = request.subject
    areas = sorted(shown.processes) if area is None else [area]
    digest = hashlib.sha256(f"{keys.base}\0{request.prefix}\0{request.key}\0".encode())
    digest.update(shown.areas)
    for area_id in areas:
        digest.update(f"{area_id}\0".encode())
        digest.update(shown.processes.get(area_id, b""))
    # the hand-overs among the processes drawn: all, or those within the area
    passes = shown.passes if area is None else shown.passes_within.get(area, b"[]")
    digest.update(passes)
    drawing = digest.hexdigest()
    digest = hashlib.sha256(f"{drawing}\0".encode())
    for area_id in areas:
        digest.update(shown.words.get(area_id, b""))
    return LandscapeKeys(drawing, digest.hexdigest())


@frozen
class _LandscapeParts:
    """What the landscapes show, worked out once for all of them: the areas' words, per area
    the drawn fields of its processes and their other words, and the hand-overs."""

    areas: bytes
    processes: dict[str, bytes]
    words: dict[str, bytes]
    #: the hand-overs (in the order of ``MapBuilder.passes``): all, and per area those within it
    passes: bytes
    passes_within: dict[str, bytes]


def _landscape_parts(
    repo: Repository,
    passes: Mapping[tuple[str, str], str | None],
    files: Mapping[str, bytes] | None = None,
    kept: Mapping[str, _LandscapeChunk] | None = None,
    made: dict[str, _LandscapeChunk] | None = None,
) -> _LandscapeParts:
    """What the landscapes show. A process whose part of a flow's key (its file, ``files``)
    is that of its chunk ``kept`` from an earlier build has its chunk from there; every
    process's chunk is put in ``made`` (with an empty part where its part is not known)."""
    files, kept = files or {}, kept or {}
    words = [
        (area_id, record.entity.name, record.entity.customers, record.entity.order)
        for area_id, record in sorted(repo.areas.items())
    ]
    chunks: dict[str, list[str]] = {}
    said: dict[str, list[str]] = {}
    area_of: dict[str, str] = {}
    for process_id, record in sorted(repo.processes.items()):
        part = files.get(process_id)
        found = kept.get(process_id)
        if part is None or found is None or found[0] != part:
            process = record.entity
            fields = tuple(getattr(process, name) for name in LANDSCAPE_FIELDS)
            texts = tuple(getattr(process, name) for name in LANDSCAPE_WORDS)
            found = (
                part or b"",
                process.area,
                f"{process_id}{fields!r}\0",
                f"{process_id}{texts!r}\0",
            )
        if made is not None:  # a chunk whose file is not known (b"") is worked out again
            made[process_id] = found
        area = area_of[process_id] = found[1]
        chunks.setdefault(area, []).append(found[2])
        said.setdefault(area, []).append(found[3])

    def joined(found: dict[str, list[str]]) -> dict[str, bytes]:
        return {a: "".join(c).encode("utf-8", "surrogatepass") for a, c in found.items()}

    def listed(pairs: list[tuple[str, str]]) -> bytes:
        return repr(pairs).encode("utf-8", "surrogatepass")

    within: dict[str, list[tuple[str, str]]] = {}
    for pair in passes:
        sender, receiver = area_of.get(pair[0]), area_of.get(pair[1])
        if sender is not None and sender == receiver:
            within.setdefault(sender, []).append(pair)
    parts = _LandscapeParts(
        repr(words).encode("utf-8", "surrogatepass"),
        joined(chunks),
        joined(said),
        listed(list(passes)),
        {area: listed(pairs) for area, pairs in within.items()},
    )
    return parts


#: Flow maps drawn by one worker at a time (and one Graphviz): progress is told between them.
CHUNK = 50
#: Landscapes drawn by one worker at a time.
LANDSCAPES = 4
