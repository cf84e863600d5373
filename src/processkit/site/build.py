"""Building the site: gather everything, render every page, write into a temporary folder,
index it for search and move it into place.

    load -> facts, counts, maps -> pages (typed contexts) -> Jinja2 -> temp folder -> swap
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, Template

from processkit import __version__, i18n
from processkit.background import Pending
from processkit.cache import (
    code_digest,
    read_store,
    recent_path,
    usable_folder,
    write_store,
    write_waiting,
)
from processkit.codepoints import printable_utf8
from processkit.domain.facts import gather
from processkit.domain.flow import flow_map_drawn
from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.fsutil import Signature, folder_made, signature, write_bytes
from processkit.i18n import _
from processkit.loading.repository import Repository
from processkit.model.kinds import KindInfo
from processkit.site import links
from processkit.site.collect import entity_page, entity_pages, map_requests, site_pages, sources_of
from processkit.site.contexts import Contact, Page, SiteInfo
from processkit.site.counts import area_counts
from processkit.site.depends import SITE, Digests, RoleHashes, Token, read_by, reading, tracked
from processkit.site.feeds import write_feeds
from processkit.site.filecache import FileCache, link_file, link_files
from processkit.site.history import GitLinks, GitRead, History
from processkit.site.info import BuildInfo
from processkit.site.maps import figures
from processkit.site.output import (
    Contents,
    Placing,
    check_output,
    forget,
    forget_shown,
    look_ahead,
    mark,
    note_working,
    shown,
    staging,
    swap,
    take_kept,
    take_spare,
)
from processkit.site.parallel import forks, run_indexed
from processkit.site.search import (
    FOLDER as SEARCH_FOLDER,
)
from processkit.site.search import (
    STAGED,
    STAGES,
    keep_copy,
    of_processes,
    page_kind,
    plan,
    start_index,
)
from processkit.site.sitemap import NAVIGATION, SITE_PAGES, Sources
from processkit.site.templating import (
    builtin_dir,
    compile_templates,
    environment,
    own_templates_told,
    speaking,
)
from processkit.site.theme import theme_css
from processkit.words import Language

#: progress(stage, done, total) with stage one of "maps", "pages", "search".
Progress = Callable[[str, int, int], None]

LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp")


@frozen
class BuildResult:
    output: Path
    pages: int
    maps: int
    searchable: bool
    #: (id, activities) of each process whose flow has too many activities to draw: its page
    #: lists them instead of a map
    listed: tuple[tuple[str, int], ...] = ()
    #: search shards taken, out of date, from the site before (``search_later``): a build
    #: with ``search_later`` off brings them up to date
    stale_search: int = 0
    #: what this build made, where the rest was taken as an earlier build made it
    made: Made | None = None


@frozen
class Made:
    """What a build made: pages rendered, maps drawn (or retitled) and search shards indexed,
    of ``shards`` (none without search); the others were taken as an earlier build made
    them."""

    pages: int
    maps: int
    indexed: int
    shards: int


#: What publish reads from git, being read beside the build while the maps are drawn.
GitReading = Pending[GitRead]
#: Where a build has more maps to draw or pages to make than this, the rules run before it
#: draws or makes them (``build_site``'s ``checked``).
RULES_FIRST = 50


def _nothing() -> None:
    """No rules to run (``build_site`` without ``checked``)."""


def build_site(
    repo: Repository,
    output: Path,
    *,
    history: History | GitReading,
    info: BuildInfo,
    cache_dir: Path,
    search: bool = True,
    progress: Progress | None = None,
    protect: Path | None = None,
    git: GitLinks | None = None,
    search_later: bool = False,
    remove_later: bool = False,
    reuse: bool = False,
    checked: Callable[[], None] | None = None,
) -> BuildResult:
    """Publish ``repo`` into ``output``; the previous site there stays until this one is
    complete. ``protect`` is the repository's folder when ``repo`` was read from a copy; ``git``
    the commits that closed proposals and the git host's address (none when not given).
    ``search_later`` (a preview, which shows the edited page first) takes each search shard
    that would be indexed from the previous site as it was; ``remove_later`` deletes the
    previous site in the background (see ``output.swap``); ``reuse`` (``serve``) keeps it
    instead, and the next build brings it up to date in place (``output.Placing``).
    ``history`` may be still being read (``GitReading``, with the git links): it is waited for
    once the maps are drawn, and always before the build ends. ``checked`` runs the rules
    (and raises where they block the publish; with them, where the child that loads beside
    the build did not check them, the references that name nothing) the first time it is
    called: here, once the other pages are made and Pagefind has begun on every shard, so
    that after one change they run beside it, and before, where there are more than
    ``RULES_FIRST`` maps to draw or pages to make (of the process pages, or of the others),
    so that a repository with errors is told so before the work of a build from nothing.

    Builds that share a cache folder take turns (one may remove what the other would take)."""
    try:
        check_output(output, protect or repo.root)
        with _turn(cache_dir) as alone:
            earlier = output if search_later and output.is_dir() else None
            return _build_site(
                repo,
                output,
                history,
                info,
                cache_dir,
                search,
                progress,
                git,
                earlier,
                remove_later,
                reuse,
                alone,
                checked or _nothing,
            )
    except BaseException:
        if not isinstance(history, History):  # not left running, whatever went wrong
            history.stop()
        raise


@contextlib.contextmanager
def _turn(cache_dir: Path) -> Iterator[bool]:
    """Hold the cache folder for this build (a lock file; where none can be taken, as on a
    read-only cache or a system without ``fcntl``, the build goes on without: False)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield False
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle = (cache_dir / ".lock").open("a")
    except OSError:
        yield False
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_site(
    repo: Repository,
    output: Path,
    history_read: History | GitReading,
    info: BuildInfo,
    cache_dir: Path,
    search: bool,
    progress: Progress | None,
    git: GitLinks | None,
    earlier: Path | None,
    remove_later: bool,
    reuse: bool,
    alone: bool,
    checked: Callable[[], None],
) -> BuildResult:
    config = repo.config
    own_folder = _folder_in(repo, config.site.templates, "site.templates")
    env = environment(own_folder, usable_folder(cache_dir / "templates", repo.root))
    told = partial(own_templates_told, own_folder, config.site.templates)
    # a template added since the last build in this process (an override of a built-in one)
    # is found only by looking again; the compiled ones come back from the bytecode cache
    if env.cache is not None:
        env.cache.clear()
    logo = _file_in(repo, config.site.logo, "site.logo") if config.site.logo else None
    facts = gather(repo, info.today)
    counts = area_counts(repo)
    files = FileCache(cache_dir / "site")
    requests = map_requests(repo)
    maps = figures(
        repo,
        requests,
        cache_dir / "maps",
        files,
        (lambda done, total: progress("maps", done, total)) if progress else None,
        drawing=lambda count: checked() if count > RULES_FIRST else None,
    )
    records_file = cache_dir / "site" / RECORDS
    if not isinstance(history_read, History):
        # the page records read while git may still be being read beside (6 MB at 5,000
        # processes); whether they hold for this build is known once it is
        if records_file.is_file():
            _read_records(records_file, PageRecords.NAME)
        got = history_read.result()
        history, git = got.history, got.links
    else:
        history = history_read
    contact = config.site.accessibility_contact
    site = SiteInfo(
        title=config.site.title,
        organisation=config.organisation,
        language=config.site.language,
        logo=f"assets/logo{logo.suffix.lower()}" if logo else None,
        theme_css=theme_css(config.site.colors),
        published=info.today,
        as_of=info.as_of,
        commit=info.commit,
        contact=Contact(contact.email, contact.phone, links.href(contact.url)),
        feeds=git is not None and git.changelog is not None,
        url=links.href(config.site.url) if config.site.url else None,
    )
    with i18n.speaking(config.site.language):
        sources = sources_of(repo, facts, history, maps, counts, git)
    templates_read = _templates(env)
    fingerprint = _fingerprint(site, templates_read)
    # an entity page never shows the day of publication: it is kept while what it read is
    entity_print = _fingerprint(site, templates_read, entity=repo) + f"\0search={search}"
    records = PageRecords(records_file, entity_print)
    digests = Digests(sources, records.roles, fingerprint)
    view = tracked(sources)
    own = config.site.templates is not None  # templates of the repository's own
    # each template looked up once a build (Jinja looks at the file's time on every lookup)
    templates: dict[str, Template] = {}
    # the site before the last (serve's), or the one the last run replaced, kept in the cache
    # folder (by a run that ends, holding the cache alone: see ``output.swap``), to be brought
    # up to date in place, and what it holds (deleted with the staging folder where the build
    # fails)
    kept_in = None if reuse or remove_later or not alone else cache_dir
    spare = take_spare(output) if reuse else take_kept(kept_in, output) if kept_in else None
    with staging(output, spare.folder if spare is not None else None) as folder:
        if kept_in is not None and spare is None:  # a new folder (the kept one is noted)
            note_working(kept_in, folder)
        placing = Placing(folder, spare.contents if spare is not None else None)
        held = spare.contents if spare is not None else Contents()
        # the process pages first, then the other entities' and the pages that stand alone
        # (below); each taken as it was where what it read is unchanged
        items: list[Item] = []
        pages = entity_pages(repo)
        total = len(pages) + len(SITE_PAGES)
        processes = [page for page in pages if page[0].kind == "process"]
        others = [page for page in pages if page[0].kind != "process"]

        base = os.fspath(folder)
        made_folders: set[str] = set()

        def make(index: int) -> tuple[str, bytes | None, dict[Token, str] | None, bool]:
            """Write page ``index``, from the cache when an identical one was made before;
            return its cache key, the hash of what Pagefind is given of it, for an entity's
            page built here (in a worker) what it read, and whether it was rendered."""
            item = items[index]
            target = os.path.join(base, item.path)
            folder_made(target, made_folders)  # (a worker notes those it made in its own)
            page = item.page
            tokens = None
            if page is None:  # an entity's page, built through the tracked views
                assert item.entity is not None
                row, entity_id = item.entity
                with i18n.speaking(config.site.language):
                    with reading() as recording:
                        page = entity_page(view, row, entity_id)
                    tokens = {token: digests.of(token) for token in sorted(recording.tokens)}
            key = hashlib.sha256(f"{fingerprint}\0{page!r}".encode()).hexdigest()
            found = files.file("pages", key)
            rendered = found is None
            if found is not None:
                link_file(found, target)
                html = found.read_bytes() if search and page.indexed else b""
            else:
                with told():
                    html = render_page(env, site, page, templates)
                write_bytes(target, html)
                files.put_file("pages", key, target)
            read = None
            if search and page.indexed:  # its copy for Pagefind is kept here (in a worker)
                read = keep_copy(html, whole=own, cache=files)
            return key, read, tokens, rendered

        searched: dict[str, bytes] = {}
        stale = indexed = shard_count = rendered_pages = 0

        def take(batch: list[Item]) -> list[int]:
            """Add ``batch`` to the items: link the pages kept as they were; return the
            numbers of those to make (what a reused folder holds there is removed)."""
            begin = len(items)
            items.extend(batch)
            todo = [number for number in range(begin, len(items)) if items[number].kept is None]
            for number in todo:
                placing.clear(items[number].path)
            linked = []
            for item in batch:
                if item.kept is None:
                    continue
                assert item.key is not None
                if not placing.file(item.path, item.key):  # else held by a reused folder
                    linked.append((item.path, item.kept))
                records.made(item.path, item.key, item.search)
                if item.search is not None:
                    searched[item.path] = item.search
            link_files(folder, linked)
            with told():  # here, before any workers fork, not in each of them
                needed = {_template(items[number]) for number in todo} - templates.keys()
                templates.update(compile_templates(env, needed, site.language))
            return todo

        def note(
            made: list[tuple[str, bytes | None, dict[Token, str] | None, bool]], numbers: list[int]
        ) -> None:
            """Note the pages ``numbers`` of ``items`` as ``make`` made them."""
            nonlocal rendered_pages
            for number, (key, read, tokens, rendered) in zip(numbers, made, strict=True):
                rendered_pages += rendered
                item = items[number]
                placing.made(item.path, key)
                if tokens is not None:
                    records.read(item.path, tokens)
                records.made(item.path, key, read)
                if read is not None:
                    searched[item.path] = read

        todo = take(_entity_items(sources, records, files, digests, held, processes))
        # the other entities' pages, to be worked out beside Pagefind (None: not yet)
        later: list[Item] | None = None
        # those of them that have no record are to be made for certain
        unknown = sum(row.page_path(entity_id) not in records.old for row, entity_id in others)
        if forks(len(todo) + unknown):  # many (a build from nothing): by the workers too
            # here, not in a worker: the landscapes ``figures`` left (by workers, where many are
            # to draw: Pagefind has not begun)
            maps.complete(forks=True)
            facts.worked_out()  # here, not in each worker
            digests.role_digests()
            todo += take(_entity_items(sources, records, files, digests, held, others))
            later = []
        if len(todo) > RULES_FIRST:
            checked()
        for done, made in run_indexed(lambda number: make(todo[number]), len(todo)):
            files.used.setdefault("pages", set()).update(key for key, *_ in made)  # workers'
            note(made, todo[done - len(made) : done])
            if progress:
                progress("pages", len(items) - len(todo) + done, total)
        # Pagefind indexes the process pages' shards in processes of its own while the other
        # pages are made here (after one change, those of other entities worked out here
        # too), then theirs while the bundles taken as they were are linked and the feeds
        # written: the feeds are not searched
        indexing = None
        shards = plan(sources.indexed) if search else []
        shard_count = len(shards)
        first = [shard for shard in shards if of_processes(shard)]
        # a shard taken from the site before: its key, where this process put it
        before = shown(output) if search and earlier is not None else None
        start = partial(
            start_index,
            folder,
            cache=files,
            earlier=earlier,
            whole=own,
            placing=placing,
            earlier_keys=before.bundles if before is not None else {},
            stages_in=files.root / STAGES if alone else None,
            primary=shards[0] if shards else None,
        )
        if search:
            if progress:
                progress("search", 0, len(shards))
            indexing = start(first, searched)
        try:
            maps.complete()  # the landscapes ``figures`` left: no process page shows one
            if later is None:
                later = _entity_items(sources, records, files, digests, held, others)
            later += _site_items(sources, records, files, digests, held, config.site.language)
            numbers = take(later)
            if len(numbers) > RULES_FIRST:
                checked()
            # here, not in workers: no process is forked while Pagefind's threads run
            note([make(number) for number in numbers], numbers)
            if progress:
                progress("pages", total, total)
            if spare is not None:  # made anew: few, and one may be gone
                shutil.rmtree(folder / "assets", ignore_errors=True)
            _assets(folder, site, logo, env, repo, config.site.templates)
            if search:
                rest = [shard for shard in shards if shard not in first]
                read = {path: searched[path] for shard in rest for path in shard.pages}
                indexing = start(rest, read, after=indexing)
            # beside Pagefind, unless they ran before the maps or the pages: after the
            # build's own work, which does not wait meanwhile for the findings of the child
            # that loads beside it (0.1 s at 5,000 processes, when the machine is slow)
            checked()
        except BaseException:
            if indexing is not None:
                indexing.stop()
            raise
        # whether the templates are as they were when the pages were made (else none of the
        # pages is kept: below)
        unchanged = _templates(env) == templates_read
        try:
            if git is not None and git.changelog is not None:
                write_feeds(folder, repo, git.changelog, info.today, files, placing)
            if unchanged:  # here, while Pagefind indexes: 6 MB at 5,000 processes
                records.save(again=reuse)
            write_waiting()  # what the next command reads (``cache.writing_later``)
            # what this build does not use of what the last kept: removed while Pagefind
            # runs (every lookup is done; a bundle Pagefind makes is none the last kept)
            files.release(KINDS_KEPT)
            # the folder is complete but for the bundles Pagefind is making: what the swap
            # needs to know of it and of the site it replaces is looked at meanwhile
            contents = placing.finish()
            mark(folder)
            ahead = None
            if kept_in is not None:
                ahead = look_ahead(folder, output, kept_in, later=f"{SEARCH_FOLDER}/")
        except BaseException:
            if indexing is not None:
                indexing.stop()
            raise
        if indexing is not None:
            waited = indexing.wait()
            stale, indexed = waited.stale, waited.indexed
            if progress:
                progress("search", len(shards), len(shards))
        swap(
            folder,
            output,
            remove_later=remove_later,
            contents=contents,
            keep=reuse,
            keep_in=kept_in,
            ahead=ahead,
        )
    if not unchanged:  # a template was changed while the pages were made: keep none of them
        files.drop("pages")
        forget(output)  # nor the site, to be brought up to date by a later build
        if kept_in is not None:
            forget_shown(kept_in)
    files.prune(KINDS_KEPT)
    listed = tuple(
        (process_id, len(record.entity.activities))
        for process_id, record in sorted(repo.processes.items())
        if not flow_map_drawn(record.entity)
    )
    made_here = Made(rendered_pages, maps.drawn, indexed, shard_count)
    return BuildResult(output, len(items), len(requests), search, listed, stale, made_here)


