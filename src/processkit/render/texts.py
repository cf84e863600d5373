"""The words maps put on the page, in the site's language (``site.language``: sv or en)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Texts:
    management: str
    core: str
    support: str
    management_band: str
    core_band: str
    support_band: str
    need: str
    need_met: str
    core_reading: str
    status_draft: str
    sub_processes_one: str
    sub_processes_many: str
    sub_processes_of: str
    routine: str
    routines_many: str
    no_performer: str
    legend: str
    activity: str
    activity_with_routine: str
    other_process: str
    outside_area: str
    landscape_title: str
    flow_title: str
    interfaces_title: str
    around_title: str
    landscape_desc: str
    flow_desc: str
    interfaces_desc: str
    process_desc: str
    activity_desc: str
    performer: str
    accountable: str
    receives_from: str
    hands_over_to: str
    lane_desc: str
    flow_continues: str
    flow_listed: str
    flow_list_desc: str


SV = Texts(
    management="Ledningsprocess",
    core="Huvudprocess",
    support="Stödprocess",
    management_band="Ledningsprocesser",
    core_band="Huvudprocesser",
    support_band="Stödprocesser",
    need="Behov",
    need_met="Behov tillgodosett",
    core_reading="Huvudprocesserna läses från invånarens behov till vänster till det "
    "tillgodosedda behovet till höger.",
    status_draft="utkast",
    sub_processes_one="1 delprocess",
    sub_processes_many="{n} delprocesser",
    sub_processes_of="delprocesser",
    routine="Rutin",
    routines_many="{n} rutiner",
    no_performer="Utförare ej angiven",
    legend="Teckenförklaring",
    activity="Aktivitet",
    activity_with_routine="Aktivitet med rutin",
    other_process="Annan process",
    outside_area="Utanför området",
    landscape_title="Processkarta \u2013 {organisation}",
    flow_title="Processflöde \u2013 {name}",
    interfaces_title="Gränssnitt \u2013 {scope}",
    around_title="kring {name}",
    landscape_desc=(
        "{count} processer: ledningsprocesser överst, huvudprocesser per leveransområde "
        "från behov till tillgodosett behov, stödprocesser underst."
    ),
    flow_desc=(
        "{activities} aktiviteter i {lanes} roller, från behovet ({need}) till "
        "tillgodosett behov ({end})."
    ),
    interfaces_desc="{processes} processer och {edges} överlämningar mellan dem.",
    process_desc="{type}, {area}, {status}.",
    activity_desc="Aktivitet. Utförare: {role}.",
    performer="Utförare",
    accountable="Ansvarig",
    receives_from="Tar emot från {name}: {what}",
    hands_over_to="Lämnar över till {name}: {what}",
    lane_desc="Roll: {name}",
    flow_continues="flödet fortsätter till {names}",
    flow_listed=(
        "Processen har {count} aktiviteter, fler än de {limit} som en processkarta kan visa. "
        "I stället för kartan listas aktiviteterna här i flödesordning."
    ),
    flow_list_desc="{activities} aktiviteter i flödesordning, som en numrerad lista.",
)

EN = Texts(
    management="Management process",
    core="Core process",
    support="Support process",
    management_band="Management processes",
    core_band="Core processes",
    support_band="Support processes",
    need="Need",
    need_met="Need met",
    core_reading="Core processes read from the resident's need on the left to the need met on "
    "the right.",
    status_draft="draft",
    sub_processes_one="1 sub-process",
    sub_processes_many="{n} sub-processes",
    sub_processes_of="sub-processes",
    routine="Routine",
    routines_many="{n} routines",
    no_performer="No performer given",
    legend="Legend",
    activity="Activity",
    activity_with_routine="Activity with a routine",
    other_process="Other process",
    outside_area="Outside the area",
    landscape_title="Process map \u2013 {organisation}",
    flow_title="Process flow \u2013 {name}",
    interfaces_title="Interfaces \u2013 {scope}",
    around_title="around {name}",
    landscape_desc=(
        "{count} processes: management processes on top, core processes by delivery area "
        "from need to need met, support processes below."
    ),
    flow_desc="{activities} activities in {lanes} roles, from the need ({need}) to the need met "
    "({end}).",
    interfaces_desc="{processes} processes and {edges} hand-overs between them.",
    process_desc="{type}, {area}, {status}.",
    activity_desc="Activity. Performer: {role}.",
    performer="Performer",
    accountable="Accountable",
    receives_from="Receives from {name}: {what}",
    hands_over_to="Hands over to {name}: {what}",
    lane_desc="Role: {name}",
    flow_continues="the flow continues to {names}",
    flow_listed=(
        "The process has {count} activities, more than the {limit} a process map can show. "
        "Instead of the map, the activities are listed here in flow order."
    ),
    flow_list_desc="{activities} activities in flow order, as a numbered list.",
)

STATUS_SV = {
    "draft": "utkast",
    "review": "på remiss",
    "approved": "fastställd",
    "retired": "upphörd",
}
STATUS_EN = {"draft": "draft", "review": "in review", "approved": "approved", "retired": "retired"}


def texts_for(language: str) -> Texts:
    return EN if language == "en" else SV


def status_word(status: str, language: str) -> str:
    return (STATUS_EN if language == "en" else STATUS_SV)[status]


def type_word(process_type: str, texts: Texts) -> str:
    return {"management": texts.management, "core": texts.core, "support": texts.support}[
        process_type
    ]
