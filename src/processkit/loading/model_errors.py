"""Turning pydantic's validation errors into diagnostics a process leader can act on."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator, Sequence
from datetime import date
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from yaml.nodes import Node

from processkit import i18n
from processkit.diagnostics import OR, Diagnostic, Severity, did_you_mean, fold_swedish, named_ids
from processkit.i18n import N_, _, p_
from processkit.loading.locate import locate, locate_parent_key
from processkit.model.introspect import model_in
from processkit.model.kinds import Language
from processkit.model.types import FIRST_YEAR, LAST_YEAR, SWEDISH_VALUES


def _owner_name(model: type[BaseModel] | None, loc: Sequence[str | int]) -> str:
    """How the model holding a field is named in a message ("a field of an activity"); a
    model without a name of its own by the key it is written under (`colors`)."""
    if model is not None:
        named = _names(i18n.current()).get(model.__name__)
        if named is not None:
            return named
    keys = [part for part in loc[:-1] if isinstance(part, str)]
    return f"`{keys[-1]}`" if keys else p_("field of", "this entry")


@cache
def _names(language: Language) -> dict[str, str]:
    """The names of :func:`_owner_name` in ``language`` (the language in use when called)."""
    return {
        "Area": p_("field of", "a delivery area"),
        "Process": p_("field of", "a process"),
        "Role": p_("field of", "a role"),
        "Person": p_("field of", "a person"),
        "Handbook": p_("field of", "a handbook"),
        "Proposal": p_("field of", "an improvement proposal"),
        "Assessment": p_("field of", "a maturity assessment"),
        "Activity": p_("field of", "an activity"),
        "Interface": p_("field of", "an interface"),
        "Requirement": p_("field of", "a requirement"),
        "Measure": p_("field of", "a measure"),
        "Risk": p_("field of", "a risk"),
        "Control": p_("field of", "a self-check (control)"),
        "Document": p_("field of", "a document"),
        "Chapter": p_("field of", "a chapter"),
        "Approval": "`approved`",
        "Config": "processkit.yaml",
        "SiteConfig": "`site`",
        "ProposalsConfig": "`proposals`",
        "ReviewConfig": "`review`",
        "MaturityConfig": "`maturity`",
    }


def model_diagnostics(
    error: ValidationError, model: type[BaseModel], root: Node, path: str
) -> Iterator[Diagnostic]:
    """One diagnostic per pydantic error, positioned at the key or value at fault."""
    for detail in error.errors(include_url=False):
        yield _one(detail, model, root, path)


def _one(detail: ErrorDetails, model: type[BaseModel], root: Node, path: str) -> Diagnostic:
    loc = [part for part in detail["loc"] if not _is_union_tag(part)]
    at_key = bool(loc) and loc[-1] == "[key]"  # a mapping's key, not its value, is wrong
    if at_key:
        loc = loc[:-1]
    kind = detail["type"]
    found = detail.get("input")
    owner = _model_at(model, loc[:-1]) if loc else model
    owner_name = _owner_name(owner, loc)
    field = str(loc[-1]) if loc else ""

    if kind == "missing":
        mark = locate_parent_key(root, loc)
        return _diag(
            "PK010",
            _("`{field}` is missing: {owner} needs it", field=field, owner=owner_name),
            path,
            mark,
            _("Add a line `{field}: …`.", field=field) + _describe_field(owner, field),
        )
    if kind == "extra_forbidden":
        mark = locate(root, loc, at_key=True)
        fields = sorted(owner.model_fields) if owner else []
        guess = did_you_mean(field, fields)
        if guess:
            message = _(
                "`{field}` is not a field of {owner}; did you mean `{guess}`?",
                field=field,
                owner=owner_name,
                guess=guess,
            )
            hint = _("Rename `{field}` to `{guess}`.", field=field, guess=guess)
        else:
            message = _("`{field}` is not a field of {owner}", field=field, owner=owner_name)
            hint = _("The fields are: {fields}.", fields=", ".join(f"`{name}`" for name in fields))
        hint += " " + _(
            "To keep your own data, start the key with `x-` (for example `x-{field}`).",
            field=field,
        )
        return _diag("PK012", message, path, mark, hint)

    mark = locate(root, loc, at_key=at_key)
    if found is None and kind not in ("document_form",):
        required = owner is not None and _is_required(owner, field)
        code = "PK010" if required else "PK011"
        return _diag(
            code,
            _("`{field}` has no value", field=field),
            path,
            mark,
            _("Write a value after the colon, or remove the line.") + _describe_field(owner, field),
        )
    if at_key:
        label = p_("field", "the key `{key}`", key=field)
    elif field and not field.isdigit():
        label = f"`{field}`"
    else:
        label = p_("field", "this value")
    keys = [str(part) for part in loc[:-1] if isinstance(part, str)]
    within = f"`{field}`" if label == f"`{field}`" or not keys else f"`{keys[-1]}`"
    message, advice = _wrong_value(detail, owner, field, found, label, within)
    return _diag("PK011", message, path, mark, advice)


#: What is wrong with ``site.url`` (processkit.model.config.normal_site_url), by the error's type.
_SITE_URL_FAULTS = {
    "site_url_blank": N_("{label}: an address cannot hold blanks (found {found})"),
    "site_url_scheme": N_(
        "{label}: expected an address starting with https:// or http:// (found {found})"
    ),
    "site_url_host": N_(
        "{label}: expected a host name after the //, such as fyren.kalmar.example.se "
        "(found {found})"
    ),
    "site_url_query": N_("{label}: the site's address cannot hold ? or # (found {found})"),
}
#: The pydantic errors of a whole number that is too small or too large.
_BOUNDS = ("greater_than_equal", "less_than_equal", "greater_than", "less_than")


def _wrong_value(
    detail: ErrorDetails,
    owner: type[BaseModel] | None,
    field: str,
    found: Any,
    label: str,
    within: str,
) -> tuple[str, str | None]:
    """The message and hint for a value of the wrong type or form; ``label`` names it in the
    message, ``within`` names the field it is in (a list's, for an item of a list)."""
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    shown = _describe(found)
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        text = str(found)
        guess = SWEDISH_VALUES.get(text.strip().lower())
        if guess not in allowed:
            guess = did_you_mean(text, allowed)
        message = _(
            "{label} must be one of {allowed}, found {found}",
            label=label,
            allowed=named_ids(allowed, last=OR),
            found=shown,
        )
        return message, _("Did you mean `{guess}`?", guess=guess) if guess else None
    if kind == "string_pattern_mismatch":
        suggestion = _slug(str(found))
        if suggestion:
            hint = _(
                "An id uses only lower-case letters a-z, digits and - _ . (at most 64), "
                "starting with a letter or digit, for example `{suggestion}`.",
                suggestion=suggestion,
            )
        else:
            hint = _(
                "An id uses only lower-case letters a-z, digits and - _ . (at most 64), "
                "starting with a letter or digit."
            )
        if field == "id":
            return _("{found} is not a valid id", found=shown), hint
        return _("{found} is not a valid id (in {field})", found=shown, field=within), hint
    if kind == "date_form":
        meant = meant_date(found)
        if meant is not None:
            hint = _("Write the date as YYYY-MM-DD: did you mean {date}?", date=meant)
        else:
            hint = _("Write the date as YYYY-MM-DD, for example 2026-02-01.")
        message = _(
            "{label}: expected a date written YYYY-MM-DD, found {found}", label=label, found=shown
        )
        return message, hint
    if kind == "date_value":
        return (
            _("{label}: {found} is not a real date", label=label, found=shown),
            _("Write the date as YYYY-MM-DD, for example 2026-02-01."),
        )
    if kind == "date_range":
        return (
            _(
                "{label}: `{found}` is not a likely date: processkit takes years from {first} "
                "to {last}",
                label=label,
                found=ctx.get("found", found),
                first=ctx.get("first", FIRST_YEAR),
                last=ctx.get("last", LAST_YEAR),
            ),
            _(
                "Check the year, it is probably mistyped; write the date as YYYY-MM-DD, for "
                "example 2026-02-01."
            ),
        )
    if kind in _BOUNDS:
        expected = _whole_number(owner, field) if _bounds(owner, field)[0] is not None else None
        expected = expected or _bound(kind, ctx)
        return _must_be(label, expected, shown), None
    if kind in ("int_parsing", "int_type", "int_from_float", "number_text", "number_fraction"):
        return _must_be(label, _whole_number(owner, field), shown), None
    if kind == "number_bool":
        expected = _whole_number(owner, field)
        return (
            _must_be(label, expected, shown),
            _("`true` and `false` are not numbers: write {expected}.", expected=expected),
        )
    if kind == "number_quoted":
        text = str(found).strip()
        if label == f"`{field}`":
            hint = _(
                "Remove the quotes: a number is written without them; write `{field}: {number}`.",
                field=field,
                number=text,
            )
        else:
            hint = _(
                "Remove the quotes: a number is written without them; write {number}.",
                number=text,
            )
        return (
            _(
                '{label} must be {expected}, found the text `"{text}"`',
                label=label,
                expected=_whole_number(owner, field),
                text=found,
            ),
            hint,
        )
    if kind == "string_type":
        return (
            _("{label} must be text, found {found}", label=label, found=shown),
            _("Write the text on the same line as the key, or put it in quotes."),
        )
    if kind == "list_type":
        if isinstance(found, bool):
            example: object = str(found).lower()
        else:
            example = found if isinstance(found, str | int) else "a, b"
        return (
            _("{label} must be a list, found {found}", label=label, found=shown),
            _(
                "Write it as a list: `{field}: [{example}]`, or one `- item` per line.",
                field=field,
                example=example,
            ),
        )
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        fields = ", ".join(sorted(_required_fields(_model_at_field(owner, field))))
        advice = _("Write it as `key: value` lines ({fields}).", fields=fields) if fields else None
        return (
            _(
                "{label} must be `field: value` lines, found {found}",
                label=label,
                found=shown,
            ),
            advice,
        )
    if kind == "document_form":
        # the model's own words (processkit.model.process), one of these two
        N_("a document needs either `handbook`, or both `title` and `url`")
        N_("a document is either a `handbook` or a `title` with a `url`, not both")
        return (
            _(detail["msg"]),
            _("Write `- handbook: <handbook id>` or `- title: …` with `url: https://…`."),
        )
    if kind == "color_form":
        return (
            _(
                "{label}: expected a colour written #rrggbb, such as #005596 (found {found})",
                label=label,
                found=shown,
            ),
            None,
        )
    if kind in _SITE_URL_FAULTS:
        return (
            _(_SITE_URL_FAULTS[kind], label=label, found=shown),
            _(
                "Write the address where the published site is reached, such as "
                "https://fyren.kalmar.example.se/."
            ),
        )
    if kind == "maturity_label":
        return (
            _(
                "{label}: `labels` names `{found}`, which is not one of the `dimensions` ({known})",
                label=label,
                found=ctx.get("found", ""),
                known=ctx.get("known", ""),
            ),
            None,
        )
    if kind == "maturity_description":
        return (
            _(
                "{label}: `descriptions` describes level {found}, which is not one of the "
                "`levels` ({known})",
                label=label,
                found=ctx.get("found", ""),
                known=ctx.get("known", ""),
            ),
            None,
        )
    if kind in ("bool_type", "bool_parsing"):
        return _("{label} must be true or false, found {found}", label=label, found=shown), None
    if kind == "string_too_long":
        return (
            _(
                "{label} is too long: at most {limit} characters",
                label=label,
                limit=ctx.get("max_length", "?"),
            ),
            None,
        )
    # A check processkit does not know the words of: say where, never pydantic's English.
    return _(
        "{label}: processkit cannot use this value (found {found})", label=label, found=shown
    ), None


def _must_be(label: str, expected: str, shown: str) -> str:
    return _(
        "{label} must be {expected}, found {found}", label=label, expected=expected, found=shown
    )


def _bound(kind: str, ctx: dict[str, Any]) -> str:
    """The bound a number broke, in words, when the field does not say it."""
    if kind == "greater_than_equal":
        return _("a whole number at least {limit}", limit=ctx.get("ge", "?"))
    if kind == "less_than_equal":
        return _("a whole number at most {limit}", limit=ctx.get("le", "?"))
    if kind == "greater_than":
        return _("a whole number greater than {limit}", limit=ctx.get("gt", "?"))
    return _("a whole number less than {limit}", limit=ctx.get("lt", "?"))


#: A date written the Swedish way, day before month (``5/1 2026``, ``5/1-2026``, ``5.1.2026``,
#: ``5 jan 2026``, ``5 januari 2026``), or year first without leading zeros (``2026-1-5``), or
#: in eight digits (``20260105``).
_DAY_FIRST = re.compile(r"(\d{1,2})\s*[/.]\s*(\d{1,2})\s*(?:[-/.]\s*|\s+)(\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")
_EIGHT_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONTH_NAMED = re.compile(r"(\d{1,2})\.?\s*([a-zåäö]+)\.?\s+(\d{4})")
_MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
#: Swedish and English month names and their abbreviations (``jan``, ``sept``, ``okt``).
_MONTH_NUMBERS = {
    **{name: number for number, name in enumerate(_MONTHS, 1)},
    **{name[:3]: number for number, name in enumerate(_MONTHS, 1)},
    **{"january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7},
    **{"august": 8, "october": 10, "oct": 10, "sept": 9},
}


def meant_date(found: Any) -> str | None:
    """The date YYYY-MM-DD that ``found`` most likely means, when it is a real date written
    another way (the Swedish way: the day before the month); else None."""
    if isinstance(found, bool) or not isinstance(found, str | int):
        return None
    text = str(found).strip()
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year = match.groups()
    elif match := _YEAR_FIRST.fullmatch(text) or _EIGHT_DIGITS.fullmatch(text):
        year, month, day = match.groups()
    elif (match := _MONTH_NAMED.fullmatch(text.lower())) and match[2] in _MONTH_NUMBERS:
        day, year = match[1], match[3]
        month = str(_MONTH_NUMBERS[match[2]])
    else:
        return None
    try:
        meant = date(int(year), int(month), int(day))
    except ValueError:
        return None
    if not FIRST_YEAR <= meant.year <= LAST_YEAR:
        return None
    return meant.isoformat()


def _whole_number(owner: type[BaseModel] | None, field: str) -> str:
    low, high = _bounds(owner, field)
    if low is None:
        return _("a whole number")
    return _("a whole number from {low} to {high}", low=low, high=high)


def _diag(code: str, message: str, path: str, mark: Any, hint: str | None) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, path, mark.line, mark.column, hint)


def _describe(value: Any) -> str:
    if value is None:
        return p_("found", "nothing")
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return p_("found", "a list")
    if isinstance(value, dict):
        return p_("found", "`key: value` lines")
    text = str(value).replace("\n", " ")
    if len(text) > 60:
        text = text[:59] + "…"
    return f"`{text}`"


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", fold_swedish(text.strip())).strip("-._")
    return slug[:64]


def _is_union_tag(part: str | int) -> bool:
    return isinstance(part, str) and (
        part.startswith(("function-", "constrained-"))
        or part in ("str", "int", "list[str]", "dict[str,any]")
    )


def _model_at_field(model: type[BaseModel] | None, field: str) -> type[BaseModel] | None:
    if model is None or field not in model.model_fields:
        return None
    return model_in(model.model_fields[field].annotation)


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int):
            continue
        current = _model_at_field(current, part)
        if current is None:
            return None
    return current


