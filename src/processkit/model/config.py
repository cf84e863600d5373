"""The repository configuration, ``processkit.yaml``."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StrictInt,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from processkit.model.types import (
    LEVEL_KEY_PATTERN,
    IsoDate,
    LevelKey,
    Strict,
    Text,
    WholeNumber,
    whole_number,
)

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


Color = Annotated[
    str,
    AfterValidator(_hex_color),
    WithJsonSchema({"type": "string", "pattern": HEX_COLOR.pattern}),
]
#: The site's own address: http(s), a host, no query or fragment, no blanks (the JSON Schema's
#: pattern says the same as :func:`normal_site_url`).
SITE_URL_PATTERN = r"^[hH][tT][tT][pP][sS]?://[^\s/?#]+(/[^\s?#]*)?$"
_SCHEME = re.compile(r"^https?://", re.IGNORECASE)


def normal_site_url(value: str) -> str:
    """The site's address, checked and ending in one ``/``; the first fault found is named
    (the type of the error, for :mod:`processkit.loading.model_errors`)."""
    if any(char.isspace() for char in value):
        raise PydanticCustomError("site_url_blank", "an address holds no blanks")
    if not _SCHEME.match(value):
        raise PydanticCustomError("site_url_scheme", "expected an address starting with https://")
    rest = value.split("://", 1)[1]
    if not re.split(r"[/?#]", rest, maxsplit=1)[0]:
        raise PydanticCustomError("site_url_host", "expected a host name after https://")
    if "?" in rest or "#" in rest:
        raise PydanticCustomError("site_url_query", "the site's address holds no ? or #")
    return value.rstrip("/") + "/"


SiteUrl = Annotated[
    str,
    AfterValidator(normal_site_url),
    WithJsonSchema({"type": "string", "pattern": SITE_URL_PATTERN}),
]
#: At most ten years between reviews; a bound also keeps every review date in the calendar.
IntervalMonths = Annotated[StrictInt, Field(ge=1, le=120), BeforeValidator(whole_number)]


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
    phone: Text | None = Field(default=None, description="Telefon: e.g. 070-174 06 50.")
    url: Text | None = Field(
        default=None, description="Webbformulär: the address of a form for reporting problems."
    )


#: How the site complies with the law on accessibility of digital public services (DOS-lagen):
#: helt, delvis or inte förenlig.
Compliance = Literal["full", "partial", "none"]
#: How compliance was assessed: a self-assessment, or an audit by an external party.
AssessmentMethod = Literal["self-assessment", "third-party"]


class Shortcoming(Strict):
    """Brist: content that is not accessible."""

    content: Text = Field(
        description="Innehåll: what the shortcoming concerns, e.g. Processkartorna, "
        "Handböckernas tabeller."
    )
    problem: Text = Field(
        description="Brist: what does not work, and for whom, e.g. Tabellerna saknar "
        "rubrikceller, så en skärmläsare läser dem som löpande text."
    )
    criteria: list[Text] = Field(
        default_factory=list,
        description="Kriterier: the WCAG success criteria not met, e.g. [1.3.1].",
    )
    alternative: Text | None = Field(
        default=None, description="Alternativ: an accessible way to the same content, if any."
    )
    fixed_by: IsoDate | None = Field(
        default=None, description="Åtgärdas senast: the day it is to be fixed, YYYY-MM-DD."
    )


class BurdenExemption(Strict):
    """Oskäligt betungande anpassning: content exempted because making it accessible would
    be a disproportionate burden (12 § of the law)."""

    content: Text = Field(description="Innehåll: what is exempted, e.g. Filmarkivet 2019.")
    reason: Text = Field(
        description="Motivering: why it would be a disproportionate burden; the law requires "
        "a clear reason."
    )


class OutsideLaw(Strict):
    """Innehåll som inte omfattas av lagstiftningen: content the law does not apply to (9 §)."""

    content: Text = Field(description="Innehåll: what it is, e.g. Inskannade protokoll.")
    reason: Text | None = Field(
        default=None,
        description="Skäl: why the law does not apply, e.g. published before 23 September 2018.",
    )


class AccessibilityStatement(Strict):
    """Tillgänglighetsredogörelse: what the accessibility statement says, as the Agency for
    Digital Government (Digg) requires it; unset fields make the statement say it is not
    complete, never that the site complies."""

    status: Compliance | None = Field(
        default=None,
        description="Förenlighet: `full` (helt förenlig), `partial` (delvis förenlig) or "
        "`none` (inte förenlig) with the law on accessibility of digital public services.",
    )
    assessed: IsoDate | None = Field(
        default=None, description="Bedömd: the day compliance was assessed, YYYY-MM-DD."
    )
    method: AssessmentMethod | None = Field(
        default=None,
        description="Metod: `self-assessment` (självskattning) or `third-party` (granskning "
        "av extern part).",
    )
    assessor: Text | None = Field(
        default=None, description="Granskare: who assessed, e.g. the external party's name."
    )
    updated: IsoDate | None = Field(
        default=None,
        description="Uppdaterad: the day the statement was last updated, YYYY-MM-DD "
        "(default: the day the site was published).",
    )
    shortcomings: list[Shortcoming] = Field(
        default_factory=list,
        description="Brister: content that is not accessible (innehåll som inte är tillgängligt).",
    )
    disproportionate_burden: list[BurdenExemption] = Field(
        default_factory=list,
        description="Oskäligt betungande anpassning: content exempted as a disproportionate "
        "burden (12 § of the law), each with its reason.",
    )
    outside_law: list[OutsideLaw] = Field(
        default_factory=list,
        description="Utanför lagen: content the law does not apply to (9 §), e.g. documents "
        "published before 23 September 2018.",
    )


class SiteConfig(Strict):
    """Webbplats: how the published management-system site looks."""

    title: Text = Field(default="Processer", description="Titel: the site's title, e.g. Fyren.")
    language: Literal["sv", "en"] = Field(
        default="sv",
        description="Språk: the site's language, `sv` (svenska) or `en` (English); by default "
        "the repository's `language`.",
    )
    logo: Text | None = Field(default=None, description="Logotyp: a path in the repository.")
    feedback_url: Text | None = Field(
        default=None,
        description="Förbättringsförslag: address for suggesting an improvement; {id} is the "
        "process id.",
    )
    url: SiteUrl | None = Field(
        default=None,
        description="Webbadress: the address where the published site is reached, http(s), "
        "e.g. https://fyren.kalmar.example.se/; with it, the proposal e-mails give the page's "
        "address, the feeds' links are absolute and every page names its canonical address.",
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
    accessibility: AccessibilityStatement = Field(
        default_factory=AccessibilityStatement,
        description="Tillgänglighetsredogörelse: compliance, assessment, shortcomings and "
        "exemptions, as Digg requires them in the accessibility statement.",
    )
    templates: Text | None = Field(
        default=None,
        description="Mallar: a folder in the repository with templates that override the "
        "built-in ones (they extend base.html's blocks).",
    )


class ProposalsConfig(Strict):
    """Förslagsinkorg: how anyone, with or without a git account, sends an improvement
    proposal from the site."""

    email: Text | None = Field(
        default=None,
        description="E-post: the address proposals are sent to, e.g. processtod@example.se; "
        "the site offers an e-mail with the process filled in.",
    )
    form_url: Text | None = Field(
        default=None,
        description="Webbformulär: the address of a form for proposals; {id} is the process "
        "id, e.g. https://forms.example.se/forslag?process={id}.",
    )


class ReviewConfig(Strict):
    """Revision: when processes fall due for review."""

    interval_months: IntervalMonths = Field(
        default=12,
        description="Revisionsintervall: months from approval until a process is due for review.",
    )


class MaturityConfig(Strict):
    """Mognadsmodell: the maturity instrument (PEMM's enablers by default)."""

    levels: list[WholeNumber] = Field(
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
    descriptions: dict[LevelKey, Text] = Field(
        default_factory=dict,
        description="Nivåbeskrivningar: what each level means, e.g. {0: Saknas, 1: Påbörjad, "
        "2: Definierad, 3: Styrd, 4: Optimerad}; shown with the maturity overview and charts.",
        json_schema_extra={"propertyNames": {"pattern": LEVEL_KEY_PATTERN}},
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
    language: Literal["sv", "en"] = Field(
        default="sv",
        description="Språk: the language processkit speaks in messages, reports and the site, "
        "`sv` (svenska, default) or `en` (English); `--lang` and PROCESSKIT_LANG override it "
        "for one run.",
    )
    site: SiteConfig = Field(default_factory=SiteConfig, description="Webbplats: the site.")
    proposals: ProposalsConfig = Field(
        default_factory=ProposalsConfig,
        description="Förslagsinkorg: where proposals from the site are sent, by e-mail and/or a "
        "web form.",
    )
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

    @model_validator(mode="before")
    @classmethod
    def _site_speaks_the_repository_language(cls, data: Any) -> Any:
        """``site.language`` defaults to the top-level ``language``."""
        if not isinstance(data, dict) or data.get("language") not in ("sv", "en"):
            return data
        site = data.get("site", {})
        if isinstance(site, dict) and "language" not in site:
            return {**data, "site": {**site, "language": data["language"]}}
        return data
