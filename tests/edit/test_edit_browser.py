"""``processkit edit`` in a real browser: headless Chromium (Debian's) driven by Playwright, as
the site's browser tests do (tests/site/test_site_browser.py): the editor is served by uvicorn
on a free port of 127.0.0.1 over a copy of Kalmar in git."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from tests.edit.conftest import (
    BESLUTA,
    BU_UTREDNING,
    NEW_ACTIVITY,
    REMOVED_MEASURE,
    TODAY,
    checker,
    git,
)
from tests.site.test_site_browser import AXE, browser

from processkit.authoring.editor.app import Settings, create_app
from processkit.diagnostics import Severity

pytestmark = pytest.mark.browser
__all__ = ["browser"]  # the site's browser tests' fixture: Chromium, launched once


@contextmanager
def editing(root: Path) -> Iterator[str]:
    """The editor over ``root`` on a free port of 127.0.0.1; yields its address."""
    import uvicorn

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    settings = Settings(root=root, checker=checker, port=port, today=TODAY)
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    # axe-core is put into the page as a script of its own: the editor's policy forbids that
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    tab.errors = []
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    yield tab
    context.close()


@pytest.mark.usefixtures("swedish")
def test_a_process_leader_edits_bu_utredning_and_saves(page: Any, kalmar: Path) -> None:
    before = (kalmar / BU_UTREDNING).read_text(encoding="utf-8")
    with editing(kalmar) as address:
        page.goto(address + "/")
        page.get_by_role("link", name="Utreda barns och ungas behov").click()
        page.wait_for_url("**/process/bu-utredning")
        # the owner, with the picker
        page.get_by_label("Processägare").select_option(label="Karin Sandberg (karin-sandberg)")
        # an activity with a role and a `next`
        page.get_by_role("button", name="Lägg till i aktiviteter").click()
        page.wait_for_load_state()
        page.locator("#f-activities-6[data-focus]").wait_for()
        assert page.evaluate("document.activeElement.id") == "f-activities-6"
        page.locator("#f-activities-6-id").fill("folj-upp")
        page.locator("#f-activities-6-name").fill("Följa upp beslutet")
        page.locator("#f-activities-6-role").select_option("socialsekreterare")
        page.locator("#f-activities-6-next").select_option(["besluta"])
        # the second measure goes
        page.locator('button[value="remove:measures.1"]').click()
        page.wait_for_load_state()
        assert page.locator("#f-measures-1-name").count() == 0
        page.get_by_role("button", name="Spara", exact=True).click()
        page.wait_for_url("**/process/bu-utredning?saved=*")
        assert page.get_by_role("status").inner_text().startswith("Sparat.")
        assert page.errors == []
    expected = (
        before.replace("owner: anna-nilsson\n", "owner: karin-sandberg\n")
        .replace(BESLUTA, BESLUTA + NEW_ACTIVITY)
        .replace(REMOVED_MEASURE, "")
    )
    assert (kalmar / BU_UTREDNING).read_text(encoding="utf-8") == expected
    assert [d for d in checker(kalmar).diagnostics if d.severity is Severity.ERROR] == []
    assert git(kalmar, "log", "-1", "--format=%s").strip() == ("Ändra Utreda barns och ungas behov")


@pytest.mark.usefixtures("swedish")
def test_the_live_check_shows_a_wrong_value_beside_its_field(page: Any, kalmar: Path) -> None:
    with editing(kalmar) as address:
        page.goto(address + "/process/bu-utredning")
        page.locator("#f-activities-0-id").fill("fel id")
        page.locator("#f-activities-0-id").blur()
        beside = page.locator("#e-f-activities-0-id p")
        beside.wait_for()
        assert beside.inner_text().startswith("fel id är inte ett giltigt id Ett id får bara")
        link = page.locator('#summary a[href="#f-activities-0-id"]')
        assert (
            link.inner_text()
            == "Aktiviteter, nummer 1 \u2013 Identitet: fel id är inte ett giltigt id"
        )
        assert page.locator("#live svg").count() == 1
        # corrected, the diagnostic goes away
        page.locator("#f-activities-0-id").fill("planera")
        page.locator("#f-activities-0-id").blur()
        page.locator("#e-f-activities-0-id p").wait_for(state="detached")
        assert page.locator("#summary a").count() == 0
        assert page.errors == []


def _axe(page: Any) -> dict[str, Any]:
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return result


@pytest.mark.parametrize(
    "address",
    ["/", "/process/bu-utredning", "/new/process", "/entity/handbook/rutin-barnutredning"],
)
@pytest.mark.usefixtures("swedish")
def test_axe_finds_no_serious_wcag_violations(page: Any, kalmar: Path, address: str) -> None:
    with editing(kalmar) as base:
        page.goto(base + address)
        result = _axe(page)
    _no_serious(result)


@pytest.mark.usefixtures("swedish")
def test_axe_finds_no_serious_violation_in_a_form_with_errors(page: Any, kalmar: Path) -> None:
    with editing(kalmar) as base:
        page.goto(base + "/process/bu-utredning")
        page.locator("#f-name").fill("")
        page.get_by_role("button", name="Spara", exact=True).click()
        page.wait_for_load_state()
        assert page.locator("#summary").evaluate("e => e === document.activeElement")
        assert page.locator('#summary a[href="#f-name"]').count() == 1
        result = _axe(page)
    _no_serious(result)


def _no_serious(result: dict[str, Any]) -> None:
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert len(result["passes"]) > 10


@pytest.mark.parametrize("address", ["/", "/process/bu-utredning"])
def test_nothing_scrolls_sideways_at_390_pixels(browser: Any, kalmar: Path, address: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    with editing(kalmar) as base:
        tab.goto(base + address)
        assert tab.evaluate("document.documentElement.scrollWidth") == 390
    context.close()
