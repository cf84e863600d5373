"""A handbook that no process or activity refers to.

## What it checks

A handbook or routine that is not retired, that no active process names under `documents`
and no activity names in its `documents`, and that lists no process under its own
`processes`.

## Why it matters

Staff find routines through the process they are working in. A handbook linked to no process
is found only by those who already know it exists, and it is easily forgotten when the
process changes, so that it slowly stops describing the work.

## Failing example

```yaml
# handbooks/rutin-barnutredning.yaml
kind: handbook
id: rutin-barnutredning
title: Rutin för barnutredning
status: approved
```

## Fixed example

```yaml
# handbooks/rutin-barnutredning.yaml
kind: handbook
id: rutin-barnutredning
title: Rutin för barnutredning
status: approved
processes: [bu-utredning]
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

CODE = "PK115"
NAME = "handbook-unreferenced"
SEVERITY = Severity.INFO


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    for handbook_id in sorted(ctx.index.unreferenced_handbooks):
        record = repo.handbooks[handbook_id]
        yield report(
            ctx,
            CODE,
            SEVERITY,
            record.path,
            ("id",),
            _("no process or activity refers to the handbook `{id}`", id=handbook_id),
            _(
                "Add `- handbook: {id}` under `documents:` of the process it serves (or to an "
                "activity's `documents`), or list the processes under `processes:` here.",
                id=handbook_id,
            ),
        )
