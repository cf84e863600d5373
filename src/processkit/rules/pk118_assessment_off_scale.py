"""A maturity assessment with a dimension or level that is not in the maturity model.

## What it checks

Every score of an assessment names one of the dimensions under `maturity: dimensions` in
processkit.yaml and gives one of the levels under `maturity: levels`. By default these are
PEMM's enablers (`design`, `performers`, `owner`, `infrastructure`, `metrics`) and the levels
0 to 4.

## Why it matters

A process's maturity level is its lowest score, compared across processes and over time. A
misspelt dimension is silently left out of that comparison, and a level outside the scale
makes the process look more or less mature than the instrument allows. Either way the
maturity overview no longer says what the organisation believes it says.

## Failing example

```yaml
# assessments/mm-2026-bu-utredning.yaml
kind: assessment
id: mm-2026-bu-utredning
process: bu-utredning
date: 2026-03-15
scores: {desing: 2, performers: 2, owner: 3, infrastructure: 2, metrics: 5}
```

## Fixed example

```yaml
# assessments/mm-2026-bu-utredning.yaml
kind: assessment
id: mm-2026-bu-utredning
process: bu-utredning
date: 2026-03-15
scores: {design: 2, performers: 2, owner: 3, infrastructure: 2, metrics: 4}
```

## Options

None. The dimensions and levels are `maturity:` in processkit.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from processkit.diagnostics import Guesser, Severity
from processkit.i18n import _
from processkit.loading.repository import Repository
from processkit.rules.base import Finding, RuleContext, report
from processkit.rules.words import ids

CODE = "PK118"
NAME = "assessment-off-scale"
SEVERITY = Severity.ERROR


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    maturity = repo.config.maturity
    dimensions = set(maturity.dimensions)
    levels = set(maturity.levels)
    shown_dimensions = ids(maturity.dimensions)
    shown_levels = ids([str(level) for level in maturity.levels], "or")
    guesser = Guesser(maturity.dimensions)
    for _id, record in sorted(repo.assessments.items()):
        for dimension, level in record.entity.scores.items():
            if dimension not in dimensions:
                guess = guesser.guess(dimension)
                if guess:
                    message = _(
                        "`{dimension}` is not a dimension of the maturity model; did you mean "
                        "`{guess}`?",
                        dimension=dimension,
                        guess=guess,
                    )
                else:
                    message = _(
                        "`{dimension}` is not a dimension of the maturity model",
                        dimension=dimension,
                    )
                yield report(
                    ctx,
                    CODE,
                    SEVERITY,
                    record.path,
                    ("scores", dimension),
                    message,
                    _(
                        "The dimensions are {dimensions} (`maturity: dimensions` in "
                        "processkit.yaml).",
                        dimensions=shown_dimensions,
                    ),
                    at_key=True,
                )
            elif level not in levels:
                yield report(
                    ctx,
                    CODE,
                    SEVERITY,
                    record.path,
                    ("scores", dimension),
                    _(
                        "`{level}` is not a level of the maturity model: expected {levels}",
                        level=level,
                        levels=shown_levels,
                    ),
                    _("The levels are `maturity: levels` in processkit.yaml."),
                )
