"""Errors that stop a command before it can do its work (exit status 2)."""

from __future__ import annotations


class ProcesskitError(Exception):
    """A usage or configuration problem, told to the user in one line."""
