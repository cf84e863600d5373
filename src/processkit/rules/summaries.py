"""The one-line summaries of the rules, for `processkit rules`: the first line of each rule's
documentation, marked for the catalogue (a test keeps the two the same)."""

from __future__ import annotations

from processkit.i18n import N_

SUMMARIES = {
    "PK101": N_("A process that is in review or approved has no owner."),
    "PK102": N_("An approved process or handbook is overdue for review."),
    "PK103": N_("An approved process or handbook falls due for review soon."),
    "PK104": N_("An interface that the other process does not mirror."),
    "PK105": N_("An approved process has no measures."),
    "PK106": N_("An approved process does not say whom it is for, or where it starts and ends."),
    "PK107": N_("An activity that the flow never reaches from the first activity."),
    "PK108": N_("A flow of activities that never ends."),
    "PK109": N_("An activity without a performer role."),
    "PK110": N_("A sub-process in another delivery area than its parent."),
    "PK111": N_("An active sub-process of a retired process."),
    "PK112": N_("An active process with an interface to a retired process."),
    "PK113": N_("An active process refers to a retired handbook."),
    "PK114": N_("An operational role that no active process uses."),
    "PK115": N_("A handbook that no process or activity refers to."),
    "PK116": N_("An open improvement proposal about a retired process."),
    "PK117": N_("A maturity assessment of a retired process."),
    "PK118": N_(
        "A maturity assessment with a dimension or level that is not in the maturity model."
    ),
    "PK119": N_("A maturity assessment that leaves out a dimension of the maturity model."),
    "PK120": N_("Two active processes in one delivery area with the same name."),
    "PK121": N_("A person who leads many processes but owns none."),
    "PK122": N_("A person who owns far more processes than the typical process owner."),
    "PK123": N_("An approved process that does not say when or by whom it was approved."),
    "PK124": N_("A process with more activities than a flow map can draw."),
    "PK190": N_("An `x-processkit-ignore` that silences nothing."),
}
