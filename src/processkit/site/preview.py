"""What ``processkit serve`` needs: a fingerprint of the repository's files, to notice a change,
and a quiet web server for the built site on localhost."""

from __future__ import annotations

import os
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(root: Path, skip: Path | None = None) -> Fingerprint:
    """(path, mtime, size) of every file under ``root`` but hidden ones and ``skip``."""
    found = []
    skipped = skip.resolve() if skip is not None else None
    for folder, dirnames, filenames in os.walk(root):
        here = Path(folder)
        dirnames[:] = sorted(
            name
            for name in dirnames
            if not name.startswith(".") and (skipped is None or (here / name).resolve() != skipped)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = here / name
            try:
                stat = full.stat()
            except OSError:
                continue
            found.append((full.relative_to(root).as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # quiet: the CLI says what matters
        return

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def make_server(folder: Path, port: int, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """A web server for ``folder`` on ``host:port`` (localhost only by default)."""
    handler = partial(_Handler, directory=str(folder))
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server
