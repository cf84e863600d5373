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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: type[T]) -> type[T]:
    """``cls`` as a dataclass of values that never change (see the module)."""
    return dataclass(slots=True, unsafe_hash=True)(cls)
