"""A flow of activities that never ends.

## What it checks

An activity without `next` is an end of the flow: the need is met there. The rule reports an
active process whose activities all have a `next` (the flow has no end at all), and one where
the first activity leads into activities that only lead to each other, so that once the flow
is there it can never reach an end.

## Why it matters

A process runs from a need to the need met. A flow without an end does not say when the work
is done: the case is never closed, the customer is never told, and the measures that count
finished cases have nothing to count.

## Failing example

```yaml
# processes/barn-och-unga/bu-uppfoljning.yaml
kind: process
id: bu-uppfoljning
name: Följa upp insatser
area: barn-och-unga
type: core
status: draft
activities:
  - id: folja-upp
    name: Följa upp insatsen
    role: socialsekreterare
    next: [bedoma]
  - id: bedoma
    name: Bedöma om insatsen ska fortsätta
    role: socialsekreterare
    next: [folja-upp]
```

## Fixed example

```yaml
# processes/barn-och-unga/bu-uppfoljning.yaml
kind: process
id: bu-uppfoljning
name: Följa upp insatser
area: barn-och-unga
type: core
status: draft
activities:
  - id: folja-upp
    name: Följa upp insatsen
    role: socialsekreterare
    next: [bedoma]
  - id: bedoma
    name: Bedöma om insatsen ska fortsätta
    role: socialsekreterare
    next: [folja-upp, avsluta]
  - id: avsluta
    name: Avsluta insatsen
    role: enhetschef
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from processkit.diagnostics import Severity
from processkit.i18n import _
from processkit.loading.repository import Repository
from processkit.rules.base import Finding, RuleContext, report
from processkit.rules.words import ids

CODE = "PK108"
NAME = "flow-without-end"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    for record in ctx.index.active_processes:
        activities = record.entity.activities
        if not activities:
            continue
        flow = ctx.index.flows[record.entity.id]
        if not flow.has_end:
            yield report(
                ctx,
                CODE,
                SEVERITY,
                record.path,
                ("activities",),
                _(
                    "the flow has no end: every activity has a `next`, so the flow never "
                    "reaches the point where the need is met"
                ),
                _("Leave out `next` on the activity (or activities) where the work is done."),
                at_key=True,
            )
            continue
        if not flow.stuck:
            continue
        trapped = [(i, activities[i].id) for i in flow.stuck]
        names = ids([activity_id for _i, activity_id in trapped])
        if len(trapped) > 1:
            message = _(
                "the flow never ends once it reaches {names}: they lead only to each other",
                names=names,
            )
            hint = _(
                "Add a `next` from one of them to an activity that leads on to an end, or let "
                "one of them end the flow (leave out its `next`)."
            )
        else:
            message = _(
                "the flow never ends once it reaches {names}: it leads only back to itself",
                names=names,
            )
            hint = _(
                "Add a `next` from it to an activity that leads on to an end, or let it end the "
                "flow (leave out its `next`)."
            )
        yield report(
            ctx,
            CODE,
            SEVERITY,
            record.path,
            ("activities", trapped[0][0], "id"),
            message,
            hint,
        )
