"""Give a generated repository a git history, and make the one change the benchmarks time.

``publish`` reads git history (the recent-changes page, the feeds, each page's history), so a
repository is only realistic as a git repository. ``init`` commits the generated files in one
commit dated 60 days before the generator's as-of date, by a fixed author, then makes one change
dated on the as-of date, and marks that commit as where a run starts (``START``). ``publish``
reads the 30 days of changes up to its last commit, so these hold that change and those the
benchmark makes, not the whole repository: a few commits, as in real use. A repository kept
between runs is brought back to its start by each run (``restart``): else the commits of all
runs before would pile up in those 30 days (the kept repository of 5,000 processes had 126).
``change_one`` edits the ``purpose`` of one process, always the same one, and commits it, dated
on the as-of date. The purpose is the next of a numbered series, so every call changes the file
to a text the build before did not see (processkit's caches keep what the last build used).

Everything is deterministic: the same files, dates, author and messages on every run (commit
ids differ only if git's own format does).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import yaml
from generate import MARKER
from yamltext import scalar

from processkit.cache import CACHE_FOLDER

AUTHOR_NAME = "Processgruppen Sjöstad"
AUTHOR_EMAIL = "processer@sjostad.example.se"
#: The first commit is this many days before the as-of date.
HISTORY_DAYS = 60
#: The changed process's purpose after its ``n``-th change: every change gives a text not seen
#: before, as a real edit does, so no cache keyed by content (a page, a map, a search shard)
#: can have kept what it makes from an earlier run.
PURPOSE = "Att ansökningar om stöd tas om hand i rätt tid, enligt ändring {n} av rutinen."
_NUMBERED = re.compile(r"enligt ändring ([0-9]+) av rutinen\.$")
#: What git should not see: processkit's cache and the generator's marker.
EXCLUDED = (f"{CACHE_FOLDER}/", MARKER)


def numbered(n: int) -> str:
    """The purpose after the ``n``-th change."""
    return PURPOSE.format(n=n)


def other_purpose(current: str) -> str:
    """Return the purpose to change to from ``current``: the next in the numbered series (the
    first when ``current`` is not in it)."""
    found = _NUMBERED.search(current)
    return numbered(int(found[1]) + 1 if found else 1)


def git(repo: Path, *args: str, when: dt.datetime | None = None) -> str:
    """Run git in ``repo`` as the fixed author (dated ``when``); return its output."""
    env = dict(os.environ, GIT_AUTHOR_NAME=AUTHOR_NAME, GIT_AUTHOR_EMAIL=AUTHOR_EMAIL)
    env.update(GIT_COMMITTER_NAME=AUTHOR_NAME, GIT_COMMITTER_EMAIL=AUTHOR_EMAIL)
    if when is not None:
        env.update(GIT_AUTHOR_DATE=when.isoformat(), GIT_COMMITTER_DATE=when.isoformat())
    result = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    if result.returncode != 0:
        raise SystemExit(f"git {' '.join(args)} failed in {repo}: {result.stderr.strip()}")
    return result.stdout


def moment(day: dt.date, hour: int) -> dt.datetime:
    """``day`` at ``hour`` o'clock, Swedish winter time."""
    return dt.datetime.combine(day, dt.time(hour), dt.timezone(dt.timedelta(hours=1)))


def init(repo: Path, as_of: dt.date, history: int = 0) -> None:
    """Make the generated ``repo`` a git repository: one commit of every file, dated
    ``HISTORY_DAYS`` before ``as_of``, ``history`` more commits (``lengthen``), then one change
    (``change_one``) dated ``as_of``."""
    git(repo, "init", "--quiet", "--initial-branch=main")
    exclude = repo / ".git" / "info" / "exclude"
    exclude.parent.mkdir(parents=True, exist_ok=True)
    exclude.write_text("".join(f"/{name}\n" for name in EXCLUDED), encoding="utf-8")
    git(repo, "add", "--all")
    first = moment(as_of - dt.timedelta(days=HISTORY_DAYS), 9)
    git(repo, "commit", "--quiet", "--message", "Processerna i Sjöstad", when=first)
    if history:
        lengthen(repo, history, first, moment(as_of - dt.timedelta(days=LOG_DAYS + 1), 9))
    change_one(repo, as_of)
    git(repo, "update-ref", START, "HEAD")


#: The commit ``init`` left, where each run starts (``restart``).
START = "refs/benchmark/start"


