"""Two active processes in one delivery area with the same name.

## What it checks

Processes that are not retired, in the same `area`, whose names are the same when case and
spacing are ignored. The first by id is taken as the original; each other one is reported,
naming the first.

## Why it matters

People find and talk about processes by name. Two processes called the same in one area
confuse staff about which description to follow, split improvement proposals between them,
and usually mean that a new version was added without retiring the old one.

## Failing example

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: approved
---
# processes/barn-och-unga/bu-utredning-ny.yaml
kind: process
id: bu-utredning-ny
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: draft
```

## Fixed example

```yaml
# processes/barn-och-unga/bu-utredning-ny.yaml
kind: process
id: bu-utredning-ny
name: Utreda barns och ungas behov enligt BBIC
area: barn-och-unga
type: core
status: draft
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from processkit.diagnostics import Severity
from processkit.i18n import _
from processkit.loading.repository import Record, Repository
from processkit.model import Process
from processkit.rules.base import Finding, RuleContext, report

CODE = "PK120"
NAME = "duplicate-process-name"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    first_named: dict[tuple[str, str], Record[Process]] = {}
    for record in ctx.index.active_processes:  # sorted by id: the first is the original
        process = record.entity
        key = (process.area, " ".join(process.name.split()).casefold())
        first = first_named.setdefault(key, record)
        if first is not record:
            area = process.area
            yield report(
                ctx,
                CODE,
                SEVERITY,
                record.path,
                ("name",),
                _(
                    "the area `{area}` already has a process named `{name}`: `{id}` ({path})",
                    area=area,
                    name=first.entity.name,
                    id=first.entity.id,
                    path=first.path,
                ),
                _(
                    "Give each process a name that tells it apart, or retire the one that has "
                    "been replaced (`status: retired`)."
                ),
            )
