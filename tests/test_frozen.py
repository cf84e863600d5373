"""A class of values made with ``@frozen`` writes out, compares and hashes its values as the
standard library's dataclass does, though it compiles those methods only when first called
(issue 17: a command's start-up)."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from dataclasses import InitVar, field
from typing import Any, ClassVar

import pytest

import processkit
from processkit.frozen import frozen


def _both(body: dict[str, Any], name: str) -> tuple[type, type]:
    """The class ``name`` of ``body`` made by ``@frozen`` and by the standard dataclass."""
    made: list[type] = []
    for make in (frozen, dataclasses.dataclass(slots=True, unsafe_hash=True)):
        namespace = {
            key: value() if callable(value) else value
            for key, value in {**body, "__annotations__": dict(body["__annotations__"])}.items()
        }
        made.append(make(type(name, (), namespace)))
    return made[0], made[1]


def _outcome(call: Any, value: Any) -> tuple[str, Any]:
    """What ``call(value)`` gives, or the kind of error it raises."""
    try:
        return "gives", call(value)
    except TypeError as error:
        return "raises", type(error)


def _fields(**kinds: Any) -> dict[str, Any]:
    annotations = {name: kind[0] for name, kind in kinds.items()}
    defaults = {name: kind[1] for name, kind in kinds.items() if len(kind) > 1}
    return {"__annotations__": annotations, **defaults}


_SHAPES: dict[str, dict[str, Any]] = {
    "no fields": _fields(),
    "one field": _fields(a="int"),
    "defaults": _fields(a="str", b=("int", 2), c=("tuple[str, ...]", ("x", "y"))),
    "a factory": _fields(a="int", b=("list[int]", lambda: field(default_factory=list))),
    "hidden and not compared": _fields(
        a="int",
        b=("str", lambda: field(default="x", repr=False)),
        c=("int", lambda: field(default=0, compare=False)),
        d=("int", lambda: field(default=0, compare=False, hash=True)),
        e=("int", lambda: field(default=0, hash=False)),
    ),
    "a class variable and an init variable": _fields(
        a="int", k=(ClassVar[int], 7), i=(InitVar[int], 1)
    ),
}
_VALUES: dict[str, list[tuple[Any, ...]]] = {
    "no fields": [()],
    "one field": [(1,), (2,), (True,)],
    "defaults": [("a",), ("a", 3), ("a", 2, ("x", "y")), ("b", 2, ())],
    "a factory": [(1,), (1, [2]), (2, [2])],
    "hidden and not compared": [(1,), (1, "y"), (1, "x", 5), (1, "x", 0, 4), (1, "x", 0, 0, 9)],
    "a class variable and an init variable": [(1,), (1, 2), (2, 1)],
}


@pytest.mark.parametrize("shape", list(_SHAPES))
def test_a_frozen_class_writes_out_compares_and_hashes_as_a_dataclass(shape: str) -> None:
    ours, theirs = _both(_SHAPES[shape], "Värde")
    made = [(ours(*values), theirs(*values)) for values in _VALUES[shape]]
    for mine, standard in made:
        assert repr(mine) == repr(standard)
        assert _outcome(hash, mine) == _outcome(hash, standard)
        for other, other_standard in made:
            assert (mine == other) == (standard == other_standard)
            assert (mine != other) == (standard != other_standard)
        assert mine != standard  # another class: neither says it is equal
        assert mine.__eq__(standard) is NotImplemented
    # compiled once, when first called, then the class's own
    for name in ("__repr__", "__eq__", "__hash__"):
        assert ours.__dict__[name].__qualname__ == f"Värde.{name}"
        assert ours.__dict__[name].__code__ is not None


def test_a_subclass_writes_out_its_own_name_and_is_not_equal_to_its_base() -> None:
    @frozen
    class Base:
        a: int

    @frozen
    class Child(Base):
        b: int = 0

    class Plain(Base):
        __slots__ = ()

    assert repr(Child(1, 2)).endswith(".<locals>.Child(a=1, b=2)")
    assert repr(Plain(3)).endswith(".Plain(a=3)") and repr(Base(3)).endswith(".Base(a=3)")
    assert Base(1) != Child(1) and Base(1) != Plain(1) and Plain(1) == Plain(1)
    assert {Base(1), Base(1), Child(1), Plain(1)} == {Base(1), Child(1), Plain(1)}


def test_a_method_the_class_defines_is_kept_and_a_value_that_holds_itself_is_written_out() -> None:
    @frozen
    class Named:
        a: int

        def __repr__(self) -> str:
            return f"Named {self.a}"

    @frozen
    class Holder:
        held: list[Any]

    assert repr(Named(1)) == "Named 1" and Named(1) == Named(1)
    holder = Holder([])
    holder.held.append(holder)
    assert repr(holder).endswith("Holder(held=[...])")


def test_every_frozen_class_of_processkit_is_a_dataclass_with_the_methods_compiled_later() -> None:
    """Each class of values in processkit's modules: a dataclass with slots, whose methods
    are the ones that compile the dataclass's when first called (or its own)."""
    found = 0
    for module in pkgutil.walk_packages(processkit.__path__, "processkit."):
        if module.name.endswith("__main__"):
            continue
        loaded = importlib.import_module(module.name)
        for _name, value in inspect.getmembers(loaded, inspect.isclass):
            if not dataclasses.is_dataclass(value) or value.__module__ != module.name:
                continue
            if "__slots__" not in value.__dict__ or "__dataclass_params__" not in value.__dict__:
                continue
            params = value.__dict__["__dataclass_params__"]
            if params.eq or params.repr:  # a dataclass of its own, not ``@frozen``
                continue
            found += 1
            for name in ("__repr__", "__eq__", "__hash__"):
                method = value.__dict__.get(name)
                assert method is not None, (value, name)
    assert found > 150
