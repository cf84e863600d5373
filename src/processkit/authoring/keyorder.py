"""The canonical order of keys: FORMAT.md's order, which is the field order of the models."""

from __future__ import annotations

from dataclasses import field
from functools import cache

from pydantic import BaseModel

from processkit.frozen import frozen
from processkit.model.introspect import model_in


@frozen
class KeyOrder:
    """The keys of one kind of mapping in order, and the order of each nested mapping."""

    keys: tuple[str, ...] = ()
    nested: dict[str, KeyOrder] = field(default_factory=dict)

    def rank(self, key: object) -> int:
        """Position of a known key; every other key (``x-`` ones too) sorts after them all."""
        try:
            return self.keys.index(str(key))
        except ValueError:
            return len(self.keys)


#: A mapping processkit knows no order for (``scores``, ``rules``): keys stay as written.
UNORDERED = KeyOrder()


@cache
def order_of(model: type[BaseModel]) -> KeyOrder:
    """The key order of ``model`` and of the models nested in it (activities, approved, ...)."""
    nested: dict[str, KeyOrder] = {}
    for name, info in model.model_fields.items():
        inner = model_in(info.annotation)
        if inner is not None:
            nested[name] = order_of(inner)
    return KeyOrder(tuple(model.model_fields), nested)


def order_for_kind(kind: object) -> KeyOrder:
    """The order for an entity of ``kind``; UNORDERED for a kind processkit does not know."""
    from processkit.model import KINDS

    model = KINDS.get(kind) if isinstance(kind, str) else None
    return order_of(model) if model is not None else UNORDERED


def config_order() -> KeyOrder:
    """The order of ``processkit.yaml``."""
    from processkit.model import Config

    return order_of(Config)
