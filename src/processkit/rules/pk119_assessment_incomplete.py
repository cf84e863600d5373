"""A maturity assessment that leaves out a dimension of the maturity model.

## What it checks

Every dimension under `maturity: dimensions` in processkit.yaml (PEMM's enablers `design`,
`performers`, `owner`, `infrastructure` and `metrics` by default) has a score in each
assessment. One diagnostic per assessment lists the dimensions without a score.

## Why it matters

A process's maturity level is its lowest score. When a dimension is not scored, the level is
read from the others and may be higher than the process deserves: a process with no measures
at all looks mature if `metrics` is simply left out.

## Failing example

```yaml
# assessments/mm-2026-bu-utredning.yaml
kind: assessment
id: mm-2026-bu-utredning
process: bu-utredning
date: 2026-03-15
scores: {design: 2, performers: 2, owner: 3, infrastructure: 2}
```

## Fixed example

```yaml
# assessments/mm-2026-bu-utredning.yaml
kind: assessment
id: mm-2026-bu-utredning
process: bu-utredning
date: 2026-03-15
scores: {design: 2, performers: 2, owner: 3, infrastructure: 2, metrics: 0}
```

## Options

None. The dimensions are `maturity: dimensions` in processkit.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from processkit.diagnostics import Severity
from processkit.i18n import _
from processkit.loading.repository import Repository
from processkit.rules.base import Finding, RuleContext, report
from processkit.rules.words import ids

CODE = "PK119"
NAME = "assessment-incomplete"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    dimensions = repo.config.maturity.dimensions
    for _id, record in sorted(repo.assessments.items()):
        scores = record.entity.scores
        missing = [dimension for dimension in dimensions if dimension not in scores]
        if not missing:
            continue
        yield report(
            ctx,
            CODE,
            SEVERITY,
            record.path,
            ("scores",),
            _("the assessment gives no score for {dimensions}", dimensions=ids(missing)),
            _(
                "Score every dimension under `scores:` (the lowest score is the process's "
                "maturity level); give 0 where the dimension has not been worked on yet."
            ),
            at_key=True,
        )
