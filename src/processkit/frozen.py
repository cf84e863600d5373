"""The one way processkit makes a class of values that never change once made (``@frozen``).

It is the dataclass ``dataclass(frozen=True, slots=True)`` makes, as the type checker sees it:
each field is read-only (``dataclass_transform``'s ``frozen_default``), so ``mypy --strict``
refuses any assignment to one, and ``dataclasses.replace`` makes a changed copy. Instances are
equal, and hashed, by their fields, as a frozen dataclass's are.

At run time the class is made without the ``__setattr__`` and ``__delattr__`` that refuse an
assignment: Python 3.11 compiles each from text for every class (the 100 classes of the
site's modules took 66 ms to make with them, 43 ms without), in every command, before any
work. The type checker, which checks every line of processkit, stands in for them; a field
is still set only once, by ``__init__``.

Its ``__repr__``, ``__eq__`` and ``__hash__`` are compiled from text too, the dataclass's
own, but only when first called: a publish after one change makes 216 dataclasses as it
starts, and writes out the values of 50 of them, hashes those of 17 and compares those of 5.
Compiled at once, they took 0.04-0.05 s of the 0.14-0.15 s its classes took to make, in an
hour when the machine ran at half its speed.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: type[T]) -> type[T]:
    """``cls`` as a dataclass of values that never change (see the module)."""
    made = dataclass(slots=True, eq=False, repr=False)(cls)
    for name, first in _FIRST:
        if name not in made.__dict__:  # one the class itself defines is kept
            setattr(made, name, first)
    return made


def _compiled(cls: type[Any], name: str, text: str) -> Callable[..., Any]:
    """The method ``name`` of ``cls`` compiled from ``text`` (named as a dataclass names it),
    put in the class's place of the one that compiled it."""
    space: dict[str, Any] = {}
    exec(text, {}, space)  # the text is made here, of the fields' names
    method: Callable[..., Any] = space[name]
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    if name == "__repr__":
        method = reprlib.recursive_repr()(method)  # as a dataclass's: "..." where it recurs
    setattr(cls, name, method)
    return method


def _first_repr(self: Any) -> str:
    cls = type(self)
    shown = ", ".join(f"{item.name}={{self.{item.name}!r}}" for item in fields(cls) if item.repr)
    text = f'def __repr__(self):\n return self.__class__.__qualname__ + f"({shown})"\n'
    return str(_compiled(cls, "__repr__", text)(self))


def _first_eq(self: Any, other: Any) -> Any:
    cls = type(self)
    names = [item.name for item in fields(cls) if item.compare]
    mine, theirs = "".join(f"self.{n}," for n in names), "".join(f"other.{n}," for n in names)
    text = (
        "def __eq__(self, other):\n"
        " if other.__class__ is self.__class__:\n"
        f"  return ({mine})==({theirs})\n"
        " return NotImplemented\n"
    )
    return _compiled(cls, "__eq__", text)(self, other)


def _first_hash(self: Any) -> int:
    cls = type(self)
    hashed = [
        item.name for item in fields(cls) if (item.hash if item.hash is not None else item.compare)
    ]
    mine = "".join(f"self.{n}," for n in hashed)
    return int(_compiled(cls, "__hash__", f"def __hash__(self):\n return hash(({mine}))\n")(self))


#: The methods compiled when first called, and what compiles each.
_FIRST: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("__repr__", _first_repr),
    ("__eq__", _first_eq),
    ("__hash__", _first_hash),
)
