"""What git remembers about the repository's files, read in one pass over the log.

One ``git log`` call gives every commit that touched the repository with the files it
changed; from it come each file's last change, author and recent commit messages, and the
site's list of recent changes. (A git call per page would make publishing 1,000 processes
slow.) Outside a git repository the history is simply empty.

A page's history says what each commit changed in the change log's words (``describe``:
the same code as ``processkit changelog``), the commit message only as a detail, and names
an author by the person file whose name or e-mail matches git's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from processkit import i18n
from processkit.cache import UsedStore
from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.i18n import _, p_
from processkit.loading.git import Commit, TouchedFiles, WalkStore, touched_files

if TYPE_CHECKING:
    from processkit.history.changelog import ChangeLog, EntityChange
    from processkit.history.snapshots import SnapshotStore
    from processkit.loading.repository import Repository

#: How many commit messages a page shows for its file.
PER_FILE = 5
#: How many commits the recent-changes page lists.
RECENT = 50
#: At most this many commits (the newest that a page shows) are read again for what they
#: changed; a page shows only the message of older ones.
DESCRIBED = 300


@frozen
class PageChange:
    """One commit in a page's history: its day, its author (the person's name when a person
    file matches), what it changed in the page's file in plain words (HTML, the files' text
    escaped; empty when not known) and its message."""

    commit: Commit
    author: str
    changes: tuple[Markup, ...]

    @property
    def authored(self) -> date:
        return self.commit.authored

    @property
    def summary(self) -> str:
        return self.commit.summary


@dataclass(slots=True)
class History:
    """Per file (path relative to the repository root) its recent commits, newest first; and
    the repository's recent commits with the files each changed."""

    files: dict[str, list[Commit]] = field(default_factory=dict)
    recent: list[TouchedFiles] = field(default_factory=list)
    #: per commit and file, what the commit changed there in plain words (see ``describe``)
    words: dict[tuple[str, str], tuple[Markup, ...]] = field(default_factory=dict)
    #: a person's name by the casefolded name or e-mail git gives for an author
    people: dict[str, str] = field(default_factory=dict)
    #: the hash of each page's history (``page``) worked out so far: a history is never
    #: changed once read, and ``serve`` keeps it between builds while no commit is made
    digests: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def of(self, path: str) -> list[Commit]:
        return self.files.get(path, [])

    def page(self, path: str) -> list[PageChange]:
        """The history a page of the file ``path`` shows, newest first."""
        return [
            PageChange(commit, self.author(commit), self.words.get((commit.sha, path), ()))
            for commit in self.of(path)
        ]

    def digest(self, path: str) -> str:
        """The hash of what ``page(path)`` shows (kept in ``digests``): of each commit its
        hash (which fixes its dates, author and message), the author's name as shown and what
        it changed, in words (a third of the time of hashing the page's history as written
        out)."""
        found = self.digests.get(path)
        if found is None:
            said: list[str] = []
            for commit in self.of(path):
                said.append(f"{commit.sha}\0{self.author(commit)}\0")
                said += [f"{words}\0" for words in self.words.get((commit.sha, path), ())]
                said.append("\1")
            text = "".join(said).encode("utf-8", "surrogatepass")
            found = self.digests[path] = hashlib.sha256(text).hexdigest()[:32]
        return found

    def digested(self) -> History:
        """This history with the hash of every file's (``digest``) worked out: where git is
        read beside the build, there, not in the build's own process, which asks for nearly
        all of them to know which pages are as they were (0.02 s at 5,000 processes)."""
        for path in self.files:
            self.digest(path)
        return self

    def author(self, commit: Commit) -> str:
        """The author's name in a person file whose e-mail or name matches, else git's."""
        for known in (commit.email, commit.author):
            found = self.people.get(known.strip().casefold()) if known else None
            if found:
                return found
        return commit.author


@frozen
class GitSource:
    """Where the history is read: a folder inside a git work tree, at a revision."""

    folder: Path
    ref: str = "HEAD"


def fold_history(log: Iterable[TouchedFiles]) -> History:
    """The history from the commits of a log, newest first."""
    history = History()
    for touched in log:
        if len(history.recent) < RECENT:
            history.recent.append(touched)
        for path in touched.paths:
            seen = history.files.setdefault(path, [])
            if len(seen) < PER_FILE:
                seen.append(touched.commit)
    return history


def read_history(
    source: GitSource | None,
    repo: Repository | None = None,
    *,
    words: bool = True,
    store: SnapshotStore | None = None,
    walks: WalkStore | None = None,
) -> History:
    """The history of ``source``'s folder up to its revision (empty outside git); with
    ``repo`` (the repository at that revision), the authors' names from its person files and,
    with ``words`` (``repo`` is the work tree of ``source``), each commit's changes in plain
    words, the file versions read through ``store`` (default: none kept between runs); the
    walk of the history read through ``walks``, where given (see ``WalkStore``)."""
    if source is None:
        return History()
    history = fold_history(touched_files(source.folder, source.ref, walks))
    if repo is not None:
        history.people = people_names(repo)
        if words:
            from processkit.history.snapshots import SnapshotStore

            history.words = describe(history, repo, store or SnapshotStore(None))
    # with every file's hash worked out here, where git is read beside the build
    return history.digested()


