"""``new``: a new entity file from its template, with the next free id, in its usual folder."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from processkit.authoring.fmt import format_text
from processkit.authoring.ids import free_id, is_valid_id, shared_prefix, slugify
from processkit.authoring.proposal_new import next_proposal_id
from processkit.authoring.render import render
from processkit.diagnostics import did_you_mean, fold_swedish
from processkit.domain.lookup import unknown_id
from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.i18n import N_, _, current, p_
from processkit.loading.repository import Repository
from processkit.loading.yamlfile import read_yaml
from processkit.model import KINDS, Handbook, Process, Role
from processkit.model.introspect import vocabulary
from processkit.model.kinds import KIND_INFO
from processkit.model.types import SWEDISH_VALUES
from processkit.words import kind_word

NEW_KINDS = tuple(KIND_INFO)

#: Every value a template may use; those not given are empty.
TEMPLATE_FIELDS = (
    "name",
    "title",
    "area",
    "type",
    "category",
    "process",
    "parent",
    "owner",
    "email",
    "by",
    "leaders",
    "status",
    "purpose",
    "customer",
    "description",
    "imported_from",
)


def _offered(model: type[BaseModel], field: str, default: str) -> tuple[str, ...]:
    """The values ``new`` offers for a field: the suggested one first, then the model's order."""
    values = vocabulary(model, field)
    return (default, *(value for value in values if value != default))


PROCESS_TYPES = _offered(Process, "type", "core")
ROLE_CATEGORIES = _offered(Role, "category", "operational")
HANDBOOK_TYPES = _offered(Handbook, "type", "handbook")


@frozen
class Question:
    """A value ``new`` needs: asked on a terminal, given as ``--<field>`` otherwise."""

    field: str
    text: str  # in the language in use
    choices: tuple[str, ...] = ()
    default: str | None = None


@frozen
class Draft:
    """The file ``new`` is about to write."""

    kind: str
    id: str
    path: str
    text: str


def questions(kind: str, repo: Repository) -> list[Question]:
    """What ``new KIND`` asks for, in order, with the choices the repository offers."""
    areas = tuple(sorted(repo.known.get("area", ())))
    processes = tuple(sorted(repo.known.get("process", ())))
    only = areas[0] if len(areas) == 1 else None
    table: dict[str, list[Question]] = {
        "area": [Question("name", _("Name of the delivery area"))],
        "process": [
            Question("name", _("Name of the process")),
            Question("area", _("Delivery area (id)"), areas, only),
            Question("type", p_("question", "Type"), PROCESS_TYPES, PROCESS_TYPES[0]),
        ],
        "role": [
            Question("name", _("Name of the role")),
            Question("category", p_("question", "Category"), ROLE_CATEGORIES, ROLE_CATEGORIES[0]),
        ],
        "person": [Question("name", _("Full name"))],
        "handbook": [
            Question("title", _("Title of the handbook or routine")),
            Question("type", p_("question", "Type"), HANDBOOK_TYPES, HANDBOOK_TYPES[0]),
        ],
        "proposal": [
            Question("process", _("Process it is about (id)"), processes),
            Question("title", _("The proposal in a few words")),
        ],
        "assessment": [Question("process", _("Process assessed (id)"), processes)],
    }
    return table[kind]


def draft(kind: str, answers: Mapping[str, str | None], repo: Repository, today: date) -> Draft:
    """The file for a new ``kind`` entity from ``answers`` (flag name -> value).

    Raises ProcesskitError, in one line, when a value is missing or wrong.
    """
    if kind not in NEW_KINDS:
        raise ProcesskitError(
            _(
                "`{kind}` is not a kind; choose one of {kinds}",
                kind=kind,
                kinds=", ".join(NEW_KINDS),
            )
        )
    values = {key: _cleaned(key, value) for key, value in answers.items()}
    for question in questions(kind, repo):
        if not values.get(question.field):
            values[question.field] = question.default
        value = values.get(question.field)
        if value is None and question.field in ("area", "process") and not question.choices:
            raise ProcesskitError(_(_NONE_YET[question.field]))
        if value is None:
            raise ProcesskitError(
                _(
                    "processkit new {kind} needs --{field} ({what})",
                    kind=kind,
                    field=question.field,
                    what=question.text.lower().removesuffix(" (id)"),
                )
            )
        if question.field in ("type", "category"):
            values[question.field] = _choice(question, value)
    _resolve_references(kind, values, repo)
    entity_id = _choose_id(kind, values, repo, today)
    row = KIND_INFO[kind]
    folder = row.folder + (f"/{values['area']}" if row.by_area else "")
    path = f"{folder}/{entity_id}.yaml"
    if (repo.root / path).exists():
        raise ProcesskitError(_("{path} already exists; give another id with --id", path=path))
    context = {
        **dict.fromkeys(TEMPLATE_FIELDS),
        **values,
        "id": entity_id,
        "today": today.isoformat(),
        "dimensions": repo.config.maturity.dimensions,
        "levels": repo.config.maturity.levels,
    }
    text = _canonical(render(row.new_template, **context), path)
    return Draft(kind, entity_id, path, text)


def _cleaned(field: str, value: str | None) -> str | None:
    """An answer without surrounding space; a one-line value with its spaces collapsed."""
    if not value or not value.strip():
        return None
    if field == "description":  # Markdown: its lines and indentation are kept
        return value.strip("\n")
    return " ".join(value.split())


