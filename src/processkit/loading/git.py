"""Git, in one place: every command that reads or makes a git repository goes through here.

One commit type (``Commit``) with one short-hash rule (``short_hash``), so every report and
page shows a commit the same way. The history is read in whole walks (one ``git log``, one
``git diff``, many file contents through one ``git cat-file --batch``), never a git call per
entity.

What ``publish`` reads (the history, the change log, the commits that closed proposals, the
commit checked out and the ``origin`` remote) runs the git program directly through one small
runner (``_run``). gitpython is slow to import (and runs ``git version`` when imported): it is
imported only by the commands that make a repository or read one as it stood at a commit.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tarfile
from collections.abc import Generator, Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeGuard

from processkit.cache import UsedStore, usable_folder
from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.i18n import _

if TYPE_CHECKING:
    import git

#: How many characters of a commit's hash people are shown (git's own default abbreviation).
SHORT_HASH = 7

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
_ZERO = "0" * 40
_FILE_MODES = ("100644", "100755")
_RECORD = "\x1e"
_FIELD = "\x1f"
#: hash, author name, author e-mail, committer date, author date (strict ISO 8601), message
_FORMAT = "%x1e%H%x1f%an%x1f%ae%x1f%cI%x1f%aI%x1f%B%x1f"


def short_hash(sha: str) -> str:
    """The abbreviated hash people write: its first ``SHORT_HASH`` characters."""
    return sha[:SHORT_HASH]


@frozen
class Commit:
    """One commit: its hash, the day it was written (``authored``: the author's date) and its
    date (the committer's, in the committer's time zone), its author and its message."""

    sha: str
    authored: date
    date: date
    author: str
    email: str
    message: str

    @property
    def short(self) -> str:
        return short_hash(self.sha)

    @property
    def summary(self) -> str:
        """The subject, as git shows it: the first paragraph of the message, on one line."""
        paragraph = self.message.strip().split("\n\n", 1)[0]
        return " ".join(line.strip() for line in paragraph.splitlines())


@frozen
class FileChange:
    """One file changed by a commit (or between two commits), paths relative to the process
    repository's root; ``None`` where the file does not exist on that side."""

    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None


@frozen
class LoggedCommit:
    """A commit of the walk and the files it changed (against its first parent)."""

    ref: Commit
    files: tuple[FileChange, ...]


@frozen
class TouchedFiles:
    """A commit and the paths (relative to the folder read) of the files it changed."""

    commit: Commit
    paths: tuple[str, ...]


# --- running git ---------------------------------------------------------------------------


class _GitFailed(Exception):
    """git said no (a non-zero exit status; ``problem`` is what it wrote to its error output),
    or could not be run: ``missing`` when there is no git program, else the folder is not
    there."""

    def __init__(self, problem: str, *, missing: bool = False) -> None:
        super().__init__(problem)
        self.problem = problem
        self.missing = missing


#: What tells git where a repository is, in place of the folder it runs in (from ``git rev-parse
#: --local-env-vars``, less those of its configuration): git sets ``GIT_DIR`` for a hook run in
#: a linked worktree, and the repository processkit reads is the one holding the folder it is
#: given.
_LOCATION = frozenset(
    {
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_IMPLICIT_WORK_TREE",
        "GIT_COMMON_DIR",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_GRAFT_FILE",
        "GIT_SHALLOW_FILE",
        "GIT_NO_REPLACE_OBJECTS",
        "GIT_REPLACE_REF_BASE",
        "GIT_PREFIX",
        "GIT_INTERNAL_SUPER_PREFIX",
    }
)


def _environment() -> dict[str, str]:
    """The environment git runs in: this one, with git's messages in plain English (as
    gitpython asked for them) and without what would point it at another repository than the
    folder's (``_LOCATION``); nothing that changes what git reads from its configuration."""
    kept = {name: value for name, value in os.environ.items() if name not in _LOCATION}
    return {**kept, "LANGUAGE": "C", "LC_ALL": "C"}


def _start(folder: Path, args: Sequence[str], *, feed: bool = False) -> subprocess.Popen[bytes]:
    """Start ``git ARGS`` in ``folder``, its output and error output piped; its input closed
    unless it is to be fed."""
    try:
        return subprocess.Popen(
            ["git", *args],
            cwd=folder,
            env=_environment(),
            stdin=subprocess.PIPE if feed else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as problem:  # no git program, or no such folder
        missing = problem.filename != str(folder) and folder.is_dir()
        raise _GitFailed(str(problem), missing=missing) from None


def _finish(process: subprocess.Popen[bytes], feed: bytes | None = None) -> bytes:
    """What a started git wrote (fed ``feed``); ``_GitFailed`` when it fails."""
    output, problem = process.communicate(feed)
    if process.returncode != 0:
        raise _GitFailed(problem.decode("utf-8", "replace").strip())
    return output


def _run_bytes(folder: Path, *args: str, feed: bytes | None = None) -> bytes:
    """The output of ``git ARGS`` run in ``folder`` (fed ``feed``), exactly as written."""
    return _finish(_start(folder, args, feed=feed is not None), feed)


def _run(folder: Path, *args: str) -> str:
    """The output of ``git ARGS`` run in ``folder`` as text, as gitpython gave it: UTF-8 (a
    byte that is not UTF-8 kept as a lone surrogate), one trailing newline taken off."""
    return _text(_run_bytes(folder, *args))


def _text(output: bytes) -> str:
    """Git's ``output`` as text, as ``_run`` gives it."""
    if output.endswith(b"\n"):
        output = output[:-1]
    return output.decode("utf-8", "surrogateescape")


# --- the folder in git ---------------------------------------------------------------------


def top_folder(start: Path) -> Path | None:
    """The top folder of the git repository holding ``start`` (the one with ``.git``), found
    without running git; None outside one."""
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / ".git").exists():
            return folder
    return None


def changed_files(root: Path, ref: str) -> set[str]:
    """Paths (relative to ``root``, ``/``-separated) changed since ``ref``: committed, staged,
    unstaged or untracked."""
    import git

    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise ProcesskitError(
            _(
                "--changed-since needs a git repository, and {folder} is not inside one",
                folder=root,
            )
        ) from None
    try:
        repo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}")
    except git.GitCommandError:
        raise ProcesskitError(
            _(
                "--changed-since: `{ref}` is not a commit, branch or tag in this repository",
                ref=ref,
            )
        ) from None
    top = Path(repo.working_tree_dir or root).resolve()
    names = repo.git.diff("--name-only", "--no-renames", ref, "--").splitlines()
    names += repo.untracked_files
    changed: set[str] = set()
    base = root.resolve()
    for name in names:
        full = top / name
        try:
            changed.add(full.relative_to(base).as_posix())
        except ValueError:
            continue
    return changed


