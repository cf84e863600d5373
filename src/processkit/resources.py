"""Where the files shipped with processkit are: templates and JSON Schemas.

In an installed wheel they sit inside the package (``processkit/templates``); in a source
checkout (an editable install, the tests) they are the top-level ``templates/`` and ``schemas/``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _resource(name: str) -> Path:
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    checkout = _PACKAGE.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"processkit is installed without its {name}/ folder")


def templates_dir() -> Path:
    """The folder of the built-in templates (``site/`` for publish, ``new/`` for new)."""
    return _resource("templates")


def schemas_dir() -> Path:
    """The folder of the generated JSON Schemas."""
    return _resource("schemas")
