"""`processkit validate` as a user meets it: output formats, exit statuses, options."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import git
import pytest
from tests.conftest import KALMAR, CliResult

MakeRepo = Callable[[dict[str, str | bytes]], Path]
Cli = Callable[..., CliResult]

AREA = "kind: area\nid: barn\nname: Barn och unga\n"
BAD_AREA = "kind: area\nid: unga\nname: Unga\nower: anna\n"


def test_text_output_shows_the_line_a_caret_and_the_hint(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"areas/barn.yaml": AREA, "areas/unga.yaml": BAD_AREA})
    result = cli("validate", root)
    assert result.code == 1
    assert result.out == (
        "areas/unga.yaml:4:1 PK012 error: `ower` is not a field of a delivery area; "
        "did you mean `owner`?\n"
        "  4 | ower: anna\n"
        "    | ^\n"
        "    = hint: Rename `ower` to `owner`. To keep your own data, start the key with `x-` "
        "(for example `x-ower`).\n"
        "\n"
        "1 error, 0 warnings in 3 files (2 entities).\n"
    )


def test_text_output_groups_files_with_a_blank_line(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"a.yaml": BAD_AREA, "b.yaml": BAD_AREA.replace("unga", "vuxna")})
    lines = cli("validate", root).out.splitlines()
    assert lines[4] == ""
    assert lines[5].startswith("b.yaml:4:1 PK012 error:")


def test_clean_repository(make_repo: MakeRepo, cli: Cli) -> None:
    result = cli("validate", make_repo({"areas/barn.yaml": AREA}))
    assert (result.code, result.out) == (0, "No problems found in 2 files (1 entity).\n")


def test_json_shape_is_formats(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"areas/barn.yaml": AREA, "areas/unga.yaml": BAD_AREA})
    assert cli("validate", root, "--format", "json").json() == {
        "diagnostics": [
            {
                "code": "PK012",
                "severity": "error",
                "message": "`ower` is not a field of a delivery area; did you mean `owner`?",
                "path": "areas/unga.yaml",
                "line": 4,
                "column": 1,
                "hint": "Rename `ower` to `owner`. To keep your own data, start the key with `x-` "
                "(for example `x-ower`).",
            }
        ],
        "summary": {"files": 3, "entities": 2, "errors": 1, "warnings": 0},
    }


def test_github_annotations(make_repo: MakeRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_repo({"areas/unga.yaml": BAD_AREA})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(root.parent))
    result = cli("validate", root)
    assert result.code == 1
    assert result.out == (
        "::error file=repo/areas/unga.yaml,line=4,col=1,title=PK012 Unknown field::`ower` is not "
        "a field of a delivery area; did you mean `owner`?%0ARename `ower` to `owner`. To keep "
        "your own data, start the key with `x-` (for example `x-ower`).\n"
    )


def test_path_defaults_to_here_and_root_is_searched_upwards(
    make_repo: MakeRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo({"areas/unga.yaml": BAD_AREA})
    monkeypatch.chdir(root / "areas")
    result = cli("validate", "--format", "json")
    assert [d["path"] for d in result.json()["diagnostics"]] == ["areas/unga.yaml"]


def test_no_repository_is_exit_2_with_one_line(tmp_path: Path, cli: Cli) -> None:
    result = cli("validate", tmp_path)
    assert result.code == 2
    assert result.err == (
        f"processkit: no processkit.yaml found in {tmp_path} or any folder above it; run "
        "processkit in a process repository (or create one with `processkit init`)\n"
    )


def test_missing_folder_is_exit_2(tmp_path: Path, cli: Cli) -> None:
    result = cli("validate", tmp_path / "nowhere")
    assert (result.code, result.err) == (2, f"processkit: {tmp_path / 'nowhere'} does not exist\n")


def test_bad_configuration_is_exit_2_with_its_diagnostics(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "processkit.yaml").write_text("organisation: X\nsite:\n  langauge: sv\n")
    result = cli("validate", tmp_path, "--format", "json")
    assert result.code == 2
    [found] = result.json()["diagnostics"]
    assert (found["code"], found["path"], found["line"], found["column"]) == (
        "PK012",
        "processkit.yaml",
        3,
        3,
    )
    assert found["message"] == "`langauge` is not a field of `site`; did you mean `language`?"


def test_bad_configuration_text(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "processkit.yaml").write_text("site: {}\n")
    result = cli("validate", tmp_path)
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        "processkit.yaml:1:1 PK010 error: `organisation` is missing: processkit.yaml needs it"
    )
    assert result.err.splitlines()[-1] == (
        "processkit: processkit.yaml must be fixed before anything else"
    )


def test_strict_fails_on_warnings_only_when_asked(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"areas/barn.yaml": AREA})
    assert cli("validate", root, "--strict").code == 0


def test_bad_today_is_exit_2(make_repo: MakeRepo, cli: Cli) -> None:
    result = cli("validate", make_repo({}), "--today", "21/11")
    assert (result.code, result.err) == (
        2,
        "processkit: --today: expected a date written YYYY-MM-DD, found `21/11`\n",
    )


def test_bad_option_is_exit_2(make_repo: MakeRepo, cli: Cli) -> None:
    result = cli("validate", make_repo({}), "--format", "xml")
    assert result.code == 2
    assert "xml" in result.err


def _git(root: Path) -> git.Repo:
    repo = git.Repo.init(root)
    with repo.config_writer() as config:
        config.set_value("user", "name", "Test")
        config.set_value("user", "email", "test@example.se")
    return repo


def test_changed_since_reports_only_changed_files(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"a.yaml": BAD_AREA, "b.yaml": BAD_AREA.replace("unga", "b")})
    repo = _git(root)
    repo.index.add(["processkit.yaml", "a.yaml", "b.yaml"])
    repo.index.commit("first")
    (root / "b.yaml").write_text(BAD_AREA.replace("unga", "b") + "unit: X\n")
    (root / "c.yaml").write_text(BAD_AREA.replace("unga", "c"))
    result = cli("validate", root, "--changed-since", "HEAD", "--format", "json")
    assert [d["path"] for d in result.json()["diagnostics"]] == ["b.yaml", "c.yaml"]
    assert result.code == 1


def test_changed_since_in_a_subfolder_of_the_git_repository(tmp_path: Path, cli: Cli) -> None:
    repo = _git(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "processkit.yaml").write_text("organisation: X\n")
    (tmp_path / "docs" / "a.yaml").write_text(BAD_AREA)
    repo.index.add(["docs/processkit.yaml"])
    repo.index.commit("first")
    result = cli("validate", tmp_path / "docs", "--changed-since", "HEAD", "--format", "json")
    assert [d["path"] for d in result.json()["diagnostics"]] == ["a.yaml"]


def test_changed_since_unknown_ref_is_exit_2(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({})
    repo = _git(root)
    repo.index.add(["processkit.yaml"])
    repo.index.commit("first")
    result = cli("validate", root, "--changed-since", "no-such-branch")
    assert (result.code, result.err) == (
        2,
        "processkit: --changed-since: `no-such-branch` is not a commit, branch or tag in "
        "this repository\n",
    )


def test_changed_since_outside_git_is_exit_2(
    make_repo: MakeRepo, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = make_repo({})
    result = cli("validate", root, "--changed-since", "main")
    assert result.code == 2
    assert result.err == (
        f"processkit: --changed-since needs a git repository, and {root} is not inside one\n"
    )


def test_internal_error_is_exit_3_with_a_request_to_report(
    make_repo: MakeRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("processkit.validate.open_repository", broken)
    result = cli("validate", make_repo({}))
    assert result.code == 3
    assert result.err == (
        "processkit: internal error (RuntimeError: boom). This is a bug; please report it to "
        "whoever looks after processkit in your organisation, with the command you ran (run "
        "again with --debug to see the details)\n"
    )
    assert "Traceback" not in result.err
    debug = cli("--debug", "validate", make_repo({}))
    assert debug.code == 3
    assert "Traceback (most recent call last)" in debug.err
    assert 'raise RuntimeError("boom")' in debug.err


def test_a_full_disk_is_told_in_one_line_not_as_a_bug(
    make_repo: MakeRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The disk fills up while the site is written: the publish stops with the file it could
    not write and why, in one line (exit status 2), not as an internal error to report; the
    folder it would have published to is not made, and nothing it began is left beside it."""
    from processkit.site import build

    root = make_repo({"areas/barn.yaml": AREA})
    output = tmp_path / "webb" / "site"
    output.parent.mkdir()
    tried: list[str] = []

    def full(target: str, data: bytes) -> None:
        tried.append(target)
        raise OSError(errno.ENOSPC, "No space left on device", target)

    monkeypatch.setattr(build, "write_bytes", full)
    result = cli("publish", root, "--output", output)
    assert (result.code, result.out) == (2, "")
    # named where the site was to be, not in the folder it was made in (removed now)
    staged = Path(tried[0])
    made_in = next(folder for folder in staged.parents if folder.parent == output.parent)
    page = output / staged.relative_to(made_in)
    assert result.err == f"processkit: cannot write to {page}: the disk is full\n"
    assert not output.exists() and list(output.parent.iterdir()) == []


