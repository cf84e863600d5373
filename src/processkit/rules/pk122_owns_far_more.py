"""A person who owns far more processes than the typical process owner.

## What it checks

For the process organisation's workload view: a person who owns (`owner`) at least
`min_owned` active processes, and at least `factor` times as many as the typical owner (the
median over everyone who owns at least one active process).

## Why it matters

The process owner answers for the process's results, decides on its improvements and leads its
review. Someone who owns far more processes than anyone else cannot give each of them that
attention, and the organisation depends on one person for a large part of its management
system. The note is a prompt to look at how ownership is spread, not a fault in the files.

## Failing example

With `min_owned` lowered to 3 for a short example; Anna owns three processes, the typical
owner one:

```yaml
# processkit.yaml
organisation: Socialförvaltningen, Kalmar kommun
rules:
  PK122: {min_owned: 3}
---
# people/anna-nilsson.yaml
kind: person
id: anna-nilsson
name: Anna Nilsson
---
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: approved
owner: anna-nilsson
---
# processes/barn-och-unga/bu-insatser.yaml
kind: process
id: bu-insatser
name: Ge insatser till barn och unga
area: barn-och-unga
type: core
status: approved
owner: anna-nilsson
---
# processes/barn-och-unga/bu-placering.yaml
kind: process
id: bu-placering
name: Placera barn och unga
area: barn-och-unga
type: core
status: approved
owner: anna-nilsson
---
# processes/vuxna/vu-missbruk.yaml
kind: process
id: vu-missbruk
name: Stöd vid missbruk
area: vuxna
type: core
status: approved
owner: sara-lund
---
# processes/vuxna/vu-vald.yaml
kind: process
id: vu-vald
name: Stöd till våldsutsatta
area: vuxna
type: core
status: approved
owner: johan-ek
```

## Fixed example

Give one of the processes another owner:

```yaml
# processes/barn-och-unga/bu-placering.yaml
kind: process
id: bu-placering
name: Placera barn och unga
area: barn-och-unga
type: core
status: approved
owner: erik-aberg
```

## Options

- `min_owned` (default 6): the fewest processes a person must own to be noted.
- `factor` (default 3.0): how many times the typical owner's number that must be.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator

from processkit.diagnostics import Severity
from processkit.i18n import _, decimal, n_
from processkit.loading.repository import Repository
from processkit.rules.base import Finding, Option, RuleContext, report

CODE = "PK122"
NAME = "owns-far-more"
SEVERITY = Severity.INFO
OPTIONS = (
    Option("min_owned", 6, "The fewest processes a person must own to be noted.", int, 1),
    Option("factor", 3.0, "How many times the typical owner's number that must be.", float, 1),
)


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    owned = ctx.index.owned_counts
    if not owned:
        return
    typical = statistics.median(owned.values())
    least = max(int(ctx.options["min_owned"]), float(ctx.options["factor"]) * typical)
    for person_id, count in sorted(owned.items()):
        record = repo.people.get(person_id)
        if record is None or count < least:
            continue
        shown = decimal(typical)
        yield report(
            ctx,
            CODE,
            SEVERITY,
            record.path,
            ("name",),
            n_(
                "{name} owns {count} active process; the typical process owner owns {typical}",
                "{name} owns {count} active processes; the typical process owner owns {typical}",
                count,
                name=record.entity.name,
                typical=shown,
            ),
            _(
                "Check that one person can answer for this many processes, and consider giving "
                "some of them another owner. The limits are the options `min_owned` and "
                "`factor` of PK122 in processkit.yaml."
            ),
        )
