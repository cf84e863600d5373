"""``processkit serve``: a preview on localhost that rebuilds when a file changes."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult, write_files
from tests.site.repos import RICH

from processkit.site.preview import fingerprint, make_server

Cli = Callable[..., CliResult]


def test_serve_builds_serves_and_stops(tmp_path: Path, cli: Cli) -> None:
    root = write_files(tmp_path / "repo", RICH)
    result = cli("serve", root, "--port", "0", "--once", "--interval", "0")
    assert result.code == 0
    lines = result.err.splitlines()
    assert lines[0].startswith(f"Serving {root} at http://127.0.0.1:")
    assert lines[0].endswith("/ (Ctrl-C to stop); rebuilding when a file changes.")
    assert not (root / "site").exists()  # the preview is built elsewhere


def test_a_changed_file_changes_the_fingerprint(tmp_path: Path) -> None:
    root = write_files(tmp_path / "repo", RICH)
    (root / "site").mkdir()
    before = fingerprint(root, skip=root / "site")
    (root / "site" / "index.html").write_text("built", encoding="utf-8")
    (root / ".processkit-cache").mkdir()
    assert fingerprint(root, skip=root / "site") == before  # output and hidden files ignored
    (root / "processes/barn/utredning.yaml").write_text("kind: process\n", encoding="utf-8")
    assert fingerprint(root, skip=root / "site") != before


def test_the_preview_server_serves_pages_and_the_404_page(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<h1>Start</h1>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<h1>Sidan finns inte</h1>", encoding="utf-8")
    server = make_server(tmp_path, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with urllib.request.urlopen(base + "index.html", timeout=10) as response:
            assert response.read() == b"<h1>Start</h1>"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "processes/saknas.html", timeout=10)
        assert missing.value.code == 404
        assert missing.value.read() == b"<h1>Sidan finns inte</h1>"
    finally:
        server.shutdown()
        server.server_close()
