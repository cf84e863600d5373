"""A maturity assessment (mognadsbedömning)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from processkit.model.types import Id, IsoDate, Markdown, Strict, Text, WholeNumber


class Assessment(Strict):
    """Mognadsbedömning: one assessment of a process's maturity, a level per dimension."""

    kind: Literal["assessment"] = Field(description="Always `assessment`.")
    id: Id = Field(description="Identitet: e.g. mm-2026-bu-utredning.")
    process: Id = Field(description="Process: id of the process assessed.")
    date: IsoDate = Field(description="Datum: the day of the assessment, YYYY-MM-DD.")
    scores: dict[str, WholeNumber] = Field(
        description="Poäng: a level per dimension, e.g. {design: 2, owner: 3}."
    )
    assessors: list[Text] = Field(default_factory=list, description="Bedömare: who assessed.")
    comments: Markdown | None = Field(default=None, description="Kommentarer (Markdown).")
