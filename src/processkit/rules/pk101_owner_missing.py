"""A process that is in review or approved has no owner.

## What it checks

Every process with `status: review` or `status: approved` names an `owner`: the person
(processägare) who answers for the process. A draft may still lack one. An owner who is not a
person in the repository is reported as PK030.

## Why it matters

A process without an owner belongs to nobody: no one decides on its improvement proposals,
follows its measures or calls its review. The process owner is what turns a description into
a managed process, so the owner must be named before the process goes out for review.

## Failing example

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
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
status: approved
owner: anna-nilsson
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

CODE = "PK101"
NAME = "owner-missing"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    for record in ctx.index.active_processes:
        process = record.entity
        if process.status in ("review", "approved") and not process.owner:
            yield report(
                ctx,
                CODE,
                SEVERITY,
                record.path,
                ("status",),
                _(
                    "`{id}` is `{status}` but has no owner (processägare)",
                    id=process.id,
                    status=process.status,
                ),
                _(
                    "Add `owner:` with the id of the person who answers for the process, e.g. "
                    "`owner: anna-nilsson`. A process needs an owner before it goes out for review."
                ),
            )
