"""Looking inside the models' type annotations."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside ``X | None``, ``list[X]`` or ``Annotated[X, ...]``, if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return model_in(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = model_in(arg)
            if found is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def vocabulary(model: type[BaseModel], field: str) -> tuple[str, ...]:
    """The values a ``Literal`` field of ``model`` allows, in the model's order."""
    return _literal_values(model.model_fields[field].annotation)


def _literal_values(annotation: Any) -> tuple[str, ...]:
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return tuple(str(value) for value in typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        found: list[str] = []
        for arg in typing.get_args(annotation):
            found += [value for value in _literal_values(arg) if value not in found]
        return tuple(found)
    return ()
