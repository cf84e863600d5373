"""Rebuilding fast: pages, flow maps and search shards that did not change are taken from the
cache (.processkit-cache/site), and what comes out is the same as a build from nothing."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import KALMAR, count_store_reads, write_files
from tests.site.conftest import EPOCH, filtering_templates
from tests.site.repos import RICH
from tests.site.test_site_build import snapshot

from processkit import i18n
from processkit.cache import store_bytes, stored_values
from processkit.cli.publishing import PublishRequest, publish
from processkit.render import catalogue
from processkit.site import build as build_module
from processkit.site import maps as maps_module
from processkit.site import search as search_module
from processkit.site.filecache import FileCache


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
def made(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Which landscapes are made (by area, "" for the whole organisation), and whether for
    their texts only (their drawing kept)."""
    noted: list[tuple[str, bool]] = []
    landscape = catalogue.landscape_dot

    def making(repo: Any, *, area: str | None = None, words_only: bool = False, **rest: Any) -> Any:
        noted.append((area or "", words_only))
        return landscape(repo, area=area, words_only=words_only, **rest)

    monkeypatch.setattr(catalogue, "landscape_dot", making)
    return noted


def cold_build(repo: Path, tmp_path: Path) -> dict[str, bytes]:
    """The site as a new process builds it with an empty cache (nothing kept in memory)."""
    from processkit.cli import publishing
    from processkit.site import templating

    publishing._READ[:] = [None, None, None]
    templating._MADE.clear()
    folder = tmp_path / f"cold-{len(list(tmp_path.glob('cold-*')))}"
    publish(PublishRequest(repo, folder, cache_dir=folder.with_suffix(".cache")))
    return snapshot(folder)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return write_files(tmp_path / "repo", RICH)


def test_an_unchanged_repository_is_rebuilt_from_the_cache(
    repo: Path, tmp_path: Path, calls: Counter[str]
) -> None:
    first = snapshot(publish(PublishRequest(repo, tmp_path / "one")).output)
    assert calls == {"pages": 19, "maps": 4, "shards": 4}
    calls.clear()
    second = snapshot(publish(PublishRequest(repo, tmp_path / "two")).output)
    # nothing is made again: every map, page and shard is taken from the cache
    assert calls == {}
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
    # its page; its flow map (the landscapes do not show an activity's description); the
    # shard of process pages
    assert calls == {"pages": 1, "maps": 1, "shards": 1}
    html = (tmp_path / "site/processes/utredning.html").read_text(encoding="utf-8")
    assert "Ny planering." in html
    # and the result is what a build from nothing makes
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")


def test_the_cache_keeps_only_what_the_last_site_used(repo: Path, tmp_path: Path) -> None:
    publish(PublishRequest(repo, tmp_path / "site"))
    (repo / "processes/barn/gammal.yaml").unlink()
    publish(PublishRequest(repo, tmp_path / "site"))
    pages = list((repo / ".processkit-cache/site/pages").glob("*/*"))
    assert len(pages) == 18  # 19 pages less the removed process's
    assert (repo / ".processkit-cache/.gitignore").read_text(encoding="utf-8") == (
        "# made by processkit: a cache, never committed\n*\n"
    )


def test_a_changed_publication_date_renders_only_the_pages_that_show_it(
    repo: Path,
    tmp_path: Path,
    calls: Counter[str],
    monkeypatch: pytest.MonkeyPatch,
    lists_built: list[str],
) -> None:
    publish(PublishRequest(repo, tmp_path / "site"))
    calls.clear()
    lists_built.clear()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 86_400))
    publish(PublishRequest(repo, tmp_path / "site"))
    # the ten pages that stand alone show the new date in their footer, which search does not
    # read: only the shard with the accessibility statement (its main text gives the date) is
    # indexed again; an entity's page does not show the date and stays as it was
    assert calls == {"pages": 10, "shards": 1}
    start = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    process = (tmp_path / "site/processes/utredning.html").read_text(encoding="utf-8")
    assert "<p>Testkommunen · Fyren · publicerad 2026-06-02</p>" in start
    assert "publicerad" not in process
    # the lists that say what they read are made again too: the day is among it
    assert sorted(path for path in lists_built if path in LISTS) == LISTS


def test_a_new_day_indexes_again_only_the_pages_that_stand_alone_and_show_it(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages that stand alone and change with every commit or day are a shard of their
    own: the lists (of owners, maturity, proposals, a line per process) are not indexed again
    with them."""
    publish(PublishRequest(repo, tmp_path / "site"))
    indexed: list[tuple[str, tuple[str, ...]]] = []
    real = search_module._index_shard

    def recording(site: Path, shard: Any, **options: Any) -> None:
        indexed.append((shard.name, shard.pages))
        real(site, shard, **options)

    monkeypatch.setattr(search_module, "_index_shard", recording)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 86_400))
    publish(PublishRequest(repo, tmp_path / "site"))
    assert indexed == [("main", ("accessibility.html", "changes.html", "index.html"))]
    lists = (tmp_path / "site/search.html").read_text(encoding="utf-8")
    assert 'data-bundles="pagefind/main/ pagefind/l00/ ' in lists


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


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The entity pages whose context was built (not taken from their dependency record)."""
    made: list[str] = []
    real = build_module.entity_page

    def counting(sources: Any, row: Any, entity_id: str) -> Any:
        made.append(row.page_path(entity_id))
        return real(sources, row, entity_id)

    monkeypatch.setattr(build_module, "entity_page", counting)
    return made


def _edit(repo: Path, path: str, old: str, new: str) -> None:
    target = repo / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new), encoding="utf-8")


#: The entity pages that read the process `utredning`: its area (lists it), the handbook it
#: uses, the process it hands over to, its parent and itself.
READS_UTREDNING = [
    "areas/barn.html",
    "handbooks/rutin-utredning.html",
    "processes/ekonomi.html",
    "processes/myndighet.html",
    "processes/utredning.html",
]
#: The roles acting in it: their pages show its name and its activities' names (``RoleUsage``).
ITS_ROLES = ["roles/enhetschef.html", "roles/socialsekreterare.html"]


def test_with_filters_of_its_own_templates_a_build_after_a_change_is_as_one_from_nothing(
    repo: Path, tmp_path: Path, pagefind_runs: list[str]
) -> None:
    """The shard of the changed page is indexed again, the others taken from the cache; the
    index is settled in one order either way (``search._settle``), the filters of the
    changed page's new name among them."""
    filtering_templates(repo)
    site = tmp_path / "site"
    publish(PublishRequest(repo, site))
    pagefind_runs.clear()
    _edit(repo, "processes/barn/utredning.yaml", "name: Utreda barns behov", "name: Utreda")
    publish(PublishRequest(repo, site))
    assert 0 < len(pagefind_runs) < 4  # not every shard
    after = snapshot(site)
    assert after == cold_build(repo, tmp_path)
    assert any(name.startswith("pagefind/") and name.endswith(".pf_filter") for name in after)


#: One change each, and the entity pages that read what it changes (issue 17: only these are
#: built again); the others are taken as they were, without building their context. A record
#: holds the entities a page read, not their fields: a page that shows anything of a process
#: (its name, say) is built again when the process's file changes. A role's page reads what
#: it shows of the processes from a fact, so it is built again only when that changes.
CHANGES: list[tuple[str, Callable[[Path], None], list[str]]] = [
    (
        "a process's purpose",
        lambda repo: _edit(
            repo, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll"
        ),
        READS_UTREDNING,
    ),
    (
        "a process's name",
        lambda repo: _edit(
            repo, "processes/barn/utredning.yaml", "name: Utreda barns behov", "name: Utreda"
        ),
        READS_UTREDNING + ITS_ROLES,
    ),
    (
        "an activity's name",
        lambda repo: _edit(
            repo, "processes/barn/utredning.yaml", "Planera utredningen", "Planera arbetet"
        ),
        [*READS_UTREDNING, *ITS_ROLES],
    ),
    (
        "a self-check's words",
        lambda repo: _edit(
            repo, "processes/barn/utredning.yaml", "Stickprov på tio", "Stickprov på fem"
        ),
        [*READS_UTREDNING, "roles/enhetschef.html"],  # the role doing it
    ),
    (
        "who is informed",
        lambda repo: _edit(
            repo,
            "processes/barn/utredning.yaml",
            "informed: [socialsekreterare]",
            "informed: [enhetschef]",
        ),
        [*READS_UTREDNING, *ITS_ROLES],  # the one no longer informed, the one now
    ),
    (
        "a person's name",
        lambda repo: _edit(repo, "people/erik.yaml", "Erik Åberg", "Erik Berg"),
        ["processes/utredning.html", "handbooks/rutin-utredning.html"],
    ),
    (
        "a role's name",
        lambda repo: _edit(repo, "roles/enhetschef.yaml", "name: Enhetschef", "name: Chef"),
        ["processes/utredning.html", "roles/enhetschef.html"],
    ),
    (
        "a new assessment",
        lambda repo: write_files(
            repo,
            {
                "assessments/mm-2.yaml": "kind: assessment\nid: mm-2\nprocess: utredning\n"
                "date: 2026-05-20\nscores: {design: 3, performers: 3, owner: 3, "
                "infrastructure: 3, metrics: 2}\n"
            },
        ),
        ["processes/utredning.html"],
    ),
    (
        "a new proposal",
        lambda repo: write_files(
            repo,
            {
                "proposals/fp-3.yaml": "kind: proposal\nid: fp-3\nprocess: myndighet\n"
                "title: Snabbare beslut\nsubmitted: 2026-05-01\n"
            },
        ),
        ["processes/myndighet.html"],
    ),
    (
        "a removed process",
        lambda repo: (repo / "processes/barn/gammal.yaml").unlink(),
        ["areas/barn.html"],  # no other page names the retired process
    ),
    (
        "a moved file",
        lambda repo: (repo / "processes/barn/utredning.yaml").rename(
            repo / "processes/utredning.yaml"
        ),
        # the same entity from another file: what shows its file (an edit link, its history)
        READS_UTREDNING,
    ),
    (
        "the site's title",
        lambda repo: _edit(repo, "processkit.yaml", "title:", "title: Ny"),
        "all",  # type: ignore[list-item]
    ),
]


