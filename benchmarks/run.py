"""Time processkit commands on generated repositories of growing size.

    python benchmarks/run.py [--sizes 200,1000,10000] [--repeat 3] [--keep DIR]
                             [--commands validate] [--seed S] [--history N] [--json FILE]

For each size a repository is generated (into a temporary folder, or cached under ``--keep``),
with ``--history`` commits of earlier work in its git history (``gitrepo.lengthen``), then
each command runs ``--repeat`` times as a subprocess. The Markdown table gives the median
wall time, the per-process cost and the peak resident memory of the command's process.

To benchmark another command, add a ``Command`` to ``COMMANDS`` below.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import gitrepo
from generate import DEFAULT_AS_OF, MARKER, generate, marker

from processkit.cache import CACHE_FOLDER


@dataclass(frozen=True)
class Command:
    """A benchmarked command: processkit's arguments, with ``{repo}`` for the repository.

    ``before`` runs (untimed) before each timed run, e.g. to change and commit a file;
    ``warmup`` makes one untimed run first, so that the cache and ``{site}`` are filled.
    """

    name: str
    argv: tuple[str, ...]
    ok_exits: frozenset[int] = frozenset({0})
    before: Callable[[Path], object] | None = None
    warmup: bool = False
    #: each timed run restores the repository's cache folder from an archive first (packed,
    #: and the folder moved away, untimed: see ``restoring``)
    restore: bool = False

    def arguments(self, repo: Path, workdir: Path) -> list[str]:
        """Return the arguments with ``{repo}``, ``{out}`` (a scratch folder, emptied before
        each run) and ``{site}`` (a folder kept from run to run) filled in."""
        return [
            arg.format(repo=repo, out=workdir / "out", site=workdir / "site") for arg in self.argv
        ]


def change_one(repo: Path) -> Path:
    """Change one process's purpose and commit it (see ``gitrepo.change_one``)."""
    return gitrepo.change_one(repo, DEFAULT_AS_OF)


# The commands that can be benchmarked, in the order they are reported. Add new ones here, e.g.
#   Command("inventory", ("inventory", "{repo}", "--format", "json")),
#   Command("publish", ("publish", "{repo}", "--output", "{out}")),
COMMANDS: tuple[Command, ...] = (
    Command("validate", ("validate", "{repo}", "--format", "json")),
    Command("inventory", ("inventory", "{repo}", "--format", "json", "--today", "2026-11-21")),
    # start-up: what a pre-commit hook pays before any work (target: under 0.2 s)
    Command("startup", ("--version",)),
    Command("fmt-check", ("fmt", "{repo}", "--check"), frozenset({0, 1})),
    Command("review", ("review", "{repo}", "--format", "json", "--today", "2026-11-21")),
    Command("maturity", ("maturity", "{repo}", "--format", "json")),
    Command(
        "proposals",
        ("proposals", "{repo}", "--since", "30d", "--format", "json", "--today", "2026-11-21"),
    ),
    Command("codeowners", ("codeowners", "{repo}")),
    # every map (landscapes, flows, interfaces) drawn with an empty cache ({out} is emptied
    # before each run); benchmarks/maps.py times the warm cache and the parts
    Command(
        "map", ("map", "all", "{repo}", "--output", "{out}/maps", "--cache-dir", "{out}/cache")
    ),
    # the whole site (every page, every map and the search index): cold, with an empty map
    # cache in {out}; and warm, with the repository's own cache (drawn by its first run)
    Command(
        "publish",
        ("publish", "{repo}", "--output", "{out}/site", "--cache-dir", "{out}/cache", "--quiet"),
    ),
    Command("publish-warm", ("publish", "{repo}", "--output", "{out}/site", "--quiet")),
    # one process's purpose changed and committed before each run; the repository's own cache
    # and the site published before (into {site}, kept from run to run) are warm: what a
    # process leader's republish after one edit costs
    Command(
        "publish-change",
        ("publish", "{repo}", "--output", "{site}", "--quiet"),
        before=change_one,
        warmup=True,
    ),
    # the same change, published as the CI workflows ``init`` writes publish a merge: into a
    # new folder, with the cache folder the last publish left (restored by the CI job; the
    # restoring itself is not timed here)
    Command(
        "publish-ci",
        ("publish", "{repo}", "--output", "{out}/site", "--quiet"),
        before=change_one,
        warmup=True,
    ),
    # and with the restoring timed: the cache folder unpacked from a zstd archive, as the
    # CI job's cache step does on the runner, then the publish (the download is not timed)
    Command(
        "publish-ci-restore",
        ("publish", "{repo}", "--output", "{out}/site", "--quiet"),
        before=change_one,
        warmup=True,
        restore=True,
    ),
)

