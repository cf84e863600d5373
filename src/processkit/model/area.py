"""A delivery area (leverans, leveransområde)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from processkit.model.types import Id, Markdown, Strict, Text, WholeNumber


class Area(Strict):
    """Leveransområde: a delivery area, the processes that deliver to one group of people."""

    kind: Literal["area"] = Field(description="Always `area` (leveransområde).")
    id: Id = Field(description="Identitet: 1-64 characters a-z 0-9 - _ . used in addresses.")
    name: Text = Field(description="Namn: the area's name, e.g. Barn och unga.")
    description: Markdown | None = Field(
        default=None, description="Beskrivning: what the area delivers (Markdown)."
    )
    customers: Text | None = Field(
        default=None, description="Kunder: who the area is for (de vi finns till för)."
    )
    unit: Text | None = Field(default=None, description="Enhet: organisational unit responsible.")
    owner: Id | None = Field(
        default=None, description="Ägare: person id of who answers for the area."
    )
    order: WholeNumber | None = Field(
        default=None, description="Ordning: sort order on the start page (then by name)."
    )