#: The kinds of entries of the file cache a build keeps what it used of, and no more.
KINDS_KEPT = ("pages", STAGED, "search", "figures", "drawings", "feeds")


def _templates(env: Environment) -> bytes:
    """The templates (built-in and the repository's own), their names and texts, hashed:
    read once for both fingerprints of a build, and again once its pages are made (a
    template changed while they were made)."""
    digest = hashlib.sha256()
    loader = env.loader
    assert loader is not None
    for name in sorted(loader.list_templates()):
        if not name.endswith(TEMPLATE_SUFFIXES):  # the assets are copied, not rendered
            continue
        source, _, _ = loader.get_source(env, name)
        digest.update(f"{name}\0{source}\0".encode("utf-8", "surrogatepass"))
    return digest.digest()


def _fingerprint(site: SiteInfo, templates: bytes, *, entity: Repository | None = None) -> str:
    """Everything besides a page's own context that decides its HTML: processkit's version,
    the ``templates`` (``_templates``), the message catalogue of the site's language and the
    site-wide facts. For the entity pages (``entity``: the repository) also the
    configuration, which they read freely, and not the day of publication, which they do
    not show."""
    if entity is not None:
        site = replace(site, published=None)
    digest = hashlib.sha256(f"{__version__}\0{site!r}\0".encode())
    if entity is not None:
        digest.update(f"{entity.config!r}\0".encode())
    digest.update(i18n.catalogue_bytes(site.language))
    digest.update(templates)
    if entity is not None:
        # the code that builds an entity page from what it read
        digest.update(code_digest("processkit.site", "processkit.domain"))
    return digest.hexdigest()