@pytest.mark.parametrize(
    ("change", "entity_pages"), [(c[1], c[2]) for c in CHANGES], ids=[c[0] for c in CHANGES]
)
def test_a_change_builds_only_the_pages_that_read_it_and_the_site_is_as_from_nothing(
    repo: Path,
    tmp_path: Path,
    built: list[str],
    change: Callable[[Path], None],
    entity_pages: list[str] | str,
) -> None:
    publish(PublishRequest(repo, tmp_path / "site"))
    everything = sorted(built)
    built.clear()
    change(repo)
    publish(PublishRequest(repo, tmp_path / "site"))
    assert sorted(built) == (
        sorted(p for p in everything if (tmp_path / "site" / p).exists())
        if entity_pages == "all"
        else sorted(entity_pages)
    )
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")


@pytest.fixture
def lists_built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages that stand alone whose context was built (not taken as they were)."""
    made: list[str] = []
    real = build_module.site_pages

    def counting(sources: Any, leave_out: Any = ()) -> Any:
        for page in real(sources, leave_out):
            made.append(page.path)
            yield page

    monkeypatch.setattr(build_module, "site_pages", counting)
    return made


#: The pages that stand alone and say what they read (``SitePage.reads``).
LISTS = ["maturity.html", "owners.html"]

#: One change each, and which of ``LISTS`` it makes again (every other page that stands alone
#: is made by every build).
LIST_CHANGES: list[tuple[str, Callable[[Path], None], list[str]]] = [
    (
        "a process's purpose",
        lambda repo: _edit(
            repo, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll"
        ),
        [],
    ),
    (
        "a process's owner",
        lambda repo: _edit(repo, "processes/barn/utredning.yaml", "owner: anna", "owner: erik"),
        ["owners.html"],
    ),
    (
        "a process's name",
        lambda repo: _edit(
            repo, "processes/barn/utredning.yaml", "name: Utreda barns behov", "name: Utreda"
        ),
        LISTS,
    ),
    (
        "a person's title",
        lambda repo: _edit(repo, "people/anna.yaml", "Avdelningschef", "Verksamhetschef"),
        ["owners.html"],
    ),
    (
        "an assessment",
        lambda repo: _edit(repo, "assessments/mm-1.yaml", "design: 2", "design: 4"),
        ["maturity.html"],
    ),
    (
        "an area's order",
        lambda repo: _edit(repo, "areas/stod.yaml", "order: 2", "order: 0"),
        ["maturity.html"],
    ),
    (
        "a process removed",
        lambda repo: (repo / "processes/barn/gammal.yaml").unlink(),
        LISTS,
    ),
]


@pytest.mark.parametrize(
    ("change", "lists"), [(c[1], c[2]) for c in LIST_CHANGES], ids=[c[0] for c in LIST_CHANGES]
)
def test_a_list_is_made_again_only_when_what_it_shows_changed(
    repo: Path,
    tmp_path: Path,
    lists_built: list[str],
    change: Callable[[Path], None],
    lists: list[str],
) -> None:
    publish(PublishRequest(repo, tmp_path / "site"))
    assert [path for path in lists_built if path in LISTS] == ["owners.html", "maturity.html"]
    lists_built.clear()
    publish(PublishRequest(repo, tmp_path / "site"))  # nothing changed
    assert [path for path in lists_built if path in LISTS] == []
    change(repo)
    publish(PublishRequest(repo, tmp_path / "site"))
    assert sorted(path for path in lists_built if path in LISTS) == lists
    # the eight others, by the two builds after the first
    assert len([path for path in lists_built if path not in LISTS]) == 2 * 8
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")


def test_an_unchanged_repository_builds_no_entity_page(
    repo: Path, tmp_path: Path, built: list[str]
) -> None:
    publish(PublishRequest(repo, tmp_path / "site"))
    assert len(built) == 9
    built.clear()
    publish(PublishRequest(repo, tmp_path / "site"))
    assert built == []


def test_a_process_without_hand_overs_draws_its_changed_flow_again(
    repo: Path, tmp_path: Path
) -> None:
    """Its flow map's key holds the process's own file, not only its hand-overs'."""
    for path, text in (
        ("processes/barn/utredning.yaml", "interfaces:\n  - process: ekonomi\n"),
        ("processes/stod/ekonomi.yaml", "interfaces:\n  - process: utredning\n"),
    ):
        target = repo / path
        lines = target.read_text(encoding="utf-8").split("\n")
        start = lines.index("interfaces:")
        end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
        target.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")
        assert text not in target.read_text(encoding="utf-8")
    publish(PublishRequest(repo, tmp_path / "site"))
    _edit(repo, "processes/barn/utredning.yaml", "Planera utredningen", "Planera arbetet")
    publish(PublishRequest(repo, tmp_path / "site"))
    page = (tmp_path / "site/processes/utredning.html").read_text(encoding="utf-8")
    assert "Planera arbetet" in page.split("<svg", 1)[1]  # in the map, not only the table
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")


def test_a_build_without_search_then_one_with_it_is_as_from_nothing(
    repo: Path, tmp_path: Path
) -> None:
    publish(PublishRequest(repo, tmp_path / "site", search=False))
    publish(PublishRequest(repo, tmp_path / "site"))
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")


