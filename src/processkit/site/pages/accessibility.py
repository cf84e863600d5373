"""The context of the accessibility statement (tillgänglighetsredogörelse): what
processkit.yaml's ``site.accessibility`` says, ready to show. The words around it (the fixed
wording of compliance, Digg's address) are in the message catalogue."""

from __future__ import annotations

from processkit.model import Config
from processkit.site.contexts import AccessibilityPage, ExemptItem, ShortcomingItem


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
