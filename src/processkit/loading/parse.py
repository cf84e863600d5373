"""Reading and parsing many files, on every core when there are many.

Parsing (libyaml's composer, then our conversion) is most of a validation's time and each file
is independent, so a large repository is parsed by worker processes, in chunks. Workers send
back plain values; the node trees stay behind (positions are found again, on demand, only for
files with something to report).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from processkit.diagnostics import Diagnostic, Severity
from processkit.i18n import _
from processkit.loading.yamlfile import read_yaml

#: Below this many files one process is faster than starting workers.
PARALLEL_FROM = 400
CHUNK = 200


@dataclass(slots=True)
class FileResult:
    """One file read and parsed: its mapping value (when it had one), its problems, and its text
    when it has problems."""

    path: str
    text: str | None = None
    value: dict[str, Any] | None = None
    extensions: dict[str, Any] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def parse_file(root: Path, relative: str) -> FileResult:
    try:
        data = (root / relative).read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        problem = Diagnostic(
            "PK001",
            Severity.ERROR,
            _("the file cannot be read: {reason}", reason=reason),
            relative,
            0,
            0,
            _("Check that the file exists and may be read."),
        )
        return FileResult(relative, diagnostics=[problem])
    parsed = read_yaml(relative, data)
    value = parsed.value if parsed.node is not None else None
    # The text goes back only where there is something to show; the rest is read again from
    # disk on demand (Repository.texts), which costs less than sending it between processes.
    text = parsed.text if parsed.diagnostics else None
    return FileResult(relative, text, value, parsed.extensions, parsed.diagnostics)


def _parse_chunk(root: Path, paths: list[str]) -> list[FileResult]:
    gc.disable()  # a worker lives for one repository; collecting cycles only costs time
    return [parse_file(root, path) for path in paths]


def workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def parse_files(
    root: Path, paths: list[str], *, parallel: bool | None = None
) -> Iterator[FileResult]:
    """Every file parsed, in the order given."""
    count = workers()
    if parallel is None:
        parallel = len(paths) >= PARALLEL_FROM and count > 1
    if not parallel or "fork" not in multiprocessing.get_all_start_methods():
        for path in paths:
            yield parse_file(root, path)
        return
    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        for results in pool.map(_parse_chunk, [root] * len(chunks), chunks):
            yield from results
