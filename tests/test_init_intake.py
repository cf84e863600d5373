"""``processkit init`` asks where proposals are sent (``--proposals-email``, or a prompt on a
terminal) and writes it under ``proposals:``; empty means none."""

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
        sys, "stdin", Terminal("Socialtjänsten\nprocesstöd.se\nforslag@kommun.example.se\n")
    )
    folder = tmp_path / "r"
    result = cli("init", folder, "--today", TODAY)
    assert result.code == 0, result.err
    assert result.out.count("E-postadress för förbättringsförslag (tomt: ingen): ") == 2
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
    monkeypatch.setattr(sys, "stdin", Terminal("Socialtjänsten\n\n"))
    folder = tmp_path / "r"
    result = cli("init", folder, "--today", TODAY)
    assert result.code == 0, result.err
    assert "E-mail address for improvement proposals (empty: none): " in result.out
    text, config = config_of(folder)
    assert config.proposals.email is None
    assert COMMENTED in text
