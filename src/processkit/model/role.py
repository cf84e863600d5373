"""A role (roll), governance or operational."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from processkit.model.types import Id, Markdown, Strict, Text


class Role(Strict):
    """Roll: a governance role (processägare, processledare…) or an operational one."""

    kind: Literal["role"] = Field(description="Always `role` (roll).")
    id: Id = Field(description="Identitet: 1-64 characters a-z 0-9 - _ . used in addresses.")
    name: Text = Field(description="Namn: the role's name, e.g. Socialsekreterare.")
    category: Literal["governance", "operational"] = Field(
        description="Kategori: `governance` (styrande roll) or `operational` (verksamhetsroll)."
    )
    management_area: Literal["process", "resource", "work"] | None = Field(
        default=None,
        description="Ledningsområde: `process` (processledning), `resource` (resursledning) "
        "or `work` (arbetsledning).",
    )
    level: Literal["strategic", "tactical", "operational"] | None = Field(
        default=None, description="Nivå: `strategic`, `tactical` or `operational`."
    )
    description: Markdown | None = Field(
        default=None, description="Beskrivning: what the role is (Markdown)."
    )
    responsibilities: list[Text] = Field(
        default_factory=list, description="Ansvar: the role's responsibilities, one per item."
    )