def _is_required(model: type[BaseModel], field: str) -> bool:
    info = model.model_fields.get(field)
    return bool(info and info.is_required())


def _required_fields(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [name for name, info in model.model_fields.items() if info.is_required()]


def _bounds(model: type[BaseModel] | None, field: str) -> tuple[int | None, int | None]:
    info = model.model_fields.get(field) if model else None
    low = high = None
    if info is not None:
        for item in [*info.metadata, *_metadata(info.annotation)]:
            low = getattr(item, "ge", low)
            high = getattr(item, "le", high)
    return low, high


def _metadata(annotation: Any) -> list[Any]:
    """Every constraint object inside an annotation (through unions and ``Annotated``)."""
    found: list[Any] = []
    if typing.get_origin(annotation) is typing.Annotated:
        for item in annotation.__metadata__:
            found.append(item)
            found.extend(getattr(item, "metadata", []))
    for arg in typing.get_args(annotation):
        if arg is not annotation and typing.get_origin(arg) is not None:
            found.extend(_metadata(arg))
    return found


def _describe_field(model: type[BaseModel] | None, field: str) -> str:
    """The field's description after a hint, in English only: the descriptions are the
    JSON Schemas' English (with the Swedish name first), not words of the catalogue."""
    info = model.model_fields.get(field) if model else None
    if info is None or not info.description or i18n.current() != "en":
        return ""
    return " " + info.description