#: The files of a template folder that are templates (the others, under assets/, are copied).
TEMPLATE_SUFFIXES = (".html", ".xml", ".txt")


@dataclass(slots=True)
class Item:
    """A page to write: made from ``page`` (a page that stands alone), built from ``entity``
    (an entity's page, whose record changed), or taken from the cache (``kept``, the page file
    ``key``, with ``search`` the hash of what Pagefind is given of it: ``given_digest``)."""

    path: str
    indexed: bool
    page: Page | None = None
    key: str | None = None
    search: bytes | None = None
    #: the cached page file (its place, as text: thousands are taken per build)
    kept: str | None = None
    #: an entity's page to build: its kind and id
    entity: tuple[KindInfo, str] | None = None


#: The entity pages' dependency records, in the cache's site folder.
RECORDS = "pages.bin"


class PageRecords:
    """What each entity page read the last time it was built (see ``processkit.site.depends``),
    and the page file and search hash it gave; valid for one fingerprint."""

    NAME = "page records"

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = path
        self.fingerprint = fingerprint
        stored = _read_records(path, self.NAME)
        self.old: dict[str, Any] = {}
        roles: dict[str, Any] = {}
        if stored.get("fingerprint") == fingerprint:
            self.old = stored.get("pages", {})
            roles = stored.get("roles", {})
        #: what each process shows on the role pages, hashed (kept with the records)
        self.roles = RoleHashes(roles)
        self.reads: dict[str, dict[Token, str]] = {}
        self.new: dict[str, tuple[str, bytes | None, dict[Token, str]]] = {}

    def reusable(
        self,
        path: str,
        digests: Digests,
        files: FileCache,
        held: Contents,
        *,
        indexed: bool = True,
    ) -> Item | None:
        """The page at ``path`` as it was, where nothing it read changed: in the cache, or
        in the folder the build brings up to date, which ``held`` it (no look needed);
        ``indexed``: whether search reads it."""
        found = self.old.get(path)
        if found is None:
            return None
        key, read, tokens = found
        if not digests.unchanged(tokens):
            return None
        if held.files.get(path) == key:
            files.use("pages", key)
            kept: str | None = ""  # nothing to link
        else:
            kept = files.place("pages", key)
        if kept is None:
            return None
        self.reads[path] = tokens
        return Item(path, indexed, None, key, read, kept)

    def read(self, path: str, tokens: dict[Token, str]) -> None:
        self.reads[path] = tokens

    def made(self, path: str, key: str, search: bytes | None) -> None:
        tokens = self.reads.get(path)
        if tokens is not None:
            self.new[path] = (key, search, tokens)

    def save(self, *, again: bool = False) -> None:
        """Keep the records for the next build. With ``again`` (``serve``), a process that
        wrote them once keeps them in memory only (6 MB at 5,000 processes, for one edit):
        the next command finds those it wrote, older, which hold for the pages they name."""
        if self.new != self.old or self.roles.changed():
            self._share()
            kept = {"fingerprint": self.fingerprint, "pages": self.new}
            values = {**kept, "roles": self.roles.used}
            known = _KNOWN[0]
            if again and self.path in _WRITTEN and known is not None and known[0] == self.path:
                _KNOWN[0] = (self.path, known[1], values)  # the file as this process left it
                return
            with contextlib.suppress(OSError):
                self.path.parent.mkdir(parents=True, exist_ok=True)
                _KNOWN[0] = None
                if write_store(self.path, self.NAME, values, recent=True):
                    _WRITTEN.add(self.path)
                    _remember(self.path, values)

    def _share(self) -> None:
        """Make the tokens and digests of the pages built now the very objects the other
        pages hold where they are equal: marshal writes an object met before as a reference,
        so the records are half the size and read in a third of the time (the pages of an
        area read the same tokens). The records read were written so; a page built again
        mostly reads what it read before, so its old record is what it is matched with."""
        shared: dict[Any, Any] = {}
        for path, (key, search, tokens) in self.new.items():
            found = self.old.get(path)
            if found is not None and found[2] is tokens:  # kept as read
                continue
            if found is not None:
                for token, digest in found[2].items():
                    shared.setdefault(token, token)
                    shared.setdefault(digest, digest)
            same = {shared.setdefault(t, t): shared.setdefault(d, d) for t, d in tokens.items()}
            self.new[path] = (key, search, same)


