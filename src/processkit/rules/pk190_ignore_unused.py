"""An `x-processkit-ignore` that silences nothing.

## What it checks

An entity may silence a rule for its own file with the key `x-processkit-ignore`, giving
for each rule code (or name) the reason it does not apply (a list of codes is accepted too).
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
from processkit.i18n import N_, _
from processkit.loading.repository import Repository
from processkit.rules.base import (
    FORMAT_CODE_RE,
    Finding,
    RuleContext,
    find_rule,
    report,
    suggest_rule,
)
from processkit.rules.ignores import IGNORE_KEY, Ignore, all_ignores, shown

CODE = "PK190"
NAME = "ignore-unused"
SEVERITY = Severity.WARNING

_FORM_HINT = N_(
    "Write under `{key}:` one rule code per line with the reason after a colon, e.g. "
    "`{key}: {{PK104: Överlämningen sker utanför våra processer}}`."
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
            _(
                "expected a rule code to ignore, found {written}, which silences nothing",
                written=shown(ignore),
            ),
            _(_FORM_HINT, key=IGNORE_KEY),
        )
    rule = find_rule(ctx.rules, written)
    if rule is None:
        if FORMAT_CODE_RE.match(written.upper()):
            return (
                _(
                    "`{written}` is a check of the file format itself and cannot be silenced",
                    written=written,
                ),
                _("Correct what the check reports instead, and remove this entry."),
            )
        guess = suggest_rule(ctx.rules, written)
        if guess:
            message = _(
                "`{written}` is not a rule, so this ignore silences nothing; did you mean "
                "`{guess}`?",
                written=written,
                guess=guess,
            )
        else:
            message = _(
                "`{written}` is not a rule, so this ignore silences nothing", written=written
            )
        return message, _("Run `processkit rules` to list the rules and their codes.")
    if rule.CODE == CODE:
        return (
            _("{code} cannot be silenced with `{key}`", code=CODE, key=IGNORE_KEY),
            _(
                "Remove this entry; to stop {code} everywhere set `rules: {{{code}: off}}` in "
                "processkit.yaml.",
                code=CODE,
            ),
        )
    if rule.CODE not in ctx.running or (ignore.path, rule.CODE) in ctx.silenced:
        return None
    return (
        _(
            "{code} ({name}) finds nothing to silence in this file",
            code=rule.CODE,
            name=rule.NAME,
        ),
        _(
            "The problem it was silencing is gone: remove this entry from `{key}`.",
            key=IGNORE_KEY,
        ),
    )
