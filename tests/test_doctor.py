"""``processkit doctor``: each tool's version, or what to do when it is missing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from tests.conftest import CliResult, write_files

import processkit
from processkit import doctor
from processkit.cli import doctor as doctor_cli

TOOLS = [
    doctor.Check("Python", "3.11.7", "running processkit", "x"),
    doctor.Check("processkit", "1.2.0", "everything", "x"),
    doctor.Check("Graphviz", "2.43.0", "maps", "x", "/usr/bin/dot"),
    doctor.Check("git", "2.39.5", "history", "x", "/usr/bin/git"),
    doctor.Check("Pagefind", "1.5.2", "search on the published site", "x", "/opt/pagefind"),
]
TOOL_LINES = (
    "ok       Python      3.11.7\n"
    "ok       processkit  1.2.0\n"
    "ok       Graphviz    2.43.0 (/usr/bin/dot)\n"
    "ok       git         2.39.5 (/usr/bin/git)\n"
    "ok       Pagefind    1.5.2 (/opt/pagefind)\n"
)


def fake_run(outputs: dict[str, str]) -> Callable[[Sequence[str]], str | None]:
    def run(argv: Sequence[str]) -> str | None:
        return outputs.get(argv[0])

    return run


def test_versions_are_read_from_the_programs() -> None:
    run = fake_run(
        {
            "/usr/bin/dot": "dot - graphviz version 2.43.0 (0)",
            "/usr/bin/git": "git version 2.39.5",
            "/opt/pagefind": "pagefind 1.5.2",
        }
    )
    which = {"dot": "/usr/bin/dot", "git": "/usr/bin/git", "pagefind": "/opt/pagefind"}.get
    assert doctor.check_graphviz(which, run).version == "2.43.0"
    assert doctor.check_git(which, run).version == "2.39.5"
    assert doctor.check_python((3, 12, 1)).version == "3.12.1"
    assert doctor.check_python((3, 10, 9)).version is None


def test_missing_programs_say_what_to_do() -> None:
    graphviz = doctor.check_graphviz(lambda name: None, fake_run({}))
    assert (graphviz.ok, graphviz.needed_for) == (False, "the process maps in `publish`")
    assert graphviz.remedy.startswith("install Graphviz: `sudo apt-get install graphviz`")
    broken = doctor.check_git(lambda name: "/usr/bin/git", fake_run({}))
    assert broken.version is None


def test_pagefind_comes_from_pagefind_bin_or_the_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_module(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr("processkit.doctor.importlib.import_module", no_module)
    assert doctor.pagefind_binary(lambda name: None) is None
    assert doctor.pagefind_binary({"pagefind": "/usr/local/bin/pagefind"}.get) == (
        "/usr/local/bin/pagefind"
    )
    missing = doctor.check_pagefind(lambda name: None, fake_run({}))
    assert (missing.ok, missing.remedy) == (False, "pip install pagefind-bin")


def test_doctor_lists_every_tool_and_fails_when_one_is_missing(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # outside any process repository
    checks = [
        doctor.Check("Python", "3.11.7", "running processkit", "x"),
        doctor.Check("processkit", "1.2.0", "everything", "x"),
        doctor.Check("Graphviz", "2.43.0", "maps", "x", "/usr/bin/dot"),
        doctor.Check("git", "2.39.5", "history", "x", "/usr/bin/git"),
        doctor.Check("Pagefind", None, "search on the published site", "pip install pagefind-bin"),
    ]
    monkeypatch.setattr(doctor, "run_checks", lambda: checks)
    result = cli("doctor")
    assert result.code == 1
    assert result.out == (
        "ok       Python      3.11.7\n"
        "ok       processkit  1.2.0\n"
        "ok       Graphviz    2.43.0 (/usr/bin/dot)\n"
        "ok       git         2.39.5 (/usr/bin/git)\n"
        "missing  Pagefind    needed for search on the published site; "
        "to fix: pip install pagefind-bin\n"
        "\n"
        "1 missing: Pagefind.\n"
    )
    monkeypatch.setattr(doctor, "run_checks", lambda: checks[:4])
    assert cli("doctor").out.endswith("\nEverything processkit uses is installed.\n")
    assert doctor_cli.register is not None


def test_doctor_runs_for_real(cli: Callable[..., CliResult]) -> None:
    result = cli("doctor")
    names = [line.split()[1] for line in result.out.splitlines()[:5]]
    assert names == ["Python", "processkit", "Graphviz", "git", "Pagefind"]
    assert result.code in (0, 1)


def precommit_config(*lines: str) -> str:
    hooks = "".join(
        f"      - id: {hook}\n"
        f"        name: {hook}\n"
        f"        entry: {hook.replace('-', ' ')}\n"
        "        language: python\n"
        f"        additional_dependencies: [{line}]\n"
        for hook, line in zip(("processkit-validate", "processkit-fmt"), lines, strict=True)
    )
    return "repos:\n  - repo: local\n    hooks:\n" + hooks


REQUIREMENTS = "# Varifrån processkit installeras.\n{line}\n"


@pytest.fixture
def in_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[[dict[str, str | bytes]], Path]:
    """A process repository holding ``files``, as the current folder; processkit 1.2.0 runs."""
    monkeypatch.setattr(doctor, "run_checks", lambda: TOOLS)
    monkeypatch.setattr(processkit, "_installed_version", lambda: "1.2.0")

    def make(files: dict[str, str | bytes]) -> Path:
        root = write_files(
            tmp_path / "processer", {"processkit.yaml": "organisation: X\n", **files}
        )
        (root / "processes").mkdir(exist_ok=True)
        monkeypatch.chdir(root / "processes")  # doctor finds the repository as validate does
        return root

    return make


def test_doctor_in_a_repository_that_installs_this_processkit(
    cli: Callable[..., CliResult], in_repository: Callable[[dict[str, str | bytes]], Path]
) -> None:
    root = in_repository(
        {
            ".processkit/requirements.txt": REQUIREMENTS.format(line="processkit==1.2.0"),
            ".pre-commit-config.yaml": precommit_config(
                '"processkit==1.2.0"', '"processkit==1.2.0"'
            ),
        }
    )
    result = cli("doctor")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        TOOL_LINES
        + "\n"
        + f"In the process repository {root}:\n"
        + "ok         .processkit/requirements.txt  processkit==1.2.0\n"
        + "ok         .pre-commit-config.yaml       processkit==1.2.0, as "
        ".processkit/requirements.txt\n" + "\n" + "Everything processkit uses is installed.\n"
    )


def test_doctor_says_when_the_file_asks_for_another_version_and_pre_commit_differs(
    cli: Callable[..., CliResult], in_repository: Callable[[dict[str, str | bytes]], Path]
) -> None:
    root = in_repository(
        {
            ".processkit/requirements.txt": REQUIREMENTS.format(line="processkit==1.3.0"),
            ".pre-commit-config.yaml": precommit_config(
                '"processkit==1.2.0"', '"processkit==1.3.0"'
            ),
        }
    )
    result = cli("doctor")
    assert result.code == 1
    assert result.out == (
        TOOL_LINES
        + "\n"
        + f"In the process repository {root}:\n"
        + "differs    .processkit/requirements.txt  asks for processkit==1.3.0, and this is "
        "processkit 1.2.0; to fix: install that version: pip install -r "
        ".processkit/requirements.txt (or, to keep this one, write processkit==1.2.0 in the "
        "file)\n" + "differs    .pre-commit-config.yaml       installs processkit==1.2.0, and "
        ".processkit/requirements.txt says processkit==1.3.0; to fix: write the same line after "
        'additional_dependencies: ["processkit==1.3.0"]\n'
        + "\n"
        + "2 to fix in the repository: .processkit/requirements.txt, .pre-commit-config.yaml.\n"
    )


def repository_lines(result: CliResult) -> list[str]:
    """The lines of the repository part, between its heading and the summary."""
    lines = result.out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("In the process repository"))
    return lines[start + 1 : lines.index("", start)]


@pytest.mark.parametrize(
    ("files", "lines"),
    [
        (
            {},
            [
                "missing    .processkit/requirements.txt  says where CI and pre-commit install "
                "processkit from; to fix: create it with one line: processkit==1.2.0 (or where "
                "your organisation keeps processkit)"
            ],
        ),
        (
            {".processkit/requirements.txt": "processkit==1.2.0\nrich\n"},
            [
                "unreadable .processkit/requirements.txt  the file has 2 requirement lines, not "
                "one; to fix: write one line in it that says where processkit comes from, such "
                "as processkit==1.2.0"
            ],
        ),
        (
            {".processkit/requirements.txt": "# bara en kommentar\n\n"},
            [
                "unreadable .processkit/requirements.txt  the file has no requirement line, only "
                "comments; to fix: write one line in it that says where processkit comes from, "
                "such as processkit==1.2.0"
            ],
        ),
        (
            {".processkit/requirements.txt": b"# V\xe4rifr\xe5n\nprocesskit==1.2.0\n"},
            [
                "unreadable .processkit/requirements.txt  the file is not UTF-8 text; to fix: "
                "write one line in it that says where processkit comes from, such as "
                "processkit==1.2.0"
            ],
        ),
        (
            {
                ".processkit/requirements.txt": "processkit>=1.2  # any 1.x\n",
                ".pre-commit-config.yaml": "repos: [\n",
            },
            [
                "ok         .processkit/requirements.txt  processkit>=1.2 (names no one version to "
                "compare)",
                "unreadable .pre-commit-config.yaml       the file is not valid YAML (line 2); to "
                "fix: correct it: pre-commit cannot read it either",
            ],
        ),
        (
            {
                ".processkit/requirements.txt": (
                    "processkit @ git+https://git.example.se/verktyg/processkit@v1.2\n"
                ),
                ".pre-commit-config.yaml": (
                    "repos:\n"
                    "  - repo: https://git.example.se/verktyg/processkit\n"
                    "    rev: v1.1.0\n"
                    "    hooks:\n"
                    "      - id: processkit-validate\n"
                ),
            },
            [
                "ok         .processkit/requirements.txt  processkit @ "
                "git+https://git.example.se/verktyg/processkit@v1.2",
                "differs    .pre-commit-config.yaml       the hooks install processkit from "
                "https://git.example.se/verktyg/processkit at v1.1.0, not from "
                ".processkit/requirements.txt; to fix: make them `repo: local` hooks with "
                'additional_dependencies: ["processkit @ '
                'git+https://git.example.se/verktyg/processkit@v1.2"], as processkit init writes '
                "them",
            ],
        ),
        (
            {
                ".processkit/requirements.txt": (
                    "https://paket.example.se/processkit/processkit-1.2.0-py3-none-any.whl\n"
                ),
                ".pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks: []\n",
            },
            [
                "ok         .processkit/requirements.txt  "
                "https://paket.example.se/processkit/processkit-1.2.0-py3-none-any.whl",
            ],
        ),
    ],
    ids=["missing", "two-lines", "only-comments", "not-utf8", "range", "remote-hooks", "no-hooks"],
)
def test_doctor_reports_each_problem_of_the_repository_with_a_remedy(
    cli: Callable[..., CliResult],
    in_repository: Callable[[dict[str, str | bytes]], Path],
    files: dict[str, str | bytes],
    lines: list[str],
) -> None:
    in_repository(files)
    result = cli("doctor")
    assert repository_lines(result) == lines
    problems = [line.split()[1] for line in lines if not line.startswith("ok ")]
    assert result.code == (1 if problems else 0)
    if problems:
        assert result.out.endswith(
            f"\n{len(problems)} to fix in the repository: {', '.join(problems)}.\n"
        )


def test_doctor_agrees_with_what_init_writes(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(doctor, "run_checks", lambda: TOOLS)
    monkeypatch.setattr(processkit, "_installed_version", lambda: "1.2.0")
    spec = "git+https://git.example.se/verktyg/processkit@v1.2.0"
    assert cli("init", tmp_path / "r", "--today", "2026-03-01", "--install", spec).code == 0
    monkeypatch.chdir(tmp_path / "r")
    result = cli("doctor")
    assert result.code == 0
    kept = "the publish keeps .processkit-cache from one run to the next, and builds only what "
    assert repository_lines(result) == [
        f"ok         .processkit/requirements.txt      {spec}",
        f"ok         .pre-commit-config.yaml           {spec}, as .processkit/requirements.txt",
        f"ok         .github/workflows/processkit.yml  {kept}changed",
        f"ok         .gitlab-ci.yml                    {kept}changed",
    ]


#: A GitHub workflow that publishes, with ``{cache}`` where its steps may keep the cache.
WORKFLOW = """\
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - run: processkit validate --format github
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
{cache}      - run: processkit publish --output site
"""
GITHUB_CACHE = """\
      - uses: actions/cache@v4
        with:
          path: .processkit-cache
          key: processkit-${{ github.sha }}
          restore-keys: processkit-
