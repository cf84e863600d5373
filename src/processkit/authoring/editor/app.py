"""The editor's web application (Starlette): the start page, an entity's form, creating an
entity; every change guarded by the Host header, a CSRF token and a size limit."""

from __future__ import annotations

import functools
import hashlib
import html
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from processkit import i18n
from processkit.authoring.editor.checking import Checked, Checker, check_edit
from processkit.authoring.editor.fields import FormField, form_of
from processkit.authoring.editor.formdata import (
    apply_action,
    collect,
    read_fields,
    with_origins,
)
from processkit.authoring.editor.pages import (
    activity_choices,
    field_label,
    help_text,
    listing,
    names_of,
    place_label,
    value_word,
)
from processkit.authoring.editor.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    MAX_BODY,
    BodyLimit,
    allowed_hosts,
    host_allowed,
    inside,
    new_token,
    token_matches,
)
from processkit.authoring.editor.writeback import NotTheSame, written_text
from processkit.diagnostics import Diagnostic
from processkit.frozen import frozen
from processkit.fsutil import write_atomic
from processkit.i18n import N_, _, p_
from processkit.loading.repository import Repository
from processkit.loading.session import open_repository
from processkit.loading.yamlfile import read_yaml
from processkit.model import KINDS
from processkit.resources import html_templates, templates_dir
from processkit.words import capitalised, kind_word

LOG = logging.getLogger("processkit.edit")
#: The kinds the editor creates (an assessment is made by ``maturity``), with the link's words.
NEW_KINDS = {
    "process": N_("New process"),
    "role": N_("New role"),
    "person": N_("New person"),
    "handbook": N_("New handbook"),
    "proposal": N_("New improvement proposal"),
}


#: The kinds the editor has a form for (an assessment's scores are made by ``maturity``).
EDITED_KINDS = ("process", "area", "role", "person", "handbook", "proposal")


def entity_address(kind: str, entity_id: str) -> str:
    """The address of an entity's form."""
    return f"/process/{entity_id}" if kind == "process" else f"/entity/{kind}/{entity_id}"


def _form(kind: str) -> tuple[FormField, ...]:
    return form_of(KINDS[kind])


@frozen
class Where:
    """The entity a form is about: its kind, id, file, and the digest of the file's text as
    the form was opened."""

    kind: str
    entity_id: str
    path: str
    digest: str

    @property
    def address(self) -> str:
        return entity_address(self.kind, self.entity_id)


@dataclass(slots=True)
class Settings:
    """What the editor works on and how it is reached."""

    root: Path
    checker: Checker
    #: the day reviews are checked against, and new entities are dated (the command line
    #: reads the clock, or --today)
    today: date
    host: str = "127.0.0.1"
    #: the port the editor listens on; None: do not check the Host header's port
    port: int | None = None
    #: more host names a request may name (the name of a proxy in front of it)
    hosts: tuple[str, ...] = ()
    #: the header a single sign-on proxy puts the user's name in; None: not behind one
    user_header: str | None = None
    #: the branch a save is committed on; None: the current one
    branch: str | None = None
    #: whether a save is committed at all
    commit: bool = True


def _environment() -> Environment:
    env = html_templates("edit")
    env.filters["marked"] = marked
    env.globals.update(
        _=_,
        p_=p_,
        field_label=field_label,
        place_label=place_label,
        value_word=value_word,
        help_text=help_text,
        field_id=field_id,
        is_date=is_date,
        question_label=question_label,
    )
    return env


def question_label(text: str) -> str:
    """A question of ``processkit new`` as a field's label: chosen by name here, not by id."""
    return text.removesuffix(" (id)")


def is_date(value: object) -> bool:
    """Whether a value is a date a date field can show (else it is shown as text, so that a
    wrong date is seen and corrected, not emptied by the browser)."""
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def field_id(name: str) -> str:
    """The HTML id of a field path's control (``activities.2.role`` -> ``f-activities-2-role``)."""
    return "f-" + name.replace(".", "-")


