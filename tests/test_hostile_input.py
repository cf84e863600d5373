"""Hostile and awkward input: each gives a diagnostic, never a traceback or a hang."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult, codes, loader_diagnostics

from processkit.loading.yamlfile import MAX_FILE_BYTES

MakeRepo = Callable[[dict[str, str | bytes]], Path]
Cli = Callable[..., CliResult]

AREA = "kind: area\nid: barn\nname: Barn och unga\n"


def test_link_outside_the_repository_is_not_followed(
    make_repo: MakeRepo, cli: Cli, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("kind: area\nid: hemlig\nname: Hemligt\n", encoding="utf-8")
    secret_folder = tmp_path / "secrets"
    secret_folder.mkdir()
    (secret_folder / "x.yaml").write_text("kind: area\nid: x\nname: X\n", encoding="utf-8")
    root = make_repo({"areas/barn.yaml": AREA})
    os.symlink(secret, root / "areas" / "link.yaml")
    os.symlink(secret_folder, root / "linked")
    os.symlink(root / "areas" / "barn.yaml", root / "inside.yml")
    result = cli("validate", root, "--format", "json")
    assert codes(result) == [
        ("PK020", "areas/barn.yaml", 2, 5),
        ("PK001", "areas/link.yaml", 0, 0),
        ("PK020", "inside.yml", 2, 5),
        ("PK001", "linked", 0, 0),
    ]
    assert "hemlig" not in result.out
    assert loader_diagnostics(result)[1]["message"] == (
        "this is a link to a place outside the repository; processkit does not follow it"
    )


def test_billion_laughs_is_refused(make_repo: MakeRepo, cli: Cli) -> None:
    lines = ["kind: area", "id: x", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    root = make_repo({"bomb.yaml": "\n".join(lines) + "\n"})
    result = cli("validate", root, "--format", "json")
    [found] = loader_diagnostics(result)
    assert (found["code"], found["line"]) == ("PK002", 3)
    assert found["message"] == (
        "the file repeats its content through `*name` references into more than 200,000 "
        "values; it is not read"
    )


def test_recursive_alias_is_refused(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"loop.yaml": "kind: area\nid: x\nname: &n [a, *n]\n"})
    result = cli("validate", root, "--format", "json")
    assert codes(result) == [("PK002", "loop.yaml", 3, 7)]


def test_deep_flow_nesting_is_refused_without_crashing(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"deep.yaml": "kind: area\nid: x\nname: " + "[" * 200_000 + "\n"})
    result = cli("validate", root, "--format", "json")
    assert codes(result) == [("PK002", "deep.yaml", 1, 1)]


def test_a_huge_file_is_refused_with_its_size(make_repo: MakeRepo, cli: Cli) -> None:
    big = b"kind: area\nid: x\nname: X\ndescription: |\n" + b"  " + b"x" * 100 + b"\n"
    big += (b"  " + b"y" * 100 + b"\n") * (MAX_FILE_BYTES // 103 + 10)
    root = make_repo({"big.yaml": big})
    [found] = loader_diagnostics(cli("validate", root, "--format", "json"))
    assert found["code"] == "PK001"
    assert found["message"] == ("the file is 10.0 MB; processkit reads files of at most 10 MB")


def test_a_huge_file_has_its_size_with_a_decimal_comma_in_swedish(
    make_repo: MakeRepo, cli: Cli, swedish: None
) -> None:
    big = b"kind: area\nid: x\nname: X\ndescription: |\n"
    big += (b"  " + b"y" * 100 + b"\n") * (MAX_FILE_BYTES * 3 // 2 // 103)
    root = make_repo({"big.yaml": big})
    [found] = loader_diagnostics(cli("validate", root, "--format", "json"))
    assert (found["code"], found["message"], found["hint"]) == (
        "PK001",
        "filen är 15,0 MB; processkit läser filer på högst 10 MB",
        "En processfil är några kilobyte; dela upp innehållet eller undanta filen.",
    )


def test_a_large_file_under_the_limit_is_read(make_repo: MakeRepo, cli: Cli) -> None:
    body = "".join(f"  rad {i} med text om barn och unga\n" for i in range(60_000))
    root = make_repo({"big.yaml": "kind: area\nid: x\nname: X\ndescription: |\n" + body})
    result = cli("validate", root, "--format", "json")
    assert result.code == 0
    assert result.json()["summary"] == {"files": 2, "entities": 1, "errors": 0, "warnings": 0}


def test_many_files(make_repo: MakeRepo, cli: Cli) -> None:
    files: dict[str, str | bytes] = {
        f"areas/a{i:04}.yaml": f"kind: area\nid: a{i:04}\nname: Område {i}\n" for i in range(3000)
    }
    result = cli("validate", make_repo(files), "--format", "json")
    assert result.json()["summary"] == {"files": 3001, "entities": 3000, "errors": 0, "warnings": 0}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("\ufeffkind: area\nid: x\nname: Vård\n".encode(), []),
        (b"kind: area\r\nid: x\r\nname: V\xc3\xa5rd\r\nnme: y\r\n", [("PK012", "f.yaml", 4, 1)]),
        ("kind: area\nid: x\nname: Vård\n".encode("cp1252"), [("PK001", "f.yaml", 3, 8)]),
        (b"kind: area\nid: x\nname: X\ncustomers:\n\t- a\n", [("PK002", "f.yaml", 5, 1)]),
        (b"kind: area\nid: x\nname: X\n---\nkind: area\n", [("PK004", "f.yaml", 5, 1)]),
        (b"kind: area\nid: x\nname: X\n---\n", []),
        (b"", [("PK004", "f.yaml", 1, 1)]),
        (b"kind: area\nid: x\nname: X\n? [a, b]\n: c\n", [("PK002", "f.yaml", 4, 3)]),
    ],
    ids=[
        "bom",
        "crlf",
        "latin-1",
        "tab",
        "two-documents",
        "trailing-separator",
        "empty",
        "complex-key",
    ],
)
def test_awkward_encodings_and_shapes(
    content: bytes, expected: list[tuple[str, str, int, int]], make_repo: MakeRepo, cli: Cli
) -> None:
    result = cli("validate", make_repo({"f.yaml": content}), "--format", "json")
    assert codes(result) == expected


def test_latin1_hint_names_the_encoding(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"f.yaml": "kind: area\nid: x\nname: Äldreomsorg\n".encode("latin-1")})
    [found] = loader_diagnostics(cli("validate", root, "--format", "json"))
    assert found["message"] == "the file is not UTF-8 text: byte `0xc4` cannot be read"
    assert found["hint"] == (
        "The file looks like it was saved as Latin-1 / Windows-1252 (å, ä, ö); save it as "
        "UTF-8 instead (in most editors: Save with encoding, UTF-8)."
    )


def test_yaml_12_words_stay_text(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"f.yaml": "kind: area\nid: x\nname: no\nunit: off\n"})
    assert cli("validate", root, "--format", "json").code == 0


def test_dangling_link_cannot_be_read(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"f.yaml": AREA})
    os.symlink(root / "gone.yaml", root / "link.yaml")
    [found] = loader_diagnostics(cli("validate", root, "--format", "json"))
    assert (found["code"], found["path"], found["line"], found["column"]) == (
        "PK001",
        "link.yaml",
        0,
        0,
    )
    assert found["message"] == "the file cannot be read: it does not exist"
    [found] = loader_diagnostics(cli("--lang", "sv", "validate", root, "--format", "json"))
    assert found["message"] == "filen kan inte läsas: den finns inte"