def texts_at(root: Path, ref: str, paths: Iterable[str]) -> dict[str, str]:
    """The text at ``ref`` of each of ``paths`` (relative to ``root``, ``/``-separated) that
    was there, read through one git process: what a change removed or renamed is read from
    it."""
    import git

    texts: dict[str, str] = {}
    with git.Repo(root, search_parent_directories=True) as repo:
        top = Path(repo.working_tree_dir or root).resolve()
        prefix = root.resolve().relative_to(top).as_posix()
        tree = repo.commit(ref).tree
        for path in sorted(paths):
            try:
                blob = tree / (path if prefix == "." else f"{prefix}/{path}")
            except KeyError:  # added since
                continue
            if blob.type == "blob":
                texts[path] = blob.data_stream.read().decode("utf-8", "replace")
    return texts


@frozen
class NewRepository:
    """What ``make_repository`` did: ``made`` a repository, found the folder ``inside`` one
    (its top folder), or could not (``problem``; git missing or failing)."""

    made: bool
    inside: Path | None = None
    problem: str | None = None


def make_repository(folder: Path, branch: str = "main") -> NewRepository:
    """Make ``folder`` a git repository with first branch ``branch``, committing nothing,
    unless it already lies inside one. Never raises: without git, says so."""
    if shutil.which("git") is None:
        return NewRepository(False, problem=_("git is not installed"))
    try:
        import git
    except ImportError as problem:  # gitpython finds no usable git program
        return NewRepository(False, problem=_("git cannot be run ({problem})", problem=problem))
    try:
        with git.Repo(folder, search_parent_directories=True) as existing:
            return NewRepository(False, inside=Path(existing.working_tree_dir or folder))
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        pass
    try:
        with git.Repo.init(folder) as repo:
            # `git init -b` needs git 2.28; naming HEAD's branch works with every version
            repo.git.symbolic_ref("HEAD", f"refs/heads/{branch}")
    except (git.GitCommandError, OSError) as problem:
        return NewRepository(
            False, problem=_("git init failed ({problem})", problem=_first_line(problem))
        )
    return NewRepository(True)