class HostCheck:
    """Answers 400 to a request whose Host header does not name this editor (a page of
    another site must not reach it through a name that resolves to the loopback)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str], port: int | None) -> None:
        self.app = app
        self.hosts = hosts
        self.port = port

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers", []))
            header = headers.get(b"host", b"").decode("latin-1")
            if not host_allowed(header, self.hosts, self.port):
                response = PlainTextResponse(
                    _("This editor does not answer to the address `{host}`.", host=header),
                    status_code=400,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(settings: Settings) -> ASGIApp:
    """The editor over the repository at ``settings.root``."""
    editor = _Editor(settings)
    routes = [
        Route("/", editor.start, methods=["GET"]),
        Route("/process/{entity_id}", editor.entity_page, methods=["GET", "POST"]),
        Route("/process/{entity_id}/check", editor.live_check, methods=["POST"]),
        Route("/entity/{kind}/{entity_id}", editor.entity_page, methods=["GET", "POST"]),
        Route("/entity/{kind}/{entity_id}/check", editor.live_check, methods=["POST"]),
        Route("/new/{kind}", editor.new_page, methods=["GET", "POST"]),
        Route("/review", editor.send_for_review, methods=["POST"]),
        Mount("/static", StaticFiles(directory=templates_dir() / "edit" / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: editor.http_error, Exception: editor.crash},
    )
    hosts = allowed_hosts(settings.host, settings.hosts)
    return BodyLimit(HostCheck(app, hosts, settings.port), MAX_BODY)


class _Editor:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.env = _environment()
        self._before: list[Diagnostic] | None = None
        #: the branch this session's saves are committed on, once the first is
        self._branch: str | None = None
        #: what the next page says first (a save that could not be committed)
        self._notice: str | None = None

    # -- the pieces every page needs ---------------------------------------------------------

    def repo(self) -> Repository:
        # with the entities read only in part: a draft saved with an error opens again
        return open_repository(self.settings.root, partial=True).repo

    def before(self) -> list[Diagnostic]:
        """The diagnostics of the repository as it is on disk (until the next save)."""
        if self._before is None:
            self._before = self.settings.checker(self.settings.root).diagnostics
        return self._before

    def page(self, request: Request, template: str, status: int = 200, **context: Any) -> Response:
        token = request.cookies.get(CSRF_COOKIE) or new_token()
        body = self.env.get_template(template).render(
            csrf=token, language=i18n.current(), review_branch=self._branch, **context
        )
        response = HTMLResponse(body, status_code=status)
        if request.cookies.get(CSRF_COOKIE) != token:
            response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "frame-ancestors 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    async def form(self, request: Request) -> FormData:
        """The posted form, once its CSRF token is checked (403 without the right one)."""
        form = await request.form()
        sent = form.get(CSRF_FIELD)
        if not token_matches(
            request.cookies.get(CSRF_COOKIE), sent if isinstance(sent, str) else None
        ):
            raise HTTPException(
                403,
                _(
                    "The form has expired or did not come from this editor; reload the page and "
                    "try again."
                ),
            )
        return form

    def user(self, request: Request) -> tuple[str, str] | None:
        """The user's name from the single sign-on proxy's header, when one is configured."""
        if self.settings.user_header is None:
            return None
        name = " ".join(request.headers.get(self.settings.user_header, "").split())
        if not name or any(mark in name for mark in "<>\n\r\0"):
            return None
        return (name, "")  # a proxy gives the name alone

    # -- git ----------------------------------------------------------------------------------

    def _commit(self, request: Request, paths: list[str], message: str) -> str | None:
        """Commit a save on this session's branch (made at the first save, see
        ``authoring.review``); the commit's hash, or None when nothing was committed: saves
        are not committed (``--no-commit``), the repository is not in git, or git refused
        (then the next page says why)."""
        from processkit.authoring.review import commit_saved, in_git
        from processkit.errors import ProcesskitError

        if not self.settings.commit or not in_git(self.settings.root):
            return None
        try:
            saved = commit_saved(
                self.settings.root,
                paths,
                message,
                self.user(request),
                branch=self._branch or self.settings.branch,
                today=self.settings.today,
            )
        except ProcesskitError as error:
            self._notice = _(
                "The file was saved but not committed in git: {problem}", problem=str(error)
            )
            return None
        self._branch = saved.branch
        return saved.commit.sha

    async def send_for_review(self, request: Request) -> Response:
        """ "Skicka för granskning": push this session's branch and open a pull or merge
        request through the forge's API when a token is there, else say how to do it."""
        from processkit.authoring.review import submit_for_review
        from processkit.errors import ProcesskitError

        form = await self.form(request)
        if self._branch is None:
            return self.page(
                request,
                "review.html",
                status=409,
                submitted=None,
                problem=_(
                    "Nothing has been saved in this session yet, so there is nothing to send."
                ),
            )
        title = " ".join(str(form.get("title") or "").split()) or _("Changes from the form editor")
        body = str(form.get("body") or "").strip()
        try:
            submitted = submit_for_review(self.settings.root, self._branch, title, body)
        except ProcesskitError as error:
            return self.page(request, "review.html", status=502, submitted=None, problem=str(error))
        return self.page(request, "review.html", submitted=submitted, problem=None)

    # -- errors -------------------------------------------------------------------------------

    async def http_error(self, request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        detail = exc.detail if isinstance(exc, HTTPException) else ""
        if status == 404:
            detail = _("There is no such page in the editor.")
        elif status == 405:
            detail = _("The page cannot be used that way.")
        return self.page(request, "error.html", status=status, message=detail)

    async def crash(self, request: Request, exc: Exception) -> Response:
        LOG.exception("processkit edit: internal error")
        message = _(
            "Something went wrong in processkit; nothing was saved. Please report it with what "
            "you did."
        )
        return self.page(request, "error.html", status=500, message=message)

    # -- the start page -------------------------------------------------------------------------

    async def start(self, request: Request) -> Response:
        query = request.query_params.get("q", "").strip()
        repo = self.repo()
        areas = listing(repo)
        if query:
            folded = query.casefold()
            areas = [
                type(area)(
                    area.id,
                    area.name,
                    [
                        p
                        for p in area.processes
                        if folded in p.label.casefold() or folded in p.value
                    ],
                )
                for area in areas
            ]
            areas = [area for area in areas if area.processes]
        kinds = [(kind, _(word)) for kind, word in NEW_KINDS.items()]
        others = [
            (kind, capitalised(kind_word(kind, i18n.current(), 2)), names_of(repo, kind))
            for kind in EDITED_KINDS
            if kind != "process"
        ]
        return self.page(
            request, "start.html", areas=areas, query=query, kinds=kinds, others=others
        )

    # -- an entity's form -----------------------------------------------------------------------

    def _file(self, repo: Repository, kind: str, entity_id: str) -> tuple[str, str]:
        """The path of an entity's file and its text; 404 when there is no such entity."""
        if kind not in EDITED_KINDS:
            raise HTTPException(404)
        record = repo.of_kind(kind).get(entity_id)
        if record is None and entity_id in repo.known.get(kind, set()):
            raise HTTPException(
                409,
                _(
                    "`{id}` cannot be opened in a form: its file cannot be read; "
                    "`processkit validate` shows why.",
                    id=entity_id,
                ),
            )
        if record is None:
            raise HTTPException(404)
        path = str(record.path)
        target = inside(self.settings.root, path)
        if target is None:
            raise HTTPException(
                403, _("The file is outside the repository; the editor does not write there.")
            )
        return path, target.read_text(encoding="utf-8")

    def _check(self, where: Where, text: str, values: dict[str, Any]) -> Checked:
        """The checks of ``validate`` on the entity's file holding ``text``."""
        names = set(_field_names(_form(where.kind), values))
        return check_edit(
            self.settings.root,
            where.path,
            text,
            self.settings.checker,
            self.before(),
            draw=where.entity_id if where.kind == "process" else None,
            names=names,
        )

    def _check_form(self, where: Where, before: str, values: dict[str, Any]) -> Checked | None:
        """The checks on the file as the form would write it; None when it cannot be written."""
        try:
            text = written_text(before, values, _form(where.kind), where.path)
        except NotTheSame:
            return None
        return self._check(where, text, values)

    def _context(
        self, repo: Repository, kind: str, values: dict[str, Any], checked: Checked | None
    ) -> dict[str, Any]:
        choices = {
            name: names_of(repo, name) for name in ("area", "process", "person", "role", "handbook")
        }
        choices["activity"] = activity_choices(values)
        errors: dict[str, list[Diagnostic]] = checked.by_field if checked is not None else {}
        summary = [
            (name, diagnostic)
            for name, found in sorted(errors.items(), key=lambda item: item[1][0].line)
            for diagnostic in found
        ]
        return {
            "kind": kind,
            # the words of this kind's fields (an area's owner is no process owner)
            "field_label": functools.partial(field_label, kind=kind),
            "place_label": functools.partial(place_label, kind=kind),
            "fields": _form(kind),
            "values": values,
            "choices": choices,
            "errors": errors,
            "summary": summary,
            "elsewhere": checked.elsewhere if checked is not None else [],
            "svg": checked.svg if checked is not None else None,
        }

    def _form_page(
        self,
        request: Request,
        repo: Repository,
        where: Where,
        values: dict[str, Any],
        checked: Checked | None,
        *,
        saved: str | None = None,
        focus: str | None = None,
        problem: str | None = None,
    ) -> Response:
        return self.page(
            request,
            "entity.html",
            entity_id=where.entity_id,
            address=where.address,
            path=where.path,
            digest=where.digest,
            saved=saved,
            focus=focus,
            problem=problem,
            **self._context(repo, where.kind, values, checked),
        )

    async def entity_page(self, request: Request) -> Response:
        kind = request.path_params.get("kind", "process")
        entity_id = request.path_params["entity_id"]
        repo = self.repo()
        path, before = self._file(repo, kind, entity_id)
        fields = _form(kind)
        if request.method == "GET":
            parsed = read_yaml(path, before.encode("utf-8"), strip_extensions=True)
            values = with_origins(parsed.value if isinstance(parsed.value, dict) else {}, fields)
            where = Where(kind, entity_id, path, _digest(before))
            checked = self._check(where, before, values)
            saved = request.query_params.get("saved")
            notice, self._notice = self._notice, None
            return self._form_page(
                request, repo, where, values, checked, saved=saved, problem=notice
            )
        form = await self.form(request)
        values = _posted(kind, entity_id, form)
        # the file as it was when the form was opened: the places of its list items
        where = Where(kind, entity_id, path, str(form.get("digest") or ""))
        action = str(form.get("action") or "")
        if action and action != "save":
            focus = apply_action(values, action, fields)
            chosen = field_id(focus) if focus else None
            # the form as it is now, checked, with its map (nothing is written)
            now = self._check_form(where, before, values)
            return self._form_page(request, repo, where, values, now, focus=chosen)
        if where.digest != _digest(before):
            problem = _(
                "The file has changed since you opened it; nothing was saved. Open the process "
                "again to see the changes, then make yours."
            )
            return self._form_page(request, repo, where, values, None, problem=problem)
        return self._save(request, repo, where, before, values, form)

    def _save(
        self,
        request: Request,
        repo: Repository,
        where: Where,
        before: str,
        values: dict[str, Any],
        form: FormData,
    ) -> Response:
        fields = _form(where.kind)
        try:
            text = written_text(before, values, fields, where.path)
        except NotTheSame:
            problem = _(
                "The values could not be written so that they read back the same; nothing "
                "was saved."
            )
            return self._form_page(request, repo, where, values, None, problem=problem)
        checked = self._check(where, text, values)
        draft = form.get("draft") == "yes"
        if checked.errors and not draft:
            problem = _("Nothing was saved: correct the values marked below first.")
            return self._form_page(
                request, repo, where, values, checked, focus="summary", problem=problem
            )
        target = inside(self.settings.root, where.path)
        if target is None:
            raise HTTPException(
                403, _("The file is outside the repository; the editor does not write there.")
            )
        write_atomic(target, text)
        self._before = None
        title = values.get("name") or values.get("title") or where.entity_id
        message = str(form.get("message") or "").strip() or _("Edit {name}", name=title)
        commit = self._commit(request, [where.path], message)
        return RedirectResponse(f"{where.address}?saved={commit or 'yes'}", status_code=303)

    async def live_check(self, request: Request) -> Response:
        """The diagnostics of the form as it is now, and the flow map, as a piece of the page
        (htmx puts each diagnostic beside its field)."""
        kind = request.path_params.get("kind", "process")
        entity_id = request.path_params["entity_id"]
        repo = self.repo()
        path, before = self._file(repo, kind, entity_id)
        form = await self.form(request)
        fields = _form(kind)
        values = _posted(kind, entity_id, form)
        where = Where(kind, entity_id, path, "")
        checked = self._check_form(where, before, values)
        if checked is None:
            return HTMLResponse("")
        body = self.env.get_template("checks.html").render(
            names=_field_names(fields, values), **self._context(repo, kind, values, checked)
        )
        return HTMLResponse(body)

    # -- new entities ---------------------------------------------------------------------------

    async def new_page(self, request: Request) -> Response:
        from processkit.authoring.new import draft, questions
        from processkit.errors import ProcesskitError

        kind = request.path_params["kind"]
        if kind not in NEW_KINDS:
            raise HTTPException(404)
        repo = self.repo()
        asked = questions(kind, repo)
        choices = {
            "area": names_of(repo, "area"),
            "process": names_of(repo, "process"),
        }
        answers: dict[str, str | None] = {}
        problem = None

        def shown(problem: str | None, missing: dict[str, str]) -> Response:
            return self.page(
                request,
                "new.html",
                kind=kind,
                heading=_(NEW_KINDS[kind]),
                questions=asked,
                answers=answers,
                choices=choices,
                problem=problem,
                missing=missing,
            )

        if request.method == "POST":
            form = await self.form(request)
            answers = {q.field: str(form.get(q.field) or "").strip() or None for q in asked}
            missing = {
                q.field: _("{what} must be filled in.", what=question_label(q.text))
                for q in asked
                if answers[q.field] is None and q.default is None
            }
            if missing:
                return shown(None, missing)
            try:
                planned = draft(kind, answers, repo, self.settings.today)
                target = inside(self.settings.root, planned.path)
                if target is None:
                    raise HTTPException(
                        403,
                        _("The file is outside the repository; the editor does not write there."),
                    )
                if target.exists():
                    raise ProcesskitError(_("{path} already exists", path=planned.path))
                write_atomic(target, planned.text)
                self._before = None
                self._commit(request, [planned.path], _("Add {path}", path=planned.path))
                address = entity_address(kind, planned.id)
                return RedirectResponse(f"{address}?saved=yes", status_code=303)
            except ProcesskitError as error:
                problem = str(error)
        return shown(problem, {})


def _posted(kind: str, entity_id: str, form: FormData) -> dict[str, Any]:
    """The entity's values from its posted form; its kind and id are the page's, whatever the
    form says (a file is renamed in git, not in a form)."""
    values = read_fields(_form(kind), collect(_pairs(form)))
    return {
        "kind": kind,
        "id": entity_id,
        **{k: v for k, v in values.items() if k not in ("kind", "id")},
    }


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _pairs(form: FormData) -> list[tuple[str, str]]:
    return [(name, value) for name, value in form.multi_items() if isinstance(value, str)]


def _field_names(
    fields: tuple[FormField, ...], values: dict[str, Any], prefix: str = ""
) -> list[str]:
    """Every field path the form shows now (for clearing their diagnostics)."""
    names: list[str] = []
    for formfield in fields:
        name = prefix + formfield.name
        if formfield.widget == "items":
            for index, _item in enumerate(values.get(formfield.name, []) or []):
                names.append(f"{name}.{index}")
                names += _field_names(formfield.fields, {}, f"{name}.{index}.")
        elif formfield.widget == "group":
            names += _field_names(formfield.fields, {}, name + ".")
        elif formfield.widget != "hidden":
            names.append(name)
    return names


def marked(text: str) -> Markup:
    """A message with its `backticked` values as code, everything else escaped."""
    parts = html.escape(str(text), quote=True).split("`")
    out = [
        f"<code>{part}</code>" if index % 2 and index < len(parts) - 1 else part
        for index, part in enumerate(parts)
    ]
    return Markup("".join(out))
