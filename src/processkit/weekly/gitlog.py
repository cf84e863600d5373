"""Reading the git history with gitpython: one ``git log`` walk, one ``git diff``, and file
contents through git's persistent ``cat-file`` process; never a git call per entity."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from processkit.errors import ProcesskitError
from processkit.weekly.commits import CommitRef

if TYPE_CHECKING:
    import git

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
_ZERO = "0" * 40
_FILE_MODES = ("100644", "100755")
_RECORD = "\x1e"
_FIELD = "\x1f"
#: hash, author name, author e-mail, committer date (strict ISO 8601), message
_FORMAT = "%x1e%H%x1f%an%x1f%ae%x1f%cI%x1f%B%x1f"


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

    ref: CommitRef
    files: tuple[FileChange, ...]


class GitHistory:
    """The git repository holding a process repository (which may be a sub-folder of it).

    Use as a context manager: it closes git's persistent helper processes on exit.
    """

    def __init__(self, root: Path, purpose: str) -> None:
        import git  # gitpython is slow to import; only the commands that read history need it

        self._git_module = git
        try:
            self.repo: git.Repo = git.Repo(root, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise ProcesskitError(
                f"{purpose} reads the git history, and {root} is not inside a git repository"
            ) from None
        top = Path(self.repo.working_tree_dir or root).resolve()
        self.top = top
        relative = root.resolve().relative_to(top).as_posix()
        self.prefix = "" if relative == "." else relative + "/"
        try:
            self.head = self.repo.git.rev_parse("--verify", "--quiet", "HEAD^{commit}")
        except git.GitCommandError:
            raise ProcesskitError(
                f"{purpose} reads the git history, and the repository has no commits yet"
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
                f"{option}: `{ref}` is not a date (YYYY-MM-DD), a period such as 7d, or a "
                "commit, branch or tag of this repository"
            ) from None

    def commit_named(self, text: str) -> str | None:
        """The full hash of the commit a (possibly abbreviated) hash names, or None."""
        try:
            sha, kind, _size = self.repo.git.get_object_header(text)
        except (ValueError, self._git_module.GitCommandError):
            return None
        name = sha.decode() if isinstance(sha, bytes) else str(sha)
        return name if kind in (b"commit", "commit") else None

    def commit(self, sha: str) -> CommitRef:
        """What the reports show about one commit."""
        output = self.repo.git.show("-s", f"--format={_FORMAT}", sha)
        return _parse_header(output.split(_RECORD, 1)[1])[0]

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
            raise ProcesskitError(f"git could not read the history: {message}")
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
            raise ProcesskitError(f"git could not read the history: {problem}")


def _parse_header(record: str) -> tuple[CommitRef, str]:
    sha, author, email, stamp, message, rest = record.split(_FIELD, 5)
    ref = CommitRef(
        sha=sha.strip(),
        date=datetime.fromisoformat(stamp.strip()).date(),
        author=author,
        email=email,
        message=message.strip(),
    )
    return ref, rest
