"""What every rule is: a module with a code, a name, a default severity, options and ``check``.

A rule module (``rules/pk104_interface_not_mirrored.py``) defines::

    CODE = "PK104"
    NAME = "interface-not-mirrored"
    SEVERITY = Severity.WARNING
    OPTIONS: tuple[Option, ...] = ()          # optional

    def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]: ...

and its module docstring is its documentation (see ``processkit.rules.docs``). A finding is
made with ``report(ctx, CODE, SEVERITY, path, loc, message, hint)``: it names the key path,
and the runner turns that into a line and column once the rules have run. Rules are pure:
they read the repository, the facts of ``processkit.domain`` and the context, never the
clock, the disk or a global, and they change nothing. A rule reports with its default
severity; the runner applies the configured one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from processkit.diagnostics import Severity, did_you_mean
from processkit.frozen import frozen
from processkit.loading.locate import Loc

if TYPE_CHECKING:
    from processkit.domain.index import RepoIndex
    from processkit.loading.repository import Repository

#: The codes of FORMAT.md's own checks, made by the loader: they cannot be switched off.
FORMAT_CODE_RE = re.compile(r"^PK0\d\d$")


@frozen
class Option:
    """One setting of a rule, given in ``processkit.yaml`` under ``rules: {CODE: {name: value}}``.

    ``kind`` is ``int`` or ``float``; a value below ``minimum`` is refused.
    """

    name: str
    default: int | float
    description: str
    kind: type[int] | type[float] = int
    minimum: int | float = 0


@frozen
class RuleContext:
    """What a rule may know besides the repository.

    ``today`` is None when the caller gave no date: rules about dates then find nothing.
    ``options`` holds every option of the rule, configured or default. ``index`` holds facts
    about the whole repository, each built once on first use and shared by all rules.
    ``silenced``, ``running`` and ``rules`` serve the rule about ignores that silence
    nothing: the (path, code) pairs an ignore silenced, the codes of the rules that ran, and
    every rule there is (to tell a misspelt code from a real one).
    """

    today: date | None
    options: Mapping[str, Any]
    index: RepoIndex
    silenced: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    running: frozenset[str] = field(default_factory=frozenset)
    rules: tuple[Rule, ...] = ()


@frozen
class Finding:
    """What a rule found, where: the file and the key path (``loc``) of the key, or of its
    value; the runner reads the line and column from the file."""

    code: str
    severity: Severity
    message: str
    path: str
    loc: Loc
    hint: str | None = None
    at_key: bool = False


class Rule(Protocol):
    """The shape of a rule module (modules satisfy protocols by their attributes).

    ``OPTIONS`` may be left out of a module that has none; read it with ``options_of``.
    """

    CODE: str
    NAME: str
    SEVERITY: Severity

    def check(self, repo: Repository, ctx: RuleContext) -> Iterator[Finding]: ...


def options_of(rule: Rule) -> tuple[Option, ...]:
    """The options a rule takes (none when its module defines no ``OPTIONS``)."""
    options: tuple[Option, ...] = getattr(rule, "OPTIONS", ())
    return options


def report(
    ctx: RuleContext,
    code: str,
    severity: Severity,
    path: str,
    loc: Loc,
    message: str,
    hint: str | None = None,
    *,
    at_key: bool = False,
) -> Finding:
    """A finding at the key or value ``loc`` of the file ``path``."""
    return Finding(code, severity, message, path, loc, hint, at_key)


@cache
def _rules_by_key(rules: tuple[Rule, ...]) -> dict[str, Rule]:
    by_key: dict[str, Rule] = {}
    for rule in rules:
        by_key[rule.CODE.upper()] = rule
        by_key[rule.NAME.lower()] = rule
    return by_key


def find_rule(rules: tuple[Rule, ...], key: str) -> Rule | None:
    """The rule of ``rules`` with this code (any case) or name, or None."""
    key = key.strip()
    by_key = _rules_by_key(rules)
    return by_key.get(key.upper()) or by_key.get(key.lower())


def suggest_rule(rules: tuple[Rule, ...], key: str) -> str | None:
    """The code or name nearest to a misspelt ``key`` (``PK1O4`` -> ``PK104``), or None."""
    cleaned = key.strip().upper().replace("O", "0").replace(" ", "")
    if cleaned in _rules_by_key(rules):
        return cleaned
    return did_you_mean(key.strip(), [r.CODE for r in rules] + [r.NAME for r in rules])
