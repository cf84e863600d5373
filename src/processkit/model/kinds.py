"""The one table of kinds: every kind of entity file and what belongs to it.

Adding a kind is one model (``processkit.model.<kind>``, added to ``Entity``), one row here,
and the templates the row names; ``tests/test_kinds.py`` names the first piece a row lacks.
The table names its models and imports them when first asked for: the command line reads the
kinds at start-up without loading pydantic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Literal, cast

from processkit.frozen import frozen

if TYPE_CHECKING:
    from processkit.model.entity import Entity

Language = Literal["sv", "en"]


@frozen
class Words:
    """What a kind is called, one and many, in English: the message ids of its words in the
    catalogue (context ``kind``), where the other languages are; ``processkit.words.kind_word``
    says them in a language."""

    singular: str
    plural: str


@frozen
class KindInfo:
    """One kind of entity file.

    ``model_name`` is the model's class in ``processkit.model.<kind>``; ``folder`` is where its
    files live (a process's in ``folder/<area>/``); ``title_field`` is
    the field that names an entity (an assessment has none); ``page`` is the site's template
    for its page, if it has one (at ``folder/<id>.html``).
    """

    kind: str
    model_name: str
    folder: str
    title_field: Literal["name", "title"] | None
    words: Words
    page: str | None = None
    by_area: bool = False

    @property
    def model(self) -> type[Entity]:
        """The model, from the kind's module ``processkit.model.<kind>``."""
        module = importlib.import_module(f"processkit.model.{self.kind}")
        return cast("type[Entity]", getattr(module, self.model_name))

    @property
    def new_template(self) -> str:
        """The template ``processkit new`` fills in, under ``templates/``."""
        return f"new/{self.kind}.yaml.j2"

    @property
    def folder_hint(self) -> str:
        """The folder as a message shows it."""
        return f"{self.folder}/<area>" if self.by_area else self.folder

    def title_of(self, entity: Entity) -> str:
        """What names ``entity``: its name or title, or its id for a kind with neither."""
        if self.title_field is None:
            return entity.id
        return str(getattr(entity, self.title_field))

    def page_path(self, entity_id: str) -> str:
        """The address of an entity's page on the site."""
        return f"{self.folder}/{entity_id}.html"


#: Every kind, in FORMAT.md's order.
KIND_TABLE: tuple[KindInfo, ...] = (
    KindInfo(
        "area",
        "Area",
        "areas",
        "name",
        Words("delivery area", "delivery areas"),
        page="area.html",
    ),
    KindInfo(
        "process",
        "Process",
        "processes",
        "name",
        Words("process", "processes"),
        page="process.html",
        by_area=True,
    ),
    KindInfo(
        "role",
        "Role",
        "roles",
        "name",
        Words("role", "roles"),
        page="role.html",
    ),
    KindInfo(
        "person",
        "Person",
        "people",
        "name",
        Words("person", "people"),
    ),
    KindInfo(
        "handbook",
        "Handbook",
        "handbooks",
        "title",
        Words("handbook", "handbooks"),
        page="handbook.html",
    ),
    KindInfo(
        "proposal",
        "Proposal",
        "proposals",
        "title",
        Words("improvement proposal", "improvement proposals"),
    ),
    KindInfo(
        "assessment",
        "Assessment",
        "assessments",
        None,
        Words("maturity assessment", "maturity assessments"),
    ),
)

#: Each kind's row by its ``kind:`` value.
KIND_INFO: dict[str, KindInfo] = {row.kind: row for row in KIND_TABLE}
