"""Fixtures of the site tests: sites built from small repositories and from Kalmar."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import KALMAR, write_files

from processkit.cli.publishing import PublishRequest, publish
from processkit.site.build import BuildResult

#: 2026-06-01 00:00 UTC: the day every test site is published (no clock, no git).
EPOCH = "1780272000"

BuildSite = Callable[..., Path]


@pytest.fixture
def build_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """build_site(files, search=False) -> the folder of the published site."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)

    def build(files: dict[str, str | bytes], *, search: bool = False, name: str = "repo") -> Path:
        root = write_files(tmp_path / name, files)
        output = tmp_path / f"{name}-site"
        publish(PublishRequest(root, output, search=search))
        return output

    return build


def copy_kalmar(target: Path) -> Path:
    shutil.copytree(
        KALMAR, target, ignore=shutil.ignore_patterns(".processkit-cache", "site", ".*")
    )
    return target


@pytest.fixture(scope="session")
def kalmar_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Kalmar example published once, with its search index (no git history)."""
    folder = tmp_path_factory.mktemp("kalmar")
    root = copy_kalmar(folder / "kalmar")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result: BuildResult = publish(PublishRequest(root, folder / "site"))
    return result.output


def own_base_template(root: Path) -> tuple[Path, str, str]:
    """Give the repository at ``root`` a base template of its own (``mallar/base.html``, the
    built-in one as it is); return its file, its text, and the text of an edit of it."""
    from processkit.site.templating import builtin_dir

    _own_templates(root)
    base = root / "mallar" / "base.html"
    base.parent.mkdir()
    before = (builtin_dir() / "base.html").read_text(encoding="utf-8")
    base.write_text(before, encoding="utf-8")
    edited = before.replace("</footer>", "<p>Utkast</p></footer>", 1)
    assert edited != before
    return base, before, edited


def filtering_templates(root: Path) -> None:
    """Give the repository at ``root`` templates of its own that give Pagefind filters and
    sort orders: by each page's title and address, and forty values of one filter on every
    page (Pagefind 1.5 writes them in an order that changes from run to run)."""
    words = [f"ord{number}" for number in range(40)]
    write_files(
        root / "mallar",
        {
            "base.html": '{% extends "builtin/base.html" %}\n{% block head %}{{ super() }}'
            '<meta data-pagefind-filter="sida[content]" content="{{ title }}">'
            '<meta data-pagefind-filter="adress[content]" content="{{ path }}">'
            '<meta data-pagefind-sort="titel[content]" content="{{ title }}">'
            '<meta data-pagefind-sort="adress[content]" content="{{ path }}">'
            + "".join(f'<meta data-pagefind-filter="ord[content]" content="{w}">' for w in words)
            + "{% endblock %}\n"
        },
    )
    _own_templates(root)


def _own_templates(root: Path) -> None:
    """Have the repository at ``root`` take its templates from its folder ``mallar``."""
    config = root / "processkit.yaml"
    text = config.read_text(encoding="utf-8")
    assert text.count("site:\n") == 1
    config.write_text(text.replace("site:\n", "site:\n  templates: mallar\n"), encoding="utf-8")