"""
#: ``WORKFLOW`` whose publish runs once for each value of a matrix (``{matrix}``: what it is
#: given), with a cache key made of the value of ``os``.
MATRIX_WORKFLOW = WORKFLOW.format(
    cache=GITHUB_CACHE.replace("          restore-keys: processkit-\n", "").replace(
        "processkit-${{ github.sha }}", "processkit-${{ matrix.os }}"
    )
).replace(
    "  publish:\n    runs-on: ubuntu-latest\n",
    "  publish:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:{matrix}\n",
)
#: ``WORKFLOW`` whose publish runs on ``{runner}`` and keeps the cache folder at ``{path}``
#: (single-quoted in YAML: a backslash is itself).
WINDOWS_WORKFLOW = (
    WORKFLOW.format(cache=GITHUB_CACHE.replace("path: .processkit-cache", "path: '{path}'"))
    .replace("{{", "{{{{")
    .replace("}}", "}}}}")
    .replace("  publish:\n    runs-on: ubuntu-latest\n", "  publish:\n    runs-on: {runner}\n")
)


def _on(runner: str, path: str, line: str | None) -> tuple[str, str, str | None]:
    """A case of ``WINDOWS_WORKFLOW``: its publish run on ``runner``, keeping the cache folder
    at ``path``, and the line ``doctor`` says of it."""
    return ("processkit.yml", WINDOWS_WORKFLOW.format(runner=runner, path=path), line)


#: Two jobs that publish with the same steps (a YAML alias), one on Windows and one on
#: Ubuntu, keeping the cache folder at a path with a backslash: kept by the first only.
TWO_RUNNERS_WORKFLOW = """\
jobs:
  windows:
    runs-on: windows-latest
    steps: &steps
      - uses: actions/checkout@v4
      - uses: actions/cache@v4
        with:
          path: .\\.processkit-cache
          key: processkit-${{ github.sha }}
          restore-keys: processkit-
      - run: processkit publish --output site
  ubuntu:
    runs-on: ubuntu-latest
    steps: *steps
