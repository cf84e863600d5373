"""Git in one module: a commit is shown by the same short hash on every page and report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import CliResult
from tests.test_changelog_support import GitRepo

from processkit.loading.git import SHORT_HASH, Commit, short_hash

Cli = Callable[..., CliResult]

_PROPOSAL = (
    "kind: proposal\nid: fp-2026-001\nprocess: bu-utredning\ntitle: Digital kallelse\n"
    "submitted: 2026-01-10\nstatus: {status}\n"
)


@pytest.fixture
def closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[GitRepo, str]:
    """A proposal made in one commit and carried out in the next (its hash returned)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    git = GitRepo(tmp_path / "git", "processer")
    git.write(
        {
            "processkit.yaml": "organisation: Testkommunen\n",
            "areas/bu.yaml": "kind: area\nid: bu\nname: Barn och unga\norder: 1\n",
            "processes/bu-utredning.yaml": (
                "kind: process\nid: bu-utredning\nname: Utreda barns behov\narea: bu\n"
                "type: core\nstatus: draft\n"
            ),
            "proposals/fp-2026-001.yaml": _PROPOSAL.format(status="assessing"),
        }
    )
    git.commit("Nytt förslag", "2026-01-10")
    git.write({"proposals/fp-2026-001.yaml": _PROPOSAL.format(status="done")})
    return git, git.commit("Digital kallelse införd", "2026-02-01", "erik")


def test_the_short_hash_is_the_first_seven_characters() -> None:
    sha = "0123456789abcdef0123456789abcdef01234567"
    day = date(2026, 1, 1)
    commit = Commit(sha, day, day, "Anna Nilsson", "anna@example.se", "Första\n\nMer text")
    assert (SHORT_HASH, short_hash(sha), commit.short, commit.summary) == (
        7,
        "0123456",
        "0123456",
        "Första",
    )


def test_a_commit_has_one_short_hash_on_every_page_and_report(
    closed: tuple[GitRepo, str], cli: Cli, tmp_path: Path
) -> None:
    git, sha = closed
    short = sha[:7]
    assert short == "12c1321"  # fixed authors and dates: the same hash on every run
    site = tmp_path / "site"
    assert cli("publish", git.root, "-o", site, "-q").code == 0
    changes = (site / "changes.html").read_text(encoding="utf-8")
    assert f'<span class="meta">(ändring {short})</span>' in changes
    proposals = (site / "proposals.html").read_text(encoding="utf-8")
    assert f'<code class="commit">{short}</code>' in proposals
    past = tmp_path / "past"
    assert cli("publish", git.root, "-o", past, "-q", "--at", sha).code == 0
    banner = (past / "index.html").read_text(encoding="utf-8")
    assert f"(version {short})" in banner

    listed = cli("proposals", git.root, "--status", "done", "--today", "2026-03-01")
    assert (listed.code, listed.err) == (0, "")
    assert f"fp-2026-001  done    2026-01-10   50  {short}    Digital" in listed.out
    notice = cli(
        "proposals",
        git.root,
        "--status",
        "done",
        "--today",
        "2026-03-01",
        "-f",
        "markdown",
        "--lang",
        "sv",
    )
    assert notice.out.splitlines()[-1] == (
        "- **fp-2026-001** Digital kallelse \N{EN DASH} genomfört, 50 dagar sedan förslaget kom "
        f"in, genomfört i `{short}`"
    )
    log = cli("changelog", git.root, "--since", "2026-01-15", "--today", "2026-03-01")
    assert (log.code, log.err) == (0, "")
    assert log.out.splitlines()[-1] == f"  {short} 2026-02-01 Erik Åberg: Digital kallelse införd"
