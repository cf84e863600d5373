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

The commands are ``run.py``'s (``run.COMMANDS``), run and checked as it runs them
(``run.run_once``): ``startup`` and ``validate``; with ``--publish``, ``publish-change`` (a
process's purpose changed and committed before each run, a text not seen before: the
repository must be a git repository, as ``run.py --keep`` makes them); with ``--cold``, the
cold ``publish``. Each tree works on a copy of its own of the repository, made in a temporary
folder without its cache folder (which two trees would take turns to write, each in its own
form), and runs each command once untimed first, which fills the copy's cache: the repository
given is not written to.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import gitrepo
from run import (
    COMMANDS,
    Command,
    Run,
    byte_compile,
    delete_set_aside,
    failure,
    processkit_script,
    run_once,
)

from processkit.cache import CACHE_FOLDER

TREES = ("before", "after")
_CACHE = shutil.ignore_patterns(CACHE_FOLDER)
#: ``run.COMMANDS`` compared: always, and as the options ask for them
ALWAYS = ("startup", "validate")
AFTER_A_CHANGE = "publish-change"
COLD = "publish"


def _timed(argv: list[str], src: Path, workdir: Path) -> Run:
    """Run ``argv`` with the tree ``src`` (``run.run_once``, which keeps what it says in
    ``workdir``): its wall time, processor time (with every process it started) and exit."""
    env = dict(os.environ, PYTHONPATH=str(src))
    env.pop("PROCESSKIT_LANG", None)
    return run_once(argv, workdir, env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the src folder of the tree to compare with")
    parser.add_argument("repo", type=Path, help="a repository to validate (and publish)")
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--publish", action="store_true", help="also a publish after one change")
    parser.add_argument("--cold", action="store_true", help="also a cold publish")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    if args.publish and not gitrepo.is_repository(args.repo):
        parser.error(f"{args.repo} is no git repository: --publish commits a change to it")
    # (not resolved: a tree reached by a link is a tree of its own)
    trees = {"before": args.before.absolute(), "after": Path(__file__).parent.parent / "src"}
    for src in trees.values():
        byte_compile(src / "processkit")
    names = [*ALWAYS, *[AFTER_A_CHANGE] * args.publish, *[COLD] * args.cold]
    commands = [next(command for command in COMMANDS if command.name == n) for n in names]
    script = str(processkit_script())
    times: dict[tuple[str, str], list[Run]] = {(t, n): [] for t in TREES for n in names}
    with tempfile.TemporaryDirectory(prefix="processkit-ab-") as scratch:
        work = Path(scratch)
        copies = {tree: work / tree / "repo" for tree in TREES}
        workdirs = {tree: work / tree / "runs" for tree in TREES}

        def timed(command: Command, tree: str) -> Run | None:
            """A run of ``command`` by ``tree``; None where it failed (said why)."""
            arguments = command.arguments(copies[tree], workdirs[tree])
            done = _timed([script, *arguments], trees[tree], workdirs[tree])
            if done.exit in command.ok_exits:
                return done
            said = failure(done, workdirs[tree])
            print(f"ab.py: {tree} {command.name}: exit {done.exit}\n{said}", file=sys.stderr)
            return None

        for tree in TREES:
            shutil.copytree(args.repo, copies[tree], symlinks=True, ignore=_CACHE)
            workdirs[tree].mkdir()
            if not all(timed(command, tree) for command in commands):
                return 1
        for run in range(args.repeat):
            for command in commands:
                for tree in TREES if run % 2 == 0 else TREES[::-1]:
                    if command.before is not None:
                        command.before(copies[tree])
                    done = timed(command, tree)
                    if done is None:
                        return 1
                    times[(tree, command.name)].append(done)
        delete_set_aside()
    print("| command | before s | after s | change | processor s before / after | after quicker |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in names:
        runs = {tree: times[(tree, name)] for tree in TREES}
        walls = {tree: statistics.median(done.seconds for done in runs[tree]) for tree in TREES}
        cpus = {tree: statistics.median(map(_cpu, runs[tree])) for tree in TREES}
        quicker = sum(a.seconds < b.seconds for b, a in zip(*runs.values(), strict=True))
        change = 100 * (walls["after"] - walls["before"]) / walls["before"]
        print(
            f"| {name} | {walls['before']:.3f} | {walls['after']:.3f} | {change:+.1f} % "
            f"| {cpus['before']:.2f} / {cpus['after']:.2f} | {quicker} of {args.repeat} |"
        )
    return 0


def _cpu(done: Run) -> float:
    return done.user_seconds + done.system_seconds


if __name__ == "__main__":
    sys.exit(main())
