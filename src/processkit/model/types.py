"""Shared field types: ids, texts, dates and the enumerations of FORMAT.md."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,63}$"
ID_RE = re.compile(ID_PATTERN)
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_iso_date(value: Any) -> Any:
    """Dates are written ``YYYY-MM-DD``; anything else is refused with that advice."""
    if isinstance(value, date):
        return value
    text = value
    if isinstance(text, str) and DATE_RE.match(text.strip()):
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            raise PydanticCustomError(
                "date_value", "`{found}` is not a real date", {"found": text}
            ) from None
    raise PydanticCustomError(
        "date_form", "expected a date written YYYY-MM-DD, found `{found}`", {"found": text}
    )


# Text fields take a number as its text (``name: 1177``, see ``Strict``); the loader already
# keeps a number whose usual form differs from how it was written (``2.10``) as text.
Text = str
Markdown = Annotated[str, Field(json_schema_extra={"contentMediaType": "text/markdown"})]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
IsoDate = Annotated[date, BeforeValidator(parse_iso_date)]

ProcessType = Literal["management", "core", "support"]
Status = Literal["draft", "review", "approved", "retired"]
Frequency = Literal["weekly", "monthly", "quarterly", "yearly"]
Direction = Literal["in", "out"]

#: Swedish words a process leader may write for an English enumeration value.
SWEDISH_VALUES: dict[str, str] = {
    "ledningsprocess": "management",
    "ledning": "management",
    "huvudprocess": "core",
    "kärnprocess": "core",
    "karnprocess": "core",
    "stödprocess": "support",
    "stodprocess": "support",
    "stöd": "support",
    "utkast": "draft",
    "remiss": "review",
    "på remiss": "review",
    "fastställd": "approved",
    "faststalld": "approved",
    "godkänd": "approved",
    "upphörd": "retired",
    "upphord": "retired",
    "in": "in",
    "ut": "out",
    "vecka": "weekly",
    "varje vecka": "weekly",
    "månad": "monthly",
    "månadsvis": "monthly",
    "kvartal": "quarterly",
    "kvartalsvis": "quarterly",
    "år": "yearly",
    "årligen": "yearly",
    "styrning": "governance",
    "operativ": "operational",
    "strategisk": "strategic",
    "taktisk": "tactical",
    "ny": "new",
    "bedöms": "assessing",
    "beviljad": "accepted",
    "antagen": "accepted",
    "avslagen": "rejected",
    "genomförd": "done",
    "klar": "done",
    "helt förenlig": "full",
    "helt": "full",
    "delvis förenlig": "partial",
    "delvis": "partial",
    "inte förenlig": "none",
    "självskattning": "self-assessment",
    "egen granskning": "self-assessment",
    "extern granskning": "third-party",
    "granskning av extern part": "third-party",
}


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, ``x-`` keys are stripped by the loader."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        json_schema_extra={"patternProperties": {"^x-": {}}},
    )


class Approval(Strict):
    """When and by whom something was approved (fastställd)."""

    date: IsoDate = Field(description="Fastställd datum: the day of approval, YYYY-MM-DD.")
    by: Text = Field(description="Fastställd av: who approved it, e.g. Socialnämnden.")
