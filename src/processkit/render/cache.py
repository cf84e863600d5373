"""A folder of drawn maps, keyed by everything that decides the drawing.

The key is the sha256 of the DOT text, the output format, the Graphviz version and layout
arguments, and (for SVG) the accessibility texts and the post-processing's version: a map whose
DOT text is unchanged is never drawn twice. Entries are written atomically, so two builds
sharing the folder never read half a file. Nothing is ever evicted; delete the folder to
reclaim its space.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from processkit.cache import CACHE_FOLDER as REPOSITORY_CACHE
from processkit.fsutil import write_atomic_bytes
from processkit.render import svg
from processkit.render.job import MapJob

CACHE_FOLDER = Path(REPOSITORY_CACHE) / "maps"


def default_cache_dir(root: Path) -> Path:
    """Where a repository's maps are cached: ``.processkit-cache/maps/`` under its root."""
    return root / CACHE_FOLDER


def cache_key(job: MapJob, fmt: str, graphviz_version: str) -> str:
    parts = [job.dot, fmt, graphviz_version, " ".join(job.layout)]
    if fmt == "svg":
        parts += [svg.VERSION, job.accessibility_key()]
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class MapCache:
    """Drawn maps under ``root``: ``<root>/<first two hex digits>/<key>.<format>``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str, fmt: str) -> Path:
        return self.root / key[:2] / f"{key}.{fmt}"

    def get(self, key: str, fmt: str) -> bytes | None:
        try:
            return self.path(key, fmt).read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None

    def put(self, key: str, fmt: str, data: bytes) -> None:
        write_atomic_bytes(self.path(key, fmt), data)
