"""Which files ``fmt`` works on: the files ``validate`` reads, under the paths given."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from processkit.loading.discover import (
    CONFIG_NAME,
    YAML_SUFFIXES,
    RepositoryNotFound,
    discover,
    find_root,
)


@dataclass(slots=True)
class Targets:
    """Repository root -> the files (relative, sorted) to format; files named but not read."""

    by_root: dict[Path, list[str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def collect(paths: Iterable[Path]) -> Targets:
    """The entity files and ``processkit.yaml`` at or under each path.

    A folder means every file processkit reads under it; a file named explicitly is taken
    when processkit reads it (not hidden, not excluded), and listed as skipped otherwise.
    A file outside any repository is formatted on its own.
    """
    targets = Targets()
    readable: dict[Path, set[str]] = {}
    for path in paths:
        try:
            root = find_root(path)
        except RepositoryNotFound:
            if path.is_file() and path.name.endswith(YAML_SUFFIXES):
                _add(targets, path.resolve().parent, path.name)
                continue
            raise
        if root not in readable:
            readable[root] = {CONFIG_NAME, *_discovered(root)}
        relative = path.resolve().relative_to(root).as_posix()
        if path.is_file():
            if relative in readable[root]:
                _add(targets, root, relative)
            else:
                targets.skipped.append(str(path))
            continue
        prefix = "" if relative == "." else relative + "/"
        for name in sorted(readable[root]):
            if name.startswith(prefix):
                _add(targets, root, name)
    return targets


def _add(targets: Targets, root: Path, relative: str) -> None:
    files = targets.by_root.setdefault(root, [])
    if relative not in files:
        files.append(relative)
        files.sort()


def _discovered(root: Path) -> list[str]:
    from processkit.errors import ConfigError
    from processkit.loading.load import load_config
    from processkit.model import Config

    try:
        config, _ = load_config(root)
    except ConfigError:
        config = Config(organisation="?")
    return discover(root, config.site.output, config.exclude).files
