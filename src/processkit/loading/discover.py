"""Finding the repository root and the files that hold its entities."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from processkit.diagnostics import Diagnostic, Severity
from processkit.i18n import _

CONFIG_NAME = "processkit.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
#: Endings of files that look meant for processkit but are not YAML files by their name: not
#: read, but reported (PK006) with a hint to rename them. (``.YAML``, ``.Yml`` and the other
#: cases of the YAML endings are read as YAML.)
LOOK_ALIKE_SUFFIXES = (".yaml.txt", ".yml.txt", ".yaml~", ".yml~")
#: The names of the configuration processkit does not read (any case but its own).
CONFIG_LOOK_ALIKES = ("processkit.yaml", "processkit.yml")
#: Those looked for when there is no processkit.yaml, to say why no repository is found.
CONFIG_OTHER_NAMES = ("processkit.yml", "processkit.YAML", "processkit.YML", "processkit.Yml")


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
    _config_look_alike(here, start)
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
    #: Files that look meant to hold an entity but are not read (PK006).
    not_read: list[str] = field(default_factory=list)


def discover(root: Path, output: str | None, exclude: Iterable[str]) -> Discovery:
    """Every ``*.yaml``/``*.yml`` file under ``root`` but hidden paths, output and excludes."""
    found = Discovery()
    globs = list(exclude)
    output_rel = _relative_output(root, output)
    real_root = root.resolve()
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        rel_folder = "" if rel_folder == "." else rel_folder + "/"
        is_link = _links_in(folder)
        keep = []
        for name in sorted(dirnames):
            rel = rel_folder + name
            if name.startswith(".") or rel == output_rel or is_excluded(rel, globs):
                continue
            if is_link(name):
                if not _inside(real_root, os.path.join(folder, name)):
                    found.diagnostics.append(_outside_link(rel))
                continue
            keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(YAML_SUFFIXES):
                _look_alike(found, rel_folder, name, globs)
                continue
            rel = rel_folder + name
            if rel == CONFIG_NAME or is_excluded(rel, globs):
                continue
            if rel.lower() in CONFIG_LOOK_ALIKES:
                found.diagnostics.append(_not_the_config(rel))
                continue
            if is_link(name) and not _inside(real_root, os.path.join(folder, name)):
                found.diagnostics.append(_outside_link(rel))
                continue
            found.files.append(rel)
    found.files.sort()
    return found


def _links_in(folder: str) -> Callable[[str], bool]:
    """Whether the entry of ``folder`` by a name is a link (``os.path.islink``), answered from
    one listing of the folder (the kind of each entry comes with its name) rather than by
    asking for each file on its own."""
    try:
        with os.scandir(folder) as entries:
            links = {entry.name for entry in entries if entry.is_symlink()}
    except OSError:
        return lambda name: os.path.islink(os.path.join(folder, name))
    return links.__contains__


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


def _look_alike(found: Discovery, rel_folder: str, name: str, globs: list[str]) -> None:
    """PK006 for a file whose name looks meant for processkit but is not read."""
    lowered = name.lower()
    suffix = next((end for end in LOOK_ALIKE_SUFFIXES if lowered.endswith(end)), None)
    rel = rel_folder + name
    if name.startswith(".") or suffix is None or is_excluded(rel, globs):
        return
    renamed = name[: -len(suffix)] + suffix.rstrip("~").removesuffix(".txt")
    found.not_read.append(rel)
    found.diagnostics.append(
        Diagnostic(
            "PK006",
            Severity.WARNING,
            _("processkit does not read this file: its name ends in `{suffix}`", suffix=suffix),
            rel,
            0,
            0,
            _(
                "Rename it to `{renamed}` for processkit to read it; if it is not meant for "
                "processkit, remove it or add it to `exclude:` in processkit.yaml.",
                renamed=renamed,
            ),
        )
    )


def _not_the_config(rel: str) -> Diagnostic:
    """PK006 for a second configuration beside processkit.yaml, which is not read."""
    return Diagnostic(
        "PK006",
        Severity.WARNING,
        _(
            "processkit does not read this file: its configuration is read only from {name}",
            name=CONFIG_NAME,
        ),
        rel,
        0,
        0,
        _("Move what this file holds into {name} and remove it.", name=CONFIG_NAME),
    )


def _config_look_alike(here: Path, start: Path) -> None:
    """When no processkit.yaml is found but a configuration by a like name is, say so."""
    for folder in (here, *here.parents):
        for name in CONFIG_OTHER_NAMES:
            if (folder / name).is_file():
                raise RepositoryNotFound(
                    _(
                        "no {name} found in {start} or any folder above it, but {found} is "
                        "there; processkit reads its configuration only from {name}: rename "
                        "the file to {name}",
                        name=CONFIG_NAME,
                        start=start,
                        found=folder / name,
                    )
                )
