"""Fuzzing: a mutated Kalmar file never makes a command end in an internal error or run unbounded.

Each example copies ``examples/kalmar``, mutates one of its files, and runs ``validate`` (in a
drawn output format), ``inventory``, ``map`` and ``publish`` in this process. Whatever the
mutation, each command must end with a diagnostic or a clear refusal (exit status 0, 1 or 2), never
exit status 3 or a traceback, and within a time bound.

The mutations work on the file's values, then on its text:

- a scalar replaced with a YAML special value (``.inf``, ``~``, ``0x1F``, ``2.10``, ``yes``, tags),
  a date at the edge of the calendar, a very long text, control characters, right-to-left text;
- a value's type swapped (text to list, list to mapping, mapping to text);
- a key deleted or duplicated;
- a value nested deeper.

The normal suite runs a modest number of examples; ``PROCESSKIT_FUZZ_EXAMPLES`` raises it
(``benchmarks/fuzz.sh`` runs a long session).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from tests.conftest import KALMAR

from processkit.cli.main import run

EXAMPLES = int(os.environ.get("PROCESSKIT_FUZZ_EXAMPLES", "15"))
#: The longest any one command may take on a mutated Kalmar (a cold publish takes about 2 s).
SECONDS_PER_COMMAND = 60

KALMAR_FILES = sorted(
    path.relative_to(KALMAR).as_posix()
    for path in KALMAR.rglob("*.yaml")
    if not any(part.startswith(".") or part == "site" for part in path.relative_to(KALMAR).parts)
)

#: Plain scalars written into a file as they are: YAML's special values and awkward spellings.
RAW_SCALARS = [
    ".inf",
    "-.inf",
    "+.INF",
    ".NaN",
    ".nan",
    "~",
    "null",
    "NULL",
    "",
    "0x1F",
    "0o17",
    "0b101",
    "2.10",
    "1.0",
    "0042",
    "1e3",
    "-0",
    "+12",
    "yes",
    "no",
    "on",
    "off",
    "True",
    "FALSE",
    "y",
    "0",
    "-1",
    "5",
    "99999999999999999999999",
    "3.14",
    "'2'",
    '"3"',
    "9999-12-31",
    "9998-01-01",
    "0001-01-01",
    "1900-01-01",
    "2199-12-31",
    "2026-02-29",
    "2024-02-29",
    "2026-13-01",
    "2026-1-1",
    "2026-02-01T10:00:00",
    "12:30:00",
    '!!int "3"',
    "!!int abc",
    "!!str 12",
    "!!float 1",
    "!!bool yes",
    "!!null ''",
    "! 12",
    "!foo bar",
    "!!python/object:os.system x",
    "!!binary aGVq",
    "!!timestamp 2026-01-01",
    "&anchor kalmar",
    "*undefined",
    "[]",
    "{}",
    "[a, [b, [c]]]",
    "{a: {b: 1}}",
    "|-\n  two\n  lines",
    "'quoted: colon'",
    '"tab\\there"',
    "- a",
    "? complex",
    "@reserved",
    "`back",
    "%directive",
    "#comment",
    "a: b",
    "Barn & unga <script>alert(1)</script>",
]

#: Text values written as double-quoted YAML (escapes and all), for the calendar of awkward text.
TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20),
    st.sampled_from(
        [
            "x" * 100_000,
            "ord " * 20_000,
            "\u202eomvänd text\u202c",
            "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
            "\x00\x01\x07\x1b[31m\x7f",
            "\u200b\u200e\u200f\ufeff",
            "line\r\nbreak\rcarriage",
            "- lista\n- med\n\n1. punkter\n\n| a | b |\n|---|---|\n| 1 | 2 |",
            "<img src=x onerror=alert(1)> & &amp; \"' </main>",
            "[länk](javascript:alert(1)) ![bild](data:,x)",
            '=HYPERLINK("https://example.se")',
            "a" * 65,
            "\U0001f600" * 500,
        ]
    ),
)

KINDS_OF_MUTATION = ("raw", "text", "swap", "delete", "duplicate", "deepen")
FORMATS = ("text", "json", "github", "sarif", "gitlab")


@dataclass(frozen=True)
class Mutation:
    """One change to one file of Kalmar, described so that a failure reads as a recipe."""

    path: str
    kind: str
    where: str
    value: str

    def __str__(self) -> str:
        return f"{self.kind} at {self.where} in {self.path}: {self.value[:200]!r}"


class _Slow(Exception):
    pass


@contextmanager
def _bounded(seconds: int, what: str) -> Iterator[None]:
    """Raise in this thread when ``what`` runs longer than ``seconds``."""

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise _Slow(f"{what} ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a loaded document: mapping keys and list positions, depth first."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*prefix, index)
            yield from _paths(item, (*prefix, index))


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        document = document[step]
    return document


MARKER = "@@PK-FUZZ@@"


def _dump(document: Any) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=10_000)


def _mutate(text: str, kind: str, data: st.DataObject) -> tuple[str, str, str]:
    """The mutated text of a file, where the change was made, and what was written."""
    document = yaml.safe_load(text)
    places = list(_paths(document))
    if kind == "duplicate":
        lines = text.splitlines()
        keyed = [i for i, line in enumerate(lines) if re.match(r"^\s*(- )?[a-z_-]+:", line)]
        index = data.draw(st.sampled_from(keyed), label="line")
        line = re.sub(r"^(\s*)- ", r"\1  ", lines[index])
        lines.insert(index + 1, line)
        return "\n".join(lines) + "\n", f"line {index + 1}", line
    path = data.draw(st.sampled_from(places), label="place")
    parent, last = _parent(document, path), path[-1]
    where = "/".join(str(step) for step in path)
    if kind == "delete":
        del parent[last]
        return _dump(document), where, ""
    if kind == "swap":
        old = parent[last]
        if isinstance(old, dict):
            new: Any = str(next(iter(old.values()), "tom"))
        elif isinstance(old, list):
            new = {"a": old}
        else:
            new = data.draw(st.sampled_from([[old], {"värde": old}, 1, True, None]), label="swap")
        parent[last] = new
        return _dump(document), where, repr(new)
    if kind == "deepen":
        levels = data.draw(st.sampled_from([1, 2, 5, 50, 99, 101, 150]), label="levels")
        value = parent[last]
        for _ in range(levels):
            value = [value]
        parent[last] = value
        return _dump(document), where, f"{levels} levels"
    parent[last] = MARKER
    dumped = _dump(document)
    if kind == "raw":
        raw = data.draw(st.sampled_from(RAW_SCALARS), label="raw")
        if "\n" in raw:  # a block scalar continues on lines indented under its key
            indent = re.search(rf"^( *)(?:- )?\S.*{MARKER}", dumped, re.MULTILINE)
            pad = " " * (len(indent.group(1)) + 4) if indent else "    "
            raw = raw.replace("\n  ", "\n" + pad)
    else:
        raw = json.dumps(data.draw(TEXT, label="text"), ensure_ascii=False)
    return dumped.replace(MARKER, raw, 1), where, raw


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code: int = 0
    try:
        with _bounded(SECONDS_PER_COMMAND, "processkit " + " ".join(args[:2])):
            run([*args, "--debug"])
    except SystemExit as exited:
        code = exited.code if isinstance(exited.code, int) else 1
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _check(result: tuple[int, str, str], mutation: Mutation, command: str) -> None:
    code, out, err = result
    assert code in (0, 1, 2), (
        f"`processkit {command}` ended with exit status {code} after {mutation}\n{err[-4000:]}"
    )
    assert "Traceback" not in err and "internal error" not in err, (
        f"`processkit {command}` failed after {mutation}\n{err[-4000:]}"
    )
    if code == 2:  # a refusal says why: a diagnostic (in the format asked for) or one clear line
        assert out.strip() or err.strip().splitlines()[-1].startswith("processkit: "), (
            f"`processkit {command}` refused without a word after {mutation}"
        )


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("PROCESSKIT_FUZZ_RANDOM") is None,
    database=None,
    # no shrinking: the mutation in the failure message is the recipe, and shrinking a
    # whole-repository run takes minutes
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    path=st.sampled_from(KALMAR_FILES),
    kind=st.sampled_from(KINDS_OF_MUTATION),
    output=st.sampled_from(FORMATS),
    data=st.data(),
)
def test_a_mutated_kalmar_file_never_ends_in_an_internal_error(
    path: str,
    kind: str,
    output: str,
    data: st.DataObject,
    workspace: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    repo = workspace / "repo"
    shutil.rmtree(repo, ignore_errors=True)
    shutil.copytree(KALMAR, repo, ignore=shutil.ignore_patterns("site", ".processkit-cache"))
    original = (KALMAR / path).read_text(encoding="utf-8")
    text, where, value = _mutate(original, kind, data)
    (repo / path).write_text(text, encoding="utf-8")
    mutation = Mutation(path, kind, where, value)
    commands: list[tuple[str, list[str]]] = [
        ("validate", ["validate", str(repo), "--format", output, "--today", "2026-11-21"]),
        ("inventory", ["inventory", str(repo), "--format", "json", "--today", "2026-11-21"]),
        ("inventory xlsx", ["inventory", str(repo), "-o", str(workspace / "inventory.xlsx")]),
        ("map landscape", ["map", "landscape", str(repo), "-o", str(workspace / "map.svg")]),
        (
            "publish",
            [
                "publish",
                str(repo),
                "--quiet",
                "--output",
                str(workspace / "site"),
                "--cache-dir",
                str(workspace / "cache"),
            ],
        ),
    ]
    if path.startswith("processes/"):
        process_id = Path(path).stem
        commands.append(
            (
                "map process",
                ["map", "process", process_id, str(repo), "-o", str(workspace / "flow.svg")],
            )
        )
    for name, args in commands:
        _check(_run(args, capsys), mutation, name)


def test_every_kind_of_mutation_changes_the_file() -> None:
    """The mutations are real: each kind, on a process file, writes a different text."""
    original = (KALMAR / "processes/barn-och-unga/bu-utredning.yaml").read_text(encoding="utf-8")
    changed: set[str] = set()

    @settings(max_examples=60, derandomize=True, database=None, deadline=None)
    @given(kind=st.sampled_from(KINDS_OF_MUTATION), data=st.data())
    def mutate(kind: str, data: st.DataObject) -> None:
        text, _where, _value = _mutate(original, kind, data)
        if text != original:
            changed.add(kind)

    mutate()
    assert changed == set(KINDS_OF_MUTATION)
