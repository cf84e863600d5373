"""Running the rules over a loaded repository: severities, options and ignores applied."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from processkit.diagnostics import NAMED_AT_MOST, Diagnostic, Severity, named_ids
from processkit.domain.index import RepoIndex
from processkit.i18n import _, n_
from processkit.loading.repository import Repository
from processkit.rules.base import Finding, Rule, RuleContext
from processkit.rules.ignores import all_ignores
from processkit.rules.positions import Locator
from processkit.rules.registry import IGNORE_RULE, RULES, find
from processkit.rules.settings import RuleSetting, resolve_settings

#: The rules that conclude from what the repository does not hold (a role no process uses, an
#: interface not mirrored, a person who owns nothing, how many processes people own) or from
#: what rules do not report (an ignore that silences nothing). While a file cannot be read in
#: full they could report what is not there: their findings wait (see ``_waiting``).
FROM_ABSENCE = frozenset({"PK104", "PK114", "PK115", "PK121", "PK122", "PK190"})
#: The code of the one note that says which checks wait.
WAITING_CODE = "PK032"


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
    section raises ProcesskitError). The rules name where each finding is by its key path;
    the positions are read from the files here, once the rules have run.
    """
    chosen = settings if settings is not None else resolve_settings(repo.config, rules)
    index = RepoIndex(repo)
    found: list[Finding] = []
    running: set[str] = set()
    for rule in rules:
        setting = chosen[rule.CODE]
        if setting.severity is None or rule is IGNORE_RULE:
            continue
        running.add(rule.CODE)
        ctx = RuleContext(today, setting.options, index, rules=RULES)
        for finding in rule.check(repo, ctx):
            if finding.severity is not setting.severity:
                finding = replace(finding, severity=setting.severity)
            found.append(finding)
    kept, silenced = _apply_ignores(repo, found)
    ignore_setting = chosen.get(IGNORE_RULE.CODE)
    if IGNORE_RULE in rules and ignore_setting is not None and ignore_setting.severity:
        ctx = RuleContext(
            today,
            ignore_setting.options,
            index,
            silenced=frozenset(silenced),
            running=frozenset(running),
            rules=RULES,
        )
        for finding in IGNORE_RULE.check(repo, ctx):
            kept.append(replace(finding, severity=ignore_setting.severity))
    kept, waiting = _waiting(repo, kept)
    return _positioned(repo, kept) + waiting


def _waiting(repo: Repository, found: list[Finding]) -> tuple[list[Finding], list[Diagnostic]]:
    """The findings to report while some file cannot be read in full, and one note (PK032)
    naming the checks that wait, when any had found something.

    Held back: the findings of the rules that conclude from what is missing, and the findings
    about a file whose entity was read only in part at a top-level field that lost a value (or
    anywhere in it, when a top-level field was left out): a rule could miss the value."""
    if not repo.incomplete:
        return found, []
    kept: list[Finding] = []
    held: set[str] = set()
    for finding in found:
        if finding.code in FROM_ABSENCE or _about_dropped(repo, finding):
            held.add(finding.code)
        else:
            kept.append(finding)
    if not held:
        return kept, []
    files = sorted(repo.incomplete)
    message = n_(
        "these checks wait until the file with errors is fixed: {codes}",
        "these checks wait until the {count} files with errors are fixed: {codes}",
        len(files),
        codes=", ".join(sorted(held)),
    )
    hint = _(
        "A file that cannot be read in full could hold what they miss. Fix the errors in "
        "{files}; then these checks run again.",
        files=named_ids(files[:NAMED_AT_MOST], total=len(files)),
    )
    note = Diagnostic(WAITING_CODE, Severity.INFO, message, files[0], 0, 0, hint)
    return kept, [note]


def _about_dropped(repo: Repository, finding: Finding) -> bool:
    """Whether a finding is about a part of a partial entity that lost a value."""
    fields = repo.dropped_fields.get(finding.path)
    if fields is None:
        return False
    return "" in fields or not finding.loc or str(finding.loc[0]) in fields


def _positioned(repo: Repository, findings: list[Finding]) -> list[Diagnostic]:
    """The findings as diagnostics with their lines and columns, in the order found."""
    locator = Locator(repo)
    return [
        Diagnostic(
            finding.code,
            finding.severity,
            finding.message,
            finding.path,
            mark.line,
            mark.column,
            finding.hint,
        )
        for finding in findings
        for mark in (locator.locate(finding.path, finding.loc, at_key=finding.at_key),)
    ]


def _apply_ignores(
    repo: Repository, found: list[Finding]
) -> tuple[list[Finding], set[tuple[str, str]]]:
    """The findings no ignore silences, and the (path, code) pairs that silenced one."""
    ignored: set[tuple[str, str]] = set()
    for ignore in all_ignores(repo):
        rule = find(ignore.written) if ignore.form else None
        if rule is not None:
            ignored.add((ignore.path, rule.CODE))
    if not ignored:
        return found, set()
    kept: list[Finding] = []
    silenced: set[tuple[str, str]] = set()
    for finding in found:
        key = (finding.path, finding.code)
        if key in ignored:
            silenced.add(key)
        else:
            kept.append(finding)
    return kept, silenced
