"""What the editor's pages show: the words of fields and values, the choices of a reference,
and the start page's list, in the language in use."""

from __future__ import annotations

from typing import Any

from processkit import i18n
from processkit.frozen import frozen
from processkit.history.phrasing import field_labels
from processkit.i18n import _, p_
from processkit.loading.repository import Repository
from processkit.model.kinds import KIND_INFO
from processkit.words import DASH, capitalised, handbook_type_words, status_words


def field_label(name: str, kind: str = "process") -> str:
    """What a field of a ``kind`` is called on the form (the words the change log uses)."""
    if name == "id":
        return _("Id")
    if name == "kind":
        return _("Kind")
    if name == "owner" and kind == "process":
        return _("Process owner")
    return capitalised(field_labels(i18n.current()).get(name, name))


def place_label(name: str, kind: str = "process") -> str:
    """What a field path is called in the error summary: ``Aktiviteter, nummer 2 \u2013 Namn``."""
    parts = name.split(".")
    words: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        following = parts[index + 1] if index + 1 < len(parts) else None
        if following is not None and following.isdigit():
            words.append(
                _(
                    "{list}, number {number}",
                    list=field_label(part, kind),
                    number=int(following) + 1,
                )
            )
            index += 2
            continue
        words.append(field_label(part, kind))
        index += 1
    return f" {DASH} ".join(words)


def value_word(value: str) -> str:
    """A value chosen from a list (status, type, frequency, direction) in words."""
    statuses = status_words(i18n.current())
    if value in statuses:
        return capitalised(statuses[value])
    handbook_types = handbook_type_words(i18n.current())
    if value in handbook_types:
        return capitalised(handbook_types[value])
    if value.isdigit():
        return value
    return capitalised(p_("field value", value))


def help_text(description: str | None) -> str | None:
    """The model's description of a field as help, where the catalogue has it in the language
    in use (the descriptions are written in English with the Swedish term first)."""
    if not description:
        return None
    translated = _(description)
    if translated == description and i18n.current() != "en":
        return None
    return translated


@frozen
class Choice:
    value: str
    label: str


def names_of(repo: Repository, kind: str) -> list[Choice]:
    """Every entity of ``kind`` as a choice: its name, and its id where names repeat."""
    row = KIND_INFO[kind]
    found: list[Choice] = []
    for entity_id, record in repo.of_kind(kind).items():
        title = getattr(record.entity, row.title_field, None) if row.title_field else None
        found.append(Choice(entity_id, f"{title} ({entity_id})" if title else entity_id))
    return sorted(found, key=lambda choice: choice.label.casefold())


def activity_choices(values: dict[str, Any]) -> list[Choice]:
    """The process's own activities, as the form holds them now."""
    found: list[Choice] = []
    for item in values.get("activities", []) or []:
        if isinstance(item, dict) and item.get("id"):
            name = item.get("name")
            found.append(Choice(str(item["id"]), f"{name} ({item['id']})" if name else item["id"]))
    return found


@frozen
class AreaListing:
    id: str
    name: str
    processes: list[Choice]


def listing(repo: Repository) -> list[AreaListing]:
    """The areas in their configured order, each with its processes by name."""
    from processkit.domain.structure import processes_by_area, sorted_areas

    by_area = processes_by_area(repo)
    found: list[AreaListing] = []
    for area_id in sorted_areas(repo):
        processes = [
            Choice(pid, repo.processes[pid].entity.name) for pid in by_area.pop(area_id, [])
        ]
        processes.sort(key=lambda choice: choice.label.casefold())
        found.append(AreaListing(area_id, repo.areas[area_id].entity.name, processes))
    for area_id, ids in sorted(by_area.items()):
        processes = [Choice(pid, repo.processes[pid].entity.name) for pid in ids]
        found.append(AreaListing(area_id, area_id, processes))
    return found
