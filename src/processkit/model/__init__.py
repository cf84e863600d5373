"""The pydantic models of FORMAT.md, one module per kind; no I/O here."""

from __future__ import annotations

from processkit.model.area import Area
from processkit.model.assessment import Assessment
from processkit.model.config import Config
from processkit.model.handbook import Handbook
from processkit.model.kinds import KINDS, Entity
from processkit.model.person import Person
from processkit.model.process import Process
from processkit.model.proposal import Proposal
from processkit.model.role import Role

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
