"""The site's message catalogue: every label, in Swedish (default) and English.

The catalogues are JSON files shipped with the templates (``templates/site/i18n/<lang>.json``),
flat mappings of dotted keys to texts with ``{name}`` placeholders. Templates call ``t("key")``;
no label is written into a template.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from processkit.errors import ProcesskitError
from processkit.i18n import _
from processkit.resources import templates_dir

LANGUAGES = ("sv", "en")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def catalogue_path(language: str) -> Path:
    return templates_dir() / "site" / "i18n" / f"{language}.json"


@cache
def _messages(language: str) -> dict[str, str]:
    path = catalogue_path(language)
    try:
        messages = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as problem:
        raise ProcesskitError(
            _(
                "the site's message catalogue {path} cannot be read: {problem}",
                path=path,
                problem=problem,
            )
        ) from None
    if not isinstance(messages, dict):
        raise ProcesskitError(
            _("the site's message catalogue {path} is not a JSON object", path=path)
        )
    return {str(key): str(value) for key, value in messages.items()}


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The labels of one language; ``catalogue("key", name=value)`` fills ``{name}``."""

    language: str
    messages: dict[str, str]

    def __call__(self, key: str, **values: object) -> str:
        try:
            text = self.messages[key]
        except KeyError:
            # a missing label is a bug in processkit's templates, not in the user's repository
            raise KeyError(f"no label `{key}` in the {self.language} message catalogue") from None
        if not values:
            return text
        return _PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group())), text)

    def has(self, key: str) -> bool:
        return key in self.messages


def catalogue(language: str) -> Catalogue:
    """The catalogue of ``language`` (``sv`` or ``en``)."""
    if language not in LANGUAGES:
        raise ProcesskitError(
            _("site.language: expected one of sv, en, found `{language}`", language=language)
        )
    return Catalogue(language, _messages(language))
