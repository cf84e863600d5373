"""An active process with an interface to a retired process.

## What it checks

An interface of a process that is not retired, naming a process with `status: retired`.

## Why it matters

A hand-over to a process that no longer exists is a hand-over to nobody: the cases that used
to pass there must now go somewhere else, and the process description should say where.
Until it does, staff follow a route that ends in a process the organisation has closed.

## Failing example

```yaml
# processes/ekonomiskt-bistand/eb-ansokan-papper.yaml
kind: process
id: eb-ansokan-papper
name: Pappersansökan om ekonomiskt bistånd
area: ekonomiskt-bistand
type: core
status: retired
---
# processes/ekonomiskt-bistand/eb-aterkrav.yaml
kind: process
id: eb-aterkrav
name: Återkräva ekonomiskt bistånd
area: ekonomiskt-bistand
type: core
status: approved
interfaces:
  - process: eb-ansokan-papper
    direction: in
```

## Fixed example

```yaml
# processes/ekonomiskt-bistand/eb-aterkrav.yaml
kind: process
id: eb-aterkrav
name: Återkräva ekonomiskt bistånd
area: ekonomiskt-bistand
type: core
status: approved
interfaces:
  - process: eb-ansokan
    direction: in
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

CODE = "PK112"
NAME = "interface-to-retired"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    retired = ctx.index.retired_ids
    if not retired:
        return
    for record in ctx.index.active_processes:
        for i, interface in enumerate(record.entity.interfaces):
            if interface.process not in retired:
                continue
            other = repo.processes[interface.process]
            yield report(
                ctx,
                CODE,
                SEVERITY,
                record.path,
                ("interfaces", i, "process"),
                _(
                    "this interface names `{process}`, which is retired ({path})",
                    process=interface.process,
                    path=other.path,
                ),
                _(
                    "Point the interface at the process that took over the work, or remove it if "
                    "the hand-over no longer happens."
                ),
            )
