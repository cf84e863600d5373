"""A person who leads many processes but owns none.

## What it checks

For the process organisation's workload view: a person listed under `leaders`
(processledare) of at least `min_led` active processes, who is the `owner` of none.

## Why it matters

Leading a process takes time: running improvement work, following up measures, preparing the
review. A person who leads many processes without owning any carries much of the work
without the mandate to decide, and is a single point of failure for all of them. The note is
a prompt to look at the workload and the division of roles, not a fault in the files.

## Failing example

With `min_led` lowered to 2 for a short example:

```yaml
# processkit.yaml
organisation: Socialförvaltningen, Kalmar kommun
rules:
  PK121: {min_led: 2}
---
# people/erik-aberg.yaml
kind: person
id: erik-aberg
name: Erik Åberg
---
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: approved
owner: anna-nilsson
leaders: [erik-aberg]
---
# processes/barn-och-unga/bu-insatser.yaml
kind: process
id: bu-insatser
name: Ge insatser till barn och unga
area: barn-och-unga
type: core
status: approved
owner: anna-nilsson
leaders: [erik-aberg]
```

## Fixed example

Share the leadership, or make the person owner of a process they lead:

```yaml
# processes/barn-och-unga/bu-insatser.yaml
kind: process
id: bu-insatser
name: Ge insatser till barn och unga
area: barn-och-unga
type: core
status: approved
owner: anna-nilsson
leaders: [sara-lund]
```

## Options

- `min_led` (default 5): how many processes a person must lead, owning none, to be noted.
"""

from __future__ import annotations

from collections.abc import Iterator

from processkit.diagnostics import Severity
from processkit.i18n import _, n_
from processkit.loading.repository import Repository
from processkit.rules.base import Finding, Option, RuleContext, report

CODE = "PK121"
NAME = "leads-without-owning"
SEVERITY = Severity.INFO
OPTIONS = (
    Option(
        "min_led",
        5,
        "How many processes a person must lead, owning none, to be noted.",
        int,
        1,
    ),
)


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    threshold = int(ctx.options["min_led"])
    owned = ctx.index.owned_counts
    for person_id, led in sorted(ctx.index.led_counts.items()):
        record = repo.people.get(person_id)
        if record is None or led < threshold or owned[person_id]:
            continue
        yield report(
            ctx,
            CODE,
            SEVERITY,
            record.path,
            ("name",),
            n_(
                "{name} leads {count} active process (processledare) but owns none",
                "{name} leads {count} active processes (processledare) but owns none",
                led,
                name=record.entity.name,
            ),
            _(
                "Check with the process owners that the workload is reasonable: share the "
                "leadership, or give the person ownership of a process they lead. To note this "
                "only from a higher number, set `rules: {PK121: {min_led: N}}` in "
                "processkit.yaml."
            ),
        )
