"""Printing diagnostics: text for people, json for programs, github for pull requests."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from processkit.diagnostics import Diagnostic, Report, Severity
from processkit.loading.git import top_folder
from processkit.loading.load import ConfigError
from processkit.validate import Validation

SourceLine = Callable[[str, int], "str | None"]

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def report_validation(result: Validation, fmt: str, output: Path | None = None) -> None:
    repo = result.repo
    with _destination(output):
        if fmt == "json":
            print_json(result.report)
        elif fmt == "github":
            print_github(result.report.diagnostics, _workspace_prefix(repo.root))
        elif fmt in ("sarif", "gitlab"):
            print_review_format(fmt, result.report.diagnostics, _workspace_prefix(repo.root))
        else:
            print_text(result.report, repo.source_line)


@contextlib.contextmanager
def _destination(output: Path | None) -> Iterator[None]:
    """Send what is printed to ``output`` (written atomically) instead of the screen."""
    if output is None:
        yield
        return
    from processkit.fsutil import write_atomic

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        yield
    write_atomic(output, buffer.getvalue())


def print_review_format(fmt: str, diagnostics: list[Diagnostic], prefix: str) -> None:
    from processkit.report_formats import render_gitlab, render_sarif

    render = render_sarif if fmt == "sarif" else render_gitlab
    sys.stdout.write(render(diagnostics, prefix))


def report_config_error(problem: ConfigError, fmt: str, output: Path | None = None) -> None:
    with _destination(output):
        _report_config_error(problem, fmt)


def _report_config_error(problem: ConfigError, fmt: str) -> None:
    lines = (problem.text or "").split("\n")

    def source(path: str, line: int) -> str | None:
        return lines[line - 1] if 0 < line <= len(lines) else None

    report = Report.build(problem.diagnostics, files=1, entities=0)
    if fmt == "json":
        print_json(report)
    elif fmt == "github":
        print_github(report.diagnostics, _workspace_prefix(problem.root))
    elif fmt in ("sarif", "gitlab"):
        print_review_format(fmt, report.diagnostics, _workspace_prefix(problem.root))
    else:
        print_text(report, source, stream_err=True)
        sys.stderr.write("processkit: processkit.yaml must be fixed before anything else\n")


def print_json(report: Report) -> None:
    document = {
        "diagnostics": [d.as_dict() for d in report.diagnostics],
        "summary": report.summary.as_dict(),
    }
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def print_text(report: Report, source: SourceLine, *, stream_err: bool = False) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(stderr=stream_err, highlight=False, soft_wrap=True)
    previous: str | None = None
    for diagnostic in report.diagnostics:
        if previous is not None and diagnostic.path != previous:
            console.print()
        previous = diagnostic.path
        head = Text()
        head.append(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}", style="bold")
        head.append(" ")
        head.append(diagnostic.code, style=_STYLES[diagnostic.severity])
        head.append(" ")
        head.append(f"{diagnostic.severity.value}:", style=_STYLES[diagnostic.severity])
        head.append(" " + diagnostic.message)
        console.print(head)
        for line in _source_block(diagnostic, source):
            console.print(Text(line, style="dim" if line.lstrip().startswith("|") else ""))
        if diagnostic.hint:
            hint = Text("    = hint: ", style="green")
            hint.append(diagnostic.hint)
            console.print(hint)
    console.print()
    console.print(Text(_summary_line(report), style="bold"))


def _source_block(diagnostic: Diagnostic, source: SourceLine) -> list[str]:
    if diagnostic.line < 1:
        return []
    text = source(diagnostic.path, diagnostic.line)
    if text is None:
        return []
    number = str(diagnostic.line)
    gutter = " " * len(number)
    caret = " " * max(diagnostic.column - 1, 0) + "^"
    return [f"  {number} | {text.expandtabs(1)}", f"  {gutter} | {caret}"]


def _summary_line(report: Report) -> str:
    summary = report.summary
    where = (
        f"in {summary.files} {_plural(summary.files, 'file')} ({summary.entities} "
        f"{_plural(summary.entities, 'entity', 'entities')})"
    )
    if not report.diagnostics:
        return f"No problems found {where}."
    parts = [
        f"{summary.errors} {_plural(summary.errors, 'error')}",
        f"{summary.warnings} {_plural(summary.warnings, 'warning')}",
    ]
    if summary.infos:
        parts.append(f"{summary.infos} {_plural(summary.infos, 'note')}")
    return ", ".join(parts) + f" {where}."


def _plural(count: int, one: str, many: str | None = None) -> str:
    return one if count == 1 else (many or one + "s")


def print_github(diagnostics: Iterable[Diagnostic], prefix: str) -> None:
    """GitHub workflow commands, one per diagnostic, so they show on the pull request's diff."""
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    for diagnostic in diagnostics:
        properties = [f"file={_escape_property(prefix + diagnostic.path)}"]
        if diagnostic.line:
            properties.append(f"line={diagnostic.line}")
        if diagnostic.column:
            properties.append(f"col={diagnostic.column}")
        properties.append(f"title={_escape_property(diagnostic.code)}")
        text = diagnostic.message + (f"\n{diagnostic.hint}" if diagnostic.hint else "")
        sys.stdout.write(
            f"::{levels[diagnostic.severity]} {','.join(properties)}::{_escape_data(text)}\n"
        )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _workspace_prefix(root: Path) -> str:
    """The repository's folder relative to the checkout, so annotations land on the right file."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    base = Path(workspace).resolve() if workspace else top_folder(root)
    if base is None:
        return ""
    try:
        relative = root.resolve().relative_to(base).as_posix()
    except ValueError:
        return ""
    return "" if relative == "." else relative + "/"
