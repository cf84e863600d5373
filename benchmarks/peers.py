"""processkit against mkdocs-material plus Pagefind, side by side in one run on one machine.

    python benchmarks/peers.py [--sizes 1000,5000] [--repeat 3] [--keep DIR] [--seed S]
                               [--json FILE]

For each size a repository is generated as for ``run.py`` (a git repository: ``gitrepo.py``)
and an mkdocs-material project with the same content is written from it
(``mkdocs_project.py``). Then, ``--repeat`` rounds, each timing every work once on each side,
one after the other (processkit, peer, processkit, peer …), so that the machine's drift falls
on both:

- cold publish: ``processkit publish`` with an empty cache, against ``mkdocs build`` then
  Pagefind over the built site;
- after one change: one process's purpose changed (and committed) before each run; processkit
  publishes into the site it published before, with the repository's own cache; the peer
  changes the same page and runs ``mkdocs build --dirty``, without and with Pagefind after it;
- nothing changed: ``processkit publish`` again (no peer).

mkdocs 1.6.1 and mkdocs-material 9.8.1 are installed into ``benchmarks/.peers-venv`` on the
first run (exit 2 if that fails); Pagefind is the one processkit uses (the ``pagefind-bin``
package next to this Python). The Markdown table goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from generate import DEFAULT_AS_OF
from gitrepo import change_one, changed_process
from mkdocs_project import change_page, page_of, write_project
from run import (
    Measurement,
    Run,
    byte_compile,
    count_files,
    delete_set_aside,
    environment,
    log,
    parse_sizes,
    prepare_repo,
    processkit_script,
    run_once,
    set_aside,
)

PINS = ("mkdocs==1.6.1", "mkdocs-material==9.8.1")
VENV = Path(__file__).resolve().parent / ".peers-venv"
NONE = "\N{EN DASH}"  # a cell with nothing to say


@dataclass(frozen=True)
class Work:
    """One row of the table: processkit's runs and the peer's that are compared with them."""

    name: str
    processkit: str  # the key of processkit's measurement
    peer: str | None  # the key of the peer's, or None when the peer has no such work
    peer_label: str


WORKS = (
    Work("cold publish", "cold", "peer-cold", "mkdocs build + Pagefind"),
    Work("publish after one change", "change", "peer-dirty", "mkdocs build --dirty, no search"),
    Work("publish after one change", "change", "peer-dirty-search", "mkdocs --dirty + Pagefind"),
    Work("publish, nothing changed", "unchanged", None, NONE),
)


def install_peer() -> Path | None:
    """Return the ``mkdocs`` of ``.peers-venv``, installing the pinned versions when they are
    not there yet; None (after one line to stderr) when that fails."""
    mkdocs = VENV / "bin" / "mkdocs"
    stamp = VENV / ".pins"
    pins = "\n".join(PINS) + "\n"
    if mkdocs.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == pins:
        return mkdocs
    log(f"peers.py: installing {' and '.join(PINS)} into {VENV}")
    python = VENV / "bin" / "python"
    steps = [] if python.is_file() else [[sys.executable, "-m", "venv", str(VENV)]]
    steps.append(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PINS]
    )
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, check=False)
        except OSError as error:
            done = subprocess.CompletedProcess(step, 1, "", str(error))
        if done.returncode != 0:
            lines = (done.stderr or done.stdout).strip().splitlines()
            reason = lines[-1] if lines else f"exit status {done.returncode}"
            log(f"peers.py: cannot install {' and '.join(PINS)} into {VENV}: {reason}")
            return None
    if not mkdocs.is_file():
        log(f"peers.py: cannot install {' and '.join(PINS)} into {VENV}: no {mkdocs} afterwards")
        return None
    stamp.write_text(pins, encoding="utf-8")
    return mkdocs


def pagefind_program() -> Path | None:
    """Return the Pagefind program processkit uses (the ``pagefind-bin`` package)."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]

        return Path(get_executable())
    except (ImportError, FileNotFoundError):
        return None


