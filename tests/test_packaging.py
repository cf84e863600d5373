"""processkit as a user installs it: ``python -m build`` makes an sdist and a wheel that pass
``twine check``; the wheel, installed into a fresh virtual environment, runs every command on a
copy of the Kalmar example from outside the source tree, with its templates, schemas, message
catalogues and site assets coming from the wheel.

These tests build once per session (the ``release`` and ``installed`` fixtures) and install
from the package index (pip's cache makes it quick): ``pytest -m wheel`` selects them.
"""

from __future__ import annotations

import json
import shutil
import sys
import tarfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from tests.conftest import KALMAR, ROOT, Release
from tests.packaging_support import Venv, clean_environment, run, source_files

pytestmark = [pytest.mark.wheel]

#: Shipped inside the package: processkit/templates/… and processkit/schemas/…
RESOURCE_FOLDERS = ("templates", "schemas")


def shipped(folder: str) -> set[str]:
    """The files of a resource folder of this source tree, relative to it."""
    return {
        name.removeprefix(f"{folder}/") for name in source_files() if name.startswith(f"{folder}/")
    }


def test_sdist_and_wheel_pass_twine_check(release: Release) -> None:
    checked = run(
        [
            sys.executable,
            "-m",
            "twine",
            "--no-color",
            "check",
            "--strict",
            str(release.sdist),
            str(release.wheel),
        ],
        ROOT,
        clean_environment(COLUMNS="1000"),  # one line per file, however long its path
    )
    assert [line for line in checked.stdout.splitlines() if line] == [
        f"Checking {release.wheel}: PASSED",
        f"Checking {release.sdist}: PASSED",
    ]


def test_wheel_carries_the_package_and_every_resource(release: Release) -> None:
    with zipfile.ZipFile(release.wheel) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(f"processkit-{release.version}.dist-info/METADATA").decode()
        entry_points = wheel.read(f"processkit-{release.version}.dist-info/entry_points.txt")
    for folder in RESOURCE_FOLDERS:
        inside = {
            n.removeprefix(f"processkit/{folder}/")
            for n in names
            if n.startswith(f"processkit/{folder}/")
        }
        assert inside == shipped(folder), folder
    # the site's words are in the compiled message catalogue (English is the message ids)
    assert {n for n in names if n.startswith("processkit/locale/")} == {
        "processkit/locale/sv/LC_MESSAGES/processkit.mo"
    }
    # the message catalogue, compiled when the wheel was built; its sources stay in the sdist
    assert {n for n in names if n.startswith("processkit/locale/")} == {
        "processkit/locale/sv/LC_MESSAGES/processkit.mo"
    }
    assert not any(n.endswith(".po") for n in names)
    modules = {n.removeprefix("src/") for n in source_files() if n.startswith("src/processkit/")}
    assert modules <= names
    assert f"\nVersion: {release.version}\n" in metadata
    assert "processkit = processkit.cli.main:entry" in entry_points.decode()


def test_sdist_holds_the_source_resources_and_the_version(release: Release) -> None:
    top = f"processkit-{release.version}"
    with tarfile.open(release.sdist) as sdist:
        names = {name.removeprefix(f"{top}/") for name in sdist.getnames()}
        pkg_info = sdist.extractfile(f"{top}/PKG-INFO")
        assert pkg_info is not None
        version_line = f"Version: {release.version}"
        assert version_line in pkg_info.read().decode().splitlines()
    for folder in (*RESOURCE_FOLDERS, "src", "locale"):
        assert {n for n in source_files() if n.startswith(f"{folder}/")} <= names, folder
    assert {
        "pyproject.toml",
        "hatch_build.py",
        "README.md",
        "Dockerfile",
        "examples/kalmar/processkit.yaml",
    } <= names


def test_a_copy_without_git_history_builds_with_the_fallback_version(
    release: Release, tmp_path: Path
) -> None:
    """A downloaded archive of the source has no .git and no PKG-INFO: it builds as 0.0.0."""
    plain = tmp_path / "processkit"
    shutil.copytree(release.source, plain, ignore=shutil.ignore_patterns(".git"))
    run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "dist"), str(plain)],
        tmp_path,
    )
    assert [p.name for p in (tmp_path / "dist").iterdir()] == ["processkit-0.0.0-py3-none-any.whl"]


