"""Reading the line that says where processkit is installed from, and the version it names."""

from __future__ import annotations

import pytest

from processkit.install_source import pinned_version, requirement_lines, same_version


@pytest.mark.parametrize(
    ("requirement", "version"),
    [
        ("processkit==1.2.0", "1.2.0"),
        ("processkit == 1.2.0", "1.2.0"),
        ("Processkit[extra]===1.2.0", "1.2.0"),
        ('processkit==1.2.0 ; python_version >= "3.11"', "1.2.0"),
        ("processkit==1.2.1.dev3+g1a2b3c4", "1.2.1.dev3+g1a2b3c4"),
        ("https://paket.example.se/processkit/processkit-1.2.0-py3-none-any.whl", "1.2.0"),
        ("/srv/wheels/processkit-1.2.1.dev3%2Bg1a2b3c4-py3-none-any.whl", "1.2.1.dev3+g1a2b3c4"),
        ("C:\\wheels\\processkit-2.0.0-py3-none-any.whl", "2.0.0"),
        ("processkit @ git+https://git.example.se/verktyg/processkit@v1.2.0", "1.2.0"),
        ("git+https://git.example.se/verktyg/processkit@1.2.0#egg=processkit", "1.2.0"),
        ("git+https://git.example.se/verktyg/processkit.git@v2.0.0rc1", "2.0.0rc1"),
        ("git+ssh://git@git.example.se/verktyg/processkit@v1.2.0", "1.2.0"),
        ("processkit>=1.2", None),
        ("processkit", None),
        ("git+https://git.example.se/verktyg/processkit@main", None),
        ("git+https://git.example.se/verktyg/processkit", None),
        ("git+ssh://git@git.example.se/verktyg/processkit", None),
        ("https://paket.example.se/processkit/processkit-1.2.0.tar.gz", None),
    ],
)
def test_the_one_version_a_requirement_names(requirement: str, version: str | None) -> None:
    assert pinned_version(requirement) == version


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("1.2.0", "1.2.0", True),
        ("1.2", "1.2.0", True),
        ("v1.2.0", "1.2", True),
        ("01.2.00", "1.2", True),
        ("1.2.0", "1.2.1", False),
        ("1.2.0", "1.20", False),
        ("1.2.1.dev3+g1a2b3c4", "1.2.1.dev3+g1a2b3c4", True),
        ("1.2.1.dev3+g1a2b3c4", "1.2.1", False),
        ("2.0.0rc1", "2.0rc1", True),
    ],
)
def test_versions_compare_as_releases(first: str, second: str, same: bool) -> None:
    assert same_version(first, second) is same


def test_requirement_lines_leave_out_comments_blanks_and_options() -> None:
    text = (
        "# Varifrån processkit installeras\n"
        "\n"
        "--extra-index-url https://paket.example.se/simple\n"
        "  processkit==1.2.0   # den version vi använder\n"
        "\t\n"
    )
    assert requirement_lines(text) == ["processkit==1.2.0"]
