"""The editor's saves in git (``commit_saved``) and "Skicka för granskning"
(``submit_for_review``), against real git repositories, a bare repository as the forge's git
side and a fake forge API on 127.0.0.1 that answers as GitHub's and GitLab's do."""

from __future__ import annotations

import base64
import json
import subprocess
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from tests.forge_support import FakeForge, clean_git_environment, fake_forge, git, with_forge

from processkit.authoring.review import (
    SavedCommit,
    Submitted,
    commit_saved,
    forge_of,
    submit_for_review,
)
from processkit.errors import ProcesskitError

TOKEN = "ghp_s3cretT0kenValue1234567890"
PR_URL = "https://github.com/kalmar/processer/pull/7"
MR_URL = "https://gitlab.example.se/socialtjansten/processer/-/merge_requests/3"
TODAY = date(2026, 12, 2)


# --- git repositories ----------------------------------------------------------------------

pytestmark = pytest.mark.usefixtures("plain_git")


@pytest.fixture
def forge() -> Iterator[FakeForge]:
    with fake_forge() as fake:
        yield fake


@pytest.fixture
def plain_git(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_git_environment(monkeypatch)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A process repository in git, on main, with two processes committed."""
    root = tmp_path / "work"
    (root / "processer").mkdir(parents=True)
    (root / "processer" / "a.yaml").write_text("id: a\nname: A\n", encoding="utf-8")
    (root / "processer" / "b.yaml").write_text("id: b\nname: B\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Start")
    return root


def save(work: Path, name: str = "a.yaml") -> SavedCommit:
    (work / "processer" / name).write_text(f"id: {name[0]}\nname: Ny\n", encoding="utf-8")
    return commit_saved(
        work,
        [f"processer/{name}"],
        "Nytt namn",
        ("Anna Nilsson", "anna.nilsson@example.se"),
        today=TODAY,
    )


# --- commit_saved --------------------------------------------------------------------------


def test_the_first_save_makes_a_branch_and_commits_only_the_given_files(work: Path) -> None:
    head = git(work, "rev-parse", "HEAD")
    (work / "processer" / "a.yaml").write_text("id: a\nname: Ändrad\n", encoding="utf-8")
    (work / "processer" / "b.yaml").write_text("id: b\nname: Annans ändring\n", encoding="utf-8")
    (work / "processer" / "c.yaml").write_text("id: c\n", encoding="utf-8")
    git(work, "add", "processer/c.yaml")  # staged by someone else: not this save's

    saved = commit_saved(
        work,
        ["processer/a.yaml"],
        "Ändrade namnet på A\n",
        ("Anna Nilsson", "anna.nilsson@example.se"),
        today=TODAY,
    )

    assert saved.branch == f"processkit/2026-12-02-{head[:7]}"
    assert (saved.created, saved.base, saved.paths) == (True, "main", ("processer/a.yaml",))
    assert git(work, "symbolic-ref", "--short", "HEAD") == saved.branch
    assert git(work, "rev-parse", saved.branch) == saved.commit.sha
    assert (saved.commit.author, saved.commit.email, saved.commit.message) == (
        "Anna Nilsson",
        "anna.nilsson@example.se",
        "Ändrade namnet på A",
    )
    assert git(work, "show", "--format=", "--name-only", saved.branch) == "processer/a.yaml"
    assert git(work, "show", f"{saved.branch}:processer/a.yaml") == "id: a\nname: Ändrad"
    assert git(work, "rev-parse", f"{saved.branch}^") == head
    assert git(work, "rev-parse", "main") == head
    # the other changes are where they were: b changed in the work tree, c staged
    assert git(work, "diff", "--name-only") == "processer/b.yaml"
    assert git(work, "diff", "--cached", "--name-status") == "A\tprocesser/c.yaml"
    # no committer configured: the author commits
    assert git(work, "show", "-s", "--format=%cn <%ce>", "HEAD") == (
        "Anna Nilsson <anna.nilsson@example.se>"
    )


def test_the_next_save_commits_on_the_session_branch(work: Path) -> None:
    first = save(work, "a.yaml")
    (work / "processer" / "b.yaml").unlink()  # a save may remove a file
    git(work, "config", "user.name", "Redigeraren")
    git(work, "config", "user.email", "redigeraren@example.se")
    next_save = commit_saved(
        work, [work / "processer" / "b.yaml"], "Tog bort B", branch=first.branch
    )
    assert (next_save.branch, next_save.created, next_save.base) == (
        first.branch,
        False,
        first.branch,
    )
    assert git(work, "rev-parse", f"{next_save.commit.sha}^") == first.commit.sha
    assert git(work, "show", "--format=", "--name-status", "HEAD") == "D\tprocesser/b.yaml"
    # no author given: git's configured identity
    assert (next_save.commit.author, next_save.commit.email) == (
        "Redigeraren",
        "redigeraren@example.se",
    )


def test_a_given_author_is_the_author_and_the_configured_identity_commits(work: Path) -> None:
    git(work, "config", "user.name", "Redigeraren")
    git(work, "config", "user.email", "redigeraren@example.se")
    saved = save(work)
    assert git(work, "show", "-s", "--format=%an <%ae>|%cn <%ce>", saved.commit.sha) == (
        "Anna Nilsson <anna.nilsson@example.se>|Redigeraren <redigeraren@example.se>"
    )


def test_a_taken_branch_name_gets_a_number(work: Path) -> None:
    head = git(work, "rev-parse", "HEAD")
    git(work, "branch", f"processkit/2026-12-02-{head[:7]}")
    assert save(work).branch == f"processkit/2026-12-02-{head[:7]}-2"


def test_a_named_branch_is_made_when_it_does_not_exist(work: Path) -> None:
    (work / "processer" / "a.yaml").write_text("id: a\nname: X\n", encoding="utf-8")
    saved = commit_saved(
        work, ["processer/a.yaml"], "X", ("Anna", "anna@example.se"), branch="redigering/a"
    )
    assert (saved.branch, saved.created) == ("redigering/a", True)
    assert git(work, "symbolic-ref", "--short", "HEAD") == "redigering/a"


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("../utanfor.yaml", "../utanfor.yaml"),
        ("{outside}", "{outside}"),
        (".git/config", ".git/config"),
        ("processer/lank.yaml", "processer/lank.yaml"),
    ],
)
def test_a_path_outside_the_repository_is_refused(
    work: Path, swedish: None, given: str, shown: str
) -> None:
    outside = work.parent / "utanfor.yaml"
    outside.write_text("id: x\n", encoding="utf-8")
    (work / "processer" / "lank.yaml").symlink_to(outside)
    given = given.format(outside=outside)
    head = git(work, "rev-parse", "HEAD")
    with pytest.raises(ProcesskitError) as refused:
        commit_saved(work, [given], "X", ("Anna", "anna@example.se"))
    assert str(refused.value) == (
        f"{shown.format(outside=outside)} är inte en fil i arkivet; bara filer i arkivet kan "
        "sparas i versionshistoriken"
    )
    assert git(work, "symbolic-ref", "--short", "HEAD") == "main"
    assert git(work, "rev-parse", "HEAD") == head
    assert git(work, "branch", "--format=%(refname:short)") == "main"


def test_without_an_identity_git_is_told_how_to_set_one(work: Path, swedish: None) -> None:
    (work / "processer" / "a.yaml").write_text("id: a\nname: X\n", encoding="utf-8")
    with pytest.raises(ProcesskitError) as refused:
        commit_saved(work, ["processer/a.yaml"], "X")
    assert str(refused.value) == (
        "git vet inte vem som gör ändringen: ange det med "
        '`git config --global user.name "Förnamn Efternamn"` och '
        "`git config --global user.email namn@example.se`"
    )
    assert git(work, "branch", "--format=%(refname:short)") == "main"


@pytest.mark.parametrize(
    ("author", "message"),
    [
        (
            ("Anna <x>", "anna@example.se"),
            "`Anna <x> <anna@example.se>` kan inte stå som den som har gjort ändringen: "
            "ange ett namn och en e-postadress, utan < > och radbrytningar",
        ),
        (
            ("", "anna@example.se"),
            "` <anna@example.se>` kan inte stå som den som har gjort ändringen: "
            "ange ett namn och en e-postadress, utan < > och radbrytningar",
        ),
    ],
)
def test_an_author_git_cannot_write_is_refused(
    work: Path, swedish: None, author: tuple[str, str], message: str
) -> None:
    (work / "processer" / "a.yaml").write_text("id: a\nname: X\n", encoding="utf-8")
    with pytest.raises(ProcesskitError) as refused:
        commit_saved(work, ["processer/a.yaml"], "X", author)
    assert str(refused.value) == message


def test_nothing_to_commit_and_no_message_are_one_line_each(work: Path, swedish: None) -> None:
    with pytest.raises(ProcesskitError) as unchanged:
        commit_saved(work, ["processer/a.yaml"], "X", ("Anna", "anna@example.se"))
    assert str(unchanged.value) == (
        "det finns inget nytt att spara i versionshistoriken: filerna är oförändrade sedan den "
        "senast sparade versionen (processer/a.yaml)"
    )
    with pytest.raises(ProcesskitError) as silent:
        commit_saved(work, ["processer/a.yaml"], "  \n", ("Anna", "anna@example.se"))
    assert str(silent.value) == (
        "varje ändring i versionshistoriken behöver en beskrivning: skriv med några ord vad du "
        "har ändrat"
    )
    assert git(work, "branch", "--format=%(refname:short)") == "main"


def test_a_branch_that_is_not_checked_out_is_refused(work: Path, swedish: None) -> None:
    git(work, "branch", "annan")
    (work / "processer" / "a.yaml").write_text("id: a\nname: X\n", encoding="utf-8")
    with pytest.raises(ProcesskitError) as refused:
        commit_saved(work, ["processer/a.yaml"], "X", ("Anna", "a@example.se"), branch="annan")
    assert str(refused.value) == (
        "grenen `annan` finns, men arkivet står på en annan gren (`main`); byt till grenen "
        "`annan` först, eller spara på en ny gren"
    )


def test_a_failing_commit_leaves_the_repository_as_it_was(work: Path) -> None:
    hook = work / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'validate found 1 error' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    with pytest.raises(ProcesskitError) as refused:
        save(work)
    assert str(refused.value) == "git commit failed: validate found 1 error"
    assert git(work, "branch", "--format=%(refname:short)") == "main"
    assert git(work, "symbolic-ref", "--short", "HEAD") == "main"
    assert "name: Ny" in (work / "processer" / "a.yaml").read_text(encoding="utf-8")


def test_outside_git_is_one_line(tmp_path: Path, swedish: None) -> None:
    with pytest.raises(ProcesskitError) as refused:
        commit_saved(tmp_path, ["a.yaml"], "X", ("Anna", "a@example.se"))
    assert str(refused.value) == (
        f"för att spara i git måste mappen ligga i ett git-arkiv, och {tmp_path} gör inte det"
    )


# --- submit_for_review: the forge --------------------------------------------------------


def _no_token_anywhere(forge: FakeForge, work: Path, *texts: str) -> None:
    for text in texts:
        assert TOKEN not in text
    assert TOKEN not in (work / ".git" / "config").read_text(encoding="utf-8")
    assert all(TOKEN not in json.dumps(request.body) for request in forge.requests)


@pytest.mark.parametrize(
    "origin", ["https://github.com/kalmar/processer.git", "git@github.com:kalmar/processer.git"]
)
def test_github_the_branch_is_pushed_and_the_pull_request_opened(
    work: Path, forge: FakeForge, swedish: None, origin: str
) -> None:
    bare = with_forge(work, origin)
    saved = save(work)
    forge.answers[("POST", "/repos/kalmar/processer/pulls")] = (201, {"html_url": PR_URL})

    submitted = submit_for_review(
        work,
        saved.branch,
        "Nytt namn på A",
        "Ändrat i redigeraren.",
        base="main",
        environ={"GITHUB_TOKEN": TOKEN},
        api_base=forge.base,
    )

    assert submitted == Submitted(
        saved.branch,
        opened=True,
        message=f"Grenen `{saved.branch}` har skickats för granskning: {PR_URL}",
        url=PR_URL,
        forge="github",
    )
    assert git(bare, "rev-parse", f"refs/heads/{saved.branch}") == saved.commit.sha
    [request] = forge.requests
    assert (request.method, request.path) == ("POST", "/repos/kalmar/processer/pulls")
    assert request.body == {
        "title": "Nytt namn på A",
        "head": saved.branch,
        "base": "main",
        "body": "Ändrat i redigeraren.",
    }
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["Accept"] == "application/vnd.github+json"
    _no_token_anywhere(forge, work, submitted.instructions)


def test_github_without_a_base_asks_for_the_default_branch(work: Path, forge: FakeForge) -> None:
    bare = with_forge(work, "git@github.com:kalmar/processer.git")
    saved = save(work)
    forge.answers[("GET", "/repos/kalmar/processer")] = (200, {"default_branch": "main"})
    forge.answers[("POST", "/repos/kalmar/processer/pulls")] = (201, {"html_url": PR_URL})
    submitted = submit_for_review(
        work, saved.branch, "T", "", environ={"GH_TOKEN": TOKEN}, api_base=forge.base
    )
    assert submitted.url == PR_URL
    assert [(r.method, r.path) for r in forge.requests] == [
        ("GET", "/repos/kalmar/processer"),
        ("POST", "/repos/kalmar/processer/pulls"),
    ]
    assert forge.requests[1].body["base"] == "main"
    assert git(bare, "rev-parse", f"refs/heads/{saved.branch}") == saved.commit.sha


@pytest.mark.parametrize(
    ("origin", "environ"),
    [
        ("https://gitlab.example.se/socialtjansten/processer.git", {}),
        ("git@git.example.se:socialtjansten/processer.git", {"PROCESSKIT_FORGE": "gitlab"}),
    ],
)
def test_gitlab_the_branch_is_pushed_and_the_merge_request_opened(
    work: Path, forge: FakeForge, origin: str, environ: dict[str, str]
) -> None:
    bare = with_forge(work, origin)
    saved = save(work)
    path = "/api/v4/projects/socialtjansten%2Fprocesser/merge_requests"
    forge.answers[("POST", path)] = (201, {"web_url": MR_URL, "iid": 3})

    submitted = submit_for_review(
        work,
        saved.branch,
        "Nytt namn på A",
        "Ändrat i redigeraren.",
        base="main",
        environ={**environ, "GITLAB_TOKEN": TOKEN},
        api_base=f"{forge.base}/api/v4",
    )

    assert (submitted.opened, submitted.url, submitted.forge) == (True, MR_URL, "gitlab")
    assert git(bare, "rev-parse", f"refs/heads/{saved.branch}") == saved.commit.sha
    [request] = forge.requests
    assert (request.method, request.path) == ("POST", path)
    assert request.body == {
        "title": "Nytt namn på A",
        "source_branch": saved.branch,
        "target_branch": "main",
        "description": "Ändrat i redigeraren.",
    }
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    _no_token_anywhere(forge, work, submitted.instructions)


@pytest.mark.parametrize(
    ("status", "answer", "message"),
    [
        (
            401,
            {"message": "Bad credentials", "documentation_url": "https://docs.github.com"},
            "GitHub godtog inte åtkomstnyckeln i `GITHUB_TOKEN` (401): Bad credentials",
        ),
        (
            422,
            {
                "message": "Validation Failed",
                "errors": [
                    {
                        "resource": "PullRequest",
                        "code": "custom",
                        "message": "A pull request already exists for kalmar:x.",
                    }
                ],
            },
            "grenen `{branch}` skickades till GitHub, men GitHub öppnade inte begäran om "
            "granskning (422): Validation Failed; A pull request already exists for kalmar:x.",
        ),
        (
            422,
            {"message": f"token {TOKEN} is not allowed here"},
            "grenen `{branch}` skickades till GitHub, men GitHub öppnade inte begäran om "
            "granskning (422): token *** is not allowed here",
        ),
    ],
)
def test_github_errors_are_one_swedish_line_without_the_token(
    work: Path, forge: FakeForge, swedish: None, status: int, answer: Any, message: str
) -> None:
    with_forge(work, "https://github.com/kalmar/processer.git")
    saved = save(work)
    forge.answers[("POST", "/repos/kalmar/processer/pulls")] = (status, answer)
    with pytest.raises(ProcesskitError) as refused:
        submit_for_review(
            work,
            saved.branch,
            "T",
            "",
            base="main",
            environ={"GITHUB_TOKEN": TOKEN},
            api_base=forge.base,
        )
    assert str(refused.value) == message.format(branch=saved.branch)
    assert refused.value.__cause__ is None
    _no_token_anywhere(forge, work, str(refused.value), repr(refused.value))


@pytest.mark.parametrize(
    ("status", "answer", "message"),
    [
        (
            401,
            {"message": "401 Unauthorized"},
            "GitLab godtog inte åtkomstnyckeln i `GITLAB_TOKEN` (401): 401 Unauthorized",
        ),
        (
            409,
            {"message": ["Another open merge request already exists for this source branch: !2"]},
            "grenen `{branch}` skickades till GitLab, men GitLab öppnade inte begäran om "
            "granskning (409): Another open merge request already exists for this source "
            "branch: !2",
        ),
        (
            422,
            {"message": {"target_branch": ["is invalid"]}},
            "grenen `{branch}` skickades till GitLab, men GitLab öppnade inte begäran om "
            "granskning (422): target_branch is invalid",
        ),
    ],
)
def test_gitlab_errors_are_one_swedish_line(
    work: Path, forge: FakeForge, swedish: None, status: int, answer: Any, message: str
) -> None:
    with_forge(work, "https://gitlab.example.se/socialtjansten/processer.git")
    saved = save(work)
    path = "/api/v4/projects/socialtjansten%2Fprocesser/merge_requests"
    forge.answers[("POST", path)] = (status, answer)
    with pytest.raises(ProcesskitError) as refused:
        submit_for_review(
            work,
            saved.branch,
            "T",
            "",
            base="main",
            environ={"GITLAB_TOKEN": TOKEN},
            api_base=f"{forge.base}/api/v4",
        )
    assert str(refused.value) == message.format(branch=saved.branch)
    _no_token_anywhere(forge, work, str(refused.value))


def test_a_failed_push_opens_no_request_and_shows_no_token(
    work: Path, forge: FakeForge, swedish: None
) -> None:
    with_forge(work, "https://github.com/kalmar/processer.git", push_to=work.parent / "saknas")
    saved = save(work)
    with pytest.raises(ProcesskitError) as refused:
        submit_for_review(
            work,
            saved.branch,
            "T",
            "",
            base="main",
            environ={"GITHUB_TOKEN": TOKEN},
            api_base=forge.base,
        )
    text = str(refused.value)
    assert text.startswith(f"git kunde inte skicka grenen `{saved.branch}` till GitHub: ")
    assert "\n" not in text
    assert forge.requests == []
    _no_token_anywhere(forge, work, text)


def test_an_api_address_without_https_is_refused(work: Path, swedish: None) -> None:
    with_forge(work, "https://github.com/kalmar/processer.git")
    saved = save(work)
    with pytest.raises(ProcesskitError) as refused:
        submit_for_review(
            work,
            saved.branch,
            "T",
            "",
            base="main",
            environ={"GITHUB_TOKEN": TOKEN},
            api_base="http://api.example.org",
        )
    assert str(refused.value) == (
        "adressen till git-tjänstens API måste börja med https:// (http:// bara på den här "
        "datorn), inte `http://api.example.org`"
    )


def test_a_forge_that_cannot_be_reached_is_one_line(work: Path, swedish: None) -> None:
    bare = with_forge(work, "https://github.com/kalmar/processer.git")
    saved = save(work)
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = server.server_port
    server.server_close()  # nothing listens there now
    with pytest.raises(ProcesskitError) as refused:
        submit_for_review(
            work,
            saved.branch,
            "T",
            "",
            base="main",
            environ={"GITHUB_TOKEN": TOKEN},
            api_base=f"http://127.0.0.1:{port}",
        )
    assert str(refused.value).startswith(
        f"fick ingen kontakt med GitHub på http://127.0.0.1:{port}: "
    )
    assert git(bare, "rev-parse", f"refs/heads/{saved.branch}") == saved.commit.sha


# --- submit_for_review: the instructions ----------------------------------------------------


def test_without_a_token_it_says_how_to_push_on_github(
    work: Path, forge: FakeForge, swedish: None
) -> None:
    bare = with_forge(work, "https://github.com/kalmar/processer.git")
    saved = save(work)
    submitted = submit_for_review(
        work, saved.branch, "T", "", base="main", environ={}, api_base=forge.base
    )
    url = f"https://github.com/kalmar/processer/compare/main...{saved.branch}?expand=1"
    assert (submitted.opened, submitted.url, submitted.forge) == (False, url, "github")
    assert submitted.instructions == (
        f"processkit kan skicka grenen `{saved.branch}` för granskning åt dig om det finns en "
        "åtkomstnyckel (token) till GitHub i `GH_TOKEN` eller `GITHUB_TOKEN`, men någon sådan "
        "finns inte. Skicka grenen själv:\n"
        "\n"
        f"    git push --set-upstream origin {saved.branch}\n"
        "\n"
        f"Öppna sedan begäran om granskning (pull request) på GitHub: {url}"
    )
    assert forge.requests == []
    assert git(bare, "branch", "--list") == ""


def test_without_a_token_it_says_how_to_push_on_gitlab(work: Path, swedish: None) -> None:
    with_forge(work, "git@gitlab.com:kalmar/sub/processer.git")
    saved = save(work)
    submitted = submit_for_review(work, saved.branch, "T", "", environ={"GITHUB_TOKEN": TOKEN})
    url = (
        "https://gitlab.com/kalmar/sub/processer/-/merge_requests/new?"
        f"merge_request%5Bsource_branch%5D={saved.branch.replace('/', '%2F')}"
    )
    assert submitted.commands == (f"git push --set-upstream origin {saved.branch}",)
    assert submitted.url == url
    assert submitted.message == (
        f"processkit kan skicka grenen `{saved.branch}` för granskning åt dig om det finns en "
        "åtkomstnyckel (token) till GitLab i `GITLAB_TOKEN`, men någon sådan finns inte. "
        "Skicka grenen själv:"
    )
    assert submitted.after == f"Öppna sedan begäran om granskning (merge request) på GitLab: {url}"


@pytest.mark.parametrize(
    ("origin", "where"),
    [
        ("https://git.example.se/socialtjansten/processer.git", "finns på git.example.se"),
        ("{bare}", "finns på ingen av dem"),
    ],
)
def test_another_host_gets_the_commands(work: Path, swedish: None, origin: str, where: str) -> None:
    bare = work.parent / "forge.git"
    git(work.parent, "init", "-q", "--bare", str(bare))
    git(work, "remote", "add", "origin", origin.format(bare=bare))
    saved = save(work)
    submitted = submit_for_review(work, saved.branch, "T", "", environ={"GITHUB_TOKEN": TOKEN})
    assert submitted.instructions == (
        "processkit kan bara öppna en begäran om granskning på GitHub och GitLab, och "
        f"`origin` {where}. Skicka grenen `{saved.branch}` dit själv:\n"
        "\n"
        f"    git push --set-upstream origin {saved.branch}\n"
        "\n"
        "Öppna sedan en begäran om granskning (en pull request eller merge request) av grenen "
        f"`{saved.branch}` på git-servern, och be en kollega granska den."
    )
    assert git(bare, "branch", "--list") == ""


def test_without_a_remote_it_says_how_to_add_one(work: Path, swedish: None) -> None:
    saved = save(work)
    submitted = submit_for_review(work, saved.branch, "T", "", environ={"GITHUB_TOKEN": TOKEN})
    assert submitted.instructions == (
        "Arkivet är inte kopplat till någon git-server (fjärrarkivet `origin` saknas), så "
        f"processkit kan inte skicka grenen `{saved.branch}` för granskning. Lägg till adressen "
        "till arkivet på er git-server och skicka grenen dit:\n"
        "\n"
        "    git remote add origin ADRESS\n"
        f"    git push --set-upstream origin {saved.branch}\n"
        "\n"
        "Öppna sedan en begäran om granskning (en pull request eller merge request) av grenen "
        f"`{saved.branch}` på git-servern, och be en kollega granska den."
    )


def test_an_unknown_branch_is_one_line(work: Path, swedish: None) -> None:
    with pytest.raises(ProcesskitError) as refused:
        submit_for_review(work, "finns-inte", "T", "", environ={})
    assert str(refused.value) == "det finns ingen gren `finns-inte` i det här arkivet"


@pytest.mark.parametrize(
    ("remote", "environ", "expected"),
    [
        ("https://github.com/kalmar/processer.git", {}, ("github", "kalmar/processer")),
        ("git@github.com:kalmar/processer.git", {}, ("github", "kalmar/processer")),
        ("ssh://git@github.com/kalmar/processer", {}, ("github", "kalmar/processer")),
        ("https://gitlab.com/kalmar/a/b.git", {}, ("gitlab", "kalmar/a/b")),
        ("git@gitlab.example.se:soc/processer.git", {}, ("gitlab", "soc/processer")),
        ("https://git.example.se/soc/p.git", {}, None),
        ("https://git.example.se/soc/p.git", {"PROCESSKIT_FORGE": "GitLab"}, ("gitlab", "soc/p")),
        ("https://ghe.example.se/soc/p.git", {"PROCESSKIT_FORGE": "github"}, ("github", "soc/p")),
        ("https://github.com/kalmar/a/b.git", {}, None),
        ("/srv/git/processer.git", {}, None),
    ],
)
def test_which_forge_an_origin_is_on(
    remote: str, environ: dict[str, str], expected: tuple[str, str] | None
) -> None:
    found = forge_of(remote, environ)
    assert (None if found is None else (found.forge, found.path)) == expected


def test_the_api_addresses_of_the_forges() -> None:
    hub = forge_of("https://github.com/k/p.git", {})
    lab = forge_of("https://gitlab.example.se/k/p.git", {})
    enterprise = forge_of("https://ghe.example.se/k/p.git", {"PROCESSKIT_FORGE": "github"})
    assert hub is not None and lab is not None and enterprise is not None
    assert (hub.api, lab.api, enterprise.api) == (
        "https://api.github.com",
        "https://gitlab.example.se/api/v4",
        "https://ghe.example.se/api/v3",
    )


def test_an_unknown_forge_kind_is_one_line(swedish: None) -> None:
    with pytest.raises(ProcesskitError) as refused:
        forge_of("https://git.example.se/k/p.git", {"PROCESSKIT_FORGE": "gitea"})
    assert str(refused.value) == (
        "PROCESSKIT_FORGE: `gitea` är inte en git-tjänst som processkit känner till; använd "
        "`github` eller `gitlab`"
    )


def test_the_push_carries_the_token_in_a_header_and_never_on_a_command_line(
    work: Path, forge: FakeForge, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git's first request of a push over https carries the token (as GitHub takes it:
    ``x-access-token`` and the token, Basic); no git command line holds it."""
    git(work, "remote", "add", "origin", "https://github.com/kalmar/processer.git")
    git(
        work,
        "config",
        f"url.{forge.base}/kalmar/processer.git.pushInsteadOf",
        "https://github.com/kalmar/processer.git",
    )
    saved = save(work)
    command_lines: list[list[str]] = []
    real_run = subprocess.run

    def recording_run(args: list[str], **options: Any) -> Any:
        command_lines.append(list(args))
        return real_run(args, **options)

    monkeypatch.setattr(subprocess, "run", recording_run)
    with pytest.raises(ProcesskitError) as refused:
        submit_for_review(
            work,
            saved.branch,
            "T",
            "",
            base="main",
            environ={"GITHUB_TOKEN": TOKEN},
            api_base=forge.base,
        )
    basic = base64.b64encode(f"x-access-token:{TOKEN}".encode()).decode()
    [request] = forge.requests  # the push asked, was refused, and no request was opened
    assert (request.method, request.path) == (
        "GET",
        "/kalmar/processer.git/info/refs?service=git-receive-pack",
    )
    assert request.headers["Authorization"] == f"Basic {basic}"
    assert command_lines[-1][1:3] == ["push", "--quiet"]
    for line in command_lines:
        assert all(TOKEN not in part and basic not in part for part in line)
    assert TOKEN not in str(refused.value) and basic not in str(refused.value)
    assert str(refused.value).startswith(
        f"git could not send the branch `{saved.branch}` to GitHub: "
    )


def test_a_branch_name_is_quoted_in_the_commands(work: Path) -> None:
    (work / "processer" / "a.yaml").write_text("id: a\nname: X\n", encoding="utf-8")
    saved = commit_saved(
        work, ["processer/a.yaml"], "X", ("Anna", "anna@example.se"), branch="ny$(id)"
    )
    submitted = submit_for_review(work, saved.branch, "T", "", environ={})
    assert submitted.commands[-1] == "git push --set-upstream origin 'ny$(id)'"


def test_a_branch_name_git_refuses_is_one_line(work: Path, swedish: None) -> None:
    (work / "processer" / "a.yaml").write_text("id: a\nname: X\n", encoding="utf-8")
    with pytest.raises(ProcesskitError) as refused:
        commit_saved(work, ["processer/a.yaml"], "X", ("Anna", "a@example.se"), branch="a..b")
    assert str(refused.value) == "`a..b` kan inte vara namnet på en gren i git"


def test_a_process_repository_in_a_sub_folder_of_git(tmp_path: Path) -> None:
    top = tmp_path / "top"
    root = top / "socialtjansten"
    root.mkdir(parents=True)
    (root / "a.yaml").write_text("id: a\n", encoding="utf-8")
    (top / "annat.txt").write_text("x\n", encoding="utf-8")
    git(top, "init", "-q", "-b", "main")
    git(top, "add", ".")
    git(top, "commit", "-q", "-m", "Start")
    (root / "a.yaml").write_text("id: a\nname: A\n", encoding="utf-8")
    saved = commit_saved(root, ["a.yaml"], "A", ("Anna", "anna@example.se"))
    assert saved.paths == ("socialtjansten/a.yaml",)
    assert git(top, "show", "--format=", "--name-only", "HEAD") == "socialtjansten/a.yaml"
    with pytest.raises(ProcesskitError):
        commit_saved(root, ["../annat.txt"], "A", ("Anna", "anna@example.se"))
