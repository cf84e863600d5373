"""The words the site shows for a value of the repository: a process's type and status, a
proposal's status, a role's category, a risk's level, and so on. Templates call
``label("status", value)``; every other text of a page is written in its template as
``_("English text")``.

The words come from the message catalogue, in the language spoken while the site is built
(``site.language``).
"""

from __future__ import annotations

from functools import cache

from processkit import i18n
from processkit.i18n import _, p_
from processkit.model.kinds import Language


def label(group: str, value: str) -> str:
    """What ``value`` of ``group`` (``status``, ``type``, ...) is called on a page."""
    return label_in(i18n.current(), group, value)


def label_in(language: Language, group: str, value: str) -> str:
    """What ``value`` of ``group`` is called in ``language``, whatever language is in use."""
    try:
        return _labels(language)[group][value]
    except KeyError:
        # a value the model does not allow, or a group no template should ask for: a bug in
        # processkit's templates, not in the user's repository
        raise KeyError(f"the site has no label for `{value}` in `{group}`") from None


@cache
def _labels(language: Language) -> dict[str, dict[str, str]]:
    with i18n.speaking(language):
        return {
            "type": {
                "management": _("Management process"),
                "core": _("Core process"),
                "support": _("Support process"),
            },
            "type_plural": {
                "management": _("Management processes"),
                "core": _("Core processes"),
                "support": _("Support processes"),
            },
            "status": {
                "draft": _("Draft"),
                "review": _("In review"),
                "approved": _("Approved"),
                "retired": _("Retired"),
            },
            "proposal": {
                "new": _("New"),
                "assessing": _("Being assessed"),
                "accepted": _("Accepted"),
                "rejected": _("Rejected"),
                "done": _("Done"),
            },
            "handbook_type": {
                "handbook": _("Handbook"),
                "policy": _("Policy"),
                "guideline": _("Guideline"),
                "routine": _("Routine"),
                "instruction": _("Instruction"),
                "checklist": _("Checklist"),
            },
            "frequency": {
                "weekly": _("Weekly"),
                "monthly": _("Monthly"),
                "quarterly": _("Quarterly"),
                "yearly": _("Yearly"),
            },
            "risk_level": {
                "low": p_("risk level", "low"),
                "medium": p_("risk level", "medium"),
                "high": p_("risk level", "high"),
                "very-high": p_("risk level", "very high"),
            },
            "category": {
                "governance": _("Governance role"),
                "operational": _("Operational role"),
            },
            "category_plural": {
                "governance": _("Governance roles"),
                "operational": _("Operational roles"),
            },
            "management_area": {
                "process": _("Process management"),
                "resource": _("Resource management"),
                "work": _("Work management"),
            },
            "level": {
                "strategic": _("Strategic level"),
                "tactical": _("Tactical level"),
                "operational": _("Operational level"),
            },
            "raci": {"r": _("R"), "a": _("A"), "c": _("C"), "i": _("I")},
            "raci_long": {
                "r": _("Responsible (performer)"),
                "a": _("Accountable"),
                "c": _("Consulted"),
                "i": _("Informed"),
            },
            "changes.kind": {
                "area": _("Delivery area"),
                "process": _("Process"),
                "role": _("Role"),
                "person": _("Person"),
                "handbook": _("Handbook"),
                "proposal": _("Improvement proposal"),
                "assessment": _("Maturity assessment"),
            },
            "changes.change": {
                "added": p_("change", "added"),
                "changed": p_("change", "changed"),
                "removed": p_("change", "removed"),
                "retired": p_("change", "retired"),
            },
            "a11y_status": {
                "full": _(
                    "This website is fully compliant with the Swedish law on accessibility of "
                    "digital public services."
                ),
                "partial": _(
                    "This website is partially compliant with the Swedish law on accessibility "
                    "of digital public services, due to the shortcomings listed below."
                ),
                "none": _(
                    "This website is not compliant with the Swedish law on accessibility of "
                    "digital public services. The shortcomings are listed below."
                ),
            },
            "a11y_method": {
                "self-assessment": _("a self-assessment (our own review)"),
                "third-party": _("an audit by an external party"),
            },
        }


def values(group: str) -> tuple[str, ...]:
    """The values ``group`` has a label for (the tests hold them against the model)."""
    return tuple(_labels("en")[group])
