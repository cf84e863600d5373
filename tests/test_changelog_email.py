"""``processkit changelog --format email``: the weekly digest as a ready e-mail, read back with
the standard ``email`` package."""

from __future__ import annotations

import email
from collections.abc import Callable
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from tests.conftest import CliResult
from tests.test_changelog_support import GitRepo

CONFIG = "organisation: Testkommunen\nsite:\n  title: Fyren\n"
AREAS = {
    "areas/bu.yaml": "kind: area\nid: bu\nname: Barn och unga\norder: 1\n",
    "areas/vuxna.yaml": "kind: area\nid: vuxna\nname: Vuxna & beroende\norder: 2\n",
}
ROLE = "kind: role\nid: socsek\nname: Socialsekreterare\ncategory: operational\n"
PERSON = "kind: person\nid: anna\nname: Anna Nilsson\n"


def _process(pid: str, name: str, area: str, status: str = "draft") -> str:
    return f"kind: process\nid: {pid}\nname: {name}\narea: {area}\ntype: core\nstatus: {status}\n"


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    """A start on 2 March 2026; in the week to 13 March a process of each area changed, a
    process was added to `vuxna` and a role was removed."""
    git = GitRepo(tmp_path_factory.mktemp("digest") / "git")
    git.write(
        {
            "processkit.yaml": CONFIG,
            **AREAS,
            "roles/socsek.yaml": ROLE,
            "people/anna.yaml": PERSON,
            "processes/bu/utreda.yaml": _process("bu-utredning", "Utreda barns behov", "bu"),
            "processes/vuxna/stod.yaml": _process("vu-stod", "Stöd vid <beroende>", "vuxna"),
        }
    )
    git.commit("Första versionen", "2026-03-02")
    git.write(
        {
            "processes/bu/utreda.yaml": _process(
                "bu-utredning", "Utreda barns behov", "bu", "approved"
            ),
            "processes/vuxna/lvm.yaml": _process("vu-lvm", "Ansöka om vård enligt LVM", "vuxna"),
        }
    )
    git.commit("Fastställd utredning, ny LVM-process", "2026-03-09", "erik")
    git.write({"roles/socsek.yaml": None})
    git.commit("Ta bort rollen", "2026-03-12")
    return git


def _digest(cli: Callable[..., CliResult], root: Path, *options: str) -> tuple[str, EmailMessage]:
    result = cli(
        "changelog", root, "--since", "7d", "--today", "2026-03-13", "--format", "email", *options
    )
    assert (result.code, result.err) == (0, "")
    message = email.message_from_string(result.out, _class=EmailMessage, policy=default)
    assert isinstance(message, EmailMessage)
    return result.out, message


def _parts(message: EmailMessage) -> tuple[str, str]:
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert isinstance(plain, EmailMessage) and isinstance(html, EmailMessage)
    return plain.get_content(), html.get_content()


def test_the_digest_is_an_email_with_text_and_html_grouped_by_area(
    history: GitRepo, cli: Callable[..., CliResult]
) -> None:
    _, message = _digest(cli, history.root, "--lang", "sv")
    assert message["Subject"] == "Nytt i ledningssystemet 2026-03-06 \u2013 2026-03-13"
    assert message["Date"] == "Fri, 13 Mar 2026 00:00:00 +0000"
    assert message["Content-Language"] == "sv"
    assert message["From"] is None and message["To"] is None
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    plain, html = _parts(message)
    assert plain == (
        "Nytt i ledningssystemet 2026-03-06 \u2013 2026-03-13\n"
        "\n"
        "1 ny, 1 ändrad, 0 upphörda och 1 borttagen.\n"
        "\n"
        "Barn och unga\n"
        "-------------\n"
        "- Process Utreda barns behov ändrades\n"
        "  - status utkast → fastställd\n"
        "\n"
        "Vuxna & beroende\n"
        "----------------\n"
        "- Process Ansöka om vård enligt LVM lades till\n"
        "\n"
        "Övriga ändringar\n"
        "----------------\n"
        "- Roll Socialsekreterare togs bort\n"
        "\n"
        "-- \n"
        "Fyren\n"
    )
    assert '<html lang="sv">' in html
    assert "<h2>Barn och unga</h2>" in html
    assert "<h2>Vuxna &amp; beroende</h2>" in html
    assert "<h2>Övriga ändringar</h2>" in html
    assert html.index("Utreda barns behov") < html.index("Vuxna &amp;") < html.index("LVM")
    assert "<li>status utkast → fastställd</li>" in html


def test_the_digest_in_english_and_byte_identical_on_a_second_run(
    history: GitRepo, cli: Callable[..., CliResult]
) -> None:
    first, message = _digest(cli, history.root, "--lang", "en")
    again, _ = _digest(cli, history.root, "--lang", "en")
    assert first == again
    assert message["Subject"] == "What's new in the management system 2026-03-06 \u2013 2026-03-13"
    plain, _html = _parts(message)
    assert "Other changes\n-------------\n- Role Socialsekreterare removed\n" in plain
    boundary = message.get_boundary()
    assert boundary is not None and boundary.startswith("processkit-")


def test_a_quiet_week_says_so(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    git = GitRepo(tmp_path / "git")
    git.write({"processkit.yaml": CONFIG, **AREAS})
    git.commit("Första versionen", "2026-01-02")
    git.write({"README.md": "Läs mig\n"})
    git.commit("Bara en README", "2026-03-10")
    _, message = _digest(cli, git.root, "--lang", "sv")
    plain, html = _parts(message)
    assert "Inget ändrades under perioden." in plain
    assert "<p>Inget ändrades under perioden.</p>" in html
