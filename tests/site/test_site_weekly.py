"""The weekly work on the Kalmar site: the maturity radar of a process page, the maturity
overview and every improvement proposal with the change that carried it out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from tests.conftest import KALMAR
from tests.site.conftest import EPOCH
from tests.test_changelog_support import GitRepo, kalmar_history

from processkit.cli.publishing import PublishRequest, publish


@pytest.fixture(scope="module")
def kalmar_in_git(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    return kalmar_history(tmp_path_factory.mktemp("kalmar-git"), KALMAR)[0]


@pytest.fixture(scope="module")
def git_site(kalmar_in_git: GitRepo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Kalmar published from its git repository (no search index; the cache outside it)."""
    folder = tmp_path_factory.mktemp("kalmar-site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        publish(
            PublishRequest(
                kalmar_in_git.root, folder / "site", search=False, cache_dir=folder / "cache"
            )
        )
    return folder / "site"


def _yaml(path: Path) -> dict[str, object]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_new_pages_are_at_their_addresses_and_in_the_menu(git_site: Path) -> None:
    for name in ("maturity.html", "proposals.html"):
        assert (git_site / name).is_file()
    page = (git_site / "processes" / "bu-utredning.html").read_text(encoding="utf-8")
    assert '<a href="../maturity.html">' in page
    assert '<a href="../proposals.html">' in page


def test_the_process_page_shows_the_radar_of_its_two_latest_assessments(git_site: Path) -> None:
    html = (git_site / "processes" / "bu-utredning.html").read_text(encoding="utf-8")
    assessments = sorted(
        (_yaml(path) for path in (KALMAR / "assessments").glob("*.yaml")),
        key=lambda a: str(a["date"]),
    )
    mine = [a for a in assessments if a["process"] == "bu-utredning"]
    previous, latest = mine[-2], mine[-1]
    config = _yaml(KALMAR / "processkit.yaml")
    maturity = config["maturity"]
    assert isinstance(maturity, dict)
    dims = maturity["dimensions"]
    start = html.index('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 460')
    svg = html[start : html.index("</svg>", start)]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    axes = svg[svg.index('class="radar-axis"') : svg.index("</g>", svg.index("radar-axis"))]
    assert axes.count("<line") == len(dims) == 5
    for shape in ("radar-latest", "radar-previous"):
        points = re.search(rf'class="{shape}" points="([^"]*)"', svg)
        assert points is not None and len(points.group(1).split()) == len(dims)
    table = html[html.index('id="radar-caption"') : html.index("</table>", html.index("radar"))]
    rows = re.findall(r"<tr><th scope=\"row\">[^<]*</th><td>(\w+)</td><td>(\w+)</td>", table)
    latest_scores = latest["scores"]
    previous_scores = previous["scores"]
    assert isinstance(latest_scores, dict) and isinstance(previous_scores, dict)
    expected = [(str(latest_scores[d]), str(previous_scores[d])) for d in dims]
    expected.append((str(min(latest_scores.values())), str(min(previous_scores.values()))))
    assert rows == expected
    assert f"Senaste ({latest['date']})" in table and f"Föregående ({previous['date']})" in table


def test_the_maturity_page_has_every_area_and_every_active_process(git_site: Path) -> None:
    html = (git_site / "maturity.html").read_text(encoding="utf-8")
    areas = sorted(path.stem for path in (KALMAR / "areas").glob("*.yaml"))
    assert sorted(re.findall(r'<section aria-labelledby="area-([^"]+)">', html)) == areas
    active = sorted(
        str(data["id"])
        for data in (_yaml(path) for path in (KALMAR / "processes").rglob("*.yaml"))
        if data.get("status") != "retired"
    )
    listed = sorted(re.findall(r'<a href="processes/([^"]+)\.html">', html))
    assert listed == active


def test_every_proposal_is_listed_with_the_commit_that_closed_it(
    kalmar_in_git: GitRepo, git_site: Path
) -> None:
    html = (git_site / "proposals.html").read_text(encoding="utf-8")
    files = sorted(path.stem for path in (KALMAR / "proposals").glob("*.yaml"))
    assert len(files) == 13
    assert sorted(re.findall(r'<tr id="(fp-[^"]+)">', html)) == files
    closing = kalmar_in_git.git("rev-parse", "HEAD")[:7]
    row = html[html.index('<tr id="fp-2026-005">') : html.index("</tr>", html.index("fp-2026-005"))]
    assert "Genomfört" in row
    assert f'<code class="commit">{closing}</code>' in row


def test_a_site_outside_git_names_no_closing_commit(kalmar_site: Path) -> None:
    html = (kalmar_site / "proposals.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<tr id="fp-', html)) == 13
    assert 'class="commit"' not in html
