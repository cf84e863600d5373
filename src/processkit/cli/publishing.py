"""``publish``: load the repository (as it is, or as it stood at a commit) and build its site.

A repository with errors is not published: the previous site stays, and the errors are handed
back to be reported. Every date comes from git or ``SOURCE_DATE_EPOCH``, never from the clock,
so two builds of one commit are byte-identical.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from processkit import background, i18n
from processkit.background import Background
from processkit.cache import cache_folder, readable_store, writing_later
from processkit.cli import ending
from processkit.diagnostics import Diagnostic
from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.history.snapshots import SnapshotStore
from processkit.i18n import _
from processkit.loading.discover import CONFIG_NAME, find_root
from processkit.loading.git import (
    Commit,
    WalkStore,
    commit_date,
    export,
    head_and_shallow,
    origin_remote,
    resolve_as_of,
    resolve_at,
)
from processkit.loading.load import PARSED, load_repository, reference_problems
from processkit.loading.parse import NotInStore, ParseCache, Remembered
from processkit.loading.repository import ByFile, Record, Repository
from processkit.loading.session import Session
from processkit.rules.run import run_rules
from processkit.site.history import GitLinks, GitRead, GitSource, History, read_history
from processkit.site.info import BuildInfo
from processkit.validate import check_later

if TYPE_CHECKING:
    from processkit.site.build import BuildResult, GitReading, Progress


class PublishBlocked(Exception):
    """The repository has errors; the site was not published (what was made of it is thrown
    away, the site before left as it was)."""

    def __init__(self, loaded: Session) -> None:
        super().__init__(f"{loaded.errors} errors")
        self.loaded = loaded
        self.errors = loaded.errors


@frozen
class PublishRequest:
    start: Path
    output: Path | None = None
    as_of: date | None = None
    at: str | None = None
    search: bool = True
    cache_dir: Path | None = None
    #: for ``serve``: search shards out of date are taken from the site before (see
    #: ``build_site``); the build after brings them up to date
    search_later: bool = False
    #: for ``serve``: the site replaced is deleted in the background (``output.swap``)
    remove_later: bool = False
    #: for ``serve``: the site replaced is kept, and the next build brings it up to date in
    #: place instead of making a new one (``output.Placing``)
    reuse: bool = False
    #: for ``serve``: what it keeps of the repository between builds (``Remembered``)
    remembered: Remembered | None = None


def source_date_epoch() -> date | None:
    """The day ``SOURCE_DATE_EPOCH`` names (reproducible-builds convention), if set."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        return None
    try:
        return datetime.fromtimestamp(int(value), UTC).date()
    except (ValueError, OverflowError, OSError):
        raise ProcesskitError(
            _(
                "SOURCE_DATE_EPOCH must be a number of seconds since 1970, found `{value}`",
                value=value,
            )
        ) from None


def publish(request: PublishRequest, progress: Progress | None = None) -> BuildResult:
    # the stores the next command reads are written while Pagefind indexes (``build_site``)
    with writing_later():
        return _publish(request, progress)


def _publish(request: PublishRequest, progress: Progress | None) -> BuildResult:
    root = find_root(request.start)
    if request.as_of is not None and request.at is not None:
        raise ProcesskitError(_("give either --as-of or --at, not both"))
    snapshot: Commit | None = None
    if request.as_of is not None:
        snapshot = resolve_as_of(root, request.as_of)
    elif request.at is not None:
        snapshot = resolve_at(root, request.at)
    if snapshot is None:
        git = GitSource(root, "HEAD")
        info = BuildInfo(today=source_date_epoch() or commit_date(root, "HEAD"))
        return _build(root, root, git, info, request, progress, past=False)
    git = GitSource(root, snapshot.sha)
    day = request.as_of or snapshot.date
    info = BuildInfo(today=day, as_of=day, commit=snapshot.short)
    with tempfile.TemporaryDirectory(prefix="processkit-as-of-") as folder:
        exported = export(root, snapshot, Path(folder))
        return _build(exported, root, git, info, request, progress, past=True)


