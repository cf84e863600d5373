"""A process specification (processpecifikation) and its parts."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, StrictInt, model_validator
from pydantic_core import PydanticCustomError

from processkit.model.types import (
    EXTENSION_KEYS,
    Approval,
    Direction,
    Frequency,
    Id,
    IsoDate,
    Markdown,
    ProcessType,
    Status,
    Strict,
    Text,
    whole_number,
)

Score = Annotated[StrictInt, Field(ge=1, le=4), BeforeValidator(whole_number)]


class Activity(Strict):
    """Aktivitet: one step of the flow, with its performer and the rest of RACI."""

    id: Id = Field(description="Identitet: unique within the process, used by `next`.")
    name: Text = Field(description="Namn: what is done, e.g. Planera utredningen.")
    role: Id | None = Field(
        default=None, description="Utförare: role id of who performs the step (R in RACI)."
    )
    accountable: Id | None = Field(
        default=None, description="Ansvarig: role id of who answers for the step (A in RACI)."
    )
    consulted: list[Id] = Field(
        default_factory=list, description="Konsulteras: role ids consulted (C in RACI)."
    )
    informed: list[Id] = Field(
        default_factory=list, description="Informeras: role ids kept informed (I in RACI)."
    )
    description: Markdown | None = Field(
        default=None, description="Beskrivning: how the step is done (Markdown)."
    )
    next: list[Id] = Field(
        default_factory=list,
        description="Nästa: activity ids the flow goes to next; none means the flow ends here.",
    )
    documents: list[Id] = Field(
        default_factory=list, description="Dokument: handbook ids used in this step (rutiner)."
    )


class Interface(Strict):
    """Gränssnitt: a hand-over between this process and another."""

    process: Id = Field(description="Process: id of the other process.")
    direction: Direction = Field(
        description="Riktning: `in` (we receive from it) or `out` (we hand over to it)."
    )
    description: Text | None = Field(default=None, description="Beskrivning: what passes.")


class Requirement(Strict):
    """Styrande krav: a law, rule or stakeholder demand the process must meet."""

    source: Text = Field(description="Källa: e.g. SoL 11 kap. 1 §, SOSFS 2011:9.")
    description: Text | None = Field(default=None, description="Beskrivning: what it demands.")
    url: Text | None = Field(default=None, description="Länk: where the text can be read.")


class Measure(Strict):
    """Mått: an indicator that shows whether the process delivers."""

    name: Text = Field(description="Namn: the measure's name.")
    definition: Text | None = Field(default=None, description="Definition: how it is measured.")
    target: Text | None = Field(default=None, description="Målvärde: the target.")
    frequency: Frequency | None = Field(
        default=None, description="Frekvens: weekly, monthly, quarterly or yearly."
    )


class Risk(Strict):
    """Risk: something that may go wrong, rated 1-4 for likelihood and consequence."""

    description: Text = Field(description="Beskrivning: what may go wrong.")
    likelihood: Score | None = Field(default=None, description="Sannolikhet: 1 (low) to 4 (high).")
    consequence: Score | None = Field(default=None, description="Konsekvens: 1 (low) to 4 (high).")
    action: Text | None = Field(default=None, description="Åtgärd: what is done about it.")


class Control(Strict):
    """Egenkontroll: a regular self-check of the process."""

    description: Text = Field(description="Beskrivning: what is checked.")
    method: Text | None = Field(default=None, description="Metod: how it is checked.")
    frequency: Frequency | None = Field(
        default=None, description="Frekvens: weekly, monthly, quarterly or yearly."
    )
    role: Id | None = Field(default=None, description="Roll: role id of who does the check.")


_NULL: dict[str, Any] = {"type": "null"}
_SET: dict[str, Any] = {"not": {"type": "null"}}


class Document(Strict):
    """Dokument: a routine or handbook, either one in this repository or a link."""

    # the schema says what ``_one_form`` checks: a handbook, or a title with a url (a key
    # written with no value counts as not written, as in the model)
    model_config = ConfigDict(
        json_schema_extra={
            **EXTENSION_KEYS,
            "anyOf": [
                {
                    "required": ["handbook"],
                    "properties": {"handbook": _SET, "title": _NULL, "url": _NULL},
                },
                {
                    "required": ["title", "url"],
                    "properties": {"handbook": _NULL, "title": _SET, "url": _SET},
                },
            ],
        }
    )

    handbook: Id | None = Field(default=None, description="Handbok: id of a handbook here.")
    title: Text | None = Field(default=None, description="Titel: title of a linked document.")
    url: Text | None = Field(default=None, description="Länk: address of a linked document.")

    @model_validator(mode="after")
    def _one_form(self) -> Document:
        if self.handbook is None and (self.title is None or self.url is None):
            raise PydanticCustomError(
                "document_form",
                # translated where the error is reported (loading.model_errors)
                "a document needs either `handbook`, or both `title` and `url`",
            )
        if self.handbook is not None and (self.title is not None or self.url is not None):
            raise PydanticCustomError(
                "document_form",
                "a document is either a `handbook` or a `title` with a `url`, not both",
            )
        return self


class Process(Strict):
    """Processpecifikation: a process from the need that starts it to the need met."""

    kind: Literal["process"] = Field(description="Always `process`.")
    id: Id = Field(description="Identitet: 1-64 characters a-z 0-9 - _ . used in addresses.")
    name: Text = Field(description="Namn: the process's name, e.g. Utreda barns behov.")
    area: Id = Field(description="Leveransområde: id of the delivery area it belongs to.")
    type: ProcessType = Field(
        description="Typ: `management` (ledningsprocess), `core` (huvudprocess) "
        "or `support` (stödprocess)."
    )
    parent: Id | None = Field(
        default=None, description="Överordnad process: set for a sub-process (delprocess)."
    )
    status: Status = Field(
        description="Status: `draft` (utkast), `review` (på remiss), `approved` (fastställd) "
        "or `retired` (upphörd)."
    )
    version: Text | None = Field(default=None, description='Version: e.g. "2.1".')
    owner: Id | None = Field(default=None, description="Processägare: person id of the owner.")
    leaders: list[Id] = Field(
        default_factory=list, description="Processledare: person ids of the leaders."
    )
    purpose: Markdown | None = Field(default=None, description="Syfte: why the process exists.")
    customer: Text | None = Field(
        default=None, description="Kund/mottagare: who the process is for."
    )
    need: Text | None = Field(default=None, description="Behov: the need that starts it.")
    start: Text | None = Field(default=None, description="Start: where the need arises.")
    end: Text | None = Field(default=None, description="Slut: where the need is met.")
    value: Markdown | None = Field(default=None, description="Värde: the result delivered.")
    inputs: list[Text] = Field(default_factory=list, description="Indata: what comes in.")
    outputs: list[Text] = Field(default_factory=list, description="Utdata: what comes out.")
    activities: list[Activity] = Field(
        default_factory=list, description="Aktiviteter: the steps; the first is where it starts."
    )
    interfaces: list[Interface] = Field(
        default_factory=list, description="Gränssnitt: hand-overs to and from other processes."
    )
    requirements: list[Requirement] = Field(
        default_factory=list, description="Styrande krav: laws, rules and stakeholder demands."
    )
    measures: list[Measure] = Field(
        default_factory=list, description="Mått: what shows whether the process delivers."
    )
    risks: list[Risk] = Field(default_factory=list, description="Riskanalys: the risks.")
    controls: list[Control] = Field(
        default_factory=list, description="Egenkontroller: regular self-checks."
    )
    systems: list[Text] = Field(
        default_factory=list, description="Verksamhetssystem: IT systems used."
    )
    documents: list[Document] = Field(
        default_factory=list, description="Rutiner och dokument: handbooks and links."
    )
    approved: Approval | None = Field(
        default=None, description="Fastställd: when and by whom it was approved."
    )
    review_date: IsoDate | None = Field(
        default=None,
        description="Nästa revision: next review; default approved date plus the review interval.",
    )
    tags: list[Text] = Field(default_factory=list, description="Etiketter: free keywords.")