def version(argv: list[str]) -> str:
    """Return the first line a ``--version`` prints."""
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else "?"


def chain(steps: Sequence[list[str]], workdir: Path) -> Run:
    """Run ``steps`` one after the other as one timed piece of work: the sum of their times,
    the largest peak RSS of any, the first failing exit status (and its output)."""
    runs = [run_once(argv, workdir) for argv in steps]
    failed = [run for run in runs if run.exit != 0]
    return Run(
        seconds=sum(run.seconds for run in runs),
        max_rss_kib=max(run.max_rss_kib for run in runs),
        exit=failed[0].exit if failed else 0,
        output=failed[0].output if failed else "",
        user_seconds=sum(run.user_seconds for run in runs),
        system_seconds=sum(run.system_seconds for run in runs),
    )


@dataclass
class Sides:
    """The programs and folders of one size's runs."""

    script: Path
    mkdocs: Path
    pagefind: Path
    repo: Path
    project: Path
    scratch: Path

    @property
    def site(self) -> Path:
        """processkit's site, kept from run to run (for the warm works)."""
        return self.scratch / "processkit-site"

    @property
    def peer_site(self) -> Path:
        """The peer's site, kept from run to run (for ``--dirty``)."""
        return self.scratch / "peer-site"

    def publish(self, *, cold: bool) -> list[str]:
        """processkit's publish: cold into a new folder with an empty cache (``{out}``, emptied
        by ``run_once``), or warm into the kept site with the repository's own cache."""
        if cold:
            out = self.scratch / "processkit" / "out"
            where = ["--output", str(out / "site"), "--cache-dir", str(out / "cache")]
        else:
            where = ["--output", str(self.site)]
        return [str(self.script), "publish", str(self.repo), *where, "--quiet"]

    def mkdocs_build(self, *, dirty: bool) -> list[str]:
        """mkdocs' build of the project into the peer's site."""
        argv = [str(self.mkdocs), "build", "--quiet", "--config-file"]
        argv += [str(self.project / "mkdocs.yml"), "--site-dir", str(self.peer_site)]
        return [*argv, "--dirty"] if dirty else argv

    def index(self) -> list[str]:
        """Pagefind over the peer's site."""
        return [str(self.pagefind), "--site", str(self.peer_site), "--silent"]


def works(sides: Sides) -> dict[str, Callable[[], Run]]:
    """The timed works by key, in the order each round runs them: each processkit work before
    the peer's of the same row."""
    processkit_dir = sides.scratch / "processkit"
    peer_dir = sides.scratch / "peer"
    page = page_of(sides.repo, changed_process(sides.repo))

    def cold() -> Run:
        return run_once(sides.publish(cold=True), processkit_dir)

    def peer_cold() -> Run:
        if sides.peer_site.exists():
            set_aside(sides.peer_site)
        return chain([sides.mkdocs_build(dirty=False), sides.index()], peer_dir)

    def change() -> Run:
        change_one(sides.repo, DEFAULT_AS_OF)
        return run_once(sides.publish(cold=False), processkit_dir)

    def peer_dirty() -> Run:
        change_page(sides.project, page)
        return run_once(sides.mkdocs_build(dirty=True), peer_dir)

    def peer_dirty_search() -> Run:
        change_page(sides.project, page)
        return chain([sides.mkdocs_build(dirty=True), sides.index()], peer_dir)

    def unchanged() -> Run:
        return run_once(sides.publish(cold=False), processkit_dir)

    return {
        "cold": cold,
        "peer-cold": peer_cold,
        "change": change,
        "peer-dirty": peer_dirty,
        "peer-dirty-search": peer_dirty_search,
        "unchanged": unchanged,
    }