def _first_line(problem: Exception) -> str:
    stderr = getattr(problem, "stderr", None)
    text = str(stderr if stderr else problem).strip().strip("'").strip()
    text = text.removeprefix("stderr:").strip().strip("'").strip()
    return text.splitlines()[0] if text else type(problem).__name__


def origin_remote(root: Path) -> str | None:
    """The first address of the ``origin`` remote of the git repository holding ``root``, or
    None (no git repository, no origin, no git program)."""
    try:
        urls = _run(root, "remote", "get-url", "--all", "origin").splitlines()
    except _GitFailed:
        return None
    return urls[0] if urls and urls[0] else None


# --- the files' history, for the site (empty outside git) ----------------------------------


def touched_files(
    folder: Path, ref: str = "HEAD", walks: WalkStore | None = None
) -> Iterator[TouchedFiles]:
    """Every commit up to ``ref`` (newest first, merges left out) that changed files in
    ``folder``, with those files; nothing outside git or before the first commit. A file
    moved is named where it went, as git does unless set otherwise (``diff.renames``): what a
    setting of git's changes is not what the site shows. With ``walks``, the walk from the
    commit checked out (``ref`` HEAD) is kept there for the next time, which then walks only
    the commits made since."""
    options = (
        "log",
        "-z",
        "--no-merges",
        "--relative",
        "--name-only",
        "--find-renames",
        *_PINNED,
        f"--format={_FORMAT}",
    )
    try:
        if walks is not None and ref == "HEAD":
            lines, head, _said = _where(folder, ("--show-prefix", "--is-shallow-repository"))
            if head is None or len(lines) < 2:
                return  # no commits yet
            shallow = lines[1].strip() == "true"
            found = walks.output(folder, options, head, (".",), lines[0].strip(), shallow=shallow)
        else:
            found = _run_bytes(folder, *options, ref, "--", ".")
    except _GitFailed:
        return  # not a git repository, one without commits yet, or no git program
    yield from parse_touched(_text(found))


class WalkStore(UsedStore):
    """The output of whole-history walks (``git log`` from the commit checked out), each kept
    with the commit it started from, by its options and paths.

    When the commit checked out has new commits on top of the one kept, one after another,
    only those are walked, and their output put before the one kept. That is what git writes
    for the whole walk: it goes through the new commits first, one by one, and then on from
    the kept commit as a walk from there would. One after another: each has the one before
    as its only parent, or is a merge whose files in the folder walked are those of one of
    its parents, the first such being the one before; git then follows that parent alone
    (a pull request merged when it was up to date, or one that changed nothing in the
    folder). The walk of the new commits alone does the same where that parent is the kept
    commit, where it stops: git counts the commit a walk stops at as one to follow.
    After anything else (a merge of two lines of changes, a history rewritten, a clone whose
    older history is missing) the whole history is walked again. ``path`` None keeps nothing
    between runs."""

    NAME = "git walks"
    FILE = "git-walks.bin"
    #: at most this many new commits are walked alone; after more, the whole history is
    LINEAR = 500

    @classmethod
    def in_folder(cls, folder: Path | None, root: Path) -> WalkStore:
        """The store in the cache folder ``folder`` (None: the repository's own at
        ``root``); one that keeps nothing where no folder can be made."""
        usable = usable_folder(folder, root)
        return cls(usable / cls.FILE if usable is not None else None)

    def output(
        self,
        folder: Path,
        options: Sequence[str],
        head: str,
        paths: Sequence[str],
        within: str,
        *,
        shallow: bool,
    ) -> bytes:
        """What ``git OPTIONS HEAD -- PATHS`` writes, run in ``folder`` (``_GitFailed`` when
        git fails); ``head`` the full hash of the commit checked out; ``within`` the folder
        that ``paths`` name, from the top of git ("" the top itself, else ending in "/").
        Nothing is kept of a shallow clone's walk (``shallow``): its older history may come
        later."""
        # the folder too: ``paths`` may be named from it (the same "." for every folder)
        entry = "\0".join((*options, "--", *paths, within))
        kept = None if shallow else self.take(entry)
        start, before = None, b""
        if _walk_kept(kept):  # its text hashed once, here
            start, before, _digest = kept
        if start == head:
            return before  # kept as it is (``take`` counted it as used)
        if start is not None and _on_top(folder, start, head, within, self.LINEAR):
            output = _run_bytes(folder, *options, f"{start}..{head}", "--", *paths) + before
        else:
            output = _run_bytes(folder, *options, head, "--", *paths)
        if not shallow:
            self.put(entry, (head, output, hashlib.sha256(output).digest()))
        return output


