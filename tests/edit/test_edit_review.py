"""The editor's saves in git and "Skicka för granskning" (issue 16): each save is committed on
a branch of the session's own, and the button pushes the branch and opens a pull request
through the forge's API (a local fake of GitHub's here), or says how to do it by hand."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.edit.conftest import BU_UTREDNING, MakeClient, git
from tests.edit.forms import form_pairs, replaced
from tests.forge_support import FakeForge, fake_forge, with_forge

PAGE = "/process/bu-utredning"
TOKEN = "ghp_editorT0kenValue0987654321"
PR_URL = "https://github.com/kalmar/processer/pull/12"
_FORM = {"content-type": "application/x-www-form-urlencoded"}


@pytest.fixture
def forge() -> Iterator[FakeForge]:
    with fake_forge() as fake:
        yield fake


@pytest.fixture(autouse=True)
def no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GH_TOKEN", "GITHUB_TOKEN", "GITLAB_TOKEN", "PROCESSKIT_FORGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("PROCESSKIT_FORGE_API", raising=False)


def _post(client: Any, address: str, pairs: list[tuple[str, str]]) -> Any:
    from urllib.parse import urlencode

    return client.post(address, content=urlencode(pairs), headers=_FORM, follow_redirects=False)


def _save_owner(client: Any, owner: str) -> Any:
    pairs = replaced(form_pairs(client.get(PAGE).text, PAGE), "owner", owner)
    return _post(client, PAGE, [*pairs, ("action", "save")])


def _send(client: Any, title: str) -> Any:
    page = client.get(PAGE).text
    pairs = replaced(form_pairs(page, "/review"), "title", title)
    return _post(client, "/review", pairs)


@pytest.mark.usefixtures("swedish")
def test_saves_go_on_a_branch_of_the_session_and_the_page_offers_to_send_them(
    editor: MakeClient, kalmar: Path
) -> None:
    client = editor()
    assert 'action="/review"' not in client.get(PAGE).text  # nothing saved yet
    assert _save_owner(client, "karin-sandberg").status_code == 303
    branch = git(kalmar, "branch", "--show-current").strip()
    assert re.fullmatch(r"processkit/2026-06-01-[0-9a-f]{7}", branch)
    assert _save_owner(client, "anna-nilsson").status_code == 303
    assert git(kalmar, "branch", "--show-current").strip() == branch  # the same branch
    assert git(kalmar, "rev-list", "--count", f"main..{branch}").strip() == "2"
    assert git(kalmar, "rev-list", "--count", "main").strip() == "1"  # main as it was
    page = client.get(PAGE).text
    assert f"Det du har sparat ligger på grenen {branch}, skilt från huvudversionen." in page
    assert '<button type="submit">Skicka för granskning</button>' in page


@pytest.mark.usefixtures("swedish")
def test_send_for_review_pushes_the_branch_and_opens_a_pull_request(
    editor: MakeClient, kalmar: Path, forge: FakeForge, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = with_forge(kalmar, "https://github.com/kalmar/processer.git")
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("PROCESSKIT_FORGE_API", forge.base)
    forge.answers[("GET", "/repos/kalmar/processer")] = (200, {"default_branch": "main"})
    forge.answers[("POST", "/repos/kalmar/processer/pulls")] = (201, {"html_url": PR_URL})
    client = editor()
    assert _save_owner(client, "karin-sandberg").status_code == 303
    branch = git(kalmar, "branch", "--show-current").strip()
    sent = _send(client, "Ny processägare för utredningen")
    assert sent.status_code == 200
    assert f'<a href="{PR_URL}">{PR_URL}</a>' in sent.text
    assert f"Ändringarna på grenen {branch} har skickats" in sent.text
    # the branch is on the forge with the save, and the request names it
    assert git(bare, "rev-parse", branch) == git(kalmar, "rev-parse", "HEAD")
    opened = [r for r in forge.requests if r.method == "POST"]
    assert [r.path for r in opened] == ["/repos/kalmar/processer/pulls"]
    assert opened[0].body["title"] == "Ny processägare för utredningen"
    assert (opened[0].body["head"], opened[0].body["base"]) == (branch, "main")
    assert opened[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert TOKEN not in sent.text


@pytest.mark.usefixtures("swedish")
def test_without_a_token_the_editor_says_how_to_send_the_branch(
    editor: MakeClient, kalmar: Path
) -> None:
    with_forge(kalmar, "https://github.com/kalmar/processer.git")
    client = editor()
    assert _save_owner(client, "karin-sandberg").status_code == 303
    branch = git(kalmar, "branch", "--show-current").strip()
    sent = _send(client, "Ny processägare")
    assert sent.status_code == 200
    assert f"<code>git push --set-upstream origin {branch}\n</code>" in sent.text
    assert (
        f"processkit kan skicka grenen <code>{branch}</code> för granskning åt dig om det finns"
        in sent.text
    )
    assert "<code>GITHUB_TOKEN</code>" in sent.text


@pytest.mark.usefixtures("swedish")
def test_sending_needs_the_token_and_a_save(editor: MakeClient, kalmar: Path) -> None:
    client = editor()
    refused = client.post("/review", content="title=x", headers=_FORM, follow_redirects=False)
    assert refused.status_code == 403
    page = client.get(PAGE).text
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    assert token is not None
    early = _post(client, "/review", [("csrf", token.group(1)), ("title", "x")])
    assert early.status_code == 409
    assert (
        "Du har inte sparat något sedan redigeraren startades, så det finns inget att skicka."
        in early.text
    )
    assert (kalmar / BU_UTREDNING).is_file()