#: What ``restore`` needs besides processkit: GNU tar and zstd, as on the CI runners.
RESTORE_TOOLS = ("tar", "zstd")


@dataclass
class Measurement:
    """The runs of one command on one repository."""

    command: str
    processes: int
    files: int
    seconds: list[float] = field(default_factory=list)
    max_rss_kib: list[int] = field(default_factory=list)
    exits: list[int] = field(default_factory=list)
    #: the CPU time of each run, the command and every process it started: in user space,
    #: and in the system (a file system that makes creating a file slow shows here)
    user_seconds: list[float] = field(default_factory=list)
    system_seconds: list[float] = field(default_factory=list)

    def add(self, run: Run) -> None:
        self.seconds.append(run.seconds)
        self.max_rss_kib.append(run.max_rss_kib)
        self.exits.append(run.exit)
        self.user_seconds.append(run.user_seconds)
        self.system_seconds.append(run.system_seconds)

    @property
    def median(self) -> float:
        """Median wall time in seconds."""
        return statistics.median(self.seconds)

    @property
    def peak_mib(self) -> float:
        """Largest resident set of any run, in MiB."""
        return max(self.max_rss_kib) / 1024


@dataclass(frozen=True)
class Run:
    """One run of a command."""

    seconds: float
    max_rss_kib: int
    exit: int
    output: str
    #: CPU time in user space and in the system, of the command and the processes it started
    user_seconds: float = 0.0
    system_seconds: float = 0.0


def processkit_script() -> Path:
    """Return the ``processkit`` console script installed next to this Python."""
    return Path(sys.executable).parent / "processkit"


def byte_compile(folder: Path | None = None) -> None:
    """Compile processkit's modules to bytecode, as installing it from a package does, so
    that the runs time what a user's installed processkit costs. An editable install
    compiles a module when it is first imported, and keeps the bytecode only where Python
    may write it: with ``PYTHONDONTWRITEBYTECODE`` set (some machines and containers set
    it), every run would compile some 160 modules again (0.1 s on a 2-core machine).
    ``folder``: another package's (by default processkit's)."""
    if folder is None:
        import processkit

        folder = Path(processkit.__file__).parent
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(folder)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


#: Folders the runs wrote, moved out of the way until every run is timed (``set_aside``).
_SET_ASIDE: list[Path] = []


def set_aside(folder: Path, into: Path | None = None) -> None:
    """Move ``folder`` out of the way, into the folder ``into`` (by default its own parent
    folder), to be deleted by ``delete_set_aside`` once every run is timed, not before the
    next run.

    On a file system without a journal (ext4 mounted so, as on some virtual machines), the
    file system looks at the inodes freed in the last minute (up to five, while their part of
    the inode table is not yet written out) for every new file and skips them. A cold publish
    at 1,000 processes right after the previous run's 9,000 files were deleted took 1 to 3 s
    longer, all of it system time, spent in that search. Deleted once every run is timed,
    they still slow whatever runs in the minutes after (the next script): ``README.md`` tells
    how the figures are measured on a file system with a journal, which does not look."""
    target = (into or folder.parent) / f"{folder.name}.set-aside-{len(_SET_ASIDE)}"
    folder.rename(target)
    _SET_ASIDE.append(target)


def delete_set_aside() -> None:
    """Delete the folders ``set_aside`` moved out of the way."""
    while _SET_ASIDE:
        shutil.rmtree(_SET_ASIDE.pop(), ignore_errors=True)


