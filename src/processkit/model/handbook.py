"""A handbook or routine (handbok, rutin)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from processkit.model.types import Approval, Id, IsoDate, Markdown, Status, Strict, Text


class Chapter(Strict):
    """Kapitel: one chapter of a handbook."""

    title: Text = Field(description="Rubrik: the chapter's title.")
    body: Markdown | None = Field(default=None, description="Text: the chapter (Markdown).")


class Handbook(Strict):
    """Handbok eller rutin: a document that says how the work is done."""

    kind: Literal["handbook"] = Field(description="Always `handbook`.")
    id: Id = Field(description="Identitet: 1-64 characters a-z 0-9 - _ . used in addresses.")
    title: Text = Field(description="Titel: the handbook's title.")
    type: Literal["handbook", "policy", "guideline", "routine", "instruction", "checklist"] = Field(
        default="handbook",
        description="Typ: handbook (handbok), policy, guideline (riktlinje), routine (rutin), "
        "instruction (instruktion) or checklist (checklista).",
    )
    version: Text | None = Field(default=None, description='Version: e.g. "1.0".')
    status: Status | None = Field(
        default=None, description="Status: draft, review, approved or retired."
    )
    owner: Id | None = Field(default=None, description="Ägare: person id of the owner.")
    approved: Approval | None = Field(
        default=None, description="Fastställd: when and by whom it was approved."
    )
    review_date: IsoDate | None = Field(default=None, description="Nästa revision: next review.")
    summary: Markdown | None = Field(default=None, description="Sammanfattning (Markdown).")
    processes: list[Id] = Field(
        default_factory=list, description="Processer: ids of the processes it serves."
    )
    chapters: list[Chapter] = Field(default_factory=list, description="Kapitel: the chapters.")
