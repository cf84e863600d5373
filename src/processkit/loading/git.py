"""Git, in one place: every command that reads or makes a git repository goes through here.

One commit type (``Commit``) with one short-hash rule (``short_hash``), so every report and
page shows a commit the same way. The history is read in whole walks (one ``git log``, one
``git diff``, file contents through git's persistent ``cat-file`` process), never a git call
per entity. gitpython is slow to import: it is imported only where a command needs git.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from processkit.errors import ProcesskitError
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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file changed by a commit (or between two commits), paths relative to the process
    repository's root; ``None`` where the file does not exist on that side."""

    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None


@dataclass(frozen=True, slots=True)
class LoggedCommit:
    """A commit of the walk and the files it changed (against its first parent)."""

    ref: Commit
    files: tuple[FileChange, ...]


@dataclass(frozen=True, slots=True)
class TouchedFiles:
    """A commit and the paths (relative to the folder read) of the files it changed."""

    commit: Commit
    paths: tuple[str, ...]


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


@dataclass(frozen=True, slots=True)
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
    None (no git repository, no origin)."""
    import git

    try:
        with git.Repo(root, search_parent_directories=True) as repo:
            if "origin" not in [remote.name for remote in repo.remotes]:
                return None
            urls = list(repo.remote("origin").urls)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, git.GitCommandError, ValueError):
        return None
    return urls[0] if urls else None


# --- the files' history, for the site (empty outside git) ----------------------------------


def touched_files(folder: Path, ref: str = "HEAD") -> Iterator[TouchedFiles]:
    """Every commit up to ``ref`` (newest first, merges left out) that changed files in
    ``folder``, with those files; nothing outside git or before the first commit."""
    try:
        import git
    except ImportError:  # gitpython finds no git program
        return
    try:
        output = git.Git(str(folder)).log(
            "-z", "--no-merges", "--relative", "--name-only", f"--format={_FORMAT}", ref, "--", "."
        )
    except git.GitCommandError:
        return  # not a git repository, or one without commits yet
    yield from parse_touched(str(output))


def parse_touched(output: str) -> Iterator[TouchedFiles]:
    """The commits of ``git log -z --name-only --format=<_FORMAT>`` output."""
    for record in output.split(_RECORD):
        if not record.strip("\n\x00"):
            continue
        commit, rest = _parse_header(record)
        names = rest.lstrip("\x00\n").split("\x00")
        yield TouchedFiles(commit, tuple(sorted(name for name in names if name)))


def head_commit(folder: Path) -> str | None:
    """The full hash of the commit checked out (None outside git or before the first)."""
    try:
        import git
    except ImportError:
        return None
    try:
        sha = git.Git(str(folder)).rev_parse("--verify", "--quiet", "HEAD^{commit}")
    except git.GitCommandError:
        return None
    return str(sha).strip() or None


def is_shallow(folder: Path) -> bool:
    """Whether ``folder``'s git repository is a shallow clone (its older history missing)."""
    try:
        import git
    except ImportError:
        return False
    try:
        answer = git.Git(str(folder)).rev_parse("--is-shallow-repository")
    except git.GitCommandError:
        return False
    return str(answer).strip() == "true"