"""
NOT_KEPT = (
    "the publish does not keep .processkit-cache from one run to the next, so it builds the "
    "whole site every time; to fix: "
)
GITHUB_NOT_KEPT = (
    "missing    .github/workflows/processkit.yml  "
    + NOT_KEPT
    + "add the actions/cache step that processkit init writes before the publish "
    "(path: .processkit-cache)"
)
GITHUB_KEPT = (
    "ok         .github/workflows/processkit.yml  the publish keeps .processkit-cache from one "
    "run to the next, and builds only what changed"
)
GITLAB_NOT_KEPT = (
    "missing    .gitlab-ci.yml  "
    + NOT_KEPT
    + "give the job the cache that processkit init writes (cache: paths: [.processkit-cache/])"
)
GITLAB_KEPT = (
    "ok         .gitlab-ci.yml  the publish keeps .processkit-cache from one run to the next, "
    "and builds only what changed"
)
#: A GitLab file whose publish comes after 10 ** 10 lines named by YAML aliases: each list
#: is looked through once.
ALIASES = (
    "".join(
        f"l{level}: &l{level} [{', '.join([f'*l{level - 1}' if level else 'echo'] * 10)}]\n"
        for level in range(10)
    )
    + "pages:\n  cache: {paths: [.processkit-cache/]}\n  script: [*l9, processkit publish]\n"
)
#: A GitLab file of 300 jobs that each extend one of 20,000 settings: more to merge than a
#: doctor looks through (``_BUDGET``), not judged.
EXTENDED = (".big: {" + ", ".join(f"k{number}: 1" for number in range(20_000)) + "}\n") + "".join(
    f"j{number}: {{extends: .big, script: [processkit publish]}}\n" for number in range(300)
)


@pytest.mark.parametrize(
    ("files", "lines"),
    [
        (
            {".github/workflows/processkit.yml": WORKFLOW.format(cache="")},
            [
                "missing    .github/workflows/processkit.yml  "
                + NOT_KEPT
                + "add the actions/cache step that processkit init writes before the publish "
                "(path: .processkit-cache)"
            ],
        ),
        (
            {
                ".github/workflows/processkit.yml": WORKFLOW.format(cache=GITHUB_CACHE),
                ".github/workflows/other.yaml": "jobs: {lint: {steps: [{run: make lint}]}}\n",
            },
            [
                "ok         .github/workflows/processkit.yml  the publish keeps .processkit-cache "
                "from one run to the next, and builds only what changed"
            ],
        ),
        (
            {
                ".gitlab-ci.yml": (
                    "pages:\n  script:\n    - pip install -r .processkit/requirements.txt\n"
                    "    - processkit publish --output public\n"
                )
            },
            [
                "missing    .gitlab-ci.yml  "
                + NOT_KEPT
                + "give the job the cache that processkit init writes (cache: paths: "
                "[.processkit-cache/])"
            ],
        ),
        (
            {
                ".gitlab-ci.yml": (
                    "default:\n  cache:\n    paths: [.processkit-cache/]\n"
                    "pages:\n  script: processkit publish --output public\n"
                )
            },
            [
                "ok         .gitlab-ci.yml  the publish keeps .processkit-cache from one run to "
                "the next, and builds only what changed"
            ],
        ),
        (
            {
                ".gitlab-ci.yml": (
                    ".cached:\n  cache: {key: processkit, paths: [.processkit-cache/]}\n"
                    "pages:\n  extends: .cached\n"
                    "  script: [!reference [.setup, script], processkit --lang sv publish]\n"
                )
            },
            [
                "ok         .gitlab-ci.yml  the publish keeps .processkit-cache from one run to "
                "the next, and builds only what changed"
            ],
        ),
        (
            {
                ".gitlab-ci.yml": (
                    "include: [{project: verktyg/ci, file: processkit.yml}]\n"
                    "pages:\n  script: [processkit publish]\n"
                ),
                ".github/workflows/lint.yml": (
                    "jobs:\n  lint:\n    steps:\n      # - run: processkit publish\n"
                    "      - run: processkit inventory --output publish.csv\n"
                ),
            },
            [],
        ),
        (
            {
                ".gitlab-ci.yml": (
                    "pages:\n  script:\n    - |\n      processkit --lang sv \\\n"
                    "        publish --output public\n"
                )
            },
            [
                "missing    .gitlab-ci.yml  "
                + NOT_KEPT
                + "give the job the cache that processkit init writes (cache: paths: "
                "[.processkit-cache/])"
            ],
        ),
        (
            {
                ".github/workflows/processkit.yml": WORKFLOW.format(cache="").replace(
                    "--output site\n", "--output site\n" + GITHUB_CACHE
                )
            },
            [GITHUB_NOT_KEPT],
        ),
        (
            {
                ".github/workflows/processkit.yml": WORKFLOW.format(
                    cache="      - uses: actions/upload-artifact@v4\n"
                    "        with: {name: cache, path: .processkit-cache}\n"
                    + GITHUB_CACHE.replace("actions/cache@v4", "actions/cache/save@v4")
                )
            },
            [GITHUB_NOT_KEPT],
        ),
        (
            {
                ".github/workflows/processkit.yml": WORKFLOW.format(cache="").replace(
                    "      - run: processkit validate --format github\n",
                    "      - run: processkit validate --format github\n" + GITHUB_CACHE,
                )
            },
            [GITHUB_NOT_KEPT],
        ),
        (
            {
                ".github/workflows/processkit.yml": WORKFLOW.format(
                    cache=GITHUB_CACHE.replace(
                        "path: .processkit-cache", "path: |\n            ./.processkit-cache/\n"
                    )
                ).replace(
                    "- run: processkit publish --output site",
                    "- run: >\n          processkit --lang sv\n          publish --output site",
                )
            },
            [GITHUB_KEPT],
        ),
        (
            {
                ".gitlab-ci.yml": (
                    "default:\n  cache: {paths: [.processkit-cache/], policy: push}\n"
                    "pages:\n  script: [processkit publish --output public]\n"
                )
            },
            [GITLAB_NOT_KEPT],
        ),
        (
            {
                ".gitlab-ci.yml": (
                    "default:\n  cache: {paths: [.processkit-cache/]}\n"
                    "pages:\n  cache: []\n  script: [processkit publish --output public]\n"
                )
            },
            [GITLAB_NOT_KEPT],
        ),
        (
            {
                ".gitlab-ci.yml": (
                    "pages:\n  extends: [.cached, .other]\n"
                    "  script: [processkit publish --output public]\n"
                    ".cached:\n  cache: {paths: [.processkit-cache/]}\n"
                    ".other:\n  extends: .elsewhere\n"
                )
            },
            [],
        ),
        (
            {
                ".github/workflows/processkit.yml": WORKFLOW.format(cache="").replace(
                    "runs-on: ubuntu-latest\n    steps:\n      - uses",
                    "runs-on: [ubuntu-latest\n    steps:\n      - uses",
                )
            },
            [
                "unreadable .github/workflows/processkit.yml  the file is not valid YAML (line "
                "8); to fix: correct it: GitHub cannot read it either"
            ],
        ),
        (
            {".gitlab-ci.yml": ALIASES},
            [GITLAB_KEPT],
        ),
        (
            {".gitlab-ci.yml": EXTENDED},
            [],
        ),
    ],
    ids=[
        "github-not-kept",
        "github-kept",
        "gitlab-not-kept",
        "gitlab-default-kept",
        "gitlab-extends-and-options",
        "not-told",
        "continued-line",
        "github-cache-after-the-publish",
        "github-folder-only-saved-or-uploaded",
        "github-cache-in-another-job",
        "github-folded-run-and-path-list",
        "gitlab-cache-only-pushed",
        "gitlab-job-without-the-default",
        "gitlab-extends-another-file",
        "not-yaml",
        "aliases-without-end",
        "too-much-to-merge",
    ],
)
def test_doctor_says_whether_the_ci_publish_keeps_the_cache_folder(
    cli: Callable[..., CliResult],
    in_repository: Callable[[dict[str, str | bytes]], Path],
    files: dict[str, str | bytes],
    lines: list[str],
) -> None:
    requirement = ".processkit/requirements.txt"
    in_repository({requirement: REQUIREMENTS.format(line="processkit==1.2.0"), **files})
    result = cli("doctor")
    found = repository_lines(result)
    assert found[0].split()[:2] == ["ok", requirement]
    # the paths are padded to the longest one checked: here without the padding
    width = max(len(path) for path in (requirement, *files) if not path.endswith("other.yaml"))
    unpadded = [line[:11] + line[11 : 11 + width].rstrip() + line[11 + width :] for line in found]
    assert unpadded[1:] == lines
    assert result.code == (0 if all(line.startswith("ok ") for line in lines) else 1)


def test_doctor_says_in_swedish_that_the_ci_publish_keeps_no_cache(
    cli: Callable[..., CliResult], in_repository: Callable[[dict[str, str | bytes]], Path]
) -> None:
    in_repository(
        {
            ".processkit/requirements.txt": REQUIREMENTS.format(line="processkit==1.2.0"),
            ".github/workflows/processkit.yml": WORKFLOW.format(cache=""),
        }
    )
    result = cli("--lang", "sv", "doctor")
    assert result.code == 1
    assert result.out.splitlines()[-3] == (
        "saknas     .github/workflows/processkit.yml  publiceringen sparar inte .processkit-cache "
        "från en körning till nästa, så den bygger om hela webbplatsen varje gång; så rättar "
        "du: lägg till steget actions/cache före publiceringen, så som processkit init gör (path: "
        ".processkit-cache)"
    )


def test_doctor_says_in_swedish_that_a_ci_file_is_not_yaml(
    cli: Callable[..., CliResult], in_repository: Callable[[dict[str, str | bytes]], Path]
) -> None:
    in_repository(
        {
            ".processkit/requirements.txt": REQUIREMENTS.format(line="processkit==1.2.0"),
            ".gitlab-ci.yml": "pages:\n  script: [processkit publish\n  cache: {}\n",
        }
    )
    result = cli("--lang", "sv", "doctor")
    assert result.code == 1
    assert result.out.splitlines()[-3] == (
        "oläsbar    .gitlab-ci.yml                filen är inte giltig YAML (rad 3); så rättar "
        "du: rätta felet \u2013 inte heller GitLab kan läsa filen"
    )


#: The publishing job of a GitLab file, with ``{cache}`` where its settings may be.
GITLAB_JOB = "pages:\n{cache}  script: [processkit publish --output public]\n"
#: The default cache of a GitLab file, as ``init`` writes it.
GITLAB_DEFAULT = "default:\n  cache: {key: processkit, paths: [.processkit-cache/]}\n"


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (
            "processkit.yml",
            WORKFLOW.format(cache=GITHUB_CACHE.replace("cache@v4", "cache/restore@v4")),
            GITHUB_KEPT,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(
                cache=GITHUB_CACHE.replace(
                    "path: .processkit-cache", "path: ${{ github.workspace }}/.processkit-cache"
                )
            ),
            GITHUB_KEPT,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(cache=GITHUB_CACHE + "          lookup-only: true\n"),
            GITHUB_NOT_KEPT,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(
                cache=GITHUB_CACHE.replace("          restore-keys: processkit-\n", "")
            ),
            GITHUB_NOT_KEPT,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(
                cache=GITHUB_CACHE.replace(
                    "path: .processkit-cache", "path: .processkit-cache/maps"
                )
            ),
            GITHUB_NOT_KEPT,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(cache=GITHUB_CACHE.replace(".processkit-cache", "${{ env.CACHE }}")),
            None,
        ),
        ("processkit.yml", WORKFLOW.format(cache="      - uses: ./.github/restore\n"), None),
        (
            "processkit.yml",
            "on: {schedule: [{cron: '0 5 * * 1'}]}\nsince: 2026-02-30\n"
            + WORKFLOW.format(cache=""),
            None,
        ),
        (".gitlab-ci.yml", GITLAB_DEFAULT + GITLAB_JOB.format(cache=""), GITLAB_KEPT),
        (
            ".gitlab-ci.yml",
            "cache: [{paths: [vendor/]}, {paths: [./.processkit-cache], policy: pull}]\n"
            + GITLAB_JOB.format(cache=""),
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_DEFAULT + GITLAB_JOB.format(cache="  inherit: {default: [image, cache]}\n"),
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_DEFAULT + GITLAB_JOB.format(cache="  inherit: {default: [image]}\n"),
            GITLAB_NOT_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            ".base: {cache: {paths: [.processkit-cache/]}}\n"
            + GITLAB_JOB.format(cache="  extends: .base\n  cache: {policy: pull}\n"),
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            ".base: {cache: {policy: push}}\n"
            + GITLAB_JOB.format(cache="  extends: .base\n  cache: {paths: [.processkit-cache/]}\n"),
            GITLAB_NOT_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_DEFAULT + ".alone: {inherit: {default: false}}\n"
            "pages: {extends: .alone, script: [processkit publish]}\n",
            GITLAB_NOT_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            ".publishing: {script: [processkit publish --output public]}\n"
            "pages: {extends: .publishing}\n",
            GITLAB_NOT_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            ".kept: &kept {cache: {paths: [.processkit-cache/]}}\n"
            + GITLAB_JOB.format(cache="  <<: *kept\n"),
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: $CI_COMMIT_SHA, paths: [.processkit-cache/]}\n"
            ),
            GITLAB_NOT_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(cache="  cache: {paths: [$CI_PROJECT_DIR/.processkit-cache]}\n"),
            None,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(cache="  cache: {paths: [!reference [.kept, paths]]}\n"),
            None,
        ),
        (
            ".gitlab-ci.yml",
            "spec:\n  inputs: {stage: {default: publish}}\n---\n"
            + GITLAB_DEFAULT
            + GITLAB_JOB.format(cache=""),
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_DEFAULT
            + "pages: {script: [processkit publish]}\n"
            + "review: {script: [processkit publish --output review]}\n",
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            ".publish: {script: [processkit publish]}\n"
            ".cached: {cache: {paths: [.processkit-cache/]}}\n"
            "pages: {extends: [.cached, .publish]}\npreview: {extends: .publish}\n",
            GITLAB_NOT_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            ".publish: {script: [processkit publish]}\n"
            + GITLAB_JOB.format(cache="  cache: {paths: [.processkit-cache/]}\n")
            + "preview: {script: [!reference [.publish, script]]}\n",
            GITLAB_NOT_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_DEFAULT
            + GITLAB_JOB.format(cache="")
            + "preview: {script: [!reference [.elsewhere, script]]}\n",
            None,
        ),
        (
            ".gitlab-ci.yml",
            ".b: &b {cache: {}, x: *b}\n"
            "pages: {extends: .b, x: *b, script: [processkit publish]}\n",
            None,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_DEFAULT + "pages:\n  script:\n    - processkit validate; make publish\n"
            "    - processkit inventory --output publish/list.csv\n"
            "    - |\n      # processkit publish, once the site may be shown\n"
            "      processkit validate\n",
            None,
        ),
        (
            ".gitlab-ci.yml",
            "review: {cache: [], script: [processkit publish --cache-dir .preview-cache]}\n",
            None,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: pages-$CI_COMMIT_SHORT_SHA, paths: [.processkit-cache/]}\n"
            ),
            GITLAB_NOT_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: $CI_COMMIT_SHA, paths: [.processkit-cache/**/*], "
                "fallback_keys: [processkit]}\n"
            ),
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(cache="  cache: {paths: [.processkit-cache/], policy: $POLICY}\n"),
            None,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(cache="  cache: {untracked: true}\n"),
            None,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(cache=GITHUB_CACHE).replace(
                "      - uses: actions/checkout@v4\n" + GITHUB_CACHE,
                GITHUB_CACHE + "      - uses: actions/checkout@v4\n",
            ),
            GITHUB_NOT_KEPT,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(
                cache=GITHUB_CACHE.replace("      - uses", "      - if: false\n        uses")
            ),
            None,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(cache=GITHUB_CACHE + "          lookup-only: 'True'\n"),
            GITHUB_NOT_KEPT,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(
                cache=GITHUB_CACHE.replace("          restore-keys: processkit-\n", "").replace(
                    "github.sha", "github.event.pull_request.head.sha"
                )
            ),
            GITHUB_NOT_KEPT,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(
                cache=GITHUB_CACHE.replace("          restore-keys: processkit-\n", "").replace(
                    "processkit-${{ github.sha }}", "${{ env.CACHE_KEY }}"
                )
            ),
            None,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(
                cache=GITHUB_CACHE.replace(
                    "path: .processkit-cache",
                    "path: |\n            .processkit-cache\n            !.processkit-cache",
                )
            ),
            GITHUB_NOT_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_DEFAULT
            + GITLAB_JOB.format(cache="")
            + "review: {cache: [], script: ['echo \"step #1\" && processkit publish']}\n",
            GITLAB_NOT_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: {files: [a.lock], prefix: $CI_COMMIT_SHA}, "
                "paths: [.processkit-cache/]}\n"
            ),
            GITLAB_NOT_KEPT,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(
                cache=GITHUB_CACHE.replace(
                    "path: .processkit-cache",
                    "path: |\n            .processkit-cache\n"
                    "            !${{ github.workspace }}/.processkit-cache",
                )
            ),
            GITHUB_NOT_KEPT,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(
                cache=GITHUB_CACHE.replace("          restore-keys: processkit-\n", "").replace(
                    "processkit-${{ github.sha }}",
                    "${{ hashFiles('a') && format('{0}', steps.t.outputs.time) }}",
                )
            ),
            None,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(cache=GITHUB_CACHE).replace(
                "      - uses: actions/checkout@v4\n" + GITHUB_CACHE,
                GITHUB_CACHE + "      - uses: Actions/Checkout@v4\n",
            ),
            GITHUB_NOT_KEPT,
        ),
        (
            "processkit.yml",
            "".join(
                f"k{level}: &k{level} [{', '.join([f'*k{level - 1}' if level else 'x'] * 10)}]\n"
                for level in range(9)
            )
            + WORKFLOW.format(cache=GITHUB_CACHE + "          lookup-only: *k8\n"),
            None,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(
                cache=GITHUB_CACHE.replace("          restore-keys: processkit-\n", "").replace(
                    "processkit-${{ github.sha }}", "${{ " * 200_000
                )
            ),
            None,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: $CI_COMMIT_REF_SLUG, paths: [.processkit-cache/]}\n"
            ),
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache='  cache: {key: "pages-${CI_JOB_NAME_SLUG}-$CI_COMMIT_REF_SLUG", '
                "paths: [.processkit-cache/]}\n"
            ),
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: {files: [a.lock], prefix: $CI_JOB_NAME_SLUG}, "
                "paths: [.processkit-cache/]}\n"
            ),
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: $CI_COMMIT_REF_SLUG-$CI_PIPELINE_ID, "
                "paths: [.processkit-cache/]}\n"
            ),
            GITLAB_NOT_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: '${CI_COMMIT_BEFORE_SHA}', paths: [.processkit-cache/]}\n"
            ),
            None,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: 'pages-${CI_PIPELINE_IID}', paths: [.processkit-cache/]}\n"
            ),
            GITLAB_NOT_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: $CI_COMMIT_SHA_OF_MAIN, paths: [.processkit-cache/]}\n"
            ),
            None,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: 'pages-${CI_COMMIT_SHA', paths: [.processkit-cache/]}\n"
            ),
            None,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(cache="  cache: {key: $CACHE_KEY, paths: [.processkit-cache/]}\n"),
            None,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: $CI_COMMIT_REF_SLUGS, paths: [.processkit-cache/]}\n"
            ),
            None,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: pages-$$CI_COMMIT_SHA, paths: [.processkit-cache/]}\n"
            ),
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(cache="  cache: {key: price-$, paths: [.processkit-cache/]}\n"),
            None,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: $CI_COMMIT_REF_NAME, paths: [.processkit-cache/]}\n"
            ),
            None,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: $CI_JOB_NAME_SLUG$$X, paths: [.processkit-cache/]}\n"
            ),
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(cache="  cache: {key: pages/site, paths: [.processkit-cache/]}\n"),
            GITLAB_NOT_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(
                cache="  cache: {key: pages%2f$CI_COMMIT_REF_SLUG, paths: [.processkit-cache/], "
                "fallback_keys: [pages]}\n"
            ),
            None,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(cache=GITHUB_CACHE).replace(
                "processkit publish", "processkit publish --output public 2>&1 --cache-dir /c"
            ),
            None,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(
                cache=GITHUB_CACHE.replace("          restore-keys: processkit-\n", "").replace(
                    "processkit-${{ github.sha }}",
                    "processkit-${{ github.ref }}-${{ matrix.os }}-${{ github.event_name }}",
                )
            ),
            GITHUB_KEPT,
        ),
        (
            "processkit.yml",
            MATRIX_WORKFLOW.replace(
                "{matrix}", " '${{ fromJSON(needs.validate.outputs.matrix) }}'"
            ),
            None,
        ),
        (
            "processkit.yml",
            MATRIX_WORKFLOW.replace(
                "{matrix}", "\n        os: ${{ fromJSON(needs.validate.outputs.oses) }}"
            ),
            None,
        ),
        (
            "processkit.yml",
            MATRIX_WORKFLOW.replace(
                "{matrix}",
                "\n        os: [ubuntu-latest, ubuntu-22.04]"
                "\n        include: [{os: ubuntu-24.04, python: '3.12'}]",
            ),
            GITHUB_KEPT,
        ),
        (
            "processkit.yml",
            WORKFLOW.format(
                cache=GITHUB_CACHE.replace("          restore-keys: processkit-\n", "").replace(
                    "processkit-${{ github.sha }}", "processkit-${{ github.event.number }}"
                )
            ),
            None,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_DEFAULT
            + GITLAB_JOB.format(cache="")
            + "review:\n  cache: []\n  script:\n"
            + "    - 'echo \"built; shown\" # processkit publish'\n"
            + "    - \"echo 'it''s' #processkit publish\"\n",
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_DEFAULT
            + GITLAB_JOB.format(cache="")
            + "review:\n  cache: []\n  script:\n"
            + "    - '(cd public)#processkit publish'\n"
            + "    - 'ls >#processkit publish'\n"
            + "    - 'cat <#processkit publish'\n"
            + "    - '(echo $(date); echo klar)#; processkit publish'\n",
            GITLAB_KEPT,
        ),
        (
            ".gitlab-ci.yml",
            GITLAB_DEFAULT
            + GITLAB_JOB.format(cache="")
            + "review:\n  cache: []\n  script:\n"
            + "    - 'echo $(date)#; processkit publish'\n",
            GITLAB_NOT_KEPT,
        ),
        _on("windows-latest", ".\\.processkit-cache", GITHUB_KEPT),
        _on(
            "[self-hosted, Windows, x64]",
            "${{ github.workspace }}\\.ProcessKit-Cache\\",
            GITHUB_KEPT,
        ),
        _on("ubuntu-latest", ".\\.processkit-cache", GITHUB_NOT_KEPT),
        _on("macos-14", ".\\.processkit-cache", GITHUB_NOT_KEPT),
        _on("ubuntu-latest", ".ProcessKit-Cache", GITHUB_NOT_KEPT),
        _on("${{ matrix.os }}", ".\\.processkit-cache", None),
        _on("{group: byggare}", ".\\.processkit-cache", None),
        (
            ".gitlab-ci.yml",
            GITLAB_JOB.format(cache="  cache: {paths: ['.processkit-cache\\']}\n"),
            None,
        ),
        (
            "processkit.yml",
            WINDOWS_WORKFLOW.format(runner="${{ matrix.os }}", path="X").replace(
                "path: 'X'", "path: |\n            ~\\AppData\\pip\n            .processkit-cache"
            ),
            GITHUB_KEPT,
        ),
        (
            "processkit.yml",
            WINDOWS_WORKFLOW.format(runner="${{ matrix.os }}", path="X").replace(
                "path: 'X'",
                "path: |\n            .processkit-cache\n            !.\\.processkit-cache\\maps",
            ),
            None,
        ),
        _on("{group: byggare, labels: [windows-2022]}", ".\\.processkit-cache", GITHUB_KEPT),
        ("processkit.yml", TWO_RUNNERS_WORKFLOW, GITHUB_NOT_KEPT),
    ],
    ids=[
        "github-restore-action",
        "github-workspace-path",
        "github-lookup-only",
        "github-key-new-every-run",
        "github-part-of-the-folder",
        "github-path-through-an-expression",
        "github-action-of-its-own",
        "a-date-yaml-cannot-make",
        "gitlab-default",
        "gitlab-top-level-list-pull",
        "gitlab-inherits-the-cache",
        "gitlab-inherits-no-cache",
        "gitlab-extends-merged-key-by-key",
        "gitlab-extends-push-only",
        "gitlab-inherit-from-extends",
        "gitlab-script-from-extends",
        "gitlab-merge-key",
        "gitlab-key-new-every-run",
        "gitlab-path-through-a-variable",
        "gitlab-reference-in-paths",
        "gitlab-spec-header",
        "gitlab-two-jobs-one-default",
        "gitlab-script-shared-by-extends",
        "gitlab-script-by-reference",
        "gitlab-reference-to-another-file",
        "gitlab-settings-within-themselves",
        "gitlab-comments-and-other-commands",
        "gitlab-own-cache-dir",
        "gitlab-short-sha-key",
        "gitlab-fallback-key-and-glob",
        "gitlab-policy-through-a-variable",
        "gitlab-untracked",
        "github-cache-before-checkout",
        "github-cache-on-a-condition",
        "github-lookup-only-capitalised",
        "github-pull-request-sha-key",
        "github-key-from-the-environment",
        "github-folder-left-out-again",
        "gitlab-quoted-hash-before-a-publish",
        "gitlab-key-of-files-and-commit",
        "github-left-out-through-the-workspace",
        "github-key-of-files-and-outputs",
        "github-checkout-in-capitals",
        "github-lookup-only-of-aliases",
        "github-key-of-unended-expressions",
        "gitlab-key-of-the-branch",
        "gitlab-key-of-the-job-and-branch",
        "gitlab-key-of-files-and-the-job",
        "gitlab-key-of-the-branch-and-pipeline",
        "gitlab-key-of-the-commit-before",
        "gitlab-key-of-the-pipeline-in-braces",
        "gitlab-key-of-a-name-that-begins-as-the-commit",
        "gitlab-key-of-an-unclosed-brace",
        "gitlab-key-of-a-variable-of-its-own",
        "gitlab-key-of-a-longer-name",
        "gitlab-key-with-a-dollar-of-its-own",
        "gitlab-key-with-a-lone-dollar",
        "gitlab-key-of-a-branch-name-that-may-hold-a-slash",
        "gitlab-key-with-a-dollar-after-a-variable",
        "gitlab-key-with-a-slash",
        "gitlab-key-with-an-encoded-slash-and-fallback",
        "github-own-cache-dir-after-a-redirection",
        "github-key-of-the-branch-matrix-and-event",
        "github-key-of-a-matrix-another-job-works-out",
        "github-key-of-a-matrix-value-another-job-works-out",
        "github-key-of-a-matrix-written-in-the-file",
        "github-key-of-the-pull-request-number",
        "gitlab-comment-after-a-quoted-word",
        "gitlab-comments-after-brackets-and-redirections",
        "gitlab-no-comment-after-a-command-substitution",
        "github-windows-path-with-backslashes",
        "github-windows-runner-of-its-own-workspace-path-in-capitals",
        "github-ubuntu-path-with-backslashes",
        "github-macos-path",
        "github-ubuntu-path-in-capitals",
        "github-runner-of-the-matrix-path-with-backslashes",
        "github-runner-group-path-with-backslashes",
        "gitlab-path-with-a-backslash",
        "github-runner-of-the-matrix-another-path-with-backslashes",
        "github-runner-of-the-matrix-left-out-with-backslashes",
        "github-runner-group-of-windows-labels",
        "github-steps-shared-by-a-windows-and-an-ubuntu-job",
    ],
)
def test_doctor_reads_a_ci_file_as_its_service_reads_it(
    cli: Callable[..., CliResult],
    in_repository: Callable[[dict[str, str | bytes]], Path],
    name: str,
    text: str,
    line: str | None,
) -> None:
    """Which cache a job restores before it publishes, as GitHub or GitLab would read the
    file; None where that cannot be told from the file alone (not judged)."""
    path = ".gitlab-ci.yml" if name == ".gitlab-ci.yml" else f".github/workflows/{name}"
    requirement = ".processkit/requirements.txt"
    in_repository({requirement: REQUIREMENTS.format(line="processkit==1.2.0"), path: text})
    result = cli("doctor")
    assert result.code == (0 if line is None or line.startswith("ok ") else 1)
    found = repository_lines(result)
    width = max(len(requirement), len(path))
    unpadded = [row[:11] + row[11 : 11 + width].rstrip() + row[11 + width :] for row in found]
    assert unpadded[1:] == ([line] if line is not None else [])


def test_doctor_reads_no_ci_file_without_end(
    cli: Callable[..., CliResult], in_repository: Callable[[dict[str, str | bytes]], Path]
) -> None:
    """A workflow that is a link to a device that never ends, or a named pipe, and a
    requirements file that is such a link: each read no further than a megabyte, at once."""
    import os

    requirement = ".processkit/requirements.txt"
    root = in_repository({requirement: REQUIREMENTS.format(line="processkit==1.2.0")})
    workflows = root / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "endless.yml").symlink_to("/dev/zero")
    os.mkfifo(workflows / "pipe.yml")
    result = cli("doctor")
    assert result.code == 0
    assert [row.split()[:2] for row in repository_lines(result)] == [["ok", requirement]]
    (root / requirement).unlink()
    (root / requirement).symlink_to("/dev/zero")
    result = cli("doctor")
    assert result.code == 1
    assert repository_lines(result)[0].split(None, 2)[:2] == ["unreadable", requirement]
    assert "the file is larger than 1 MB" in repository_lines(result)[0]
