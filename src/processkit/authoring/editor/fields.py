"""The form of an entity, made from its pydantic model: one ``FormField`` per model field.

What kind of control a field gets follows its type: a ``Literal`` is a choice in words, a date a
date field, an id a choice among the names of what it refers to, a list of models a group of
items that can be added, removed and moved, text meant for several lines a text area.
"""

from __future__ import annotations

import types
import typing
from dataclasses import field
from datetime import date
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from processkit.frozen import frozen
from processkit.model.introspect import model_in

Widget = Literal[
    "text",
    "textarea",
    "lines",
    "date",
    "choice",
    "reference",
    "references",
    "number",
    "group",
    "items",
    "hidden",
]

#: What an id field refers to, by (model, field): the model says it is an id, not of what.
REFERENCES: dict[tuple[str, str], str] = {
    ("Process", "area"): "area",
    ("Process", "parent"): "process",
    ("Process", "owner"): "person",
    ("Process", "leaders"): "person",
    ("Activity", "role"): "role",
    ("Activity", "accountable"): "role",
    ("Activity", "consulted"): "role",
    ("Activity", "informed"): "role",
    ("Activity", "next"): "activity",
    ("Activity", "documents"): "handbook",
    ("Interface", "process"): "process",
    ("Control", "role"): "role",
    ("Document", "handbook"): "handbook",
    ("Area", "owner"): "person",
    ("Handbook", "owner"): "person",
    ("Handbook", "processes"): "process",
    ("Proposal", "process"): "process",
    ("Assessment", "process"): "process",
}
#: Free text written over several lines (Markdown in the model).
_MARKDOWN_MARK = "text/markdown"
#: Scores are whole numbers from 1 to 4.
SCORES = ("1", "2", "3", "4")


@frozen
class FormField:
    """One field of a form: its name in the file, the control it gets, and what it needs."""

    name: str
    widget: Widget
    required: bool
    description: str | None
    #: the values of a choice (a ``Literal``, or the scores)
    choices: tuple[str, ...] = ()
    #: for a reference: the kind it refers to (``activity``: this process's own activities)
    refers_to: str | None = None
    #: for a group or a list of items: the fields of the nested model
    fields: tuple[FormField, ...] = field(default_factory=tuple)
    #: the nested model's name (``Activity``)
    model: str | None = None
    #: for a number or a choice: the file holds a whole number
    integer: bool = False


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is list:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_is_list(arg) for arg in typing.get_args(annotation))
    return False


def _base(annotation: Any) -> Any:
    """``X`` of ``X | None``, ``list[X]``, ``Annotated[X, ...]`` (the first such)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list):
        inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _base(inner[0]) if inner else annotation
    return annotation


def _literals(annotation: Any) -> tuple[str, ...]:
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return tuple(str(value) for value in typing.get_args(annotation))
    if origin is typing.Annotated:
        return _literals(typing.get_args(annotation)[0])
    return ()


def _metadata(annotation: Any) -> tuple[Any, list[Any]]:
    """The type inside ``Annotated`` and everything annotated on it."""
    if typing.get_origin(annotation) is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        return inner, list(extra)
    return annotation, []


def _at_most(extra: list[Any]) -> int | None:
    """The ``le`` bound annotated on a number, if any."""
    for item in extra:
        for inner in [item, *getattr(item, "metadata", [])]:
            bound = getattr(inner, "le", None)
            if isinstance(bound, int):
                return bound
    return None


def _is_markdown(extra: list[Any]) -> bool:
    return any(_MARKDOWN_MARK in repr(item) for item in extra)


def _field(model: type[BaseModel], name: str) -> FormField:
    info = model.model_fields[name]
    annotation = info.annotation
    many = _is_list(annotation)
    base = _base(annotation)
    inner, extra = _metadata(base)
    required = info.is_required()
    description = info.description
    nested = model_in(annotation)
    if name == "kind":
        return FormField(name, "hidden", True, description)
    if nested is not None:
        children = form_of(nested)
        return FormField(
            name,
            "items" if many else "group",
            required,
            description,
            fields=children,
            model=nested.__name__,
        )
    refers_to = REFERENCES.get((model.__name__, name))
    if refers_to is not None:
        return FormField(
            name,
            "references" if many else "reference",
            required,
            description,
            refers_to=refers_to,
        )
    choices = _literals(base)
    if choices:
        return FormField(name, "choice", required, description, choices=choices)
    if inner is date:
        return FormField(name, "date", required, description)
    if inner is int:
        if _at_most(extra) == len(SCORES):
            return FormField(name, "choice", required, description, choices=SCORES, integer=True)
        return FormField(name, "number", required, description, integer=True)
    if many:
        return FormField(name, "lines", required, description)
    if _is_markdown(extra):
        return FormField(name, "textarea", required, description)
    return FormField(name, "text", required, description)


@cache
def form_of(model: type[BaseModel]) -> tuple[FormField, ...]:
    """Every field of ``model``, in the model's (FORMAT.md's) order."""
    return tuple(_field(model, name) for name in model.model_fields)