#: What git's settings would otherwise change in a walk's output: a walk kept from one run is
#: put together with the walk of the next, so both must be written alike (a path followed
#: across renames walks the history another way; a signature or another encoding adds to or
#: changes the text; the first commit's files are listed).
_PINNED = ("--no-follow", "--no-show-signature", "--encoding=UTF-8", "--root")
#: The walk ``GitHistory.log`` makes, less its revisions and paths: each commit with the
#: files it changed, as git's own lines (``--raw``), no rename made of a file removed and one
#: added.
LOG_RAW = (
    "log",
    "--raw",
    "-z",
    "--no-abbrev",
    "--no-renames",
    "--no-merges",
    *_PINNED,
    f"--format={_FORMAT}",
)


def _walk_kept(kept: object) -> TypeGuard[tuple[str, bytes, bytes]]:
    """Whether a stored value is a walk as ``WalkStore`` keeps it: a commit's full hash, what
    git wrote and that text's sha256 (anything else, a store damaged or written over by hand,
    is walked again)."""
    return (
        isinstance(kept, tuple)
        and len(kept) == 3
        and isinstance(kept[0], str)
        and len(kept[0]) in (40, 64)
        and all(character in _HEX for character in kept[0])
        and isinstance(kept[1], bytes)
        and kept[2] == hashlib.sha256(kept[1]).digest()
    )


_HEX = frozenset("0123456789abcdef")


def _on_top(folder: Path, start: str, head: str, within: str, most: int) -> bool:
    """Whether ``head`` is ``start`` with at most ``most`` commits on top, one after another
    as a walk of the folder ``within`` follows them (see ``WalkStore``)."""
    try:
        listed = _run(folder, "rev-list", "--parents", f"--max-count={most}", f"{start}..{head}")
    except _GitFailed:  # ``start`` gone (a history rewritten and cleaned up)
        return False
    parents = {shas[0]: shas[1:] for shas in (line.split() for line in listed.splitlines())}
    merges = {sha: found for sha, found in parents.items() if len(found) > 1}
    folders = _folders(
        folder, {sha for merge, found in merges.items() for sha in (merge, *found)}, within
    )
    if folders is None:
        return False
    for sha, found in merges.items():
        # git follows the first parent whose files in the folder are the merge's, alone
        same = [parent for parent in found if folders[parent] == folders[sha]]
        parents[sha] = same[:1]
    expected = head
    for _step in range(len(parents)):
        found = parents.get(expected, [])
        if len(found) != 1:
            return False  # a first commit, a merge followed on both sides, or out of reach
        expected = found[0]
        if expected == start:
            return True
    return False


def _folders(folder: Path, shas: set[str], within: str) -> dict[str, str] | None:
    """The git hash of what is at ``within`` (a folder) in each of the commits ``shas`` (""
    where there is nothing), asked of one git; None where git fails."""
    if not shas:
        return {}
    asked = sorted(shas)
    where = within.rstrip("/")
    lines = "".join(f"{sha}:{where}\n" if where else f"{sha}^{{tree}}\n" for sha in asked)
    try:
        # a folder's name as git gave it (bytes that are not UTF-8 as lone surrogates)
        feed = lines.encode("utf-8", "surrogateescape")
        output = _run_bytes(folder, "cat-file", "--batch-check", feed=feed)
    except _GitFailed:
        return None
    # one line of answer a line asked: "<hash> <type> <size>", or "<asked> missing"
    answers = output.decode("utf-8", "surrogateescape").split("\n")
    found = {}
    for sha, answer in zip(asked, answers, strict=False):
        parts = answer.split(" ")
        found[sha] = parts[0] if len(parts) == 3 and parts[2].isdigit() else ""
    return found if len(found) == len(asked) else None


