"""The editor's guards: the Host header, the CSRF token, the size of a request, and paths that
must stay inside the repository."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from processkit.i18n import _

#: The cookie and the form field that carry the CSRF token.
CSRF_COOKIE = "processkit_csrf"
CSRF_FIELD = "csrf"
#: The largest request body accepted (a process form is a few kilobytes).
MAX_BODY = 1024 * 1024
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_matches(cookie: str | None, sent: str | None) -> bool:
    """Whether the token sent with a form is the one in the browser's cookie."""
    if not cookie or not sent:
        return False
    return hmac.compare_digest(cookie.encode("utf-8"), sent.encode("utf-8"))


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The host names a request may name: the one the editor listens on, the loopback names
    when it listens on the loopback, and any given."""
    names = {host.lower(), *(name.lower() for name in extra)}
    if host in LOOPBACK_NAMES or host in ("0.0.0.0", "::"):
        names.update(LOOPBACK_NAMES)
    return frozenset(names)


def host_allowed(header: str | None, hosts: frozenset[str], port: int | None) -> bool:
    """Whether a Host header names this editor: one of ``hosts``, and ``port`` when known."""
    if not header:
        return False
    value = header.strip().lower()
    name, port_text = value, ""
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return False
        name, rest = value[: end + 1], value[end + 1 :]
        if rest:
            if not rest.startswith(":"):
                return False
            port_text = rest[1:]
    elif value.count(":") == 1:
        name, port_text = value.split(":")
    if name not in hosts:
        return False
    if port is None:
        return True
    if not port_text:
        return port == 80
    return port_text == str(port)


def inside(root: Path, relative: str) -> Path | None:
    """``root/relative`` when it is inside ``root`` once every symbolic link is followed, else
    None."""
    base = root.resolve()
    target = (base / relative).resolve()
    if target == base or not target.is_relative_to(base):
        return None
    return target


class BodyLimit:
    """Refuses a request whose body is larger than ``limit`` bytes with 413, whether it says
    its length or not."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await _too_large(send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await _too_large(send)


class _TooLarge(Exception):
    pass


async def _too_large(send: Send) -> None:
    body = _("The request is too large.").encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"text/plain; charset=utf-8")],
        }
    )
    await send({"type": "http.response.body", "body": body})
