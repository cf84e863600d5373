"""The process inventory: how many processes there are, where, and in what state.

``inventory(repo, today=...)`` computes it once; the pivots (``by_type`` …), the plain tables
(``table_of``) and the writers (CSV, Markdown, JSON, xlsx) read that result. The command
``processkit inventory`` and the published site's start page both use this package.
"""

from __future__ import annotations

from processkit.inventory.compute import UnknownArea, UnknownStatus, count_group, inventory
from processkit.inventory.model import (
    PIVOTS,
    VIEWS,
    GroupCount,
    Inventory,
    OwnerPivot,
    PersonCount,
    ProcessRow,
    RoleCount,
    View,
)
from processkit.inventory.pivots import by_owner, by_role, by_status, by_type
from processkit.inventory.tables import Column, Table, all_tables, cell_text, table_of

__all__ = [
    "PIVOTS",
    "VIEWS",
    "Column",
    "GroupCount",
    "Inventory",
    "OwnerPivot",
    "PersonCount",
    "ProcessRow",
    "RoleCount",
    "Table",
    "UnknownArea",
    "UnknownStatus",
    "View",
    "all_tables",
    "by_owner",
    "by_role",
    "by_status",
    "by_type",
    "cell_text",
    "count_group",
    "inventory",
    "table_of",
]