def restart(repo: Path, history: int = 0) -> None:
    """Bring the kept ``repo`` back to the commit ``init`` left (``START``): the commits and
    the edits of the runs before are dropped; processkit's cache folder and the generator's
    marker, which git does not see, stay. A repository kept from before ``START`` was made
    gets it: the commit after the first and the ``history`` more ``init`` made."""
    if not git(repo, "for-each-ref", START).strip():
        line = git(repo, "rev-list", "--reverse", "--first-parent", "HEAD").split()
        if len(line) < history + 2:
            raise SystemExit(f"{repo} has fewer commits than init makes; remove it")
        git(repo, "update-ref", START, line[history + 1])
    git(repo, "reset", "--hard", "--quiet", START)


#: ``publish`` lists the changes of this many days before its last commit.
LOG_DAYS = 30
#: The purpose a process gets from the ``n``-th commit ``lengthen`` makes.
REVIEWED = "Att stödet ges i rätt tid och på rätt sätt, enligt genomgång {n} av processen."


def lengthen(repo: Path, count: int, after: dt.datetime, before: dt.datetime) -> None:
    """Add ``count`` commits on top of ``repo``'s last, as years of weekly work leave: each
    changes the purpose of one process (going through all but ``changed_process`` in turn),
    by the fixed author, dated evenly from ``after`` to ``before`` (left out of the change
    log's days, so that it holds what it holds without them). Made in one ``git
    fast-import``, and the working tree brought to the last."""
    files = sorted((repo / "processes").glob("*/*.yaml"))
    files.remove(changed_process(repo))
    step = (before - after) / (count + 1)
    head = git(repo, "rev-parse", "HEAD").strip()
    stream = [b"feature done\n"]
    for n in range(1, count + 1):
        path = files[(n * 7) % len(files)]
        lines = path.read_text(encoding="utf-8").split("\n")
        lines = [
            f"purpose: {scalar(REVIEWED.format(n=n))}" if line.startswith("purpose:") else line
            for line in lines
        ]
        data = "\n".join(lines).encode("utf-8")
        path.write_bytes(data)
        when = int((after + step * n).timestamp())
        message = f"Genomgång {n} av {path.stem}".encode()
        who = f"{AUTHOR_NAME} <{AUTHOR_EMAIL}> {when} +0100".encode()
        stream += [
            b"commit refs/heads/main\n",
            b"author " + who + b"\n",
            b"committer " + who + b"\n",
            f"data {len(message)}\n".encode() + message + b"\n",
            f"from {head}\n".encode() if n == 1 else b"",
            f"M 100644 inline {path.relative_to(repo).as_posix()}\n".encode(),
            f"data {len(data)}\n".encode() + data + b"\n",
        ]
    stream.append(b"done\n")
    made = subprocess.run(
        ["git", "fast-import", "--quiet"], cwd=repo, input=b"".join(stream), capture_output=True
    )
    if made.returncode != 0:
        raise SystemExit(f"git fast-import failed in {repo}: {made.stderr.decode().strip()}")
    git(repo, "reset", "--quiet", "--hard")


def is_repository(repo: Path) -> bool:
    """True when ``repo`` is the top of a git repository of its own."""
    return (repo / ".git" / "HEAD").is_file()


def changed_process(repo: Path) -> Path:
    """Return the process file ``change_one`` edits: the middle one in path order."""
    files = sorted((repo / "processes").glob("*/*.yaml"))
    if not files:
        raise SystemExit(f"{repo} has no process files to change")
    return files[len(files) // 2]


def edit_one(repo: Path) -> Path:
    """Change the purpose of one process (``changed_process``), not committed; return the
    file."""
    path = changed_process(repo)
    lines = path.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        if line.startswith("purpose:"):
            current = yaml.safe_load(line.partition(":")[2]) or ""
            lines[index] = f"purpose: {scalar(other_purpose(str(current)))}"
            break
    else:
        raise SystemExit(f"{path} has no purpose to change")
    path.write_bytes("\n".join(lines).encode("utf-8"))
    return path


def change_one(repo: Path, as_of: dt.date) -> Path:
    """Change the purpose of one process and commit it, dated ``as_of``; return the file."""
    path = edit_one(repo)
    relative = path.relative_to(repo).as_posix()
    git(
        repo,
        "commit",
        "--quiet",
        "--message",
        f"Tydligare syfte för {path.stem}",
        "--",
        relative,
        when=moment(as_of, 12),
    )
    return path
