"""``processkit changelog``: per entity what changed in a period, from real git histories."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult
from tests.test_changelog_support import FIRST_FILES, GitRepo

from processkit.history.changelog import changelog
from processkit.history.phrasing import describe
from processkit.loading.load import load_repository

UTREDA_1 = """\
kind: process
id: bu-utredning
name: Utreda barns behov
area: bu
type: core
status: draft
owner: anna
activities:
  - id: a1
    name: Planera
    role: socsek
    next: [a2]
  - id: a2
    name: Samtala
"""
UTREDA_2 = """\
kind: process
id: bu-utredning
name: Utreda barns behov
area: bu
type: core
status: approved
owner: erik
purpose: Att barnets behov blir allsidigt belyst.
activities:
  - id: a1
    name: Planera
    role: socsek
    next: [a2]
  - id: a2
    name: Samtala
    next: [a3]
  - id: a3
    name: Fatta beslut
"""
BROKEN = "kind: process\nid: bu-utredning\nname: [Utreda\n"
UTREDA_3 = UTREDA_2.replace("status: approved\n", 'status: approved\nversion: "2.0"\n')


def _process(pid: str, name: str, status: str = "approved") -> str:
    return f"kind: process\nid: {pid}\nname: {name}\narea: bu\ntype: core\nstatus: {status}\n"


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[GitRepo, dict[str, str]]:
    """Six commits, 2 to 13 March 2026, in the sub-folder `processer` of a git repository
    (read only: the tests share it)."""
    git = GitRepo(tmp_path_factory.mktemp("changelog") / "git", "processer")
    shas: dict[str, str] = {}
    git.write(
        {
            **FIRST_FILES,
            "processes/bu/utreda.yaml": UTREDA_1,
            "processes/bu/placera.yaml": _process("bu-placering", "Placera barn"),
            "processes/bu/gammal.yaml": _process("bu-gammal", "Gammal process"),
            "processes/bu/tillfallig.yaml": _process("bu-tillfallig", "Tillfällig", "draft"),
        }
    )
    shas["c1"] = git.commit("Första versionen", "2026-03-02")
    git.write({"processes/bu/utreda.yaml": UTREDA_2})
    shas["c2"] = git.commit(
        "Ny ägare och beslutssteg\n\nBeslut i ledningsgruppen.", "2026-03-09", "erik"
    )
    git.move("processes/bu/placera.yaml", "processes/bu/bu-placering.yaml")
    git.write({"processes/bu/gammal.yaml": _process("bu-gammal", "Gammal process", "retired")})
    shas["c3"] = git.commit("Byt filnamn, avveckla gammal", "2026-03-10")
    # the file tillfallig.yaml now holds another process; bu-tillfallig lives on elsewhere
    git.write(
        {
            "processes/bu/tillfallig.yaml": _process("bu-ny", "Ny process", "draft"),
            "processes/vuxna/tillfallig.yaml": _process(
                "bu-tillfallig", "Tillfällig insats", "draft"
            ),
        }
    )
    shas["c4"] = git.commit("Flytta tillfällig", "2026-03-11")
    git.write({"processes/bu/utreda.yaml": BROKEN})
    shas["c5"] = git.commit("Trasig fil", "2026-03-12", "erik")
    git.write({"processes/bu/utreda.yaml": UTREDA_3, "roles/socsek.yaml": None})
    shas["c6"] = git.commit("Laga filen, ta bort rollen", "2026-03-13")
    return git, shas


def _short(shas: dict[str, str], name: str) -> str:
    return shas[name][:7]


def test_text_lists_every_entity_with_its_field_changes_and_commits(
    history: tuple[GitRepo, dict[str, str]], cli: Callable[..., CliResult]
) -> None:
    git, shas = history
    result = cli("changelog", git.root, "--since", "2026-03-05", "--today", "2026-03-13")
    s = {name: _short(shas, name) for name in shas}
    assert result.code == 0, result.err
    assert result.out == (
        "Changes 2026-03-05 \u2013 2026-03-13: 5 commits; 1 added, 3 changed, 1 retired, "
        "1 removed.\n"
        "\n"
        "process bu-gammal 'Gammal process': retired (processes/bu/gammal.yaml)\n"
        "  - status approved → retired\n"
        f"  {s['c3']} 2026-03-10 Anna Nilsson: Byt filnamn, avveckla gammal\n"
        "\n"
        "process bu-ny 'Ny process': added (processes/bu/tillfallig.yaml)\n"
        f"  {s['c4']} 2026-03-11 Anna Nilsson: Flytta tillfällig\n"
        "\n"
        "process bu-placering 'Placera barn': changed (processes/bu/bu-placering.yaml)\n"
        "  - moved from file processes/bu/placera.yaml to processes/bu/bu-placering.yaml\n"
        f"  {s['c3']} 2026-03-10 Anna Nilsson: Byt filnamn, avveckla gammal\n"
        "\n"
        "process bu-tillfallig 'Tillfällig insats': changed (processes/vuxna/tillfallig.yaml)\n"
        "  - moved from file processes/bu/tillfallig.yaml to processes/vuxna/tillfallig.yaml\n"
        "  - name changed from 'Tillfällig' to 'Tillfällig insats'\n"
        f"  {s['c4']} 2026-03-11 Anna Nilsson: Flytta tillfällig\n"
        "\n"
        "process bu-utredning 'Utreda barns behov': changed (processes/bu/utreda.yaml)\n"
        "  - status draft → approved\n"
        "  - version set to 2.0\n"
        "  - process owner changed from Anna Nilsson to Erik Åberg\n"
        "  - purpose set to 'Att barnets behov blir allsidigt belyst.'\n"
        "  - activity `a3` 'Fatta beslut' added\n"
        "  - activity `a2` 'Samtala': next set to a3\n"
        f"  {s['c2']} 2026-03-09 Erik Åberg: Ny ägare och beslutssteg\n"
        f"  {s['c5']} 2026-03-12 Erik Åberg: Trasig fil\n"
        f"  {s['c6']} 2026-03-13 Anna Nilsson: Laga filen, ta bort rollen\n"
        "\n"
        "role socsek 'Socialsekreterare': removed (roles/socsek.yaml)\n"
        f"  {s['c6']} 2026-03-13 Anna Nilsson: Laga filen, ta bort rollen\n"
    )


@pytest.mark.usefixtures("swedish")
def test_text_in_swedish(
    history: tuple[GitRepo, dict[str, str]], cli: Callable[..., CliResult]
) -> None:
    git, shas = history
    result = cli("changelog", git.root, "--since", "2026-03-05", "--today", "2026-03-13")
    s = {name: _short(shas, name) for name in shas}
    assert result.code == 0, result.err
    assert result.out == (
        "Ändringar 2026-03-05 \u2013 2026-03-13: 5 incheckningar; 1 ny, 3 ändrade, 1 upphörd, "
        "1 borttagen.\n"
        "\n"
        "process bu-gammal 'Gammal process': upphörde (processes/bu/gammal.yaml)\n"
        "  - status fastställd → upphörd\n"
        f"  {s['c3']} 2026-03-10 Anna Nilsson: Byt filnamn, avveckla gammal\n"
        "\n"
        "process bu-ny 'Ny process': lades till (processes/bu/tillfallig.yaml)\n"
        f"  {s['c4']} 2026-03-11 Anna Nilsson: Flytta tillfällig\n"
        "\n"
        "process bu-placering 'Placera barn': ändrades (processes/bu/bu-placering.yaml)\n"
        "  - flyttades från filen processes/bu/placera.yaml till processes/bu/bu-placering.yaml\n"
        f"  {s['c3']} 2026-03-10 Anna Nilsson: Byt filnamn, avveckla gammal\n"
        "\n"
        "process bu-tillfallig 'Tillfällig insats': ändrades (processes/vuxna/tillfallig.yaml)\n"
        "  - flyttades från filen processes/bu/tillfallig.yaml till "
        "processes/vuxna/tillfallig.yaml\n"
        "  - namn ändrades från 'Tillfällig' till 'Tillfällig insats'\n"
        f"  {s['c4']} 2026-03-11 Anna Nilsson: Flytta tillfällig\n"
        "\n"
        "process bu-utredning 'Utreda barns behov': ändrades (processes/bu/utreda.yaml)\n"
        "  - status utkast → fastställd\n"
        "  - version sattes till 2.0\n"
        "  - processägare ändrades från Anna Nilsson till Erik Åberg\n"
        "  - syfte sattes till 'Att barnets behov blir allsidigt belyst.'\n"
        "  - aktivitet `a3` 'Fatta beslut' lades till\n"
        "  - aktivitet `a2` 'Samtala': nästa sattes till a3\n"
        f"  {s['c2']} 2026-03-09 Erik Åberg: Ny ägare och beslutssteg\n"
        f"  {s['c5']} 2026-03-12 Erik Åberg: Trasig fil\n"
        f"  {s['c6']} 2026-03-13 Anna Nilsson: Laga filen, ta bort rollen\n"
        "\n"
        "roll socsek 'Socialsekreterare': togs bort (roles/socsek.yaml)\n"
        f"  {s['c6']} 2026-03-13 Anna Nilsson: Laga filen, ta bort rollen\n"
    )
    after = cli("changelog", git.root, "--since", shas["c5"], "--today", "2026-03-13").out
    assert after.splitlines()[0] == (
        f"Ändringar efter {s['c5']} \u2013 2026-03-13: 1 incheckning; 0 nya, 1 ändrad, "
        "0 upphörda, 1 borttagen."
    )


def test_markdown_is_the_weekly_notice_in_swedish(
    history: tuple[GitRepo, dict[str, str]], cli: Callable[..., CliResult]
) -> None:
    git, _ = history
    result = cli(
        "changelog",
        git.root,
        "--since",
        "7d",
        "--today",
        "2026-03-13",
        "--format",
        "markdown",
        "--lang",
        "sv",
    )
    assert result.code == 0, result.err
    assert result.out == (
        "# Nytt i ledningssystemet 2026-03-06 \u2013 2026-03-13\n"
        "\n"
        "1 ny, 3 ändrade, 1 upphörd och 1 borttagen.\n"
        "\n"
        "## Nytt\n"
        "\n"
        "- Process **Ny process** (`bu-ny`) — *Ändringar: Flytta tillfällig (Anna Nilsson, "
        "2026-03-11)*\n"
        "\n"
        "## Ändrat\n"
        "\n"
        "- Process **Placera barn** (`bu-placering`)\n"
        "  - flyttades från filen processes/bu/placera.yaml till processes/bu/bu-placering.yaml\n"
        "  *Ändringar: Byt filnamn, avveckla gammal (Anna Nilsson, 2026-03-10)*\n"
        "- Process **Tillfällig insats** (`bu-tillfallig`)\n"
        "  - flyttades från filen processes/bu/tillfallig.yaml till "
        "processes/vuxna/tillfallig.yaml\n"
        "  - namn ändrades från 'Tillfällig' till 'Tillfällig insats'\n"
        "  *Ändringar: Flytta tillfällig (Anna Nilsson, 2026-03-11)*\n"
        "- Process **Utreda barns behov** (`bu-utredning`)\n"
        "  - status utkast → fastställd\n"
        "  - version sattes till 2.0\n"
        "  - processägare ändrades från Anna Nilsson till Erik Åberg\n"
        "  - syfte sattes till 'Att barnets behov blir allsidigt belyst.'\n"
        "  - aktivitet `a3` 'Fatta beslut' lades till\n"
        "  - aktivitet `a2` 'Samtala': nästa sattes till a3\n"
        "  *Ändringar: Ny ägare och beslutssteg (Erik Åberg, 2026-03-09); Trasig fil (Erik "
        "Åberg, 2026-03-12); Laga filen, ta bort rollen (Anna Nilsson, 2026-03-13)*\n"
        "\n"
        "## Upphört\n"
        "\n"
        "- Process **Gammal process** (`bu-gammal`)\n"
        "  - status fastställd → upphörd\n"
        "  *Ändringar: Byt filnamn, avveckla gammal (Anna Nilsson, 2026-03-10)*\n"
        "\n"
        "## Borttaget\n"
        "\n"
        "- Roll **Socialsekreterare** (`socsek`) — *Ändringar: Laga filen, ta bort rollen (Anna "
        "Nilsson, 2026-03-13)*\n"
    )


def test_json_after_a_commit_gives_structured_changes(
    history: tuple[GitRepo, dict[str, str]], cli: Callable[..., CliResult]
) -> None:
    git, shas = history
    result = cli("changelog", git.root, "--since", shas["c4"], "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["since"] is None
    assert (data["base"], data["head"]) == (shas["c4"], shas["c6"])
    assert data["summary"] == {"added": 0, "changed": 1, "retired": 0, "removed": 1}
    assert [c["sha"] for c in data["commits"]] == [shas["c5"], shas["c6"]]
    assert data["commits"][0] == {
        "sha": shas["c5"],
        "date": "2026-03-12",
        "author": "Erik Åberg",
        "email": "erik.aberg@example.se",
        "message": "Trasig fil",
    }
    assert data["entries"] == [
        {
            "kind": "process",
            "id": "bu-utredning",
            "name": "Utreda barns behov",
            "change": "changed",
            "path": "processes/bu/utreda.yaml",
            "old_path": "processes/bu/utreda.yaml",
            "fields": [
                {
                    "field": "version",
                    "action": "set",
                    "item": None,
                    "part": None,
                    "old": None,
                    "new": "2.0",
                    "text": "version set to 2.0",
                }
            ],
            "commits": [shas["c5"], shas["c6"]],
        },
        {
            "kind": "role",
            "id": "socsek",
            "name": "Socialsekreterare",
            "change": "removed",
            "path": None,
            "old_path": "roles/socsek.yaml",
            "fields": [],
            "commits": [shas["c6"]],
        },
    ]


def test_a_file_that_cannot_be_read_at_the_end_is_reported_not_removed(
    history: tuple[GitRepo, dict[str, str]],
) -> None:
    git, shas = history
    repo = load_repository(git.root).repo
    log = changelog(repo, since=shas["c4"], until=shas["c5"])
    assert [(e.id, e.change) for e in log.entries] == [("bu-utredning", "changed")]
    assert [describe(f, "en") for f in log.entries[0].fields] == [
        "cannot be read at the end of the period (the value of `name` starts with `[` but has "
        "no closing `]`)"
    ]


def test_a_period_from_the_beginning_shows_everything_as_added(
    history: tuple[GitRepo, dict[str, str]], cli: Callable[..., CliResult]
) -> None:
    git, shas = history
    result = cli(
        "changelog", git.root, "--since", "2026-03-01", "--until", "2026-03-09", "-f", "json"
    )
    assert result.code == 0, result.err
    data = result.json()
    assert (data["since"], data["until"], data["base"], data["head"]) == (
        "2026-03-01",
        "2026-03-09",
        None,
        shas["c2"],
    )
    assert [(e["kind"], e["id"], e["change"], e["path"]) for e in data["entries"]] == [
        ("area", "bu", "added", "areas/bu.yaml"),
        ("process", "bu-gammal", "added", "processes/bu/gammal.yaml"),
        ("process", "bu-placering", "added", "processes/bu/placera.yaml"),
        ("process", "bu-tillfallig", "added", "processes/bu/tillfallig.yaml"),
        ("process", "bu-utredning", "added", "processes/bu/utreda.yaml"),
        ("role", "socsek", "added", "roles/socsek.yaml"),
        ("person", "anna", "added", "people/anna.yaml"),
        ("person", "erik", "added", "people/erik.yaml"),
    ]
    assert data["entries"][4]["commits"] == [shas["c1"], shas["c2"]]


def test_an_entity_moved_between_files_is_the_same_entity(
    history: tuple[GitRepo, dict[str, str]],
) -> None:
    git, shas = history
    repo = load_repository(git.root).repo
    log = changelog(repo, since=shas["c3"], until=shas["c4"])
    found = {(e.id, e.change, e.path, e.old_path) for e in log.entries}
    assert found == {
        ("bu-ny", "added", "processes/bu/tillfallig.yaml", None),
        (
            "bu-tillfallig",
            "changed",
            "processes/vuxna/tillfallig.yaml",
            "processes/bu/tillfallig.yaml",
        ),
    }


def test_a_quiet_period_says_so(
    history: tuple[GitRepo, dict[str, str]], cli: Callable[..., CliResult]
) -> None:
    git, _ = history
    result = cli("changelog", git.root, "--since", "2026-03-14", "--today", "2026-03-20")
    assert result.code == 0, result.err
    assert result.out == (
        "Changes 2026-03-14 \u2013 2026-03-20: 0 commits; 0 added, 0 changed, 0 retired, "
        "0 removed.\n"
    )
    markdown = cli(
        "changelog",
        git.root,
        "--since",
        "2026-03-14",
        "--today",
        "2026-03-20",
        "-f",
        "markdown",
        "--lang",
        "sv",
    )
    assert markdown.out == (
        "# Nytt i ledningssystemet 2026-03-14 \u2013 2026-03-20\n\nInget ändrades under perioden.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--since", "yesterday"),
            "processkit: --since: `yesterday` is not a date (YYYY-MM-DD), a period such as 7d, "
            "or a commit, branch or tag of this repository\n",
        ),
        (
            ("--until", "2026-02-01"),
            "processkit: the history has no commits on or before 2026-02-01: there is nothing "
            "to report\n",
        ),
        (
            ("--since", "2026-04-01", "--until", "2026-03-10"),
            "processkit: --since: the period starts on 2026-04-01, after its end (2026-03-10)\n",
        ),
        (
            ("--today", "13 mars"),
            "processkit: --today: expected a date written YYYY-MM-DD, found `13 mars`\n",
        ),
    ],
)
def test_a_bad_period_is_one_clear_line(
    history: tuple[GitRepo, dict[str, str]],
    cli: Callable[..., CliResult],
    args: tuple[str, ...],
    message: str,
) -> None:
    git, _ = history
    result = cli("changelog", git.root, *args)
    assert (result.code, result.out, result.err) == (2, "", message)


def test_outside_git_the_change_log_says_it_needs_git(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    root = make_repo({})
    result = cli("changelog", root)
    assert result.code == 2
    assert result.err == (
        f"processkit: the change log reads the git history, and {root} is not inside a git "
        "repository\n"
    )


def test_the_same_history_gives_the_same_bytes(
    history: tuple[GitRepo, dict[str, str]], cli: Callable[..., CliResult]
) -> None:
    git, _ = history
    args = ("changelog", git.root, "--since", "2026-03-01", "--today", "2026-03-13", "-f", "json")
    assert cli(*args).out == cli(*args).out


def test_a_shallow_clone_is_told_to_fetch_the_history(
    history: tuple[GitRepo, dict[str, str]], tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    git, _ = history
    clone = tmp_path / "clone"
    git.git("clone", "-q", "--depth", "1", f"file://{git.top}", str(clone))
    result = cli("changelog", clone / "processer", "--since", "2026-03-05", "--today", "2026-03-13")
    assert (result.code, result.err) == (
        2,
        "processkit: the git history here is shallow: it has no commit before 2026-03-05, so "
        "every file would look new; fetch the whole history first (`git fetch --unshallow`, or "
        "`fetch-depth: 0` in CI)\n",
    )