def parse_touched(output: str) -> Iterator[TouchedFiles]:
    """The commits of ``git log -z --name-only --format=<_FORMAT>`` output."""
    for record in output.split(_RECORD):
        if not record.strip("\n\x00"):
            continue
        commit, rest = _parse_header(record)
        names = rest.lstrip("\x00\n").split("\x00")
        yield TouchedFiles(commit, tuple(sorted(name for name in names if name)))


def head_and_shallow(folder: Path) -> tuple[str | None, bool]:
    """The full hash of the commit checked out (None outside git or before the first), and
    whether the repository is a shallow clone (its older history missing), asked of one
    git."""
    try:
        lines, head, _said = _where(folder, ("--is-shallow-repository",))
    except _GitFailed:
        return None, False
    return head, bool(lines) and lines[0].strip() == "true"


def _where(folder: Path, shown: Sequence[str]) -> tuple[list[str], str | None, str]:
    """``git rev-parse`` of the options ``shown`` and of the commit checked out, in one run:
    the lines of ``shown`` (fewer outside git), the commit's full hash (None outside git and
    before the first commit, when git ends with status 1 having said the others) and what git
    wrote to its error output. ``_GitFailed`` where git cannot be run."""
    process = _start(folder, ["rev-parse", *shown, "--verify", "--quiet", "HEAD^{commit}"])
    output, said = process.communicate()
    lines = output.decode("utf-8", "surrogateescape").splitlines()
    found = lines[len(shown)].strip() if len(lines) > len(shown) else ""
    head = found if process.returncode == 0 and found else None
    return lines[: len(shown)], head, said.decode("utf-8", "replace").strip()


def commit_date(folder: Path, ref: str = "HEAD") -> date | None:
    """The day ``ref`` was committed (its committer date, in its own time zone); None outside
    git or before the first commit."""
    try:
        stamp = _run(folder, "show", "-s", "--format=%cI", ref, "--").strip()
    except _GitFailed:
        return None
    return date.fromisoformat(stamp[:10]) if stamp else None


# --- the repository as it stood at a commit (publish --as-of / --at) ----------------------


def _snapshot_repo(folder: Path) -> git.Repo:
    import git

    try:
        return git.Repo(folder, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise ProcesskitError(
            _(
                "--as-of and --at read the repository's git history, and {folder} is not "
                "inside a git repository",
                folder=folder,
            )
        ) from None


def _prefix(repo: git.Repo, folder: Path) -> str:
    top = Path(repo.working_tree_dir or folder).resolve()
    relative = folder.resolve().relative_to(top).as_posix()
    return "" if relative == "." else relative


def _show(repo: git.Repo, sha: str) -> Commit:
    return _shown(repo.git.show("-s", f"--format={_FORMAT}", sha, "--"))


def _shown(output: str) -> Commit:
    """The commit ``git show -s --format=<_FORMAT>`` shows."""
    return _parse_header(output.split(_RECORD, 1)[1])[0]


def resolve_at(folder: Path, ref: str) -> Commit:
    """The commit ``ref`` names (a branch, tag or commit id)."""
    import git

    with _snapshot_repo(folder) as repo:
        try:
            sha = repo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}")
        except git.GitCommandError:
            raise ProcesskitError(
                _("--at: `{ref}` is not a commit, branch or tag in this repository", ref=ref)
            ) from None
        return _show(repo, sha)


