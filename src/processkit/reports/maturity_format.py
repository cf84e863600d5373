"""The maturity overview as a terminal table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from processkit.csvcells import text_cell
from processkit.domain.maturity import MaturityOverview, ProcessMaturity
from processkit.domain.structure import NESTED_LEVELS
from processkit.reports.texttable import render_table
from processkit.words import DASH


def with_change(value: int | None, change: int | None) -> str:
    """``3 (+1)``, ``2 (-1)``, ``2 (±0)``; ``3`` with no earlier score; a dash when unscored."""
    if value is None:
        return DASH
    if change is None:
        return str(value)
    sign = "±" if change == 0 else "+" if change > 0 else "-"
    return f"{value} ({sign}{abs(change)})"


def _distribution(counts: dict[int, int]) -> str:
    return ", ".join(f"level {level}: {n}" for level, n in counts.items())


def maturity_table(overview: MaturityOverview) -> str:
    """Per area: the distribution of levels, then each process's level and scores with the
    change since its previous assessment."""
    assessed = overview.process_count - len(overview.never_assessed)
    levels = f"{min(overview.levels)}{DASH}{max(overview.levels)}" if overview.levels else DASH
    parts = [
        f"Maturity on levels {levels}; a process's level is its lowest dimension score. "
        f"{assessed} of {overview.process_count} processes assessed; "
        "(+1) marks the change since the previous assessment.\n"
    ]
    for level, text in overview.descriptions.items():
        parts[0] += f"  {level}: {text}\n"
    headers = ["Process", "Assessed", "Level", *(d.id for d in overview.dimensions)]
    for area in overview.areas:
        count = len(area.processes)
        parts.append(
            f"{area.name} ({area.area_id}): {count - area.not_assessed} of {count} assessed; "
            f"{_distribution(area.distribution)}; not assessed: {area.not_assessed}\n"
        )
        if area.processes:
            parts.append(render_table(headers, [_row(p) for p in area.processes]))
    return "\n".join(parts)


def _row(process: ProcessMaturity) -> list[str]:
    # indented by level, as deep as the site's lists nest: a parent chain thousands deep
    # would otherwise push the names out of sight (and the table to gigabytes)
    name = "  " * min(process.depth, NESTED_LEVELS - 1) + process.process_id
    if not process.assessed:
        return [name, "not assessed", "", *("" for _ in process.scores)]
    return [
        name,
        process.date.isoformat() if process.date else "",
        with_change(process.level, process.level_change),
        *(with_change(score.value, score.change) for score in process.scores),
    ]


def _process_data(process: ProcessMaturity) -> dict[str, Any]:
    return {
        "id": process.process_id,
        "name": process.name,
        "assessments": process.assessments,
        "assessment": process.assessment_id,
        "date": process.date.isoformat() if process.date else None,
        "level": process.level,
        "scores": {score.dimension: score.value for score in process.scores},
        "previous": None
        if process.previous_id is None
        else {
            "assessment": process.previous_id,
            "date": process.previous_date.isoformat() if process.previous_date else None,
            "level": process.previous_level,
            "scores": {score.dimension: score.previous for score in process.scores},
        },
        "changes": {score.dimension: score.change for score in process.scores},
        "level_change": process.level_change,
    }


def maturity_data(overview: MaturityOverview) -> dict[str, Any]:
    """The overview as JSON-ready data."""
    return {
        "levels": list(overview.levels),
        "dimensions": [{"id": d.id, "label": d.label} for d in overview.dimensions],
        "descriptions": {str(level): text for level, text in overview.descriptions.items()},
        "summary": {
            "processes": overview.process_count,
            "not_assessed": len(overview.never_assessed),
        },
        "areas": [
            {
                "id": area.area_id,
                "name": area.name,
                "distribution": {str(level): n for level, n in area.distribution.items()},
                "not_assessed": area.not_assessed,
                "processes": [_process_data(p) for p in area.processes],
            }
            for area in overview.areas
        ],
    }


def maturity_json(overview: MaturityOverview) -> str:
    return json.dumps(maturity_data(overview), ensure_ascii=False, indent=2) + "\n"


def maturity_csv(overview: MaturityOverview) -> str:
    """One row per process: its latest level and scores, and the previous ones."""
    dims = [d.id for d in overview.dimensions]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "area",
            "process",
            "name",
            "date",
            "level",
            *dims,
            "previous_date",
            "previous_level",
            *(f"previous_{d}" for d in dims),
        ]
    )
    for area in overview.areas:
        for p in area.processes:
            writer.writerow(
                [
                    text_cell(area.area_id),
                    text_cell(p.process_id),
                    text_cell(p.name),
                    p.date.isoformat() if p.date else "",
                    _cell(p.level),
                    *(_cell(s.value) for s in p.scores),
                    p.previous_date.isoformat() if p.previous_date else "",
                    _cell(p.previous_level),
                    *(_cell(s.previous) for s in p.scores),
                ]
            )
    return buffer.getvalue()


def _cell(value: int | None) -> str:
    return "" if value is None else str(value)


#: ``maturity --format NAME``: the overview as text, by the format's name.
REPORTER_BY_NAME: dict[str, Callable[[MaturityOverview], str]] = {
    "text": maturity_table,
    "json": maturity_json,
    "csv": maturity_csv,
}