@pytest.mark.parametrize(
    ("problem", "told"),
    [
        (
            OSError(errno.EACCES, "Permission denied", "/srv/delad/plan.yaml"),
            "cannot open /srv/delad/plan.yaml: permission is missing",
        ),
        (
            OSError(errno.EROFS, "Read-only file system", "/srv/delad"),
            "cannot write to /srv/delad: the disk may only be read, not written to",
        ),
        (  # a copy, a link or a move names the file it writes to second
            OSError(errno.ENOSPC, "No space left on device", "/cache/a.html", None, "/srv/a.html"),
            "cannot write to /srv/a.html: the disk is full",
        ),
        (
            OSError(errno.EIO, "Input/output error", "/srv/delad/plan.yaml"),
            "cannot open /srv/delad/plan.yaml: the disk could not be read or written to",
        ),
        (
            OSError(errno.EDQUOT, "Disk quota exceeded"),
            "the work stopped: the disk quota is used up",
        ),
        (  # a file's number is not a path to name
            OSError(errno.ENOSPC, "No space left on device", 7),
            "the work stopped: the disk is full",
        ),
    ],
)
def test_what_the_computer_refuses_is_told_as_such(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, problem: OSError, told: str
) -> None:
    from processkit import doctor

    def refused(*args: object, **kwargs: object) -> None:
        raise problem

    monkeypatch.setattr(doctor, "run_checks", refused)
    result = cli("doctor")
    assert (result.code, result.out, result.err) == (2, "", f"processkit: {told}\n")
    debug = cli("--debug", "doctor")
    assert debug.code == 2 and "Traceback (most recent call last)" in debug.err


