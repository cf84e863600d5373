"""What ``processkit serve`` needs: a quiet web server for the built site on localhost.

The server adds one line to every page it serves (never to the built files): a script that
asks ``/__processkit/build`` once a second which build is being served, and reloads the page
when a newer one is there, so the reader sees an edit without pressing anything."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

#: Where the open pages ask which build is served.
BUILD_PATH = "/__processkit/build"

#: Put before ``</body>`` of every page served: reload when the build changes.
RELOAD_SCRIPT = (
    "<script>(function(){var seen=null;function ask(){fetch('" + BUILD_PATH + "',"
    "{cache:'no-store'}).then(function(r){return r.text();}).then(function(t){"
    "if(seen!==null&&t!==seen){location.reload();}seen=t;}).catch(function(){})"
    ".finally(function(){setTimeout(ask,1000);});}ask();})();</script>"
)


class Builds:
    """The number of the build being served, counted up by each finished rebuild."""

    def __init__(self) -> None:
        self.number = 1

    def finished(self) -> None:
        self.number += 1


class _Handler(SimpleHTTPRequestHandler):
    builds: Builds | None = None

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the CLI says what matters
        return

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the page was closed meanwhile
            return

    def do_GET(self) -> None:
        if self.builds is not None and self.path.split("?")[0] == BUILD_PATH:
            self._send(200, "text/plain; charset=utf-8", str(self.builds.number).encode())
            return
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")  # "/" is the start page
        if self.builds is not None and path.endswith(".html") and os.path.isfile(path):
            try:
                with open(path, "rb") as stream:
                    body = stream.read()
            except OSError:
                super().do_GET()
                return
            self._send(200, "text/html; charset=utf-8", _with_reload(body))
            return
        super().do_GET()

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

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


def _with_reload(page: bytes) -> bytes:
    end = page.rfind(b"</body>")
    script = RELOAD_SCRIPT.encode()
    return page[:end] + script + page[end:] if end >= 0 else page + script


def make_server(
    folder: Path, port: int, host: str = "127.0.0.1", builds: Builds | None = None
) -> ThreadingHTTPServer:
    """A web server for ``folder`` on ``host:port`` (localhost only by default); with
    ``builds``, the pages it serves reload themselves when a new build is there."""
    handler_class = type("Handler", (_Handler,), {"builds": builds})
    handler = partial(handler_class, directory=str(folder))
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


@contextmanager
def serving(folder: Path, builds: Builds | None = None, *, port: int = 0) -> Iterator[str]:
    """``folder`` served on ``port`` of 127.0.0.1 (0: a free one) while the block runs;
    yields its address (OSError where the port cannot be had). With ``builds``, as ``serve``
    previews; without, as it is (no reload script): for looking at a published site in a
    browser (the browser tests, the screenshots of the documentation, the benchmark of a
    first search)."""
    server = make_server(folder, port, builds=builds)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
