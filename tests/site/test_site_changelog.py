"""The recent-changes page lists what changed per entity over the last 30 days up to the
build's day, with the same code as ``processkit changelog``; outside git it lists none."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult, write_files
from tests.site.repos import INKOP, RICH
from tests.test_changelog_support import GitRepo, epoch_at_noon

from processkit.site.pages import changes

Cli = Callable[..., CliResult]


@pytest.fixture
def changed_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """RICH committed on 2026-01-10; on 2026-03-05 a process got a new owner and a process
    was added; on 2026-03-20, after the build's day, another process was renamed."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_at_noon("2026-03-10"))
    repo = GitRepo(tmp_path / "git")
    write_files(repo.root, RICH)
    repo.commit("Första versionen", "2026-01-10")
    process = repo.root / "processes/barn/myndighet.yaml"
    text = process.read_text(encoding="utf-8")
    process.write_text(text.replace("owner: anna", "owner: erik"), encoding="utf-8")
    repo.write({"processes/stod/inkop.yaml": INKOP})
    repo.commit("Ny ägare och ny process", "2026-03-05", who="erik")
    economy = repo.root / "processes/stod/ekonomi.yaml"
    text = economy.read_text(encoding="utf-8")
    economy.write_text(text.replace("Ekonomistyrning", "Ekonomi"), encoding="utf-8")
    repo.commit("Efter byggdagen", "2026-03-20")
    return repo.root


def _section(output: Path) -> str:
    html = (output / "changes.html").read_text(encoding="utf-8")
    start = html.index('<section aria-labelledby="entity-changes">')
    return " ".join(html[start : html.index("</section>", start)].split())


def test_the_changes_page_shows_what_changed_per_entity(
    changed_repo: Path, cli: Cli, tmp_path: Path
) -> None:
    output = tmp_path / "site"
    assert cli("publish", changed_repo, "-o", output, "-q").code == 0
    assert _section(output) == (
        '<section aria-labelledby="entity-changes"> '
        '<h2 id="entity-changes">Ändrat i ledningssystemet</h2> '
        "<p>Det som ändrats från 2026-02-08 till 2026-03-10, senast ändrat först.</p> "
        '<ul class="entity-changes"> '
        '<li><span class="meta">Process</span> '
        '<a href="processes/inkop.html">Inköp &amp; avtal</a> '
        '<span class="change-type change-added">lades till</span> </li> '
        '<li><span class="meta">Process</span> '
        '<a href="processes/myndighet.html">Myndighetsutövning för barn</a> '
        '<span class="change-type change-changed">ändrades</span> '
        "<ul><li>processägare ändrades från Anna Nilsson till Erik Åberg</li></ul> </li> "
        "</ul>"
    )
    html = (output / "changes.html").read_text(encoding="utf-8")
    assert '<h2 id="commits">Ändringar i versionshanteringen</h2>' in html


def test_the_entity_list_is_capped(
    changed_repo: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changes, "ENTITY_CHANGES", 1)
    output = tmp_path / "site"
    assert cli("publish", changed_repo, "-o", output, "-q").code == 0
    section = _section(output)
    assert section.count('<span class="meta">Process</span>') == 1
    assert "Inköp &amp; avtal" in section
    assert section.endswith('</ul> <p class="meta">Och 1 till.</p>')


def test_a_site_built_outside_git_has_a_changes_page_without_entities(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = write_files(tmp_path / "plain", RICH)
    output = tmp_path / "site"
    assert cli("publish", root, "-o", output, "-q").code == 0
    html = (output / "changes.html").read_text(encoding="utf-8")
    assert 'id="entity-changes"' not in html
    assert '<h1 id="page-title">Senaste ändringar</h1>' in html
    assert "<p>Ingen historik finns i versionshanteringen.</p>" in html
