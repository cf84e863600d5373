"""``processkit edit`` through Starlette's TestClient: pages, saving, checking, guards."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import KALMAR
from tests.edit.conftest import (
    BESLUTA,
    BU_UTREDNING,
    NEW_ACTIVITY,
    REMOVED_MEASURE,
    TODAY,
    MakeClient,
    checker,
    git,
)
from tests.edit.forms import form_pairs, replaced

from processkit.authoring.editor.security import CSRF_COOKIE, inside
from processkit.diagnostics import Severity

PAGE = "/process/bu-utredning"


def _post(client: Any, address: str, pairs: list[tuple[str, str]]) -> Any:
    return client.post(address, content=_encoded(pairs), headers=_FORM, follow_redirects=False)


_FORM = {"content-type": "application/x-www-form-urlencoded"}


def _encoded(pairs: list[tuple[str, str]]) -> str:
    from urllib.parse import urlencode

    return urlencode(pairs)


def _errors_beside(page: str, field: str) -> str:
    """The diagnostics shown beside a field (``f-review_date``), as HTML on one line."""
    import re

    match = re.search(rf'<div id="e-{field}" class="field-error"[^>]*>(.*?)</div>', page, re.S)
    assert match is not None, field
    return re.sub(r"\s+", " ", match.group(1)).strip()


@pytest.mark.usefixtures("swedish")
def test_the_start_page_lists_the_areas_and_their_processes_and_searches(
    editor: MakeClient,
) -> None:
    client = editor()
    page = client.get("/")
    assert page.status_code == 200
    assert '<h2 id="area-barn-och-unga">Barn och unga</h2>' in page.text
    assert '<a href="/process/bu-utredning">Utreda barns och ungas behov</a>' in page.text
    assert '<a href="/new/process">Ny process</a>' in page.text
    found = client.get("/", params={"q": "utreda barns"})
    assert '<a href="/process/bu-utredning">' in found.text
    assert '<a href="/process/eb-ansokan">' not in found.text
    assert "Ingen process stämmer med sökningen." in client.get("/", params={"q": "zzz"}).text


@pytest.mark.usefixtures("swedish")
def test_the_process_form_is_made_from_the_model_with_swedish_words(editor: MakeClient) -> None:
    page = editor().get(PAGE).text
    # a reference is chosen by name; the current owner is chosen
    assert '<label for="f-owner">Processägare</label>' in page
    assert '<label for="f-review_date">Nästa revision</label>' in page
    assert '<option value="anna-nilsson" selected>Anna Nilsson (anna-nilsson)</option>' in page
    # an enumeration in Swedish words, a date as a date field
    assert '<option value="approved" selected>Fastställd</option>' in page
    assert '<option value="quarterly" selected>Varje kvartal</option>' in page
    assert '<input type="date" id="f-review_date" name="review_date" value="2027-02-01"' in page
    # an activity's roles and `next` among the process's own activities
    assert '<select id="f-activities-0-next" name="activities.0.next" multiple' in page
    assert '<option value="samtal" selected>Samtala med barnet och familjen (samtal)</option>' in (
        page
    )
    assert '<button type="submit" name="action" value="remove:measures.1"' in page
    assert "<svg" in page  # the flow map, drawn by Graphviz


def _saved_scenario(client: Any) -> Any:
    """Change the owner, add an activity with a role and a `next`, remove a measure, save."""
    page = client.get(PAGE).text
    pairs = replaced(form_pairs(page, PAGE), "owner", "karin-sandberg")
    added = _post(client, PAGE, [*pairs, ("action", "add:activities")])
    assert added.status_code == 200
    pairs = form_pairs(added.text, PAGE)
    pairs = replaced(pairs, "activities.6.id", "folj-upp")
    pairs = replaced(pairs, "activities.6.name", "Följa upp beslutet")
    pairs = replaced(pairs, "activities.6.role", "socialsekreterare")
    pairs = replaced(pairs, "activities.6.next", "besluta")
    removed = _post(client, PAGE, [*pairs, ("action", "remove:measures.1")])
    assert removed.status_code == 200
    pairs = form_pairs(removed.text, PAGE)
    return _post(client, PAGE, [*pairs, ("action", "save")])


def test_saving_writes_exactly_the_changes_and_keeps_the_comments(
    editor: MakeClient, kalmar: Path
) -> None:
    before = (kalmar / BU_UTREDNING).read_text(encoding="utf-8")
    saved = _saved_scenario(editor())
    assert saved.status_code == 303
    commit = git(kalmar, "rev-parse", "HEAD").strip()
    assert saved.headers["location"] == f"{PAGE}?saved={commit}"
    expected = (
        before.replace("owner: anna-nilsson\n", "owner: karin-sandberg\n")
        .replace(BESLUTA, BESLUTA + NEW_ACTIVITY)
        .replace(REMOVED_MEASURE, "")
    )
    assert expected != before
    assert (kalmar / BU_UTREDNING).read_text(encoding="utf-8") == expected
    errors = [d for d in checker(kalmar).diagnostics if d.severity is Severity.ERROR]
    assert errors == []
    # committed on the session's branch, with the message made from the name
    assert (
        git(kalmar, "log", "-1", "--format=%s|%an").strip()
        == "Edit Utreda barns och ungas behov|Test Person"
    )
    assert git(kalmar, "status", "--porcelain").strip() == ""


def test_the_buttons_add_move_and_remove_items_without_saving(
    editor: MakeClient, kalmar: Path
) -> None:
    client = editor()
    before = (kalmar / BU_UTREDNING).read_text(encoding="utf-8")
    pairs = form_pairs(client.get(PAGE).text, PAGE)
    moved = _post(client, PAGE, [*pairs, ("action", "down:measures.0")])
    page = moved.text
    assert page.index('value="Barnets delaktighet"') < page.index('value="Utredningstid"')
    # the focus follows the item moved
    assert '<fieldset class="item" id="f-measures-1" tabindex="-1" data-focus>' in page
    assert (kalmar / BU_UTREDNING).read_text(encoding="utf-8") == before
    # moved items keep where they came from: saving writes the new order, comments kept
    saved = _post(client, PAGE, [*form_pairs(page, PAGE), ("action", "save")])
    assert saved.status_code == 303
    after = (kalmar / BU_UTREDNING).read_text(encoding="utf-8")
    assert after.index("Barnets delaktighet") < after.index("Utredningstid")
    assert "# the steps, in the order they are done" in after
    assert "measures:  # reported to the board" in after


@pytest.mark.usefixtures("swedish")
def test_a_bad_date_is_shown_beside_its_field_and_not_saved(
    editor: MakeClient, kalmar: Path
) -> None:
    client = editor()
    before = (kalmar / BU_UTREDNING).read_text(encoding="utf-8")
    pairs = replaced(form_pairs(client.get(PAGE).text, PAGE), "review_date", "2026-02-30")
    answer = _post(client, PAGE, [*pairs, ("action", "save")])
    assert answer.status_code == 200
    assert (kalmar / BU_UTREDNING).read_text(encoding="utf-8") == before
    assert "Ingenting sparades: rätta först de värden som är markerade nedan." in answer.text
    beside = _errors_beside(answer.text, "f-review_date")
    assert beside == BAD_DATE
    assert '<a href="#f-review_date">Nästa revision: ' in answer.text
    assert 'aria-invalid="true"' in answer.text


BAD_DATE = (
    "<p><code>review_date</code>: datumet <code>2026-02-30</code> finns inte"
    ' <span class="hint">Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-02-01.</span>'
    ' <span class="code">PK011</span></p>'
)


def test_a_bad_value_is_saved_as_a_draft_only_when_asked(editor: MakeClient, kalmar: Path) -> None:
    client = editor()
    pairs = replaced(form_pairs(client.get(PAGE).text, PAGE), "review_date", "2026-02-30")
    answer = _post(client, PAGE, [*pairs, ("draft", "yes"), ("action", "save")])
    assert answer.status_code == 303
    assert 'review_date: "2026-02-30"\n' in (kalmar / BU_UTREDNING).read_text(encoding="utf-8")
    # the draft opens again, with its error beside the field, to be corrected
    again = client.get(PAGE)
    assert again.status_code == 200
    assert "PK011" in _errors_beside(again.text, "f-review_date")
    # shown as text: a date field would empty a date that does not exist
    assert '<input type="text" id="f-review_date" name="review_date" value="2026-02-30"' in (
        again.text
    )


@pytest.mark.usefixtures("swedish")
def test_a_file_that_cannot_be_read_says_so(editor: MakeClient, kalmar: Path) -> None:
    (kalmar / BU_UTREDNING).write_text("kind: process\nid: bu-utredning\nname: [\n")
    answer = editor().get(PAGE)
    assert answer.status_code == 409
    assert (
        "<code>bu-utredning</code> kan inte öppnas i ett formulär: filen kan inte läsas;"
        " <code>processkit validate</code> visar varför."
    ) in answer.text


@pytest.mark.usefixtures("swedish")
def test_the_live_check_places_diagnostics_beside_their_fields(editor: MakeClient) -> None:
    client = editor()
    pairs = replaced(form_pairs(client.get(PAGE).text, PAGE), "activities.1.role", "ingen-roll")
    answer = _post(client, PAGE + "/check", pairs)
    assert answer.status_code == 200
    assert _errors_beside(answer.text, "f-activities-1-role") == UNKNOWN_ROLE
    assert _errors_beside(answer.text, "f-owner") == ""  # cleared where there is nothing
    assert "<svg" in answer.text


UNKNOWN_ROLE = (
    "<p><code>ingen-roll</code> är inte en roll i det här arkivet"
    ' <span class="hint">Rätta id:t, eller lägg till en fil roles/ingen-roll.yaml'
    " med <code>kind: role</code> och <code>id: ingen-roll</code>.</span>"
    ' <span class="code">PK030</span></p>'
)


def test_a_new_process_from_the_form_validates(editor: MakeClient, kalmar: Path) -> None:
    client = editor()
    page = client.get("/new/process").text
    pairs = form_pairs(page, "/new/process")
    pairs = replaced(pairs, "name", "Följa upp placerade barn")
    pairs = replaced(pairs, "area", "barn-och-unga")
    answer = _post(client, "/new/process", pairs)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/process/bu-folja-upp-placerade-barn?saved=yes"
    path = "processes/barn-och-unga/bu-folja-upp-placerade-barn.yaml"
    assert (kalmar / path).is_file()
    found = [d for d in checker(kalmar).diagnostics if d.path == path]
    assert [d for d in found if d.severity is Severity.ERROR] == []
    assert client.get("/process/bu-folja-upp-placerade-barn").status_code == 200
    assert git(kalmar, "log", "-1", "--format=%s").strip() == f"Add {path}"


# -- the guards ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("swedish")
def test_a_post_without_the_token_is_refused(editor: MakeClient, kalmar: Path) -> None:
    client = editor()
    before = (kalmar / BU_UTREDNING).read_text(encoding="utf-8")
    pairs = form_pairs(client.get(PAGE).text, PAGE)
    without = [(k, v) for k, v in pairs if k != "csrf"]
    answer = _post(client, PAGE, [*without, ("action", "save")])
    assert answer.status_code == 403
    assert "Formuläret gäller inte längre eller kommer inte från den här redigeraren" in answer.text
    wrong = replaced(pairs, "csrf", "x" * 43)
    assert _post(client, PAGE, [*wrong, ("action", "save")]).status_code == 403
    client.cookies.clear()  # a token without its cookie (another site's page)
    assert _post(client, PAGE, [*pairs, ("action", "save")]).status_code == 403
    assert (kalmar / BU_UTREDNING).read_text(encoding="utf-8") == before


@pytest.mark.usefixtures("swedish")
def test_a_foreign_host_header_is_refused(editor: MakeClient) -> None:
    client = editor(hosts=(), port=8010)
    answer = client.get("/", headers={"host": "evil.example:8010"})
    assert answer.status_code == 400
    assert answer.text == "Redigeraren svarar inte på adressen `evil.example:8010`."
    assert client.get("/", headers={"host": "127.0.0.1:9999"}).status_code == 400
    assert client.get("/", headers={"host": "127.0.0.1:8010"}).status_code == 200
    assert client.get("/", headers={"host": "localhost:8010"}).status_code == 200


def test_a_request_too_large_is_refused(editor: MakeClient) -> None:
    client = editor()
    client.get("/")
    answer = client.post(PAGE, content=b"a=" + b"x" * (1024 * 1024 + 1), headers=_FORM)
    assert answer.status_code == 413


def test_a_path_outside_the_repository_is_refused(tmp_path: Path, kalmar: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("kind: process\n", encoding="utf-8")
    assert inside(kalmar, "../outside.yaml") is None
    assert inside(kalmar, "/etc/passwd") is None
    os.symlink(outside, kalmar / "processes" / "link.yaml")
    assert inside(kalmar, "processes/link.yaml") is None
    assert inside(kalmar, BU_UTREDNING) == (kalmar / BU_UTREDNING).resolve()


@pytest.mark.usefixtures("swedish")
def test_a_process_file_that_leads_out_of_the_repository_is_not_written(
    editor: MakeClient, kalmar: Path, tmp_path: Path
) -> None:
    import shutil

    # the file itself a link out: processkit does not read it
    target = kalmar / BU_UTREDNING
    outside = tmp_path / "elsewhere.yaml"
    shutil.copy(target, outside)
    target.unlink()
    os.symlink(outside, target)
    answer = editor().get(PAGE)
    assert answer.status_code == 404
    assert "Sidan finns inte i redigeraren." in answer.text
    # a new process in an area whose folder is a link out: refused, nothing written there
    folder = kalmar / "processes" / "barn-och-unga"
    shutil.move(folder, tmp_path / "barn-och-unga")
    os.symlink(tmp_path / "barn-och-unga", folder)
    client = editor()
    pairs = form_pairs(client.get("/new/process").text, "/new/process")
    pairs = replaced(replaced(pairs, "name", "Ny utredning"), "area", "barn-och-unga")
    answer = _post(client, "/new/process", pairs)
    assert answer.status_code == 403
    assert "Filen ligger utanför arkivet; redigeraren skriver inte där." in answer.text
    assert sorted(p.name for p in (tmp_path / "barn-och-unga").iterdir()) == sorted(
        p.name for p in (KALMAR / "processes" / "barn-och-unga").iterdir()
    )


@pytest.mark.usefixtures("swedish")
def test_errors_are_a_swedish_page_never_a_traceback(kalmar: Path) -> None:
    from starlette.testclient import TestClient

    from processkit.authoring.editor.app import Settings, create_app

    def broken(root: Path) -> Any:
        raise RuntimeError("a bug")

    app = create_app(Settings(root=kalmar, checker=broken, today=TODAY, hosts=("testserver",)))
    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get(PAGE)
        assert answer.status_code == 500
        assert "Något gick fel i processkit; ingenting sparades." in answer.text
        assert "Traceback" not in answer.text and "a bug" not in answer.text
        missing = client.get("/process/finns-inte")
        assert missing.status_code == 404
        assert "Sidan finns inte i redigeraren." in missing.text


def test_the_user_name_comes_from_the_proxy_header_only_when_configured(
    editor: MakeClient, kalmar: Path
) -> None:
    client = editor(user_header="X-Remote-User")
    client.headers["X-Remote-User"] = "Karin Sandberg"
    pairs = replaced(form_pairs(client.get(PAGE).text, PAGE), "owner", "karin-sandberg")
    assert _post(client, PAGE, [*pairs, ("action", "save")]).status_code == 303
    assert git(kalmar, "log", "-1", "--format=%an").strip() == "Karin Sandberg"
    other = editor()
    other.headers["X-Remote-User"] = "Someone Else"
    pairs = replaced(form_pairs(other.get(PAGE).text, PAGE), "owner", "anna-nilsson")
    assert _post(other, PAGE, [*pairs, ("action", "save")]).status_code == 303
    assert git(kalmar, "log", "-1", "--format=%an").strip() == "Test Person"


def test_the_token_cookie_is_strict(editor: MakeClient) -> None:
    answer = editor().get("/")
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{CSRF_COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie


def test_a_new_role_from_the_form_validates(editor: MakeClient, kalmar: Path) -> None:
    client = editor()
    pairs = replaced(form_pairs(client.get("/new/role").text, "/new/role"), "name", "Jurist")
    answer = _post(client, "/new/role", pairs)
    assert answer.status_code == 303
    assert (kalmar / "roles" / "jurist.yaml").is_file()
    found = [d for d in checker(kalmar).diagnostics if d.path == "roles/jurist.yaml"]
    assert [d for d in found if d.severity is Severity.ERROR] == []


@pytest.mark.usefixtures("swedish")
def test_a_new_process_without_a_name_is_not_created(editor: MakeClient, kalmar: Path) -> None:
    client = editor()
    pairs = form_pairs(client.get("/new/process").text, "/new/process")
    answer = _post(client, "/new/process", pairs)
    assert answer.status_code == 200
    assert "Det finns fel att rätta" in answer.text
    assert '<li><a href="#f-name">Processens namn måste fyllas i.</a></li>' in answer.text
    assert (
        '<div id="e-f-name" class="field-error"><p>Processens namn måste fyllas i.</p></div>'
    ) in answer.text
    assert '<label for="f-area">Leveransområde</label>' in answer.text
    assert git(kalmar, "status", "--porcelain").strip() == ""


@pytest.mark.usefixtures("swedish")
def test_the_command_says_when_its_port_is_taken(cli: Any, kalmar: Path) -> None:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("edit", kalmar, "--port", str(port))
    assert result.code == 2
    assert result.err == (
        f"processkit: kan inte lyssna på port {port} (ett annat program använder redan "
        "porten); välj en annan med --port\n"
    )


@pytest.mark.usefixtures("swedish")
def test_a_missing_value_is_shown_beside_its_own_field(editor: MakeClient) -> None:
    client = editor()
    pairs = replaced(form_pairs(client.get(PAGE).text, PAGE), "activities.1.name", "")
    answer = _post(client, PAGE, [*pairs, ("action", "save")])
    assert _errors_beside(answer.text, "f-activities-1-name") == (
        "<p><code>name</code> saknas: fältet måste finnas i en aktivitet"
        ' <span class="hint">Lägg till en rad <code>name: …</code>.</span>'
        ' <span class="code">PK010</span></p>'
    )
    assert (
        '<li><a href="#f-activities-1-name">Aktiviteter, nummer 2 \u2013 Namn: <code>name</code>'
        " saknas: fältet måste finnas i en aktivitet</a></li>"
    ) in answer.text


@pytest.mark.usefixtures("swedish")
def test_a_file_changed_since_the_form_was_opened_is_not_overwritten(
    editor: MakeClient, kalmar: Path
) -> None:
    client = editor()
    pairs = replaced(form_pairs(client.get(PAGE).text, PAGE), "owner", "karin-sandberg")
    target = kalmar / BU_UTREDNING
    changed = target.read_text(encoding="utf-8").replace('version: "2.1"', 'version: "2.2"')
    target.write_text(changed, encoding="utf-8")
    answer = _post(client, PAGE, [*pairs, ("action", "save")])
    assert answer.status_code == 200
    assert "Filen har ändrats sedan du öppnade den; ingenting sparades." in answer.text
    assert target.read_text(encoding="utf-8") == changed


@pytest.mark.usefixtures("swedish")
def test_a_handbook_is_edited_in_its_own_form(editor: MakeClient, kalmar: Path) -> None:
    client = editor()
    start = client.get("/").text
    assert '<a href="/entity/handbook/rutin-barnutredning">' in start
    address = "/entity/handbook/rutin-barnutredning"
    page = client.get(address).text
    assert '<option value="routine" selected>Rutin</option>' in page
    assert '<select id="f-processes" name="processes" multiple' in page
    path = kalmar / "handbooks" / "rutin-barnutredning.yaml"
    before = path.read_text(encoding="utf-8")
    pairs = replaced(form_pairs(page, address), "version", "9.9")
    answer = _post(client, address, [*pairs, ("action", "save")])
    assert answer.status_code == 303
    assert answer.headers["location"].startswith(f"{address}?saved=")
    after = path.read_text(encoding="utf-8")
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert changed == ['version: "9.9"']


def test_a_new_role_opens_its_form(editor: MakeClient) -> None:
    client = editor()
    pairs = replaced(form_pairs(client.get("/new/role").text, "/new/role"), "name", "Jurist")
    answer = _post(client, "/new/role", pairs)
    assert answer.headers["location"] == "/entity/role/jurist?saved=yes"
    assert client.get("/entity/role/jurist").status_code == 200


@pytest.mark.usefixtures("swedish")
def test_an_area_owner_is_no_process_owner(editor: MakeClient) -> None:
    page = editor().get("/entity/area/barn-och-unga").text
    assert '<label for="f-owner">Ägare</label>' in page
    assert '<input type="text" inputmode="numeric" id="f-order" name="order"' in page


def test_a_form_cannot_change_the_id_or_kind(editor: MakeClient, kalmar: Path) -> None:
    client = editor()
    pairs = replaced(form_pairs(client.get(PAGE).text, PAGE), "id", "annat-id")
    pairs = replaced(pairs, "kind", "role")
    pairs = replaced(pairs, "owner", "karin-sandberg")
    assert _post(client, PAGE, [*pairs, ("action", "save")]).status_code == 303
    text = (kalmar / BU_UTREDNING).read_text(encoding="utf-8")
    assert text.startswith("kind: process\nid: bu-utredning\n")


@pytest.mark.usefixtures("swedish")
def test_the_pages_are_valid_html(editor: MakeClient, tmp_path: Path) -> None:
    from tests.site.nuchecker import checker_errors, require_checker

    require_checker()
    client = editor()
    page = client.get(PAGE).text
    pairs = replaced(form_pairs(page, PAGE), "review_date", "2026-02-30")
    pages = {
        "start.html": client.get("/").text,
        "process.html": page,
        "errors.html": _post(client, PAGE, [*pairs, ("action", "save")]).text,
        "live.html": _post(client, PAGE + "/check", pairs).text,
        "new.html": client.get("/new/process").text,
        "new-missing.html": _post(
            client, "/new/process", form_pairs(client.get("/new/process").text, "/new/process")
        ).text,
        "handbook.html": client.get("/entity/handbook/rutin-barnutredning").text,
        "missing.html": client.get("/process/finns-inte").text,
    }
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, text in pages.items():
        if name == "live.html":  # a piece of a page: checked inside one
            text = f'<!DOCTYPE html><html lang="sv"><title>x</title><main>{text}</main></html>'
        (folder / name).write_text(text, encoding="utf-8")
    assert checker_errors(folder) == []


@pytest.mark.parametrize(
    "address",
    [
        "/new/process",
        "/new/role",
        "/new/person",
        "/new/handbook",
        "/new/proposal",
        "/entity/area/barn-och-unga",
        "/entity/role/socialsekreterare",
        "/entity/person/anna-nilsson",
        "/entity/handbook/hb-processmodell",
        "/entity/proposal/fp-2026-001",
    ],
)
def test_every_form_opens(editor: MakeClient, address: str) -> None:
    answer = editor().get(address)
    assert answer.status_code == 200
    assert answer.text.count("<h1>") == 1


def test_an_assessment_has_no_form(editor: MakeClient) -> None:
    assert editor().get("/entity/assessment/mm-2026-bu-utredning").status_code == 404
    assert editor().get("/new/assessment").status_code == 404


@pytest.mark.usefixtures("swedish")
def test_the_live_check_lists_what_the_change_affects_elsewhere(editor: MakeClient) -> None:
    client = editor()
    page = client.get(PAGE).text
    assert "Vad ändringen påverkar på andra ställen" not in page
    removed = _post(client, PAGE, [*form_pairs(page, PAGE), ("action", "remove:interfaces.1")])
    answer = _post(client, PAGE + "/check", form_pairs(removed.text, PAGE))
    assert "<h3>Vad ändringen påverkar på andra ställen</h3>" in answer.text
    import re

    listed = re.findall(
        r"<li>(processes/[^:]+):\d+ <span class=\"code\">(PK\d+)</span>", answer.text
    )
    assert listed == [("processes/barn-och-unga/bu-insatser.yaml", "PK104")]


def test_a_list_written_as_one_value_is_shown_as_written(editor: MakeClient, kalmar: Path) -> None:
    target = kalmar / BU_UTREDNING
    text = target.read_text(encoding="utf-8")
    text = text.replace("leaders: [erik-aberg]", "leaders: erik-aberg")
    target.write_text(text.replace("systems:\n  - Treserva\n", "systems: Treserva\n"))
    page = editor().get(PAGE).text
    assert '<option value="erik-aberg" selected>Erik Åberg (erik-aberg)</option>' in page
    assert 'aria-invalid="true">Treserva</textarea>' in page
