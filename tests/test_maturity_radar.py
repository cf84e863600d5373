"""The radar chart of a process's maturity: an accessible SVG whose polygons carry the
scores, and the same numbers as a table."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.test_maturity import CUSTOM, FILES, _assessment

from processkit.loading.load import load_repository
from processkit.loading.repository import Repository
from processkit.site.radar import (
    CENTRE,
    RADIUS,
    RadarTable,
    radar_chart,
    radar_svg,
    radar_table,
)

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def repo(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Repository:
    return load_repository(make_repo(FILES)).repo


def _expected_points(scores: list[int], high: int = 4) -> list[tuple[float, float]]:
    """Where each score should be: on its axis (clockwise from the top), scaled to the top
    level, computed here independently of the chart's code."""
    points = []
    for index, score in enumerate(scores):
        angle = 2 * math.pi * index / len(scores)
        distance = RADIUS * score / high
        points.append(
            (CENTRE[0] + distance * math.sin(angle), CENTRE[1] - distance * math.cos(angle))
        )
    return points


def _points(element: ET.Element) -> list[tuple[float, float]]:
    pairs = [pair.split(",") for pair in element.attrib["points"].split()]
    return [(float(x), float(y)) for x, y in pairs]


def _close(found: list[tuple[float, float]], expected: list[tuple[float, float]]) -> bool:
    return len(found) == len(expected) and all(
        abs(a - c) <= 0.06 and abs(b - d) <= 0.06
        for (a, b), (c, d) in zip(found, expected, strict=True)
    )


def test_the_svg_carries_the_latest_and_previous_scores(repo: Repository) -> None:
    chart = radar_chart(repo, "bu-utredning", "sv")
    assert chart is not None
    svg = ET.fromstring(radar_svg(chart, "sv"))
    assert svg.attrib["role"] == "img"
    assert svg.attrib["aria-labelledby"] == "radar-bu-utredning-title radar-bu-utredning-desc"
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert (title.attrib["id"], title.text) == (
        "radar-bu-utredning-title",
        "Mognad: Utreda barns behov",
    )
    assert desc.text == (
        "Senaste bedömning 2026-03-01, nivå 2: Design 3, Utförare 2, Ägare 3, Infrastruktur 2, "
        "Mätetal 2. Föregående bedömning 2025-03-01, nivå 1: Design 2, Utförare 1, Ägare 2, "
        "Infrastruktur 2, Mätetal 1. Skala 0\u20134; processens nivå är dess lägsta poäng."
    )
    polygons = {p.attrib.get("class"): p for p in svg.iter(f"{SVG}polygon")}
    assert _close(_points(polygons["radar-latest"]), _expected_points([3, 2, 3, 2, 2]))
    assert _close(_points(polygons["radar-previous"]), _expected_points([2, 1, 2, 2, 1]))
    rings = [p for p in svg.iter(f"{SVG}polygon") if "data-level" in p.attrib]
    assert [ring.attrib["data-level"] for ring in rings] == ["1", "2", "3", "4"]
    assert _close(_points(rings[-1]), _expected_points([4, 4, 4, 4, 4]))
    labels = [
        (t.attrib["data-dimension"], t.text)
        for t in svg.iter(f"{SVG}text")
        if "data-dimension" in t.attrib
    ]
    assert labels == [
        ("design", "Design"),
        ("performers", "Utförare"),
        ("owner", "Ägare"),
        ("infrastructure", "Infrastruktur"),
        ("metrics", "Mätetal"),
    ]


def test_the_table_beside_it_holds_the_same_numbers(repo: Repository) -> None:
    chart = radar_chart(repo, "bu-utredning", "sv")
    assert chart is not None
    table = radar_table(chart, "sv")
    assert table.caption == "Mognad per dimension för Utreda barns behov"
    assert table.headers == (
        "Dimension",
        "Senaste (2026-03-01)",
        "Föregående (2025-03-01)",
        "Förändring",
    )
    assert table.rows == (
        ("Design", "3", "2", "+1"),
        ("Utförare", "2", "1", "+1"),
        ("Ägare", "3", "2", "+1"),
        ("Infrastruktur", "2", "2", "±0"),
        ("Mätetal", "2", "1", "+1"),
        ("Nivå (lägsta poäng)", "2", "1", "+1"),
    )


def test_one_assessment_and_a_missing_score(repo: Repository) -> None:
    chart = radar_chart(repo, "bu-del", "en")
    assert chart is not None
    text = radar_svg(chart, "en", id_prefix="chart-1")
    svg = ET.fromstring(text)
    assert svg.attrib["aria-labelledby"] == "chart-1-title chart-1-desc"
    desc = svg.find(f"{SVG}desc")
    assert desc is not None
    assert desc.text == (
        "Latest assessment 2026-02-01, level 0: Design 1, Performers 1, Owner 0, "
        "Infrastructure 1, Metrics not scored. Scale 0\u20134; the process's level is its lowest "
        "score."
    )
    classes = [p.attrib.get("class") for p in svg.iter(f"{SVG}polygon") if "class" in p.attrib]
    assert classes == ["radar-latest"]
    latest = next(p for p in svg.iter(f"{SVG}polygon") if p.attrib.get("class") == "radar-latest")
    assert _close(_points(latest), _expected_points([1, 1, 0, 1, 0]))
    assert radar_table(chart, "en") == RadarTable(
        "Maturity per dimension of Samtala",
        ("Dimension", "Latest (2026-02-01)"),
        (
            ("Design", "1"),
            ("Performers", "1"),
            ("Owner", "0"),
            ("Infrastructure", "1"),
            ("Metrics", "not scored"),
            ("Level (lowest score)", "0"),
        ),
    )


def test_never_assessed_has_no_chart(repo: Repository) -> None:
    assert radar_chart(repo, "bu-placering", "sv") is None


def test_a_custom_scale_and_names_are_escaped(
    make_repo: Callable[[dict[str, str | bytes]], Path],
) -> None:
    root = make_repo(
        {
            "processkit.yaml": CUSTOM.replace("Arbetssätt", "'Arbete & <sätt>'"),
            "areas/bu.yaml": FILES["areas/bu.yaml"],
            "processes/bu-utredning.yaml": str(FILES["processes/bu-utredning.yaml"]),
            "assessments/a.yaml": _assessment(
                "m1", "bu-utredning", "2026-03-01", "{styrning: 1, arbetssatt: 3, uppfoljning: 2}"
            ),
        }
    )
    chart = radar_chart(load_repository(root).repo, "bu-utredning", "sv")
    assert chart is not None
    text = radar_svg(chart, "sv")
    assert "Arbete &amp; &lt;sätt&gt;" in text
    svg = ET.fromstring(text)
    latest = next(p for p in svg.iter(f"{SVG}polygon") if p.attrib.get("class") == "radar-latest")
    # levels 1-3: a 1 sits at the centre, a 3 on the outer ring
    assert _close(_points(latest), [(p[0], p[1]) for p in _expected_points([0, 2, 1], high=2)])
    rings = [p.attrib["data-level"] for p in svg.iter(f"{SVG}polygon") if "data-level" in p.attrib]
    assert rings == ["2", "3"]
