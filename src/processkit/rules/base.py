"""What every rule is: a module with a code, a name, a default severity, options and ``check``.

A rule module (``rules/pk104_interface_not_mirrored.py``) defines::

    CODE = "PK104"
    NAME = "interface-not-mirrored"
    SEVERITY = Severity.WARNING
    OPTIONS: tuple[Option, ...] = ()          # optional

    def check(repo: Repository, ctx: RuleContext) -> Iterator[Diagnostic]: ...

and its module docstring is its documentation (see ``processkit.rules.docs``). A finding is
made with ``report(ctx, CODE, SEVERITY, path, loc, message, hint)``. Rules are pure:
they read the repository and the context, never the clock, the disk or a global, and they
change nothing. A rule reports with its default severity; the runner applies the configured one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from processkit.diagnostics import Diagnostic, Severity
from processkit.loading.locate import Loc

if TYPE_CHECKING:
    from processkit.loading.repository import Repository
    from processkit.rules.index import RepoIndex

#: The codes of FORMAT.md's own checks, made by the loader: they cannot be switched off.
FORMAT_CODE_RE = re.compile(r"^PK0\d\d$")


@dataclass(frozen=True, slots=True)
class Option:
    """One setting of a rule, given in ``processkit.yaml`` under ``rules: {CODE: {name: value}}``.

    ``kind`` is ``int`` or ``float``; a value below ``minimum`` is refused.
    """

    name: str
    default: int | float
    description: str
    kind: type[int] | type[float] = int
    minimum: int | float = 0


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule may know besides the repository.

    ``today`` is None when the caller gave no date: rules about dates then find nothing.
    ``options`` holds every option of the rule, configured or default. ``index`` holds facts
    about the whole repository, each built once on first use and shared by all rules.
    ``silenced`` and ``running`` serve the rule about ignores that silence nothing: the
    (path, code) pairs an ignore silenced, and the codes of the rules that ran.
    """

    today: date | None
    options: Mapping[str, Any]
    index: RepoIndex
    silenced: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    running: frozenset[str] = field(default_factory=frozenset)


class Rule(Protocol):
    """The shape of a rule module (modules satisfy protocols by their attributes).

    ``OPTIONS`` may be left out of a module that has none; read it with ``options_of``.
    """

    CODE: str
    NAME: str
    SEVERITY: Severity

    def check(self, repo: Repository, ctx: RuleContext) -> Iterator[Diagnostic]: ...


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
) -> Diagnostic:
    """A diagnostic at the key or value ``loc`` of the file ``path``."""
    mark = ctx.index.locate(path, loc, at_key=at_key)
    return Diagnostic(code, severity, message, path, mark.line, mark.column, hint)