def _build(
    load_from: Path,
    root: Path,
    git: GitSource,
    info: BuildInfo,
    request: PublishRequest,
    progress: Progress | None,
    *,
    past: bool,
) -> BuildResult:
    cache_dir = request.cache_dir or cache_folder(root)
    # a site of the past is read from a copy made for it: nothing of it is kept in memory
    remembered = request.remembered if not past else None

    def read(repo: Repository, found: tuple[str | None, str | None] | None = None) -> GitRead:
        """The history and git links, read from git (beside the build: see ``build_site``);
        ``found`` the key and origin when worked out already."""
        if found is None:
            # the git host's address, read once for the key and the links
            origin = None if past else origin_remote(root)
            # the key tells a build again in this process (``serve``'s, which remembers the
            # load) whether to read git again: a publish of its own builds once (0.07 s at
            # 5,000 processes, in the child that loads beside the build)
            key = None if remembered is None else _history_key(repo, root, past, info.today, origin)
        else:
            key, origin = found
        # every version of a file the site describes, kept by its git hash for the next build
        store = SnapshotStore.in_folder(cache_dir, root, prune=True)
        # the walks of the whole history, kept for the next build (not for a site of the past,
        # which is read from another commit than the one checked out)
        walks = WalkStore.in_folder(cache_dir, root) if not past else None
        history = read_history(git, repo, words=not past, store=store, walks=walks)
        links = _git_links(repo, past, info.today, store, origin, walks)
        if walks is not None:  # a site of the past reads no versions: the store is left as it is
            store.save()
            walks.save()
        return GitRead(history, links, key)

    #: the history being read (or as read before) and the git links, once the repository is
    #: loaded without errors
    started: tuple[History | GitReading, GitLinks | None] | None = None

    def start(repo: Repository) -> tuple[History | GitReading, GitLinks | None]:
        """Start reading git (or take what this process read before, while it holds)."""
        if _READ[0] is None:  # nothing kept by a build before in this process: all read anew
            return Background(partial(read, repo)), None
        # a build again (serve): read again only after a commit
        origin = None if past else origin_remote(root)
        key = _history_key(repo, root, past, info.today, origin)
        if key is not None and _READ[0] == key:
            return _READ[1], _READ[2]
        return Background(partial(read, repo, (key, origin))), None

    # a run of its own reads git in a child that loads the repository beside it (or None),
    # forked before the build's own modules are imported (below): the child loads meanwhile
    early = (
        _read_beside(load_from, cache_dir, read, info.today)
        if remembered is None and not past
        else None
    )

    def begin(repo: Repository) -> None:
        """Start reading git beside the rules, where it runs in a process of its own: a
        thread (where no process can be forked) could not be stopped should the rules find
        errors, and the errors would be told only once it ended. Where a child began before
        the load, what it reads and finds is taken where it loaded as the build did; where
        it has ended already without reading (it gave up), git is read in a child forked
        now."""
        nonlocal started
        if early is not None and not (early.ended() and early.part() is None):
            started = _Beside(early, _loaded_as(repo), partial(read, repo)), None
        elif background.FORK:
            started = start(repo)

    try:
        loaded, rules = check_later(
            load_from,
            today=info.today,
            cache_dir=cache_dir,
            remembered=remembered,
            meanwhile=begin,
            # the child that loads beside checks them with the rules, once it has handed
            # over what git holds; where it does not tell what it found (it found errors,
            # gave up, or loaded other files), they are checked here with the rules
            # (``checked``), before the site is made
            references_later=early is not None,
            # the signatures of a copy made for this build would be of no use to the next
            signatures=not past,
        )
        if loaded.errors:
            raise PublishBlocked(rules())  # with what the rules find, as ``validate`` tells it

        ran: list[bool] = []
        # what reads git beside the build, once the load has found no errors
        beside = started[0] if started is not None else None

        def checked() -> None:
            """The rules (once): their errors block the publish."""
            if ran:
                return
            ran.append(True)
            findings = beside.findings() if isinstance(beside, _Beside) else None
            if findings is not None:  # found by the child begun before the load
                found = Session(loaded.repo, loaded.diagnostics + findings)
            else:
                found = rules()
            if found.errors:
                raise PublishBlocked(found)

        # the rules run where the build says, once git is being read beside it; where git is
        # read in a thread, which could not be stopped, before it starts; and where the child
        # begun before the load has ended without telling what it found, before the build
        # starts (the references it would have checked are among them): a repository with
        # errors is told so before maps are drawn, pages made and the kept site taken
        later: Callable[[], None] | None = checked
        if isinstance(beside, _Beside):  # and where it tells nothing when asked, then
            beside.refused = checked
        if started is None or (early is not None and not isinstance(beside, _Beside)):
            checked()
            later = None
        # the site's modules, once the repository has loaded without errors (a publish blocked
        # by them does without), and after every fork that needs none of them
        from processkit.site.build import build_site
    except BaseException:
        running = started[0] if started is not None else early
        if running is not None and not isinstance(running, History):
            running.stop()  # not left running, whatever went wrong
        raise
    repo = loaded.repo
    output = request.output or root / repo.config.site.output
    reading, links = started if started is not None else start(repo)
    try:
        built = build_site(
            repo,
            output,
            protect=root,
            history=reading,
            info=info,
            # maps in <cache>/maps (= processkit.render.default_cache_dir), pages and search
            # in /site
            cache_dir=cache_dir,
            search=request.search,
            progress=progress,
            git=links,
            search_later=request.search_later,
            remove_later=request.remove_later,
            reuse=request.reuse,
            checked=later,
        )
    except Exception:
        # a problem the build met before the rules ran (an output folder that is not a
        # site, Graphviz missing, a reference to nothing that the rules are yet to find):
        # the rules' errors are told first, as when they ran first
        if later is not None:
            later()
        raise
    if not isinstance(reading, History):
        done = reading.result()
        if done.key is not None:  # kept for the next build in this process (``serve``'s)
            _READ[:] = [done.key, done.history, done.links]
    if remembered is None:  # a publish of its own (not serve's, which builds again)
        ending.keep("repository", loaded)  # let go of with the process, all at once
    return built