def test_a_template_of_the_repository_that_shows_the_day_is_kept_right(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An override copied from an older base.html shows ``site.published``: an entity's
    page kept from the day before must not show yesterday (nor does a page made today)."""
    write_files(
        repo,
        {
            "mallar/role.html": '{% extends "builtin/role.html" %}'
            "{% block footer %}<p>{{ site.published }}</p>{% endblock %}\n",
        },
    )
    config = repo / "processkit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("site:\n", "site:\n  templates: mallar\n"),
        encoding="utf-8",
    )
    publish(PublishRequest(repo, tmp_path / "site"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 86_400))
    publish(PublishRequest(repo, tmp_path / "site"))
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")


def test_a_template_added_between_two_builds_of_one_process_is_used(
    repo: Path, tmp_path: Path
) -> None:
    """``serve`` keeps its templates compiled; an override that appears is found all the same."""
    config = repo / "processkit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("site:\n", "site:\n  templates: mallar\n"),
        encoding="utf-8",
    )
    (repo / "mallar").mkdir()
    publish(PublishRequest(repo, tmp_path / "site"))
    write_files(
        repo,
        {
            "mallar/role.html": '{% extends "builtin/role.html" %}'
            "{% block footer %}<p>Egen sidfot</p>{% endblock %}\n",
        },
    )
    publish(PublishRequest(repo, tmp_path / "site"))
    role = (tmp_path / "site/roles/enhetschef.html").read_text(encoding="utf-8")
    assert "<p>Egen sidfot</p>" in role
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")


def test_a_new_purpose_puts_new_words_in_the_landscapes_without_drawing_them_again(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made: list[tuple[str, bool]]
) -> None:
    """A landscape reads each purpose out in the process's description and tooltip. Those are
    put in after Graphviz drew it: after a new purpose only the process's own flow is drawn,
    the landscapes are taken as drawn, and the site is what a build from nothing makes. The
    new words go into the landscapes made before, into the elements of the process alone;
    where those landscapes are gone, into the drawings kept, in every element."""
    from processkit.render import renderer

    drawn: list[str] = []

    def counting(dot: str, sources: list[str], *args: Any) -> Any:
        drawn.extend(re.findall(r'^digraph "([^"]*)"', text, re.MULTILINE)[0] for text in sources)
        return real(dot, sources, *args)

    real = renderer.run_dot
    monkeypatch.setattr(renderer, "run_dot", counting)
    publish(PublishRequest(repo, tmp_path / "site"))
    assert sorted(drawn) == [
        "landscape",
        "landscape-barn",
        "landscape-stod",
        "process-utredning",
    ]
    assert sorted(made) == [("", False), ("barn", False), ("stod", False)]
    drawings = repo / ".processkit-cache/site/drawings"
    kept = sorted(path.name for path in drawings.glob("*/*"))
    assert len(kept) == 3  # the landscapes', as Graphviz drew them
    drawn.clear()
    made.clear()
    old, new = "Att barnets behov av skydd blir allsidigt belyst.", "Att barnet får ett nytt syfte."
    _edit(repo, "processes/barn/utredning.yaml", old, new)
    # the figures read from the cache: a landscape given its new words is held as made, not
    # read back for the pages that show it
    read: list[str] = []

    def reading(path: str | Path) -> tuple[str, str] | None:
        found = real_read(path)
        read.append(found[1] if found is not None else "")
        return found

    real_read = maps_module._read_record
    monkeypatch.setattr(maps_module, "_read_record", reading)
    publish(PublishRequest(repo, tmp_path / "site"))
    landscapes = [svg for svg in read if 'id="landscape' in svg]
    # the two made before, to be given the new words: not the two made of them
    assert len(landscapes) == 2 and not any(new in svg for svg in landscapes)
    assert drawn == []
    # the two landscapes that read the purpose out get their new texts without DOT text,
    # and without the texts of their other elements
    assert made == []
    flow = (tmp_path / "site/processes/utredning.html").read_text(encoding="utf-8")
    assert f"fastställd. {new}</desc>" in flow.split('<desc id="process-utredning--desc">')[1]
    area = (tmp_path / "site/areas/barn.html").read_text(encoding="utf-8")
    node = area.split('<g id="landscape-barn--p--utredning" class="node">', 1)[1]
    node = node.split("</g>", 1)[0]
    assert f"fastställd. {new}</desc>" in node
    assert f'xlink:title="Huvudprocess, Barn och unga, fastställd. {new}"' in node
    assert old not in area
    assert sorted(path.name for path in drawings.glob("*/*")) == kept
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")
    # the landscapes made before are gone: the new words go into the drawings kept
    drawn.clear()
    made.clear()
    shutil.rmtree(repo / ".processkit-cache/site/figures")
    _edit(repo, "processes/barn/utredning.yaml", new, old)
    publish(PublishRequest(repo, tmp_path / "site"))
    assert drawn == ["process-utredning"]  # its figure, to be retitled, is gone too
    assert sorted(made) == [("", True), ("barn", True), ("stod", True)]
    assert sorted(path.name for path in drawings.glob("*/*")) == kept
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")
    # a new name is drawn: the landscapes showing it are drawn again, and their old drawings
    # are let go
    drawn.clear()
    made.clear()
    _edit(repo, "processes/barn/utredning.yaml", "Utreda barns behov", "Utreda behov")
    publish(PublishRequest(repo, tmp_path / "site"))
    assert sorted(drawn) == [
        "landscape",
        "landscape-barn",
        "process-utredning",
    ]
    assert sorted(made) == [("", False), ("barn", False)]
    now = sorted(path.name for path in drawings.glob("*/*"))
    assert len(now) == 3 and len(set(now) & set(kept)) == 1
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")


def test_the_landscapes_drawn_by_workers_are_kept_for_the_next_build(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A drawing kept by a forked worker counts as used by the build: the prune at its end
    leaves it for the next build."""
    monkeypatch.setattr(maps_module, "LANDSCAPES", 1)  # one landscape a worker: they fork
    publish(PublishRequest(repo, tmp_path / "site"))
    drawings = repo / ".processkit-cache/site/drawings"
    kept = sorted(path.name for path in drawings.glob("*/*"))
    assert len(kept) == 3
    old, new = "Att barnets behov av skydd blir allsidigt belyst.", "Att barnet får ett nytt syfte."
    _edit(repo, "processes/barn/utredning.yaml", old, new)
    publish(PublishRequest(repo, tmp_path / "site"))
    assert sorted(path.name for path in drawings.glob("*/*")) == kept
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")


def _cached_pages(repo: Path) -> list[str]:
    return sorted(path.name for path in (repo / ".processkit-cache/site/pages").glob("*/*"))


def test_the_pages_of_a_build_that_failed_are_removed_by_the_next(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record of what the last build kept is not trusted after a build that put entries
    and ended before its prune: the next looks through the folders and removes them."""
    publish(PublishRequest(repo, tmp_path / "site"))
    kept = _cached_pages(repo)
    old, new = "Planen görs med familjen.", "Ny planering."
    _edit(repo, "processes/barn/utredning.yaml", old, new)

    def failing(folder: Path) -> None:
        raise RuntimeError("stopped")

    with monkeypatch.context() as patched:
        patched.setattr(build_module, "mark", failing)
        with pytest.raises(RuntimeError):
            publish(PublishRequest(repo, tmp_path / "site"))
    # the new page of utredning is there; its page before was removed while Pagefind ran
    # (the build had looked up all it would use)
    failed = _cached_pages(repo)
    assert (len(set(failed) - set(kept)), len(set(kept) - set(failed))) == (1, 1)
    _edit(repo, "processes/barn/utredning.yaml", new, old)
    publish(PublishRequest(repo, tmp_path / "site"))
    assert _cached_pages(repo) == kept


def test_the_cache_keeps_what_each_build_of_a_series_used(repo: Path, tmp_path: Path) -> None:
    """Pruned by the record of what the build before kept, the cache holds after each build
    what a build from nothing would hold."""
    publish(PublishRequest(repo, tmp_path / "site"))
    texts = ["Planen görs med familjen.", "Ny planering.", "En annan plan."]
    for old, new in pairwise(texts):
        _edit(repo, "processes/barn/utredning.yaml", old, new)
        publish(PublishRequest(repo, tmp_path / "site"))
        cache = repo / ".processkit-cache/site"
        fresh = tmp_path / f"fresh-{len(new)}.cache"
        publish(PublishRequest(repo, tmp_path / "fresh", cache_dir=fresh))
        for kind in ("pages", "staged", "search", "figures", "drawings", "feeds"):
            names = sorted(path.name for path in (cache / kind).glob("*/*"))
            assert names == sorted(path.name for path in (fresh / "site" / kind).glob("*/*"))


class Staged:
    """The copies for Pagefind a build kept in the cache: made with their pages, or by the
    thread that indexes their shard."""

    def __init__(self) -> None:
        self.keys: list[tuple[str, str]] = []  # (where made, key), in the order put

    def pages(self, site: Path, where: str | None = None) -> list[str]:
        """The addresses of the pages in ``site`` whose copies were kept (``where``: "page"
        or "shard" only)."""
        of = {
            search_module.staged_key(
                search_module.given_digest(page.read_bytes(), whole=False), whole=False
            ): (page.relative_to(site).as_posix())
            for page in site.rglob("*.html")
        }
        return sorted(of[key] for made, key in self.keys if where in (None, made))

    def clear(self) -> None:
        self.keys.clear()


@pytest.fixture
def staged(monkeypatch: pytest.MonkeyPatch) -> Staged:
    """The copies for Pagefind each build keeps (by a build in this process: the example is
    too small for workers)."""
    made = Staged()
    real_bytes, real_file = FileCache.put_bytes, FileCache.put_file

    def put_bytes(cache: FileCache, kind: str, key: str, data: bytes) -> bool:
        if kind == search_module.STAGED:
            made.keys.append(("page", key))
        return real_bytes(cache, kind, key, data)

    def put_file(cache: FileCache, kind: str, key: str, source: Path) -> bool:
        if kind == search_module.STAGED:
            made.keys.append(("shard", key))
        return real_file(cache, kind, key, source)

    monkeypatch.setattr(FileCache, "put_bytes", put_bytes)
    monkeypatch.setattr(FileCache, "put_file", put_file)
    return made


@pytest.fixture
def created(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The files made in each staging folder given to Pagefind, in the order they were made,
    by the folder's name."""
    made: dict[str, list[str]] = {}
    real_link, real_open, real_io_open = os.link, os.open, io.open

    def note(target: Any) -> None:
        parts = Path(target).parts
        for index, part in enumerate(parts):
            if part.startswith(".pagefind-"):
                made.setdefault(part, []).append("/".join(parts[index + 1 :]))

    def link(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        real_link(source, target, *args, **kwargs)
        note(target)

    def opening(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        handle = real_open(path, flags, *args, **kwargs)
        if flags & os.O_CREAT:
            note(path)
        return handle

    def io_opening(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        made_now = isinstance(file, (str, Path)) and mode[0] in "wx" and not os.path.exists(file)
        handle = real_io_open(file, mode, *args, **kwargs)
        if made_now:
            note(file)
        return handle

    monkeypatch.setattr(os, "link", link)
    monkeypatch.setattr(os, "open", opening)
    monkeypatch.setattr(io, "open", io_opening)
    return made


def _staged_entries(repo: Path) -> list[str]:
    return sorted(path.name for path in (repo / ".processkit-cache/site/staged").glob("*/*"))


def test_a_shard_indexed_again_stages_only_its_changed_pages(
    repo: Path,
    tmp_path: Path,
    calls: Counter[str],
    staged: Staged,
    created: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What Pagefind is given of each page is kept in the cache by a hash of it: after one
    change, the shard indexed again links its other pages' copies from the cache, and its
    index is the one a build from nothing makes, also where the copies were lost. The copies
    are made in the shard's order, whichever are linked (Pagefind numbers the pages in the
    order the folder lists them, which some file systems keep as they were made)."""
    shards: dict[str, tuple[str, ...]] = {}
    real = search_module._index_shard

    def recording(site: Path, shard: Any, **options: Any) -> None:
        shards[shard.name] = shard.pages
        real(site, shard, **options)

    monkeypatch.setattr(search_module, "_index_shard", recording)
    publish(PublishRequest(repo, tmp_path / "site"))
    indexed = sorted(page for pages in shards.values() for page in pages)
    site = tmp_path / "site"
    # a build from nothing keeps every page's copy as it makes the page; the shards link them
    assert staged.pages(site, "page") == indexed and staged.pages(site, "shard") == []
    assert sorted(created.values()) == sorted(list(pages) for pages in shards.values())
    before = _staged_entries(repo)
    assert len(before) == len(indexed) == 17
    staged.clear()
    calls.clear()
    created.clear()
    # the last page of its shard changed: its copy made with it, all linked in their order
    _edit(repo, "processes/barn/utredning.yaml", "Planen görs med familjen.", "Ny planering.")
    publish(PublishRequest(repo, tmp_path / "site"))
    assert calls["shards"] == 1
    assert staged.pages(site) == staged.pages(site, "page") == ["processes/utredning.html"]
    shard = next(pages for pages in shards.values() if "processes/utredning.html" in pages)
    assert len(shard) == 4 and shard[0] == "processes/ekonomi.html"
    assert shard[-1] == "processes/utredning.html"
    assert list(created.values()) == [list(shard)]
    after = _staged_entries(repo)
    assert len(after) == len(before) and len(set(after) - set(before)) == 1
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")
    # copies lost: made again, and the index is the same; a staging folder a run that was
    # stopped left is removed
    stages = repo / ".processkit-cache/site" / search_module.STAGES
    assert list(stages.iterdir()) == []
    write_files(stages, {".pagefind-left/processes/utredning.html": "<p>Kvar</p>"})
    for path, old, new in (
        ("processes/stod/ekonomi.yaml", "Kostnader för", "Kostnaderna för"),
        ("processes/barn/utredning.yaml", "Ny planering.", "En annan plan."),
    ):
        shutil.rmtree(repo / ".processkit-cache/site/staged")
        staged.clear()
        created.clear()
        _edit(repo, path, old, new)
        publish(PublishRequest(repo, tmp_path / "site"))
        changed = "processes/" + Path(path).with_suffix(".html").name
        # the copies of the pages made made with them, the others' by the shard's thread
        with_pages = staged.pages(site, "page")
        assert changed in with_pages
        assert staged.pages(site, "shard") == sorted(set(shard) - set(with_pages)) != []
        assert [made for made in created.values() if changed in made] == [list(shard)]
        assert list(stages.iterdir()) == []
        assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")


def _fragments(site: Path) -> dict[str, dict[str, int]]:
    """Each search shard's fragments (a page's text for the excerpts), by the page each was
    made of: the file's inode (the same where a build put the file of the build before in
    its place, not one Pagefind wrote again)."""
    found: dict[str, dict[str, int]] = {}
    for fragment in sorted(site.glob("pagefind/*/fragment/*.pf_fragment")):
        page = search_module._address(fragment)
        assert page is not None
        found.setdefault(fragment.parent.parent.name, {})[page] = fragment.stat().st_ino
    return found


@pytest.fixture
def pagefind_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The bundle of each run of Pagefind, in the order run."""
    runs: list[str] = []
    real = search_module._run_pagefind

    def running(stage: str, output: Path) -> None:
        runs.append(output.name)
        real(stage, output)

    monkeypatch.setattr(search_module, "_run_pagefind", running)
    return runs


def test_a_shard_indexed_again_writes_only_the_fragments_of_its_changed_pages(
    repo: Path, tmp_path: Path, pagefind_runs: list[str]
) -> None:
    """Pagefind does not write (nor compress) a fragment its bundle holds already, under the
    name the hash of its content gives it: the fragments of the shard's other pages are put
    there first, from its last bundle, and the index is the one a build from nothing makes.
    A shard indexed from nothing tells what each of its fragments was made of."""
    site = tmp_path / "site"
    publish(PublishRequest(repo, site))
    before = _fragments(site)
    assert sorted(pagefind_runs) == sorted(before) and len(before) == 4
    shard = next(name for name, pages in before.items() if "processes/utredning.html" in pages)
    assert len(before[shard]) == 4 and "processes/ekonomi.html" in before[shard]
    pagefind_runs.clear()
    _edit(repo, "processes/barn/utredning.yaml", "Planen görs med familjen.", "Ny planering.")
    publish(PublishRequest(repo, site))
    after = _fragments(site)
    assert pagefind_runs == [shard]
    assert after.keys() == before.keys() and after[shard].keys() == before[shard].keys()
    kept = {page for page, inode in after[shard].items() if before[shard][page] == inode}
    assert sorted(before[shard].keys() - kept) == ["processes/utredning.html"]
    assert len(list(site.glob(f"pagefind/{shard}/fragment/*"))) == 4  # the old one is gone
    assert cold_build(repo, tmp_path) == snapshot(site)
    # and again: what this bundle's fragments were made of was kept with it
    pagefind_runs.clear()
    _edit(repo, "processes/barn/utredning.yaml", "Ny planering.", "En annan plan.")
    publish(PublishRequest(repo, site))
    again = _fragments(site)
    assert pagefind_runs == [shard]
    kept = {page for page, inode in again[shard].items() if after[shard][page] == inode}
    assert sorted(after[shard].keys() - kept) == ["processes/utredning.html"]
    assert cold_build(repo, tmp_path) == snapshot(site)


def _made_of_bytes(bundle: str, version: str, pages: object) -> bytes:
    """An entry of what a shard's fragments were made of, as a build keeps it."""
    record = {"bundle": bundle, "pagefind": version, "fragments": pages}
    return store_bytes(search_module._MADE_OF_STORE, record)


def _made_of(repo: Path) -> dict[str, Path]:
    """The entry of the file cache that tells what each shard's fragments were made of."""
    folder = repo / ".processkit-cache/site" / search_module.MADE_OF
    return {entry.name: entry for entry in folder.rglob("*") if entry.is_file()}


def _fragment_name(site: Path, shard: str, page: str) -> str:
    """The name of the fragment of ``page`` in the bundle of ``shard`` in ``site``."""
    for fragment in site.glob(f"pagefind/{shard}/fragment/*.pf_fragment"):
        if search_module._address(fragment) == page:
            return fragment.name.removesuffix(".pf_fragment")
    raise AssertionError(f"no fragment of {page}")


@pytest.mark.parametrize(
    "spoilt",
    [
        "damaged",
        "another shape",
        "another version of Pagefind",
        "its bundle removed",
        "a name the changed page's fragment takes",
    ],
)
def test_fragments_of_the_last_bundle_that_cannot_be_trusted_are_made_anew(
    repo: Path, tmp_path: Path, pagefind_runs: list[str], spoilt: str
) -> None:
    """Where what the fragments of a shard's last bundle were made of cannot be read, was
    written by another Pagefind, or names a bundle the cache no longer holds, every fragment
    is written anew. Where a fragment put there has the name the changed page's fragment
    takes (names are 7 digits of a hash: here one is put there under it), Pagefind does not
    write that one and gives the page the fragment put there is of a longer name: the shard
    is indexed again from nothing. Either way the site is as a build from nothing makes it."""
    site = tmp_path / "site"
    publish(PublishRequest(repo, site))
    before = _fragments(site)
    changed = "processes/utredning.html"
    shard = next(name for name, pages in before.items() if changed in pages)
    entry = _made_of(repo)[shard]
    record = stored_values(entry.read_bytes(), search_module._MADE_OF_STORE)
    bundle_key, version, pages = record["bundle"], record["pagefind"], record["fragments"]
    assert sorted(path for path, _copy in pages.values()) == sorted(before[shard])
    bundles = repo / ".processkit-cache/site/search"
    bundle = bundles / bundle_key[:2] / bundle_key
    assert bundle.is_dir()
    edit = ("processes/barn/utredning.yaml", "Planen görs med familjen.", "Ny planering.")
    if spoilt == "damaged":
        entry.write_bytes(entry.read_bytes()[:-7])
    elif spoilt == "another shape":
        entry.write_bytes(_made_of_bytes(bundle_key, version, list(pages.items())))
    elif spoilt == "another version of Pagefind":
        entry.write_bytes(_made_of_bytes(bundle_key, "0.9.0", pages))
    elif spoilt == "its bundle removed":
        shutil.rmtree(bundle)
    else:
        # the name the changed page's fragment takes, from a copy of the repository
        copy = tmp_path / "copy"
        shutil.copytree(repo, copy)
        _edit(copy, *edit)
        publish(PublishRequest(copy, tmp_path / "copy-site"))
        taken = _fragment_name(tmp_path / "copy-site", shard, changed)
        # another page's fragment put there under that name, in place of its own
        other = next(page for page in sorted(before[shard]) if page != changed)
        own = next(name for name, (path, _copy) in pages.items() if path == other)
        shutil.copyfile(
            bundle / "fragment" / f"{own}.pf_fragment", bundle / f"fragment/{taken}.pf_fragment"
        )
        pages[taken] = pages.pop(own)
        entry.write_bytes(_made_of_bytes(bundle_key, version, pages))
    pagefind_runs.clear()
    _edit(repo, *edit)
    publish(PublishRequest(repo, site))
    twice = spoilt == "a name the changed page's fragment takes"
    assert pagefind_runs == [shard] * (2 if twice else 1)
    after = _fragments(site)
    assert not {page for page, inode in after[shard].items() if before[shard][page] == inode}
    assert cold_build(repo, tmp_path) == snapshot(site)


def test_without_the_reader_of_pagefinds_index_every_fragment_is_made_anew(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pagefind_runs: list[str]
) -> None:
    """An installation that lacks cbor2 (imported while Pagefind runs) reads no index: the
    fragments of a shard indexed again are all Pagefind's own, and the site is as from
    nothing."""
    site = tmp_path / "site"
    publish(PublishRequest(repo, site))
    before = _fragments(site)
    monkeypatch.setitem(sys.modules, "cbor2", None)  # an import of it fails
    pagefind_runs.clear()
    _edit(repo, "processes/barn/utredning.yaml", "Planen görs med familjen.", "Ny planering.")
    publish(PublishRequest(repo, site))
    shard = next(name for name, pages in before.items() if "processes/utredning.html" in pages)
    assert pagefind_runs == [shard]
    after = _fragments(site)
    assert not {page for page, inode in after[shard].items() if before[shard][page] == inode}
    assert cold_build(repo, tmp_path) == snapshot(site)


def test_pagefind_that_fails_is_told_in_its_own_last_line(
    repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cli: Callable[..., Any],
    swedish: None,
) -> None:
    failing = tmp_path / "pagefind"
    failing.write_text(
        "#!/bin/sh\necho 'Running Pagefind'\necho 'Error: no pages found' >&2\nexit 1\n",
        encoding="utf-8",
    )
    failing.chmod(0o755)
    search_module.pagefind_version()  # the real one's, kept for the tests after this one
    monkeypatch.setattr(search_module, "pagefind_executable", lambda: failing)
    result = cli("publish", repo, "-o", tmp_path / "site", "-q")
    assert (result.code, result.out) == (2, "")
    assert result.err == "processkit: sökindexet kunde inte byggas: Error: no pages found\n"
    assert not (tmp_path / "site").exists()
    result = cli("publish", repo, "-o", tmp_path / "site", "-q", "--lang", "en")
    assert result.err == (
        "processkit: the search index could not be built: Error: no pages found\n"
    )


def test_only_the_fragments_of_the_shards_own_unchanged_pages_are_put_in_its_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fragment is put in the new bundle where it was made of a page of the shard that is
    given as it was; not that of a changed page, nor that of a page now in another shard.
    A copy cut short (a cache on another file system, a full disk) is not left there."""
    files = FileCache(tmp_path / "cache")
    old = tmp_path / "old"
    write_files(old / "fragment", {f"{name}.pf_fragment": name for name in "abc"})
    write_files(old, {"a.pf_fragment": "beside the fragments"})
    assert files.put_folder("search", "bundle", old)
    made_of = {
        "a": ("x.html", "k1"),
        "b": ("y.html", "k2"),
        "c": ("z.html", "k3"),
        "../a": ("x.html", "k1"),  # (a name that leads out of the folder: never followed)
    }
    files.put_bytes(search_module.MADE_OF, "p00", _made_of_bytes("bundle", "1.5", made_of))
    shard = search_module.Shard("p00", ("x.html", "y.html"))
    staged = {"x.html": "k1", "y.html": "changed", "z.html": "k3"}
    output = tmp_path / "new"
    assert search_module._reuse(output, shard, files, staged, "1.5") == {"a": "x.html"}
    assert sorted(path.name for path in (output / "fragment").iterdir()) == ["a.pf_fragment"]
    assert search_module._reuse(tmp_path / "other", shard, files, staged, "1.6") == {}
    outside = _made_of_bytes("../bundle", "1.5", made_of)
    files.put_bytes(search_module.MADE_OF, "p01", outside)
    elsewhere = search_module.Shard("p01", ("x.html",))
    assert search_module._reuse(tmp_path / "out", elsewhere, files, staged, "1.5") == {}

    def cut_short(source: Any, target: Any) -> None:
        Path(target).write_bytes(b"a")
        raise OSError("No space left on device")

    monkeypatch.setattr(search_module, "link_file", cut_short)
    output = tmp_path / "full"
    assert search_module._reuse(output, shard, files, staged, "1.5") == {}
    assert list((output / "fragment").iterdir()) == []


def test_the_copies_for_pagefind_made_by_forked_workers_are_kept_and_pruned(
    repo: Path, tmp_path: Path, staged: Staged, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages made by worker processes keep their copies for Pagefind from there: the shards'
    threads make none, and the build counts each copy as used although the worker's count
    is lost with it, so the next build removes the copy of a page that changed. The pages
    that stand alone are made in the build's own process (no process is forked while
    Pagefind indexes the entity pages), with their copies."""
    from processkit.site import parallel

    monkeypatch.setattr(parallel, "THRESHOLD", 0)  # pages made by forked workers
    monkeypatch.setattr(parallel, "workers", lambda: 2)  # on a machine of one core too
    site = tmp_path / "site"
    publish(PublishRequest(repo, site))
    before = _staged_entries(repo)
    # kept, by other processes but for the pages that stand alone
    here = sorted(path.name for path in site.glob("*.html"))
    here = [name for name in here if name not in ("404.html", "search.html")]
    assert len(here) == 8 and staged.pages(site, "page") == here
    assert len(before) == 17 and staged.pages(site, "shard") == []
    staged.clear()
    _edit(repo, "processes/barn/utredning.yaml", "Planen görs med familjen.", "Ny planering.")
    publish(PublishRequest(repo, site))
    after = _staged_entries(repo)
    assert staged.pages(site) == []  # none of the pages made here changed
    assert len(after) == 17 and len(set(after) - set(before)) == 1
    assert cold_build(repo, tmp_path) == snapshot(site)


@pytest.mark.parametrize(
    ("held", "linked", "placeholders"),
    [
        # a build from nothing: every copy made, in order, by the shard's thread
        ((), [], []),
        # the first held: linked; the others made after it by the thread
        ((0,), ["a.html"], []),
        # the last held: the others take their places first, as empty files
        ((2,), ["a.html", "b/b.html", "c.html"], ["a.html", "b/b.html"]),
        # the middle one held: the first before it, the last after it by the thread
        ((1,), ["a.html", "b/b.html"], ["a.html"]),
    ],
)
def test_the_copies_for_pagefind_take_their_places_in_the_shards_order(
    tmp_path: Path,
    created: dict[str, list[str]],
    held: tuple[int, ...],
    linked: list[str],
    placeholders: list[str],
) -> None:
    """The copies a shard's staging folder gets, from the cache or made, are made there in the
    shard's order (``_stage`` before the thread, ``_index_shard`` in it): Pagefind numbers
    the pages in the order the folder lists them, which some file systems keep as they were
    made. None is made before it has to: those after the last linked are left to the thread.
    The bundle is the one a build from nothing makes."""
    from processkit.site.search import Shard, _index_shard, _new_stage, _stage, keep_copy

    pages = ("a.html", "b/b.html", "c.html")
    html = '<html lang="sv"><main data-pagefind-body><h1>{}</h1></main></html>'
    site = tmp_path / "site"
    write_files(site, {page: html.format(f"Sida {page}") for page in pages})
    cache = FileCache(tmp_path / "cache")
    staged = {}
    for number, page in enumerate(pages):
        digest = keep_copy((site / page).read_bytes(), whole=False, cache=cache)
        staged[page] = search_module.staged_key(digest, whole=False)
        if number not in held:
            copy = cache.file(search_module.STAGED, staged[page])
            assert copy is not None
            copy.unlink()
    stage = _new_stage(tmp_path)
    missing = _stage(stage, pages, cache, staged)
    assert missing == [page for number, page in enumerate(pages) if number not in held]
    made = sorted(path.relative_to(stage).as_posix() for path in Path(stage).rglob("*.html"))
    assert made == linked
    assert [page for page in made if (Path(stage) / page).stat().st_size == 0] == placeholders
    assert created.get(Path(stage).name, []) == linked
    shard = Shard("p00", pages)
    _index_shard(
        site, shard, primary=True, cache=cache, staged=staged, stage=stage, missing=missing
    )
    assert list(created.values()) == [list(pages)]  # the thread's after those before it
    assert not Path(stage).exists()
    cold = tmp_path / "cold"
    shutil.copytree(site, cold, ignore=shutil.ignore_patterns("pagefind"))
    _index_shard(cold, shard, primary=True)
    assert snapshot(cold / "pagefind") == snapshot(site / "pagefind")
    # every copy kept
    assert len(list((cache.root / search_module.STAGED).glob("*/*"))) == 3


def test_stage_makes_every_copy_before_the_last_linked_in_the_shards_order(
    tmp_path: Path, created: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``_stage`` for every set of copies the cache holds, also where a copy goes from the
    cache as it is linked: the files it makes are the shard's first pages, in order, up to
    the last copy held (itself too where it was linked); those not linked are empty, to be
    written in place; the pages it leaves to make are those not linked."""
    from itertools import combinations

    from processkit.site.search import _new_stage, _stage, keep_copy

    pages = ("a.html", "b/b.html", "c.html", "d/d.html")
    html = '<html lang="sv"><main data-pagefind-body><h1>{}</h1></main></html>'
    cache = FileCache(tmp_path / "cache")
    staged = {
        page: search_module.staged_key(
            keep_copy(html.format(page).encode(), whole=False, cache=cache), whole=False
        )
        for page in pages
    }
    copies = {page: cache.file(search_module.STAGED, key) for page, key in staged.items()}
    real_link = FileCache.link
    lost: set[str] = set()

    def link(self: FileCache, kind: str, key: str, target: str) -> bool:
        return key not in lost and real_link(self, kind, key, target)

    monkeypatch.setattr(FileCache, "link", link)
    cases = 0
    for size in range(len(pages) + 1):
        for held in combinations(pages, size):
            for going in (None, *held):
                lost.clear()
                if going is not None:
                    lost.add(staged[going])
                for page, copy in copies.items():
                    assert copy is not None
                    hidden = copy.with_name(copy.name + ".away")
                    if page in held and hidden.exists():
                        hidden.rename(copy)
                    elif page not in held and copy.exists():
                        copy.rename(hidden)
                created.clear()
                stage = _new_stage(tmp_path)
                missing = _stage(stage, pages, cache, staged)
                linked = [page for page in held if page != going]
                # up to the last copy held: itself too where it was linked
                made = pages.index(held[-1]) + (held[-1] in linked) if held else 0
                assert missing == [page for page in pages if page not in linked]
                assert created.get(Path(stage).name, []) == list(pages[:made])
                files = [page for page in pages if (Path(stage) / page).is_file()]
                assert files == list(pages[:made])
                assert [page for page in files if page not in linked] == missing[
                    : made - len(linked)
                ]
                for page in linked:
                    assert (Path(stage) / page).read_bytes() != b""
                shutil.rmtree(stage)
                cases += 1
    assert cases == 48


def test_a_copy_for_pagefind_is_kept_only_under_the_hash_of_its_text(tmp_path: Path) -> None:
    """A page whose text is not the one its key was worked out from (the record of a page
    changed in place) is indexed as it is, and its copy is not kept under that key."""
    from processkit.site.search import Shard, _index_shard, given_digest, staged_key

    html = b'<html lang="sv"><main data-pagefind-body><h1>Ny</h1></main></html>'
    for key_of, kept in ((html.replace(b"Ny", b"Gammal"), 0), (html, 1)):
        site = tmp_path / f"site-{kept}"
        write_files(site, {"index.html": html.decode()})
        cache = FileCache(tmp_path / f"cache-{kept}")
        staged = {"index.html": staged_key(given_digest(key_of, whole=False), whole=False)}
        _index_shard(site, Shard("main", ("index.html",)), primary=True, cache=cache, staged=staged)
        assert (site / "pagefind/main/pagefind-entry.json").is_file()
        assert len(list((tmp_path / f"cache-{kept}").glob("staged/*/*"))) == kept


def test_each_text_pagefind_is_given_is_kept_under_a_key_of_its_own(tmp_path: Path) -> None:
    """The copy of a page for Pagefind is kept by a hash of exactly the text it is given, one
    entry for each text (more texts than a key of one byte could tell apart), each holding
    that text as Pagefind reads it; a text given again is not written again."""
    from processkit.site.search import STAGED, given_digest, keep_copy, staged_key
    from processkit.site.searchtext import given, spaced

    cache = FileCache(tmp_path / "cache")
    pages = [
        f'<html lang="sv"><main data-pagefind-body><h1>Sida {number}</h1></main></html>'.encode()
        for number in range(300)
    ]
    for html in pages:
        keep_copy(html, whole=False, cache=cache)
    entries = {path.name: path.read_bytes() for path in cache.root.glob(f"{STAGED}/*/*")}
    assert entries == {
        staged_key(given_digest(html, whole=False), whole=False): spaced(
            given(html, whole=False), whole=False
        )
        for html in pages
    }
    assert len(entries) == 300
    before = {path: path.stat().st_mtime_ns for path in cache.root.glob(f"{STAGED}/*/*")}
    written: list[str] = []
    real = FileCache.put_bytes

    def put_bytes(self: FileCache, kind: str, key: str, data: bytes) -> bool:
        written.append(key)
        return real(self, kind, key, data)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(FileCache, "put_bytes", put_bytes)
        keep_copy(pages[0], whole=False, cache=cache)
    assert written == []
    assert before == {path: path.stat().st_mtime_ns for path in cache.root.glob(f"{STAGED}/*/*")}


def test_the_staging_folder_of_a_shard_that_never_ran_is_removed_when_one_fails(
    tmp_path: Path,
) -> None:
    """``Indexing.wait``: when a shard fails, the shards not yet begun are not begun, and the
    staging folders made for them are removed; a shard under way ends, and removes its own."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from processkit.errors import ProcesskitError
    from processkit.site.search import Indexing, _new_stage

    pool = ThreadPoolExecutor(max_workers=2)
    stages = [_new_stage(tmp_path) for _ in range(6)]
    ran: list[int] = []
    ended: list[int] = []
    under_way = threading.Event()
    go = threading.Event()

    def shard(number: int) -> None:  # under way until a shard not begun is cancelled
        ran.append(number)
        under_way.set()
        go.wait(timeout=30)
        shutil.rmtree(stages[number])
        ended.append(number)

    def failing() -> None:  # fails while the next shard is under way
        under_way.wait(timeout=30)
        shutil.rmtree(stages[0])
        raise ProcesskitError("the search index could not be built: pagefind failed")

    running = [pool.submit(failing), pool.submit(shard, 1)]
    # the thread freed by the failure may begin one of these before the rest are cancelled
    running += [pool.submit(shard, number) for number in range(2, 6)]
    watcher = threading.Thread(
        target=lambda: (_until(lambda: any(f.cancelled() for f in running[2:])), go.set())
    )
    watcher.start()
    with pytest.raises(ProcesskitError, match="pagefind failed"):
        Indexing([pool], running, 0, stages).wait()
    assert sorted(ended) == sorted(ran)  # those under way ended before it raised
    watcher.join()
    cancelled = [number for number in range(2, 6) if running[number].cancelled()]
    assert ran[0] == 1 and len(cancelled) >= 3
    assert not set(cancelled) & set(ran)
    assert list(tmp_path.iterdir()) == []


def _until(condition: Callable[[], bool], seconds: float = 30) -> None:
    """Wait until ``condition()`` holds, at most ``seconds``."""
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        time.sleep(0.001)


def test_the_page_records_share_what_the_pages_read(tmp_path: Path) -> None:
    """A token two pages read is kept once in the records (as a reference, half the size),
    and read back as one object, so that the next save shares it again."""
    path = tmp_path / build_module.RECORDS

    def token(name: str) -> tuple[str, ...]:
        return tuple(["fact", "in_area", name])  # a new tuple at each call

    records = build_module.PageRecords(path, "print")
    for page in ("a.html", "b.html"):
        records.read(page, {token("barn"): "1", token(page): "2"})
        records.made(page, f"key-{page}", b"read")
    records.save()
    again = build_module.PageRecords(path, "print")
    assert {page: entry[2] for page, entry in again.old.items()} == {
        "a.html": {token("barn"): "1", token("a.html"): "2"},
        "b.html": {token("barn"): "1", token("b.html"): "2"},
    }
    first, second = (next(iter(again.old[page][2])) for page in ("a.html", "b.html"))
    assert first == token("barn") and first is second


def test_the_page_records_are_read_once_a_process_and_again_when_their_file_changed(
    repo: Path, tmp_path: Path, built: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process that builds again and again (``serve``) keeps the records it wrote instead of
    reading them again; written by another process, or removed, they are read as they are."""
    reads = count_store_reads(monkeypatch, build_module)
    publish(PublishRequest(repo, tmp_path / "site"))
    built.clear()
    _edit(repo, "processes/barn/utredning.yaml", "Planen görs med familjen.", "Ny planering.")
    publish(PublishRequest(repo, tmp_path / "site"))
    assert sorted(built) == sorted(READS_UTREDNING)
    assert len(reads) == 1  # the first build's
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")
    records = repo / ".processkit-cache/site" / build_module.RECORDS
    records.unlink()  # as another process would have left them: nothing kept
    built.clear()
    publish(PublishRequest(repo, tmp_path / "site"))
    assert len(built) == 9 and len(reads) == 3  # with the cold build's
    written = records.read_bytes()
    built.clear()
    build_module._KNOWN[0] = None
    publish(PublishRequest(repo, tmp_path / "site"))  # a new process: read
    assert built == [] and len(reads) == 4
    records.write_bytes(written.replace(b"processkit", b"processkat", 1))  # another version's
    publish(PublishRequest(repo, tmp_path / "site"))
    assert len(built) == 9 and len(reads) == 5
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")


def test_an_entry_no_record_holds_is_removed_by_the_build_that_looks_again(
    tmp_path: Path,
) -> None:
    """Two builds beside each other where the cache folder cannot be locked: the one that
    ends last writes the record, and an entry only the other put is in none. Every
    ``LOOK_AGAIN`` builds one looks through every folder, and removes it then."""
    from processkit.site import filecache
    from processkit.site.filecache import FileCache

    root = tmp_path / "cache"

    def entries() -> list[str]:
        return sorted(path.name for path in (root / "pages").glob("*/*"))

    first = FileCache(root)
    first.put_text("pages", "zz00", "Z")
    first.prune(["pages"])  # leaves a record
    one, other = FileCache(root), FileCache(root)  # one takes the record; the other finds none
    one.put_text("pages", "aa11", "A")
    other.put_text("pages", "bb22", "B")
    other.prune(["pages"])
    one.put_text("pages", "aa12", "A2")
    one.prune(["pages"])
    assert entries() == ["aa12", "bb22"]
    for build in range(filecache.LOOK_AGAIN + 1):
        later = FileCache(root)
        later.put_text("pages", "cc33", "C")
        later.prune(["pages"])
        if build < filecache.LOOK_AGAIN - 1:
            assert entries() == ["bb22", "cc33"]
    assert entries() == ["cc33"]


def test_what_a_build_released_is_removed_at_once_and_what_it_puts_after_is_kept(
    tmp_path: Path,
) -> None:
    from processkit.site.filecache import FileCache

    root = tmp_path / "cache"

    def entries(kind: str) -> list[str]:
        return sorted(path.name for path in (root / kind).glob("*/*"))

    first = FileCache(root)
    for key in ("aa01", "bb02", "cc03"):
        first.put_text("pages", key, key)
    first.put_text("search", "dd04", "D")
    first.prune(["pages", "search"])
    build = FileCache(root)
    assert build.file("pages", "bb02") is not None  # used again
    build.release(["pages", "search"])
    assert (entries("pages"), entries("search")) == (["bb02"], [])
    build.put_text("search", "ee05", "E")  # put after: kept
    build.put_text("pages", "ff06", "F")
    build.prune(["pages", "search"])
    assert (entries("pages"), entries("search")) == (["bb02", "ff06"], ["ee05"])
    # and the record names what is there: the next build removes what it does not use
    again = FileCache(root)
    again.prune(["pages", "search"])
    assert (entries("pages"), entries("search")) == ([], [])


def test_entries_looked_through_at_once_are_found_as_those_looked_up_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from processkit.site import filecache
    from processkit.site.filecache import FileCache

    root = tmp_path / "cache"
    first = FileCache(root)
    for key in ("aa01", "ab02", "bb03"):
        first.put_text("figures", key, key)
    first.prune(["figures"])
    build = FileCache(root)
    build.look_through("figures")
    looked: list[str] = []
    real = os.path.isfile

    def isfile(path: Any) -> bool:
        looked.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(filecache.os.path, "isfile", isfile)
    assert build.place("figures", "ab02") == str(root / "figures/ab/ab02")
    assert looked == []  # found among those noted, without a look
    FileCache(root).put_text("figures", "cc04", "C")  # put since (by a worker)
    assert build.place("figures", "cc04") == str(root / "figures/cc/cc04")
    assert build.place("figures", "dd05") is None
    assert looked == ["cc04", "dd05"]
    build.release(["figures"])  # aa01 and bb03 are not used: removed, and no longer noted
    assert build.place("figures", "aa01") is None
    assert build.used["figures"] == {"ab02", "cc04"}
    # a kind with no folder yet is not noted: each entry is looked up
    build.look_through("pages")
    assert build.place("pages", "ee06") is None
    assert looked[-1] == "ee06"


def test_a_cache_whose_entries_cannot_be_removed_costs_the_build_nothing(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry the build does not use and cannot remove (a folder of the cache it may not
    write) is left where it is, while Pagefind runs and at the end."""
    from processkit.site import filecache

    site = tmp_path / "site"
    publish(PublishRequest(repo, site))
    kept = _cached_pages(repo)

    def refused(place: str) -> None:
        raise PermissionError(13, "Permission denied", place)

    monkeypatch.setattr(filecache, "_remove", refused)
    _edit(repo, "processes/barn/utredning.yaml", "Planen görs med familjen.", "Ny planering.")
    publish(PublishRequest(repo, site))
    assert set(kept) < set(_cached_pages(repo))  # the page replaced is there still
    assert cold_build(repo, tmp_path) == snapshot(site)


def test_a_build_removes_the_bundle_it_replaces_while_pagefind_runs(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not after Pagefind: a bundle is a folder of hundreds of files at 5,000 processes."""
    site = tmp_path / "site"
    publish(PublishRequest(repo, site))
    bundles = repo / ".processkit-cache/site/search"
    before = {path.name for path in bundles.glob("*/*")}
    gone: list[set[str]] = []
    real = search_module.Indexing.wait

    def waiting(self: Any) -> Any:
        gone.append(before - {path.name for path in bundles.glob("*/*")})
        return real(self)

    monkeypatch.setattr(search_module.Indexing, "wait", waiting)
    _edit(repo, "processes/barn/utredning.yaml", "Planen görs med familjen.", "Ny planering.")
    publish(PublishRequest(repo, site))
    after = {path.name for path in bundles.glob("*/*")}
    # one bundle replaced (its shard's), gone before the build waited for Pagefind
    assert len(gone) == 1
    assert gone[0] == before - after
    assert len(gone[0]) == 1
    assert len(after - before) == 1
    assert cold_build(repo, tmp_path) == snapshot(site)


def test_a_temporary_a_killed_process_left_is_removed_by_a_build_that_looks_through_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A temporary file or folder in the cache (a name that begins with a dot) last changed
    longer than ``LEFT_AFTER`` ago was left by a process killed as it wrote: a build that
    looks through every folder (with no record of what the build before kept) removes it.
    A younger one may be being written by a build beside this one: it is left, also where it
    is a link to an old file (a link keeps its source's times, but for the time of change)."""
    from processkit.site import filecache
    from processkit.site.filecache import KEPT, FileCache

    root = tmp_path / "cache"
    write_files(
        root / "staged/ab",
        {".ab12.tmp": "halv", ".ab34.tmp/index.html": "halv", "ab90": "Gammal"},
    )
    old = tmp_path / "gammal.html"  # linked in as a build puts a file: its times come along
    old.write_text("halv", encoding="utf-8")
    hour = time.time() - filecache.LEFT_AFTER - 60
    os.utime(old, (hour, hour))
    os.link(old, root / "staged/ab/.ab78.tmp")
    temporaries = [".ab12.tmp", ".ab34.tmp", ".ab78.tmp"]

    def pruned(at: float) -> list[str]:
        (root / KEPT).unlink(missing_ok=True)  # no record: it looks through every folder
        cache = FileCache(root)
        cache.put_text("staged", "ab56", "Kvar")
        with monkeypatch.context() as clock:
            clock.setattr(filecache.time, "time", lambda: at)
            cache.prune(["staged"])
        return sorted(path.name for path in (root / "staged/ab").iterdir())

    assert pruned(time.time()) == [*temporaries, "ab56"]
    assert pruned(time.time() + filecache.LEFT_AFTER + 60) == ["ab56"]


def test_flows_and_landscapes_drawn_in_one_pool_make_the_site_one_process_makes(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All maps go to one set of forked workers, the landscapes' tasks first, then the flows':
    the site is byte for byte the one drawn in this process alone."""
    from processkit.site import parallel

    pools: list[tuple[int, int]] = []
    real = maps_module.run_batches

    def counted(work: Callable[..., Any], total: int, **options: Any) -> Any:
        pools.append((total, options["threshold"]))
        return real(work, total, **options)

    monkeypatch.setattr(maps_module, "run_batches", counted)
    with monkeypatch.context() as alone:
        alone.setattr(parallel, "workers", lambda: 1)
        drawn_here = cold_build(repo, tmp_path)
    assert pools == [(2, 3)]  # the landscapes in one task, the flows in one: drawn here
    monkeypatch.setattr(maps_module, "CHUNK", 1)
    monkeypatch.setattr(maps_module, "LANDSCAPES", 2)
    pools.clear()
    assert cold_build(repo, tmp_path) == drawn_here
    assert pools == [(2 + 1, 2)]  # three landscapes two to a task, the one flow: forked


def test_serve_writes_the_page_records_once_and_keeps_them_in_memory_after(
    repo: Path, tmp_path: Path, built: list[str]
) -> None:
    """``serve`` writes the page records at its first build, and after each edit keeps them
    in memory only: its next build takes every page the edit did not touch from them. A new
    process reads the records written first, older, and makes the site made anew."""
    records = repo / ".processkit-cache/site" / build_module.RECORDS
    build_module._KNOWN[0] = None
    serve = PublishRequest(repo, tmp_path / "site", remove_later=True, reuse=True)
    publish(serve)
    written = records.read_bytes()
    _edit(repo, "processes/barn/utredning.yaml", "Planen görs med familjen.", "Ny planering.")
    built.clear()
    publish(serve)
    assert sorted(built) == sorted(READS_UTREDNING)
    assert records.read_bytes() == written
    _edit(repo, "processes/stod/ekonomi.yaml", "Kostnader för insatser", "Kostnader för stöd")
    built.clear()
    publish(serve)
    # only what reads ekonomi: the records in memory know that utredning's pages are made
    assert built and "handbooks/rutin-utredning.html" not in built
    assert records.read_bytes() == written
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")
    build_module._KNOWN[0] = None  # a new process
    built.clear()
    publish(PublishRequest(repo, tmp_path / "site"))
    assert set(READS_UTREDNING) < set(built)  # older records: both edits' pages
    assert records.read_bytes() != written
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")


@pytest.mark.parametrize("reason", ["EXDEV", "ENOSYS", "EACCES"])
def test_where_no_file_can_be_linked_the_site_is_made_of_copies(
    reason: str,
    repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    calls: Counter[str],
) -> None:
    """A cache on a file system without hard links, or on another than the site's (each
    says so in its own words): every page, feed, map and search shard is copied instead, the
    site is the one a build with links makes, and the build after takes them all from the
    cache, the preview of an edit too."""
    import errno

    from processkit.site import filecache

    expected = cold_build(repo, tmp_path)
    tried: list[str] = []

    def no_link(source: Any, target: Any) -> None:
        tried.append(str(target))
        raise OSError(getattr(errno, reason), reason)

    monkeypatch.setattr(filecache.os, "link", no_link)
    site, cache = tmp_path / "copied", tmp_path / "copied-cache"
    publish(PublishRequest(repo, site, cache_dir=cache))
    assert snapshot(site) == expected
    calls.clear()
    publish(PublishRequest(repo, site, cache_dir=cache))
    assert snapshot(site) == expected
    assert (calls["pages"], calls["shards"]) == (0, 0)
    process = repo / "processes/barn/utredning.yaml"
    text = process.read_text(encoding="utf-8")
    process.write_text(text.replace("allsidigt belyst", "belyst från alla håll"), "utf-8")
    publish(PublishRequest(repo, site, cache_dir=cache, search_later=True))
    assert "belyst från alla håll" in (site / "processes/utredning.html").read_text("utf-8")
    assert len(tried) > 20


def test_a_file_not_there_is_not_linked_nor_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linking a file that is not there raises at once: no copy is tried, and nothing is made
    (a page or feed missing from the cache is made anew)."""
    from processkit.site import filecache

    def copying(*args: Any) -> None:
        raise AssertionError("a copy was tried")

    monkeypatch.setattr(filecache.shutil, "copyfile", copying)
    with pytest.raises(FileNotFoundError):
        filecache.link_file(tmp_path / "gone", tmp_path / "target")
    assert list(tmp_path.iterdir()) == []
    cache = filecache.FileCache(tmp_path / "cache")
    assert cache.link("feeds", "0" * 64, str(tmp_path / "feed.xml")) is False
    assert not (tmp_path / "feed.xml").exists()
    (tmp_path / "cache/feeds").mkdir(parents=True)
    (tmp_path / "cache/feeds/00").write_text("not a folder")  # where the entry's folder is
    assert cache.link("feeds", "0" * 64, str(tmp_path / "feed.xml")) is False
    assert not (tmp_path / "feed.xml").exists()


def test_an_entry_is_put_by_a_link_and_a_damaged_one_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry is the file put, linked; one there already (damaged) is replaced whole, and no
    temporary file is left."""
    from processkit.site import filecache

    replaced: list[str] = []
    real = os.replace

    def replacing(source: Any, target: Any) -> None:
        replaced.append(Path(target).name)
        real(source, target)

    monkeypatch.setattr(filecache.os, "replace", replacing)
    cache = filecache.FileCache(tmp_path / "cache")
    page = tmp_path / "page.html"
    page.write_text("<p>Sida</p>")
    assert cache.put_file("pages", "ab" * 32, page)
    entry = tmp_path / "cache/pages/ab" / ("ab" * 32)
    assert entry.samefile(page) and replaced == []
    entry.unlink()
    entry.write_text("<p>Sid")  # cut short
    assert cache.put_file("pages", "ab" * 32, page)
    assert entry.read_text() == "<p>Sida</p>" and entry.samefile(page)
    assert replaced == ["ab" * 32]
    assert sorted(path.name for path in entry.parent.iterdir()) == ["ab" * 32]


def test_a_history_digest_changes_exactly_where_the_history_a_page_shows_does() -> None:
    """The digest of a page's history (a dependency token) is worked out from the commits'
    hashes, the authors' names as shown and the words of what changed, not from the history
    written out: it must differ exactly where what ``History.page`` shows differs."""
    from datetime import date

    from markupsafe import Markup

    from processkit.loading.git import Commit
    from processkit.site.history import History

    def commit(sha: str, author: str = "Anna", email: str = "a@test.se") -> Commit:
        day = date(2026, 1, int(sha[-1]) + 1)
        return Commit(sha * 10, day, day, author, email, f"Ändring {sha}")

    path = "processes/a.yaml"
    one, two = commit("a1"), commit("b2")
    words = {(one.sha, path): (Markup("Namnet <em>ändrat</em>"),)}
    histories = {
        "base": History(files={path: [two, one]}, words=dict(words)),
        "same": History(files={path: [two, one]}, words=dict(words)),
        "one commit fewer": History(files={path: [one]}, words=dict(words)),
        "another order": History(files={path: [one, two]}, words=dict(words)),
        "other words": History(
            files={path: [two, one]}, words={(one.sha, path): (Markup("Syftet ändrat"),)}
        ),
        "words split in two": History(
            files={path: [two, one]},
            words={(one.sha, path): (Markup("Namnet "), Markup("<em>ändrat</em>"))},
        ),
        "words moved to the other commit": History(
            files={path: [two, one]}, words={(two.sha, path): words[(one.sha, path)]}
        ),
        "the author known by name": History(
            files={path: [two, one]}, words=dict(words), people={"a@test.se": "Anna Berg"}
        ),
        "another file's words": History(
            files={path: [two, one]}, words={**words, (one.sha, "processes/b.yaml"): ()}
        ),
        "nothing": History(),
    }
    digests = {name: history.digest(path) for name, history in histories.items()}
    # the digest builds' records hold: a build after an upgrade finds its pages as they were
    assert digests["base"] == "5ab0bc193cbdcc42dee8a96b6c19a9d8", digests["base"]
    pages = {name: repr(history.page(path)) for name, history in histories.items()}
    for first in histories:
        for second in histories:
            same_page = pages[first] == pages[second]
            assert (digests[first] == digests[second]) is same_page, (first, second)
    assert digests["base"] == digests["same"] == digests["another file's words"]
    assert len(set(digests.values())) == len(histories) - 2


def test_the_digest_of_fields_a_list_shows_changes_exactly_where_the_fields_do() -> None:
    """A page that lists a field of every process (the owners' page: name, owner, leaders,
    status) is built again when one of those changes and only then: the digest of its
    ``fields`` token is of the values, not of how the objects holding them were made (a
    text read again, interned or not, shared or not), and a value marshal cannot write (a
    date) is hashed by its repr, apart from any value it can."""
    import sys
    from datetime import date

    from processkit.site.depends import _hash_values

    def fields(name: str, leaders: list[str]) -> list[tuple[str, tuple[object, ...]]]:
        return [("ansoka", (name, "anna", leaders, "approved")), ("besluta", ("B", None, [], 2))]

    base = _hash_values(fields("Ansöka", ["bo", "bo"]))
    made = ["".join(["b", "o"]), "".join(["b", "o"])]  # two objects, neither interned
    assert made[0] is not made[1] and made[0] is not sys.intern("bo")
    assert _hash_values(fields("".join(["Ans", "öka"]), made)) == base
    assert _hash_values(fields("Ansöka ", ["bo", "bo"])) != base
    assert _hash_values(fields("Ansöka", ["bo"])) != base
    assert _hash_values(fields("Ansöka", ["bo", "bo", ""])) != base
    assert _hash_values([("ansoka", ("Ansöka", 1))]) != _hash_values([("ansoka", ("Ansöka", True))])
    assert _hash_values([("ansoka", [1])]) != _hash_values([("ansoka", (1,))])
    assert _hash_values([("ansoka", 1)]) != _hash_values([("ansoka", 1.0)])
    dated = [("ansoka", ("Ansöka", date(2026, 3, 1)))]
    assert _hash_values(dated) == _hash_values([("ansoka", ("Ansöka", date(2026, 3, 1)))])
    assert _hash_values(dated) != _hash_values([("ansoka", ("Ansöka", date(2026, 3, 2)))])
    assert _hash_values(dated) != _hash_values([("ansoka", ("Ansöka", "2026-03-01"))])


def test_new_purposes_go_into_the_landscapes_made_before_as_into_their_drawings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made: list[tuple[str, bool]]
) -> None:
    """The new words of processes go into the landscapes made before, in the processes' own
    elements: a parent's node and the box of its sub-processes, a sub-process drawn only in its
    area's landscape; with quotes, markup, Markdown, a character a map leaves out and spaces
    that a tooltip folds. The site is what a build from nothing makes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = tmp_path / "kalmar"
    shutil.copytree(KALMAR, root, ignore=shutil.ignore_patterns(".processkit-cache", "site"))
    site = tmp_path / "site"
    publish(PublishRequest(root, site))
    changed = {
        "ledning/led-avvikelser": 'Att "avvikelser" <b>fångas</b> & **rättas**\ufdd0 till.',
        "ledning/led-lex-sarah": "Att  missförhållanden\n  utreds\tnoga.",
        "aldreomsorg/ao-hemtjanst": "Att äldre *kan* bo kvar [hemma](https://example.se).",
    }
    for number, (path, purpose) in enumerate(changed.items()):
        file = root / f"processes/{path}.yaml"
        lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
        lines = [
            f"purpose: {json.dumps(purpose)}\n" if line.startswith("purpose:") else line
            for line in lines
        ]
        file.write_text("".join(lines), encoding="utf-8")
        made.clear()
        publish(PublishRequest(root, site))
        assert made == [], path  # no landscape made again, not even its texts
        area = (site / f"areas/{path.split('/')[0]}.html").read_text(encoding="utf-8")
        ident = path.split("/")[1]
        element = area.split(f'<g id="landscape-{path.split("/")[0]}--p--{ident}" class="node">')
        assert len(element) == 2
        assert "**" not in element[1].split("</desc>")[0]
        if number == 0:  # a parent drawn with its sub-processes: the box has the words too
            box = area.split(f'<g id="landscape-ledning--parent--{ident}" class="cluster">')
            assert len(box) == 2
            assert "&amp; rättas till.</desc>" in box[1].split("</g>")[0]
    assert cold_build(root, tmp_path) == snapshot(site)


@pytest.mark.parametrize("damage", ["no title", "only the title", "a list for a title"])
def test_a_damaged_landscape_kept_from_before_is_made_again(
    repo: Path, tmp_path: Path, damage: str
) -> None:
    """A landscape kept from the build before that cannot be read as one (its title, as a
    JSON string on the first line, then its SVG) is not given its new words but made again
    from its drawing."""
    site = tmp_path / "site"
    publish(PublishRequest(repo, site))
    figures = repo / ".processkit-cache/site/figures"
    damaged = 0
    for path in figures.glob("*/*"):
        text = path.read_text(encoding="utf-8")
        if re.search(r'<g id="landscape[^"]*" class="graph"', text):
            title, svg = text.split("\n", 1)
            assert isinstance(json.loads(title), str)
            broken = {"no title": svg, "only the title": title, "a list for a title": "[1]\n" + svg}
            path.write_text(broken[damage], encoding="utf-8")
            damaged += 1
    assert damaged == 3
    old, new = "Att barnets behov av skydd blir allsidigt belyst.", "Att barnet får ett nytt syfte."
    _edit(repo, "processes/barn/utredning.yaml", old, new)
    publish(PublishRequest(repo, site))
    assert cold_build(repo, tmp_path) == snapshot(site)


def test_a_figure_is_kept_as_it_was_made() -> None:
    """A figure in the cache is its title (a JSON string) on the first line and its SVG as it
    is: both come back exactly, line breaks and carriage returns included."""
    from processkit.site.maps import _record, _title_and_svg

    for title, svg in [
        ('Processflöde: "A"', "<svg>\n<desc>a\r\nb\rc\u2028d\x85e</desc>\n</svg>"),
        ("Rad ett\nrad två\r", "<svg></svg>"),
    ]:
        assert _title_and_svg(_record(title, svg).encode("utf-8")) == (title, svg)
    kept = _record("Karta", "<svg>\n</svg>").encode("utf-8")
    assert _title_and_svg(kept[:-3]) is None  # cut short
    assert _title_and_svg(kept.split(b"\n", 1)[1]) is None  # no title
    assert _title_and_svg(b'["Karta"]\n<svg></svg>') is None


@pytest.mark.parametrize(
    ("damage", "language"), [("cut short", "sv"), ("no title", "sv"), ("cut short", "en")]
)
def test_a_damaged_map_a_page_shows_is_told_in_one_line(
    repo: Path, tmp_path: Path, damage: str, language: str
) -> None:
    """A flow map in the cache that a page needs and that cannot be read whole stops the
    build with one line naming the file, in the site's language, not with a page that lacks
    its map or has half of one; once the file is removed, the map is drawn again."""
    from processkit.errors import ProcesskitError

    if language == "en":
        config = repo / "processkit.yaml"
        config.write_text(config.read_text(encoding="utf-8") + "  language: en\n", "utf-8")
    site = tmp_path / "site"
    publish(PublishRequest(repo, site))
    cache = repo / ".processkit-cache/site"
    (flow,) = [
        path
        for path in (cache / "figures").glob("*/*")
        if '<g id="process-utredning" class="graph"' in path.read_text(encoding="utf-8")
    ]
    data = flow.read_bytes()
    flow.write_bytes(data[:-10] if damage == "cut short" else data.split(b"\n", 1)[1])
    shutil.rmtree(cache / "pages")  # the process's page is made again, with its map
    with pytest.raises(ProcesskitError) as error:
        publish(PublishRequest(repo, site))
    assert (
        str(error.value)
        == {
            "en": f"a map kept in the cache is damaged: {flow}; remove it and try again",
            "sv": f"en karta i mellanlagret är skadad: {flow}; ta bort den och försök igen",
        }[language]
    )
    flow.unlink()
    publish(PublishRequest(repo, site))
    assert cold_build(repo, tmp_path) == snapshot(site)


def test_many_new_purposes_make_the_landscapes_again_from_their_drawings(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made: list[tuple[str, bool]]
) -> None:
    """Up to ``RETEXTED`` processes with new words go into the landscapes made before; past
    it a landscape is made again from its drawing (each process would be looked for in the
    whole landscape made before), with the same result."""
    monkeypatch.setattr(maps_module, "RETEXTED", 1)
    publish(PublishRequest(repo, tmp_path / "site"))
    made.clear()
    _edit(repo, "processes/barn/utredning.yaml", "allsidigt belyst", "belyst")
    publish(PublishRequest(repo, tmp_path / "site"))
    assert made == []  # one process: into the landscapes made before
    _edit(repo, "processes/barn/utredning.yaml", "Att barnets", "Att varje barns")
    _edit(repo, "processes/barn/myndighet.yaml", "owner: anna\n", "owner: anna\npurpose: Beslut.\n")
    publish(PublishRequest(repo, tmp_path / "site"))
    assert sorted(made) == [("", True), ("barn", True)]  # two: made again
    assert cold_build(repo, tmp_path) == snapshot(tmp_path / "site")


def test_a_ci_job_that_restores_the_cache_in_a_new_checkout_makes_only_what_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, calls: Counter[str]
) -> None:
    """As the workflows ``init`` writes publish the main branch: in a new checkout (every file
    new to the disk), with the cache folder of the last run restored (copied, as a CI cache is
    unpacked), into a new folder; in a new process each time."""
    from tests.test_changelog_support import GitRepo

    from processkit.cache import CACHE_FOLDER
    from processkit.cli import publishing
    from processkit.site import templating

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    main = GitRepo(tmp_path / "main")
    write_files(main.root, RICH)
    main.commit("Första versionen", "2026-01-10")

    def job(number: int, restored: Path | None) -> Path:
        checkout = tmp_path / f"job-{number}"
        main.git("clone", "-q", str(main.root), str(checkout))
        if restored is not None:
            shutil.copytree(restored / CACHE_FOLDER, checkout / CACHE_FOLDER)
        publishing._READ[:] = [None, None, None]
        templating._MADE.clear()
        calls.clear()
        publish(PublishRequest(checkout, checkout / "site"))
        return checkout

    first = job(1, None)
    assert calls == {"pages": 19, "maps": 4, "shards": 4}
    changed = main.root / "processes/barn/utredning.yaml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Planen görs med familjen.", "Ny planering."),
        encoding="utf-8",
    )
    main.commit("Ny planering", "2026-02-10")
    second = job(2, first)
    # of 19 pages, 4 maps and 4 search shards: the process's page and the two that show the
    # last commit (the start page, the change log); its flow map; the shards of those pages
    assert calls == {"pages": 3, "maps": 1, "shards": 2}
    assert snapshot(second / "site") == cold_build(second, tmp_path)
