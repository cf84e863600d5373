"""An active process refers to a retired handbook.

## What it checks

A handbook or routine with `status: retired`, named by a process that is not retired: under
`documents` (`handbook:`) or in an activity's `documents`.

## Why it matters

A retired routine is no longer how the work is done. A process that still points staff to it
sends them to outdated instructions, which in social services can mean decisions made on
rules that no longer apply.

## Failing example

```yaml
# handbooks/rutin-barnutredning.yaml
kind: handbook
id: rutin-barnutredning
title: Rutin för barnutredning
status: retired
---
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: approved
documents:
  - handbook: rutin-barnutredning
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
documents:
  - handbook: handbok-bbic
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from processkit.diagnostics import Severity
from processkit.i18n import _
from processkit.loading.locate import Loc
from processkit.loading.repository import Repository
from processkit.rules.base import Finding, RuleContext, report

CODE = "PK113"
NAME = "retired-handbook-referenced"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    retired = ctx.index.retired_handbooks
    if not retired:
        return
    handbooks = repo.handbooks
    for record in ctx.index.active_processes:
        process = record.entity
        found: list[tuple[Loc, str]] = [
            (("documents", i, "handbook"), document.handbook)
            for i, document in enumerate(process.documents)
            if document.handbook
        ]
        for i, activity in enumerate(process.activities):
            found.extend(
                (("activities", i, "documents", j), handbook_id)
                for j, handbook_id in enumerate(activity.documents)
            )
        for loc, handbook_id in found:
            if handbook_id not in retired:
                continue
            handbook = handbooks[handbook_id]
            yield report(
                ctx,
                CODE,
                SEVERITY,
                record.path,
                loc,
                _("`{id}` is a retired handbook ({path})", id=handbook_id, path=handbook.path),
                _("Refer to the handbook or routine that replaced it, or remove the reference."),
            )
