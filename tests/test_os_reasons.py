"""Why the system refused a file, a folder or a port, in the user's words (``errors.reason``)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from processkit import i18n
from processkit.errors import reason


def test_a_common_reason_is_said_in_the_catalogue_s_words_in_both_languages() -> None:
    taken = OSError(errno.EADDRINUSE, os.strerror(errno.EADDRINUSE))
    assert reason(taken) == "another program is using the port"
    with i18n.speaking("sv"):
        assert reason(taken) == "ett annat program använder redan porten"


def test_a_reason_the_catalogue_lacks_is_the_system_s_own_text() -> None:
    odd = OSError(errno.ECONNRESET, os.strerror(errno.ECONNRESET))
    with i18n.speaking("sv"):
        assert reason(odd) == os.strerror(errno.ECONNRESET)
    assert reason(OSError("no number")) == "OSError"


def test_the_reasons_of_real_refusals(tmp_path: Path) -> None:
    with pytest.raises(OSError) as missing:
        (tmp_path / "saknas.yaml").read_bytes()
    with pytest.raises(OSError) as folder:
        tmp_path.read_bytes()
    with pytest.raises(OSError) as below_a_file:
        (tmp_path / "fil").write_text("x", encoding="utf-8")
        (tmp_path / "fil" / "under.yaml").read_bytes()
    with i18n.speaking("sv"):
        found = [reason(problem.value) for problem in (missing, folder, below_a_file)]
    assert found == [
        "den finns inte",
        "det är en mapp, inte en fil",
        "en del av sökvägen är inte en mapp",
    ]


def test_a_file_another_program_holds_open_on_windows_is_said_so() -> None:
    """Windows reports a file open in another program (32, a sharing violation) as a
    missing permission; what it is, is said."""
    held = PermissionError(errno.EACCES, "Permission denied")
    held.winerror = 32  # type: ignore[attr-defined]  # as Windows sets it
    with i18n.speaking("sv"):
        assert reason(held) == "den används av ett annat program"
        assert reason(PermissionError(errno.EACCES, "x")) == "behörighet saknas"
