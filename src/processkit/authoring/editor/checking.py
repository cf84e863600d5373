"""Checking an edited file as ``validate`` would, before it is written, and placing each
diagnostic beside the form field it is about.

The checks are the rules' (another feature), so the command line hands them in as a
``Checker``: the editor runs it on a copy of the repository that holds the edited text.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from processkit.diagnostics import Diagnostic, Severity
from processkit.loading.session import Session
from processkit.loading.yamlfile import compose

#: The checks ``validate`` runs, on the repository at a folder: the loaded repository and
#: every diagnostic (``processkit.validate.check``).
Checker = Callable[[Path], Session]

#: What is not copied into the scratch repository: git's data and the caches.
_NOT_COPIED = shutil.ignore_patterns(".git", ".processkit-cache", "_site", "node_modules")


@dataclass(slots=True)
class Checked:
    """The diagnostics of the edited file, by form field, and those it brings about
    elsewhere."""

    #: field id (``activities.2.role``; "" for the whole file) -> its diagnostics
    by_field: dict[str, list[Diagnostic]] = field(default_factory=dict)
    #: the edited file's diagnostics, in order
    here: list[Diagnostic] = field(default_factory=list)
    #: diagnostics in other files that the edit brings about
    elsewhere: list[Diagnostic] = field(default_factory=list)
    #: the process's flow map as it would be drawn (SVG), when asked for and it can be drawn
    svg: str | None = None

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.here if d.severity is Severity.ERROR]


def check_edit(
    root: Path,
    path: str,
    text: str,
    checker: Checker,
    before: Iterable[Diagnostic] = (),
    draw: str | None = None,
    names: Collection[str] = (),
) -> Checked:
    """Run ``checker`` on a copy of the repository at ``root`` where ``path`` holds ``text``.
    ``before`` are the diagnostics of the repository as it is: those elsewhere that are not
    new are not the edit's doing. ``draw``: the process whose flow map to draw; ``names``: the
    fields of the form, for a diagnostic about a missing one."""
    with tempfile.TemporaryDirectory(prefix="processkit-edit-") as scratch:
        copy = Path(scratch) / "repo"
        shutil.copytree(root, copy, ignore=_NOT_COPIED, symlinks=True)
        target = copy / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        session = checker(copy)
        found = session.diagnostics
        svg = flow_svg(session, draw) if draw is not None else None
    known = {_key(d) for d in before}
    here = [d for d in found if d.path == path]
    elsewhere = [d for d in found if d.path != path and _key(d) not in known]
    lines = field_lines(path, text)
    by_field: dict[str, list[Diagnostic]] = {}
    for diagnostic in here:
        place = _missing_field(field_at(lines, diagnostic), diagnostic.message, names)
        by_field.setdefault(place, []).append(diagnostic)
    return Checked(by_field, here, elsewhere, svg)


def flow_svg(session: Session, process_id: str) -> str | None:
    """The flow map of a process as SVG text, or None when it cannot be drawn (the process
    has errors, or Graphviz is missing)."""
    from processkit.render import NO_LINKS, GraphvizMissing, RenderError, process_dot, render_maps

    if process_id not in session.repo.processes:
        return None
    try:
        job = process_dot(session.repo, process_id, link=NO_LINKS)
        drawn = render_maps([job], cache_dir=None)
    except (GraphvizMissing, RenderError):
        return None
    text = drawn[0].decode("utf-8")
    start = text.find("<svg")
    return text[start:] if start >= 0 else None


_NAMED = re.compile(r"`([a-z_]+)`")


def _missing_field(place: str, message: str, names: Collection[str]) -> str:
    """A field the message names (`name` is missing) beside the field it was found at: a
    diagnostic about a missing field is at its mapping, the first field that is there."""
    parent = place.rpartition(".")[0]
    for word in _NAMED.findall(message):
        candidate = f"{parent}.{word}" if parent else word
        if candidate != place and candidate in names:
            return candidate
    return place


def _key(diagnostic: Diagnostic) -> tuple[str, str, str]:
    return (diagnostic.path, diagnostic.code, diagnostic.message)


#: line (1-based) -> (column (1-based), field id) of every field that starts on it
Lines = dict[int, list[tuple[int, str]]]


def field_lines(path: str, text: str) -> Lines:
    """Where each field of the file starts, by line."""
    nodes, _problem = compose(path, text)
    lines: Lines = {}
    if nodes:
        _walk(nodes[0], (), lines)
    return lines


def _walk(node: Node, where: tuple[str | int, ...], lines: Lines) -> None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            inner = (*where, str(key.value))
            _note(lines, key, inner)
            _walk(value, inner, lines)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            if isinstance(item, ScalarNode):
                # a list of words or ids is one field of the form
                _note(lines, item, where)
            else:
                _note(lines, item, (*where, index))
                _walk(item, (*where, index), lines)


def _note(lines: Lines, node: Node, where: tuple[str | int, ...]) -> None:
    mark = node.start_mark
    lines.setdefault(mark.line + 1, []).append(
        (mark.column + 1, ".".join(str(part) for part in where))
    )


def field_at(lines: Lines, diagnostic: Diagnostic) -> str:
    """The form field a diagnostic is about: the last field starting on its line at or
    before its column; "" when none does (the whole file)."""
    candidates = lines.get(diagnostic.line, [])
    best = ""
    for column, name in sorted(candidates):
        if column <= max(diagnostic.column, 1) or not best:
            best = name
    return best
