"""Where a file holds text: the fields whose value is text, read from the models.

``fmt`` puts a number written in a text field in quotes (``version: "2.10"``), so that every
YAML tool reads the text processkit reads.
"""

from __future__ import annotations

import types
import typing
from dataclasses import field
from functools import cache
from typing import Any

from pydantic import BaseModel

from processkit.frozen import frozen


@frozen
class TextFields:
    """The keys of one kind of mapping whose value is text (or a list or mapping of texts),
    and the text fields of each nested mapping."""

    text: frozenset[str] = frozenset()
    nested: dict[str, TextFields] = field(default_factory=dict)


#: A mapping processkit knows nothing of (an ``x-`` key's value, ``rules``).
NO_TEXT = TextFields()


def _inner(annotation: Any) -> Any:
    """The type a field holds, through ``Annotated``, ``X | None``, ``list[X]`` and the values
    of ``dict[K, X]``; None when it may hold several different types."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        kept = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _inner(kept[0]) if len(kept) == 1 else None
    if origin is list:
        return _inner(typing.get_args(annotation)[0])
    if origin is dict:
        return _inner(typing.get_args(annotation)[1])
    return annotation


@cache
def text_fields_of(model: type[BaseModel]) -> TextFields:
    """The text fields of ``model`` and of the models nested in it."""
    text: set[str] = set()
    nested: dict[str, TextFields] = {}
    for name, info in model.model_fields.items():
        inner = _inner(info.annotation)
        if inner is str:
            text.add(name)
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            nested[name] = text_fields_of(inner)
    return TextFields(frozenset(text), nested)


def text_fields_for_kind(kind: object) -> TextFields:
    """The text fields of an entity of ``kind``; NO_TEXT for a kind processkit does not know."""
    from processkit.model import KINDS

    model = KINDS.get(kind) if isinstance(kind, str) else None
    return text_fields_of(model) if model is not None else NO_TEXT


def config_text_fields() -> TextFields:
    """The text fields of ``processkit.yaml``."""
    from processkit.model import Config

    return text_fields_of(Config)
