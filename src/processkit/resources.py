"""Where the files shipped with processkit are: templates and JSON Schemas.

In an installed wheel they sit inside the package (``processkit/templates``); in a source
checkout (an editable install, the tests) they are the top-level ``templates/`` and ``schemas/``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment

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


def html_templates(folder: str, *, keep_trailing_newline: bool = False) -> Environment:
    """The Jinja environment of processkit's own HTML templates in ``templates/<folder>``
    (``serve``'s pages, the editor's): escaped, strict about a value left out, block tags on
    lines of their own trimmed, each template read once. The caller adds its globals."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(templates_dir() / folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=keep_trailing_newline,
        auto_reload=False,
    )
