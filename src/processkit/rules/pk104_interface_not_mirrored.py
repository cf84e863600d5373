"""An interface that the other process does not mirror.

## What it checks

Every interface of an active process names another process and a direction: `out` (we hand
over to it) or `in` (we receive from it). The other process must describe the same hand-over
from its side: an `out` to B needs an `in` from A in B's file, and an `in` from B needs an
`out` to A. Interfaces to a retired process are reported by PK112 instead, and to a process
that does not exist by PK030.

## Why it matters

A hand-over between two processes is where work is most often lost: the sending process
believes it has passed the case on, the receiving one does not know it should expect it. When
both processes describe the interface, both owners know about it, the process map shows it
from both sides, and a change on one side is noticed on the other.

## Failing example

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: approved
interfaces:
  - process: bu-insatser
    direction: out
    description: Beslut om insats
---
# processes/barn-och-unga/bu-insatser.yaml
kind: process
id: bu-insatser
name: Ge insatser till barn och unga
area: barn-och-unga
type: core
status: approved
```

## Fixed example

```yaml
# processes/barn-och-unga/bu-insatser.yaml
kind: process
id: bu-insatser
name: Ge insatser till barn och unga
area: barn-och-unga
type: core
status: approved
interfaces:
  - process: bu-utredning
    direction: in
    description: Beslut om insats
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

CODE = "PK104"
NAME = "interface-not-mirrored"
SEVERITY = Severity.WARNING

_OPPOSITE = {"in": "out", "out": "in"}


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    interfaces = ctx.index.interfaces
    retired = ctx.index.retired_ids
    processes = repo.processes  # looked up once, not for each of tens of thousands of interfaces
    for record in ctx.index.active_processes:
        own = record.entity.id
        for i, interface in enumerate(record.entity.interfaces):
            other_id = interface.process
            wanted = _OPPOSITE[interface.direction]
            if (other_id, own, wanted) in interfaces:  # mirrored, as most are
                continue
            other = processes.get(other_id)
            if other is None or other_id in retired or other_id == own:
                continue
            if interface.direction == "out":
                message = _(
                    "this interface says `{own}` hands over to `{other}` (`out`), but {path} "
                    "has no `in` interface from `{own}`",
                    own=own,
                    other=other_id,
                    path=other.path,
                )
            else:
                message = _(
                    "this interface says `{own}` receives from `{other}` (`in`), but {path} "
                    "has no `out` interface to `{own}`",
                    own=own,
                    other=other_id,
                    path=other.path,
                )
            yield report(
                ctx,
                CODE,
                SEVERITY,
                record.path,
                ("interfaces", i, "process"),
                message,
                _(
                    "Add to {path} under `interfaces:` the entry "
                    "`{{process: {own}, direction: {wanted}}}`, or remove this interface if the "
                    "hand-over no longer happens.",
                    path=other.path,
                    own=own,
                    wanted=wanted,
                ),
            )
