"""Every entity's model: the union the type checker knows, and each model by its kind."""

from __future__ import annotations

from processkit.model.area import Area
from processkit.model.assessment import Assessment
from processkit.model.handbook import Handbook
from processkit.model.kinds import KIND_TABLE
from processkit.model.person import Person
from processkit.model.process import Process
from processkit.model.proposal import Proposal
from processkit.model.role import Role

#: Every kind's model (``tests/test_kinds.py`` checks it against the table of kinds).
Entity = Area | Process | Role | Person | Handbook | Proposal | Assessment

#: Every kind's model by its ``kind:`` value, in FORMAT.md's order.
KINDS: dict[str, type[Entity]] = {row.kind: row.model for row in KIND_TABLE}
