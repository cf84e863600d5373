"""Two processkit source trees side by side, interleaved run by run.

    git worktree add /tmp/before <rev>
    .venv/bin/python benchmarks/run.py --sizes 1000 --repeat 1 --commands startup \\
        --keep benchmarks/.data
    .venv/bin/python benchmarks/ab.py /tmp/before/src benchmarks/.data/n1000-seed1 --repeat 11
    .venv/bin/python benchmarks/ab.py /tmp/before/src benchmarks/.data/n5000-seed1 \\
        --publish --repeat 12

Both trees run through the ``processkit`` next to this Python, the "before" tree first on
``PYTHONPATH``; each run alternates which tree goes first, so that the machine's drift falls on
both. Prints the medians, the processor time (of the command and every process it started),
the change, and in how many runs the "after" tree was the quicker. PROCESSKIT_LANG is unset:
both speak as a user's would.

Both trees are compiled to bytecode first (``run.byte_compile``): where Python does not write
bytecode (``PYTHONDONTWRITEBYTECODE``), a tree left uncompiled pays 0.1 s at every run for
compiling its modules, more than most changes measured here.

Each tree works on a copy of its own of the repository, made in a temporary folder without its
cache folder (which two trees would take turns to write, each in its own form) and filled by
one untimed run of each command: the repository given is not written to. By default
``--version`` and ``validate`` are timed. With ``--publish``, so is a publish after one change:
before each timed run one process's purpose is changed and committed in the copy
(``gitrepo.change_one``), a text not seen before, so the repository must be a git repository
(as ``run.py --keep`` makes them). With ``--cold`` too, a cold publish of the copy, into an
empty output and cache folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import gitrepo
from generate import DEFAULT_AS_OF
from run import Run, byte_compile, run_once

from processkit.cache import CACHE_FOLDER

TREES = ("before", "after")
_CACHE = shutil.ignore_patterns(CACHE_FOLDER)


def _timed(argv: list[str], src: Path, workdir: Path) -> Run:
    """Run ``argv`` with the tree ``src`` (``run.run_once``, writing what it says into
    ``workdir``): its wall time, processor time (with every process it started) and exit."""
    env = dict(os.environ, PYTHONPATH=str(src))
    env.pop("PROCESSKIT_LANG", None)
    workdir.mkdir(parents=True, exist_ok=True)
    return run_once(argv, workdir, env)


def _emptied(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the src folder of the tree to compare with")
    parser.add_argument("repo", type=Path, help="a repository to validate (and publish)")
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--today", default="2026-03-01")
    parser.add_argument("--publish", action="store_true", help="also a publish after one change")
    parser.add_argument("--cold", action="store_true", help="with --publish: a cold one too")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    if args.publish and not gitrepo.is_repository(args.repo):
        parser.error(f"{args.repo} is no git repository: --publish commits a change to it")
    exe = str(Path(sys.executable).parent / "processkit")
    after = Path(__file__).resolve().parent.parent / "src"
    trees = {"before": args.before.resolve(), "after": after}
    for src in trees.values():
        byte_compile(src / "processkit")
    with tempfile.TemporaryDirectory(prefix="processkit-ab-") as scratch:
        work = Path(scratch)
        # each tree works on a copy of its own, without the cache folder (which the two trees
        # would otherwise take turns to write, each in its own form), filled by a first run
        copies = {tree: work / tree / "repo" for tree in TREES}
        #: by command, each tree's arguments
        commands: dict[str, dict[str, list[str]]] = {
            "--version": {tree: [exe, "--version"] for tree in TREES},
            "validate": {
                tree: [exe, "validate", str(copy), "--format", "json", "--today", args.today]
                for tree, copy in copies.items()
            },
        }
        if args.publish:
            commands["publish after one change"] = {
                tree: [exe, "publish", str(copy), "--output", str(copy.parent / "site"), "-q"]
                for tree, copy in copies.items()
            }
        for tree, copy in copies.items():
            shutil.copytree(args.repo, copy, symlinks=True, ignore=_CACHE)
            for name, argv in commands.items():
                first = _timed(argv[tree], trees[tree], work / tree / "runs")
                if name != "--version" and first.exit not in (0, 1):
                    print(f"{tree} {name}: the first run failed: {first.output}", file=sys.stderr)
                    return 1
        #: by command, what is done (untimed) before each run of a tree
        before_each: dict[str, Callable[[str], object]] = {
            "publish after one change": lambda tree: gitrepo.change_one(copies[tree], DEFAULT_AS_OF)
        }
        if args.publish and args.cold:
            cold = {tree: work / tree / "cold" for tree in TREES}
            commands["publish (cold)"] = {
                tree: [
                    *(exe, "publish", str(copies[tree]), "--output", str(out / "site")),
                    *("--cache-dir", str(out / "cache"), "--quiet"),
                ]
                for tree, out in cold.items()
            }
            before_each["publish (cold)"] = lambda tree: _emptied(cold[tree])
        times: dict[tuple[str, str], list[tuple[float, float]]] = {
            (tree, name): [] for tree in trees for name in commands
        }
        for run in range(args.repeat):
            order = TREES if run % 2 == 0 else TREES[::-1]
            for name, argv in commands.items():
                for tree in order:
                    if name in before_each:
                        before_each[name](tree)
                    done = _timed(argv[tree], trees[tree], work / tree / "runs")
                    cpu = done.user_seconds + done.system_seconds
                    times[(tree, name)].append((done.seconds, cpu))
                    if done.exit not in (0, 1):
                        print(f"{tree} {name}: exit {done.exit}: {done.output}", file=sys.stderr)
                        return 1
    print("| command | before s | after s | change | processor s before / after | after quicker |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in commands:
        runs = {tree: times[(tree, name)] for tree in TREES}
        walls = {tree: statistics.median(wall for wall, _ in runs[tree]) for tree in TREES}
        cpus = {tree: statistics.median(cpu for _, cpu in runs[tree]) for tree in TREES}
        quicker = sum(a[0] < b[0] for b, a in zip(runs["before"], runs["after"], strict=True))
        change = 100 * (walls["after"] - walls["before"]) / walls["before"]
        print(
            f"| {name} | {walls['before']:.3f} | {walls['after']:.3f} | {change:+.1f} % "
            f"| {cpus['before']:.2f} / {cpus['after']:.2f} | {quicker} of {args.repeat} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
