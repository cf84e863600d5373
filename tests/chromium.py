"""Where the browser tests, the documentation's screenshots and ``benchmarks/first_search.py``
find Chromium (Debian's, which ``./dev`` installs; ``PROCESSKIT_CHROMIUM`` names another),
and how they start it: headless, without a sandbox (a container has none to give), and
quiet (nothing fetched or synced beside the pages it is sent to)."""

from __future__ import annotations

import os
from collections.abc import Iterator
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


def started_for_tests(problem: str | None) -> Iterator[Any]:
    """Chromium started for a module's browser tests, and closed after them (a fixture's
    body: ``yield from``). Where ``problem`` says why it cannot be started, the tests are
    skipped, but in CI (CI=true), where they must run: there they fail."""
    import pytest

    if problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser tests must run in CI, but {problem}")
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        started = launch(playwright)
        yield started
        started.close()
