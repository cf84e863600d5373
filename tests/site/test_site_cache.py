"""Rebuilding fast: pages, flow maps and search shards that did not change are taken from the
cache (.processkit-cache/site), and what comes out is the same as a build from nothing."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import write_files
from tests.site.conftest import EPOCH
from tests.site.repos import RICH
from tests.site.test_site_build import snapshot

from processkit import i18n
from processkit.cli.publishing import PublishRequest, publish
from processkit.site import build as build_module
from processkit.site import maps as maps_module
from processkit.site import search as search_module


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many pages were rendered, flow maps made and search shards indexed."""
    counted: Counter[str] = Counter()

    def counting(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counted[name] += 1
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(build_module, "render_page", counting("pages", build_module.render_page))
    monkeypatch.setattr(maps_module, "_job", counting("maps", maps_module._job))
    monkeypatch.setattr(
        search_module, "_index_shard", counting("shards", search_module._index_shard)
    )
    return counted


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return write_files(tmp_path / "repo", RICH)


def test_an_unchanged_repository_is_rebuilt_from_the_cache(
    repo: Path, tmp_path: Path, calls: Counter[str]
) -> None:
    first = snapshot(publish(PublishRequest(repo, tmp_path / "one")).output)
    assert calls == {"pages": 19, "maps": 4, "shards": 2}
    calls.clear()
    second = snapshot(publish(PublishRequest(repo, tmp_path / "two")).output)
    # only the landscapes are made again (from the renderer's own cache): they show everything
    assert calls == {"maps": 3}
    assert second == first


def test_one_changed_process_renders_what_shows_it(
    repo: Path, tmp_path: Path, calls: Counter[str]
) -> None:
    publish(PublishRequest(repo, tmp_path / "site"))
    calls.clear()
    changed = repo / "processes/barn/utredning.yaml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Planen görs med familjen.", "Ny planering."),
        encoding="utf-8",
    )
    publish(PublishRequest(repo, tmp_path / "site"))
    # its page; its flow map (and the landscapes, always); the shard of process pages
    assert calls == {"pages": 1, "maps": 4, "shards": 1}
    html = (tmp_path / "site/processes/utredning.html").read_text(encoding="utf-8")
    assert "Ny planering." in html
    # and the result is what a build from nothing makes
    cold = tmp_path / "cold"
    (repo / ".processkit-cache").rename(tmp_path / "old-cache")
    publish(PublishRequest(repo, cold))
    assert snapshot(cold) == snapshot(tmp_path / "site")


def test_the_cache_keeps_only_what_the_last_site_used(repo: Path, tmp_path: Path) -> None:
    publish(PublishRequest(repo, tmp_path / "site"))
    (repo / "processes/barn/gammal.yaml").unlink()
    publish(PublishRequest(repo, tmp_path / "site"))
    pages = list((repo / ".processkit-cache/site/pages").glob("*/*"))
    assert len(pages) == 18  # 19 pages less the removed process's
    assert (repo / ".processkit-cache/.gitignore").read_text(encoding="utf-8") == (
        "# made by processkit: a cache, never committed\n*\n"
    )


def test_a_changed_publication_date_does_not_reindex(
    repo: Path, tmp_path: Path, calls: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    publish(PublishRequest(repo, tmp_path / "site"))
    calls.clear()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 86_400))
    publish(PublishRequest(repo, tmp_path / "site"))
    # every page shows the new date in its footer, which search does not read: only the
    # shard with the accessibility statement (its main text gives the date) is indexed again
    assert calls == {"pages": 19, "maps": 3, "shards": 1}


def test_a_changed_message_catalogue_renders_every_page_again(
    repo: Path, tmp_path: Path, calls: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages' and the maps' words are in the catalogue of the site's language, not in the
    templates or the map code: a new processkit with other Swedish words makes every page and
    draws every map anew."""
    publish(PublishRequest(repo, tmp_path / "site"))
    calls.clear()
    changed = tmp_path / "locale"
    shutil.copytree(i18n.locale_dir(), changed)
    with (changed / "sv" / "LC_MESSAGES" / "processkit.mo").open("ab") as catalogue:
        catalogue.write(b"\0")
    monkeypatch.setattr(i18n, "locale_dir", lambda: changed)
    publish(PublishRequest(repo, tmp_path / "site"))
    assert calls["pages"] == 19
    assert calls["maps"] == 4  # as in a cold build (an unchanged rebuild makes 3)