def created(planned: Draft) -> str:
    """What ``new`` says when it has written ``planned``."""
    return _("Created {path} (id `{id}`).", path=planned.path, id=planned.id)


def write(root: Path, planned: Draft) -> Path:
    """Write the drafted file; it must not exist yet."""
    from processkit.fsutil import write_atomic

    target = root / planned.path
    if target.exists():
        raise ProcesskitError(
            _("{path} already exists; processkit new does not overwrite", path=planned.path)
        )
    write_atomic(target, planned.text)
    return target


def _choice(question: Question, value: str) -> str:
    """The value if it is one of the choices (a Swedish word for one counts too)."""
    if value in question.choices:
        return value
    swedish = SWEDISH_VALUES.get(value.lower())
    if swedish in question.choices:
        return swedish
    near = did_you_mean(value, question.choices)
    field = question.field
    if near:
        raise ProcesskitError(
            _(
                "--{field}: `{value}` is not a {field}; did you mean `{near}`?",
                field=field,
                value=value,
                near=near,
            )
        )
    raise ProcesskitError(
        _(
            "--{field}: `{value}` is not a {field}; choose one of {choices}",
            field=field,
            value=value,
            choices=", ".join(f"`{choice}`" for choice in question.choices),
        )
    )


#: What ``new`` says when a process or proposal needs an area or process and there is none.
_NONE_YET = {
    "area": N_("there is no delivery area here yet; create one first with `processkit new area`"),
    "process": N_("there is no process here yet; create one first with `processkit new process`"),
}

#: flag -> the kind of entity it names
_REFERENCES = {"area": "area", "process": "process", "parent": "process", "owner": "person"}


def _resolve_references(kind: str, values: dict[str, str | None], repo: Repository) -> None:
    """Every flag that names an entity must name one that exists (an id, or its name)."""
    for field, target in _REFERENCES.items():
        value = values.get(field)
        if not value:
            continue
        if kind == "area" and field == "area":
            continue
        values[field] = _find(repo, target, value, f"--{field}")


def _find(repo: Repository, kind: str, written: str, flag: str) -> str:
    found = named(repo, kind, written)
    if found is None:
        raise unknown_id(kind, written, repo.known.get(kind, set()), option=flag)
    return found


def named(repo: Repository, kind: str, written: str) -> str | None:
    """The id of the ``kind`` entity ``written`` names: its id, or its name or title (case and
    å, ä, ö aside); None when it names none."""
    if written in repo.known.get(kind, set()):
        return written
    folded = fold_swedish(written)
    for record_id, record in sorted(repo.of_kind(kind).items()):
        if fold_swedish(KIND_INFO[kind].title_of(record.entity)) == folded:
            return record_id
    return None


def _choose_id(kind: str, values: Mapping[str, str | None], repo: Repository, today: date) -> str:
    taken = repo.known.get(kind, set())
    given = values.get("id")
    if given:
        if not is_valid_id(given):
            raise ProcesskitError(
                _(
                    "--id: `{given}` is not a valid id: use 1-64 characters a-z, 0-9, - _ . "
                    "starting with a letter or digit, for example `{example}`",
                    given=given,
                    example=slugify(given) or "min-process",
                )
            )
        if given in taken:
            raise ProcesskitError(
                _(
                    "--id: a {kind} with the id `{given}` exists",
                    kind=kind_word(kind, current()),
                    given=given,
                )
            )
        return given
    makers: dict[str, Callable[[], str]] = {
        "proposal": lambda: next_proposal_id(repo, today.year),
        "assessment": lambda: free_id(f"mm-{today.year}-{values['process']}"[:64], taken),
        "process": lambda: _process_id(values, repo),
    }
    maker = makers.get(kind)
    if maker is not None:
        base = maker()
    else:
        base = slugify(values.get("name") or values.get("title") or "")
    if not base:
        raise ProcesskitError(
            _(
                "cannot make an id from `{text}`; give one with --id",
                text=values.get("name") or values.get("title"),
            )
        )
    return free_id(base, taken)


def _process_id(values: Mapping[str, str | None], repo: Repository) -> str:
    slug = slugify(values.get("name") or "")
    if not slug:
        return ""
    siblings = [pid for pid, rec in repo.processes.items() if rec.entity.area == values["area"]]
    prefix = shared_prefix(siblings)
    if prefix and not slug.startswith(prefix):
        slug = (prefix + slug)[:64].rstrip("-._")
    return slug


def _canonical(text: str, path: str) -> str:
    """The template's text in fmt's layout, checked against the model before it is written."""
    parsed = read_yaml(path, text.encode("utf-8"))
    if parsed.diagnostics:
        raise ProcesskitError(
            _("the new file would not be valid YAML: {problem}", problem=parsed.diagnostics[0])
        )
    kind = parsed.value.get("kind")
    from pydantic import ValidationError

    try:
        KINDS[kind].model_validate(parsed.value)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ProcesskitError(
            _(
                "the new file would not be valid: `{where}`: {problem}",
                where=where,
                problem=first["msg"],
            )
        ) from None
    formatted = format_text(text, path)
    return formatted.after if formatted.after is not None else text