def people_names(repo: Repository) -> dict[str, str]:
    """Each person's name by their casefolded name and e-mail."""
    names: dict[str, str] = {}
    for record in repo.of_kind("person").values():
        person = record.entity
        for known in (getattr(person, "email", None), person.name):
            if known:
                names.setdefault(str(known).strip().casefold(), str(person.name))
    return names


def describe(
    history: History, repo: Repository, store: SnapshotStore
) -> dict[tuple[str, str], tuple[Markup, ...]]:
    """What each commit that a page shows changed in each file, in the change log's words
    (in the site's language); nothing on a shallow clone, whose oldest commits would look as
    if they added everything. The words of a commit are kept beside ``store`` (``Described``),
    so a build after a new commit describes that commit alone."""
    from processkit.history.changelog import commit_changes
    from processkit.loading.git import GitHistory

    shown = {commit.sha: commit for commits in history.files.values() for commit in commits}
    newest = sorted(shown.values(), key=lambda commit: commit.date, reverse=True)
    wanted = [commit.sha for commit in newest[:DESCRIBED]]
    words: dict[tuple[str, str], tuple[Markup, ...]] = {}
    memo = Described(store.path.parent / Described.FILE if store.path else None, repo)
    try:
        with GitHistory(repo.root, _("the history")) as git:
            if git.is_shallow():
                return words
            for sha in wanted:
                kept = memo.get(sha)
                if kept is None:
                    entries = commit_changes(git, repo, sha, store)
                    by_path: dict[str, list[Markup]] = {}
                    for entry in entries:
                        path = entry.path or entry.old_path
                        if path is not None:
                            by_path.setdefault(path, []).extend(_phrases(entry, repo))
                    kept = memo.keep(sha, by_path)
                for path, phrases in kept.items():
                    words[(sha, path)] = phrases
    except ProcesskitError:
        return {}
    memo.save()
    return words


class Described(UsedStore):
    """The words of each commit described by an earlier build, by the commit's hash, in the
    cache folder (``path`` None: kept in this run only). They hold only while what they are
    made from stays (``_words_key``): processkit's version and the code that reads and words
    the history, the catalogues of the site's language and of the language spoken (why a
    version could not be read is told in the latter), the configuration, and every entity's
    id, file and name (a reference is shown by the name the repository gives it now). Saved
    with the commits this build used."""

    NAME = "described commits"
    FILE = "described.bin"

    def __init__(self, path: Path | None, repo: Repository) -> None:
        super().__init__(path, key=_words_key(repo))

    def get(self, sha: str) -> dict[str, tuple[Markup, ...]] | None:
        found: dict[str, list[str]] | None = self.take(sha)
        if found is None:
            return None
        return {path: tuple(Markup(text) for text in texts) for path, texts in found.items()}

    def keep(self, sha: str, by_path: dict[str, list[Markup]]) -> dict[str, tuple[Markup, ...]]:
        self.put(sha, {path: [str(text) for text in texts] for path, texts in by_path.items()})
        return {path: tuple(texts) for path, texts in by_path.items()}


def _words_key(repo: Repository) -> str:
    import hashlib

    from processkit import __version__
    from processkit.cache import code_digest
    from processkit.model.kinds import KIND_TABLE

    spoken = i18n.current()
    digest = hashlib.sha256(f"{__version__}\0{repo.config!r}\0{spoken}\0".encode())
    digest.update(i18n.catalogue_bytes(repo.config.site.language))
    digest.update(i18n.catalogue_bytes(spoken))
    code = ("processkit.history", "processkit.loading", "processkit.model", "processkit.words")
    digest.update(code_digest(__name__, *code))
    for row in KIND_TABLE:
        for entity_id, record in sorted(repo.of_kind(row.kind).items()):
            title = row.title_of(record.entity) if row.title_field is not None else None
            digest.update(
                f"{row.kind}\0{entity_id}\0{record.path}\0{title}\0".encode(
                    "utf-8", "surrogatepass"
                )
            )
    return digest.hexdigest()


def _phrases(entry: EntityChange, repo: Repository) -> list[Markup]:
    from processkit.history.phrasing import describe as phrase

    language = repo.config.site.language
    with i18n.speaking(language):
        if entry.change == "added":
            return [Markup(escape(p_("page history", "created")))]
        if entry.change == "removed":
            return [Markup(escape(p_("page history", "removed")))]
    return [
        Markup(phrase(f, language, markup=escape, code=_code, kind=entry.kind))
        for f in entry.fields
    ]


def _code(text: str) -> str:
    return f"<code>{escape(text)}</code>"


@frozen
class GitLinks:
    """What the site knows of the git host: the commit that closed each ``done`` proposal
    (empty outside git and for a site of the past) and the host's web address (or None);
    and the change log of the last days that the recent-changes page shows (None outside
    git, on a shallow clone and for a site of the past)."""

    closing: Mapping[str, Commit] = field(default_factory=dict)
    web_base: str | None = None
    changelog: ChangeLog | None = None


@frozen
class GitRead:
    """What publish reads from git: the history of the files the site describes, the git
    links, and ``key``, a hash of all it was read from (None outside git, for a site of the
    past, and for a publish of its own, which builds once): a later build in the same process
    (``serve``'s) with the same key reads nothing again."""

    history: History
    links: GitLinks
    key: str | None = None
