"""An activity without a performer role.

## What it checks

Every activity of an active process names the role that performs it in `role` (the R in
RACI). The other RACI keys (`accountable`, `consulted`, `informed`) are optional.

## Why it matters

A step that nobody performs does not get done. Naming the performing role tells staff whose
work the step is, lets each role's page list its tasks, and shows the process owner where a
hand-over between roles happens.

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

CODE = "PK109"
NAME = "activity-without-performer"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    for record in ctx.index.active_processes:
        for i, activity in enumerate(record.entity.activities):
            if activity.role:
                continue
            yield report(
                ctx,
                CODE,
                SEVERITY,
                record.path,
                ("activities", i, "id"),
                _("the activity `{id}` has no performer: `role` is missing", id=activity.id),
                _(
                    "Add `role:` with the id of the role that does this step (R in RACI), e.g. "
                    "`role: socialsekreterare`."
                ),
            )