def measure_size(sides: Sides, size: int, repeat: int) -> dict[str, Measurement]:
    """Run every work ``repeat`` times, round by round; return the measurements by key."""
    for folder in ("processkit", "peer"):
        (sides.scratch / folder).mkdir(parents=True, exist_ok=True)
    timed = works(sides)
    files = count_files(sides.repo)
    results = {key: Measurement(key, size, files) for key in timed}
    log(f"  warm-up: processkit publish (fills the repository's cache and {sides.site.name})")
    first = run_once(sides.publish(cold=False), sides.scratch / "processkit")
    if first.exit != 0:
        log(f"  warm-up publish exited {first.exit}:\n{first.output}")
    for round_ in range(1, repeat + 1):
        for key, work in timed.items():
            run = work()
            result = results[key]
            result.add(run)
            log(f"  round {round_}/{repeat}: {key} {run.seconds:.2f} s")
            if run.exit != 0:
                log(f"  {key} exited {run.exit}:\n{run.output}")
    return results


def markdown_table(rows: Sequence[tuple[Work, Measurement, Measurement | None]]) -> str:
    """Return the side-by-side as a Markdown table."""
    lines = [
        "| work | processes | processkit median s | min s | peer | peer median s | min s | "
        "processkit / peer | peak RSS MiB processkit / peer |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for work, ours, theirs in rows:
        if theirs is None:
            peer = " | ".join([NONE] * 3)
            rss = f"{ours.peak_mib:.0f} / {NONE}"
        else:
            peer = (
                f"{theirs.median:.2f} | {min(theirs.seconds):.2f} | "
                f"{ours.median / theirs.median:.2f}"
            )
            rss = f"{ours.peak_mib:.0f} / {theirs.peak_mib:.0f}"
        lines.append(
            f"| {work.name} | {ours.processes:,} | {ours.median:.2f} | {min(ours.seconds):.2f} | "
            f"{work.peer_label} | {peer} | {rss} |"
        )
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--keep", type=Path, help="cache generated repositories in this folder")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--json", type=Path, help="also write the raw measurements here")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    args = parse_args(argv)
    script = processkit_script()
    if not script.is_file() or not os.access(script, os.X_OK):
        log(f"peers.py: no processkit script at {script}; run this script with its Python")
        return 2
    pagefind = pagefind_program()
    if pagefind is None:
        log("peers.py: no Pagefind: install the pagefind-bin package into this Python")
        return 2
    mkdocs = install_peer()
    if mkdocs is None:
        return 2
    byte_compile()  # as the peer's packages are, by their installation
    os.environ["NO_MKDOCS_2_WARNING"] = "1"  # material's notice on every build, to stderr
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[Work, Measurement, Measurement | None]] = []
    measured: list[Measurement] = []
    raw: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="processkit-peers-") as scratch_name:
        scratch = Path(scratch_name)
        for size in args.sizes:
            started = time.perf_counter()
            repo = prepare_repo(size, args.seed, args.keep, scratch)
            project = scratch / f"mkdocs-n{size}"
            pages = write_project(repo, project)
            log(
                f"{size} processes: repository and mkdocs project ({pages} pages) ready in "
                f"{time.perf_counter() - started:.1f} s"
            )
            sides = Sides(script, mkdocs, pagefind, repo, project, scratch / f"runs-n{size}")
            results = measure_size(sides, size, args.repeat)
            for work in WORKS:
                theirs = results[work.peer] if work.peer else None
                rows.append((work, results[work.processkit], theirs))
            measured.extend(results.values())
            raw.extend({"size": size, **asdict(m)} for m in results.values())
            for folder in (sides.scratch, project, *(() if args.keep else (repo,))):
                set_aside(folder)
        delete_set_aside()
    print(
        f"{environment(script)}; peer: {version([str(mkdocs), '--version']).split(' from ')[0]}, "
        f"mkdocs-material {PINS[1].split('==')[1]}; {version([str(pagefind), '--version'])}"
    )
    print()
    print(markdown_table(rows))
    if args.json:
        args.json.write_text(json.dumps(raw, indent=2) + "\n")
    return 1 if any(code != 0 for m in measured for code in m.exits) else 0


if __name__ == "__main__":
    sys.exit(main())
