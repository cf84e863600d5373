"""Finding the repository root and the files that hold its entities."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from processkit.diagnostics import Diagnostic, Severity
from processkit.i18n import _

CONFIG_NAME = "processkit.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


class RepositoryNotFound(Exception):
    """No ``processkit.yaml`` in the folder or any folder above it."""


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding ``processkit.yaml`` (as git finds .git)."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    if not here.exists():
        raise RepositoryNotFound(_("{folder} does not exist", folder=start))
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise RepositoryNotFound(
        _(
            "no {config} found in {folder} or any folder above it; run processkit in a process "
            "repository (or create one with `processkit init`)",
            config=CONFIG_NAME,
            folder=start,
        )
    )


@lru_cache(maxsize=256)
def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """A ``/``-separated glob (``drafts/**``, ``*.tmp.yaml``) as a regular expression."""
    parts: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            parts.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            parts.append(".*")
            i += 2
            continue
        if char == "*":
            parts.append("[^/]*")
        elif char == "?":
            parts.append("[^/]")
        else:
            parts.append(re.escape(char))
        i += 1
    anchored = "" if "/" in pattern.rstrip("/") else "(?:.*/)?"
    return re.compile(f"^{anchored}{''.join(parts)}(?:/.*)?$")


def is_excluded(relative: str, globs: Iterable[str]) -> bool:
    return any(glob_to_regex(glob).match(relative) for glob in globs)


@dataclass(slots=True)
class Discovery:
    """The entity files found (relative ``/`` paths, sorted) and what could not be followed."""

    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def discover(root: Path, output: str | None, exclude: Iterable[str]) -> Discovery:
    """Every ``*.yaml``/``*.yml`` file under ``root`` but hidden paths, output and excludes."""
    found = Discovery()
    globs = list(exclude)
    output_rel = _relative_output(root, output)
    real_root = root.resolve()
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        rel_folder = "" if rel_folder == "." else rel_folder + "/"
        keep = []
        for name in sorted(dirnames):
            rel = rel_folder + name
            if name.startswith(".") or rel == output_rel or is_excluded(rel, globs):
                continue
            full = os.path.join(folder, name)
            if os.path.islink(full):
                if not _inside(real_root, full):
                    found.diagnostics.append(_outside_link(rel))
                continue
            keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(YAML_SUFFIXES):
                continue
            rel = rel_folder + name
            if rel == CONFIG_NAME or is_excluded(rel, globs):
                continue
            full = os.path.join(folder, name)
            if os.path.islink(full) and not _inside(real_root, full):
                found.diagnostics.append(_outside_link(rel))
                continue
            found.files.append(rel)
    found.files.sort()
    return found


def _relative_output(root: Path, output: str | None) -> str | None:
    if not output:
        return None
    target = (root / output).resolve()
    try:
        return target.relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def _inside(real_root: Path, path: str) -> bool:
    target = Path(os.path.realpath(path))
    return target == real_root or real_root in target.parents


def _outside_link(relative: str) -> Diagnostic:
    return Diagnostic(
        "PK001",
        Severity.ERROR,
        _("this is a link to a place outside the repository; processkit does not follow it"),
        relative,
        0,
        0,
        _("Copy the file into the repository, or remove the link."),
    )
