"""A person (person)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from processkit.model.types import Id, Strict, Text


class Person(Strict):
    """Person: someone who owns, leads or approves processes."""

    kind: Literal["person"] = Field(description="Always `person`.")
    id: Id = Field(description="Identitet: 1-64 characters a-z 0-9 - _ . e.g. anna-nilsson.")
    name: Text = Field(description="Namn: full name.")
    title: Text | None = Field(default=None, description="Titel: job title, e.g. Enhetschef.")
    unit: Text | None = Field(default=None, description="Enhet: organisational unit.")
    email: Text | None = Field(default=None, description="E-post: e-mail address.")
    username: Text | None = Field(
        default=None,
        description="Användarnamn: account on the git host, used for review assignments.",
    )
