"""The words maps put on the page, in the site's language (``site.language``: sv or en),
from the message catalogue."""

from __future__ import annotations

from functools import cache

from processkit import i18n, words
from processkit.frozen import frozen
from processkit.i18n import _, n_, p_
from processkit.model.kinds import Language


@frozen
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
    link_to: str
    link_from: str
    link_to_desc: str
    link_from_desc: str


@cache
def landscape_desc(language: Language, count: int) -> str:
    """What a landscape shows, for a screen reader."""
    with i18n.speaking(language):
        return n_(
            "{count} process: management processes on top, core processes by delivery area "
            "from need to need met, support processes below.",
            "{count} processes: management processes on top, core processes by delivery area "
            "from need to need met, support processes below.",
            count,
        )


def flow_desc(language: Language, activities: int, roles: int, need: str, end: str) -> str:
    """What a process flow shows, for a screen reader."""
    with i18n.speaking(language):
        return _(
            "{activities} in {roles}, from the need ({need}) to the need met ({end}).",
            activities=n_("{count} activity", "{count} activities", activities),
            roles=n_("{count} role", "{count} roles", roles),
            need=need,
            end=end,
        )


def interfaces_desc(language: Language, processes: int, handovers: int) -> str:
    """What an interface graph shows, for a screen reader."""
    with i18n.speaking(language):
        return _(
            "{processes} and {handovers} between them.",
            processes=n_("{count} process", "{count} processes", processes),
            handovers=n_("{count} hand-over", "{count} hand-overs", handovers),
        )


@cache  # every map asks; the catalogues are read once a process too (``i18n._translations``)
def texts_for(language: Language) -> Texts:
    """The words of the maps in ``language`` (the site's), from the message catalogue."""
    with i18n.speaking(language):
        return Texts(
            management=_("Management process"),
            core=_("Core process"),
            support=_("Support process"),
            management_band=_("Management processes"),
            core_band=_("Core processes"),
            support_band=_("Support processes"),
            need=_("Need"),
            need_met=_("Need met"),
            core_reading=_(
                "Core processes read from the resident's need on the left to the need met on "
                "the right."
            ),
            status_draft=p_("status", "draft"),
            sub_processes_one=_("1 sub-process"),
            sub_processes_many=_("{n} sub-processes"),
            sub_processes_of=_("sub-processes"),
            routine=_("Routine"),
            routines_many=_("{n} routines"),
            no_performer=_("No performer given"),
            legend=_("Legend"),
            activity=_("Activity"),
            activity_with_routine=_("Activity with a routine"),
            other_process=_("Other process"),
            outside_area=_("Outside the area"),
            landscape_title=_("Process map \u2013 {organisation}"),
            flow_title=_("Process flow \u2013 {name}"),
            interfaces_title=_("Interfaces \u2013 {scope}"),
            around_title=_("around {name}"),
            process_desc=_("{type}, {area}, {status}."),
            activity_desc=_("Activity. Performer: {role}."),
            performer=_("Performer"),
            accountable=p_("map", "Accountable"),
            receives_from=_("Receives from {name}: {what}"),
            hands_over_to=_("Hands over to {name}: {what}"),
            lane_desc=_("Role: {name}"),
            flow_continues=_("the flow continues to {names}"),
            flow_listed=_(
                "The process has {count} activities, more than the {limit} a process map can "
                "show. Instead of the map, the activities are listed here in flow order."
            ),
            flow_list_desc=_("{activities} activities in flow order, as a numbered list."),
            # a long flow wrapped into rows: the words under a link event's circle
            link_to=_("to row {row}"),
            link_from=_("from row {row}"),
            link_to_desc=_("The flow continues on row {row}, at {letter}, to {names}."),
            link_from_desc=_("The flow comes from row {row}, at {letter}, from {names}."),
        )


def status_word(status: str, language: Language) -> str:
    return words.status_word(status, language)


def type_word(process_type: str, texts: Texts) -> str:
    return {"management": texts.management, "core": texts.core, "support": texts.support}[
        process_type
    ]
