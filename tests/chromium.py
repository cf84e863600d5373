"""Where the browser tests, the documentation's screenshots and ``benchmarks/first_search.py``
find Chromium (Debian's, which ``./dev`` installs; ``PROCESSKIT_CHROMIUM`` names another),
and how they start it: headless, without a sandbox (a container has none to give), and
quiet (nothing fetched or synced beside the pages it is sent to)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("PROCESSKIT_CHROMIUM", "/usr/bin/chromium"))

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def missing() -> str | None:
    """Why Chromium cannot be started here (where it is not, where Playwright is not), or
    None."""
    if not CHROMIUM.is_file():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or run ./dev test)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return None


def launch(playwright: Any) -> Any:
    """Chromium started by ``playwright`` (a ``sync_playwright()``)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
