"""``processkit init``: a repository that validates at once, its CI, editor and pre-commit files."""

from __future__ import annotations

import fnmatch
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from tests.conftest import ROOT, CliResult

import processkit
from processkit.install_source import requirement_lines
from processkit.loading.yamlfile import read_yaml
from processkit.schema import render, schemas

TODAY = "2026-03-01"
INSTALL = "processkit==1.2.0"

FILES = [
    ".editorconfig",
    ".github/workflows/processkit.yml",
    ".gitignore",
    ".gitlab-ci.yml",
    ".pre-commit-config.yaml",
    ".processkit/requirements.txt",
    ".processkit/schemas/area.schema.json",
    ".processkit/schemas/assessment.schema.json",
    ".processkit/schemas/config.schema.json",
    ".processkit/schemas/handbook.schema.json",
    ".processkit/schemas/person.schema.json",
    ".processkit/schemas/process.schema.json",
    ".processkit/schemas/proposal.schema.json",
    ".processkit/schemas/role.schema.json",
    ".vscode/extensions.json",
    ".vscode/settings.json",
    "README.md",
    "areas/barn-och-unga.yaml",
    "assessments/mm-2026-bu-utredning.yaml",
    "handbooks/rutin-barnutredning.yaml",
    "people/anna-andersson.yaml",
    "processes/barn-och-unga/bu-utredning.yaml",
    "processkit.yaml",
    "proposals/fp-2026-001.yaml",
    "roles/enhetschef.yaml",
    "roles/socialsekreterare.yaml",
]

MADE = (
    "It is a new git repository (first branch main), with nothing committed yet.\n"
    "CI and pre-commit install processkit from .processkit/requirements.txt: {install}\n"
)

NEXT_STEPS = (
    "\n"
    "Next steps:\n"
    "  cd {where}\n"
    "  processkit validate\n"
    '  processkit new process --name "Processens namn"\n'
    "Open the folder in Visual Studio Code and install the recommended YAML extension\n"
    "to get suggestions and explanations for every field. README.md tells the rest.\n"
)


@pytest.fixture(autouse=True)
def released(monkeypatch: pytest.MonkeyPatch) -> None:
    """processkit 1.2.0 runs: what init writes shows the running version, which a development
    checkout does not fix."""
    monkeypatch.setattr(processkit, "_installed_version", lambda: "1.2.0")


def files_under(root: Path) -> list[str]:
    """The files under ``root``, git's own (``.git/``) left out."""
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.relative_to(root).parts[0] != ".git"
    )


@pytest.fixture
def initialised(tmp_path: Path, cli: Callable[..., CliResult]) -> Path:
    target = tmp_path / "processer"
    result = cli(
        "init",
        target,
        "--organisation",
        "Socialförvaltningen, Exempel kommun",
        "--today",
        TODAY,
        "--install",
        INSTALL,
    )
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        f"Created a process repository in {target}: 26 files.\n"
        + MADE.format(install=INSTALL)
        + NEXT_STEPS.format(where=target)
    )
    return target


def test_init_writes_every_file_and_the_result_validates_clean(
    initialised: Path, cli: Callable[..., CliResult]
) -> None:
    assert files_under(initialised) == FILES
    result = cli("validate", initialised, "--today", TODAY, "--format", "json")
    assert result.code == 0
    assert result.json() == {
        "diagnostics": [],
        "summary": {"files": 9, "entities": 8, "errors": 0, "warnings": 0},
    }
    assert cli("fmt", "--check", initialised).out == "9 files already formatted.\n"


def test_configuration_names_the_organisation(initialised: Path) -> None:
    # the tests run with PROCESSKIT_LANG=en: init writes the language it was asked to speak
    text = (initialised / "processkit.yaml").read_text(encoding="utf-8")
    assert read_yaml("processkit.yaml", text.encode()).value == {
        "organisation": "Socialförvaltningen, Exempel kommun",
        "language": "en",
        "site": {"title": "Processer", "output": "site"},
        "review": {"interval_months": 12},
        "exclude": [],
    }