def commit_date(folder: Path, ref: str = "HEAD") -> date | None:
    """The day ``ref`` was committed (its committer date, in its own time zone); None outside
    git or before the first commit."""
    try:
        import git
    except ImportError:
        return None
    try:
        stamp = git.Git(str(folder)).show("-s", "--format=%cI", ref, "--")
    except git.GitCommandError:
        return None
    stamp = str(stamp).strip()
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
    output = repo.git.show("-s", f"--format={_FORMAT}", sha, "--")
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
    """The git repository holding a process repository (which may be a sub-folder of it).

    Use as a context manager: it closes git's persistent helper processes on exit.
    """

    def __init__(self, root: Path, purpose: str) -> None:
        import git

        self._git_module = git
        try:
            self.repo: git.Repo = git.Repo(root, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise ProcesskitError(
                _(
                    "{purpose} reads the git history, and {folder} is not inside a git repository",
                    purpose=purpose,
                    folder=root,
                )
            ) from None
        top = Path(self.repo.working_tree_dir or root).resolve()
        self.top = top
        relative = root.resolve().relative_to(top).as_posix()
        self.prefix = "" if relative == "." else relative + "/"
        try:
            self.head = self.repo.git.rev_parse("--verify", "--quiet", "HEAD^{commit}")
        except git.GitCommandError:
            raise ProcesskitError(
                _(
                    "{purpose} reads the git history, and the repository has no commits yet",
                    purpose=purpose,
                )
            ) from None

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
        self.repo.close()

    # --- revisions -------------------------------------------------------------------------

    def resolve(self, ref: str, option: str) -> str:
        """The full hash of a commit named by hash, branch or tag, or a one-line error."""
        try:
            return str(self.repo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}"))
        except self._git_module.GitCommandError:
            raise ProcesskitError(
                _(
                    "{option}: `{ref}` is not a date (YYYY-MM-DD), a period such as 7d, or a "
                    "commit, branch or tag of this repository",
                    option=option,
                    ref=ref,
                )
            ) from None

    def commit_named(self, text: str) -> str | None:
        """The full hash of the commit a (possibly abbreviated) hash names, or None."""
        try:
            sha, kind, _size = self.repo.git.get_object_header(text)
        except (ValueError, self._git_module.GitCommandError):
            return None
        name = sha.decode() if isinstance(sha, bytes) else str(sha)
        return name if kind in (b"commit", "commit") else None

    def commit(self, sha: str) -> Commit:
        """What the reports show about one commit."""
        return _show(self.repo, sha)

    def parent(self, sha: str) -> str | None:
        """The full hash of a commit's first parent (None for a first commit)."""
        try:
            return str(self.repo.git.rev_parse("--verify", "--quiet", f"{sha}^1^{{commit}}"))
        except self._git_module.GitCommandError:
            return None

    def is_shallow(self) -> bool:
        """Whether this is a shallow clone (CI checkouts often are): older history is missing."""
        answer: str = self.repo.git.rev_parse("--is-shallow-repository")
        return answer.strip() == "true"

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
        (close the generator) whenever you like."""
        args = [
            "log",
            "--raw",
            "-z",
            "--no-abbrev",
            "--no-renames",
            "--no-merges",
            f"--format={_FORMAT}",
            *revisions,
            "--",
            self.prefix or ".",
        ]
        for record in self._stream(args):
            ref, rest = _parse_header(record)
            yield LoggedCommit(ref, tuple(self._raw_changes(rest)))

    def diff(self, base: str | None, end: str) -> list[FileChange]:
        """The files that differ between two commits (``None``: the empty start)."""
        output = self.repo.git.diff(
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
        data: bytes = self.repo.git.get_object_data(sha)[3]
        return data

    def blobs(self, shas: Iterable[str]) -> dict[str, bytes]:
        """The contents of many file versions at once: one ``git cat-file --batch`` run fed
        every hash, rather than a question and an answer per file."""
        wanted = sorted(set(shas))
        if not wanted:
            return {}
        handle = self.repo.git.execute(
            ["git", "cat-file", "--batch"],
            as_process=True,
            istream=subprocess.PIPE,
            stdout_as_string=False,
        )
        process = handle.proc
        assert process is not None
        output, problem = process.communicate(("\n".join(wanted) + "\n").encode())
        if process.returncode != 0:
            message = problem.decode("utf-8", "replace").strip()
            raise ProcesskitError(_("git could not read the history: {problem}", problem=message))
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
        handle = self.repo.git.execute(["git", *args], as_process=True, stdout_as_string=False)
        process = handle.proc
        assert process is not None and process.stdout is not None and process.stderr is not None
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