def test_the_installed_package_and_its_resources_live_in_the_environment(
    installed: Venv, release: Release, tmp_path: Path
) -> None:
    assert installed.run(["processkit", "--version"], tmp_path).stdout == (
        f"processkit {release.version}\n"
    )
    where = installed.run(
        [
            str(installed.python),
            "-c",
            "import json, processkit, processkit.resources as r; print(json.dumps(["
            "processkit.__file__, str(r.templates_dir()), str(r.schemas_dir()), "
            "processkit.__version__]))",
        ],
        tmp_path,
    )
    package, templates, schemas, version = json.loads(where.stdout)
    site_packages = installed.site_packages()
    assert Path(package).parent == site_packages / "processkit"
    # Swedish comes from the compiled catalogue inside the environment
    wrong_language = installed.run(
        ["processkit", "--lang", "de", "--version"], tmp_path, check=False, PROCESSKIT_LANG=""
    )
    assert (wrong_language.returncode, wrong_language.stderr) == (
        2,
        "processkit: --lang: `de` är inte ett språk som processkit kan; använd `sv` eller `en`\n",
    )
    speaks = installed.run(
        [str(installed.python), "-c", "import processkit.i18n as i; print(i.locale_dir())"],
        tmp_path,
    )
    assert Path(speaks.stdout.strip()) == site_packages / "processkit" / "locale"
    assert Path(templates) == site_packages / "processkit" / "templates"
    assert Path(schemas) == site_packages / "processkit" / "schemas"
    assert version == release.version


def test_installed_wheel_validates_counts_maps_and_publishes_kalmar(
    installed: Venv, tmp_path: Path
) -> None:
    kalmar = tmp_path / "kalmar"
    shutil.copytree(KALMAR, kalmar, ignore=shutil.ignore_patterns("site", ".processkit-cache"))
    work = tmp_path / "work"  # outside the source tree and the repository
    work.mkdir()
    yaml_files = sorted(kalmar.rglob("*.yaml"))

    validated = installed.run(
        ["processkit", "validate", str(kalmar), "--format", "json", "--today", "2026-03-01"], work
    )
    summary = json.loads(validated.stdout)["summary"]
    assert summary == {
        "files": len(yaml_files),
        "entities": len(yaml_files) - 1,
        "errors": 0,
        "warnings": 0,
    }

    sheet = work / "inventering.xlsx"
    counted = installed.run(
        ["processkit", "inventory", str(kalmar), "--format", "xlsx", "--output", str(sheet)], work
    )
    assert counted.stderr == ""
    workbook = openpyxl.load_workbook(sheet)
    assert workbook.sheetnames == ["Areas", "Types", "Statuses", "Owners", "Roles", "Processes"]
    total = json.loads(
        installed.run(["processkit", "inventory", str(kalmar), "--format", "json"], work).stdout
    )["total"]
    last = list(workbook["Areas"].iter_rows(values_only=True))[-1]
    assert last[:2] == ("Total", total)

    maps = work / "kartor"
    drawn = installed.run(
        ["processkit", "map", "all", str(kalmar), "--output", str(maps), "--no-cache"], work
    )
    svgs = sorted(maps.glob("*.svg"))
    assert (
        drawn.stdout == f"wrote {len(svgs)} maps to {maps} ({len(svgs)} drawn, 0 from the cache)\n"
    )
    landscape = (maps / "landscape.svg").read_text(encoding="utf-8")
    assert "<svg" in landscape
    assert landscape.rstrip().endswith("</svg>")

    site = work / "fyren"
    published = installed.run(["processkit", "publish", str(kalmar), "--output", str(site)], work)
    assert published.stdout.startswith("Published ")
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in index
    assert (site / "processes" / "bu-utredning.html").is_file()
    # the site's assets and Swedish texts come from the wheel's templates
    for asset in sorted(shipped("templates")):
        if asset.startswith("site/assets/"):
            assert (site / "assets" / asset.removeprefix("site/assets/")).is_file(), asset
    # search: the index Pagefind (from the pagefind-bin package) wrote
    assert (site / "pagefind" / "main" / "pagefind.js").is_file()
