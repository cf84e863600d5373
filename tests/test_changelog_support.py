"""Real git repositories for the change-log, proposal and CODEOWNERS tests: files written and
committed with fixed authors and dates, so hashes and dates are the same on every run."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from processkit.loading.git import GitHistory

PEOPLE = {
    "anna": ("Anna Nilsson", "anna.nilsson@example.se"),
    "erik": ("Erik Åberg", "erik.aberg@example.se"),
}


#: The files most change-log histories begin with: the configuration, an area, two people and
#: a role.
CONFIG = "organisation: Testkommunen\n"
AREA = "kind: area\nid: bu\nname: Barn och unga\n"
ANNA = "kind: person\nid: anna\nname: Anna Nilsson\n"
ERIK = "kind: person\nid: erik\nname: Erik Åberg\n"
ROLE = "kind: role\nid: socsek\nname: Socialsekreterare\ncategory: operational\n"
FIRST_FILES = {
    "processkit.yaml": CONFIG,
    "areas/bu.yaml": AREA,
    "people/anna.yaml": ANNA,
    "people/erik.yaml": ERIK,
    "roles/socsek.yaml": ROLE,
}


class GitRepo:
    """A git repository at ``top`` whose process repository is ``top / sub``."""

    def __init__(self, top: Path, sub: str = "") -> None:
        self.top = top
        self.root = top / sub if sub else top
        self.root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        environment = {
            **os.environ,
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Test",
            "GIT_AUTHOR_EMAIL": "test@example.se",
            "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.se",
            **(env or {}),
        }
        done = subprocess.run(
            ["git", *args],
            cwd=self.top,
            env=environment,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout.strip()

    def write(self, files: dict[str, str | None]) -> None:
        """Write (dedented) or, for None, delete files under the process repository."""
        for relative, content in files.items():
            target = self.root / relative
            if content is None:
                target.unlink()
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(content), encoding="utf-8")

    def move(self, old: str, new: str) -> None:
        (self.root / new).parent.mkdir(parents=True, exist_ok=True)
        (self.root / old).rename(self.root / new)

    def commit(self, message: str, day: str, who: str = "anna") -> str:
        """Commit everything as ``who`` on ``day`` (YYYY-MM-DD, 10:00 Swedish winter time)."""
        name, email = PEOPLE[who]
        stamp = f"{day}T10:00:00+01:00"
        env = {
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email,
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
        }
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, env=env)
        return self.git("rev-parse", "HEAD")


#: The Kalmar proposal that a commit of ``kalmar_history`` carries out.
KALMAR_CLOSED = "proposals/fp-2026-005.yaml"


def kalmar_history(folder: Path, kalmar: Path) -> tuple[GitRepo, str]:
    """examples/kalmar committed into a new git repository under ``folder``: first with
    fp-2026-005 accepted, then carried out; the repository and the closing commit's hash."""
    git = GitRepo(folder / "git", "kalmar")
    shutil.copytree(
        kalmar,
        git.root,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns(".processkit-cache", "site", ".*"),
    )
    done = (kalmar / KALMAR_CLOSED).read_text(encoding="utf-8")
    git.write({KALMAR_CLOSED: done.replace("status: done\n", "status: accepted\n")})
    git.commit("Kalmar: exempelrepositoriet", "2026-11-20")
    git.write({KALMAR_CLOSED: done})
    closing = git.commit("Kalmar: förslagens status i Fyren (fp-2026-005 genomfört)", "2026-11-21")
    return git, closing


def epoch_at_noon(day: str) -> str:
    """``SOURCE_DATE_EPOCH`` for noon (UTC) of ``day``, written YYYY-MM-DD."""
    moment = datetime.fromisoformat(f"{day}T12:00:00").replace(tzinfo=UTC)
    return str(int(moment.timestamp()))


def noted_fetches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The file versions read from git from now on (the hashes, in the order read), together
    or one at a time."""
    fetched: list[str] = []
    real_blobs, real_blob = GitHistory.blobs, GitHistory.blob

    def blobs(self: GitHistory, wanted: Iterable[str]) -> dict[str, bytes]:
        wanted = list(wanted)
        fetched.extend(wanted)
        return real_blobs(self, wanted)

    def blob(self: GitHistory, sha: str) -> bytes:
        fetched.append(sha)
        return real_blob(self, sha)

    monkeypatch.setattr(GitHistory, "blobs", blobs)
    monkeypatch.setattr(GitHistory, "blob", blob)
    return fetched