#: The page records this process read or wrote last: their file, its signature (times, size,
#: inode) and what it holds. A process that builds one site again and again (``serve``) does not
#: read them again while the file is as it left it (6 MB at 5,000 processes). No value in
#: them is changed: the role hashes of a process whose file changed are a new entry, not a
#: change to the one stored.
_KNOWN: list[tuple[Path, tuple[Signature | None, Signature | None], dict[str, Any]] | None] = [None]
#: The page records this process wrote (``PageRecords.save``).
_WRITTEN: set[Path] = set()


def _signature(path: Path) -> tuple[Signature | None, Signature | None] | None:
    """The signatures of the records' file and of the one of what changed since it was
    written whole (None: not there), or None where the first is not there."""
    try:
        whole = signature(os.stat(path))
    except OSError:
        return None
    try:
        return whole, signature(os.stat(recent_path(path)))
    except OSError:
        return whole, None


def _read_records(path: Path, name: str) -> dict[str, Any]:
    signature = _signature(path)  # looked at first: a change while it is read shows next time
    known = _KNOWN[0]
    if signature is not None and known is not None and known[:2] == (path, signature):
        return known[2]
    stored = read_store(path, name)
    _KNOWN[0] = (path, signature, stored) if signature is not None else None
    return stored


def _remember(path: Path, values: dict[str, Any]) -> None:
    signature = _signature(path)
    if signature is not None:
        _KNOWN[0] = (path, signature, values)


