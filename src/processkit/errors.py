"""Errors that stop a command before it can do its work (exit status 2)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from processkit.diagnostics import Diagnostic


class ProcesskitError(Exception):
    """A usage or configuration problem, told to the user in one line."""


class ConfigError(Exception):
    """``processkit.yaml`` is missing or invalid: the command cannot run (exit status 2).

    It lives here, not beside the loader that raises it, so that the command line can catch it
    without importing the loader (and pydantic) at start-up.
    """

    def __init__(self, diagnostics: list[Diagnostic], root: Path, text: str | None) -> None:
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics
        self.root = root
        self.text = text
