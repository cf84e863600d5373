"""An approved process or handbook is overdue for review.

## What it checks

The day an approved process (or handbook) is next due for review is its `review_date`, or else
the date in `approved` plus `review: interval_months` from processkit.yaml (12 months by
default). When that day has passed, the review is overdue. The date checked against is
today's, or the one given with `processkit validate --today YYYY-MM-DD`. Drafts, processes in
review and retired ones are not checked; a handbook without `status` is checked when it has an
`approved` date.

## Why it matters

A process description or routine that is not reviewed drifts away from how the work is really
done, and from the laws and rules it must follow. Regular review by the owner is what keeps
the management system trustworthy; an overdue review is a promise the organisation has not
kept.

## Failing example

With `--today 2026-11-21`:

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: approved
owner: anna-nilsson
approved: {date: 2025-06-01, by: Socialnämnden}
```

## Fixed example

Review the process, then record the new approval (or plan the review with `review_date`):

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: approved
owner: anna-nilsson
approved: {date: 2026-11-15, by: Socialnämnden}
```

## Options

None. The review interval is `review: interval_months` in processkit.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from processkit.diagnostics import Severity
from processkit.domain.reviews import ReviewStatus
from processkit.i18n import _, n_
from processkit.loading.repository import Repository
from processkit.rules.base import Finding, RuleContext, report

CODE = "PK102"
NAME = "review-overdue"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    if ctx.today is None:
        return
    for review in ctx.index.reviews:
        if review.status(today=ctx.today, until=ctx.today) is not ReviewStatus.OVERDUE:
            continue
        days = (ctx.today - review.due).days
        due = review.due.isoformat()
        if review.what == "handbook":
            message = n_(
                "the review of the handbook `{id}` was due on {due}, {count} day ago",
                "the review of the handbook `{id}` was due on {due}, {count} days ago",
                days,
                id=review.entity_id,
                due=due,
            )
            hint = _(
                "Review the handbook with its owner, then record the new approval under "
                "`approved` (date and by whom). If the review is planned for later, set "
                "`review_date` to that day."
            )
        else:
            message = n_(
                "the review of the process `{id}` was due on {due}, {count} day ago",
                "the review of the process `{id}` was due on {due}, {count} days ago",
                days,
                id=review.entity_id,
                due=due,
            )
            hint = _(
                "Review the process with its owner, then record the new approval under "
                "`approved` (date and by whom). If the review is planned for later, set "
                "`review_date` to that day."
            )
        yield report(
            ctx, CODE, SEVERITY, review.path, review.loc, message, hint, at_key=review.at_key
        )
