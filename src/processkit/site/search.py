"""The search index: Pagefind (from the ``pagefind-bin`` package) run over the built site.

Pagefind indexes the ``data-pagefind-body`` part of each page (the main content, not the
menus) and takes the language from ``<html lang>``, so Swedish words are stemmed as Swedish.

The index is made in shards: one for the pages that change with every commit (the start page,
the change log), one for the lists, the process pages spread over shards of about a hundred
by a hash of their address, and the other entities' pages likewise (a large site's shards
shared out in proportion to their pages: see ``plan``). Each shard is a Pagefind
bundle under ``pagefind/<shard>/``; the search page merges them (Pagefind's ``mergeIndex``).
A shard whose pages are byte for byte those of an earlier build is taken from the cache, so
a rebuild after one process changed indexes a hundred pages, not all of them; and the shards
that must be made are made two at a time: the process pages' shards while the build makes the
other pages, then theirs beside them. What Pagefind writes in an order that changes from run to
run (filters, sort orders, languages) is put in one after it ran (``_settle``).
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
import zlib
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache, partial
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote

from processkit.cache import store_bytes, stored_values
from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.fsutil import read_bytes, write_atomic_bytes
from processkit.i18n import N_, _
from processkit.site.filecache import FileCache, link_file, link_tree
from processkit.site.output import Placing
from processkit.site.searchtext import given, spaced

FOLDER = "pagefind"
#: What kind of page a search hit is, by the template that draws the page (Pagefind's ``kind``
#: meta, shown beside each result); other pages are overview pages.
KINDS = {
    "process.html": N_("Process"),
    "area.html": N_("Delivery area"),
    "role.html": N_("Role"),
    "handbook.html": N_("Handbook"),
    "start.html": N_("Start page"),
}
OVERVIEW = N_("Overview")
#: Changes to what Pagefind is given besides the pages themselves (``searchtext.spaced``): a
#: new value makes the cached indexes and the kept copies of the pages stale.
_STAGING = "spaced-5"
#: Changes to what is done to a bundle after Pagefind wrote it (``_settle``): a new value
#: makes the cached bundles stale.
_SETTLED = "settled-1"
#: The kind of the file cache's entries that keep what Pagefind is given of a page.
STAGED = "staged"
#: The folder in the file cache where the copies Pagefind reads are put together.
STAGES = ".staging"
#: Where the process pages are (``KindInfo.page_path``).
PROCESS_PAGES = "processes/"
#: About this many process pages go into one shard.
PER_SHARD = 100
MAX_SHARDS = 16
#: The pages that stand alone whose searched text changes with every commit (the recent
#: changes of the start page, the change log) or day (the accessibility statement's date).
EVERY_BUILD = frozenset({"index.html", "changes.html", "accessibility.html"})
#: The file of a bundle that names its index of each language, where its filters are, and what
#: a filter's file is called.
_ENTRY, _FILTERS, _FILTER = "pagefind-entry.json", "filter", ".pf_filter"
#: What a merged (not primary) bundle keeps: its index, not Pagefind's code.
_DATA = (_ENTRY, "index", "fragment", _FILTERS)
#: What the primary bundle keeps besides its data: the search code (no ready-made UI).
_CODE = ("pagefind.js", "pagefind-worker.js")


@frozen
class Shard:
    name: str
    pages: tuple[str, ...]

    @property
    def bundle(self) -> str:
        """The bundle's folder in the site, relative to its root, ending in ``/``."""
        return f"{FOLDER}/{self.name}/"


