"""Running the rules over a loaded repository: severities, options and ignores applied."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from processkit.diagnostics import Diagnostic
from processkit.loading.repository import Repository
from processkit.rules.base import Rule, RuleContext
from processkit.rules.ignores import all_ignores
from processkit.rules.index import RepoIndex
from processkit.rules.registry import IGNORE_RULE, RULES, find
from processkit.rules.settings import RuleSetting, resolve_settings


def run_rules(
    repo: Repository,
    *,
    today: date | None,
    settings: dict[str, RuleSetting] | None = None,
    rules: tuple[Rule, ...] = RULES,
) -> list[Diagnostic]:
    """Every rule's diagnostics on ``repo``, with the configured severities.

    A rule set to ``off`` does not run. Diagnostics silenced by an entity's
    ``x-processkit-ignore`` are dropped; the ignore rule then reports the entries that
    silenced nothing. ``settings`` default to those of ``repo.config`` (a bad ``rules:``
    section raises ProcesskitError).
    """
    chosen = settings if settings is not None else resolve_settings(repo.config, rules)
    index = RepoIndex(repo)
    found: list[Diagnostic] = []
    running: set[str] = set()
    for rule in rules:
        setting = chosen[rule.CODE]
        if setting.severity is None or rule is IGNORE_RULE:
            continue
        running.add(rule.CODE)
        ctx = RuleContext(today, setting.options, index)
        for diagnostic in rule.check(repo, ctx):
            if diagnostic.severity is not setting.severity:
                diagnostic = replace(diagnostic, severity=setting.severity)
            found.append(diagnostic)
    kept, silenced = _apply_ignores(repo, found)
    ignore_setting = chosen.get(IGNORE_RULE.CODE)
    if IGNORE_RULE in rules and ignore_setting is not None and ignore_setting.severity:
        ctx = RuleContext(
            today,
            ignore_setting.options,
            index,
            silenced=frozenset(silenced),
            running=frozenset(running),
        )
        for diagnostic in IGNORE_RULE.check(repo, ctx):
            kept.append(replace(diagnostic, severity=ignore_setting.severity))
    return kept


def _apply_ignores(
    repo: Repository, found: list[Diagnostic]
) -> tuple[list[Diagnostic], set[tuple[str, str]]]:
    """The diagnostics no ignore silences, and the (path, code) pairs that silenced one."""
    ignored: set[tuple[str, str]] = set()
    for ignore in all_ignores(repo):
        rule = find(ignore.written) if ignore.form else None
        if rule is not None:
            ignored.add((ignore.path, rule.CODE))
    if not ignored:
        return found, set()
    kept: list[Diagnostic] = []
    silenced: set[tuple[str, str]] = set()
    for diagnostic in found:
        key = (diagnostic.path, diagnostic.code)
        if key in ignored:
            silenced.add(key)
        else:
            kept.append(diagnostic)
    return kept, silenced
