"""An improvement proposal (förbättringsförslag, idéförslag)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from processkit.model.types import Id, IsoDate, Markdown, Strict, Text

ProposalStatus = Literal["new", "assessing", "accepted", "rejected", "done"]


class Proposal(Strict):
    """Förbättringsförslag: an idea for improving a process."""

    kind: Literal["proposal"] = Field(description="Always `proposal`.")
    id: Id = Field(description="Identitet: e.g. fp-2026-001.")
    process: Id = Field(description="Process: id of the process it is about.")
    title: Text = Field(description="Rubrik: the proposal in a few words.")
    submitted: IsoDate = Field(description="Inkommet: the day it was submitted, YYYY-MM-DD.")
    submitted_by: Text | None = Field(
        default=None, description="Förslagsställare: who proposed it."
    )
    description: Markdown | None = Field(default=None, description="Beskrivning (Markdown).")
    status: ProposalStatus = Field(
        default="new",
        description="Status: new (nytt), assessing (bereds), accepted (beviljat), "
        "rejected (avslaget) or done (genomfört).",
    )
    decision: Markdown | None = Field(default=None, description="Beslut: what was decided.")
    decided: IsoDate | None = Field(default=None, description="Beslutsdatum: YYYY-MM-DD.")