def test_init_then_new_of_every_kind_still_validates(
    initialised: Path, cli: Callable[..., CliResult]
) -> None:
    commands = [
        ("process", "--name", "Handlägga ansökan", "--area", "barn-och-unga"),
        ("area", "--name", "Äldreomsorg"),
        ("role", "--name", "Processledare", "--category", "governance"),
        ("person", "--name", "Karin Svensson", "--title", "Enhetschef"),
        ("handbook", "--title", "Rutin för hembesök", "--process", "bu-utredning"),
        ("proposal", "--process", "bu-utredning", "--title", "Kortare väntetid"),
        ("assessment", "--process", "bu-utredning"),
    ]
    outputs = []
    for args in commands:
        result = cli("new", *args, "--today", "2026-03-02", "-C", initialised)
        assert (result.code, result.err) == (0, ""), args
        outputs.append(result.out)
    assert outputs == [
        "Created processes/barn-och-unga/handlagga-ansokan.yaml (id `handlagga-ansokan`).\n",
        "Created areas/aldreomsorg.yaml (id `aldreomsorg`).\n",
        "Created roles/processledare.yaml (id `processledare`).\n",
        "Created people/karin-svensson.yaml (id `karin-svensson`).\n",
        "Created handbooks/rutin-for-hembesok.yaml (id `rutin-for-hembesok`).\n",
        "Created proposals/fp-2026-002.yaml (id `fp-2026-002`).\n",
        "Created assessments/mm-2026-bu-utredning-2.yaml (id `mm-2026-bu-utredning-2`).\n",
    ]
    result = cli("validate", initialised, "--today", "2026-03-02", "--format", "json")
    assert result.code == 0, result.out
    assert result.json()["summary"] == {"files": 16, "entities": 15, "errors": 0, "warnings": 0}
    assert cli("fmt", "--check", initialised).out == "16 files already formatted.\n"


def test_schemas_are_the_generated_ones(initialised: Path) -> None:
    for name, schema in schemas().items():
        written = (initialised / ".processkit/schemas" / name).read_text(encoding="utf-8")
        assert written == render(schema)


