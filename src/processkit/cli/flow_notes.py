"""What ``map`` and ``publish`` say about a process whose flow is too large to draw."""

from __future__ import annotations

from collections.abc import Iterable

import typer

from processkit.i18n import N_

#: Where a flow too large to draw is listed instead: ``note_listed``'s ``shown_on``.
ITS_MAP = N_("its map")
ITS_PAGE = N_("its page")


def note_listed(listed: Iterable[tuple[str, int]], shown_on: str) -> None:
    """One note on standard error for each (process id, activities) whose flow ``shown_on``
    (``ITS_MAP``, ``ITS_PAGE``) lists instead of drawing it (rule PK124)."""
    from processkit.domain.flow import FLOW_MAP_MAX_ACTIVITIES
    from processkit.i18n import _

    for process_id, activities in listed:
        typer.echo(
            _(
                "processkit: note: the process `{process}` has {count} activities, more than "
                "the {most} a flow map can draw, so {shown_on} lists them in flow order instead. "
                "Split it into sub-processes (`parent: {process}`); see `processkit rules PK124`.",
                process=process_id,
                count=activities,
                most=FLOW_MAP_MAX_ACTIVITIES,
                shown_on=_(shown_on),
            ),
            err=True,
        )
