"""Turning pydantic's validation errors into diagnostics a process leader can act on."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from yaml.nodes import Node

from processkit.diagnostics import Diagnostic, Severity, did_you_mean, fold_swedish
from processkit.loading.locate import locate, locate_parent_key
from processkit.model.introspect import model_in
from processkit.model.types import SWEDISH_VALUES

#: How a model is named in a message ("a field of an activity").
_NAMES: dict[str, str] = {
    "Area": "a delivery area",
    "Process": "a process",
    "Role": "a role",
    "Person": "a person",
    "Handbook": "a handbook",
    "Proposal": "an improvement proposal",
    "Assessment": "a maturity assessment",
    "Activity": "an activity",
    "Interface": "an interface",
    "Requirement": "a requirement",
    "Measure": "a measure",
    "Risk": "a risk",
    "Control": "a self-check (control)",
    "Document": "a document",
    "Chapter": "a chapter",
    "Approval": "`approved`",
    "Config": "processkit.yaml",
    "SiteConfig": "`site`",
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
    kind = detail["type"]
    found = detail.get("input")
    owner = _model_at(model, loc[:-1]) if loc else model
    owner_name = _NAMES.get(owner.__name__, owner.__name__) if owner else "this entry"
    field = str(loc[-1]) if loc else ""

    if kind == "missing":
        mark = locate_parent_key(root, loc)
        return _diag(
            "PK010",
            f"`{field}` is missing: {owner_name} needs it",
            path,
            mark,
            f"Add a line `{field}: …`." + _describe_field(owner, field),
        )
    if kind == "extra_forbidden":
        mark = locate(root, loc, at_key=True)
        fields = sorted(owner.model_fields) if owner else []
        guess = did_you_mean(field, fields)
        message = f"`{field}` is not a field of {owner_name}"
        if guess:
            message += f"; did you mean `{guess}`?"
            hint = f"Rename `{field}` to `{guess}`."
        else:
            hint = "The fields are: " + ", ".join(f"`{name}`" for name in fields) + "."
        hint += " To keep your own data, start the key with `x-` (for example `x-" + field + "`)."
        return _diag("PK012", message, path, mark, hint)

    mark = locate(root, loc)
    if found is None and kind not in ("document_form",):
        required = owner is not None and _is_required(owner, field)
        code = "PK010" if required else "PK011"
        return _diag(
            code,
            f"`{field}` has no value",
            path,
            mark,
            "Write a value after the colon, or remove the line." + _describe_field(owner, field),
        )
    message, advice = _wrong_value(detail, owner, field, found)
    return _diag("PK011", message, path, mark, advice)


def _wrong_value(
    detail: ErrorDetails, owner: type[BaseModel] | None, field: str, found: Any
) -> tuple[str, str | None]:
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    shown = _describe(found)
    label = f"`{field}`" if field and not field.isdigit() else "this value"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        text = str(found)
        guess = SWEDISH_VALUES.get(text.strip().lower())
        if guess not in allowed:
            guess = did_you_mean(text, allowed)
        message = f"{label} must be one of {_alternatives(allowed)}, found {shown}"
        return message, f"Did you mean `{guess}`?" if guess else None
    if kind == "string_pattern_mismatch":
        suggestion = _slug(str(found))
        hint = "An id uses only lower-case letters a-z, digits and - _ . (at most 64), "
        hint += "starting with a letter or digit"
        hint += f", for example `{suggestion}`." if suggestion else "."
        where = "" if field == "id" else f" (in {label})"
        return f"{shown} is not a valid id{where}", hint
    if kind in ("date_form", "date_value"):
        return (
            f"{label}: {detail['msg']}",
            "Write the date as YYYY-MM-DD, for example 2026-02-01.",
        )
    if kind == "date_range":
        return (
            f"{label}: {detail['msg']}",
            "Check the year, it is probably mistyped; write the date as YYYY-MM-DD, "
            "for example 2026-02-01.",
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        low, high = _bounds(owner, field)
        expected = f"a whole number from {low} to {high}" if low is not None else detail["msg"]
        return f"{label} must be {expected}, found {shown}", None
    if kind in ("int_parsing", "int_type", "int_from_float", "number_text", "number_fraction"):
        return f"{label} must be {_whole_number(owner, field)}, found {shown}", None
    if kind == "number_bool":
        expected = _whole_number(owner, field)
        return (
            f"{label} must be {expected}, found {shown}",
            f"`true` and `false` are not numbers: write {expected}.",
        )
    if kind == "number_quoted":
        text = str(found).strip()
        where = f"write `{field}: {text}`" if label != "this value" else f"write {text}"
        return (
            f'{label} must be {_whole_number(owner, field)}, found the text `"{found}"`',
            f"Remove the quotes: a number is written without them; {where}.",
        )
    if kind in ("string_type",):
        return (
            f"{label} must be text, found {shown}",
            "Write the text on the same line as the key, or put it in quotes.",
        )
    if kind in ("list_type",):
        example = found if isinstance(found, str | int) else "a, b"
        return (
            f"{label} must be a list, found {shown}",
            f"Write it as a list: `{field}: [{example}]`, or one `- item` per line.",
        )
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        fields = ", ".join(sorted(_required_fields(_model_at_field(owner, field))))
        advice = f"Write it as `key: value` lines ({fields})." if fields else None
        return f"{label} must be `key: value` lines (a mapping), found {shown}", advice
    if kind == "document_form":
        return (
            detail["msg"],
            "Write `- handbook: <handbook id>` or `- title: …` with `url: https://…`.",
        )
    if kind in ("bool_type", "bool_parsing"):
        return f"{label} must be true or false, found {shown}", None
    if kind == "string_too_long":
        return f"{label} is too long: {detail['msg']}", None
    if isinstance(found, dict | list):  # a check of a whole mapping: its message says it all
        return f"{label}: {detail['msg']}", None
    return f"{label}: {detail['msg']} (found {shown})", None


def _whole_number(owner: type[BaseModel] | None, field: str) -> str:
    low, high = _bounds(owner, field)
    return f"a whole number from {low} to {high}" if low is not None else "a whole number"


def _diag(code: str, message: str, path: str, mark: Any, hint: str | None) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, path, mark.line, mark.column, hint)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "`key: value` lines"
    text = str(value).replace("\n", " ")
    if len(text) > 60:
        text = text[:59] + "…"
    return f"`{text}`"


def _alternatives(values: Sequence[str]) -> str:
    quoted = [f"`{value}`" for value in values]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


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
    info = model.model_fields.get(field) if model else None
    if info is None or not info.description:
        return ""
    return " " + info.description