def test_editor_settings_give_every_entity_file_its_schema(initialised: Path) -> None:
    settings = json.loads((initialised / ".vscode/settings.json").read_text(encoding="utf-8"))
    associations = settings["yaml.schemas"]
    assert len(associations) == 8
    for relative in FILES:
        if not relative.endswith(".yaml") or relative.startswith("."):
            continue
        matching = [
            schema
            for schema, globs in associations.items()
            if any(fnmatch.fnmatch(relative, glob.replace("**/", "*")) for glob in globs)
        ]
        assert len(matching) == 1, relative
        schema = json.loads((initialised / matching[0]).read_text(encoding="utf-8"))
        document = read_yaml(relative, (initialised / relative).read_bytes()).value
        jsonschema.Draft202012Validator(schema).validate(document)
    extensions = json.loads((initialised / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert extensions == {"recommendations": ["redhat.vscode-yaml"]}


def test_github_workflow_validates_pull_requests_and_publishes_main(initialised: Path) -> None:
    workflow = yaml.safe_load((initialised / ".github/workflows/processkit.yml").read_text("utf-8"))
    assert workflow[True] == {  # PyYAML reads the key `on` as true
        "pull_request": None,
        "push": {"branches": ["main"]},
        "workflow_dispatch": None,
    }
    jobs = workflow["jobs"]
    assert sorted(jobs) == ["publish", "validate"]
    assert [step.get("run") for step in jobs["validate"]["steps"] if "run" in step] == [
        "pip install -r .processkit/requirements.txt",
        "processkit validate --format github",
    ]
    publish = jobs["publish"]
    assert publish["if"] == "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert publish["needs"] == "validate"
    assert publish["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert [step.get("run") or step.get("uses") for step in publish["steps"]] == [
        "actions/checkout@v4",
        "actions/setup-python@v5",
        "sudo apt-get update && sudo apt-get install -y graphviz",
        "pip install -r .processkit/requirements.txt",
        "actions/cache@v4",
        "processkit publish --output site",
        "actions/upload-pages-artifact@v3",
        "actions/deploy-pages@v4",
    ]
    assert publish["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    # the publish brings up to date what the last one built (one cache per commit on main;
    # the newest is taken)
    [cache] = [step for step in publish["steps"] if step.get("uses") == "actions/cache@v4"]
    assert cache["with"] == {
        "path": ".processkit-cache",
        "key": "processkit-${{ github.sha }}",
        "restore-keys": "processkit-",
    }


@pytest.mark.parametrize(
    ("relative", "schema"),
    [
        (".github/workflows/processkit.yml", "vendor.github-workflows"),
        (".gitlab-ci.yml", "vendor.gitlab-ci"),
    ],
)
def test_the_ci_files_are_what_github_and_gitlab_accept(
    initialised: Path, relative: str, schema: str
) -> None:
    """Checked against the forges' own schemas (as check-jsonschema keeps them)."""
    checked = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, relative],
        cwd=initialised,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (checked.returncode, checked.stdout.strip()) == (0, "ok -- validation done")


def test_gitlab_ci_validates_merge_requests_with_code_quality_and_publishes_pages(
    initialised: Path,
) -> None:
    ci = yaml.safe_load((initialised / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert ci["stages"] == ["validate", "publish"]
    validate = ci["validate"]
    assert validate["rules"] == [
        {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'},
        {"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"},
    ]
    assert validate["script"] == [
        "apt-get update -qq && apt-get install -y -qq --no-install-recommends git",
        "pip install -r .processkit/requirements.txt",
        "processkit validate --format gitlab --output gl-code-quality-report.json || true",
        "processkit validate",
    ]
    assert validate["artifacts"] == {
        "when": "always",
        "reports": {"codequality": "gl-code-quality-report.json"},
    }
    pages = ci["pages"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pages["script"] == [
        "apt-get update && apt-get install -y --no-install-recommends graphviz git",
        "pip install -r .processkit/requirements.txt",
        "processkit publish --output public",
    ]
    assert pages["artifacts"] == {"paths": ["public"]}
    assert pages["cache"] == {"key": "processkit", "paths": [".processkit-cache/"]}


def requirements_text(line: str, example: str = "1.2.0") -> str:
    return (
        "# Varifrån processkit installeras. Kontrollerna i GitHub och GitLab installerar "
        "processkit\n"
        "# från den här filen, och pre-commit från samma rad i .pre-commit-config.yaml.\n"
        "#\n"
        "# Raden längst ner kan vara\n"
        "#   en version ur organisationens paketförråd:\n"
        f"#     processkit=={example}\n"
        "#   adressen till en wheel-fil i paketförrådet:\n"
        f"#     https://paket.example.se/processkit/processkit-{example}-py3-none-any.whl\n"
        "#   organisationens egen kopia av processkit i git, vid en version:\n"
        f"#     git+https://git.example.se/verktyg/processkit@v{example}\n"
        "#\n"
        "# Så byter du version eller källa:\n"
        "#   1. Skriv den nya raden i stället för raden längst ner.\n"
        "#   2. Skriv samma rad efter additional_dependencies i .pre-commit-config.yaml.\n"
        "#   3. Kör `processkit doctor`. Den säger till om raderna inte stämmer överens, eller "
        "om den\n"
        "#      processkit du har installerad är en annan version.\n"
        f"{line}\n"
    )


def test_requirements_file_holds_the_one_install_line_with_how_to_change_it(
    initialised: Path,
) -> None:
    written = (initialised / ".processkit/requirements.txt").read_text(encoding="utf-8")
    assert written == requirements_text(INSTALL)
    assert requirement_lines(written) == [INSTALL]


def pre_commit_hooks(repository: Path) -> list[dict[str, Any]]:
    config = yaml.safe_load((repository / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    assert repo == {"repo": "local", "hooks": repo["hooks"]}
    hooks: list[dict[str, Any]] = repo["hooks"]
    return hooks


def test_pre_commit_configuration_is_the_project_hooks_installing_the_same_line(
    initialised: Path,
) -> None:
    project = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    expected = [
        {**{k: v for k, v in hook.items() if k != "description"}, "additional_dependencies": []}
        for hook in project
    ]
    for hook in expected:
        hook["additional_dependencies"] = [INSTALL]
    assert pre_commit_hooks(initialised) == expected
    text = (initialised / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert text.count(INSTALL) == 1  # one line to change; the second hook refers to it


@pytest.mark.parametrize(
    "spec",
    [
        "git+https://git.example.se/verktyg/processkit@v1.2.0",
        "https://paket.example.se/processkit/processkit-1.2.0-py3-none-any.whl",
        'processkit==1.2.0 ; python_version >= "3.11"',
    ],
)
def test_install_writes_any_one_line_to_both_places(
    tmp_path: Path, cli: Callable[..., CliResult], spec: str
) -> None:
    target = tmp_path / "r"
    result = cli("init", target, "--today", TODAY, "--install", f"  {spec} ")
    assert result.code == 0, result.err
    requirements = (target / ".processkit/requirements.txt").read_text(encoding="utf-8")
    assert requirements == requirements_text(spec)
    assert [hook["additional_dependencies"] for hook in pre_commit_hooks(target)] == [[spec]] * 2


@pytest.mark.parametrize(
    ("version", "example", "note"),
    [
        ("2.0.1", "2.0.1", ""),
        (
            "1.2.1.dev3+g1a2b3c4",
            "1.2.0",
            "This processkit (1.2.1.dev3+g1a2b3c4) is not a release, and no package store has "
            "it: write where your organisation keeps processkit in .processkit/requirements.txt "
            "and .pre-commit-config.yaml, or run init again with --install.\n",
        ),
        (
            "0.0.0",
            "1.2.0",
            "This processkit (0.0.0) is not a release, and no package store has it: write where "
            "your organisation keeps processkit in .processkit/requirements.txt and "
            ".pre-commit-config.yaml, or run init again with --install.\n",
        ),
    ],
)
def test_install_defaults_to_exactly_the_running_version(
    tmp_path: Path,
    cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
    version: str,
    example: str,
    note: str,
) -> None:
    monkeypatch.setattr(processkit, "_installed_version", lambda: version)
    target = tmp_path / "r"
    result = cli("init", target, "--today", TODAY)
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        f"Created a process repository in {target}: 26 files.\n"
        + MADE.format(install=f"processkit=={version}")
        + note
        + NEXT_STEPS.format(where=target)
    )
    requirements = (target / ".processkit/requirements.txt").read_text(encoding="utf-8")
    assert requirements == requirements_text(f"processkit=={version}", example)
    assert [hook["additional_dependencies"] for hook in pre_commit_hooks(target)] == [
        [f"processkit=={version}"]
    ] * 2


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (
            "",
            "--install: expected where to install processkit from (such as processkit==1.2.0), "
            "found nothing",
        ),
        (
            "   ",
            "--install: expected where to install processkit from (such as processkit==1.2.0), "
            "found nothing",
        ),
        (
            "processkit==1.2.0\nrich",
            "--install: expected one line (such as processkit==1.2.0), found 2 lines",
        ),
        (
            "# processkit",
            "--install: expected where to install processkit from, found the comment "
            "`# processkit`",
        ),
    ],
)
def test_a_bad_install_line_is_exit_2_and_writes_nothing(
    tmp_path: Path, cli: Callable[..., CliResult], spec: str, message: str
) -> None:
    result = cli("init", tmp_path / "r", "--today", TODAY, "--install", spec)
    assert (result.code, result.out, result.err) == (2, "", f"processkit: {message}\n")
    assert not (tmp_path / "r").exists()


def git(*args: str | Path) -> str:
    done = subprocess.run(
        ["git", *map(str, args)], capture_output=True, text=True, check=True, timeout=30
    )
    return done.stdout.strip()


def test_init_makes_a_git_repository_on_main_without_a_commit(initialised: Path) -> None:
    assert git("-C", initialised, "rev-parse", "--show-toplevel") == str(initialised.resolve())
    assert git("-C", initialised, "symbolic-ref", "HEAD") == "refs/heads/main"
    assert git("-C", initialised, "rev-list", "--all") == ""
    assert git("-C", initialised, "status", "--porcelain", "--untracked-files=no") == ""


def test_init_inside_a_git_repository_makes_no_new_one(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    git("init", "-q", tmp_path / "verksamhet")
    target = tmp_path / "verksamhet" / "processer"
    result = cli("init", target, "--today", TODAY, "--install", INSTALL)
    assert result.code == 0, result.err
    assert result.out.splitlines()[1] == (
        f"It lies inside the git repository at {tmp_path / 'verksamhet'}; no new one was made."
    )
    assert not (target / ".git").exists()


def test_init_without_git_still_works_and_says_how_to_make_the_repository_later(
    tmp_path: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    nothing = tmp_path / "empty-path"
    nothing.mkdir()
    monkeypatch.setenv("PATH", str(nothing))
    target = tmp_path / "r"
    result = cli("init", target, "--today", TODAY, "--install", INSTALL)
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[1] == (
        "It is not a git repository yet: git is not installed. To make it one later, run "
        "`git init -b main` in the folder."
    )
    assert not (target / ".git").exists()
    assert files_under(target) == FILES


def test_readme_is_in_swedish_for_process_leaders(initialised: Path) -> None:
    readme = (initialised / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Processer \u2013 Socialförvaltningen, Exempel kommun\n")
    for heading in ("## Mapparna", "## Så arbetar du", "## Några regler", "## Verktyg"):
        assert f"\n{heading}\n" in readme


def test_init_refuses_an_existing_repository(
    initialised: Path, cli: Callable[..., CliResult]
) -> None:
    before = (initialised / "processkit.yaml").read_bytes()
    result = cli("init", initialised)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"processkit: {initialised} already holds a process repository (processkit.yaml); "
        "processkit init does not overwrite it\n"
    )
    assert (initialised / "processkit.yaml").read_bytes() == before


def test_init_refuses_a_folder_inside_a_repository(
    initialised: Path, cli: Callable[..., CliResult]
) -> None:
    result = cli("init", initialised / "processes" / "ny")
    assert result.code == 2
    assert result.err == (
        f"processkit: {initialised / 'processes' / 'ny'} is inside the process repository at "
        f"{initialised}; create the new repository somewhere else\n"
    )


def test_init_refuses_to_overwrite_a_file(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    (tmp_path / "README.md").write_text("Vårt eget\n", encoding="utf-8")
    result = cli("init", tmp_path, "--today", TODAY)
    assert result.code == 2
    assert result.err == (
        f"processkit: {tmp_path / 'README.md'} already exists and processkit init does not "
        "overwrite files; move it aside, or create the repository in a new folder\n"
    )
    assert files_under(tmp_path) == ["README.md"]


def test_init_without_a_terminal_uses_a_placeholder_organisation(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    assert cli("init", tmp_path / "r", "--today", TODAY).code == 0
    config = read_yaml("processkit.yaml", (tmp_path / "r/processkit.yaml").read_bytes()).value
    assert config["organisation"] == "Min organisation"


def test_bad_date_is_exit_2(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("init", tmp_path / "r", "--today", "1 mars")
    assert (result.code, result.err) == (
        2,
        "processkit: --today: expected a date written YYYY-MM-DD, found `1 mars`\n",
    )
    assert not (tmp_path / "r").exists()


def test_init_says_so_when_git_cannot_make_the_repository(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    target = tmp_path / "r"
    target.mkdir()
    (target / ".git").write_text("inte en git-mapp\n", encoding="utf-8")
    result = cli("init", target, "--today", TODAY, "--install", INSTALL)
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[1] == (
        f"It is not a git repository yet: git init failed (fatal: invalid gitfile format: "
        f"{target / '.git'}). To make it one later, run `git init -b main` in the folder."
    )
    assert files_under(target) == FILES


def test_the_machines_locale_does_not_choose_the_repositorys_language(
    swedish: None,
    tmp_path: Path,
    cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On an English-language machine init speaks English, but the repository it writes, with
    its Swedish examples, stays Swedish unless a language is asked for."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    target = tmp_path / "processer"
    result = cli(
        "init", target, "--organisation", "Exempel", "--today", TODAY, "--install", INSTALL
    )
    assert result.code == 0
    assert result.out.startswith("Created a process repository in ")
    text = (target / "processkit.yaml").read_text(encoding="utf-8")
    assert read_yaml("processkit.yaml", text.encode()).value["language"] == "sv"
