"""What ``processkit serve`` needs: a quiet web server for the built site on localhost.

The server adds one line to every page it serves (never to the built files): a script that
asks ``/__processkit/build`` once a second which build is being served, and reloads the page
when a newer one is there, so the reader sees an edit without pressing anything. Where the
last edit could not be built, the answer also holds the problems, as the terminal shows them,
and the language they are said in; the script shows them at the top of the open page, under
words in that language, until a build succeeds. An edit may change the repository's
``language:``: the page open is in the language of the last build shown, the problems in that
of the build that failed."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import field
from functools import cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from processkit.frozen import frozen
from processkit.i18n import LANGUAGES, _, current, n_, speaking
from processkit.model.kinds import Language
from processkit.resources import html_templates

#: Where the open pages ask which build is served.
BUILD_PATH = "/__processkit/build"
#: The id of the notice of the problems that keep the last edit from being shown.
PROBLEMS_ID = "processkit-problems"


@frozen
class Problems:
    """Why a build failed, as the open pages are told: the errors as the terminal shows them
    (without its colours), how many there are, and the language they are said in (the one
    in use when they are made)."""

    text: str
    errors: int
    language: Language = field(default_factory=current)


def _advice(errors: int) -> str:
    """What to do about ``errors`` errors, under the notice in an open page."""
    return n_(
        "The page shows the files as they were before the change. Correct the error below "
        "and save: the page then reloads itself.",
        "The page shows the files as they were before the change. Correct the errors below "
        "and save: the page then reloads itself.",
        errors,
    )


def reload_script() -> str:
    """The script put into every page served, with its words in every language processkit
    speaks: the notice is said in the language of the problems it shows."""
    words: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        with speaking(language):
            words[language] = {
                "heading": _("The last change is not shown yet"),
                "one": _advice(1),
                "many": _advice(2),
            }
    # a JSON text of the words, with no "</" that could end the script early
    text = Markup(json.dumps(words).replace("</", "<\\/"))
    return (
        _templates()
        .get_template("reload.html")
        .render(words=text, problems_id=PROBLEMS_ID, build_path=BUILD_PATH)
    )


def show_waiting(folder: Path, problems: Problems) -> None:
    """Put in ``folder`` a page that stands in for the site while no build has succeeded,
    with the ``problems`` of the last: the start page, and the page of an address not found
    (any page of the site the reader had open)."""
    from processkit.fsutil import write_atomic_bytes
    from processkit.site.output import MARKER, MARKER_TEXT

    template = _templates().get_template("waiting.html")
    page = template.render(lang=current(), errors=problems.errors, problems=problems.text)
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("index.html", "404.html"):
        write_atomic_bytes(folder / name, page.encode("utf-8"))
    # a folder of processkit's own, which the first build that succeeds replaces
    write_atomic_bytes(folder / MARKER, MARKER_TEXT.encode("utf-8"))


@cache
def _templates() -> Environment:
    """The templates of ``serve``'s own pages (``templates/serve``)."""
    env = html_templates("serve", keep_trailing_newline=True)
    env.globals.update(_=_, n_=n_)
    return env


class Builds:
    """The number of the build being served, counted up by each finished rebuild, and the
    problems of the last rebuild where it failed (the pages then stay as they were). Both
    are set together, so that a page asking meanwhile is told one state or the other."""

    def __init__(self) -> None:
        self._state: tuple[int, Problems | None] = (1, None)

    @property
    def number(self) -> int:
        return self._state[0]

    def finished(self) -> None:
        self._state = (self._state[0] + 1, None)

    def failed(self, problems: Problems) -> None:
        """The last edit could not be built, for ``problems`` (shown in the open pages)."""
        self._state = (self._state[0], problems)

    def answer(self) -> bytes:
        """What an open page is told: the build's number; where it failed, the number of
        errors, their language and their text on the lines after it."""
        number, problems = self._state
        if problems is None:
            return str(number).encode()
        return f"{number}\n{problems.errors}\n{problems.language}\n{problems.text}".encode()


class _Handler(SimpleHTTPRequestHandler):
    builds: Builds | None = None
    script: bytes = b""

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the CLI says what matters
        return

    def handle(self) -> None:
        try:
            super().handle()
        except ConnectionError:  # the page was closed meanwhile (a broken pipe, a reset)
            return

    def do_GET(self) -> None:
        if self.builds is not None and self.path.split("?")[0] == BUILD_PATH:
            self._send(200, "text/plain; charset=utf-8", self.builds.answer())
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
            self._send(200, "text/html; charset=utf-8", _with_script(body, self.script))
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
            if self.builds is not None:  # it reloads itself too (the page may come back)
                body = _with_script(body, self.script)
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def _with_script(page: bytes, script: bytes) -> bytes:
    end = page.rfind(b"</body>")
    return page[:end] + script + page[end:] if end >= 0 else page + script


def make_server(
    folder: Path, port: int, host: str = "127.0.0.1", builds: Builds | None = None
) -> ThreadingHTTPServer:
    """A web server for ``folder`` on ``host:port`` (localhost only by default); with
    ``builds``, the pages it serves reload themselves when a new build is there."""
    script = reload_script().encode() if builds is not None else b""
    handler_class = type("Handler", (_Handler,), {"builds": builds, "script": script})
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
