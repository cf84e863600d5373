"""The pydantic models of FORMAT.md, one module per kind; no I/O here.

The names below are imported when first asked for, so that the table of kinds
(``processkit.model.kinds``) can be read without loading pydantic: the command line does so
at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from processkit.model.area import Area
    from processkit.model.assessment import Assessment
    from processkit.model.config import Config
    from processkit.model.entity import KINDS, Entity
    from processkit.model.handbook import Handbook
    from processkit.model.person import Person
    from processkit.model.process import Process
    from processkit.model.proposal import Proposal
    from processkit.model.role import Role

#: Each name's module under processkit.model.
_HOMES = {
    "KINDS": "entity",
    "Area": "area",
    "Assessment": "assessment",
    "Config": "config",
    "Entity": "entity",
    "Handbook": "handbook",
    "Person": "person",
    "Process": "process",
    "Proposal": "proposal",
    "Role": "role",
}

__all__ = [
    "KINDS",
    "Area",
    "Assessment",
    "Config",
    "Entity",
    "Handbook",
    "Person",
    "Process",
    "Proposal",
    "Role",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"processkit.model.{home}"), name)
    globals()[name] = value
    return value
