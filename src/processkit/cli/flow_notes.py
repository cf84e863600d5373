"""What ``map`` and ``publish`` say about a process whose flow is too large to draw."""

from __future__ import annotations

from collections.abc import Iterable

import typer


def note_listed(listed: Iterable[tuple[str, int]], shown_on: str) -> None:
    """One note on standard error for each (process id, activities) whose flow ``shown_on``
    ("its map", "its page") lists instead of drawing it (rule PK124)."""
    from processkit.domain.flow import FLOW_MAP_MAX_ACTIVITIES

    for process_id, activities in listed:
        typer.echo(
            f"processkit: note: the process `{process_id}` has {activities} activities, more "
            f"than the {FLOW_MAP_MAX_ACTIVITIES} a flow map can draw, so {shown_on} lists them "
            f"in flow order instead. Split it into sub-processes (`parent: {process_id}`); "
            "see `processkit rules PK124`.",
            err=True,
        )