def _read_beside(
    load_from: Path, cache_dir: Path, read: Callable[[Repository], GitRead], today: date | None
) -> Background[list[Diagnostic] | None] | None:
    """Git read, and the rules run, beside the load, by a child forked before it that loads
    the repository itself (``_load_and_read``), or None: where no build before in this
    process kept what it read from git (the first, or one after publishes of their own), a
    process can be forked and the parse store is there to load from. A child forked
    after the load shares the loaded repository's memory with the build, which then copies
    each page of it that it touches (0.05-0.1 s of a publish after one change at 5,000
    processes); loading it once more, from the store, beside the build's own load, costs the
    other core, which is idle meanwhile, and the rules then cost the build nothing. Without a
    store it can read (a build from nothing, or after processkit was upgraded) the child
    would parse every file alone; where a few more than that are not in the store, it gives
    up (``load_repository``'s ``few_fresh``)."""
    if not background.FORK or _READ[0] is not None:
        return None
    if not readable_store(cache_dir / PARSED, ParseCache.NAME):
        return None
    return Background.forked(partial(_load_and_read, load_from, cache_dir, read, today))


def _load_and_read(
    load_from: Path, cache_dir: Path, read: Callable[[Repository], GitRead], today: date | None
) -> list[Diagnostic] | None:
    """The repository loaded (the parse store left as it is); git read for it, handed over
    with what was loaded (``_loaded_as``) as soon as it is read; then the references that
    name nothing and the rules' findings on it, as the build's own ``rules`` gives them.
    None where the load found errors or the store lacked more than a few files, and the
    findings None where the rules cannot run (a ``rules:`` section that cannot be used,
    which the build tells). The references are checked after the hand-over, not as the
    repository is loaded: the build waits for what git holds, not for them (0.07 s at 5,000
    processes), and a reference to nothing blocks the publish where the rules' errors do."""
    try:
        loaded = load_repository(
            load_from,
            cache_dir=cache_dir,
            parallel=False,
            keep=False,
            few_fresh=True,
            references=False,
        )
    except NotInStore:
        return None
    if Session(loaded.repo, loaded.diagnostics).errors:
        return None
    # held to the child's end, not let go of one object at a time once the rules have run:
    # the build waits for their findings meanwhile (0.06 s at 5,000 processes)
    background.hold(loaded)
    # the language the build speaks once it has read the configuration (this work was
    # begun before, in the language spoken then)
    with i18n.speaking(i18n.of_the_run()):
        got = read(loaded.repo)
        background.hold(got)
        background.hand_over((_loaded_as(loaded.repo), got))
        referred = reference_problems(loaded.repo, loaded.diagnostics)
        try:
            return referred + run_rules(loaded.repo, today=today)
        except ProcesskitError:
            return None


def _loaded_as(repo: Repository) -> tuple[object, ...]:
    """What a load read, and the language spoken of it: the configuration, each entity's
    kind, file and the hash of its bytes, the files it could not read in full, and the ids
    known. Two loads that read the same, spoken of in the same language, give the same
    history and the same findings of the rules."""
    return (
        i18n.current(),
        repo.texts.get(CONFIG_NAME),
        tuple((kind, record.path, record.digest) for kind, record in repo.all_records()),
        sorted(repo.incomplete),
        sorted(repo.partial),
        sorted((kind, sorted(ids)) for kind, ids in repo.known.items()),
        sorted(repo.known_anywhere),
    )


