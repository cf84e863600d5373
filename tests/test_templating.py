"""The site's templates translate the texts they give as they are (``_("Home")``) once, when
they are compiled: a page shows the text the catalogue gives in the language it is rendered
in, whichever language its template was looked up or compiled in, and a template that gives
``_`` a meaning of its own keeps it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup, escape

from processkit import i18n
from processkit.site import templating
from processkit.site.templating import environment

PAGE = (
    '{{ _("Home") }}|{{ p_("change", "added") }}|{{ _("Changes to {name}", name=name) }}'
    '|{{ n_("{count} process", "{count} processes", 2) }}'
    '|{{ label("status", "draft") }}|{{ label("status", status) }}'
)
SWEDISH = "Start|lades till|Ändringar i &lt;b&gt;|2 processer|Utkast|Fastställd"
ENGLISH = "Home|added|Changes to &lt;b&gt;|2 processes|Draft|Approved"


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    """Environments as a new process has them (none made yet)."""
    made = dict(templating._MADE)
    templating._MADE.clear()
    yield
    templating._MADE.clear()
    templating._MADE.update(made)


@pytest.fixture(params=["built-in", "own"])
def folder(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the test's templates are: among the built-in ones, whose texts are translated
    when compiled, or the repository's own, whose texts are translated as they are rendered
    (see ``_Site._parse``); a page is the same either way."""
    place = tmp_path / request.param
    place.mkdir()
    if request.param == "built-in":
        monkeypatch.setattr(templating, "builtin_dir", lambda: place)
    return place


def _own(folder: Path) -> Path | None:
    return folder if folder.name == "own" else None


def _render(own: Path, cache: Path | None, compiled_in: str, rendered_in: str) -> str:
    with i18n.speaking(compiled_in):  # type: ignore[arg-type]
        template = environment(_own(own), cache).get_template("page.html")
    with i18n.speaking(rendered_in):  # type: ignore[arg-type]
        return template.render(name="<b>", status="approved")


def test_a_text_is_in_the_language_the_page_is_rendered_in(folder: Path) -> None:
    """``--lang en`` on a Swedish site: the template is looked up while English is spoken,
    and the page is in Swedish."""
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    assert _render(folder, None, "en", "sv") == SWEDISH
    assert _render(folder, None, "sv", "en") == ENGLISH
    assert _render(folder, None, "sv", "sv") == SWEDISH


def test_compiled_templates_kept_in_a_folder_are_kept_by_language(
    folder: Path, tmp_path: Path
) -> None:
    """A site's language changed between two builds with one cache: the compiled template
    of the first build's language is not taken for the second's."""
    own, cache = folder, tmp_path / "cache"
    cache.mkdir()
    (own / "page.html").write_text(PAGE, encoding="utf-8")
    assert _render(own, cache, "sv", "sv") == SWEDISH
    assert len(list(cache.iterdir())) == 1
    templating._MADE.clear()  # a new process
    assert _render(own, cache, "en", "en") == ENGLISH
    templating._MADE.clear()
    assert _render(own, cache, "sv", "sv") == SWEDISH


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        (
            "{% macro bracket(text) %}[{{ text }}]{% endmacro %}{% set _ = bracket %}"
            '{{ _("Home") }}',
            "[Home]",
        ),
        (
            "{% macro label(group, value) %}<{{ value }}>{% endmacro %}"
            '{{ label("status", "draft") }}',
            "<draft>",
        ),
        ('{% macro _(text) %}[{{ text }}]{% endmacro %}{{ _("Home") }}', "[Home]"),
        # ``~`` of constants joined when compiled would escape the Markup operand
        (
            '{{ _("Home") ~ "<br>"|safe }}|{{ label("status", "draft") ~ " & "|e }}',
            "Start<br>|Utkast &amp; ",
        ),
        ('{% call _("Home") %}x{% endcall %}', "Start"),
    ],
)
def test_a_template_that_gives_the_catalogue_names_a_meaning_of_its_own_keeps_it(
    folder: Path, page: str, shown: str
) -> None:
    (folder / "page.html").write_text(page, encoding="utf-8")
    assert _render(folder, None, "sv", "sv") == shown


def test_a_template_made_from_text_speaks_the_language_it_is_rendered_in() -> None:
    with i18n.speaking("en"):
        template = environment().from_string('{{ _("Home") }}')
    with i18n.speaking("sv"):
        assert template.render() == "Start"


def test_compiled_templates_are_named_by_the_catalogue_they_were_translated_by(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalogue changed under the same version of processkit (a checkout): the templates
    compiled with the former one are not taken."""
    before = templating._bytecode(tmp_path, "sv")
    monkeypatch.setattr(i18n, "catalogue_bytes", lambda language: b"another catalogue")
    after = templating._bytecode(tmp_path, "sv")
    assert before is not None and after is not None
    assert before.pattern != after.pattern


def test_a_value_without_a_word_is_told_as_before(folder: Path) -> None:
    (folder / "page.html").write_text('{{ label("status", "lost") }}', encoding="utf-8")
    with pytest.raises(KeyError, match="the site has no label for `lost` in `status`"):
        _render(folder, None, "sv", "sv")


class _Text(str):
    pass


VALUES = [
    "Anna <Ek> & 'Co' \"AB\"",
    "plain",
    "",
    _Text("<b>"),
    7,
    -3,
    True,
    2.5,
    None,
    Markup("<b>kept</b>"),
]
#: What a template does with a value: output it, in a macro, a block kept in a name, a filter
#: block, joined and put together.
USES = (
    "{% macro box(x) %}<i>{{ x }}</i>{% endmacro %}"
    "{% set kept %}{{ v }}{% endset %}"
    "{{ v }}|{{ box(v) }}|{{ kept }}|{{ kept|upper }}|{% filter upper %}{{ v }}{% endfilter %}"
    '|{{ v ~ v }}|{{ [v, v]|join(",") }}|{{ box(kept) }}'
)


@pytest.mark.parametrize("value", VALUES)
def test_what_a_page_outputs_is_escaped_as_jinja_escapes_it(folder: Path, value: object) -> None:
    (folder / "page.html").write_text(USES, encoding="utf-8")
    plain = Environment(autoescape=True, undefined=StrictUndefined).from_string(USES)
    with i18n.speaking("sv"):
        ours = environment(_own(folder)).get_template("page.html").render(v=value)
    assert ours == plain.render(v=value)
    assert templating._escape(value) == escape(value)


def test_a_template_of_its_own_added_is_found_in_every_language_once_looked_up_again(
    tmp_path: Path,
) -> None:
    """``serve`` on a Swedish site with ``--lang en``: a template added between two builds
    (which clear the templates in memory) replaces the built-in one in the pages too."""
    own = tmp_path / "own"
    own.mkdir()
    (own / "page.html").write_text(
        '{% import "macros.html" as m %}{{ m.status("draft") }}', encoding="utf-8"
    )
    with i18n.speaking("en"):
        env = environment(own)
    assert _render(own, None, "en", "sv") == '<span class="badge status-draft">Utkast</span>'
    (own / "macros.html").write_text(
        "{% macro status(value) %}{{ value }}{% endmacro %}", encoding="utf-8"
    )
    assert env.cache is not None
    env.cache.clear()
    assert _render(own, None, "en", "sv") == "draft"
