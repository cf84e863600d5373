"""The message catalogue is whole: every text the code and the templates mark has a Swedish
translation, no translation is left over, and each keeps the placeholders of its English
text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from tests.catalogue_support import CHECKOUT, Key, swedish_catalogue

from processkit import i18n
from processkit.cli.main import run
from processkit.model.kinds import KIND_TABLE
from processkit.resources import templates_dir
from processkit.rules.docs import doc_of, message_ids
from processkit.rules.registry import RULES

KEYWORDS = {"_": None, "N_": None, "n_": (1, 2), "p_": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z_]+)\}(?!\})")
#: Every template of processkit is Jinja: the site's pages, and what ``init`` and ``new`` write.
TEMPLATES = [("**.html", "jinja2.ext:babel_extract"), ("**.j2", "jinja2.ext:babel_extract")]
#: As the environments read them (the line numbers then agree).
JINJA = {"trim_blocks": "true", "lstrip_blocks": "true", "keep_trailing_newline": "true"}
#: A call of a catalogue function in a template, with a text written in it.
TEMPLATE_CALL = re.compile(r"""(?<![\w.])(?:_|n_|p_)\(\s*["']""")


def _extract(folder: Path, method_map: list[tuple[str, str]]) -> list[tuple[str, int, Key]]:
    """(file, line, (message id, context)) of every text marked under ``folder``."""
    options = {pattern: JINJA for pattern, method in method_map if method != "python"}
    return [
        (filename, line, ((message if isinstance(message, tuple) else (message,))[0], context))
        for filename, line, message, _comments, context in extract_from_dir(
            folder, method_map=method_map, options_map=options, keywords=KEYWORDS
        )
    ]


def _rule_docs() -> list[tuple[str, int, Key]]:
    """The texts of every rule's documentation that ``processkit rules`` translates: the
    summary and each paragraph of the docstring, as rules/docs.py reads them."""
    return [
        (f"{rule.__name__} docstring", 1, (text, None))
        for rule in RULES
        for text in message_ids(doc_of(rule))
    ]


def _extracted() -> dict[Key, str]:
    """(message id, context) -> where the code, a template or a rule's docstring marks it."""
    found: dict[Key, str] = {}
    marked = _extract(CHECKOUT / "src" / "processkit", [("**.py", "python")])
    marked += _extract(templates_dir(), TEMPLATES)
    marked += _rule_docs()
    for filename, line, key in marked:
        found.setdefault(key, f"{filename}:{line}")
    # the words of each kind come from the table of kinds, not from a call in the code
    for row in KIND_TABLE:
        found.setdefault((row.words.singular, "kind"), "src/processkit/model/kinds.py")
    return found


def test_every_text_a_template_writes_is_extracted() -> None:
    """Babel's Jinja extractor finds every ``_("...")``, ``n_`` and ``p_`` of the templates
    (a call it cannot read, e.g. with a text built by ``~``, would be missed silently)."""
    counted: dict[str, int] = {}
    for path in sorted(templates_dir().rglob("*")):
        if path.suffix in (".html", ".j2"):
            source = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
            calls = len(TEMPLATE_CALL.findall(source))
            if calls:
                counted[path.relative_to(templates_dir()).as_posix()] = calls
    extracted: dict[str, int] = {}
    for filename, _line, _key in _extract(templates_dir(), TEMPLATES):
        extracted[filename] = extracted.get(filename, 0) + 1
    assert extracted == counted
    assert sum(counted.values()) > 250  # the site's pages are written in _("English text")


def test_the_rule_docs_are_extracted() -> None:
    """The extraction counts each rule's summary and prose, so a missing or left-over Swedish
    text of ``processkit rules`` fails the tests above."""
    docs = {key for _file, _line, key in _rule_docs()}
    assert ("An interface that the other process does not mirror.", None) in docs
    assert ("With `--today 2026-11-21`:", None) in docs
    assert len(docs) > 90
    assert docs <= EXTRACTED.keys()


EXTRACTED = _extracted()
CATALOGUE = swedish_catalogue()


def test_every_marked_text_has_a_swedish_translation() -> None:
    missing = sorted(
        f"{where}: {key[0]!r}" for key, where in EXTRACTED.items() if key not in CATALOGUE
    )
    assert missing == []


def test_no_translation_is_left_over() -> None:
    assert sorted(key for key in CATALOGUE if key not in EXTRACTED) == []


def test_every_translation_is_finished_and_keeps_its_placeholders() -> None:
    wrong = []
    for key, texts in CATALOGUE.items():
        if "FUZZY" in texts or not all(texts):
            wrong.append(f"{key[0]!r}: not translated")
            continue
        wanted = set(PLACEHOLDER.findall(key[0]))
        for text in texts[1:]:
            if set(PLACEHOLDER.findall(text)) - wanted - {"count"}:
                wrong.append(f"{key[0]!r}: {text!r} has a placeholder the English has not")
    assert wrong == []


def _exit_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[object, str]:
    with pytest.raises(SystemExit) as done:
        run(args)
    return done.value.code, capsys.readouterr().err


def test_a_language_processkit_does_not_speak_is_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _exit_line(["--lang", "de", "--version"], capsys) == (
        2,
        "processkit: --lang: `de` is not a language processkit speaks; use `sv` or `en`\n",
    )


def test_in_swedish_by_default_and_the_last_lang_wins(
    swedish: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _exit_line(["--lang=en", "--version", "--lang", "fi"], capsys) == (
        2,
        "processkit: --lang: `fi` är inte ett språk som processkit kan; använd `sv` eller `en`\n",
    )


def test_a_wrong_environment_value_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(i18n.ENVIRONMENT, "english")
    assert _exit_line(["--version"], capsys) == (
        2,
        "processkit: PROCESSKIT_LANG: `english` är inte ett språk som processkit kan; använd "
        "`sv` eller `en`\n",
    )


def test_a_right_lang_is_not_stopped_by_a_wrong_environment_value(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(i18n.ENVIRONMENT, "english")
    assert _exit_line(["--lang", "en", "--version"], capsys) == (0, "")
