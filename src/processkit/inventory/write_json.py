"""The inventory as JSON: FORMAT.md's shape for the default view, documented shapes for the
pivots and the list (docs/inventory.md)."""

from __future__ import annotations

import json
from typing import Any

from processkit.inventory.model import GroupCount, Inventory, ProcessRow, View
from processkit.inventory.pivots import by_owner, by_role, by_status, by_type


def json_document(inv: Inventory, view: View) -> dict[str, Any]:
    """The JSON document of one view, as plain data."""
    if view == "area":
        return {"total": inv.total, "areas": [_area(group) for group in inv.areas]}
    if view == "type":
        return {
            "total": inv.total,
            "types": [
                {"id": g.id, "processes": g.processes, "by_status": dict(g.by_status)}
                for g in by_type(inv)
            ],
        }
    if view == "status":
        groups = by_status(inv)
        return {
            "total": sum(g.processes for g in groups),
            "statuses": [
                {"id": g.id, "processes": g.processes, "by_type": dict(g.by_type)} for g in groups
            ],
        }
    if view == "owner":
        pivot = by_owner(inv)
        return {
            "total": inv.total,
            "people": [
                {"id": p.id, "name": p.name, "owns": p.owns, "leads": p.leads} for p in pivot.people
            ],
            "without_owner": pivot.without_owner,
            "without_leaders": pivot.without_leaders,
        }
    if view == "role":
        return {
            "total": inv.total,
            "roles": [
                {"id": r.id, "name": r.name, "processes": r.processes, "activities": r.activities}
                for r in by_role(inv)
            ],
        }
    return {"today": inv.today.isoformat(), "processes": [_process(row) for row in inv.processes]}


def json_text(inv: Inventory, view: View) -> str:
    """The JSON document of one view, indented, ending in a newline."""
    return json.dumps(json_document(inv, view), ensure_ascii=False, indent=2) + "\n"


def _area(group: GroupCount) -> dict[str, Any]:
    return {
        "id": group.id,
        "name": group.name,
        "processes": group.processes,
        "by_type": dict(group.by_type),
        "by_status": dict(group.by_status),
    }


def _process(row: ProcessRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "area": row.area,
        "type": row.type,
        "level": row.level,
        "depth": row.depth,
        "parent": row.parent,
        "owner": row.owner,
        "leaders": list(row.leaders),
        "status": row.status,
        "version": row.version,
        "approved": row.approved.isoformat() if row.approved else None,
        "next_review": row.next_review.isoformat() if row.next_review else None,
        "overdue": row.overdue,
        "mapped": row.mapped,
        "specified": row.specified,
        "measures": row.measures,
        "risks": row.risks,
        "open_proposals": row.open_proposals,
        "maturity": row.maturity,
    }