def _template(item: Item) -> str:
    """The name of the template that makes ``item``'s page."""
    if item.page is not None:
        return item.page.template
    assert item.entity is not None and item.entity[0].page is not None
    return item.entity[0].page


def _entity_items(
    sources: Sources,
    records: PageRecords,
    files: FileCache,
    digests: Digests,
    held: Contents,
    pages: list[tuple[KindInfo, str]],
) -> list[Item]:
    """The page of each of the entities ``pages`` (``entity_pages``): taken as it was where
    its dependency record is unchanged, else to be built (by a worker, through the tracked
    views, recording what it reads)."""
    items = []
    for row, entity_id in pages:
        path = row.page_path(entity_id)
        kept = records.reusable(path, digests, files, held)
        items.append(kept if kept is not None else Item(path, True, entity=(row, entity_id)))
    return items


def _site_items(
    sources: Sources,
    records: PageRecords,
    files: FileCache,
    digests: Digests,
    held: Contents,
    language: Language,
) -> list[Item]:
    """The pages that stand alone, in the navigation's order: a page that says what it reads
    (``SitePage.reads``) is taken as it was where none of that changed, else built with a
    record of it; every other page is built."""
    kept: dict[str, Item] = {}
    for page in SITE_PAGES:
        if page.reads is None:
            continue
        found = records.reusable(page.path, digests, files, held, indexed=page.indexed)
        if found is not None:
            kept[page.path] = found
        else:  # worked out before the page is built: it reads no tracked view
            tokens = [SITE, *read_by(page.reads)]
            records.read(page.path, {token: digests.of(token) for token in sorted(tokens)})
    with i18n.speaking(language):
        made = {page.path: page for page in site_pages(sources, leave_out=kept)}
    return [
        kept[page.path] if page.path in kept else Item(page.path, page.indexed, made[page.path])
        for page in SITE_PAGES
    ]


