"""A sub-process in another delivery area than its parent.

## What it checks

A process with a `parent` (a sub-process, delprocess) belongs to the same delivery area
(`area`) as its parent. The rule compares the two for every active sub-process whose parent
exists.

## Why it matters

A delivery area answers for the whole chain of work for its customers. A sub-process placed
in another area splits that responsibility: the area's pages and inventory lose part of the
process, and two area managers each believe the other answers for it. When the work really
belongs to another area, it is an interface between two processes, not a sub-process.

## Failing example

```yaml
# processes/barn-och-unga/bu-myndighetsutovning.yaml
kind: process
id: bu-myndighetsutovning
name: Myndighetsutövning barn och unga
area: barn-och-unga
type: core
status: approved
---
# processes/vuxna/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: vuxna
type: core
parent: bu-myndighetsutovning
status: approved
```

## Fixed example

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
parent: bu-myndighetsutovning
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

CODE = "PK110"
NAME = "subprocess-other-area"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    processes = repo.processes
    for record in ctx.index.active_processes:
        process = record.entity
        parent = processes.get(process.parent) if process.parent else None
        if parent is None or parent.entity.area == process.area:
            continue
        yield report(
            ctx,
            CODE,
            SEVERITY,
            record.path,
            ("area",),
            _(
                "`{id}` is a sub-process of `{parent}`, which belongs to the area "
                "`{parent_area}` ({parent_path}), but `{id}` belongs to `{area}`",
                id=process.id,
                parent=parent.entity.id,
                parent_area=parent.entity.area,
                parent_path=parent.path,
                area=process.area,
            ),
            _(
                "Set `area: {parent_area}` to keep the sub-process with its parent, or remove "
                "`parent` and describe the hand-over as an interface between the two processes.",
                parent_area=parent.entity.area,
            ),
        )
