"""An operational role that no active process uses.

## What it checks

A role with `category: operational` that no process (other than retired ones) names: not as
the performer (`role`) of an activity, not as `accountable`, `consulted` or `informed`, and not
as the `role` of a control. Governance roles (`category: governance`, such as processägare and
processledare) are held by people through `owner` and `leaders`, so they are not checked.

## Why it matters

The roles are the organisation's vocabulary for who does what. A role that no process uses is
either left over from a reorganisation or a sign that the processes have not yet been
described down to who performs each step. A short list of roles that are all in use is easier
to keep right than a long one nobody trusts.

## Failing example

```yaml
# roles/familjebehandlare.yaml
kind: role
id: familjebehandlare
name: Familjebehandlare
category: operational
```

## Fixed example

```yaml
# roles/familjebehandlare.yaml
kind: role
id: familjebehandlare
name: Familjebehandlare
category: operational
---
# processes/barn-och-unga/bu-insatser.yaml
kind: process
id: bu-insatser
name: Ge insatser till barn och unga
area: barn-och-unga
type: core
status: draft
activities:
  - id: behandla
    name: Genomföra familjebehandling
    role: familjebehandlare
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

CODE = "PK114"
NAME = "role-unused"
SEVERITY = Severity.INFO


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    for role_id in sorted(ctx.index.unused_roles):
        record = repo.roles[role_id]
        yield report(
            ctx,
            CODE,
            SEVERITY,
            record.path,
            ("id",),
            _(
                "the role `{id}` is used by no activity or control of an active process",
                id=role_id,
            ),
            _(
                "Name the role where it takes part in a step (`role`, `accountable`, `consulted` "
                "or `informed`) or does a control, or remove {path} if the role no longer "
                "exists.",
                path=record.path,
            ),
        )
