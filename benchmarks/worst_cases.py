"""Time commands on repositories shaped to be as costly as they can be.

    python benchmarks/worst_cases.py [--cases parents:1500,parents:10000,...]
                                     [--repeat 3] [--timeout 600] [--commands validate,map]

``run.py`` grows the number of processes and ``large_process.py`` the size of one process; this
grows one thing a cost could be quadratic (or recursive) in, the rest kept small. A case is a
shape and a size:

- ``parents``: a parent chain N deep (``p1`` has parent ``p0``, ``p2`` has ``p1``, ...), each
  process with one activity, an owner, an assessment and a proposal (no hand-overs: those are
  the next case): anything that walks the tree of sub-processes recursively, or from every
  process up to the top, fails or takes the square of N;
- ``wrong-interfaces``: N processes, each with an interface to a misspelt process (a
  did-you-mean over every process for each);
- ``handover-cycles``: N processes in a row, each handing over to the next and back: a cycle
  to break at every process when the landscape puts them in reading order;
- ``long-lists``: one process whose ``inputs`` and ``tags`` each hold N items, every one
  changed between two commits, and N risks of one description, each with a new likelihood
  (the change log compares the two lists, and tells the risks apart by numbering them);
- ``trapped``: one process of N activities where the flow, after the first, goes round in a
  circle and never ends (PK108 names the activities it is trapped in).

Each command runs ``--repeat`` times as a subprocess, killed after ``--timeout`` seconds (shown
as ``timeout``); ``--commands`` keeps those whose names start with one of the words given. The
Markdown table goes to stdout, progress to stderr; the exit status is 1
when a command exits with a status other than the expected one or times out.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from run import Command, case_parser, environment, log, processkit_script

EPOCH = "1780272000"  # 2026-06-01, the site's date
MAP = ("map", "landscape", "{repo}", "--area", "eb", "-f", "dot", "-o", "{out}/landscape.dot")
PUBLISH = ("publish", "{repo}", "--output", "{out}/site", "--cache-dir", "{out}/cache", "--quiet")
FINDINGS = frozenset({0, 1})
GIT_ENV = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

#: The commands measured on each shape, in the order they are reported.
COMMANDS: dict[str, tuple[Command, ...]] = {
    "parents": (
        Command("validate", ("validate", "{repo}", "--format", "json")),
        Command("inventory", ("inventory", "{repo}", "--format", "json")),
        Command("map landscape --area", MAP),
        Command("map all", ("map", "all", "{repo}", "-o", "{out}/maps", "-f", "dot")),
        Command("publish", PUBLISH),
        Command("review", ("review", "{repo}", "--today", "2027-06-01")),
        Command("maturity", ("maturity", "{repo}")),
        Command("proposals", ("proposals", "{repo}", "--today", "2026-06-01")),
        Command("codeowners", ("codeowners", "{repo}")),
        Command(
            "changelog",
            ("changelog", "{repo}", "--since", "2026-05-05", "--today", "2026-05-11"),
        ),
    ),
    "wrong-interfaces": (
        Command("validate", ("validate", "{repo}", "--format", "json"), FINDINGS),
    ),
    "handover-cycles": (
        Command("map landscape", ("map", "landscape", "{repo}", "-f", "dot", "-o", "{out}/l.dot")),
    ),
    "long-lists": (
        Command(
            "changelog",
            ("changelog", "{repo}", "--since", "2026-05-05", "--today", "2026-05-11"),
        ),
    ),
    "trapped": (Command("validate", ("validate", "{repo}", "--format", "json"), FINDINGS),),
}
DEFAULT_CASES = (
    "parents:1500,parents:10000,wrong-interfaces:5000,handover-cycles:20000,"
    "long-lists:20000,trapped:20000"
)
CONFIG = "organisation: Socialförvaltningen, Exempelkommunen\n"
AREA = "kind: area\nid: eb\nname: Ekonomiskt bistånd\n"
ROLE = "kind: role\nid: handlaggare\nname: Handläggare\ncategory: operational\n"
PERSON = "kind: person\nid: anna-nilsson\nname: Anna Nilsson\nusername: anna\n"
ACTIVITY = "activities:\n  - id: utreda\n    name: Utreda\n    role: handlaggare\n"


def process(pid: str, name: str, lines: Sequence[str] = (), activity: str = ACTIVITY) -> str:
    head = f"kind: process\nid: {pid}\nname: {name}\narea: eb\ntype: core\nstatus: draft\n"
    return head + "".join(line + "\n" for line in lines) + activity


def interface(other: str, direction: str) -> list[str]:
    return [f"  - process: {other}", f"    direction: {direction}", "    description: Underlag"]


def parents(count: int) -> dict[str, str]:
    files = {"people/anna-nilsson.yaml": PERSON}
    for i in range(count):
        lines = ["owner: anna-nilsson"] + ([f"parent: p{i - 1}"] if i else [])
        files[f"processes/eb/p{i}.yaml"] = process(f"p{i}", f"Delprocess {i}", lines)
        files[f"assessments/m{i}.yaml"] = (
            f"kind: assessment\nid: m{i}\nprocess: p{i}\ndate: 2026-03-01\n"
            "scores: {design: 1, performers: 2, owner: 1, infrastructure: 1, metrics: 1}\n"
        )
        files[f"proposals/f{i}.yaml"] = (
            f"kind: proposal\nid: f{i}\nprocess: p{i}\ntitle: Förslag {i}\nsubmitted: 2026-03-01\n"
        )
    return files


def wrong_interfaces(count: int) -> dict[str, str]:
    return {
        f"processes/eb/p{i}.yaml": process(
            f"p{i}", f"Process {i}", ["interfaces:", *interface(f"p{(i + 1) % count}x", "out")]
        )
        for i in range(count)
    }


def handover_cycles(count: int) -> dict[str, str]:
    files = {}
    for i in range(count):
        lines = ["interfaces:"]
        for other in (i - 1, i + 1):
            if 0 <= other < count:
                lines += interface(f"p{other:05}", "out") + interface(f"p{other:05}", "in")
        files[f"processes/eb/p{i:05}.yaml"] = process(f"p{i:05}", f"Process {i}", lines)
    return files


def long_lists(count: int, changed: bool) -> dict[str, str]:
    word = "Underlag" if changed else "Handling"
    lines = ["inputs:", *(f"  - {word} {i}" for i in range(count))]
    lines += ["tags:", *(f"  - {word.lower()}-{i}" for i in range(count))]
    lines.append("risks:")  # risks told apart by their description, here all the same
    for _ in range(count):
        lines += ["  - description: Uppgifter saknas", f"    likelihood: {2 if changed else 1}"]
    return {"processes/eb/lista.yaml": process("lista", "Lång lista", lines)}


def trapped(count: int) -> dict[str, str]:
    role = "    role: handlaggare"
    activities = ["activities:", "  - id: s0", "    name: Börja", role, "    next: [s1, klar]"]
    for i in range(1, count):
        activities += [f"  - id: s{i}", f"    name: Steg {i}", role]
        activities.append(f"    next: [s{i % (count - 1) + 1}]")
    activities += ["  - id: klar", "    name: Klar", role]
    return {"processes/eb/runt.yaml": process("runt", "Runt", (), "\n".join(activities) + "\n")}


def write(root: Path, files: dict[str, str]) -> None:
    base = {"processkit.yaml": CONFIG, "areas/eb.yaml": AREA, "roles/handlaggare.yaml": ROLE}
    for relative, text in {**base, **files}.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def commit(root: Path, day: str, message: str) -> None:
    stamp = f"{day}T10:00:00+02:00"
    env = {**GIT_ENV, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    ident = ["-c", "user.name=Processtöd", "-c", "user.email=processtod@example.se"]
    for args in (["add", "-A"], ["commit", "-q", "--allow-empty", "-m", message]):
        subprocess.run(["git", "-C", str(root), *ident, *args], env=env, check=True)


def generate(shape: str, count: int, root: Path) -> None:
    """Write the repository of one case into ``root``, as two commits."""
    subprocess.run(["git", "init", "-q", str(root)], env=GIT_ENV, check=True)
    first: Callable[[int], dict[str, str]] = {
        "parents": parents,
        "wrong-interfaces": wrong_interfaces,
        "handover-cycles": handover_cycles,
        "long-lists": lambda n: long_lists(n, changed=False),
        "trapped": trapped,
    }[shape]
    write(root, first(count))
    commit(root, "2026-05-01", "Processerna")
    if shape == "long-lists":
        write(root, long_lists(count, changed=True))
    elif shape == "parents":  # every process renamed: a change for the log to report
        write(root, {k: v.replace("Delprocess", "Del") for k, v in parents(count).items()})
    commit(root, "2026-05-10", "Ändrade")


@dataclass
class Result:
    """The runs of one command on one case."""

    command: str
    shape: str
    size: int
    seconds: list[float] = field(default_factory=list)
    max_rss_kib: list[int] = field(default_factory=list)
    output_bytes: list[int] = field(default_factory=list)
    exits: list[str] = field(default_factory=list)


def end_group(pid: int) -> None:
    """Kill a command that ran past its time, and the programs it started."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def run_guarded(argv: list[str], workdir: Path, timeout: float) -> tuple[float, int, int, str]:
    """Run ``argv``; (seconds, peak RSS KiB, stdout bytes, exit status or ``timeout``)."""
    out = workdir / "stdout"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    with out.open("wb") as stdout:
        started = time.perf_counter()
        child = subprocess.Popen(
            argv,
            stdout=stdout,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,  # so that a timeout ends Graphviz too
        )
        timer = threading.Timer(timeout, end_group, (child.pid,))
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        timed_out = not timer.is_alive()
        timer.cancel()
    child.returncode = os.waitstatus_to_exitcode(status)
    exit_text = "timeout" if timed_out else str(child.returncode)
    return elapsed, usage.ru_maxrss, out.stat().st_size, exit_text


