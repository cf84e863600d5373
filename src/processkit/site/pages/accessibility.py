"""The context of the accessibility statement (tillgänglighetsredogörelse): what
processkit.yaml's ``site.accessibility`` says, ready to show. The words around it (the fixed
wording of compliance, Digg's address) are in the message catalogue."""

from __future__ import annotations

from datetime import date

from processkit.frozen import frozen
from processkit.model import Config
from processkit.site.contexts import Link


@frozen
class ShortcomingItem:
    content: str
    problem: str
    criteria: list[str]
    alternative: str | None
    fixed_by: date | None


@frozen
class ExemptItem:
    content: str
    reason: str | None


@frozen
class AccessibilityPage:
    """The accessibility statement as the repository gives it (processkit.yaml's
    ``site.accessibility``): ``status`` is full, partial, none or None (not given: the
    statement then says it is not complete); ``updated`` None means the publication date."""

    status: str | None
    assessed: date | None
    method: str | None
    assessor: str | None
    updated: date | None
    shortcomings: list[ShortcomingItem]
    burden: list[ExemptItem]
    outside_law: list[ExemptItem]
    breadcrumbs: list[Link]


def accessibility_page(config: Config) -> AccessibilityPage:
    statement = config.site.accessibility
    return AccessibilityPage(
        status=statement.status,
        assessed=statement.assessed,
        method=statement.method,
        assessor=statement.assessor,
        updated=statement.updated,
        shortcomings=[
            ShortcomingItem(
                item.content, item.problem, list(item.criteria), item.alternative, item.fixed_by
            )
            for item in statement.shortcomings
        ],
        burden=[
            ExemptItem(item.content, item.reason) for item in statement.disproportionate_burden
        ],
        outside_law=[ExemptItem(item.content, item.reason) for item in statement.outside_law],
        breadcrumbs=[],
    )
