"""The Jinja2 environment of the site: autoescape on, undefined names are errors, every text
from the message catalogue (``_("English text")``, ``n_``, ``p_``, and ``label`` for a value's
word), and a repository's own templates in front of the built-in ones."""

from __future__ import annotations

import contextlib
import hashlib
import re
import traceback
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import Any, cast

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    Template,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
)
from jinja2.bccache import Bucket
from jinja2.visitor import NodeTransformer
from markupsafe import Markup, escape

from processkit import i18n
from processkit.cache import code_digest
from processkit.errors import ProcesskitError
from processkit.i18n import N_, _, n_, p_
from processkit.model.kinds import Language
from processkit.resources import templates_dir
from processkit.site.labels import label, label_in
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
    spoken = i18n.current()
    key = (overrides, cache_dir, spoken)
    found = _MADE.get(key)
    if found is None:
        found = _MADE[key] = _Site(overrides, cache_dir, spoken, _gone(spoken))
    return found


class _Site(Environment):
    """The environment of one language. A text a template gives as it is (``_("Owner")``,
    ``p_("change", "added")``) is translated once, when the template is compiled, not on
    every page (a process page has some two hundred). A page rendered in another language
    (``--lang`` other than the site's) is rendered by the environment of that language
    (``speaking``), which shares this one's templates in memory."""

    def __init__(
        self,
        overrides: Path | None,
        cache_dir: Path | None,
        language: Language,
        gone: Callable[..., str],
    ) -> None:
        builtin = FileSystemLoader(builtin_dir())
        loaders: list[BaseLoader] = [FileSystemLoader(overrides)] if overrides is not None else []
        loaders += [builtin, PrefixLoader({"builtin": builtin})]
        super().__init__(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=True,
            bytecode_cache=_bytecode(cache_dir, language),
        )
        self.language = language
        self.folders = (overrides, cache_dir)
        self.languages: dict[Language, _Site] = {language: self}
        self.gone = gone
        self.globals.update(_=_, n_=n_, p_=p_, label=label, t=gone)
        self.filters["mailto"] = mailto  # href="{{ person.email|mailto }}"
        self.filters[_FILL] = str.format
        self.filters[_LABEL] = lambda value, group: label_in(language, group, value)

    def speaking(self, language: Language) -> _Site:
        """The environment of ``language``, with this one's ``t`` (told in the command's
        language) and templates in memory: clearing them (a build) clears them for both."""
        found = self.languages.get(language)
        if found is None:
            overrides, cache_dir = self.folders
            found = _Site(overrides, cache_dir, language, self.gone)
            found.cache = self.cache
            found.languages = self.languages
            self.languages[language] = found
        return found

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        # a template made from a text (from_string) cannot be found again in another
        # language: its texts are translated as it is rendered. Nor are the texts of a site
        # with templates of its own translated when compiled: one of them may give ``_`` a
        # meaning of its own for the others (a child's ``{% set %}``, an included template),
        # which a template compiled alone cannot know
        if name is None or self.folders[0] is not None or _binds(tree, _TRANSLATED):
            return tree
        translated = _Translate(self.language).visit(tree)
        assert isinstance(translated, nodes.Template)
        return translated


class _Page(Template):
    """A template that renders in the language spoken (``i18n.speaking``), whichever
    environment it was looked up in, and escapes a text without making it ``Markup``."""

    @classmethod
    def _from_namespace(
        cls,
        environment: Environment,
        namespace: MutableMapping[str, Any],
        globals: MutableMapping[str, Any],
    ) -> Template:
        # the compiled template's module: what it outputs is escaped by the escape it imports
        namespace["escape"] = _escape
        return super()._from_namespace(environment, namespace, globals)

    def render(self, *args: Any, **kwargs: Any) -> str:
        site = self.environment
        spoken = i18n.current()
        if isinstance(site, _Site) and spoken != site.language and self.name is not None:
            return site.speaking(spoken).get_template(self.name).render(*args, **kwargs)
        return super().render(*args, **kwargs)


_Site.template_class = _Page


def _text_escape() -> Callable[[str], str] | None:
    """markupsafe's escaping of a text, without the ``Markup`` its ``escape`` makes of it
    (markupsafe 3, compiled); else None, and ``escape`` it is."""
    try:
        from markupsafe._speedups import _escape_inner
    except ImportError:
        return None
    return _escape_inner


