"""No file of the project, and none that ``init`` writes, names a place processkit cannot be
installed from, and the addresses in what users read are real sites or example.se ones."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import ROOT, CliResult
from tests.packaging_support import source_files

import processkit

#: Sources that do not exist: processkit is on no public registry and has no public address
NOWHERE = (
    "processkit==0.1.0",
    "github.com/processkit",
    "gitlab.com/processkit",
    "pypi.org/project/processkit",
)
#: Sites the documents and the code may send a reader to
REAL_SITES = {
    "127.0.0.1",
    # the forges "Skicka för granskning" opens a pull request on (authoring/review.py)
    "api.github.com",
    "github.com",
    "docs.oasis-open.org",
    "www.digg.se",
    "git-scm.com",
    "graphviz.org",
    "jfly.uni-koeln.de",
    "json-schema.org",
    "json.schemastore.org",
    "pagefind.app",
    "pre-commit.com",
    "www.w3.org",
}
#: What users read: the documents, the templates, the code's messages, the packaging
READ_BY_USERS = re.compile(
    r"(README\.md|docs/.*\.md|templates/.*|src/.*\.py|\.pre-commit-hooks\.yaml|Dockerfile"
    r"|\.dockerignore|pyproject\.toml|dev|examples/kalmar/.*\.(yaml|md))"
)
ADDRESS = re.compile(r"https?://([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
MAIL = re.compile(r"\b[\w.+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})\b")
THIS_FILE = Path(__file__).relative_to(ROOT).as_posix()


def texts() -> dict[str, str]:
    found = {}
    for name in source_files():
        if name == THIS_FILE or name.endswith((".png", ".xlsx")):
            continue
        found[name] = (ROOT / name).read_bytes().decode("utf-8", errors="replace")
    return found


def nowhere_in(files: dict[str, str]) -> list[tuple[str, str]]:
    return [
        (name, source)
        for name, text in sorted(files.items())
        for source in NOWHERE
        if source in text.lower()
    ]


def is_example(host: str) -> bool:
    return host == "example.se" or host.endswith((".example.se", ".example"))


def test_no_project_file_names_a_source_that_does_not_exist() -> None:
    assert nowhere_in(texts()) == []


def test_every_address_users_read_is_a_real_site_or_an_example() -> None:
    unknown = [
        (name, host)
        for name, text in sorted(texts().items())
        if READ_BY_USERS.fullmatch(name)
        for host in ADDRESS.findall(text) + MAIL.findall(text)
        if not is_example(host.lower()) and host.lower() not in REAL_SITES
    ]
    assert unknown == []


@pytest.mark.parametrize("install", [None, "git+https://git.example.se/verktyg/processkit@v1.2.0"])
def test_no_file_init_writes_names_a_source_that_does_not_exist(
    tmp_path: Path,
    cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
    install: str | None,
) -> None:
    monkeypatch.setattr(processkit, "_installed_version", lambda: "1.2.0")
    target = tmp_path / "r"
    extra = [] if install is None else ["--install", install]
    result = cli("init", target, "--today", "2026-03-01", *extra)
    assert result.code == 0
    written = {
        p.relative_to(target).as_posix(): p.read_text(encoding="utf-8")
        for p in target.rglob("*")
        if p.is_file() and ".git" not in p.relative_to(target).parts
    }
    assert nowhere_in({**written, "(output)": result.out + result.err}) == []
    hosts = {
        host for text in written.values() for host in ADDRESS.findall(text) + MAIL.findall(text)
    }
    assert {host for host in hosts if not is_example(host)} <= REAL_SITES
