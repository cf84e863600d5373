"""Every install path of the README works, run as written in its "Install" section: a wheel file
(the ``installed`` fixture runs that one), a copy of the repository (``pip install .`` in its
folder) and the organisation's own git copy at a release tag. The git address is an example.se
one; here it is a bare clone of the tagged release, reached as ``file://``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import Release
from tests.packaging_support import Venv, make_venv, readme_install_commands, run

pytestmark = [pytest.mark.wheel]

GIT_COPY = "https://git.example.se/verktyg/processkit"


def test_the_readme_names_three_ways_to_install(release: Release) -> None:
    version = release.version
    assert readme_install_commands() == [
        f"pip install processkit-{version}-py3-none-any.whl",
        "pip install .",
        f'pip install "git+{GIT_COPY}@v{version}"',
    ]


def install_record(venv: Venv, tmp_path: Path) -> tuple[str, dict[str, object], Path]:
    """The installed version, where pip says it came from (direct_url.json) and the templates'
    folder processkit uses."""
    shown = venv.run(
        [
            str(venv.python),
            "-c",
            "import json, importlib.metadata as m, processkit.resources as r; "
            "d = m.distribution('processkit'); "
            "print(json.dumps([d.version, json.loads(d.read_text('direct_url.json')), "
            "str(r.templates_dir())]))",
        ],
        tmp_path,
    )
    version, origin, templates = json.loads(shown.stdout)
    return version, origin, Path(templates)


def test_installs_from_the_git_copy_at_the_tag_and_from_a_copy_of_the_repository(
    release: Release, tmp_path: Path
) -> None:
    server = tmp_path / "git-server" / "processkit.git"
    run(["git", "clone", "-q", "--bare", str(release.source), str(server)], tmp_path)
    venv = make_venv(tmp_path / "venv")
    site_packages = venv.site_packages()
    [from_git] = [c for c in readme_install_commands() if "git+" in c]

    venv.run(from_git.replace(GIT_COPY, server.as_uri()), tmp_path)
    version, origin, templates = install_record(venv, tmp_path)
    assert version == release.version
    assert origin["url"] == server.as_uri()
    assert origin["vcs_info"] == {
        "vcs": "git",
        "requested_revision": f"v{release.version}",
        "commit_id": run(["git", "rev-parse", "HEAD"], release.source).stdout.strip(),
    }
    assert templates == site_packages / "processkit" / "templates"

    copy = tmp_path / "min-kopia"  # any folder name: the command runs inside the copy
    run(["git", "clone", "-q", server.as_uri(), str(copy)], tmp_path)
    venv.run(["pip", "uninstall", "-y", "processkit"], tmp_path)
    venv.run("pip install .", copy)
    version, origin, templates = install_record(venv, tmp_path)
    assert version == release.version
    assert origin == {"url": copy.as_uri(), "dir_info": {}}  # a copy, not an editable link
    assert templates == site_packages / "processkit" / "templates"
    assert venv.run(["processkit", "--version"], tmp_path).stdout == (
        f"processkit {release.version}\n"
    )