def run_once(argv: list[str], workdir: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``argv`` once (in the environment ``env``, by default this one's); return its wall
    time, peak RSS and CPU times (from ``wait4``) and exit status.

    ``ru_maxrss`` is in KiB on Linux (bytes on macOS, where the column reads 1024 times high).
    """
    out_dir = workdir / "out"
    if out_dir.exists():
        set_aside(out_dir)
    # what the runs before wrote and deleted is on the disk before this one starts: a run
    # does not pay for theirs (a cold publish writes some 120 MB at 1,000 processes)
    if hasattr(os, "sync"):
        os.sync()
    stdout_path, stderr_path = workdir / "stdout", workdir / "stderr"
    with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(
            argv, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL, env=env
        )
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    output = excerpt(stdout_path, stderr_path)
    return Run(elapsed, usage.ru_maxrss, child.returncode, output, usage.ru_utime, usage.ru_stime)


def excerpt(stdout_path: Path, stderr_path: Path) -> str:
    """Return the end of the error output, or else the start of the output, to show a failure."""
    errors = stderr_path.read_text(encoding="utf-8", errors="replace").strip()
    if errors:
        return errors[-2000:]
    return stdout_path.read_text(encoding="utf-8", errors="replace")[:2000]


def failure(run: Run, workdir: Path) -> str:
    """What a failed ``run`` said (``excerpt``); where it said nothing, how much room was left
    on the disk of ``workdir``, where it wrote: a run that filled the disk could not write
    what it said (the folders of the runs are deleted only once every run is timed:
    ``set_aside``)."""
    if run.output.strip():
        return run.output
    free = shutil.disk_usage(workdir).free
    return f"(nothing written; {free / 2**20:,.0f} MiB free on the disk of {workdir})"


def count_files(repo: Path) -> int:
    """Count the YAML files processkit reads (hidden paths skipped)."""
    return sum(
        1
        for path in repo.rglob("*.y*ml")
        if path.suffix in (".yaml", ".yml")
        and not any(part.startswith(".") for part in path.relative_to(repo).parts)
    )


def prepare_repo(size: int, seed: int, keep: Path | None, scratch: Path, history: int = 0) -> Path:
    """Return a generated git repository of ``size`` processes (``gitrepo.init``, with
    ``history`` commits more), reusing a cached one when valid (brought back to where
    ``init`` left it: ``gitrepo.restart``)."""
    name = f"n{size}-seed{seed}" + (f"-history{history}" if history else "")
    if keep is None:
        repo = scratch / name
        generate(size, repo, seed)
        gitrepo.init(repo, DEFAULT_AS_OF, history)
        return repo
    repo = keep / name
    wanted = marker(size, seed, DEFAULT_AS_OF)
    marker_path = repo / MARKER
    if marker_path.is_file():
        if json.loads(marker_path.read_text(encoding="utf-8")) == wanted:
            if not gitrepo.is_repository(repo):  # kept before repositories had a history
                gitrepo.init(repo, DEFAULT_AS_OF, history)
            gitrepo.restart(repo, history)  # without the commits of the runs before
            return repo
        shutil.rmtree(repo)  # ours, from another generator version: make it anew
    elif repo.exists():
        raise SystemExit(f"run.py: {repo} exists but was not written by generate.py; remove it")
    partial = keep / f".{repo.name}.partial"
    if partial.exists():
        shutil.rmtree(partial)
    generate(size, partial, seed)
    gitrepo.init(partial, DEFAULT_AS_OF, history)
    partial.rename(repo)
    return repo


def available(script: Path, command: Command) -> bool:
    """True when this processkit has the command (its ``--help`` succeeds), and for one that
    restores the cache, this machine has ``RESTORE_TOOLS``."""
    if command.restore and not all(shutil.which(tool) for tool in RESTORE_TOOLS):
        return False
    probe = subprocess.run(
        [str(script), command.argv[0], "--help"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return probe.returncode == 0


def measure(
    script: Path, command: Command, repo: Path, size: int, repeat: int, workdir: Path
) -> Measurement:
    """Run ``command`` on ``repo`` ``repeat`` times."""
    result = Measurement(command.name, size, count_files(repo))
    argv = [str(script), *command.arguments(repo, workdir)]
    if command.warmup:
        warmup = run_once(argv, workdir)
        if warmup.exit not in command.ok_exits:
            log(f"  {command.name} (warm-up) exited {warmup.exit}:\n{failure(warmup, workdir)}")
    for _ in range(repeat):
        if command.before is not None:
            command.before(repo)
        run = run_once(restoring(repo, workdir, argv) if command.restore else argv, workdir)
        result.add(run)
        if run.exit not in command.ok_exits:
            log(f"  {command.name} exited {run.exit}:\n{failure(run, workdir)}")
    return result


def restoring(repo: Path, workdir: Path, argv: list[str]) -> list[str]:
    """``argv`` run after the cache folder of ``repo`` is unpacked from an archive, as a CI
    job restores it: the folder is packed into one (with zstd, as GitHub's cache action packs)
    and moved out of the way into ``workdir`` (``set_aside``), untimed; the unpacking is part
    of the run."""
    folder = repo / CACHE_FOLDER
    archive = workdir / "cache.tar.zst"
    subprocess.run(
        [
            "tar",
            "--posix",
            "-cf",
            str(archive),
            "--use-compress-program",
            "zstd -T0",
            "-C",
            str(repo),
            CACHE_FOLDER,
        ],
        check=True,
    )
    set_aside(folder, into=workdir)  # not in the repository, where processkit would see it
    unpack = 'tar -xf "$1" -C "$2" --use-compress-program unzstd && shift 2 && exec "$@"'
    return ["sh", "-c", unpack, "sh", str(archive), str(repo), *argv]


def markdown_table(measurements: Sequence[Measurement]) -> str:
    """Return the results as a Markdown table (the CPU times are medians too)."""
    lines = [
        "| command | processes | files | median s | min s | ms / process | user s | system s "
        "| peak RSS MiB | exit |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for m in measurements:
        exits = ",".join(str(code) for code in sorted(set(m.exits)))
        user, system = (statistics.median(t) for t in (m.user_seconds, m.system_seconds))
        lines.append(
            f"| {m.command} | {m.processes:,} | {m.files:,} | {m.median:.2f} | "
            f"{min(m.seconds):.2f} | {1000 * m.median / m.processes:.2f} | {user:.2f} | "
            f"{system:.2f} | {m.peak_mib:.0f} | {exits} |"
        )
    return "\n".join(lines)


def environment(script: Path) -> str:
    """Return one line about the machine and the processkit version measured, with the commit
    of the source tree these scripts are in (see ``source_commit``)."""
    version = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    commit = source_commit()
    return (
        f"{version or 'processkit (version unknown)'}"
        f"{f'; source {commit}' if commit else ''}; Python {platform.python_version()}; "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs; "
        f"{dt.date.today().isoformat()}"
    )


def source_commit(root: Path = Path(__file__).resolve().parent.parent) -> str | None:
    """The commit checked out in the source tree at ``root`` (this one's), and "with changes"
    where a tracked file differs from it; None outside git. An environment installed from the
    tree (editable) runs that code, whatever version it was installed as."""
    head = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    if head.returncode != 0:
        return None
    changed = subprocess.run(
        ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return head.stdout.strip() + (" with changes" if changed else "")


def case_parser(shapes: Sequence[str], minimum: int) -> Callable[[str], list[tuple[str, int]]]:
    """An argparse type for ``--cases web:200,chain:20000``: shapes from ``shapes``, each with a
    size of at least ``minimum``."""

    def parse(text: str) -> list[tuple[str, int]]:
        cases = []
        for part in text.split(","):
            shape, _, count = part.strip().partition(":")
            if shape not in shapes or not count.isdigit() or int(count) < minimum:
                raise argparse.ArgumentTypeError(
                    f"`{part}`: write a shape ({', '.join(shapes)}), a colon and a number "
                    f"from {minimum}"
                )
            cases.append((shape, int(count)))
        return cases

    return parse


def log(message: str) -> None:
    """Progress goes to stderr, so stdout holds only the table."""
    print(message, file=sys.stderr, flush=True)


def parse_sizes(text: str) -> list[int]:
    """Parse ``200,1000,10000``."""
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive numbers")
    return sizes


def parse_names(text: str) -> list[str]:
    """Parse ``validate,inventory``."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError("name at least one command")
    return names


def select_commands(names: Sequence[str], script: Path) -> list[Command]:
    """Return the commands named that this benchmark knows and this processkit has."""
    known = {command.name: command for command in COMMANDS}
    chosen = []
    for name in names:
        if name not in known:
            log(f"run.py: skipping {name}: not among the benchmarked COMMANDS in run.py")
        elif not available(script, known[name]):
            log(f"run.py: skipping {name}: this processkit has no such command")
        else:
            chosen.append(known[name])
    return chosen


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[200, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per command (default 3)")
    parser.add_argument("--keep", type=Path, help="cache generated repositories in this folder")
    parser.add_argument(
        "--commands",
        type=parse_names,
        default=[command.name for command in COMMANDS],
        help=f"comma-separated, from: {', '.join(c.name for c in COMMANDS)} (default all)",
    )
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument(
        "--history",
        type=int,
        default=0,
        help="commits of earlier work added to each repository's history (default 0)",
    )
    parser.add_argument("--json", type=Path, help="also write the raw measurements here")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.history < 0:
        parser.error("--history must be 0 or more")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    args = parse_args(argv)
    script = processkit_script()
    if not script.is_file() or not os.access(script, os.X_OK):
        log(
            f"run.py: no processkit script at {script}; install processkit into this Python's "
            "environment (pip install -e .) and run this script with that Python"
        )
        return 2
    commands = select_commands(args.commands, script)
    if not commands:
        log("run.py: none of the chosen commands exists in this processkit")
        return 2
    byte_compile()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    measurements: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="processkit-bench-") as scratch_name:
        scratch = Path(scratch_name)
        for size in args.sizes:
            started = time.perf_counter()
            repo = prepare_repo(size, args.seed, args.keep, scratch, args.history)
            log(f"{size} processes: repository ready in {time.perf_counter() - started:.1f} s")
            for command in commands:
                result = measure(script, command, repo, size, args.repeat, scratch)
                log(f"  {command.name}: median {result.median:.2f} s")
                measurements.append(result)
            if args.keep is None:
                set_aside(repo)
        delete_set_aside()
    print(environment(script))
    print()
    print(markdown_table(measurements))
    if args.json:
        args.json.write_text(json.dumps([asdict(m) for m in measurements], indent=2) + "\n")
    ok_exits = {command.name: command.ok_exits for command in commands}
    failed = any(code not in ok_exits[m.command] for m in measurements for code in m.exits)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
