"""The maturity overview as a terminal table, JSON or CSV."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

from processkit import i18n
from processkit.csvcells import CsvDialect, csv_writer, default_dialect, text_cell
from processkit.domain.maturity import MaturityOverview, ProcessMaturity
from processkit.domain.structure import NESTED_LEVELS
from processkit.i18n import _, p_
from processkit.reports.texttable import WIDTH, render_table
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
    return ", ".join(_("level {level}: {n}", level=level, n=n) for level, n in counts.items())


def maturity_table(overview: MaturityOverview, *, width: int = WIDTH) -> str:
    """Per area: the distribution of levels, then each process (by name, its id after it) with
    its level and its scores, the change since its previous assessment beside each."""
    assessed = overview.process_count - len(overview.never_assessed)
    levels = f"{min(overview.levels)}{DASH}{max(overview.levels)}" if overview.levels else DASH
    parts = [
        _(
            "Maturity on levels {levels}; a process's level is its lowest dimension score. "
            "{assessed} of {total} processes assessed; "
            "(+1) marks the change since the previous assessment.",
            levels=levels,
            assessed=assessed,
            total=overview.process_count,
        )
        + "\n"
    ]
    for level, text in overview.descriptions.items():
        parts[0] += f"  {level}: {text}\n"
    headers = [
        p_("maturity table", "Process"),
        p_("maturity table", "Assessed"),
        p_("maturity table", "Level"),
        *(d.label for d in overview.dimensions),
    ]
    for area in overview.areas:
        count = len(area.processes)
        parts.append(
            _(
                "{area} ({id}): {assessed} of {count} assessed; {distribution}; "
                "not assessed: {not_assessed}",
                area=area.name,
                id=area.area_id,
                assessed=count - area.not_assessed,
                count=count,
                distribution=_distribution(area.distribution),
                not_assessed=area.not_assessed,
            )
            + "\n"
        )
        if area.processes:
            rows = [_row(p) for p in area.processes]
            # a score and its change are one value: never wrapped apart
            keep = range(1, len(headers))
            parts.append(render_table(headers, rows, keep=keep, width=width))
    return "\n".join(parts)


def _row(process: ProcessMaturity) -> list[str]:
    # indented by level, as deep as the site's lists nest: a parent chain thousands deep
    # would otherwise push the names out of sight (and the table to gigabytes)
    indent = "  " * min(process.depth, NESTED_LEVELS - 1)
    name = f"{indent}{process.name} ({process.process_id})"
    if not process.assessed:
        return [name, _("not assessed"), "", *("" for _score in process.scores)]
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


def maturity_csv(overview: MaturityOverview, dialect: CsvDialect | None = None) -> str:
    """One row per process: its latest level and scores, and the previous ones. In English the
    header row has the names of the JSON fields (the dimensions by id), in Swedish words (the
    dimensions by their labels). ``dialect``: by default ``excel`` when Swedish is spoken."""
    english = i18n.current() == "en"
    dims = [d.id if english else d.label for d in overview.dimensions]
    buffer = io.StringIO()
    writer = csv_writer(buffer, dialect or default_dialect(i18n.current()), "\n")
    writer.writerow(
        [
            p_("maturity csv", "area"),
            p_("maturity csv", "process"),
            p_("maturity csv", "name"),
            p_("maturity csv", "date"),
            p_("maturity csv", "level"),
            *dims,
            p_("maturity csv", "previous_date"),
            p_("maturity csv", "previous_level"),
            *(p_("maturity csv", "previous_{dimension}", dimension=d) for d in dims),
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
    "text": lambda overview: maturity_table(overview),
    "json": maturity_json,
    "csv": lambda overview: maturity_csv(overview),
}
