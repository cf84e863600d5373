"""An approved process has no measures.

## What it checks

Every process with `status: approved` has at least one entry under `measures` (mått): a
measure with a name, and preferably a definition, a target and how often it is followed up.

## Why it matters

A process is managed when its owner can see whether it delivers what its customers need.
Without measures the owner cannot tell improvement from decline, and the yearly review rests
on impressions instead of facts.

## Failing example

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: approved
owner: anna-nilsson
```

## Fixed example

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: approved
owner: anna-nilsson
measures:
  - name: Utredningstid
    definition: Dagar från inledd utredning till beslut
    target: Högst 120 dagar
    frequency: monthly
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

CODE = "PK105"
NAME = "measures-missing"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    for record in ctx.index.active_processes:
        process = record.entity
        if process.status == "approved" and not process.measures:
            yield report(
                ctx,
                CODE,
                SEVERITY,
                record.path,
                ("status",),
                _("`{id}` is approved but has no measures (mått)", id=process.id),
                _(
                    "Add at least one measure under `measures:`, with a `name`, a `definition` "
                    "and a `target`, so that the owner can see whether the process delivers."
                ),
            )