_escape_text = _text_escape()


def _escape(value: object, /) -> str:
    """What a template outputs, escaped as ``markupsafe.escape`` escapes it. A text (some
    three hundred a page) is left a ``str``: a template joins what it outputs into one text,
    and marks the whole ``Markup`` where it needs to, so the ``Markup`` that ``escape`` makes
    of each part, in Python, costs time and changes nothing; so does escaping ``Markup``
    again, or a number."""
    if type(value) is str and _escape_text is not None:
        return _escape_text(value)
    if type(value) is Markup:  # a macro's output, a drawn map: escaped as it is
        return value
    if type(value) is int:  # a number, with nothing to escape
        return str(value)
    return escape(value)


#: The catalogue's functions whose calls with constant texts are translated when compiled,
#: and ``label``, whose calls with a constant group look the word up without a call through
#: the template's context.
_TRANSLATED = frozenset({"_", "p_", "label"})
#: The filter that fills a text translated when compiled: ``_("Version {version}",
#: version=v)`` is compiled as ``"Version {version}"|processkit_fill(version=v)``, the text
#: translated.
_FILL = "processkit_fill"
#: The filter that gives a value's word: ``label("status", s)`` is compiled as
#: ``s|processkit_label("status")``, in the language of the environment.
_LABEL = "processkit_label"


class _Translate(NodeTransformer):
    """``_("text")`` and ``p_("context", "text")`` as the translated text; with values
    (``_("text {name}", name=x)``) as the translated text filled by ``_FILL``; ``label("group",
    value)`` through ``_LABEL``. The same text the call gives, without a call through the
    template's context on every page."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        # ``~`` of constants is joined when compiled, as text: a ``Markup`` operand
        # (``"<br>"|safe``) would be escaped. Left to be joined as the page is rendered
        return node

    def visit_CallBlock(self, node: nodes.CallBlock) -> nodes.Node:
        # ``{% call _("Home") %}``: the call must stay a call
        return node

    def visit_Call(self, node: nodes.Call) -> nodes.Node:
        self.generic_visit(node)
        function = node.node
        if (
            not isinstance(function, nodes.Name)
            or function.name not in _TRANSLATED
            or node.dyn_args is not None
            or node.dyn_kwargs is not None
        ):
            return node
        if function.name == "label":
            return _label(node)
        if not all(isinstance(a, nodes.Const) and type(a.value) is str for a in node.args):
            return node
        texts = [cast(nodes.Const, arg).value for arg in node.args]
        if function.name == "_" and len(texts) == 1:
            text = i18n.translate(self.language, texts[0])
        elif function.name == "p_" and len(texts) == 2:
            text = i18n.translate_in_context(self.language, texts[0], texts[1])
        else:  # a call that fails: left to fail as it did
            return node
        if not node.kwargs:
            return nodes.Const(text, lineno=node.lineno)
        keywords = cast("list[nodes.Pair]", node.kwargs)  # keywords, as the parser gives them
        return nodes.Filter(nodes.Const(text), _FILL, [], keywords, None, None, lineno=node.lineno)


def _label(node: nodes.Call) -> nodes.Node:
    """``label("group", value)`` as ``value|processkit_label("group")``."""
    if len(node.args) != 2 or node.kwargs:
        return node
    group, value = node.args
    if not (isinstance(group, nodes.Const) and type(group.value) is str):
        return node
    return nodes.Filter(value, _LABEL, [group], [], None, None, lineno=node.lineno)


def _binds(tree: nodes.Template, names: frozenset[str]) -> bool:
    """Whether the template gives one of ``names`` a value of its own (``{% set _ = … %}``,
    a loop's, a macro's argument, an import): then its calls are left as they are."""
    if any(name.name in names and name.ctx != "load" for name in tree.find_all(nodes.Name)):
        return True
    if any(imported.target in names for imported in tree.find_all(nodes.Import)):
        return True
    if any(macro.name in names for macro in tree.find_all(nodes.Macro)):
        return True
    return any(
        (each[1] if isinstance(each, tuple) else each) in names
        for taken in tree.find_all(nodes.FromImport)
        for each in taken.names
    )


#: How the templates are compiled; part of the compiled templates' file names with processkit's
#: version, so that a compiled template is never used under other options.
_OPTIONS = "autoescape trim_blocks lstrip_blocks keep_trailing_newline strict translated"


def _bytecode(cache_dir: Path | None, language: Language) -> FileSystemBytecodeCache | None:
    """The compiled templates of ``language``: they hold its texts, so their file names hold
    the language and its catalogue too."""
    if cache_dir is None:
        return None
    from processkit import __version__

    stamp = hashlib.sha256(f"{__version__}\0{_OPTIONS}\0{language}\0".encode())
    stamp.update(i18n.catalogue_bytes(language))
    # the code that translates when compiling (also between two versions in development)
    stamp.update(
        code_digest("processkit.site.templating", "processkit.site.labels", "processkit.i18n")
    )
    return _Compiled(str(cache_dir), pattern=f"__jinja2_{stamp.hexdigest()[:12]}_%s.cache")


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


def speaking(env: Environment, language: Language) -> Environment:
    """The environment that renders pages in ``language`` (see ``_Page.render``): a template
    looked up there is rendered without being looked up again in that language."""
    return env.speaking(language) if isinstance(env, _Site) else env


def compile_templates(
    env: Environment, names: Iterable[str], language: Language
) -> dict[str, Template]:
    """The templates ``names``, by name, compiled by the environment that renders pages in
    ``language``: in the building process, before the page workers fork, not once in each
    of them."""
    site = speaking(env, language)
    return {name: site.get_template(name) for name in sorted(names)}


@contextlib.contextmanager
def own_templates_told(folder: Path | None, shown: str | None) -> Iterator[None]:
    """A problem raised in the block (a page compiled or rendered) that lies in a template of
    the repository's own (``site.templates``: the folder ``folder``, written ``shown`` in
    processkit.yaml) told in one line, in the language of the command: a template that cannot
    be read, a name or a value no page has, a template it asks for that is not there. A
    problem in a built-in template is left as it is: it is an error of processkit's."""
    try:
        yield
    except ProcesskitError:
        raise
    except Exception as problem:
        told = _told(problem, folder, shown) if folder is not None and shown else None
        if told is None:
            raise
        raise told from None


