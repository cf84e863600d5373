"""Compiling the message catalogue: ``locale/<language>/*.po`` -> one ``processkit.mo``.

The package build runs this (``hatch_build.py``), so an installed processkit carries compiled
catalogues and never needs the ``.po`` sources. A source checkout (an editable install, the
tests) compiles on first use into ``build/locale`` and again whenever a ``.po`` file is newer.
Imports only the standard library and Babel, so the build hook can run it before processkit's
own dependencies are installed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

DOMAIN = "processkit"


def sources(locale: Path) -> dict[str, list[Path]]:
    """Language -> its ``.po`` files, sorted; every folder under ``locale`` is a language."""
    found: dict[str, list[Path]] = {}
    if locale.is_dir():
        for folder in sorted(locale.iterdir()):
            files = sorted(folder.glob("*.po"))
            if folder.is_dir() and files:
                found[folder.name] = files
    return found


def compile_language(language: str, files: list[Path], target: Path) -> None:
    """Merge the catalogue's ``.po`` files into ``target`` (a ``.mo``), written atomically.
    A message id given twice, or given a fuzzy or empty translation, is an error: the
    catalogue must be whole."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged = Catalog(locale=language, domain=DOMAIN, fuzzy=False)
    for path in files:
        with path.open("rb") as source:
            catalogue = read_po(source, domain=DOMAIN)
        for message in catalogue:
            if not message.id:
                continue
            key = (message.id, message.context)
            if merged.get(message.id, message.context) is not None:
                raise ValueError(f"{path}: the message {key!r} is in the catalogue twice")
            if message.fuzzy or not all(
                message.string if isinstance(message.string, tuple) else (message.string,)
            ):
                raise ValueError(f"{path}: the message {key!r} has no finished translation")
            merged[message.id] = message
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=".processkit-", suffix=".mo")
    try:
        with os.fdopen(handle, "wb") as out:
            write_mo(out, merged, use_fuzzy=False)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def compile_all(locale: Path, output: Path) -> list[Path]:
    """Every language's ``processkit.mo`` under ``output/<language>/LC_MESSAGES``."""
    written = []
    for language, files in sources(locale).items():
        target = output / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        compile_language(language, files, target)
        written.append(target)
    return written


def compiled_checkout_catalogues(checkout: Path) -> Path:
    """The compiled catalogues of a source checkout, compiled again when a source is newer."""
    locale = checkout / "locale"
    output = checkout / "build" / "locale"
    for language, files in sources(locale).items():
        target = output / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        newest = max(path.stat().st_mtime_ns for path in files)
        if not target.is_file() or target.stat().st_mtime_ns < newest:
            compile_language(language, files, target)
    return output