def render_page(
    env: Environment, site: SiteInfo, page: Page, templates: dict[str, Template] | None = None
) -> bytes:
    """The page's HTML, as UTF-8, in the site's language (``site.language``) whatever language
    the command speaks; set here, in the process that renders, so a forked worker speaks it
    too. ``templates`` keeps the templates looked up, for the pages after."""
    template = templates.get(page.template) if templates is not None else None
    if template is None:
        template = speaking(env, site.language).get_template(page.template)
        if templates is not None:
            templates[page.template] = template
    if not page.dated:  # not even a template of the repository's own may show the day
        site = replace(site, published=None)
    with i18n.speaking(site.language):
        html = template.render(
            site=site,
            page=page.context,
            root=page.root,
            path=page.path,
            title=page.title,
            indexed=page.indexed,
            kind=page_kind(page.template),
            feed=page.feed,
            published=site.published if page.dated else None,
            crumbs=getattr(page.context, "breadcrumbs", []),
            navigation=NAVIGATION,
        )
    # the texts of the repository may hold characters no page may (see processkit.codepoints)
    return printable_utf8(html)


def _assets(
    folder: Path,
    site: SiteInfo,
    logo: Path | None,
    env: Environment,
    repo: Repository,
    overrides: str | None,
) -> None:
    assets = folder / "assets"
    assets.mkdir(exist_ok=True)
    for source in sorted((builtin_dir() / "assets").iterdir()):
        if source.is_file():
            shutil.copyfile(source, assets / source.name)
    custom = _folder_in(repo, overrides, "site.templates")
    if custom is not None and (custom / "assets").is_dir():
        for source in sorted((custom / "assets").iterdir()):
            if source.is_file() and not source.name.startswith("."):
                shutil.copyfile(source, assets / source.name)
    (assets / "theme.css").write_bytes(site.theme_css.encode("utf-8"))
    if logo is not None and site.logo is not None:
        shutil.copyfile(logo, folder / site.logo)


