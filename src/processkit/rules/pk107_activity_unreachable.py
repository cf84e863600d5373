"""An activity that the flow never reaches from the first activity.

## What it checks

The flow of a process starts at its first activity and follows each activity's `next`. Every
other activity of an active process must be reachable that way; one that no `next` leads to
(directly or through other activities) is reported.

## Why it matters

An activity the flow never reaches is either a forgotten step, one whose place in the flow was
lost when the process was changed, or one that no longer happens. Staff reading the process
cannot tell when to do it, and the process map shows it hanging loose.

## Failing example

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: draft
activities:
  - id: planera
    name: Planera utredningen
    role: socialsekreterare
    next: [besluta]
  - id: samtal
    name: Samtala med barnet och familjen
    role: socialsekreterare
    next: [besluta]
  - id: besluta
    name: Besluta
    role: enhetschef
```

## Fixed example

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: draft
activities:
  - id: planera
    name: Planera utredningen
    role: socialsekreterare
    next: [samtal]
  - id: samtal
    name: Samtala med barnet och familjen
    role: socialsekreterare
    next: [besluta]
  - id: besluta
    name: Besluta
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

CODE = "PK107"
NAME = "activity-unreachable"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    for record in ctx.index.active_processes:
        activities = record.entity.activities
        if len(activities) < 2:
            continue
        unreached = ctx.index.flows[record.entity.id].unreached
        first = activities[0].id
        for i in unreached:
            activity = activities[i]
            yield report(
                ctx,
                CODE,
                SEVERITY,
                record.path,
                ("activities", i, "id"),
                _(
                    "the activity `{id}` cannot be reached from the first activity `{first}`: "
                    "no `next` leads to it",
                    id=activity.id,
                    first=first,
                ),
                _(
                    "Add `{id}` to the `next` of the activity that comes before it, or remove it "
                    "if it is no longer part of the work. The flow starts at the first activity "
                    "in the list.",
                    id=activity.id,
                ),
            )
