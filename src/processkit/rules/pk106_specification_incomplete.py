"""An approved process does not say whom it is for, or where it starts and ends.

## What it checks

Every process with `status: approved` fills in the five fields that describe it "from need to
need met": `purpose` (syfte), `customer` (kund, mottagare), `need` (behov), `start` and `end`
(slut). One diagnostic lists all the fields that are missing or empty.

## Why it matters

Process orientation starts with the customer's need and follows the work until the need is
met. A process that does not say whom it is for, what need starts it and where it ends has no
boundaries: its owner cannot tell what it is responsible for, and neighbouring processes
cannot tell where theirs begins.

## Failing example

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: approved
owner: anna-nilsson
purpose: Att barnets behov av skydd och stöd blir allsidigt belyst.
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
purpose: Att barnets behov av skydd och stöd blir allsidigt belyst.
customer: Barnet eller den unge, och vårdnadshavarna
need: Ett barn kan behöva skydd eller stöd
start: En utredning har inletts
end: Beslut är fattat och kommunicerat
```

## Options

None.
"""

from __future__ import annotations

from collections.abc import Iterator

from processkit.diagnostics import Severity
from processkit.domain.structure import SPECIFICATION_FIELDS
from processkit.i18n import _
from processkit.loading.repository import Repository
from processkit.rules.base import Finding, RuleContext, report
from processkit.rules.words import joined

CODE = "PK106"
NAME = "specification-incomplete"
SEVERITY = Severity.WARNING

_SWEDISH = {
    "purpose": "syfte",
    "customer": "kund",
    "need": "behov",
    "start": "start",
    "end": "slut",
}


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    for record in ctx.index.active_processes:
        process = record.entity
        if process.status != "approved":
            continue
        missing = [name for name in SPECIFICATION_FIELDS if not getattr(process, name)]
        if not missing:
            continue
        fields = joined(
            _("`{field}` ({word})", field=name, word=_SWEDISH[name]) for name in missing
        )
        yield report(
            ctx,
            CODE,
            SEVERITY,
            record.path,
            ("status",),
            _("`{id}` is approved but does not say its {fields}", id=process.id, fields=fields),
            _(
                "Describe the process from need to need met: whom it is for (`customer`), the "
                "need that starts it (`need`), where it starts (`start`), where the need is met "
                "(`end`) and why it exists (`purpose`)."
            ),
        )
