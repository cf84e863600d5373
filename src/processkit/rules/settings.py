"""The ``rules:`` section of ``processkit.yaml``: each rule's severity and options.

Per rule, by code (``PK104``) or name (``interface-not-mirrored``)::

    rules:
      PK104: off                              # off | info | warning | error
      PK103: {severity: info, window_days: 30}

A code or option processkit does not know, or an option value of the wrong kind, is a
configuration error (ProcesskitError, exit status 2) that names it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import field
from typing import Any

from processkit.diagnostics import Severity, did_you_mean
from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.i18n import _
from processkit.model import Config
from processkit.rules.base import FORMAT_CODE_RE, Option, Rule, options_of
from processkit.rules.registry import RULES, suggest
from processkit.rules.words import joined

SEVERITY_WORDS = ("off", "info", "warning", "error")


@frozen
class RuleSetting:
    """How one rule runs: its severity (None when off) and every option's value."""

    severity: Severity | None
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def shown(self) -> str:
        return self.severity.value if self.severity is not None else "off"


def _problem(key: str, text: str) -> ProcesskitError:
    return ProcesskitError(f"processkit.yaml: rules: {key}: {text}")


def _find_rule(key: str, rules: Iterable[Rule]) -> Rule:
    by_key: dict[str, Rule] = {}
    for rule in rules:
        by_key[rule.CODE.upper()] = rule
        by_key[rule.NAME.lower()] = rule
    found = by_key.get(key.strip().upper()) or by_key.get(key.strip().lower())
    if found is not None:
        return found
    if FORMAT_CODE_RE.match(key.strip().upper()):
        raise ProcesskitError(
            _(
                "processkit.yaml: rules: `{key}` is a check of the file format itself, which "
                "cannot be switched off or changed; only the rules PK101 and up can",
                key=key,
            )
        )
    guess = suggest(key)
    if guess:
        raise ProcesskitError(
            _(
                "processkit.yaml: rules: `{key}` is not a rule processkit knows; did you mean "
                "`{guess}`? Run `processkit rules` to list the rules.",
                key=key,
                guess=guess,
            )
        )
    raise ProcesskitError(
        _(
            "processkit.yaml: rules: `{key}` is not a rule processkit knows. Run "
            "`processkit rules` to list the rules.",
            key=key,
        )
    )


def _severity(key: str, value: Any) -> Severity | None:
    if value == "off":
        return None
    if isinstance(value, str) and value in SEVERITY_WORDS:
        return Severity(value)
    words = joined([f"`{word}`" for word in SEVERITY_WORDS], "or")
    raise _problem(key, _("expected {words}, found `{value}`", words=words, value=value))


def _option_value(key: str, option: Option, value: Any) -> int | float:
    whole = option.kind is int
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (whole and not isinstance(value, int))
    ):
        if whole:
            text = _(
                "`{name}`: expected a whole number, found `{value}`", name=option.name, value=value
            )
        else:
            text = _("`{name}`: expected a number, found `{value}`", name=option.name, value=value)
        raise _problem(key, text)
    if value < option.minimum:
        raise _problem(
            key,
            _(
                "`{name}`: expected at least {minimum}, found {value}",
                name=option.name,
                minimum=option.minimum,
                value=value,
            ),
        )
    return option.kind(value)


def _setting(rule: Rule, key: str, value: Any) -> RuleSetting:
    options = {option.name: option.default for option in options_of(rule)}
    if not isinstance(value, dict):
        return RuleSetting(_severity(key, value), options)
    severity: Severity | None = rule.SEVERITY
    by_name = {option.name: option for option in options_of(rule)}
    for name, given in value.items():
        if name == "severity":
            severity = _severity(key, given)
            continue
        option = by_name.get(str(name))
        if option is None:
            takes = joined([f"`{n}`" for n in ["severity", *by_name]])
            guess = did_you_mean(str(name), ["severity", *by_name])
            if guess:
                text = _(
                    "`{name}` is not an option of {code} ({rule}); did you mean `{guess}`? "
                    "It takes {takes}.",
                    name=name,
                    code=rule.CODE,
                    rule=rule.NAME,
                    guess=guess,
                    takes=takes,
                )
            else:
                text = _(
                    "`{name}` is not an option of {code} ({rule}). It takes {takes}.",
                    name=name,
                    code=rule.CODE,
                    rule=rule.NAME,
                    takes=takes,
                )
            raise _problem(key, text)
        options[option.name] = _option_value(key, option, given)
    return RuleSetting(severity, options)


def resolve_settings(config: Config, rules: Iterable[Rule] = RULES) -> dict[str, RuleSetting]:
    """Every rule's effective setting by code, from its defaults and ``config.rules``."""
    chosen = list(rules)
    settings = {
        rule.CODE: RuleSetting(
            rule.SEVERITY, {option.name: option.default for option in options_of(rule)}
        )
        for rule in chosen
    }
    seen: dict[str, str] = {}
    for key, value in config.rules.items():
        rule = _find_rule(str(key), chosen)
        if rule.CODE in seen:
            raise ProcesskitError(
                _(
                    "processkit.yaml: rules: {code} is set twice (as `{first}` and `{second}`); "
                    "keep one of them",
                    code=rule.CODE,
                    first=seen[rule.CODE],
                    second=key,
                )
            )
        seen[rule.CODE] = str(key)
        settings[rule.CODE] = _setting(rule, str(key), value)
    return settings