def resolve_as_of(folder: Path, day: date) -> Commit:
    """The last commit made on or before ``day`` (its committer date, in its own zone), on
    the first-parent line of HEAD (a merged branch counts from the day it was merged)."""
    import git

    with _snapshot_repo(folder) as repo:
        try:
            lines = repo.git.log("--first-parent", "--format=%H %cI", "HEAD", "--").splitlines()
        except git.GitCommandError:
            lines = []
        for line in lines:
            sha, _space, stamp = line.partition(" ")
            if date.fromisoformat(stamp[:10]) <= day:
                return _show(repo, sha)
    first = lines[-1].partition(" ")[2][:10] if lines else None
    if first:
        raise ProcesskitError(
            _(
                "--as-of {day}: the repository has no commit from that day or before; its "
                "history starts {first}",
                day=day.isoformat(),
                first=first,
            )
        )
    raise ProcesskitError(
        _(
            "--as-of {day}: the repository has no commit from that day or before",
            day=day.isoformat(),
        )
    )


def export(folder: Path, commit: Commit, target: Path) -> Path:
    """Write ``commit``'s files of the repository folder under ``target`` (``git archive``,
    the working tree untouched); return the repository's root there."""
    import git

    with _snapshot_repo(folder) as repo:
        prefix = _prefix(repo, folder)
        stream = io.BytesIO()
        try:
            repo.archive(stream, commit.sha, format="tar", path=[prefix] if prefix else [])
        except git.GitCommandError:
            raise ProcesskitError(
                _(
                    "the folder {folder} did not exist in commit {commit}",
                    folder=prefix or ".",
                    commit=commit.short,
                )
            ) from None
    stream.seek(0)
    with tarfile.open(fileobj=stream) as archive:
        archive.extractall(target, filter="data")
    root = target / prefix if prefix else target
    if not root.is_dir():
        raise ProcesskitError(
            _(
                "the folder {folder} did not exist in commit {commit}",
                folder=prefix,
                commit=commit.short,
            )
        )
    return root


# --- the history, for the weekly reports ---------------------------------------------------


