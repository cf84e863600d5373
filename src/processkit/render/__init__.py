"""Process maps: DOT text first (deterministic, golden-testable), then drawn by Graphviz.

    jobs = [landscape_dot(repo), process_dot(repo, "bu-utredning"), interfaces_dot(repo)]
    pictures = render_maps(jobs, default_cache_dir(repo.root), fmt="svg")

Each builder returns a ``MapJob``: its ``name`` (a file-name stem), its ``dot`` text and the
texts that make its SVG accessible. ``render_maps`` draws many maps in few Graphviz processes,
two at a time, and never draws a map whose DOT text it has drawn before.
"""

from __future__ import annotations

from processkit.domain.lookup import UnknownEntity
from processkit.render.cache import default_cache_dir
from processkit.render.flow import process_dot
from processkit.render.graphviz import GraphvizMissing, RenderError
from processkit.render.interfaces import interfaces_dot
from processkit.render.job import NO_LINKS, Links, MapJob, NodeInfo
from processkit.render.landscape import landscape_dot
from processkit.render.renderer import RenderStats, render_maps

__all__ = [
    "NO_LINKS",
    "GraphvizMissing",
    "Links",
    "MapJob",
    "NodeInfo",
    "RenderError",
    "RenderStats",
    "UnknownEntity",
    "default_cache_dir",
    "interfaces_dot",
    "landscape_dot",
    "process_dot",
    "render_maps",
]
