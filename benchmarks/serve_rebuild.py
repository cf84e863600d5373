"""Time what ``processkit serve`` does after one file is saved: a rebuild in the same process.

    python benchmarks/serve_rebuild.py [--sizes 1000,5000] [--repeat 5] [--keep DIR]

For each size a git repository is generated (as ``run.py`` does), the site is built once in
this process (as ``serve`` does when it starts), then ``--repeat`` times one process's purpose
is edited, not committed (as a process leader does while previewing), to a text not used
before, and the rebuild is timed. The rebuild is ``serve``'s own (``serve.rebuild``): a
build with ``search_later`` (the edited pages are shown, open pages reload: the figure), then
the collection of the garbage it left and a build that indexes the search shards the edit
changed (timed apart, "search after"). The file watcher's debounce (0.3 s) and the browser's
reload are not part of the figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import gitrepo
from run import environment, log, parse_sizes, prepare_repo, processkit_script


def measure(repo: Path, site: Path, repeat: int) -> tuple[list[float], list[float]]:
    import gc

    from processkit import i18n
    from processkit.cli.main import GC_THRESHOLDS
    from processkit.cli.serve import build_preview, rebuild
    from processkit.loading.parse import Remembered
    from processkit.site.output import finish_removals

    gc.set_threshold(*GC_THRESHOLDS)  # as every command sets it
    i18n.use_outside_repository()
    # serve's own builds: the repository kept in memory between them, the file the watcher
    # saw change forgotten, the site replaced kept and brought up to date by the next build
    remembered = Remembered()
    build_preview(repo, site, remembered, first=True)
    shown: list[float] = []
    indexed: list[float] = []
    for _ in range(repeat):
        edited = gitrepo.edit_one(repo)
        started = time.perf_counter()
        if rebuild(repo, site, remembered, [edited], shown=shown.append) is None:
            raise SystemExit("serve_rebuild.py: the edited repository has errors")
        indexed.append(time.perf_counter() - started - shown[-1])
    finish_removals()
    gitrepo.git(repo, "checkout", "--quiet", "--", ".")
    return shown, indexed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(environment(processkit_script()))
    print()
    print("| processes | rebuild median s | min s | max s | search after, median s |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="pk-serve-bench-") as scratch:
        for size in args.sizes:
            log(f"n={size}: preparing the repository")
            repo = prepare_repo(size, args.seed, args.keep, Path(scratch))
            log(f"n={size}: first build, then {args.repeat} rebuilds")
            times, after = measure(repo, Path(scratch) / f"site-{size}", args.repeat)
            print(
                f"| {size:,} | {statistics.median(times):.2f} | {min(times):.2f} |"
                f" {max(times):.2f} | {statistics.median(after):.2f} |"
            )
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