def _inside(repo: Repository, relative: str, setting: str) -> Path:
    root = repo.root.resolve()
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise ProcesskitError(
            _(
                "{setting}: `{path}` is outside the repository; give a path inside it",
                setting=setting,
                path=relative,
            )
        )
    return target


def _folder_in(repo: Repository, relative: str | None, setting: str) -> Path | None:
    if not relative:
        return None
    target = _inside(repo, relative, setting)
    if not target.is_dir():
        raise ProcesskitError(
            _(
                "{setting}: there is no folder `{path}` in the repository; create it or "
                "correct the path in processkit.yaml",
                setting=setting,
                path=relative,
            )
        )
    return target


def _file_in(repo: Repository, relative: str, setting: str) -> Path:
    target = _inside(repo, relative, setting)
    if not target.is_file():
        raise ProcesskitError(
            _(
                "{setting}: there is no file `{path}` in the repository; add the file or "
                "correct the path in processkit.yaml",
                setting=setting,
                path=relative,
            )
        )
    if target.suffix.lower() not in LOGO_SUFFIXES:
        raise ProcesskitError(
            _(
                "{setting}: `{path}` is not an image the site can show; use one of {suffixes}",
                setting=setting,
                path=relative,
                suffixes=", ".join(LOGO_SUFFIXES),
            )
        )
    return target
