"""The Jinja2 environment of the site: autoescape on, undefined names are errors, every text
from the message catalogue (``_("English text")``, ``n_``, ``p_``, and ``label`` for a value's
word), and a repository's own templates in front of the built-in ones."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from pathlib import Path

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
)
from jinja2.bccache import Bucket

from processkit import i18n
from processkit.errors import ProcesskitError
from processkit.i18n import N_, _, n_, p_
from processkit.model.kinds import Language
from processkit.resources import templates_dir
from processkit.site.labels import label
from processkit.site.links import mailto


def builtin_dir() -> Path:
    return templates_dir() / "site"


#: The environments made in this process, so that ``serve`` compiles a template once; Jinja
#: looks at the template files' times and loads a changed one again.
_MADE: dict[tuple[Path | None, Path | None, Language], Environment] = {}


def environment(overrides: Path | None = None, cache_dir: Path | None = None) -> Environment:
    """Templates are looked up in ``overrides`` first, then among the built-in ones; the
    built-in ones stay reachable as ``builtin/<name>`` so an override can extend them
    (``{% extends "builtin/base.html" %}``). The texts are in the language spoken while the
    pages are rendered (``i18n.speaking``). With ``cache_dir`` the compiled templates are kept
    there, by each template's name and text, for the next build."""
    key = (overrides, cache_dir, i18n.current())
    found = _MADE.get(key)
    if found is None:
        found = _MADE[key] = _environment(overrides, cache_dir)
    return found


def _environment(overrides: Path | None, cache_dir: Path | None) -> Environment:
    builtin = FileSystemLoader(builtin_dir())
    loaders: list[BaseLoader] = [FileSystemLoader(overrides)] if overrides is not None else []
    loaders += [builtin, PrefixLoader({"builtin": builtin})]
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
        bytecode_cache=_bytecode(cache_dir),
    )
    env.globals.update(_=_, n_=n_, p_=p_, label=label, t=_gone(i18n.current()))
    env.filters["mailto"] = mailto  # href="{{ person.email|mailto }}"
    return env


#: How the templates are compiled; part of the compiled templates' file names with processkit's
#: version, so that a compiled template is never used under other options.
_OPTIONS = "autoescape trim_blocks lstrip_blocks keep_trailing_newline strict"


def _bytecode(cache_dir: Path | None) -> FileSystemBytecodeCache | None:
    if cache_dir is None:
        return None
    from processkit import __version__

    stamp = hashlib.sha256(f"{__version__}\0{_OPTIONS}".encode()).hexdigest()[:12]
    return _Compiled(str(cache_dir), pattern=f"__jinja2_{stamp}_%s.cache")


class _Compiled(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, where a folder that cannot be written (read-only,
    or made by another user) costs the compiling, never the build."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)


def _gone(spoken: Language) -> Callable[..., str]:
    """``t("key")``, the catalogue of earlier versions, in a repository's own template: told in
    the language the command speaks (``spoken``), not the site's."""

    def t(key: object, /, **values: object) -> str:
        raise ProcesskitError(
            i18n.translate(
                spoken,
                N_(
                    'site.templates: a template of your own uses `t("{key}")`, which is gone; '
                    'write the English text instead, e.g. `_("Home")` (see docs/publish.md)'
                ),
                key=key,
            )
        )

    return t
