"""The one message catalogue: every word processkit says to a person, in Swedish or English.

The catalogue is gettext's: the English text is the message id, written in the code as
``_("`{written}` is not a process in this repository", written=value)``; the Swedish texts are
in ``locale/sv/*.po`` (one source file per part of processkit, one catalogue), compiled to one
``processkit.mo`` when the package is built. English needs no catalogue: it is the message id.

Placeholders are named, in braces (``{written}``), and filled after translation, so the Swedish
text may put them in another order. ``n_`` chooses singular or plural by a count; ``p_`` adds a
context where one English word needs two Swedish ones (a proposal is *beviljat*, a person is
not). ``N_`` only marks a text for the catalogue; the code translates it later with ``_``.

Which language is spoken is decided once per run: ``--lang`` (or ``PROCESSKIT_LANG``) when given,
else the repository's ``language:``, else Swedish. Outside a repository (``init``), the
locale's language counts too. The choice is a process-wide setting, like the working folder:
processkit runs one command per process, and the loader's worker processes are forked from it.
A block of ``speaking`` (a page in the site's language) changes it for its own thread only, so
work done meanwhile in another thread (publish reads git while the maps are drawn) speaks as
it did.
"""

from __future__ import annotations

import gettext
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import get_args

from processkit.model.kinds import Language

LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT: Language = "sv"
#: The environment variable that overrides the repository's language.
ENVIRONMENT = "PROCESSKIT_LANG"
DOMAIN = "processkit"

_PACKAGE = Path(__file__).resolve().parent

#: The language asked for on the command line or in the environment; it wins over the
#: repository's. None: not asked for.
_asked: Language | None = None
#: The language in use now (in a thread outside ``speaking``).
_current: Language = DEFAULT
#: ``language``: the language of the innermost ``speaking`` block of a thread, if any.
_speaking = threading.local()


class LanguageError(Exception):
    """A language processkit does not speak was asked for, or a catalogue is missing; the
    command line reports it as one line, exit status 2 (as a ``ProcesskitError``)."""


def parse_language(value: str, where: str) -> Language:
    """``value`` as a language, or the one-line error naming ``where`` it was given."""
    folded = value.strip().lower()
    if folded == "sv":
        return "sv"
    if folded == "en":
        return "en"
    raise LanguageError(
        _(
            "{where}: `{value}` is not a language processkit speaks; use `sv` or `en`",
            where=where,
            value=value,
        )
    )


def ask(value: str | None) -> None:
    """The language asked for this run: ``--lang`` (``value``), else ``PROCESSKIT_LANG``. It is
    used at once, and a repository's ``language:`` does not change it. Only the one that counts
    is read: a wrong ``PROCESSKIT_LANG`` does not stand in the way of a right ``--lang``."""
    global _asked, _current
    environment = os.environ.get(ENVIRONMENT) or ""
    if value is not None:
        if environment.strip().lower() in LANGUAGES:  # the words of a wrong --lang
            _current = "sv" if environment.strip().lower() == "sv" else "en"
        _asked = _current = parse_language(value, "--lang")
    elif environment:
        _asked = _current = parse_language(environment, ENVIRONMENT)


def asked() -> Language | None:
    """The language asked for by ``--lang`` or ``PROCESSKIT_LANG``, if any."""
    return _asked


def forget() -> None:
    """Back to the start: nothing asked for, Swedish in use (between runs in one process)."""
    global _asked, _current
    _asked = None
    _current = DEFAULT


def use_repository_language(language: Language) -> None:
    """The repository's ``language:``, used unless a language was asked for."""
    global _current
    if _asked is None:
        _current = language


def use_outside_repository() -> None:
    """Where there is no repository yet (``init``): the asked language, else the locale's when
    it is English, else Swedish."""
    global _current
    if _asked is not None:
        return
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            _current = "en" if value.lower().startswith("en") else DEFAULT
            return


def of_the_run() -> Language:
    """The language of the run: the one asked for, else the repository's once its
    configuration is read; whatever this thread was told to speak (``speaking``)."""
    return _current


def current() -> Language:
    spoken: Language | None = getattr(_speaking, "language", None)
    return spoken or _current


def report_language(site_language: Language) -> Language:
    """The language of a notice meant for staff (a Markdown reminder, the weekly change log):
    the one asked for (``--lang``, ``PROCESSKIT_LANG``) when one was, else the site's."""
    return _asked if _asked is not None else site_language


@contextmanager
def speaking(language: Language) -> Iterator[None]:
    """Use ``language`` inside the block (a page of the site in ``site.language``, a test), in
    this thread."""
    before = getattr(_speaking, "language", None)
    _speaking.language = language
    try:
        yield
    finally:
        _speaking.language = before


def locale_dir() -> Path:
    """The compiled catalogues: inside an installed package ``processkit/locale``; in a source
    checkout, compiled on first use from the top-level ``locale/`` into the build folder."""
    inside = _PACKAGE / "locale"
    if inside.is_dir():
        return inside
    from processkit.i18n_build import compiled_checkout_catalogues

    return compiled_checkout_catalogues(_PACKAGE.parent.parent)


def catalogue_bytes(language: Language) -> bytes:
    """The compiled catalogue of ``language`` as bytes, for a cache key: what is drawn or
    written in that language changes when it does (English, the message ids, has none)."""
    if language == "en":
        return b""
    return (locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.mo").read_bytes()


@cache
def _translations(language: Language) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    try:
        return gettext.translation(DOMAIN, locale_dir(), languages=[language])
    except OSError as problem:
        # said in English: without its catalogue, processkit has no other words
        raise LanguageError(
            f"processkit is installed without its {language} message catalogue ({problem})"
        ) from None


def _fill(text: str, values: dict[str, object]) -> str:
    return text.format(**values) if values else text


def _(message: str, /, **values: object) -> str:
    """``message`` in the language in use, with ``{name}`` filled from ``values``."""
    return _fill(_translations(current()).gettext(message), values)


def n_(singular: str, plural: str, count: int, /, **values: object) -> str:
    """The singular or plural of a message by ``count`` (``{count}`` is filled too)."""
    text = _translations(current()).ngettext(singular, plural, count)
    return _fill(text, {"count": count, **values})


def p_(context: str, message: str, /, **values: object) -> str:
    """``message`` in the sense ``context`` names (``proposal``: *beviljat*, not *beviljad*)."""
    return _fill(_translations(current()).pgettext(context, message), values)


def N_(message: str, /) -> str:
    """Mark ``message`` for the catalogue without translating it now."""
    return message


def translate(language: Language, message: str, /, **values: object) -> str:
    """``message`` in ``language``, whatever language is in use."""
    return _fill(_translations(language).gettext(message), values)


def translate_in_context(language: Language, context: str, message: str, /) -> str:
    """``message`` in the sense ``context`` names, in ``language``, whatever language is in
    use (a template's text, translated when the template is compiled)."""
    return _translations(language).pgettext(context, message)


def translate_plural(
    language: Language, context: str, singular: str, plural: str, count: int, /
) -> str:
    """The singular or plural of a text in the sense ``context`` names, in ``language``; for
    texts that come from a table rather than from the code (the words of the kinds)."""
    return _translations(language).npgettext(context, singular, plural, count)


def decimal(number: float, spec: str = "g") -> str:
    """``number`` formatted by ``spec`` (``g``: as short as it goes; ``.1f``), with a decimal
    comma in Swedish."""
    shown = format(number, spec)
    return shown.replace(".", ",") if current() == "sv" else shown
