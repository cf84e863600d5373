"""An approved process or handbook falls due for review soon.

## What it checks

An approved process or handbook whose next review (its `review_date`, or the `approved` date
plus `review: interval_months`) falls today or within the next `window_days` days. The date checked
against is today's, or the one given with `processkit validate --today YYYY-MM-DD`.

## Why it matters

A review takes planning: the owner, the leaders and the staff who do the work need time to
meet, and a changed process may need a decision by the board. A note well before the due day
lets the process organisation plan its reviews instead of finding them overdue.

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
approved: {date: 2026-01-10, by: Socialnämnden}
```

## Fixed example

Review the process and record the new approval; the next review is then a full interval away:

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

- `window_days` (default 60): how many days ahead a coming review is noted.

```yaml
# processkit.yaml
organisation: Socialförvaltningen, Kalmar kommun
rules:
  PK103: {severity: info, window_days: 90}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from processkit.diagnostics import Severity
from processkit.domain.dates import add_days
from processkit.domain.reviews import ReviewStatus
from processkit.i18n import _, n_
from processkit.loading.repository import Repository
from processkit.rules.base import Finding, Option, RuleContext, report

CODE = "PK103"
NAME = "review-due-soon"
SEVERITY = Severity.INFO
OPTIONS = (Option("window_days", 60, "How many days ahead a coming review is noted.", int, 1),)


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    if ctx.today is None:
        return
    last = add_days(ctx.today, int(ctx.options["window_days"]))
    for review in ctx.index.reviews:
        if review.status(today=ctx.today, until=last) is not ReviewStatus.DUE_SOON:
            continue
        days = (review.due - ctx.today).days
        due = review.due.isoformat()
        if review.what == "handbook":
            if days == 0:
                message = _(
                    "the review of the handbook `{id}` falls due on {due}, today",
                    id=review.entity_id,
                    due=due,
                )
            else:
                message = n_(
                    "the review of the handbook `{id}` falls due on {due}, in {count} day",
                    "the review of the handbook `{id}` falls due on {due}, in {count} days",
                    days,
                    id=review.entity_id,
                    due=due,
                )
            hint = _("Plan the review of the handbook with its owner before that day.")
        else:
            if days == 0:
                message = _(
                    "the review of the process `{id}` falls due on {due}, today",
                    id=review.entity_id,
                    due=due,
                )
            else:
                message = n_(
                    "the review of the process `{id}` falls due on {due}, in {count} day",
                    "the review of the process `{id}` falls due on {due}, in {count} days",
                    days,
                    id=review.entity_id,
                    due=due,
                )
            hint = _("Plan the review of the process with its owner before that day.")
        yield report(
            ctx, CODE, SEVERITY, review.path, review.loc, message, hint, at_key=review.at_key
        )
