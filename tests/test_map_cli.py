"""`processkit map` as a user meets it: file names, standard output, formats, and the one-line
errors for a missing Graphviz, an unknown process and conflicting options."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult
from tests.test_map_dot import FIXTURE

from processkit.fsutil import FILE_MODE
from processkit.loading.load import load_repository
from processkit.render import interfaces_dot, landscape_dot, process_dot

MakeRepo = Callable[[dict[str, str | bytes]], Path]
Cli = Callable[..., CliResult]
HAS_DOT = shutil.which("dot") is not None
needs_graphviz = pytest.mark.skipif(not HAS_DOT, reason="Graphviz is not installed")
INSTALL = (
    "processkit: Graphviz is not installed (the `dot` program was not found); install it with "
    "`sudo apt-get install graphviz` (see the README's set-up), or use --format dot\n"
)


@pytest.fixture
def root(make_repo: MakeRepo) -> Path:
    return make_repo(FIXTURE)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def no_graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


@needs_graphviz
@pytest.mark.parametrize(
    ("args", "written"),
    [
        (("landscape",), "landscape.svg"),
        (("landscape", "--area", "barn"), "landscape-barn.svg"),
        (("process", "utreda"), "process-utreda.svg"),
        (("interfaces",), "interfaces.svg"),
        (("interfaces", "--area", "stod"), "interfaces-stod.svg"),
        (("interfaces", "--around", "it", "--depth", "2"), "interfaces-around-it.svg"),
    ],
)
def test_each_map_gets_a_file_named_after_it(
    cli: Cli, root: Path, workdir: Path, args: tuple[str, ...], written: str
) -> None:
    result = (
        cli("map", *args[:2], root, *args[2:])
        if args[0] == "process"
        else cli("map", args[0], root, *args[1:])
    )
    assert (result.code, result.out, result.err) == (0, f"{written}\n", "")
    assert sorted(p.name for p in workdir.iterdir()) == [written]
    assert (workdir / written).stat().st_mode & 0o777 == FILE_MODE  # not the temporary's 0o600
    svg = ET.parse(workdir / written).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"


def test_dot_to_standard_output_is_the_builders_text(cli: Cli, root: Path) -> None:
    repo = load_repository(root).repo
    cases = [
        (("landscape", root), landscape_dot(repo).dot),
        (("process", "utreda", root), process_dot(repo, "utreda").dot),
        (("interfaces", root, "--around", "utreda"), interfaces_dot(repo, around="utreda").dot),
    ]
    for args, expected in cases:
        result = cli("map", *args, "--format", "dot", "--output", "-")
        assert (result.code, result.out, result.err) == (0, expected, "")


@needs_graphviz
def test_svg_to_standard_output(cli: Cli, root: Path, workdir: Path) -> None:
    result = cli("map", "process", "utreda", root, "-o", "-")
    assert result.code == 0
    assert result.out.startswith('<?xml version="1.0" encoding="UTF-8" standalone="no"?>')
    assert ET.fromstring(result.out.encode("utf-8")).get("aria-labelledby") == (
        "process-utreda--title process-utreda--desc"
    )
    assert list(workdir.iterdir()) == []


@needs_graphviz
@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG\r\n\x1a\n"), ("pdf", b"%PDF-")])
def test_png_and_pdf(cli: Cli, root: Path, workdir: Path, fmt: str, magic: bytes) -> None:
    result = cli("map", "landscape", root, "--format", fmt, "-o", f"karta.{fmt}")
    assert (result.code, result.out) == (0, f"karta.{fmt}\n")
    assert (workdir / f"karta.{fmt}").read_bytes().startswith(magic)


def test_missing_graphviz_stops_every_map_but_dot_text(
    cli: Cli, root: Path, workdir: Path, no_graphviz: None
) -> None:
    for args in (
        ("landscape", root),
        ("process", "utreda", root),
        ("interfaces", root),
        ("all", root),
        ("process", "finns-inte", root),  # Graphviz is checked first
    ):
        result = cli("map", *args)
        assert (result.code, result.out, result.err) == (2, "", INSTALL), args
    result = cli("map", "process", "utreda", root, "--format", "dot")
    assert (result.code, result.out) == (0, "process-utreda.dot\n")
    assert (workdir / "process-utreda.dot").read_text(encoding="utf-8").startswith("// Positions")


def test_unknown_process_is_exit_2_with_a_guess(cli: Cli, root: Path) -> None:
    result = cli("map", "process", "utred", root, "--format", "dot")
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "processkit: `utred` is not a process in this repository; did you mean `utreda`?\n",
    )
    result = cli("map", "interfaces", root, "--around", "utred", "--format", "dot")
    assert result.err == (
        "processkit: --around: `utred` is not a process in this repository; did you mean "
        "`utreda`?\n"
    )
    result = cli("map", "landscape", root, "--area", "bar", "--format", "dot")
    assert result.err == (
        "processkit: --area: `bar` is not a delivery area in this repository; did you mean "
        "`barn`?\n"
    )


def test_area_and_around_together_are_refused(cli: Cli, root: Path) -> None:
    result = cli("map", "interfaces", root, "--area", "barn", "--around", "utreda")
    assert (result.code, result.err) == (
        2,
        "processkit: use either --area or --around, not both\n",
    )


def test_unknown_format_is_a_usage_error(cli: Cli, root: Path) -> None:
    result = cli("map", "landscape", root, "--format", "jpg")
    assert result.code == 2
    assert result.err == (
        "processkit map landscape: `jpg` is not a value of `--format`; did you mean `png`?\n"
    )


def test_a_repository_with_errors_is_still_drawn_with_a_note(cli: Cli, make_repo: MakeRepo) -> None:
    root = make_repo({**FIXTURE, "processes/trasig.yaml": "kind: process\nid: trasig\n"})
    result = cli("map", "landscape", root, "--format", "dot", "-o", "-")
    assert result.code == 0
    assert result.out.startswith('digraph "landscape" {')
    assert result.err == (
        "processkit: note: 1 file has errors and what it holds is left out; "
        "run `processkit validate` to see them\n"
    )


def test_map_of_a_process_with_errors_says_so(cli: Cli, make_repo: MakeRepo) -> None:
    root = make_repo({**FIXTURE, "processes/trasig.yaml": "kind: process\nid: trasig\n"})
    result = cli("map", "process", "trasig", root, "--format", "dot")
    assert result.code == 2
    assert result.err.endswith(
        "processkit: the process `trasig` has errors, so it cannot be drawn; run "
        "`processkit validate` to see them\n"
    )


@needs_graphviz
def test_all_maps_into_a_folder_and_again_from_the_cache(
    cli: Cli, root: Path, workdir: Path
) -> None:
    first = cli("map", "all", root, "--output", "kartor")
    assert (first.code, first.out) == (0, "wrote 12 maps to kartor (12 drawn, 0 from the cache)\n")
    assert sorted(p.name for p in (workdir / "kartor").iterdir()) == [
        "interfaces-barn.svg",
        "interfaces-stod.svg",
        "interfaces.svg",
        "landscape-barn.svg",
        "landscape-stod.svg",
        "landscape.svg",
        "process-insats.svg",
        "process-it.svg",
        "process-leda.svg",
        "process-myndighet.svg",
        "process-ta-emot.svg",
        "process-utreda.svg",
    ]
    assert (root / ".processkit-cache" / "maps" / "graphviz.json").is_file()
    again = cli("map", "all", root, "--output", "kartor")
    assert again.out == "wrote 12 maps to kartor (0 drawn, 12 from the cache)\n"
    elsewhere = cli("map", "all", root, "-o", "k2", "--cache-dir", workdir / "c", "--no-legend")
    assert elsewhere.out == "wrote 12 maps to k2 (12 drawn, 0 from the cache)\n"
    assert (workdir / "c" / "graphviz.json").is_file()
    uncached = cli("map", "all", root, "-o", "k3", "--no-cache")
    assert uncached.out == "wrote 12 maps to k3 (12 drawn, 0 from the cache)\n"


def test_all_maps_as_dot_text(cli: Cli, root: Path, workdir: Path, no_graphviz: None) -> None:
    result = cli("map", "all", root, "-o", "kartor", "--format", "dot", "--no-links")
    assert (result.code, result.out) == (0, "wrote 12 maps to kartor\n")
    texts = [p.read_text(encoding="utf-8") for p in sorted((workdir / "kartor").iterdir())]
    assert len(texts) == 12
    assert not any("URL=" in text for text in texts)


def test_link_prefix(cli: Cli, root: Path) -> None:
    result = cli("map", "process", "utreda", root, "-f", "dot", "-o", "-", "--link-prefix", "../")
    assert 'URL="../processes/insats.html"' in result.out
    assert 'URL="../roles/chef.html"' in result.out


def test_outside_a_repository(cli: Cli, tmp_path: Path) -> None:
    result = cli("map", "landscape", tmp_path, "--format", "dot")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"processkit: no processkit.yaml found in {tmp_path} or any folder above it; run "
        "processkit in a process repository (or create one with `processkit init`)\n"
    )