def _told(problem: Exception, folder: Path, shown: str) -> ProcesskitError | None:
    if isinstance(problem, TemplateSyntaxError):
        place = _own_place(problem.filename, folder, shown)
        if place is None:
            return None
        return ProcesskitError(
            _(
                "site.templates: {file}, line {line}: the template cannot be read ({problem})",
                file=place,
                line=problem.lineno,
                problem=problem.message or type(problem).__name__,
            )
        )
    # the template line the problem arose at: Jinja gives a template's lines their own frames
    # (file and line of the template); the innermost such frame decides whose problem it is
    found: tuple[str, int | None] | None = None
    builtin = builtin_dir().resolve()
    for frame in traceback.extract_tb(problem.__traceback__):
        place = _own_place(frame.filename, folder, shown)
        if place is not None:
            found = (place, frame.lineno)
        elif Path(frame.filename).resolve().is_relative_to(builtin):
            found = None
    if found is None:
        return None
    place, line = found
    if isinstance(problem, TemplateNotFound):
        return ProcesskitError(
            _(
                "site.templates: {file}, line {line}: there is no template {name}",
                file=place,
                line=line,
                name=problem.name,
            )
        )
    missing = _MISSING.search(str(problem)) if isinstance(problem, UndefinedError) else None
    if missing is not None:  # Jinja names the class of the value: the name is what matters
        return ProcesskitError(
            _(
                "site.templates: {file}, line {line}: the template uses `{name}`, which the page "
                "does not have",
                file=place,
                line=line,
                name=missing.group(1) or missing.group(2),
            )
        )
    return ProcesskitError(
        _(
            "site.templates: {file}, line {line}: the template cannot be used ({problem})",
            file=place,
            line=line,
            problem=str(problem) or type(problem).__name__,
        )
    )


#: The name in Jinja's message of a name or an attribute a value does not have.
_MISSING = re.compile(r"has no attribute '([^']*)'$|^'([^']*)' is undefined$")


def _own_place(filename: str | None, folder: Path, shown: str) -> str | None:
    """``filename`` as the repository names it (``shown``/…) where it is a file in the folder
    of the repository's own templates, else None."""
    if not filename:
        return None
    try:
        inside = Path(filename).resolve().relative_to(folder.resolve())
    except ValueError:
        return None
    return f"{shown.rstrip('/')}/{inside.as_posix()}"