@pytest.mark.parametrize(
    ("problem", "named"),
    [
        # a file not there where processkit made it a moment before: no fault of the disk
        (
            FileNotFoundError(errno.ENOENT, "No such file or directory", "/tmp/x"),
            "FileNotFoundError",
        ),
        # files left open: processkit's own doing
        (OSError(errno.EMFILE, "Too many open files"), "OSError"),
        # the same numbers, said of a connection or a terminal gone away
        (PermissionError(errno.EPERM, "Operation not permitted"), None),
        (ConnectionError(errno.EACCES, "Permission denied"), "ConnectionError"),
        (OSError(errno.EIO, "Input/output error"), "OSError"),
    ],
)
def test_an_error_of_the_system_not_of_the_computer_is_still_a_bug(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, problem: OSError, named: str | None
) -> None:
    from processkit import doctor

    def failing(*args: object, **kwargs: object) -> None:
        raise problem

    monkeypatch.setattr(doctor, "run_checks", failing)
    result = cli("doctor")
    if named is None:  # a missing permission, though no file is named: the computer's
        assert (result.code, result.err) == (
            2,
            "processkit: the work stopped: permission is missing\n",
        )
        return
    assert result.code == 3
    assert result.err.startswith(f"processkit: internal error ({named}: ")


def test_python_dash_m_and_the_console_script(make_repo: MakeRepo) -> None:
    root = make_repo({"areas/unga.yaml": BAD_AREA})
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    by_module = subprocess.run(
        [sys.executable, "-m", "processkit", "validate", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
    )
    script = Path(sys.executable).parent / "processkit"
    by_script = subprocess.run(
        [str(script), "validate", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert by_module.returncode == by_script.returncode == 1
    assert json.loads(by_module.stdout) == json.loads(by_script.stdout)
    assert json.loads(by_module.stdout)["summary"]["errors"] == 1


def test_kalmar_validates_clean(cli: Cli) -> None:
    result = cli("validate", KALMAR, "--format", "json", "--today", "2026-11-21")
    assert result.code == 0, result.out
    summary = result.json()["summary"]
    assert summary["errors"] == 0
    assert summary["entities"] >= 100


REVIEW_WITHOUT_OWNER = (
    "kind: process\nid: utreda\nname: Utreda barns behov\narea: barn\ntype: core\nstatus: review\n"
)


@pytest.mark.parametrize(("strict", "code"), [((), 0), (("--strict",), 1)])
def test_strict_fails_on_a_warning(
    make_repo: MakeRepo, cli: Cli, strict: tuple[str, ...], code: int
) -> None:
    root = make_repo({"areas/barn.yaml": AREA, "processes/utreda.yaml": REVIEW_WITHOUT_OWNER})
    result = cli("validate", root, *strict)
    assert (result.code, result.err) == (code, "")
    assert result.out == (
        "processes/utreda.yaml:6:9 PK101 warning: `utreda` is `review` but has no owner "
        "(processägare)\n"
        "  6 | status: review\n"
        "    |         ^\n"
        "    = hint: Add `owner:` with the id of the person who answers for the process, e.g. "
        "`owner: anna-nilsson`. A process needs an owner before it goes out for review.\n"
        "\n"
        "0 errors, 1 warning in 3 files (2 entities).\n"
    )
