"""A process's latest maturity assessment against the previous one, as an accessible SVG
radar (spider) chart, with the same numbers as a table to show beside it."""

from __future__ import annotations

import math
from datetime import date
from functools import cache
from html import escape

from processkit import i18n
from processkit.domain.maturity import Dimension, dimensions, process_maturity
from processkit.frozen import frozen
from processkit.i18n import _
from processkit.loading.repository import Repository
from processkit.model import Assessment
from processkit.words import DASH, Language

WIDTH = 460
HEIGHT = 340
CENTRE = (230.0, 155.0)
RADIUS = 100.0
LABEL_RADIUS = 116.0


@cache
def _words_of(language: Language) -> dict[str, str]:
    """The chart's words in ``language`` (the site's), from the message catalogue."""
    with i18n.speaking(language):
        return {
            "title": _("Maturity: {name}"),
            "latest": _("Latest assessment {date}"),
            "previous": _("Previous assessment {date}"),
            "level": _("level {level}"),
            "not_scored": _("not scored"),
            "scale": _("Scale {low}\u2013{high}; the process's level is its lowest score."),
            "caption": _("Maturity per dimension of {name}"),
            "dimension": _("Dimension"),
            "latest_col": _("Latest ({date})"),
            "previous_col": _("Previous ({date})"),
            "change": _("Change"),
            "level_row": _("Level (lowest score)"),
        }


@frozen
class RadarChart:
    """The numbers a radar chart shows: per dimension the latest score and the previous one
    (None: not scored, or no previous assessment)."""

    process_id: str
    process_name: str
    dimensions: tuple[Dimension, ...]
    levels: tuple[int, ...]
    latest: tuple[int | None, ...]
    latest_date: date
    latest_level: int | None
    previous: tuple[int | None, ...] | None
    previous_date: date | None
    previous_level: int | None


