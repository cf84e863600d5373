"""Time drawing the process maps of a generated repository: cold cache, warm cache, and the
ways of running Graphviz that the renderer chooses between.

    python benchmarks/maps.py [--size 1000] [--seed 1] [--keep DIR] [--sample 100]

Steps, each timed (wall clock, this machine):

1. build the DOT text of every process's flow map (in-process, no Graphviz);
2. draw them all with ``render_maps`` into an empty cache (cold): batches of 50 maps per
   Graphviz process, two processes at a time;
3. draw them again from that cache (warm);
4. for comparison, on the first ``--sample`` maps: one Graphviz process per map, one after
   another; and batches in one process at a time;
5. the command a user runs, ``processkit map all`` (every map: landscapes, flows, interfaces),
   as a subprocess, with an empty cache and again with the cache it filled.

The Markdown table goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from run import environment, log, prepare_repo, processkit_script

from processkit.loading.load import load_repository
from processkit.render import MapJob, RenderStats, render_maps
from processkit.render.catalogue import MapBuilder
from processkit.render.graphviz import find_dot, run_dot
from processkit.render.gvsetup import drawing_environment


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size", type=int, default=1000, help="processes (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="cache the generated repository here")
    parser.add_argument("--sample", type=int, default=100, help="maps in the comparisons")
    args = parser.parse_args(argv)
    dot = find_dot()
    rows: list[tuple[str, int, float]] = []
    with tempfile.TemporaryDirectory(prefix="processkit-maps-") as scratch_name:
        scratch = Path(scratch_name)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        repo_path = prepare_repo(args.size, args.seed, args.keep, scratch)
        repo = load_repository(repo_path).repo
        maps = MapBuilder(repo)
        ids = sorted(repo.processes)
        jobs: list[MapJob] = []
        seconds = timed(lambda: jobs.extend(maps.process(pid) for pid in ids))
        rows.append(("build the DOT text of every flow", len(jobs), seconds))
        log(f"built {len(jobs)} flow maps in {seconds:.2f} s")

        cache = scratch / "cache"
        cold, warm = RenderStats(), RenderStats()
        seconds = timed(lambda: render_maps(jobs, cache, stats=cold))
        rows.append(
            (f"render_maps, cold cache ({cold.processes} Graphviz runs)", len(jobs), seconds)
        )
        log(f"cold: {seconds:.2f} s, {cold}")
        seconds = timed(lambda: render_maps(jobs, cache, stats=warm))
        rows.append(("render_maps, warm cache (no Graphviz run)", len(jobs), seconds))
        log(f"warm: {seconds:.2f} s, {warm}")

        sample = jobs[: args.sample]
        given = drawing_environment(dot, "svg")  # as render_maps draws
        seconds = timed(
            lambda: [run_dot(dot, [job.dot], "svg", job.layout, 120.0, given) for job in sample]
        )
        rows.append(("one Graphviz process per map, one at a time", len(sample), seconds))
        one_worker = RenderStats()
        seconds = timed(lambda: render_maps(sample, None, workers=1, stats=one_worker))
        rows.append(("batches of 50, one process at a time", len(sample), seconds))
        seconds = timed(lambda: render_maps(sample, None, workers=2))
        rows.append(("batches of 50, two processes at a time", len(sample), seconds))

        script = str(processkit_script())
        command = [script, "map", "all", str(repo_path), "--output", str(scratch / "out")]
        command += ["--cache-dir", str(scratch / "cli-cache")]
        count = len(maps.all())
        for label in ("cold", "warm"):
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - started
            if done.returncode != 0:
                log(f"processkit map all exited {done.returncode}: {done.stderr[-2000:]}")
                return 1
            rows.append((f"`processkit map all`, {label} cache", count, seconds))
            log(f"map all {label}: {seconds:.2f} s: {done.stdout.strip()}")
        shutil.rmtree(scratch / "out", ignore_errors=True)

    print(environment(processkit_script()))
    print()
    print(f"{args.size:,} processes (seed {args.seed}); Graphviz: {dot}")
    print()
    print("| step | maps | seconds | ms / map |")
    print("|---|---:|---:|---:|")
    for label, maps_count, seconds in rows:
        print(f"| {label} | {maps_count:,} | {seconds:.2f} | {1000 * seconds / maps_count:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
