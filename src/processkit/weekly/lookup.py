"""Checking ids given on the command line, with a did-you-mean."""

from __future__ import annotations

from collections.abc import Iterable

from processkit.diagnostics import did_you_mean
from processkit.errors import ProcesskitError


def unknown_id(option: str, what: str, value: str, known: Iterable[str]) -> ProcesskitError:
    """The error for an id that names nothing: ``--area: there is no area with the id `x```."""
    guess = did_you_mean(value, known)
    hint = f"; did you mean `{guess}`?" if guess else ""
    return ProcesskitError(f"{option}: there is no {what} with the id `{value}`{hint}")
