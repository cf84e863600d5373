"""The repository configuration, ``processkit.yaml``."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from processkit.model.types import Strict, Text

RuleSeverity = Literal["off", "info", "warning", "error"]

DEFAULT_DIMENSIONS = ["design", "performers", "owner", "infrastructure", "metrics"]
DEFAULT_LEVELS = [0, 1, 2, 3, 4]


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


class Config(Strict):
    """processkit.yaml: the repository's configuration."""

    organisation: Text = Field(description="Organisation: e.g. Socialförvaltningen, Kalmar kommun.")
    site: SiteConfig = Field(default_factory=SiteConfig, description="Webbplats: the site.")
    review: ReviewConfig = Field(default_factory=ReviewConfig, description="Revision.")
    maturity: MaturityConfig = Field(
        default_factory=MaturityConfig, description="Mognadsmodell: the maturity instrument."
    )
    rules: dict[str, RuleSeverity | dict[str, Any]] = Field(
        default_factory=dict,
        description="Regler: per rule code `off`, `info`, `warning` or `error`, or a mapping "
        "with `severity` and the rule's options.",
    )
    exclude: list[Text] = Field(
        default_factory=list, description="Undanta: globs of files that are not read."
    )