class GitHistory:
    """The git repository holding a process repository (which may be a sub-folder of it), at
    the commit checked out when it was opened (``head``).

    Every git command runs in the repository's top folder. It may be used as a context
    manager (nothing is left running between its calls, so ``close`` has nothing to do).
    """

    def __init__(self, root: Path, purpose: str, walks: WalkStore | None = None) -> None:
        #: where the walk from the commit checked out is kept between runs (``log``)
        self._walks = walks
        # one git run: the top folder, the folder within it (as git writes paths), whether
        # the clone is shallow, and the commit checked out
        try:
            shown = ("--show-toplevel", "--show-prefix", "--is-shallow-repository")
            lines, head, problem = _where(root, shown)
        except _GitFailed as failed:
            if failed.missing:
                raise ProcesskitError(
                    _(
                        "git could not read the history: {problem}",
                        problem=_("git is not installed"),
                    )
                ) from None
            lines, head, problem = [], None, ""
        if len(lines) < 3 or not lines[0]:
            if problem and "not a git repository" not in problem:  # "dubious ownership"
                raise ProcesskitError(
                    _("git could not read the history: {problem}", problem=_reason(problem))
                )
            raise ProcesskitError(
                _(
                    "{purpose} reads the git history, and {folder} is not inside a git repository",
                    purpose=purpose,
                    folder=root,
                )
            )
        self.top = Path(lines[0]).resolve()
        self.prefix = lines[1].strip()  # "" at the top, else "folder/"
        self._shallow = lines[2].strip() == "true"
        if head is None:
            raise ProcesskitError(
                _(
                    "{purpose} reads the git history, and the repository has no commits yet",
                    purpose=purpose,
                )
            )
        self.head = head

    def __enter__(self) -> GitHistory:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to close: each question runs a git of its own, to its end."""

    # --- revisions -------------------------------------------------------------------------

    def resolve(self, ref: str, option: str) -> str:
        """The full hash of a commit named by hash, branch or tag, or a one-line error."""
        try:
            return _run(self.top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        except _GitFailed:
            raise ProcesskitError(
                _(
                    "{option}: `{ref}` is not a date (YYYY-MM-DD), a period such as 7d, or a "
                    "commit, branch or tag of this repository",
                    option=option,
                    ref=ref,
                )
            ) from None

    def commits_named(self, texts: Iterable[str]) -> dict[str, str]:
        """The full hash of the commit each of ``texts`` names (a hash, possibly abbreviated),
        for those that name one (not another kind of object, nor an unknown or ambiguous
        hash), asked of one ``git cat-file --batch-check``."""
        asked = sorted({text for text in texts if text.strip() and "\n" not in text})
        if not asked:
            return {}
        try:
            output = _run_bytes(
                self.top,
                "cat-file",
                "--batch-check",
                feed="".join(f"{t}\n" for t in asked).encode("utf-8", "surrogateescape"),
            )
        except _GitFailed:
            return {}
        named: dict[str, str] = {}
        # one line of answer a line asked: "<hash> <kind> <size>", or "<text> missing"
        for text, line in zip(asked, output.split(b"\n"), strict=False):
            answer = line.decode("utf-8", "surrogateescape").split(" ")
            if len(answer) == 3 and answer[1] == "commit":
                named[text] = answer[0]
        return named

    def commit(self, sha: str) -> Commit:
        """What the reports show about one commit."""
        return _shown(self._run("show", "-s", f"--format={_FORMAT}", sha, "--"))

    def parent(self, sha: str) -> str | None:
        """The full hash of a commit's first parent (None for a first commit)."""
        try:
            return _run(self.top, "rev-parse", "--verify", "--quiet", f"{sha}^1^{{commit}}")
        except _GitFailed:
            return None

    def is_shallow(self) -> bool:
        """Whether this is a shallow clone (CI checkouts often are): older history is missing.
        Read with ``head``, when the history was opened."""
        return self._shallow

    def first_parent_dates(self, start: str) -> Iterator[tuple[str, date]]:
        """(hash, committer date) along the first-parent line from ``start``, newest first."""
        for record in self._stream(["log", "--first-parent", "--format=%x1e%H%x1f%cI", start]):
            sha, stamp = record.split(_FIELD, 1)
            yield sha, datetime.fromisoformat(stamp.strip()).date()

    def last_before(self, start: str, day: date) -> str | None:
        """The newest commit on ``start``'s first-parent line dated before ``day``."""
        for sha, when in self.first_parent_dates(start):
            if when < day:
                return sha
        return None

    def last_on_or_before(self, start: str, day: date) -> str | None:
        """The newest commit on ``start``'s first-parent line dated ``day`` or earlier."""
        for sha, when in self.first_parent_dates(start):
            if when <= day:
                return sha
        return None

    # --- changes ---------------------------------------------------------------------------

    def log(self, revisions: Sequence[str]) -> Generator[LoggedCommit, None, None]:
        """The commits of ``revisions`` (newest first, merges left out) with the files each
        changed in the process repository, as one streamed ``git log`` walk; stop reading
        (close the generator) whenever you like. The walk from the commit checked out is
        read whole through the store of walks, where there is one (see ``WalkStore``)."""
        options = LOG_RAW
        paths = (self.prefix or ".",)
        records: Iterable[str]
        if self._walks is not None and list(revisions) == [self.head]:
            try:
                output = self._walks.output(
                    self.top, options, self.head, paths, self.prefix, shallow=self._shallow
                )
            except _GitFailed as failed:
                raise ProcesskitError(
                    _("git could not read the history: {problem}", problem=failed.problem)
                ) from None
            records = (
                record.decode("utf-8", "replace")
                for record in output.split(_RECORD.encode())
                if record
            )
        else:
            records = self._stream([*options, *revisions, "--", *paths])
        for record in records:
            ref, rest = _parse_header(record)
            yield LoggedCommit(ref, tuple(self._raw_changes(rest)))

    def diff(self, base: str | None, end: str) -> list[FileChange]:
        """The files that differ between two commits (``None``: the empty start)."""
        output = self._run(
            "diff",
            "--raw",
            "-z",
            "--no-abbrev",
            "--no-renames",
            base or EMPTY_TREE,
            end,
            "--",
            self.prefix or ".",
        )
        return list(self._raw_changes(output))

    def blob(self, sha: str) -> bytes:
        """The contents of a file version."""
        try:
            return _run_bytes(self.top, "cat-file", "blob", sha)
        except _GitFailed as failed:
            raise ProcesskitError(
                _("git could not read the history: {problem}", problem=failed.problem)
            ) from None

    def blobs(self, shas: Iterable[str]) -> dict[str, bytes]:
        """The contents of many file versions at once: one ``git cat-file --batch`` run fed
        every hash, rather than a question and an answer per file."""
        wanted = sorted(set(shas))
        if not wanted:
            return {}
        try:
            output = _run_bytes(
                self.top, "cat-file", "--batch", feed=("\n".join(wanted) + "\n").encode()
            )
        except _GitFailed as failed:
            raise ProcesskitError(
                _("git could not read the history: {problem}", problem=failed.problem)
            ) from None
        found: dict[str, bytes] = {}
        position = 0
        for sha in wanted:
            end = output.index(b"\n", position)
            header = output[position:end].split(b" ")
            position = end + 1
            if len(header) != 3:  # "<sha> missing"
                continue
            size = int(header[2])
            found[sha] = output[position : position + size]
            position += size + 1
        return found

    def _run(self, *args: str) -> str:
        """``git ARGS``'s output, run in the top folder; a failure is told in one line."""
        try:
            return _run(self.top, *args)
        except _GitFailed as failed:
            raise ProcesskitError(
                _("git could not read the history: {problem}", problem=failed.problem)
            ) from None

    def relative(self, git_path: str) -> str | None:
        """A path from the git root as a path in the process repository (None: outside it)."""
        if not git_path.startswith(self.prefix):
            return None
        return git_path[len(self.prefix) :]

    def _raw_changes(self, raw: str) -> Iterator[FileChange]:
        tokens = iter(raw.split("\0"))
        for token in tokens:
            meta = token.strip("\n")
            if not meta.startswith(":"):
                continue
            path = next(tokens, "")
            relative = self.relative(path)
            if relative is None:
                continue
            old_mode, new_mode, old, new, status = meta[1:].split(" ", 4)
            # only regular files hold entities (not links or submodules)
            gone_before = old == _ZERO or status.startswith("A") or old_mode not in _FILE_MODES
            gone_after = new == _ZERO or status.startswith("D") or new_mode not in _FILE_MODES
            if gone_before and gone_after:
                continue
            yield FileChange(
                None if gone_before else relative,
                None if gone_after else relative,
                None if gone_before else old,
                None if gone_after else new,
            )

    def _stream(self, args: Sequence[str]) -> Iterator[str]:
        """Run one git command and yield its output's records as they arrive."""
        try:
            process = _start(self.top, args)
        except _GitFailed as failed:
            raise ProcesskitError(
                _("git could not read the history: {problem}", problem=failed.problem)
            ) from None
        assert process.stdout is not None and process.stderr is not None
        descriptor = process.stdout.fileno()
        separator = _RECORD.encode()
        buffer = b""
        finished = False
        try:
            while chunk := os.read(descriptor, 1 << 16):
                buffer += chunk
                *complete, buffer = buffer.split(separator)
                for record in complete:
                    if record:
                        yield record.decode("utf-8", "replace")
            if buffer:
                yield buffer.decode("utf-8", "replace")
            finished = True
        finally:
            if not finished and process.poll() is None:
                process.kill()
            problem = process.stderr.read().decode("utf-8", "replace").strip()
            process.wait()
            process.stdout.close()
            process.stderr.close()
        if process.returncode != 0:
            raise ProcesskitError(_("git could not read the history: {problem}", problem=problem))


def _reason(said: str) -> str:
    """Why git stopped, from what it wrote: its ``fatal:`` line (warnings may come before
    it), else its last line."""
    lines = [line.strip() for line in said.splitlines() if line.strip()]
    fatal = [line for line in lines if line.startswith("fatal:")]
    return (fatal[0] if fatal else lines[-1]).removeprefix("fatal:").strip()


def _parse_header(record: str) -> tuple[Commit, str]:
    sha, author, email, committed, authored, message, rest = record.split(_FIELD, 6)
    commit = Commit(
        sha=sha.strip(),
        date=datetime.fromisoformat(committed.strip()).date(),
        authored=datetime.fromisoformat(authored.strip()).date(),
        author=author,
        email=email,
        message=message.strip(),
    )
    return commit, rest
