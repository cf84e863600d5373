"""Shared field types: ids, texts, dates and the enumerations of FORMAT.md."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from processkit.model.numbers import WrittenNumber, read_number

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,63}$"
ID_RE = re.compile(ID_PATTERN)
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
#: The years a date may fall in: a date outside them is a slip of the keyboard (20026, 1026),
#: and keeping dates well inside the calendar keeps every date computed from them there too.
FIRST_YEAR, LAST_YEAR = 1900, 2199
DATE_PATTERN = r"^(?:19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}$"
LEVEL_KEY_PATTERN = r"^[-+]?[0-9]{1,9}$"
LEVEL_KEY_RE = re.compile(LEVEL_KEY_PATTERN)


def parse_iso_date(value: Any) -> Any:
    """Dates are written ``YYYY-MM-DD`` in the years 1900-2199; anything else is refused with
    that advice."""
    if isinstance(value, date):
        found = value
    elif isinstance(value, str) and DATE_RE.match(value):
        try:
            found = date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_value", "`{found}` is not a real date", {"found": value}
            ) from None
    else:
        raise PydanticCustomError(
            "date_form", "expected a date written YYYY-MM-DD, found `{found}`", {"found": value}
        )
    if not FIRST_YEAR <= found.year <= LAST_YEAR:
        raise PydanticCustomError(
            "date_range",
            "`{found}` is not a likely date: processkit takes years from {first} to {last}",
            {"found": found.isoformat(), "first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return found


def whole_number(value: Any) -> Any:
    """A number field takes an integer (``2``, ``2.0``, ``0x2``): never true or false, and
    never text, even text that reads as a number (``"2"``), so that processkit and the JSON
    Schemas agree."""
    if isinstance(value, bool):
        raise PydanticCustomError("number_bool", "expected a whole number, found `{found}`")
    if isinstance(value, WrittenNumber):
        value = value.number
    elif isinstance(value, str):
        kind = "number_quoted" if read_number(value.strip()) is not None else "number_text"
        raise PydanticCustomError(kind, "expected a whole number, found `{found}`")
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise PydanticCustomError("number_fraction", "expected a whole number")
    return value


def level_key(value: Any) -> Any:
    """A level named as a key (``descriptions: {0: Saknas}``): keys are text, written in digits."""
    if isinstance(value, str) and LEVEL_KEY_RE.match(value):
        return int(value)
    return value


# The typing of values, decided once (README, "Additions to FORMAT.md"): a text field takes a
# number too, kept exactly as it was written (the loader keeps ``2.10`` as the text "2.10"),
# and its JSON Schema says "string or number"; ``fmt`` puts such numbers in quotes. A number
# field takes an integer only: never true or false, never text (``"2"``), in ``validate`` as
# in the schemas.
_TEXT_SCHEMA: dict[str, Any] = {"type": ["string", "number"]}
Text = Annotated[str, WithJsonSchema(_TEXT_SCHEMA)]
Markdown = Annotated[str, WithJsonSchema({**_TEXT_SCHEMA, "contentMediaType": "text/markdown"})]
#: A JSON number is never checked against the id pattern: its spelling is lost in JSON, so a
#: number at least 0 stands in for "digits" (``id: 2024``, ``next: [1.1]``).
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    WithJsonSchema(
        {"anyOf": [{"type": "string", "pattern": ID_PATTERN}, {"type": "number", "minimum": 0}]}
    ),
]
IsoDate = Annotated[
    date,
    BeforeValidator(parse_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]
#: A number field. With bounds: ``Annotated[StrictInt, Field(ge=1, le=4),
#: BeforeValidator(whole_number)]`` (bounds after the validator reach the JSON Schema as
#: ``ge``/``le``, which no schema tool reads).
WholeNumber = Annotated[StrictInt, BeforeValidator(whole_number)]
#: A level named as a mapping key, in digits (keys are always text).
LevelKey = Annotated[StrictInt, BeforeValidator(level_key)]

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
    "nytt": "new",
    "bereds": "assessing",
    "bedöms": "assessing",
    "beviljad": "accepted",
    "beviljat": "accepted",
    "antagen": "accepted",
    "avslagen": "rejected",
    "avslaget": "rejected",
    "genomförd": "done",
    "genomfört": "done",
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


#: Every mapping takes ``x-`` keys (FORMAT.md): the loader strips them, the schemas allow them.
EXTENSION_KEYS: dict[str, Any] = {"patternProperties": {"^x-": {}}}


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, ``x-`` keys are stripped by the loader;
    a text field takes a number as its text (``coerce_numbers_to_str``)."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        json_schema_extra=EXTENSION_KEYS,
    )


class Approval(Strict):
    """When and by whom something was approved (fastställd)."""

    date: IsoDate = Field(description="Fastställd datum: the day of approval, YYYY-MM-DD.")
    by: Text = Field(description="Fastställd av: who approved it, e.g. Socialnämnden.")
