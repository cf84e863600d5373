"""Start-up and validation of two processkit source trees, interleaved run by run.

    git worktree add /tmp/before <rev>
    .venv/bin/python benchmarks/run.py --sizes 1000 --repeat 1 --commands startup \\
        --keep benchmarks/.data
    .venv/bin/python benchmarks/ab.py /tmp/before/src benchmarks/.data/n1000-seed1 --repeat 11

Both trees run through the ``processkit`` next to this Python, the "before" tree first on
``PYTHONPATH``; each run alternates which tree goes first, so that the machine's drift falls on
both. Prints the medians and the change. PROCESSKIT_LANG is unset: both speak as a user's would.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the src folder of the tree to compare with")
    parser.add_argument("repo", type=Path, help="a repository to validate")
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--today", default="2026-03-01")
    args = parser.parse_args()
    exe = str(Path(sys.executable).parent / "processkit")
    after = Path(__file__).resolve().parent.parent / "src"
    trees = {"before": args.before.resolve(), "after": after}
    commands = {
        "--version": [exe, "--version"],
        "validate": [exe, "validate", str(args.repo), "--format", "json", "--today", args.today],
    }
    times: dict[tuple[str, str], list[float]] = {(t, c): [] for t in trees for c in commands}
    for run in range(args.repeat):
        order = list(trees.items()) if run % 2 == 0 else list(reversed(trees.items()))
        for name, argv in commands.items():
            for tree, src in order:
                env = dict(os.environ, PYTHONPATH=str(src))
                env.pop("PROCESSKIT_LANG", None)
                start = time.perf_counter()
                done = subprocess.run(argv, env=env, capture_output=True, check=False)
                times[(tree, name)].append(time.perf_counter() - start)
                if done.returncode not in (0, 1):
                    print(f"{tree} {name}: exit {done.returncode}", file=sys.stderr)
                    return 1
    print("| command | before s | after s | change |")
    print("|---|---:|---:|---:|")
    for name in commands:
        before = statistics.median(times[("before", name)])
        now = statistics.median(times[("after", name)])
        print(f"| {name} | {before:.3f} | {now:.3f} | {100 * (now - before) / before:+.1f} % |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
