"""The rule catalogue as data: every rule with its severities, options and documentation."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Any

from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.i18n import _, p_
from processkit.rules.base import FORMAT_CODE_RE, Rule, options_of
from processkit.rules.docs import markdown, shown_doc_of
from processkit.rules.registry import RULES, find, suggest
from processkit.rules.settings import RuleSetting, resolve_settings


@frozen
class Entry:
    """One rule as `processkit rules` shows it."""

    code: str
    name: str
    summary: str
    default: str
    effective: str
    options: dict[str, Any] = field(default_factory=dict)
    documentation: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "summary": self.summary,
            "default": self.default,
            "effective": self.effective,
            "options": dict(self.options),
        }


@frozen
class Catalogue:
    """Every rule, and where the effective settings came from (None: the defaults)."""

    entries: list[Entry]
    config_path: Path | None = None
    problem: str | None = None


def entry(rule: Rule, setting: RuleSetting) -> Entry:
    return Entry(
        code=rule.CODE,
        name=rule.NAME,
        summary=shown_doc_of(rule).summary,
        default=rule.SEVERITY.value,
        effective=setting.shown,
        options=dict(setting.options),
        documentation=markdown(rule),
    )


def defaults() -> dict[str, RuleSetting]:
    return {
        rule.CODE: RuleSetting(rule.SEVERITY, {o.name: o.default for o in options_of(rule)})
        for rule in RULES
    }


def catalogue(start: Path | None) -> Catalogue:
    """Every rule with the settings of the repository at or above ``start``.

    Outside a repository, or when its configuration cannot be read, the defaults are shown and
    ``problem`` says why (the catalogue is what one reads to repair a bad ``rules:`` section).
    """
    from processkit.errors import ConfigError
    from processkit.loading.discover import CONFIG_NAME, RepositoryNotFound, find_root
    from processkit.loading.load import load_config

    settings = defaults()
    config_path: Path | None = None
    problem: str | None = None
    if start is not None and not start.exists():
        raise ProcesskitError(p_("processkit rules", "{start} does not exist", start=start))
    if start is not None:
        try:
            root = find_root(start)
            config, _files = load_config(root)
            config_path = root / CONFIG_NAME
            settings = resolve_settings(config)
        except RepositoryNotFound:
            pass
        except ConfigError as error:
            problem = _("{file} cannot be read ({error})", file=CONFIG_NAME, error=error)
            config_path = None
        except ProcesskitError as error:
            problem = str(error)
            config_path = None
    entries = [entry(rule, settings[rule.CODE]) for rule in RULES]
    return Catalogue(entries, config_path, problem)


def lookup(key: str) -> Rule:
    """The rule with this code or name, or ProcesskitError with a did-you-mean."""
    rule = find(key)
    if rule is not None:
        return rule
    if FORMAT_CODE_RE.match(key.strip().upper()):
        raise ProcesskitError(
            _(
                "`{key}` is a check of the file format itself, described in FORMAT.md, not a "
                "rule; run `processkit rules` to list the rules",
                key=key,
            )
        )
    guess = suggest(key)
    if guess:
        raise ProcesskitError(
            _(
                "`{key}` is not a rule; did you mean `{guess}`? Run `processkit rules` to list "
                "the rules.",
                key=key,
                guess=guess,
            )
        )
    raise ProcesskitError(
        _("`{key}` is not a rule. Run `processkit rules` to list the rules.", key=key)
    )
