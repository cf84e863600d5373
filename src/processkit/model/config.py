"""The repository configuration, ``processkit.yaml``."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from processkit.model.types import Strict, Text

RuleSeverity = Literal["off", "info", "warning", "error"]

DEFAULT_DIMENSIONS = ["design", "performers", "owner", "infrastructure", "metrics"]
DEFAULT_LEVELS = [0, 1, 2, 3, 4]


#: A CSS colour written as ``#rgb`` or ``#rrggbb``; nothing else can reach the style sheet.
HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def _hex_color(value: str) -> str:
    if not HEX_COLOR.match(value):
        raise PydanticCustomError(
            "color_form",
            "expected a colour written #rrggbb, such as #005596",
        )
    return value


Color = Annotated[Text, AfterValidator(_hex_color)]


class SiteColors(Strict):
    """Färger: the site's brand colours, written #rrggbb."""

    primary: Color | None = Field(
        default=None,
        description="Huvudfärg: the header, buttons and headings' accent, e.g. #005596. The "
        "text on it is made white or black, whichever reads better.",
    )
    link: Color | None = Field(
        default=None,
        description="Länkfärg: the colour of links on the white page; choose one dark enough "
        "to read (contrast at least 4.5:1).",
    )


class AccessibilityContact(Strict):
    """Kontakt för tillgänglighet: where visitors report what they cannot use."""

    email: Text | None = Field(default=None, description="E-post: e.g. webb@kalmar.example.se.")
    phone: Text | None = Field(default=None, description="Telefon: e.g. 0480-45 00 00.")
    url: Text | None = Field(
        default=None, description="Webbformulär: the address of a form for reporting problems."
    )


class SiteConfig(Strict):
    """Webbplats: how the published management-system site looks."""

    title: Text = Field(default="Processer", description="Titel: the site's title, e.g. Fyren.")
    language: Literal["sv", "en"] = Field(
        default="sv", description="Språk: `sv` (svenska, default) or `en` (English)."
    )
    logo: Text | None = Field(default=None, description="Logotyp: a path in the repository.")
    feedback_url: Text | None = Field(
        default=None,
        description="Förbättringsförslag: address for suggesting an improvement; {id} is the "
        "process id.",
    )
    output: Text = Field(default="site", description="Utdatamapp: where `publish` writes the site.")
    edit_url: Text | None = Field(
        default=None,
        description='Redigeringslänk: address of a file on the git host, for the "edit this '
        "page\" link; {path} is the file's path in the repository, e.g. "
        "https://git.example.se/process/repo/-/edit/main/{path}.",
    )
    colors: SiteColors = Field(
        default_factory=SiteColors, description="Färger: the site's brand colours."
    )
    accessibility_contact: AccessibilityContact = Field(
        default_factory=AccessibilityContact,
        description="Tillgänglighetskontakt: shown in the accessibility statement "
        "(tillgänglighetsredogörelse).",
    )
    templates: Text | None = Field(
        default=None,
        description="Mallar: a folder in the repository with templates that override the "
        "built-in ones (they extend base.html's blocks).",
    )


class ReviewConfig(Strict):
    """Revision: when processes fall due for review."""

    interval_months: int = Field(
        default=12,
        ge=1,
        le=120,
        description="Revisionsintervall: months from approval until a process is due for review.",
    )


class MaturityConfig(Strict):
    """Mognadsmodell: the maturity instrument (PEMM's enablers by default)."""

    levels: list[int] = Field(
        default_factory=lambda: list(DEFAULT_LEVELS), description="Nivåer: the possible levels."
    )
    dimensions: list[Text] = Field(
        default_factory=lambda: list(DEFAULT_DIMENSIONS),
        description="Dimensioner: what is assessed (design, performers, owner, infrastructure, "
        "metrics by default).",
    )
    labels: dict[str, Text] = Field(
        default_factory=dict,
        description="Benämningar: what each dimension is called in reports and on the site, "
        "e.g. {performers: Utförare}; PEMM's five dimensions have Swedish and English names "
        "built in.",
    )
    descriptions: dict[int, Text] = Field(
        default_factory=dict,
        description="Nivåbeskrivningar: what each level means, e.g. {0: Saknas, 1: Påbörjad, "
        "2: Definierad, 3: Styrd, 4: Optimerad}; shown with the maturity overview and charts.",
    )

    @model_validator(mode="after")
    def _known_keys(self) -> MaturityConfig:
        for dimension in self.labels:
            if dimension not in self.dimensions:
                raise PydanticCustomError(
                    "maturity_label",
                    "`labels` names `{found}`, which is not one of the `dimensions` ({known})",
                    {"found": dimension, "known": ", ".join(self.dimensions)},
                )
        for level in self.descriptions:
            if level not in self.levels:
                raise PydanticCustomError(
                    "maturity_description",
                    "`descriptions` describes level {found}, which is not one of the `levels` "
                    "({known})",
                    {"found": level, "known": ", ".join(str(n) for n in self.levels)},
                )
        return self


class Config(Strict):
    """processkit.yaml: the repository's configuration."""

    organisation: Text = Field(description="Organisation: e.g. Socialförvaltningen, Kalmar kommun.")
    site: SiteConfig = Field(default_factory=SiteConfig, description="Webbplats: the site.")
    review: ReviewConfig = Field(default_factory=ReviewConfig, description="Revision.")
    maturity: MaturityConfig = Field(
        default_factory=MaturityConfig, description="Mognadsmodell: the maturity instrument."
    )
    # Checked by processkit.rules.settings, which knows every rule and its options and so can
    # say more than a type could ("`windw_days` is not an option of PK103; did you mean …").
    rules: dict[str, Any] = Field(
        default_factory=dict,
        description="Regler: per rule code `off`, `info`, `warning` or `error`, or a mapping "
        "with `severity` and the rule's options.",
        json_schema_extra={
            "additionalProperties": {
                "anyOf": [
                    {"enum": ["off", "info", "warning", "error"]},
                    {"type": "object"},
                ]
            }
        },
    )
    exclude: list[Text] = Field(
        default_factory=list, description="Undanta: globs of files that are not read."
    )
