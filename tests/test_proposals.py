"""``processkit proposals``: the backlog by process and status, the week's intake and
decisions, and the change that carried out a done proposal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult
from tests.test_changelog_support import GitRepo, noted_fetches

from processkit.history.closing import ProposalVersions, closing_commits
from processkit.history.snapshots import SnapshotStore
from processkit.history.weblinks import commit_url, web_base
from processkit.loading.git import origin_remote
from processkit.loading.load import load_repository


def _proposal(pid: str, process: str, title: str, submitted: str, extra: str = "") -> str:
    return (
        f"kind: proposal\nid: {pid}\nprocess: {process}\ntitle: {title}\n"
        f"submitted: {submitted}\n{extra}"
    )


FILES: dict[str, str | bytes] = {
    "areas/bu.yaml": "kind: area\nid: bu\nname: Barn och unga\norder: 1\n",
    "areas/ao.yaml": "kind: area\nid: ao\nname: Äldreomsorg\norder: 2\n",
    "processes/bu-utredning.yaml": (
        "kind: process\nid: bu-utredning\nname: Utreda barns behov\narea: bu\ntype: core\n"
        "status: draft\n"
    ),
    "processes/ao-hemtjanst.yaml": (
        "kind: process\nid: ao-hemtjanst\nname: Ge hemtjänst\narea: ao\ntype: core\nstatus: draft\n"
    ),
    "proposals/fp-2026-001.yaml": _proposal(
        "fp-2026-001",
        "bu-utredning",
        "Digital kallelse",
        "2026-01-10",
        "status: done\ndecided: 2026-02-01\n",
    ),
    "proposals/fp-2026-002.yaml": _proposal(
        "fp-2026-002",
        "ao-hemtjanst",
        "Nyckelfri hemtjänst",
        "2026-02-20",
        "submitted_by: Ahmed Hassan\nstatus: accepted\ndecided: 2026-02-27\n",
    ),
    "proposals/fp-2026-003.yaml": _proposal(
        "fp-2026-003",
        "bu-utredning",
        "Kortare väntetid",
        "2026-02-24",
        "submitted_by: Tove Hedlund\n",
    ),
    "proposals/fp-2026-004.yaml": _proposal(
        "fp-2026-004", "bu-utredning", "Mall för samtal", "2026-01-05", "status: assessing\n"
    ),
    "proposals/fp-2026-005.yaml": _proposal(
        "fp-2026-005",
        "ao-hemtjanst",
        "Larm i alla rum",
        "2026-02-02",
        "status: rejected\ndecided: 2026-02-26\n",
    ),
    "proposals/fp-2026-006.yaml": _proposal(
        "fp-2026-006", "ao-hemtjanst", "Fler besök", "2026-02-28", "status: new\n"
    ),
}
TODAY = ("--today", "2026-03-01")


@pytest.fixture
def repo(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return make_repo(FILES)


def test_backlog_by_process_and_status_with_age(repo: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("proposals", repo, *TODAY)
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Proposals with status new, assessing, accepted on 2026-03-01: 4 (2 new, 1 "
        "assessing, 1 accepted).\n"
        "\n"
        "Process              Id           Status     Submitted   Age  Title\n"
        "-------------------  -----------  ---------  ----------  ---  ------------------\n"
        "Utreda barns behov   fp-2026-003  new        2026-02-24    5  Kortare väntetid\n"
        "(bu-utredning)\n"
        "\n"
        "                     fp-2026-004  assessing  2026-01-05   55  Mall för samtal\n"
        "\n"
        "Ge hemtjänst         fp-2026-006  new        2026-02-28    1  Fler besök\n"
        "(ao-hemtjanst)\n"
        "\n"
        "                     fp-2026-002  accepted   2026-02-20    9  Nyckelfri\n"
        "                                                              hemtjänst\n"
    )


def test_since_adds_the_intake_and_the_decisions(repo: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("proposals", repo, *TODAY, "--since", "7d", "--process", "ao-hemtjanst")
    assert result.code == 0, result.err
    assert result.out == (
        "Intake 2026-02-22 \u2013 2026-03-01: 1 submitted.\n"
        "\n"
        "Id           Process                      Submitted   By  Status  Title\n"
        "-----------  ---------------------------  ----------  --  ------  ----------\n"
        "fp-2026-006  Ge hemtjänst (ao-hemtjanst)  2026-02-28      new     Fler besök\n"
        "\n"
        "Decisions 2026-02-22 \u2013 2026-03-01: 2 decided.\n"
        "\n"
        "Id           Process         Decided     Status    Days  Closed by  Title\n"
        "-----------  --------------  ----------  --------  ----  ---------  ------------\n"
        "fp-2026-005  Ge hemtjänst    2026-02-26  rejected    24             Larm i alla\n"
        "             (ao-hemtjanst)                                         rum\n"
        "\n"
        "fp-2026-002  Ge hemtjänst    2026-02-27  accepted     7             Nyckelfri\n"
        "             (ao-hemtjanst)                                         hemtjänst\n"
        "\n"
        "Proposals with status new, assessing, accepted on 2026-03-01: 2 (1 new, 1 accepted).\n"
        "\n"
        "Process              Id           Status    Submitted   Age  Title\n"
        "-------------------  -----------  --------  ----------  ---  -------------------\n"
        "Ge hemtjänst         fp-2026-006  new       2026-02-28    1  Fler besök\n"
        "(ao-hemtjanst)\n"
        "\n"
        "                     fp-2026-002  accepted  2026-02-20    9  Nyckelfri hemtjänst\n"
    )


def test_markdown_is_an_agenda_in_swedish(repo: Path, cli: Callable[..., CliResult]) -> None:
    result = cli(
        "proposals",
        repo,
        *TODAY,
        "--since",
        "2026-02-25",
        "--status",
        "ny,bedöms",
        "-f",
        "markdown",
        "--lang",
        "sv",
    )
    assert result.code == 0, result.err
    assert result.out == (
        "# Förbättringsförslag 2026-03-01\n"
        "\n"
        "## Inkomna 2026-02-25 \u2013 2026-03-01 (1)\n"
        "\n"
        "- **fp-2026-006** Fler besök (Ge hemtjänst) \u2013 inkom 2026-02-28\n"
        "\n"
        "## Beslutade 2026-02-25 \u2013 2026-03-01 (2)\n"
        "\n"
        "- **fp-2026-005** Larm i alla rum (Ge hemtjänst) \u2013 avslaget 2026-02-26 efter "
        "24 dagar\n"
        "- **fp-2026-002** Nyckelfri hemtjänst (Ge hemtjänst) \u2013 beviljat 2026-02-27 efter "
        "7 dagar\n"
        "\n"
        "## Förslag (3: 2 nya, 1 bereds)\n"
        "\n"
        "### Utreda barns behov (`bu-utredning`)\n"
        "\n"
        "- **fp-2026-003** Kortare väntetid \u2013 nytt, 5 dagar sedan förslaget kom in\n"
        "- **fp-2026-004** Mall för samtal \u2013 bereds, 55 dagar sedan förslaget kom in\n"
        "\n"
        "### Ge hemtjänst (`ao-hemtjanst`)\n"
        "\n"
        "- **fp-2026-006** Fler besök \u2013 nytt, 1 dag sedan förslaget kom in\n"
    )


def test_json_lists_every_status_with_all(repo: Path, cli: Callable[..., CliResult]) -> None:
    data = cli("proposals", repo, *TODAY, "--status", "all", "-f", "json").json()
    assert data["statuses"] == ["new", "assessing", "accepted", "rejected", "done"]
    assert data["summary"] == {
        "total": 6,
        "by_status": {"new": 2, "assessing": 1, "accepted": 1, "rejected": 1, "done": 1},
    }
    assert [(p["id"], p["by_status"]) for p in data["processes"]] == [
        ("bu-utredning", {"new": 1, "assessing": 1, "done": 1}),
        ("ao-hemtjanst", {"new": 1, "accepted": 1, "rejected": 1}),
    ]
    assert data["processes"][0]["proposals"][2] == {
        "id": "fp-2026-001",
        "process": "bu-utredning",
        "title": "Digital kallelse",
        "status": "done",
        "submitted": "2026-01-10",
        "submitted_by": None,
        "decided": "2026-02-01",
        "age_days": 50,
        "days_to_decision": 22,
        "path": "proposals/fp-2026-001.yaml",
        "closed_by": None,
    }
    assert "intake" not in data


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--status", "klar,alla,opne"),
            "processkit: --status: `opne` is not a status of a proposal; did you mean `open`? "
            "use new, assessing, accepted, rejected, done, open or all\n",
        ),
        (
            ("--status", "stängd"),
            "processkit: --status: `stängd` is not a status of a proposal; "
            "use new, assessing, accepted, rejected, done, open or all\n",
        ),
        (
            ("--process", "bu-utreding"),
            "processkit: --process: `bu-utreding` is not a process in this repository; did you "
            "mean `bu-utredning`?\n",
        ),
        (
            ("--since", "förra veckan"),
            "processkit: --since: expected a period such as 7d or a date written YYYY-MM-DD, "
            "found `förra veckan`\n",
        ),
    ],
)
def test_bad_options_are_one_line(
    repo: Path, cli: Callable[..., CliResult], args: tuple[str, ...], message: str
) -> None:
    result = cli("proposals", repo, *TODAY, *args)
    assert (result.code, result.out, result.err) == (2, "", message)


@pytest.fixture
def closed(tmp_path: Path) -> tuple[GitRepo, dict[str, str]]:
    """A git history in which proposals are carried out in several ways."""
    git = GitRepo(tmp_path / "git")
    shas = {}
    base = {
        "processkit.yaml": "organisation: Test\n",
        "areas/bu.yaml": FILES["areas/bu.yaml"],
        "processes/bu-utredning.yaml": FILES["processes/bu-utredning.yaml"],
    }
    assert all(isinstance(v, str) for v in base.values())
    git.write(
        {
            **{k: str(v) for k, v in base.items()},
            "proposals/fp-2026-001.yaml": _proposal(
                "fp-2026-001", "bu-utredning", "A", "2026-01-10", "status: assessing\n"
            ),
            "proposals/fp-2026-002.yaml": _proposal(
                "fp-2026-002", "bu-utredning", "B", "2026-01-11", "status: accepted\n"
            ),
            "proposals/fp-2026-003.yaml": _proposal(
                "fp-2026-003", "bu-utredning", "C", "2026-01-12", "status: done\n"
            ),
        }
    )
    shas["c1"] = git.commit("Tre förslag", "2026-01-12")
    git.write(
        {
            "proposals/fp-2026-001.yaml": _proposal(
                "fp-2026-001", "bu-utredning", "A", "2026-01-10", "status: done\n"
            )
        }
    )
    shas["c2"] = git.commit("Förslag A genomfört", "2026-02-01", "erik")
    git.move("proposals/fp-2026-001.yaml", "proposals/2026/fp-2026-001.yaml")
    shas["c3"] = git.commit("Ordna förslagen per år", "2026-02-10")
    git.write(
        {
            "proposals/fp-2026-002.yaml": _proposal(
                "fp-2026-002",
                "bu-utredning",
                "B",
                "2026-01-11",
                f"status: done\ndecision: Dnr 2026123. Infört redan i {shas['c1'][:8]}.\n",
            )
        }
    )
    shas["c4"] = git.commit("Förslag B klart", "2026-02-20")
    return git, shas


def test_the_change_that_closed_a_proposal_is_found(
    closed: tuple[GitRepo, dict[str, str]],
) -> None:
    git, shas = closed
    repo = load_repository(git.root).repo
    found = closing_commits(repo)
    # A: the commit that set it done (not the later move); B: the commit its decision names;
    # C: recorded as done from the start, so no change closed it
    assert {pid: (ref.sha, ref.author, ref.summary) for pid, ref in found.items()} == {
        "fp-2026-001": (shas["c2"], "Erik Åberg", "Förslag A genomfört"),
        "fp-2026-002": (shas["c1"], "Anna Nilsson", "Tre förslag"),
    }


def test_done_proposals_show_their_closing_change(
    closed: tuple[GitRepo, dict[str, str]], cli: Callable[..., CliResult]
) -> None:
    git, shas = closed
    result = cli("proposals", git.root, "--status", "done", "--today", "2026-03-01")
    assert result.code == 0, result.err
    a, b = shas["c2"][:7], shas["c1"][:7]
    assert result.out == (
        "Proposals with status done on 2026-03-01: 3 (3 done).\n"
        "\n"
        "Process                   Id           Status  Submitted   Age  Closed by  Title\n"
        "------------------------  -----------  ------  ----------  ---  ---------  -----\n"
        f"Utreda barns behov        fp-2026-001  done    2026-01-10   50  {a}    A\n"
        "(bu-utredning)\n"
        "\n"
        f"                          fp-2026-002  done    2026-01-11   49  {b}    B\n"
        "\n"
        "                          fp-2026-003  done    2026-01-12   48             C\n"
    )


def test_outside_git_done_proposals_have_no_closing_change(repo: Path) -> None:
    assert closing_commits(load_repository(repo).repo) == {}


def test_list_is_the_default_sub_command(repo: Path, cli: Callable[..., CliResult]) -> None:
    listed = cli("proposals", "list", repo, "--process", "ao-hemtjanst", *TODAY)
    assert listed.code == 0
    assert cli("proposals", "--process", "ao-hemtjanst", repo, *TODAY).out == listed.out
    assert cli("proposals", repo, "--process", "ao-hemtjanst", *TODAY).out == listed.out


@pytest.mark.parametrize(
    ("remote", "url"),
    [
        (
            "git@github.com:kalmar/processer.git",
            "https://github.com/kalmar/processer/commit/abc1234",
        ),
        (
            "https://git.example.se/social/processer.git",
            "https://git.example.se/social/processer/-/commit/abc1234",
        ),
        (
            "ssh://git@git.example.se:2222/social/sub/processer",
            "https://git.example.se/social/sub/processer/-/commit/abc1234",
        ),
    ],
)
def test_a_commit_links_to_its_page_on_the_git_host(remote: str, url: str) -> None:
    base = web_base(remote)
    assert base is not None
    assert commit_url(base, "abc1234") == url


def test_a_local_remote_has_no_web_page(closed: tuple[GitRepo, dict[str, str]]) -> None:
    git, _ = closed
    assert web_base("/srv/git/processer.git") is None
    assert origin_remote(git.root) is None
    git.git("remote", "add", "origin", "git@gitlab.com:kalmar/processer.git")
    remote = origin_remote(git.root)
    assert remote is not None and web_base(remote) == "https://gitlab.com/kalmar/processer"


def test_the_versions_read_to_find_a_closing_change_are_kept_for_the_next_build(
    closed: tuple[GitRepo, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What each file version holds is kept by its git hash beside the snapshot store: the
    next build fetches no version it read before, only those a new commit made, and finds
    what a build that keeps nothing finds."""
    git, shas = closed
    fetched = noted_fetches(monkeypatch)

    def found(keep: bool) -> dict[str, str]:
        repo = load_repository(git.root).repo
        store = SnapshotStore.in_folder(tmp_path / "cache", git.root) if keep else None
        return {pid: ref.sha for pid, ref in closing_commits(repo, store).items()}

    first = found(keep=True)
    assert first == {"fp-2026-001": shas["c2"], "fp-2026-002": shas["c1"]}
    assert len(fetched) > 4
    assert (tmp_path / "cache" / ProposalVersions.FILE).is_file()
    fetched.clear()
    assert found(keep=True) == first
    assert fetched == []
    # a proposal closed in a new commit: only that commit's version is fetched
    git.write(
        {
            "proposals/fp-2026-004.yaml": _proposal(
                "fp-2026-004", "bu-utredning", "D", "2026-02-21", "status: accepted\n"
            )
        }
    )
    git.commit("Förslag D", "2026-02-21")
    git.write(
        {
            "proposals/fp-2026-004.yaml": _proposal(
                "fp-2026-004", "bu-utredning", "D", "2026-02-21", "status: done\n"
            )
        }
    )
    closing = git.commit("Förslag D genomfört", "2026-02-25")
    fetched.clear()
    kept = found(keep=True)
    assert len(fetched) == 2  # D as done, and D as accepted before it
    assert kept == {**first, "fp-2026-004": closing} == found(keep=False)


def test_the_kept_proposal_versions_hold_for_the_code_that_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a version holds is decided by the reading (loading, snapshots), the kinds and the
    words for done (``processkit.model``: ``SWEDISH_VALUES``) and the walk itself: a
    processkit where any of them differs does not take the kept answers."""
    from processkit.history import closing

    asked: list[tuple[str, ...]] = []

    def digest(*modules: str) -> bytes:
        asked.append(modules)
        return "\0".join(modules).encode()

    monkeypatch.setattr(closing, "code_digest", digest)
    store = ProposalVersions.beside(SnapshotStore(tmp_path / "snapshots.bin"))
    assert store.path == tmp_path / ProposalVersions.FILE
    assert sorted(asked[0]) == [
        "processkit.history.closing",
        "processkit.history.snapshots",
        "processkit.loading",
        "processkit.model",
    ]
