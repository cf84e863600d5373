"""A fake forge API (GitHub's and GitLab's answers) on 127.0.0.1, and git repositories for
the tests of saving in git and "Skicka för granskning" (``processkit.authoring.review``)."""

from __future__ import annotations

import json
import os
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class FakeForge:
    """An HTTP server that records every request and answers from ``answers``
    ((method, path) -> (status, JSON)); anything else is a 404 as GitHub words it."""

    server: ThreadingHTTPServer
    requests: list[Request] = field(default_factory=list)
    answers: dict[tuple[str, str], tuple[int, Any]] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"


@contextmanager
def fake_forge() -> Iterator[FakeForge]:
    fake: FakeForge

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            fake.requests.append(Request(self.command, self.path, dict(self.headers), body))
            status, data = fake.answers.get(
                (self.command, self.path), (404, {"message": "Not Found"})
            )
            payload = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake = FakeForge(server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def clean_git_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """git without the machine's configuration or identity, and no token unless a test gives
    one."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in (
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
        "EMAIL",
        "GIT_CONFIG_COUNT",
        "GH_TOKEN",
        "GITHUB_TOKEN",
        "GITLAB_TOKEN",
        "PROCESSKIT_FORGE",
        "PROCESSKIT_FORGE_API",
    ):
        monkeypatch.delenv(name, raising=False)


def git(folder: Path, *args: str) -> str:
    identity = {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.se",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.se",
    }
    done = subprocess.run(
        ["git", *args],
        cwd=folder,
        env={**os.environ, **identity},
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def with_forge(work: Path, origin: str, *, push_to: Path | None = None) -> Path:
    """``origin`` set to ``origin``; pushes to the forge's https address go to a bare
    repository (returned), as git's ``pushInsteadOf`` rewrites them."""
    bare = push_to or work.parent / "forge.git"
    if push_to is None:
        git(work.parent, "init", "-q", "--bare", str(bare))
    git(work, "remote", "add", "origin", origin)
    https = {
        "git@github.com:kalmar/processer.git": "https://github.com/kalmar/processer.git",
        "git@git.example.se:socialtjansten/processer.git": (
            "https://git.example.se/socialtjansten/processer.git"
        ),
    }.get(origin, origin)
    git(work, "config", f"url.{bare}.pushInsteadOf", https)
    return bare
