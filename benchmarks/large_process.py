"""Time validate, map and publish on a repository of one very large process.

    python benchmarks/large_process.py [--cases web:200,web:3000,chain:3000,chain:20000]
                                       [--repeat 3] [--commands validate,map]

``run.py`` measures how costs grow with the number of processes; this measures how they grow
with the size of one process. Each case is a shape and a number of activities:

- ``chain``: each activity leads to the next; the last one ends the flow (deep, for anything
  that recurses along the flow);
- ``web``: each activity leads to the next five and back to the five before, the last one
  ends (dense, with links back and forth: the hardest flow to place and route).

The process (``eb-handlaggning``, a draft) has a performer and an accountable role on every
activity, a consulted role on every third and an informed one on every fourth, a description
on every seventh and a routine on every tenth, and it hands over to and from three small
processes that mirror it. (More on every activity, and 20,000 activities would pass the
200,000 values a file may hold.) A flow of more than 200 activities is listed, not drawn
(rule PK124), so ``validate`` exits 0 with one warning on those. The Markdown table goes to
stdout, progress to stderr; the exit status is 1 when a command exits with a status other than
the expected one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from run import Command, case_parser, environment, log, processkit_script, run_once

#: The commands measured on each case, in the order they are reported.
COMMANDS: tuple[Command, ...] = (
    Command("validate", ("validate", "{repo}", "--format", "json")),
    # the one flow map, drawn with Graphviz (no cache)
    Command(
        "map", ("map", "process", "eb-handlaggning", "{repo}", "-o", "{out}/flow.svg", "--no-cache")
    ),
    # the whole site, cold: every page, map and search shard ({out} is emptied before each run)
    Command(
        "publish",
        ("publish", "{repo}", "--output", "{out}/site", "--cache-dir", "{out}/cache", "--quiet"),
    ),
)
DEFAULT_CASES = "web:200,web:3000,chain:3000,chain:20000"
ROLES = (
    ("handlaggare", "Handläggare"),
    ("enhetschef", "Enhetschef"),
    ("administrator", "Administratör"),
    ("socialsekreterare", "Socialsekreterare"),
    ("budget-och-skuldradgivare", "Budget- och skuldrådgivare"),
    ("arbetsmarknadskonsulent", "Arbetsmarknadskonsulent"),
)
PARTNERS = (
    ("eb-mottagning", "Ta emot ansökningar om ekonomiskt bistånd", "in", "Ansökan"),
    ("eb-utbetalning", "Betala ut ekonomiskt bistånd", "out", "Beslut om bistånd"),
    ("eb-uppfoljning", "Följa upp ekonomiskt bistånd", "out", "Plan för självförsörjning"),
)


def chain(count: int) -> list[list[int]]:
    """Each activity leads to the next; the last one ends the flow."""
    return [[i + 1] if i < count else [] for i in range(1, count + 1)]


def web(count: int) -> list[list[int]]:
    """Each activity leads to the next five and back to the five before; the last one ends."""
    return [
        []
        if i == count
        else [j for j in range(i + 1, i + 6) if j <= count]
        + [j for j in range(i - 1, i - 6, -1) if j >= 1]
        for i in range(1, count + 1)
    ]


SHAPES: dict[str, Callable[[int], list[list[int]]]] = {"chain": chain, "web": web}


def process_text(links: list[list[int]]) -> str:
    """The large process, its activities following ``links`` (numbered from 1)."""
    lines = [
        "kind: process",
        "id: eb-handlaggning",
        "name: Handlägga ansökan om ekonomiskt bistånd",
        "area: ekonomiskt-bistand",
        "type: core",
        "status: draft",
        "need: En person kan inte försörja sig",
        "end: Beslut är fattat och meddelat",
        "activities:",
    ]
    for number, following in enumerate(links, start=1):
        role = ROLES[number % len(ROLES)][0]
        lines += [f"  - id: s{number}", f"    name: Steg {number} i handläggningen"]
        lines += [f"    role: {role}", f"    accountable: {ROLES[0][0]}"]
        if number % 3 == 0:
            lines.append(f"    consulted: [{ROLES[(number + 1) % len(ROLES)][0]}]")
        if number % 4 == 0:
            lines.append(f"    informed: [{ROLES[(number + 2) % len(ROLES)][0]}]")
        if number % 7 == 0:
            lines.append("    description: Handläggaren *dokumenterar* steget i journalen.")
        if following:
            lines.append("    next: [" + ", ".join(f"s{n}" for n in following) + "]")
        if number % 10 == 0:
            lines.append("    documents: [rutin-ekonomiskt-bistand]")
    lines.append("interfaces:")
    for partner, _, direction, what in PARTNERS:
        lines += [f"  - process: {partner}", f"    direction: {direction}"]
        lines.append(f"    description: {what}")
    return "\n".join(lines) + "\n"


def generate(shape: str, count: int, root: Path) -> None:
    """Write the repository of one case into ``root``."""
    files = {
        "processkit.yaml": "organisation: Socialförvaltningen, Exempelkommunen\n",
        "areas/ekonomiskt-bistand.yaml": (
            "kind: area\nid: ekonomiskt-bistand\nname: Ekonomiskt bistånd\n"
        ),
        "handbooks/rutin-ekonomiskt-bistand.yaml": (
            "kind: handbook\nid: rutin-ekonomiskt-bistand\n"
            "title: Rutin för handläggning av ekonomiskt bistånd\ntype: routine\n"
        ),
        "processes/eb/eb-handlaggning.yaml": process_text(SHAPES[shape](count)),
    }
    for role_id, name in ROLES:
        files[f"roles/{role_id}.yaml"] = (
            f"kind: role\nid: {role_id}\nname: {name}\ncategory: operational\n"
        )
    for partner, name, direction, what in PARTNERS:
        mirrored = "out" if direction == "in" else "in"
        files[f"processes/eb/{partner}.yaml"] = (
            f"kind: process\nid: {partner}\nname: {name}\narea: ekonomiskt-bistand\n"
            "type: core\nstatus: draft\nactivities:\n"
            f"  - id: steg\n    name: {name}\n    role: handlaggare\n"
            f"interfaces:\n  - process: eb-handlaggning\n    direction: {mirrored}\n"
            f"    description: {what}\n"
        )
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@dataclass
class Result:
    """The runs of one command on one case."""

    command: str
    shape: str
    activities: int
    seconds: list[float] = field(default_factory=list)
    max_rss_kib: list[int] = field(default_factory=list)
    exits: list[int] = field(default_factory=list)


def table(results: Sequence[Result]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| command | shape | activities | median s | min s | ms / activity | peak RSS MiB | exit |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        median = statistics.median(r.seconds)
        exits = ",".join(str(code) for code in sorted(set(r.exits)))
        lines.append(
            f"| {r.command} | {r.shape} | {r.activities:,} | {median:.2f} | {min(r.seconds):.2f} "
            f"| {1000 * median / r.activities:.2f} | {max(r.max_rss_kib) / 1024:.0f} | {exits} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parse_cases = case_parser(list(SHAPES), 1)
    parser.add_argument("--cases", type=parse_cases, default=parse_cases(DEFAULT_CASES))
    parser.add_argument("--repeat", type=int, default=3, help="runs per command (default 3)")
    parser.add_argument(
        "--commands",
        default=",".join(c.name for c in COMMANDS),
        help=f"comma-separated, from: {', '.join(c.name for c in COMMANDS)} (default all)",
    )
    args = parser.parse_args(argv)
    script = processkit_script()
    if not script.is_file():
        log(f"large_process.py: no processkit script at {script}; install processkit first")
        return 2
    chosen = [c for c in COMMANDS if c.name in args.commands.split(",")]
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="processkit-large-") as scratch_name:
        scratch = Path(scratch_name)
        for shape, count in args.cases:
            repo = scratch / f"{shape}-{count}"
            generate(shape, count, repo)
            for command in chosen:
                result = Result(command.name, shape, count)
                argv_ = [str(script), *command.arguments(repo, scratch)]
                for _ in range(max(1, args.repeat)):
                    started = time.perf_counter()
                    run = run_once(argv_, scratch)
                    result.seconds.append(run.seconds)
                    result.max_rss_kib.append(run.max_rss_kib)
                    result.exits.append(run.exit)
                    if run.exit not in command.ok_exits:
                        log(f"  {command.name} exited {run.exit}:\n{run.output}")
                    log(f"{shape} {count}: {command.name} {time.perf_counter() - started:.2f} s")
                results.append(result)
    print(environment(script))
    print()
    print(table(results))
    failed = any(
        code not in next(c for c in chosen if c.name == r.command).ok_exits
        for r in results
        for code in r.exits
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
