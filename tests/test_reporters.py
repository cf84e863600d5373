"""Reporters are tables: every format a command offers has one function that returns its text."""

from __future__ import annotations

from processkit.cli.reporters import REPORTER_BY_NAME
from processkit.cli.validate import Format as ValidateFormat


def test_every_format_of_validate_has_a_reporter() -> None:
    assert sorted(REPORTER_BY_NAME) == sorted(format.value for format in ValidateFormat)
