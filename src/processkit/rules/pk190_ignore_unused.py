"""An `x-processkit-ignore` that silences nothing.

## What it checks

An entity may silence a rule for its own file with the key `x-processkit-ignore`, mapping
each rule code (or name) to the reason it does not apply (a list of codes is accepted too).
This rule reports an entry that silences nothing: the rule finds nothing to silence in that
file any more, the code is not a rule, it is a check of the file format itself (PK0xx, which
cannot be silenced), or the key is written in a form processkit cannot read. Entries for a
rule that is switched off in processkit.yaml are not checked.

## Why it matters

An ignore is an exception to the organisation's rules of good process management, and it
should last only as long as its reason. When the problem it silenced has been fixed, a
leftover ignore would hide the problem if it came back. A misspelt code silences nothing
while looking as if it did.

## Failing example

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: draft
x-processkit-ignore:
  PK104: Överlämningen till skolan sker utanför socialtjänstens processer.
```

## Fixed example

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: draft
```

## Options

None. It cannot itself be silenced with `x-processkit-ignore`; switch it off in
processkit.yaml if need be (`rules: {PK190: off}`).
"""

from __future__ import annotations

from collections.abc import Iterator

from processkit.diagnostics import Severity
from processkit.loading.repository import Repository
from processkit.rules.base import (
    FORMAT_CODE_RE,
    Finding,
    RuleContext,
    find_rule,
    report,
    suggest_rule,
)
from processkit.rules.ignores import IGNORE_KEY, Ignore, all_ignores

CODE = "PK190"
NAME = "ignore-unused"
SEVERITY = Severity.WARNING

_FORM_HINT = (
    f"Write `{IGNORE_KEY}:` as a mapping from rule code to the reason, e.g. "
    f"`{IGNORE_KEY}: {{PK104: Överlämningen sker utanför våra processer}}`."
)


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    for ignore in all_ignores(repo):
        found = _problem(ignore, ctx)
        if found is None:
            continue
        message, hint = found
        yield report(ctx, CODE, SEVERITY, ignore.path, ignore.loc, message, hint, at_key=True)


def _problem(ignore: Ignore, ctx: RuleContext) -> tuple[str, str] | None:
    written = ignore.written
    if not ignore.form:
        return (
            f"expected a rule code to ignore, found {written}, which silences nothing",
            _FORM_HINT,
        )
    rule = find_rule(ctx.rules, written)
    if rule is None:
        if FORMAT_CODE_RE.match(written.upper()):
            return (
                f"`{written}` is a check of the file format itself and cannot be silenced",
                "Correct what the check reports instead, and remove this entry.",
            )
        guess = suggest_rule(ctx.rules, written)
        message = f"`{written}` is not a rule, so this ignore silences nothing"
        if guess:
            message += f"; did you mean `{guess}`?"
        return message, "Run `processkit rules` to list the rules and their codes."
    if rule.CODE == CODE:
        return (
            f"{CODE} cannot be silenced with `{IGNORE_KEY}`",
            f"Remove this entry; to stop {CODE} everywhere set `rules: {{{CODE}: off}}` in "
            "processkit.yaml.",
        )
    if rule.CODE not in ctx.running or (ignore.path, rule.CODE) in ctx.silenced:
        return None
    return (
        f"{rule.CODE} ({rule.NAME}) finds nothing to silence in this file",
        f"The problem it was silencing is gone: remove this entry from `{IGNORE_KEY}`.",
    )