class _Beside:
    """What the child begun before the load (``_read_beside``) found, taken where it loaded
    as the build did (``loaded_as``); else the child is stopped, the rules are run by the
    build (``refused``: at once, so that their errors and the references the child would
    have checked are told before the build goes on), and git is read here
    (``read_here``)."""

    def __init__(
        self,
        early: Background[list[Diagnostic] | None],
        loaded_as: tuple[object, ...],
        read_here: Callable[[], GitRead],
    ) -> None:
        self._early = early
        self._loaded_as = loaded_as
        self._read_here = read_here
        self._taken: list[GitRead | None] = []  # once worked out: None where not taken
        self._read: list[GitRead] = []
        #: called where what the child read is not taken, before git is read here
        self.refused: Callable[[], None] | None = None

    def _from_beside(self) -> GitRead | None:
        """What the child read from git, where it loaded as the build did (waited for)."""
        if not self._taken:
            part = self._early.part()
            if part is not None and part[0] == self._loaded_as:
                self._taken.append(part[1])
            else:
                self._early.stop()  # what else it finds is not taken either
                self._taken.append(None)
        return self._taken[0]

    def result(self) -> GitRead:
        if not self._read:
            taken = self._from_beside()
            if taken is None and self.refused is not None:
                self.refused()
            self._read.append(taken if taken is not None else self._read_here())
        return self._read[0]

    def findings(self) -> list[Diagnostic] | None:
        """The rules' findings, where the child loaded as the build did and ran them."""
        if self._from_beside() is None:
            return None
        try:
            return self._early.result()
        except Exception:  # the build's own work meets it again, and tells it
            return None

    def stop(self) -> None:
        self._early.stop()


#: The history and git links the last build in this process read, with their key (for
#: ``serve``, which builds again and again while no commit is made).
_READ: list[Any] = [None, None, None]


def _history_key(
    repo: Repository, root: Path, past: bool, today: date | None, origin: str | None
) -> str | None:
    """Everything the history and the git links are read from: the commit checked out, the
    day, the configuration and catalogue, the language spoken, and what of the working tree
    they show (each file's path and its entity's name, each person's e-mail, each proposal's
    status and decision); None outside git."""
    if past:
        return None
    # the git host's address (``origin``) and a shallow history change what is read, not HEAD
    head, shallow = head_and_shallow(root)
    if head is None:
        return None
    spoken = i18n.current()  # why a version could not be read is told in it
    digest = hashlib.sha256(
        f"{root}\0{head}\0{today}\0{repo.config!r}\0{origin}\0{shallow}\0{spoken}\0".encode()
    )
    digest.update(i18n.catalogue_bytes(repo.config.site.language))
    for kind, record in repo.all_records():
        digest.update(_SHOWN_OF.of(kind, record, partial(_shown_of, kind, record)))
    _SHOWN_OF.done()
    return digest.hexdigest()


#: What ``_history_key`` reads of each file, kept from the last build in this process
#: (``serve`` works the key out before every build).
_SHOWN_OF: ByFile[bytes] = ByFile()


def _shown_of(kind: str, record: Record[Any]) -> bytes:
    """What the history and the git links show of the entity of ``record``."""
    entity = record.entity
    shown = (
        kind,
        entity.id,
        record.path,
        getattr(entity, "name", None),
        getattr(entity, "title", None),
        getattr(entity, "email", None),
        getattr(entity, "status", None) if kind == "proposal" else None,
        getattr(entity, "decision", None) if kind == "proposal" else None,
        getattr(entity, "submitted", None) if kind == "proposal" else None,
        getattr(entity, "process", None) if kind == "assessment" else None,
        getattr(entity, "date", None) if kind == "assessment" else None,
    )
    return repr(shown).encode("utf-8", "surrogatepass")


#: The period of the entity changes on the recent-changes page, up to the build's day.
CHANGES_SINCE = "30d"


def _git_links(
    repo: Repository,
    past: bool,
    today: date | None,
    store: SnapshotStore,
    origin: str | None,
    walks: WalkStore | None = None,
) -> GitLinks:
    """The commits that closed proposals, the git host's address (from ``origin``, the
    address of the ``origin`` remote) and the change log of the last 30 days up to ``today``
    (the build's day). A site of the past (``--as-of``/``--at``) has none of them: it is read
    from an exported copy outside git, and the history walk starts at HEAD and would see
    commits made after the day the site shows."""
    from processkit.history.changelog import ChangeLog, changelog
    from processkit.history.closing import closing_commits
    from processkit.history.weblinks import web_base

    if past:
        return GitLinks()
    log: ChangeLog | None
    try:
        log = changelog(repo, since=CHANGES_SINCE, today=today, store=store, walks=walks)
    except ProcesskitError:  # outside git, a shallow clone, no commit before the day
        log = None
    closing = closing_commits(repo, store, walks)
    return GitLinks(closing, web_base(origin) if origin else None, log)