def table(results: Sequence[Result]) -> str:
    lines = [
        "| command | case | size | median s | min s | peak RSS MiB | output KB | exit |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        exits = ",".join(sorted(set(r.exits)))
        median = statistics.median(r.seconds)
        lines.append(
            f"| {r.command} | {r.shape} | {r.size:,} | {median:.2f} | {min(r.seconds):.2f} "
            f"| {max(r.max_rss_kib) / 1024:.0f} | {max(r.output_bytes) / 1000:,.0f} | {exits} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parse_cases = case_parser(list(COMMANDS), 2)
    parser.add_argument("--cases", type=parse_cases, default=parse_cases(DEFAULT_CASES))
    parser.add_argument("--repeat", type=int, default=3, help="runs per command (default 3)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds (default 600)")
    parser.add_argument("--commands", help="only the commands whose names start with these")
    args = parser.parse_args(argv)
    script = processkit_script()
    if not script.is_file():
        log(f"worst_cases.py: no processkit script at {script}; install processkit first")
        return 2
    wanted = args.commands.split(",") if args.commands else [""]
    results: list[Result] = []
    failed = False
    with tempfile.TemporaryDirectory(prefix="processkit-worst-") as scratch_name:
        scratch = Path(scratch_name)
        for shape, count in args.cases:
            repo = scratch / f"{shape}-{count}"
            generate(shape, count, repo)
            for command in COMMANDS[shape]:
                if not any(command.name.startswith(prefix) for prefix in wanted):
                    continue
                result = Result(command.name, shape, count)
                argv_ = [str(script), *command.arguments(repo, scratch)]
                for _ in range(max(1, args.repeat)):
                    (scratch / "out").mkdir(exist_ok=True)
                    seconds, rss, size, status = run_guarded(argv_, scratch, args.timeout)
                    shutil.rmtree(scratch / "out", ignore_errors=True)
                    result.seconds.append(seconds)
                    result.max_rss_kib.append(rss)
                    result.output_bytes.append(size)
                    result.exits.append(status)
                    failed |= status not in {str(code) for code in command.ok_exits}
                    log(f"{shape} {count}: {command.name} {seconds:.2f} s, exit {status}")
                    if status == "timeout":
                        break  # once is enough to know
                results.append(result)
    print(environment(script))
    print()
    print(table(results))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
