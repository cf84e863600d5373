"""Golden files of the maturity overview and a radar chart of examples/kalmar (see
test_review_goldens.py)."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import KALMAR, CliResult
from tests.golden_support import check_golden
from tests.test_review_goldens import GOLDENS

from processkit.loading.load import load_repository
from processkit.site.radar import radar_chart, radar_svg


def test_kalmar_maturity_matches_its_golden(
    cli: Callable[..., CliResult], update_goldens: bool
) -> None:
    result = cli("maturity", KALMAR)
    assert (result.code, result.err) == (0, "")
    check_golden(GOLDENS / "kalmar-maturity.txt", result.out, update_goldens)


def test_kalmar_radar_chart_matches_its_golden(update_goldens: bool) -> None:
    repo = load_repository(KALMAR).repo
    chart = radar_chart(repo, "bu-utredning", "sv")
    assert chart is not None and chart.previous is not None
    check_golden(GOLDENS / "kalmar-radar-bu-utredning.svg", radar_svg(chart, "sv"), update_goldens)
