"""``processkit init`` asks where proposals are sent (``--proposals-email``, or a prompt on a
terminal) and writes it under ``proposals:``, then where the site is published
(``--site-url``, or a prompt after the e-mail's) and writes it as ``site.url``; empty means
none."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult

from processkit.loading.yamlfile import read_yaml
from processkit.model.config import Config

TODAY = "2026-03-01"
SITE_COMMENTED = (
    "  # url: https://fyren.example.se/  # adressen där den publicerade webbplatsen nås\n"
)
SITE_PROMPT_SV = "Webbplatsens adress, till exempel https://fyren.example.se/ (tomt: ingen): "
SITE_PROMPT_EN = "Address of the published site, e.g. https://fyren.example.se/ (empty: none): "
COMMENTED = (
    "# proposals:  # så lämnar vem som helst ett förbättringsförslag från webbplatsen, utan konto\n"
    "#   email: processtod@example.se  # adressen som förslagen skickas till med e-post\n"
)


class Terminal(io.StringIO):
    """What a person types at a terminal."""

    def isatty(self) -> bool:
        return True


def config_of(folder: Path) -> tuple[str, Config]:
    text = (folder / "processkit.yaml").read_text(encoding="utf-8")
    value = read_yaml("processkit.yaml", text.encode()).value
    return text, Config.model_validate(value)


def test_the_intake_address_is_written_under_proposals(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    folder = tmp_path / "r"
    result = cli("init", folder, "--today", TODAY, "--proposals-email", " processtod@example.se ")
    assert result.code == 0, result.err
    text, config = config_of(folder)
    assert config.proposals.email == "processtod@example.se"
    assert config.proposals.form_url is None
    assert (
        "proposals:  # så lämnar vem som helst ett förbättringsförslag från webbplatsen, utan "
        "konto\n  email: processtod@example.se  # adressen som förslagen skickas till med e-post\n"
        "review:\n"
    ) in text
    assert cli("validate", folder).code == 0


@pytest.mark.parametrize("given", [None, "", "   "])
def test_no_address_leaves_the_field_as_a_comment(
    tmp_path: Path, cli: Callable[..., CliResult], given: str | None
) -> None:
    folder = tmp_path / "r"
    option = [] if given is None else ["--proposals-email", given]
    assert cli("init", folder, "--today", TODAY, *option).code == 0
    text, config = config_of(folder)
    assert config.proposals.email is None
    assert COMMENTED + "review:\n" in text


def test_a_wrong_address_is_exit_2_and_writes_nothing(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    result = cli("init", tmp_path / "r", "--today", TODAY, "--proposals-email", "processtöd")
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "processkit: --proposals-email: `processtöd` is not an e-mail address; write one such "
        "as processtod@example.se, or nothing for no intake by e-mail\n",
    )
    assert not (tmp_path / "r").exists()


@pytest.mark.usefixtures("swedish")
def test_a_wrong_address_in_swedish(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("init", tmp_path / "r", "--today", TODAY, "--proposals-email", "a@b")
    assert (result.code, result.err) == (
        2,
        "processkit: --proposals-email: `a@b` är ingen e-postadress; skriv en adress som "
        "processtod@example.se, eller ingenting om förslag inte ska tas emot med e-post\n",
    )


@pytest.mark.usefixtures("swedish")
def test_on_a_terminal_init_asks_again_until_the_address_is_one(
    tmp_path: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        sys, "stdin", Terminal("Socialtjänsten\nprocesstöd.se\nforslag@kommun.example.se\n\n")
    )
    folder = tmp_path / "r"
    result = cli("init", folder, "--today", TODAY)
    assert result.code == 0, result.err
    assert result.out.count("E-postadress för förbättringsförslag (tomt: ingen): ") == 2
    assert result.out.count(SITE_PROMPT_SV) == 1
    assert result.err == (
        "`processtöd.se` är ingen e-postadress; skriv en adress som processtod@example.se, "
        "eller ingenting om förslag inte ska tas emot med e-post\n"
    )
    _, config = config_of(folder)
    assert (config.organisation, config.proposals.email) == (
        "Socialtjänsten",
        "forslag@kommun.example.se",
    )


def test_on_a_terminal_an_empty_answer_is_no_intake(
    tmp_path: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal("Socialtjänsten\n\n\n"))
    folder = tmp_path / "r"
    result = cli("init", folder, "--today", TODAY)
    assert result.code == 0, result.err
    assert "E-mail address for improvement proposals (empty: none): " in result.out
    text, config = config_of(folder)
    assert config.proposals.email is None
    assert COMMENTED in text
    assert SITE_PROMPT_EN in result.out
    assert result.out.index("E-mail address") < result.out.index(SITE_PROMPT_EN)
    assert config.site.url is None
    assert SITE_COMMENTED in text


def test_the_sites_address_is_written_as_site_url(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    folder = tmp_path / "r"
    result = cli("init", folder, "--today", TODAY, "--site-url", " https://fyren.example.se ")
    assert result.code == 0, result.err
    text, config = config_of(folder)
    assert config.site.url == "https://fyren.example.se/"
    assert (
        "  title: Processer  # webbplatsens rubrik\n"
        "  url: https://fyren.example.se/  # adressen där den publicerade webbplatsen nås\n"
        "  output: site  # mappen som `processkit publish` skriver webbplatsen till\n"
    ) in text
    assert cli("validate", folder).code == 0


@pytest.mark.parametrize("given", [None, "", "   "])
def test_no_site_address_leaves_it_as_a_comment(
    tmp_path: Path, cli: Callable[..., CliResult], given: str | None
) -> None:
    folder = tmp_path / "r"
    option = [] if given is None else ["--site-url", given]
    assert cli("init", folder, "--today", TODAY, *option).code == 0
    text, config = config_of(folder)
    assert config.site.url is None
    assert SITE_COMMENTED in text


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "processkit: --site-url: `fyren.example.se` is not a web address such as "
            "https://fyren.example.se/ (http or https, a host name, no ? or #, no blanks); write "
            "the site's address, or nothing if it has none yet\n",
        ),
        (
            "sv",
            "processkit: --site-url: `fyren.example.se` är ingen webbadress som "
            "https://fyren.example.se/ (http eller https, webbplatsens namn, inget ? eller #, inga "
            "mellanslag); skriv webbplatsens adress, eller ingenting om den inte har någon ännu\n",
        ),
    ],
)
def test_a_wrong_site_address_is_exit_2_and_writes_nothing(
    tmp_path: Path, cli: Callable[..., CliResult], language: str, said: str
) -> None:
    result = cli(
        "init",
        tmp_path / "r",
        "--today",
        TODAY,
        "--site-url",
        "fyren.example.se",
        "--lang",
        language,
    )
    assert (result.code, result.out, result.err) == (2, "", said)
    assert not (tmp_path / "r").exists()


@pytest.mark.usefixtures("swedish")
def test_on_a_terminal_init_asks_for_the_site_after_the_email(
    tmp_path: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = (
        "Socialtjänsten\n\nhttps://fyren.kommun.example.se/?x\nhttps://fyren.kommun.example.se\n"
    )
    monkeypatch.setattr(sys, "stdin", Terminal(typed))
    folder = tmp_path / "r"
    result = cli("init", folder, "--today", TODAY)
    assert result.code == 0, result.err
    assert result.out.count(SITE_PROMPT_SV) == 2
    assert result.out.index("E-postadress för förbättringsförslag") < result.out.index(
        SITE_PROMPT_SV
    )
    assert result.err == (
        "`https://fyren.kommun.example.se/?x` är ingen webbadress som https://fyren.example.se/ "
        "(http eller https, webbplatsens namn, inget ? eller #, inga mellanslag); skriv "
        "webbplatsens adress, eller ingenting om den inte har någon ännu\n"
    )
    _, config = config_of(folder)
    assert (config.proposals.email, config.site.url) == (None, "https://fyren.kommun.example.se/")


def test_given_as_an_option_the_site_is_not_asked_for(
    tmp_path: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal("Socialtjänsten\n\n"))
    folder = tmp_path / "r"
    result = cli("init", folder, "--today", TODAY, "--site-url", "https://fyren.example.se/")
    assert result.code == 0, result.err
    assert SITE_PROMPT_EN not in result.out
    assert config_of(folder)[1].site.url == "https://fyren.example.se/"
