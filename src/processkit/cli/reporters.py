"""Reports on diagnostics, one function per format, each returning text: text for people,
json for programs, github, sarif and gitlab for code review. The CLI writes the text."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from processkit.diagnostics import Diagnostic, Report, Severity
from processkit.errors import ConfigError
from processkit.frozen import frozen
from processkit.i18n import _, n_, p_
from processkit.loading.git import top_folder
from processkit.validate import Validation

SourceLine = Callable[[str, int], "str | None"]

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


@frozen
class Findings:
    """What a report on diagnostics shows: the report, each file's lines (for the text), the
    repository's folder (for the paths of CI annotations), and whether the text goes to a
    terminal (colours)."""

    report: Report
    source: SourceLine
    root: Path
    terminal: bool = False


Reporter = Callable[[Findings], str]


def text_report(findings: Findings, *, summary: bool = True) -> str:
    """For people: each diagnostic with its source line and a caret, then a summary."""
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=findings.terminal, highlight=False, soft_wrap=True
    )
    report, source = findings.report, findings.source
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
        head.append(f"{_label(diagnostic.severity)}:", style=_STYLES[diagnostic.severity])
        head.append(" " + diagnostic.message)
        console.print(head)
        for line in _source_block(diagnostic, source):
            console.print(Text(line, style="dim" if line.lstrip().startswith("|") else ""))
        if diagnostic.hint:
            hint = Text("    = " + _("hint:") + " ", style="green")
            hint.append(diagnostic.hint)
            console.print(hint)
    if report.diagnostics:
        console.print()  # a blank line between the last diagnostic and the summary
    if summary:
        console.print(Text(_summary_line(report), style="bold"))
    return buffer.getvalue()


def json_report(findings: Findings) -> str:
    """FORMAT.md's JSON: the diagnostics and a summary."""
    document = {
        "diagnostics": [d.as_dict() for d in findings.report.diagnostics],
        "summary": findings.report.summary.as_dict(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def github_report(findings: Findings) -> str:
    """GitHub workflow commands, one per diagnostic, so they show on the pull request's diff."""
    return github_text(findings.report.diagnostics, _workspace_prefix(findings.root))


def sarif_report(findings: Findings) -> str:
    """SARIF 2.1.0, for code scanning."""
    from processkit.report_formats import render_sarif

    return render_sarif(findings.report.diagnostics, _workspace_prefix(findings.root))


def gitlab_report(findings: Findings) -> str:
    """GitLab Code Quality."""
    from processkit.report_formats import render_gitlab

    return render_gitlab(findings.report.diagnostics, _workspace_prefix(findings.root))


#: The reports on diagnostics ``validate`` writes, by the name ``--format`` gives.
REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
    "sarif": sarif_report,
    "gitlab": gitlab_report,
}


def is_terminal(stream: TextIO) -> bool:
    """Whether text written to ``stream`` reaches a terminal (as rich decides it, with
    FORCE_COLOR and the like)."""
    from rich.console import Console

    return Console(file=stream).is_terminal


def write_report(text: str, output: Path | None = None) -> None:
    """Write a report to the screen, or atomically to ``output``."""
    if output is None:
        sys.stdout.write(text)
        return
    from processkit.fsutil import write_atomic

    write_atomic(output, text)


def report_validation(result: Validation, fmt: str, output: Path | None = None) -> None:
    repo = result.repo
    terminal = output is None and is_terminal(sys.stdout)
    findings = Findings(result.report, repo.source_line, repo.root, terminal)
    write_report(REPORTER_BY_NAME[fmt](findings), output)


def config_findings(problem: ConfigError) -> Findings:
    """processkit.yaml's diagnostics, with its lines."""
    lines = (problem.text or "").split("\n")

    def source(path: str, line: int) -> str | None:
        return lines[line - 1] if 0 < line <= len(lines) else None

    report = Report.build(problem.diagnostics, files=1, entities=0)
    return Findings(report, source, problem.root)


def report_config_error(problem: ConfigError, fmt: str, output: Path | None = None) -> Findings:
    """processkit.yaml's diagnostics: as the report asked for, or as text on standard error
    with the line that says nothing can be done before it is fixed; the findings told."""
    findings = config_findings(problem)
    if fmt != "text":
        write_report(REPORTER_BY_NAME[fmt](findings), output)
        return findings
    print_text(findings.report, findings.source)
    sys.stderr.write(_("processkit: processkit.yaml must be fixed before anything else") + "\n")
    return findings


def print_text(report: Report, source: SourceLine, *, summary: bool = True) -> None:
    """The text report on standard error (a command's output stays for its own result);
    without its ``summary`` line, where the report leaves some diagnostics out."""
    findings = Findings(report, source, Path("."), is_terminal(sys.stderr))
    sys.stderr.write(text_report(findings, summary=summary))


def _label(severity: Severity) -> str:
    """The word before a diagnostic's message in the text report (``error:``)."""
    if severity is Severity.ERROR:
        return p_("severity", "error")
    if severity is Severity.WARNING:
        return p_("severity", "warning")
    return p_("severity", "info")


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
    files = n_("{count} file", "{count} files", summary.files)
    entities = n_("{count} entity", "{count} entities", summary.entities)
    if not report.diagnostics:
        return _("No problems found in {files} ({entities}).", files=files, entities=entities)
    parts = [
        n_("{count} error", "{count} errors", summary.errors),
        n_("{count} warning", "{count} warnings", summary.warnings),
    ]
    if summary.infos:
        parts.append(n_("{count} note", "{count} notes", summary.infos))
    return _(
        "{counts} in {files} ({entities}).", counts=", ".join(parts), files=files, entities=entities
    )


def github_text(diagnostics: Iterable[Diagnostic], prefix: str) -> str:
    from processkit.report_formats import annotation_title

    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for diagnostic in diagnostics:
        properties = [f"file={_escape_property(prefix + diagnostic.path)}"]
        if diagnostic.line:
            properties.append(f"line={diagnostic.line}")
        if diagnostic.column:
            properties.append(f"col={diagnostic.column}")
        properties.append(f"title={_escape_property(annotation_title(diagnostic.code))}")
        text = diagnostic.message + (f"\n{diagnostic.hint}" if diagnostic.hint else "")
        lines.append(
            f"::{levels[diagnostic.severity]} {','.join(properties)}::{_escape_data(text)}\n"
        )
    return "".join(lines)


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
