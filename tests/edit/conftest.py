"""Fixtures of the editor's tests: a copy of Kalmar in git, and the editor over it."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import KALMAR
from tests.site.conftest import copy_kalmar

from processkit.authoring.editor.app import Settings, create_app
from processkit.loading.session import Session
from processkit.validate import check

TODAY = date(2026, 6, 1)
BU_UTREDNING = "processes/barn-och-unga/bu-utredning.yaml"
#: comments and `x-` keys put into the copy of bu-utredning, to see that a save keeps them
COMMENTED = {
    "    documents: [rutin-barnutredning]\n  - id: samtal\n": (
        "    documents: [rutin-barnutredning]\n    x-tid: två veckor\n  - id: samtal\n"
    ),
    "tags: [barnrätt, utredning]\n": (
        "tags: [barnrätt, utredning]\nx-granskad: ja  # av kvalitetsrådet\n"
    ),
    "activities:\n": "# the steps, in the order they are done\nactivities:\n",
    "measures:\n": "measures:  # reported to the board\n",
    "  - name: Utredningstid\n": "  # the law's four months\n  - name: Utredningstid\n",
}

#: the activity the tests add, as the file should then hold it
NEW_ACTIVITY = """\
  - id: folj-upp
    name: Följa upp beslutet
    role: socialsekreterare
    next: [besluta]
"""
REMOVED_MEASURE = """\
  - name: Barnets delaktighet
    definition: Andel utredningar med dokumenterat enskilt samtal med barnet
    target: Minst 90 procent
    frequency: quarterly
"""
BESLUTA = """\
  - id: besluta
    name: Besluta
    role: enhetschef
    informed: [vardnadshavare]
"""


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


def checker(root: Path) -> Session:
    return check(root, today=TODAY, cache_dir=root / ".processkit-cache")


@pytest.fixture
def kalmar(tmp_path: Path) -> Path:
    """A copy of Kalmar with comments in bu-utredning, committed in a new git repository."""
    root = copy_kalmar(tmp_path / "kalmar")
    target = root / BU_UTREDNING
    text = target.read_text(encoding="utf-8")
    for before, after in COMMENTED.items():
        assert before in text
        text = text.replace(before, after, 1)
    target.write_text(text, encoding="utf-8")
    (root / ".gitignore").write_text(".processkit-cache/\n", encoding="utf-8")
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "config", "user.name", "Test Person")
    git(root, "config", "user.email", "test@example.se")
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "Kalmar")
    return root


MakeClient = Callable[..., Any]


@pytest.fixture
def editor(kalmar: Path) -> Iterator[MakeClient]:
    """editor(**settings) -> a TestClient of the editor over the copy of Kalmar."""
    from starlette.testclient import TestClient

    clients: list[Any] = []

    def make(**settings: Any) -> Any:
        values: dict[str, Any] = {"hosts": ("testserver",), "today": TODAY, **settings}
        app = create_app(Settings(root=kalmar, checker=checker, **values))
        client = TestClient(app, raise_server_exceptions=False)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


__all__ = ["BU_UTREDNING", "KALMAR", "git"]
