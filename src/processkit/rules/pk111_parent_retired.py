"""An active sub-process of a retired process.

## What it checks

A process that is not retired, whose `parent` is a process with `status: retired`.

## Why it matters

When a process is retired, its sub-processes lose their place in the process map: they hang
under something that no longer exists. Either the work has moved to another process, and the
sub-process should move with it, or the work has stopped, and the sub-process should be
retired too.

## Failing example

```yaml
# processes/aldreomsorg/ao-trygghetslarm-analogt.yaml
kind: process
id: ao-trygghetslarm-analogt
name: Analoga trygghetslarm
area: aldreomsorg
type: support
status: retired
---
# processes/aldreomsorg/ao-larminstallation.yaml
kind: process
id: ao-larminstallation
name: Installera trygghetslarm
area: aldreomsorg
type: support
parent: ao-trygghetslarm-analogt
status: approved
```

## Fixed example

```yaml
# processes/aldreomsorg/ao-larminstallation.yaml
kind: process
id: ao-larminstallation
name: Installera trygghetslarm
area: aldreomsorg
type: support
parent: ao-trygghetslarm
status: approved
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

CODE = "PK111"
NAME = "parent-retired"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    retired = ctx.index.retired_ids
    if not retired:
        return
    for record in ctx.index.active_processes:
        parent_id = record.entity.parent
        if not parent_id or parent_id not in retired:
            continue
        parent = repo.processes[parent_id]
        yield report(
            ctx,
            CODE,
            SEVERITY,
            record.path,
            ("parent",),
            _(
                "`{id}` is a sub-process of `{parent}`, which is retired ({path})",
                id=record.entity.id,
                parent=parent_id,
                path=parent.path,
            ),
            _(
                "Change `parent` to the process that took over the work of `{parent}`, remove "
                "`parent`, or retire `{id}` too (`status: retired`).",
                parent=parent_id,
                id=record.entity.id,
            ),
        )
