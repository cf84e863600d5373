"""An open improvement proposal about a retired process.

## What it checks

An improvement proposal that is still open (`status: new`, `assessing` or `accepted`) whose
`process` has `status: retired`. Proposals that are `rejected` or `done` are history and are
not checked.

## Why it matters

Someone took the time to suggest an improvement; the process organisation owes them an answer.
When the process is retired, the proposal is easily forgotten: no owner sees it any more. It
should be decided, or moved to the process that took over the work.

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
# proposals/fp-2026-004.yaml
kind: proposal
id: fp-2026-004
process: eb-ansokan-papper
title: Tydligare blankett för ansökan
submitted: 2026-02-03
status: new
```

## Fixed example

```yaml
# proposals/fp-2026-004.yaml
kind: proposal
id: fp-2026-004
process: eb-ansokan
title: Tydligare blankett för ansökan
submitted: 2026-02-03
status: new
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from processkit.diagnostics import Severity
from processkit.domain.proposals import is_open
from processkit.i18n import _
from processkit.loading.repository import Repository
from processkit.rules.base import Finding, RuleContext, report

CODE = "PK116"
NAME = "proposal-about-retired"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    retired = ctx.index.retired_ids
    if not retired:
        return
    for _id, record in sorted(repo.proposals.items()):
        proposal = record.entity
        if not is_open(proposal) or proposal.process not in retired:
            continue
        process = repo.processes[proposal.process]
        yield report(
            ctx,
            CODE,
            SEVERITY,
            record.path,
            ("process",),
            _(
                "this proposal is still open (`{status}`), but its process `{process}` is "
                "retired ({path})",
                status=proposal.status,
                process=proposal.process,
                path=process.path,
            ),
            _(
                "Decide the proposal (`status: rejected` or `done`, with a `decision`), or move "
                "it to the process that took over the work by changing `process`."
            ),
        )