@frozen
class RadarTable:
    """The chart's numbers as a table: a caption, column headings and rows of text."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def radar_chart(
    repo: Repository,
    process_id: str,
    language: Language,
    assessments: list[Assessment] | None = None,
    named: tuple[Dimension, ...] | None = None,
) -> RadarChart | None:
    """The chart of one process, or None when it has never been assessed. The process's
    ``assessments`` (oldest first) and the ``named`` dimensions are looked up unless given (the
    site gives them, so as not to look them up once per process)."""
    maturity = process_maturity(repo, process_id, assessments)
    if maturity.date is None:
        return None
    has_previous = maturity.previous_date is not None
    return RadarChart(
        process_id=process_id,
        process_name=maturity.name,
        dimensions=dimensions(repo, language) if named is None else named,
        levels=tuple(repo.config.maturity.levels),
        latest=tuple(score.value for score in maturity.scores),
        latest_date=maturity.date,
        latest_level=maturity.level,
        previous=tuple(score.previous for score in maturity.scores) if has_previous else None,
        previous_date=maturity.previous_date,
        previous_level=maturity.previous_level,
    )


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _point(index: int, count: int, fraction: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return (
        CENTRE[0] + RADIUS * fraction * math.cos(angle),
        CENTRE[1] + RADIUS * fraction * math.sin(angle),
    )


def _points(values: tuple[int | None, ...], low: int, high: int) -> str:
    span = (high - low) or 1
    pairs = []
    for index, value in enumerate(values):
        fraction = 0.0 if value is None else max(0.0, min(1.0, (value - low) / span))
        x, y = _point(index, len(values), fraction)
        pairs.append(f"{_num(x)},{_num(y)}")
    return " ".join(pairs)


def _scores_text(chart: RadarChart, values: tuple[int | None, ...], language: Language) -> str:
    words = _words_of(language)
    return ", ".join(
        f"{dim.label} {words['not_scored'] if value is None else value}"
        for dim, value in zip(chart.dimensions, values, strict=True)
    )


def describe_chart(chart: RadarChart, language: Language) -> str:
    """The chart in words, for its ``<desc>`` (what a screen reader says)."""
    words = _words_of(language)
    parts = [
        f"{words['latest'].format(date=chart.latest_date.isoformat())}, "
        f"{words['level'].format(level=_level(chart.latest_level))}: "
        f"{_scores_text(chart, chart.latest, language)}."
    ]
    if chart.previous is not None and chart.previous_date is not None:
        parts.append(
            f"{words['previous'].format(date=chart.previous_date.isoformat())}, "
            f"{words['level'].format(level=_level(chart.previous_level))}: "
            f"{_scores_text(chart, chart.previous, language)}."
        )
    if chart.levels:
        parts.append(words["scale"].format(low=min(chart.levels), high=max(chart.levels)))
    return " ".join(parts)


def _level(level: int | None) -> str:
    return DASH if level is None else str(level)


def radar_svg(chart: RadarChart, language: Language, *, id_prefix: str | None = None) -> str:
    """The chart as an SVG element to put in a page: ``role="img"`` with a ``<title>`` and a
    ``<desc>`` that say everything it shows. ``id_prefix`` keeps the ids unique on the page
    (default ``radar-<process id>``). Styled by attributes, which a stylesheet may override
    through the classes ``radar-grid``, ``radar-axis``, ``radar-label``, ``radar-latest`` and
    ``radar-previous``."""
    words = _words_of(language)
    prefix = id_prefix or f"radar-{chart.process_id}"
    low = min(chart.levels) if chart.levels else 0
    high = max(chart.levels) if chart.levels else 1
    count = len(chart.dimensions)
    title = words["title"].format(name=chart.process_name)
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" class="radar" font-family="sans-serif" '
        f'aria-labelledby="{prefix}-title {prefix}-desc">',
        f'<title id="{prefix}-title">{escape(title)}</title>',
        f'<desc id="{prefix}-desc">{escape(describe_chart(chart, language))}</desc>',
    ]
    if count >= 3:
        lines.append('<g class="radar-grid" fill="none" stroke="#c8c8c8" stroke-width="1">')
        for level in chart.levels:
            if level == low:
                continue
            ring = tuple(level for _ in range(count))
            lines.append(f'<polygon data-level="{level}" points="{_points(ring, low, high)}"/>')
        lines.append("</g>")
        lines.append('<g class="radar-axis" stroke="#c8c8c8" stroke-width="1">')
        for index in range(count):
            x, y = _point(index, count, 1.0)
            lines.append(
                f'<line x1="{_num(CENTRE[0])}" y1="{_num(CENTRE[1])}" '
                f'x2="{_num(x)}" y2="{_num(y)}"/>'
            )
        lines.append("</g>")
        lines.append('<g class="radar-scale" font-size="10" fill="#666" text-anchor="end">')
        for level in chart.levels:
            _x, y = _point(0, count, (level - low) / ((high - low) or 1))
            lines.append(f'<text x="{_num(CENTRE[0] - 4)}" y="{_num(y + 3)}">{level}</text>')
        lines.append("</g>")
        if chart.previous is not None:
            lines.append(
                f'<polygon class="radar-previous" points="{_points(chart.previous, low, high)}" '
                'fill="none" stroke="#6b6b6b" stroke-width="2" stroke-dasharray="5 4"/>'
            )
        lines.append(
            f'<polygon class="radar-latest" points="{_points(chart.latest, low, high)}" '
            'fill="#1f5fa8" fill-opacity="0.25" stroke="#1f5fa8" stroke-width="2.5"/>'
        )
    lines.append('<g class="radar-label" font-size="13" fill="#222">')
    for index, dim in enumerate(chart.dimensions):
        angle = -math.pi / 2 + 2 * math.pi * index / max(count, 1)
        x = CENTRE[0] + LABEL_RADIUS * math.cos(angle)
        y = CENTRE[1] + LABEL_RADIUS * math.sin(angle) + 4
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else "start" if x > CENTRE[0] else "end"
        if math.sin(angle) < -0.9:
            y -= 4
        elif math.sin(angle) > 0.9:
            y += 8
        lines.append(
            f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}" '
            f'data-dimension="{escape(dim.id)}">{escape(dim.label)}</text>'
        )
    lines.append("</g>")
    lines += _legend(chart, language)
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def _legend(chart: RadarChart, language: Language) -> list[str]:
    words = _words_of(language)
    y = HEIGHT - 34
    lines = [
        '<g class="radar-legend" font-size="12" fill="#222">',
        f'<rect x="20" y="{y - 9}" width="18" height="10" fill="#1f5fa8" fill-opacity="0.25" '
        'stroke="#1f5fa8" stroke-width="2"/>',
        f'<text x="44" y="{y}">{escape(words["latest"].format(date=chart.latest_date))}</text>',
    ]
    if chart.previous_date is not None:
        y += 20
        lines += [
            f'<line x1="20" y1="{y - 4}" x2="38" y2="{y - 4}" stroke="#6b6b6b" '
            'stroke-width="2" stroke-dasharray="5 4"/>',
            f'<text x="44" y="{y}">'
            f"{escape(words['previous'].format(date=chart.previous_date))}</text>",
        ]
    lines.append("</g>")
    return lines


def radar_table(chart: RadarChart, language: Language) -> RadarTable:
    """The chart's numbers as a table: a row per dimension (latest, previous, change) and a
    last row with the levels."""
    words = _words_of(language)
    headers = [words["dimension"], words["latest_col"].format(date=chart.latest_date)]
    if chart.previous is not None:
        headers += [words["previous_col"].format(date=chart.previous_date), words["change"]]
    rows = []
    previous = chart.previous or tuple(None for _ in chart.latest)
    for dim, value, before in zip(chart.dimensions, chart.latest, previous, strict=True):
        row = [dim.label, _cell(value, language)]
        if chart.previous is not None:
            row += [_cell(before, language), _change(value, before)]
        rows.append(tuple(row))
    level_row = [words["level_row"], _level(chart.latest_level)]
    if chart.previous is not None:
        level_row += [
            _level(chart.previous_level),
            _change(chart.latest_level, chart.previous_level),
        ]
    rows.append(tuple(level_row))
    caption = words["caption"].format(name=chart.process_name)
    return RadarTable(caption, tuple(headers), tuple(rows))


def _cell(value: int | None, language: Language) -> str:
    return _words_of(language)["not_scored"] if value is None else str(value)


def _change(value: int | None, before: int | None) -> str:
    if value is None or before is None:
        return DASH
    difference = value - before
    return "±0" if difference == 0 else f"{difference:+d}"
