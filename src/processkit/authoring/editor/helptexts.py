"""The models' descriptions of the fields of every kind the editor has a form for, marked for
the catalogue: the editor shows each as help beside its field, in the language in use
(``pages.help_text``).

A test checks that this list is exactly the descriptions of the models, so a description that
changes there is changed here too (and its translation with it)."""

from __future__ import annotations

from processkit.i18n import N_

HELP = (
    N_("Always `process`."),
    N_("Identitet: 1-64 characters a-z 0-9 - _ . used in addresses."),
    N_("Namn: the process's name, e.g. Utreda barns behov."),
    N_("Leveransområde: id of the delivery area it belongs to."),
    N_("Typ: `management` (ledningsprocess), `core` (huvudprocess) or `support` (stödprocess)."),
    N_("Överordnad process: set for a sub-process (delprocess)."),
    N_(
        "Status: `draft` (utkast), `review` (på remiss), `approved` (fastställd) "
        "or `retired` (upphörd)."
    ),
    N_('Version: e.g. "2.1".'),
    N_("Processägare: person id of the owner."),
    N_("Processledare: person ids of the leaders."),
    N_("Syfte: why the process exists."),
    N_("Kund/mottagare: who the process is for."),
    N_("Behov: the need that starts it."),
    N_("Start: where the need arises."),
    N_("Slut: where the need is met."),
    N_("Värde: the result delivered."),
    N_("Indata: what comes in."),
    N_("Utdata: what comes out."),
    N_("Aktiviteter: the steps; the first is where it starts."),
    N_("Identitet: unique within the process, used by `next`."),
    N_("Namn: what is done, e.g. Planera utredningen."),
    N_("Utförare: role id of who performs the step (R in RACI)."),
    N_("Ansvarig: role id of who answers for the step (A in RACI)."),
    N_("Konsulteras: role ids consulted (C in RACI)."),
    N_("Informeras: role ids kept informed (I in RACI)."),
    N_("Beskrivning: how the step is done (Markdown)."),
    N_("Nästa: activity ids the flow goes to next; none means the flow ends here."),
    N_("Dokument: handbook ids used in this step (rutiner)."),
    N_("Gränssnitt: hand-overs to and from other processes."),
    N_("Process: id of the other process."),
    N_("Riktning: `in` (we receive from it) or `out` (we hand over to it)."),
    N_("Beskrivning: what passes."),
    N_("Styrande krav: laws, rules and stakeholder demands."),
    N_("Källa: e.g. SoL 11 kap. 1 §, SOSFS 2011:9."),
    N_("Beskrivning: what it demands."),
    N_("Länk: where the text can be read."),
    N_("Mått: what shows whether the process delivers."),
    N_("Namn: the measure's name."),
    N_("Definition: how it is measured."),
    N_("Målvärde: the target."),
    N_("Frekvens: weekly, monthly, quarterly or yearly."),
    N_("Riskanalys: the risks."),
    N_("Beskrivning: what may go wrong."),
    N_("Sannolikhet: 1 (low) to 4 (high)."),
    N_("Konsekvens: 1 (low) to 4 (high)."),
    N_("Åtgärd: what is done about it."),
    N_("Egenkontroller: regular self-checks."),
    N_("Beskrivning: what is checked."),
    N_("Metod: how it is checked."),
    N_("Roll: role id of who does the check."),
    N_("Verksamhetssystem: IT systems used."),
    N_("Rutiner och dokument: handbooks and links."),
    N_("Handbok: id of a handbook here."),
    N_("Titel: title of a linked document."),
    N_("Länk: address of a linked document."),
    N_("Fastställd: when and by whom it was approved."),
    N_("Fastställd datum: the day of approval, YYYY-MM-DD."),
    N_("Fastställd av: who approved it, e.g. Socialnämnden."),
    N_("Nästa revision: next review; default approved date plus the review interval."),
    N_("Etiketter: free keywords."),
    N_("Always `area` (leveransområde)."),
    N_("Namn: the area's name, e.g. Barn och unga."),
    N_("Beskrivning: what the area delivers (Markdown)."),
    N_("Kunder: who the area is for (de vi finns till för)."),
    N_("Enhet: organisational unit responsible."),
    N_("Ägare: person id of who answers for the area."),
    N_("Ordning: sort order on the start page (then by name)."),
    N_("Always `role` (roll)."),
    N_("Namn: the role's name, e.g. Socialsekreterare."),
    N_("Kategori: `governance` (styrande roll) or `operational` (verksamhetsroll)."),
    N_(
        "Ledningsområde: `process` (processledning), `resource` (resursledning) or "
        "`work` (arbetsledning)."
    ),
    N_("Nivå: `strategic`, `tactical` or `operational`."),
    N_("Beskrivning: what the role is (Markdown)."),
    N_("Ansvar: the role's responsibilities, one per item."),
    N_("Always `person`."),
    N_("Identitet: 1-64 characters a-z 0-9 - _ . e.g. anna-nilsson."),
    N_("Namn: full name."),
    N_("Titel: job title, e.g. Enhetschef."),
    N_("Enhet: organisational unit."),
    N_("E-post: e-mail address."),
    N_("Användarnamn: account on the git host, used for review assignments."),
    N_("Always `handbook`."),
    N_("Titel: the handbook's title."),
    N_(
        "Typ: handbook (handbok), policy, guideline (riktlinje), routine (rutin), "
        "instruction (instruktion) or checklist (checklista)."
    ),
    N_('Version: e.g. "1.0".'),
    N_("Status: draft, review, approved or retired."),
    N_("Ägare: person id of the owner."),
    N_("Nästa revision: next review."),
    N_("Sammanfattning (Markdown)."),
    N_("Processer: ids of the processes it serves."),
    N_("Kapitel: the chapters."),
    N_("Rubrik: the chapter's title."),
    N_("Text: the chapter (Markdown)."),
    N_("Always `proposal`."),
    N_("Identitet: e.g. fp-2026-001."),
    N_("Process: id of the process it is about."),
    N_("Rubrik: the proposal in a few words."),
    N_("Inkommet: the day it was submitted, YYYY-MM-DD."),
    N_("Förslagsställare: who proposed it."),
    N_("Beskrivning (Markdown)."),
    N_(
        "Status: new (nytt), assessing (bereds), accepted (beviljat), rejected "
        "(avslaget) or done (genomfört)."
    ),
    N_("Beslut: what was decided."),
    N_("Beslutsdatum: YYYY-MM-DD."),
)
