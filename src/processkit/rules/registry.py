"""The explicit list of every rule, sorted by code.

A new rule is a new module here and a new line below. Codes are forever: a code is never
reused, and a renamed rule keeps its code.
"""

from __future__ import annotations

from processkit.rules import (
    pk101_owner_missing,
    pk102_review_overdue,
    pk103_review_due_soon,
    pk104_interface_not_mirrored,
    pk105_measures_missing,
    pk106_specification_incomplete,
    pk107_activity_unreachable,
    pk108_flow_without_end,
    pk109_activity_without_performer,
    pk110_subprocess_other_area,
    pk111_parent_retired,
    pk112_interface_to_retired,
    pk113_retired_handbook_referenced,
    pk114_role_unused,
    pk115_handbook_unreferenced,
    pk116_proposal_about_retired,
    pk117_assessment_about_retired,
    pk118_assessment_off_scale,
    pk119_assessment_incomplete,
    pk120_duplicate_process_name,
    pk121_leads_without_owning,
    pk122_owns_far_more,
    pk123_approval_missing,
    pk124_flow_too_large_to_draw,
    pk190_ignore_unused,
)
from processkit.rules.base import Rule, find_rule, suggest_rule

RULES: tuple[Rule, ...] = (
    pk101_owner_missing,
    pk102_review_overdue,
    pk103_review_due_soon,
    pk104_interface_not_mirrored,
    pk105_measures_missing,
    pk106_specification_incomplete,
    pk107_activity_unreachable,
    pk108_flow_without_end,
    pk109_activity_without_performer,
    pk110_subprocess_other_area,
    pk111_parent_retired,
    pk112_interface_to_retired,
    pk113_retired_handbook_referenced,
    pk114_role_unused,
    pk115_handbook_unreferenced,
    pk116_proposal_about_retired,
    pk117_assessment_about_retired,
    pk118_assessment_off_scale,
    pk119_assessment_incomplete,
    pk120_duplicate_process_name,
    pk121_leads_without_owning,
    pk122_owns_far_more,
    pk123_approval_missing,
    pk124_flow_too_large_to_draw,
    pk190_ignore_unused,
)

#: The rule that reports ignores silencing nothing; it runs after all the others.
IGNORE_RULE = pk190_ignore_unused


def find(key: str) -> Rule | None:
    """The rule with this code (any case) or name, or None."""
    return find_rule(RULES, key)


def suggest(key: str) -> str | None:
    """The code or name nearest to a misspelt ``key`` (``PK1O4`` -> ``PK104``), or None."""
    return suggest_rule(RULES, key)
