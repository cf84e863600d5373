"""Time Pagefind on the copies of a published site's pages that a build gives it, with and
without the tags that only structure their text (``searchtext.flattened``), and the time
flattening takes; check that both make the same bundle, byte for byte.

    python benchmarks/pagefind_copies.py SITE [--rounds 4] [--all]

SITE is a folder ``processkit publish`` wrote (with the built-in templates). The pages are the
largest shard of process pages the build makes (``search.plan``), or with ``--all`` every page
Pagefind indexes, in one run. Each round runs Pagefind once on each set of copies, taking
turns; the table gives the medians of the wall time and of the processor time of Pagefind
(user and system, its threads included).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from processkit.site import search, searchtext


def searched(site: Path) -> list[str]:
    """The pages of ``site`` that Pagefind indexes, by their address in it."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if b"data-pagefind-body" in path.read_bytes()
    )


def copies(site: Path, pages: Sequence[str], *, flat: bool) -> tuple[dict[str, bytes], float]:
    """The copy Pagefind is given of each page, and the seconds flattening took a page."""
    given = {page: searchtext.given((site / page).read_bytes(), whole=False) for page in pages}
    plain = searchtext.flattened
    searchtext.flattened = lambda html: html  # the copies as they were before
    try:
        unflattened = {page: searchtext.spaced(text, whole=False) for page, text in given.items()}
    finally:
        searchtext.flattened = plain
    if not flat:
        return unflattened, 0.0
    started = time.perf_counter()
    made = {page: searchtext.flattened(text) for page, text in unflattened.items()}
    return made, (time.perf_counter() - started) / max(1, len(pages))


def index(folder: Path, made: dict[str, bytes]) -> tuple[float, float, dict[str, bytes]]:
    """Pagefind over ``made`` (written into ``folder``): wall and processor seconds, and the
    bundle's files."""
    stage, output = folder / "stage", folder / "bundle"
    shutil.rmtree(folder, ignore_errors=True)
    for page, text in made.items():
        (stage / page).parent.mkdir(parents=True, exist_ok=True)
        (stage / page).write_bytes(text)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    search._run_pagefind(str(stage), output)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    files = {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }
    return wall, cpu, files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--all", action="store_true", help="every page, not the largest shard")
    options = parser.parse_args(argv)
    pages = searched(options.site)
    if not pages:
        print(f"pagefind_copies.py: no searched pages in {options.site}", file=sys.stderr)
        return 2
    if not options.all:
        shards = [shard for shard in search.plan(pages) if search.of_processes(shard)]
        pages = list(max(shards, key=lambda shard: len(shard.pages)).pages) if shards else pages
    made = {flat: copies(options.site, pages, flat=flat) for flat in (False, True)}
    times: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    bundles: dict[bool, dict[str, bytes]] = {}
    with tempfile.TemporaryDirectory(prefix="pagefind-copies-") as scratch:
        for number in range(options.rounds):
            for flat in (False, True) if number % 2 == 0 else (True, False):
                wall, cpu, bundles[flat] = index(Path(scratch) / str(flat), made[flat][0])
                times[flat].append((wall, cpu))
    same = bundles[True] == bundles[False]
    said = "yes" if same else "NO"
    print(f"{len(pages)} pages; {options.rounds} rounds; the same bundle: {said}")
    print()
    print("| copies | flattening ms / page | Pagefind s | Pagefind processor s | size KiB |")
    print("|---|---:|---:|---:|---:|")
    for flat, label in ((False, "as before"), (True, "flattened")):
        wall = statistics.median(wall for wall, _ in times[flat])
        cpu = statistics.median(cpu for _, cpu in times[flat])
        size = sum(len(text) for text in made[flat][0].values()) / 1024
        print(f"| {label} | {made[flat][1] * 1000:.2f} | {wall:.2f} | {cpu:.2f} | {size:,.0f} |")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
