"""A maturity assessment of a retired process.

## What it checks

A maturity assessment whose `process` has `status: retired`.

## Why it matters

Maturity assessments show where the process organisation stands and where it is heading.
An assessment of a retired process counts for nothing: no one will act on it. It is usually
an assessment filed under the wrong process, or one that was made for the process that
replaced the retired one.

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
# assessments/mm-2026-ao-trygghetslarm.yaml
kind: assessment
id: mm-2026-ao-trygghetslarm
process: ao-trygghetslarm-analogt
date: 2026-03-15
scores: {design: 2, performers: 2, owner: 3, infrastructure: 2, metrics: 1}
```

## Fixed example

```yaml
# assessments/mm-2026-ao-trygghetslarm.yaml
kind: assessment
id: mm-2026-ao-trygghetslarm
process: ao-trygghetslarm
date: 2026-03-15
scores: {design: 2, performers: 2, owner: 3, infrastructure: 2, metrics: 1}
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

CODE = "PK117"
NAME = "assessment-about-retired"
SEVERITY = Severity.INFO


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    retired = ctx.index.retired_ids
    if not retired:
        return
    for _id, record in sorted(repo.assessments.items()):
        assessment = record.entity
        if assessment.process not in retired:
            continue
        process = repo.processes[assessment.process]
        yield report(
            ctx,
            CODE,
            SEVERITY,
            record.path,
            ("process",),
            _(
                "this assessment is about `{process}`, which is retired ({path})",
                process=assessment.process,
                path=process.path,
            ),
            _(
                "If the assessment was made for the process that took over the work, change "
                "`process` to it; if it is history nobody needs, remove the file."
            ),
        )
