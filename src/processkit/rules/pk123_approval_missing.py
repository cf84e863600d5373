"""An approved process that does not say when or by whom it was approved.

## What it checks

Every process with `status: approved` has `approved:` with the `date` of the decision and who
made it (`by`).

## Why it matters

An approval is a decision: someone with the mandate made the description the way the work is
to be done, on a given day. Without the date the next review cannot be planned (it is counted
from the approval), and without the decision-maker no one can tell whether the process was
approved at the right level.

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
approved: {date: 2026-02-01, by: Socialnämnden}
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

CODE = "PK123"
NAME = "approval-missing"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    for record in ctx.index.active_processes:
        process = record.entity
        if process.status != "approved" or process.approved is not None:
            continue
        yield report(
            ctx,
            CODE,
            SEVERITY,
            record.path,
            ("status",),
            _(
                "`{id}` is approved but does not say when or by whom: `approved` is missing",
                id=process.id,
            ),
            _(
                "Add `approved: {date: YYYY-MM-DD, by: …}` with the day of the decision and who "
                "made it, e.g. `approved: {date: 2026-02-01, by: Socialnämnden}`."
            ),
        )
