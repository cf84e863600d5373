"""Time a reader's first search on published sites: from opening ``search.html?q=WORD`` to the
first hit shown, in headless Chromium, with the network's delay to the server set.

    python benchmarks/first_search.py SITE [SITE ...] [--query WORD] [--rounds 10]
                                      [--latency 0,20]

Each SITE is a folder ``processkit publish`` wrote; it is served on 127.0.0.1. Every round
opens the page in a new browser context (nothing cached, as a reader's first visit) after the
start page has loaded, and the sites take turns within a round. The delay is Chromium's own
network emulation, added to every request. It needs Chromium and the playwright package,
which ``./dev test`` installs; it finds and starts Chromium as the browser tests do
(``tests/chromium.py``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from processkit.site.preview import serving

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # where Chromium is, and how it is started: as the tests do
    sys.path.append(str(ROOT))

from tests import chromium  # noqa: E402


def first_hit(browser: Any, address: str, query: str, latency: int) -> float:
    """Seconds from opening the search page for ``query`` to its first hit shown."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        if latency:
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            conditions = {"latency": latency, "downloadThroughput": -1, "uploadThroughput": -1}
            session.send("Network.emulateNetworkConditions", {"offline": False, **conditions})
        page.goto(address + "index.html")
        started = time.perf_counter()
        page.goto(address + "search.html?q=" + query)
        page.locator("#search-results a").first.wait_for()
        return time.perf_counter() - started
    finally:
        context.close()


def bundles(site: Path) -> int:
    """How many bundles the site's search index has."""
    text = (site / "search.html").read_text(encoding="utf-8")
    found = text.split('data-bundles="', 1)[1].split('"', 1)[0] if "data-bundles" in text else ""
    return len(found.split())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", type=Path, nargs="+")
    parser.add_argument("--query", default="kontinuitet")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--latency", default="0,20", help="milliseconds, comma-separated")
    args = parser.parse_args(argv)
    latencies = [int(part) for part in args.latency.split(",")]
    for site in args.sites:
        if not (site / "search.html").is_file():
            print(f"first_search.py: {site} holds no published site (no search.html)")
            return 2
    problem = chromium.missing()
    if problem is not None:
        print(f"first_search.py: {problem}")
        return 2
    from playwright.sync_api import sync_playwright

    times: dict[tuple[Path, int], list[float]] = {}
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        for latency in latencies:
            for number in range(args.rounds):
                order = args.sites if number % 2 == 0 else args.sites[::-1]
                for site in order:
                    with serving(site) as address:
                        spent = first_hit(browser, address, args.query, latency)
                    times.setdefault((site, latency), []).append(spent)
        browser.close()
    print("| site | bundles | delay to the server ms | first hit median ms | min ms |")
    print("|---|---:|---:|---:|---:|")
    for (site, latency), spent in times.items():
        print(
            f"| {site.name} | {bundles(site)} | {latency} |"
            f" {statistics.median(spent) * 1000:.0f} | {min(spent) * 1000:.0f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