def plan(indexed: Sequence[str]) -> list[Shard]:
    """The shards of the pages to index: ``main`` first (it carries the search code), with the
    pages that stand alone and change with every commit or day (``EVERY_BUILD``), so that
    indexing them again costs little; ``l00``, the other pages that stand alone: the lists
    (of owners, maturity, proposals: a line per process, the largest texts of a site; of
    roles, of handbooks); then the process pages, and the other entities' pages (areas,
    roles, handbooks), each in groups of about ``PER_SHARD`` chosen by a hash of the address,
    so that a new page does not move the others. At most ``MAX_SHARDS`` in all: where more
    would be wanted, the process pages and the other entities' pages share the shards left in
    proportion to their pages (one at least each), so that no shard is much larger than the
    others (Pagefind's time for a shard grows with its pages, and an edit waits for the
    largest it changes)."""
    processes = sorted(path for path in indexed if path.startswith(PROCESS_PAGES))
    entities = sorted(p for p in indexed if "/" in p and not p.startswith(PROCESS_PAGES))
    alone = sorted(path for path in indexed if "/" not in path)
    lists = tuple(path for path in alone if path not in EVERY_BUILD)
    room = MAX_SHARDS - 1 - (1 if lists else 0)
    count = math.ceil(len(processes) / PER_SHARD)
    others = min(MAX_SHARDS // 4, math.ceil(len(entities) / PER_SHARD))
    if count + others > room:
        share = round(room * len(entities) / (len(entities) + len(processes)))
        others = min(others, max(1, share), room - 1)
        count = min(count, room - others)
    shards = [Shard("main", tuple(path for path in alone if path in EVERY_BUILD))]
    shards += [Shard("l00", lists)] if lists else []
    shards += _groups("p", processes, count)
    shards += _groups("o", entities, others)
    return shards


def of_processes(shard: Shard) -> bool:
    """Whether ``shard`` holds process pages only (``plan``'s ``p`` shards)."""
    return all(path.startswith(PROCESS_PAGES) for path in shard.pages)


def _groups(prefix: str, paths: Sequence[str], count: int) -> list[Shard]:
    groups: list[list[str]] = [[] for _ in range(count)]
    for path in paths:
        groups[zlib.crc32(path.encode("utf-8")) % count].append(path)
    return [
        Shard(f"{prefix}{number:02d}", tuple(group)) for number, group in enumerate(groups) if group
    ]


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        raise ProcesskitError(
            _(
                "the search index needs the pagefind-bin package; install it with "
                "`pip install pagefind-bin`"
            )
        ) from None
    try:
        return Path(get_executable())
    except FileNotFoundError:
        raise ProcesskitError(
            _("the pagefind-bin package has no pagefind program for this machine; reinstall it")
        ) from None


@cache
def pagefind_version() -> str:
    result = subprocess.run(
        [str(pagefind_executable()), "--version"], capture_output=True, text=True, check=False
    )
    return result.stdout.strip()


def start_index(
    site: Path,
    shards: Sequence[Shard],
    read: Mapping[str, bytes],
    cache: FileCache | None = None,
    earlier: Path | None = None,
    *,
    whole: bool = False,
    placing: Placing | None = None,
    earlier_keys: Mapping[str, str | None] | None = None,
    stages_in: Path | None = None,
    primary: Shard | None = None,
    after: Indexing | None = None,
) -> Indexing:
    """Write every shard's bundle under ``site/pagefind/``: from ``cache`` where its pages
    are as they were, else indexed now; with ``earlier`` (the site this one replaces, for a
    preview) a shard that would be indexed is taken as it was there, out of date, when it is
    there. ``read`` holds, per page, the hash of what Pagefind is given of it (``given``):
    the part of the page it indexes, or with ``whole`` (a repository's own templates, which
    may put Pagefind's filters or the title anywhere) the whole page. What it is given is
    kept in ``cache`` by that hash, for the next time the page's shard is indexed. A bundle
    the folder holds already (``placing``: a reused one) is left as it is; ``earlier_keys``
    are the keys of the bundles of ``earlier``. The copies Pagefind reads are put in folders
    in ``stages_in``, a folder of the cache this build holds alone (what a run that was
    stopped left there is removed first), else beside ``site``.

    The shards to index are given to Pagefind first, two at a time, and go on in the
    background; the bundles taken as they were are linked meanwhile, before this returns
    (Pagefind runs in processes of its own: linking beside it, not before it, takes the
    linking off the build's path). The caller waits with ``Indexing.wait``.

    ``primary`` is the shard that carries the search code (None: the first of ``shards``; it
    need not be one of them). ``after`` is the indexing of other shards of the same site,
    started before: these are indexed beside it, one at a time, in its folder of stages, and
    the indexing returned waits for both (a build starts the process pages' shards before it
    makes the other pages: see ``processkit.site.build``)."""
    primary = shards[0] if primary is None else primary
    version = pagefind_version()
    staged: dict[str, str] = {}
    if cache is not None:
        # every page's copy is kept, also in the shards not indexed now, for when they are
        for path, digest in read.items():
            staged[path] = key = staged_key(digest, whole=whole)
            cache.use(STAGED, key)
    if after is not None:
        parent = after.parent
    else:
        parent = _stages_folder(stages_in) if stages_in is not None else None
    todo: list[tuple[Shard, str]] = []
    taken: list[tuple[Path, Shard]] = []
    kept: list[tuple[Shard, str]] = []
    stale = 0
    for shard in shards:
        key = _key(shard, read, version, primary=shard == primary, whole=whole)
        found = cache.folder("search", key) if cache is not None else None
        made_by: str | None = key
        # a reused folder may hold it up to date (an edit undone): not taken out of date
        held = placing is not None and placing.holds_bundle(shard.bundle, key)
        if found is None and not held and earlier is not None and (earlier / shard.bundle).is_dir():
            found = earlier / shard.bundle
            made_by = (earlier_keys or {}).get(shard.bundle)
            stale += 1
        if placing is not None and placing.bundle(shard.bundle, made_by):
            if found is None and cache is not None:  # kept for the builds after
                kept.append((shard, key))
            continue  # held as it is by a reused folder
        if found is not None:
            taken.append((found, shard))
        else:
            todo.append((shard, key))

    def index(
        shard: Shard, key: str, stage: str, missing: list[str], reused: dict[str, str]
    ) -> None:
        _index_shard(
            site,
            shard,
            primary=shard == primary,
            whole=whole,
            cache=cache,
            staged=staged,
            stage=stage,
            missing=missing,
            made=(key, version),
            reused=reused,
        )
        if cache is not None:
            cache.put_folder("search", key, site / shard.bundle)

    # beside shards under way, one at a time: a third Pagefind at most on the machine's cores
    pool = ThreadPoolExecutor(max_workers=2 if after is None else 1)
    stages: list[str] = []
    try:
        running = []
        for shard, key in todo:
            stages.append(_new_stage(parent or site.parent))
            # the copies kept are linked here: in a thread beside this one, each link waits
            # for the interpreter's lock, and 500 took 0.2 s instead of 0.03 s
            missing = _stage(stages[-1], shard.pages, cache, staged)
            # here too, for the same reason: 414 fragments took 0.06 s in the shard's thread
            reused = _reuse(site / shard.bundle, shard, cache, staged, version)
            running.append(pool.submit(index, shard, key, stages[-1], missing, reused))
        for found, shard in taken:
            link_tree(found, site / shard.bundle)
        for shard, key in kept:
            assert cache is not None
            cache.put_folder("search", key, site / shard.bundle)
    except BaseException:  # the shards under way end before the error goes on
        pool.shutdown(wait=True, cancel_futures=True)
        _remove(stages)
        if after is not None:
            after.stop()
        raise
    indexing = Indexing([pool], running, stale, stages, parent)
    return indexing if after is None else after.joined(indexing)


class Indexing:
    """The shards ``start_index`` gave to Pagefind, being indexed: by the threads of
    ``pools``; ``parent`` holds their staging folders (None: beside the site)."""

    def __init__(
        self,
        pools: list[ThreadPoolExecutor],
        running: list[Future[None]],
        stale: int,
        stages: list[str],
        parent: Path | None = None,
    ):
        self._pools = pools
        self._running = running
        self._stale = stale
        #: the staging folders of the shards (each removed by its shard, or here where the
        #: shard never ran)
        self._stages = stages
        self.parent = parent

    def joined(self, other: Indexing) -> Indexing:
        """One indexing of this one's shards and ``other``'s, waited for together."""
        return Indexing(
            self._pools + other._pools,
            self._running + other._running,
            self._stale + other._stale,
            self._stages + other._stages,
            self.parent,
        )

    def wait(self) -> Indexed:
        """Wait for every shard; the first error of one is raised once all have ended (none
        is left writing into a folder that is then removed)."""
        try:
            for future in self._running:
                future.result()
        finally:
            self.stop()
        return Indexed(len(self._running), self._stale)

    def stop(self) -> None:
        """Wait for the shards under way, start no more, and drop their errors (the build
        failed otherwise: that error is the one told)."""
        for pool in self._pools:  # none starts another shard while one is waited for
            pool.shutdown(wait=False, cancel_futures=True)
        for pool in self._pools:
            pool.shutdown(wait=True)
        _remove(self._stages)


def _remove(folders: Sequence[str]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


@frozen
class Indexed:
    """What the indexing did (``Indexing.wait``): shards indexed, and shards taken out of
    date from the site before (a preview's, to be indexed by the next build)."""

    indexed: int
    stale: int


def page_kind(template: str) -> str:
    """The kind of page, in the current language, that a search result names."""
    return _(KINDS.get(template, OVERVIEW))


def _key(
    shard: Shard, read: Mapping[str, bytes], version: str, *, primary: bool, whole: bool
) -> str:
    """What the shard's index is made from: each page's address, language and main content
    (what Pagefind is given: ``given_digest``), not the menus and footer, whose publication
    date changes on every commit."""
    prefix = f"{version}\0{_STAGING}\0{_SETTLED}\0{shard.name}\0{primary}\0{whole}\0"
    digest = hashlib.sha256(prefix.encode())
    for path in shard.pages:
        digest.update(path.encode("utf-8") + b"\0" + read[path])
    return digest.hexdigest()


def staged_key(digest: bytes, *, whole: bool) -> str:
    """The key in the file cache of the copy of a page Pagefind is given, where ``digest``
    is the hash of what it is given of the page (``given``, ``whole`` or not): the copy is
    that, ``spaced``."""
    prefix = f"{_STAGING}\0{whole}\0".encode()
    return hashlib.sha256(prefix + digest).hexdigest()


def given_digest(html: bytes, *, whole: bool) -> bytes:
    """The hash of what Pagefind is given of a page (``given``)."""
    return _kept_as(given(html, whole=whole), whole=whole)[0]


def _kept_as(text: bytes, *, whole: bool) -> tuple[bytes, str]:
    """The hash of ``text``, what Pagefind is given of a page (``whole`` or not), and the key
    its copy is kept under (``staged_key``)."""
    digest = hashlib.sha256(text).digest()
    return digest, staged_key(digest, whole=whole)


def keep_copy(html: bytes, *, whole: bool, cache: FileCache) -> bytes:
    """``given_digest`` of a page, with the copy Pagefind reads of it kept in ``cache`` by
    that hash (``staged_key``), where it is not yet. Called as the page is made (in a
    worker, in a build from nothing), so that the threads that index the shards link the
    copies and make only those the cache lost (made there, they shared the interpreter's
    lock with the build's own thread, which writes the feeds meanwhile)."""
    text = given(html, whole=whole)
    digest, key = _kept_as(text, whole=whole)
    if cache.place(STAGED, key) is None:
        cache.put_bytes(STAGED, key, spaced(text, whole=whole))
    return digest


def _stages_folder(folder: Path) -> Path | None:
    """``folder``, emptied of what a run that was stopped left there, or None where it cannot
    be made."""
    shutil.rmtree(folder, ignore_errors=True)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def _new_stage(parent: Path) -> str:
    """A new staging folder for a shard's copies, in ``parent``."""
    return tempfile.mkdtemp(prefix=".pagefind-", dir=parent)


def _stage(
    stage: str, pages: Sequence[str], cache: FileCache | None, staged: Mapping[str, str]
) -> list[str]:
    """Link into the folder ``stage`` the copy of each of ``pages`` that ``cache`` holds (by
    its key in ``staged``); the pages whose copy is still to make, in ``pages``' order. Every
    page takes its place in that order: Pagefind numbers the pages in the order the folder
    lists them, which some file systems keep as they were made. So a copy to make that comes
    before one linked here is an empty file already; those after the last linked are not
    there yet (their folders may be): the shard's thread makes them, in order, after the
    others (where the cache lost every copy, all of them)."""
    missing: list[str] = []
    waiting = 0  # the first of ``missing`` not yet made (nor its folder)
    folders: set[str] = set()
    made = partial(_place_in, stage, folders=folders)
    for path in pages:
        key = staged.get(path)
        if (
            cache is not None
            and key is not None
            and (waiting == len(missing) or cache.place(STAGED, key) is not None)
        ):
            for earlier in missing[waiting:]:  # their places come first
                os.close(os.open(made(earlier), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
            waiting = len(missing)
            if cache.link(STAGED, key, made(path)):
                continue
        missing.append(path)
    return missing


def _place_in(stage: str, path: str, *, folders: set[str]) -> str:
    """Where the copy of the page at ``path`` goes in the folder ``stage``, its folder made
    where ``folders`` (those made already) does not hold it."""
    target = os.path.join(stage, path)
    parent = os.path.dirname(target)
    if parent not in folders:
        os.makedirs(parent, exist_ok=True)
        folders.add(parent)
    return target


def _index_shard(
    site: Path,
    shard: Shard,
    *,
    primary: bool,
    whole: bool = False,
    cache: FileCache | None = None,
    staged: Mapping[str, str] | None = None,
    stage: str | None = None,
    missing: Sequence[str] | None = None,
    made: tuple[str, str] | None = None,
    reused: dict[str, str] | None = None,
) -> None:
    """Index the shard's pages (copies in a staging folder, ``spaced``) into its bundle. The
    copies ``cache`` holds (by their keys in ``staged``) are linked from there; those it
    lost (or never held: a page taken as it was whose copy was removed) are made here from
    the pages in ``site``, and kept there again. ``stage`` is the staging folder where the
    copies are linked already (``_stage``), but for the ``missing`` pages; without it one is
    made beside ``site``. Some of the ``missing`` pages may not be there yet, nor their
    folders (see ``_stage``). It is removed at the end.

    With ``made`` (the bundle's key in ``cache`` and Pagefind's version), what each fragment
    of the bundle is made of is kept for the next time (``_keep_made_of``); ``reused`` are the
    fragments of the shard's last bundle the caller put in the bundle already, where their
    pages are given as they were (``_reuse``)."""
    staged = staged or {}
    if stage is None:
        stage = _new_stage(site.parent)
        try:
            missing = _stage(stage, shard.pages, cache, staged)
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
    assert missing is not None, "a staging folder is given with the pages still to copy"
    try:
        folders: set[str] = set()
        #: pages whose copy made here is not the one their key names (never kept so)
        unlike: set[str] = set()
        for path in missing:
            # a page after the last copy linked is not there yet, nor its folder (``_stage``)
            target = Path(_place_in(stage, path, folders=folders))
            text = given((site / path).read_bytes(), whole=whole)
            target.write_bytes(spaced(text, whole=whole))
            key = staged.get(path)
            # kept by the hash of the bytes read: never under a key that does not fix them
            if key != _kept_as(text, whole=whole)[1]:
                unlike.add(path)
            elif cache is not None and key is not None:
                cache.put_file(STAGED, key, target)
        output = (site / shard.bundle).resolve()
        reused = reused or {}
        _run_pagefind(stage, output)
        kept = made is not None and cache is not None  # what the fragments are made of
        pages = _pages(output, _fragments(output), reused) if reused or kept else None
        if reused and (pages is None or not _sound(pages, reused)):
            # a fragment put there that another page took the name of (or an index that
            # cannot be read): made again from nothing
            shutil.rmtree(output)
            reused = {}
            _run_pagefind(stage, output)
            pages = _pages(output, _fragments(output), reused) if kept else None
        if kept and pages is not None:
            assert made is not None and cache is not None
            _keep_made_of(cache, shard, made, pages, staged, unlike)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    keep = {*_DATA, *(_CODE if primary else ())}
    for entry in sorted(output.iterdir()):
        wanted = entry.name in keep or entry.name.endswith(".pf_meta")
        wanted = wanted or (primary and entry.name.startswith("wasm."))
        if not wanted:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def _run_pagefind(stage: str, output: Path) -> None:
    """Pagefind run over the copies in the folder ``stage``, its bundle written to ``output``."""
    command = [
        str(pagefind_executable()),
        "--site",
        stage,
        "--output-path",
        str(output),
        "--keep-index-url",  # results link to ….html files: any server, any prefix
        "--silent",
    ]
    # run in the staging folder, without Pagefind's settings from the environment: a
    # pagefind.yml where processkit is run, or PAGEFIND_ variables, would change the index
    settings = {name for name in os.environ if name.upper().startswith("PAGEFIND_")}
    environment = {name: value for name, value in os.environ.items() if name not in settings}
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=stage,
        env=environment,
    ) as running:
        _reader()  # while Pagefind runs, not after it (0.01 s)
        said, problem = running.communicate()
    if running.returncode != 0:
        detail = (problem or said).strip().splitlines()
        raise ProcesskitError(
            _("the search index could not be built: {problem}", problem=detail[-1])
            if detail
            else _("the search index could not be built: pagefind failed")
        )
    _settle(output)


def _settle(output: Path) -> None:
    """Put what Pagefind 1.5 writes in the order of a hash map, which changes from run to
    run, in the order of names, so that two builds of the same pages make the same bundle:
    the languages in ``pagefind-entry.json``, and in each language's index its filters, each
    filter's values and its sort orders. The files changed are named after their content, as
    Pagefind names its files (its source after 1.5.2 sorts them itself, as here), and written
    packed as here where an index has filters or sort orders, so that their bytes do not
    depend on the order Pagefind chanced on. A bundle not as this reads it (another
    Pagefind's) is left as it is."""
    cbor2 = _reader()
    entry = output / _ENTRY
    if cbor2 is None or not entry.is_file():
        return
    said = read_bytes(os.fspath(entry))
    try:
        told = json.loads(said)
        languages = told["languages"]
        if _compact(told) != said or not isinstance(languages, dict):
            return  # not written as Pagefind writes it: written again, it would differ
        names = {language: found["hash"] for language, found in languages.items()}
    except (ValueError, LookupError, TypeError):
        return
    files: dict[Path, bytes] = {}
    gone: set[Path] = set()
    for language, name in names.items():
        if not (isinstance(language, str) and isinstance(name, str) and _NAMED.fullmatch(name)):
            return
        settled = _settled_index(cbor2, output, language, name)
        if settled is None:
            return
        if settled[1]:  # filters or sort orders
            languages[language] = {**languages[language], "hash": settled[0]}
            files.update(settled[1])
            gone |= settled[2]
    told["languages"] = dict(sorted(languages.items()))
    for path, data in files.items():
        write_atomic_bytes(path, gzip.compress(_SIGNATURE + data, compresslevel=9, mtime=0))
    ordered = _compact(told)
    if ordered != said:
        write_atomic_bytes(entry, ordered)
    for path in gone - files.keys():
        path.unlink()


def _compact(value: object) -> bytes:
    """``value`` in JSON as Pagefind writes ``pagefind-entry.json``."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _settled_index(
    cbor2: ModuleType, output: Path, language: str, name: str
) -> tuple[str, dict[Path, bytes], set[Path]] | None:
    """The index ``name`` of ``language`` in the bundle ``output`` settled (``_settle``):
    its name, the files to write (unpacked: their content after Pagefind's signature; none
    where it has neither filters nor sort orders) and those they replace; None where the
    index cannot be read as Pagefind 1.x writes it (each file must read back to the bytes
    Pagefind wrote)."""
    meta = _unpacked(cbor2, output / f"pagefind.{name}.pf_meta")
    if meta is None or len(meta[1]) < 5:
        return None
    index = meta[1]
    filters, sorts = index[3], index[4]
    if not (isinstance(filters, list) and isinstance(sorts, list)):
        return None
    if not all(_pair(item) for item in (*filters, *sorts)):
        return None
    if not filters and not sorts:
        return name, {}, set()
    files: dict[Path, bytes] = {}
    gone = {output / f"pagefind.{name}.pf_meta"}
    settled_filters: list[list[str]] = []
    for filter_name, file_name in sorted(filters, key=lambda item: item[0]):
        if not (isinstance(file_name, str) and _NAMED.fullmatch(file_name)):
            return None
        old = output / _FILTERS / f"{file_name}{_FILTER}"
        found = _unpacked(cbor2, old)
        if found is None or found[1][:1] != [filter_name] or len(found[1]) != 2:
            return None
        values = found[1][1]
        if not (isinstance(values, list) and all(_pair(value) for value in values)):
            return None
        content = cbor2.dumps([filter_name, sorted(values, key=lambda value: value[0])])
        new = _named(language, content, 7, {name for _, name in settled_filters})
        settled_filters.append([filter_name, new])
        files[output / _FILTERS / f"{new}{_FILTER}"] = content
        gone.add(old)
    settled = [*index[:3], settled_filters, sorted(sorts, key=lambda item: item[0]), *index[5:]]
    content = cbor2.dumps(settled)
    new_name = f"{language}_{_pagefind_hash(content)[: len(language) + 8]}"
    files[output / f"pagefind.{new_name}.pf_meta"] = content
    return new_name, files, gone


def _decoded(cbor2: ModuleType, path: Path) -> tuple[bytes, object] | None:
    """The content of Pagefind's file ``path`` (unpacked, after its signature) and what it
    holds, or None where it cannot be read."""
    try:
        data = gzip.decompress(read_bytes(os.fspath(path)))
        if not data.startswith(_SIGNATURE):
            return None
        content = data[len(_SIGNATURE) :]
        return content, cbor2.loads(content)
    except (OSError, EOFError, ValueError, LookupError, TypeError, zlib.error, cbor2.CBORError):
        return None  # (cbor2 6 raises CBORErrors, which are no longer ValueErrors)


def _unpacked(cbor2: ModuleType, path: Path) -> tuple[bytes, list[object]] | None:
    """The content of Pagefind's file ``path`` (``_decoded``) and the list it holds, where it
    is one that reads back to the same bytes; else None."""
    found = _decoded(cbor2, path)
    if found is None or not isinstance(found[1], list):
        return None
    try:
        again = cbor2.dumps(found[1])
    except (ValueError, TypeError, cbor2.CBORError):
        return None
    return (found[0], found[1]) if again == found[0] else None


def _pair(item: object) -> bool:
    """Whether ``item`` is a pair whose first is a name (a filter's or a sort's, with its
    file or its pages; a value, with its pages)."""
    return isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)


def _pagefind_hash(data: bytes) -> str:
    """What Pagefind names its files after: the SHA-1 of their content, each byte in hex
    digits without a leading zero."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data, usedforsecurity=False).digest())


def _named(language: str, content: bytes, digits: int, taken: set[str]) -> str:
    """The name Pagefind gives a file of ``language`` with ``content``: the language, ``_``
    and ``digits`` of its hash, two more while a file named before has that name."""
    full = f"{language}_{_pagefind_hash(content)}"
    name = full[: len(language) + 1 + digits]
    while name in taken and len(name) < len(full):
        name = full[: len(name) + 2]
    return name


#: The file cache's kind of entry that tells, by shard, what each fragment of the shard's last
#: bundle (a page's text, for the excerpts) was made of (``_keep_made_of``).
MADE_OF = "search-made-of"
#: The store each of those entries holds: the last bundle's key in the file cache, the version
#: of Pagefind that made it, and by each fragment's name its page and the copy's key.
_MADE_OF_STORE = "search fragments"
_BUNDLE = "bundle"
_PAGEFIND = "pagefind"
_MADE = "fragments"
#: Where a fragment is in a bundle, and what its file is called.
_FRAGMENTS = "fragment"
_FRAGMENT = ".pf_fragment"
#: What begins a file of Pagefind's, once unpacked (gzip).
_SIGNATURE = b"pagefind_dcd"
#: What a bundle's key and a fragment's name are made of (a language's code, ``_``, and
#: hexadecimal digits; the key: hexadecimal digits).
_NAMED = re.compile(r"[A-Za-z0-9_-]+")


def _reuse(
    output: Path,
    shard: Shard,
    cache: FileCache | None,
    staged: Mapping[str, str],
    version: str,
) -> dict[str, str]:
    """Put in ``output`` (the shard's bundle, yet to be made) the fragments of the shard's
    last bundle that were made of pages Pagefind is given now as they were then, by the same
    Pagefind; each fragment put there, by its name, with its page. Pagefind names a fragment
    by the hash of its content and does not make again one its output holds already: at 5,000
    processes a shard of 415 pages, one of them changed, took 0.44-0.46 s instead of
    0.52-0.54 s (its fragments are compressed at gzip's best)."""
    entry = cache.peek(MADE_OF, shard.name) if cache is not None else None
    if entry is None or not readable():
        return {}
    try:
        record = stored_values(read_bytes(os.fspath(entry)), _MADE_OF_STORE)
    except OSError:
        return {}
    bundle_key, pages = record.get(_BUNDLE), record.get(_MADE)
    if record.get(_PAGEFIND) != version or not isinstance(pages, dict):
        return {}
    if not isinstance(bundle_key, str) or not _NAMED.fullmatch(bundle_key):
        return {}
    assert cache is not None
    bundle = cache.peek("search", bundle_key)
    if bundle is None:
        return {}
    source = bundle / _FRAGMENTS
    target = output / _FRAGMENTS
    own = set(shard.pages)  # (a page moved to another shard is not this one's)
    reused: dict[str, str] = {}
    for name, page in sorted(pages.items()):
        match page:
            case (str(path), str(copy)) if (
                isinstance(name, str)
                and _NAMED.fullmatch(name)  # (no name that leads out of the folder)
                and path in own
                and staged.get(path) == copy
            ):
                pass
            case _:
                continue
        if not reused:
            target.mkdir(parents=True, exist_ok=True)
        put = target / f"{name}{_FRAGMENT}"
        try:
            link_file(source / f"{name}{_FRAGMENT}", put)
        except OSError:  # removed meanwhile by another build (or a name that is no file's)
            put.unlink(missing_ok=True)  # (a copy cut short: Pagefind would keep it)
            continue
        reused[name] = path
    return reused


def _reader() -> ModuleType | None:
    """What reads Pagefind's index (``_fragments``): imported only where a shard is indexed;
    None in an installation that lacks it (``readable``)."""
    try:
        import cbor2
    except ImportError:
        return None
    return cbor2


def readable() -> bool:
    """Whether Pagefind's index can be read (``_reader``), found without importing what reads
    it: else no fragment is put in a bundle before Pagefind runs (``_reuse``), which could
    not tell whether it holds, and every fragment is made anew."""
    try:
        return importlib.util.find_spec("cbor2") is not None
    except (ImportError, ValueError):
        return False


def _fragments(output: Path) -> list[str] | None:
    """The name of the fragment of each page of the bundle ``output``, as its index lists
    them, or None where the index cannot be read."""
    cbor2 = _reader()
    if cbor2 is None:
        return None
    names: list[str] = []
    for meta in sorted(output.glob("pagefind.*.pf_meta")):
        found = _decoded(cbor2, meta)
        index = found[1] if found is not None else None
        if not isinstance(index, list) or len(index) < 2 or not isinstance(index[1], list):
            return None
        try:
            names += [page[0] for page in index[1]]
        except (LookupError, TypeError):
            return None
    return names if all(isinstance(name, str) for name in names) else None


def _pages(
    output: Path, names: Sequence[str] | None, reused: Mapping[str, str]
) -> dict[str, str] | None:
    """The page each fragment of the bundle ``output`` (``names``: as its index lists them)
    was made of, by the fragment's name: for those put there before Pagefind ran, the page
    they were made of (``reused``), for the others the address each holds. None where the
    index or a fragment cannot be read, or two pages share a name."""
    if names is None or len(set(names)) != len(names):
        return None
    pages: dict[str, str] = {}
    for name in names:
        page = reused.get(name) or _address(output / _FRAGMENTS / f"{name}{_FRAGMENT}")
        if page is None:
            return None
        pages[name] = page
    return pages


def _sound(pages: Mapping[str, str], reused: Mapping[str, str]) -> bool:
    """Whether each fragment put in a bundle before Pagefind ran (``reused``) holds what
    Pagefind would have written there: each is named in its index, and no page has two
    fragments (``pages``: each fragment's page). Pagefind makes the same fragment of the same
    page, so a page given as it was has its fragment's name again. But where the fragment of
    a changed page has the name of one put there (names are 7 digits of a hash), Pagefind
    does not write it, and gives the other page, whose fragment it is, a longer name: that
    page then has two fragments."""
    return reused.keys() <= pages.keys() and len(set(pages.values())) == len(pages)


def _keep_made_of(
    cache: FileCache,
    shard: Shard,
    made: tuple[str, str],
    pages: Mapping[str, str],
    staged: Mapping[str, str],
    unlike: set[str],
) -> None:
    """Keep, for the next time ``shard`` is indexed, what each fragment of its bundle (kept
    as ``made``: its key, Pagefind's version) was made of: its page (``pages``, by the
    fragment's name), and the key of the copy of it Pagefind was given; not where that copy
    was not the one the key names (``unlike``)."""
    made_of = {
        name: (path, staged[path])
        for name, path in pages.items()
        if path in staged and path not in unlike
    }
    record = {_BUNDLE: made[0], _PAGEFIND: made[1], _MADE: made_of}
    cache.put_bytes(MADE_OF, shard.name, store_bytes(_MADE_OF_STORE, record))


#: The start of a fragment, once unpacked: the page's address comes first.
_ADDRESS = re.compile(rb'pagefind_dcd\{"url":"/((?:[^"\\]|\\.)*)"')


def _address(fragment: Path) -> str | None:
    """The page a fragment was made of (its address in the site), or None where it cannot be
    read: only the start of it is read and unpacked (10 µs a fragment, some 5,400 of them in
    a build from nothing at 5,000 processes)."""
    try:
        handle = os.open(fragment, os.O_RDONLY)
        try:
            start = os.read(handle, 1024)
        finally:
            os.close(handle)
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(start, 1024)
    except (OSError, zlib.error):
        return None
    found = _ADDRESS.match(head)
    if found is None:
        return None
    try:
        address = json.loads(b'"' + found.group(1) + b'"')
    except ValueError:
        return None
    return unquote(address) if isinstance(address, str) else None
