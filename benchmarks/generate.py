"""Write a synthetic, valid process repository of a given size.

    python benchmarks/generate.py N OUTDIR [--seed S] [--as-of YYYY-MM-DD]

The repository follows FORMAT.md v1: areas, roles, people, processes (all three types, about a
quarter sub-processes, mostly approved), handbooks, proposals and assessments. Every reference
resolves, interfaces are mirrored, every activity is reachable from the first one, and every
role, person and handbook is used. Texts are random Swedish phrases; a process file is about
2-3 KB. The output depends only on N, the seed and the as-of date: the same bytes on every run.

Approval dates fall in the year before the as-of date, so no review is overdue on that date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

import words as w
from yamltext import flow_list, literal_block, scalar

GENERATOR_VERSION = 1
MARKER = ".benchmark-repo.json"
DEFAULT_AS_OF = dt.date(2026, 11, 1)
MAX_PROCESS_ID = 48  # leaves room for "-YYYY-MM-DD" in assessment ids (64 at most)
FREQUENCIES = ("weekly", "monthly", "monthly", "quarterly", "quarterly", "yearly")
DIMENSIONS = ("design", "performers", "owner", "infrastructure", "metrics")
CHAPTER_TITLES = (
    "Syfte",
    "Ansvar och roller",
    "Arbetsgång",
    "Dokumentation",
    "Uppföljning",
    "Sekretess",
    "Mallar och stöd",
)

T = TypeVar("T")


class Deck(Generic[T]):
    """Draws items in shuffled rounds, so every item is drawn before any is drawn twice."""

    def __init__(self, items: Sequence[T], rng: random.Random) -> None:
        self._items = list(items)
        self._distinct = frozenset(self._items)
        self._rng = rng
        self._pile: list[T] = []

    def draw(self) -> T:
        """Return the next item, reshuffling a fresh round when the pile is empty."""
        if not self._pile:
            self._pile = list(self._items)
            self._rng.shuffle(self._pile)
        return self._pile.pop()

    def draw_distinct(self, count: int, exclude: Iterable[T] = ()) -> list[T]:
        """Return up to ``count`` different items, none of them in ``exclude``."""
        taken = set(exclude)
        result: list[T] = []
        limit = min(count, len(self._distinct - taken))
        for _ in range(4 * len(self._items) + count):
            if len(result) >= limit:
                break
            item = self.draw()
            if item not in taken:
                taken.add(item)
                result.append(item)
        return result


def slug(text: str) -> str:
    """Return ``text`` as an id: lower case ASCII letters, digits and single hyphens."""
    table = str.maketrans("åäöéüÅÄÖÉÜ", "aaoeuaaoeu")
    chars = [c if c.isascii() and c.isalnum() else "-" for c in text.translate(table).lower()]
    return "-".join(part for part in "".join(chars).split("-") if part)


def clip_id(text: str, limit: int) -> str:
    """Cut an id to ``limit`` characters at a hyphen where possible."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut.rsplit("-", 1)[0] if "-" in cut[limit // 2 :] else cut


def unique_id(base: str, taken: set[str], limit: int = 64) -> str:
    """Return ``base`` (or ``base-2``, ``base-3``…) so that it is not in ``taken``; record it."""
    candidate = clip_id(base, limit)
    number = 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = clip_id(base, limit - len(suffix)) + suffix
        number += 1
    taken.add(candidate)
    return candidate


# ---------------------------------------------------------------------------- texts


class Text:
    """Random Swedish phrases from the vocabulary in ``words.py``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: Sequence[str]) -> str:
        """Return one of ``items``."""
        return items[self.rng.randrange(len(items))]

    def sentence(self) -> str:
        """Return a sentence like "Enheten säkerställer trygg omsorg i rätt tid."."""
        return (
            f"{self.pick(w.SUBJECTS)} {self.pick(w.VERBS)} {self.pick(w.ADJECTIVES)} "
            f"{self.pick(w.NOUNS)} {self.pick(w.PHRASES)}."
        )

    def short(self) -> str:
        """Return a short sentence like "Enheten säkerställer trygg omsorg."."""
        return (
            f"{self.pick(w.SUBJECTS)} {self.pick(w.VERBS)} {self.pick(w.ADJECTIVES)} "
            f"{self.pick(w.NOUNS)}."
        )

    def sentences(self, low: int, high: int) -> str:
        """Return between ``low`` and ``high`` sentences as one paragraph."""
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def purpose(self) -> str:
        """Return a purpose statement (syfte)."""
        return (
            f"Att {self.pick(w.OBJECTS)} tas om hand {self.pick(w.PHRASES)} så att "
            f"{self.pick(w.NOUNS)} blir {self.pick(w.ADJECTIVES)}."
        )

    def value(self) -> str:
        """Return the value a process delivers."""
        return (
            f"{self.pick(w.ADJECTIVES).capitalize()} {self.pick(w.NOUNS)} {self.pick(w.PHRASES)}."
        )

    def need(self) -> str:
        """Return the need that starts a process."""
        return f"Behov av {self.pick(w.ADJECTIVES)} {self.pick(w.NOUNS)}"

    def artifacts(self, low: int, high: int) -> list[str]:
        """Return a few different in- or output names."""
        return self.rng.sample(w.ARTIFACTS, self.rng.randint(low, high))


# ---------------------------------------------------------------------------- model


@dataclass
class Area:
    """A delivery area and what is drawn from it."""

    id: str
    name: str
    abbreviation: str
    order: int
    unit: str
    customers: str
    owner: str
    roles: list[str]
    objects: list[str]
    processes: list[Process] = field(default_factory=list)
    handbooks: list[str] = field(default_factory=list)


@dataclass
class Activity:
    """One step of a process flow."""

    id: str
    name: str
    role: str
    accountable: str | None
    consulted: list[str]
    informed: list[str]
    description: str | None
    next: list[str]
    documents: list[str]


@dataclass
class Interface:
    """One side of a link between two processes."""

    process: str
    direction: str
    description: str


@dataclass
class Process:
    """A process and the references it holds; texts are drawn when it is written."""

    id: str
    name: str
    subject: str
    area: Area
    type: str
    parent: Process | None
    status: str
    owner: str | None = None
    leaders: list[str] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    interfaces: list[Interface] = field(default_factory=list)
    handbooks: list[str] = field(default_factory=list)
    control_roles: list[str] = field(default_factory=list)
    approved: dt.date | None = None


@dataclass
class Handbook:
    """A handbook or routine and the processes that refer to it."""

    id: str
    title: str
    type: str
    area: Area
    owner: str
    processes: list[str] = field(default_factory=list)


@dataclass
class Person:
    """A person who can own or lead processes."""

    id: str
    name: str
    title: str
    unit: str
    username: str


@dataclass
class Repository:
    """Everything generated, before it is written."""

    areas: list[Area]
    people: list[Person]
    processes: list[Process]
    handbooks: list[Handbook]


# ---------------------------------------------------------------------------- building


def area_count(size: int) -> int:
    """About one area per 40 processes, at least four."""
    return max(4, round(size / 40))


def make_people(rng: random.Random, count: int) -> list[Person]:
    """Return ``count`` people with unique ids and usernames."""
    ids: set[str] = set()
    usernames: set[str] = set()
    people = []
    for _ in range(count):
        first, last = rng.choice(w.FIRST_NAMES), rng.choice(w.LAST_NAMES)
        person_id = unique_id(slug(f"{first} {last}"), ids)
        username = unique_id(slug(first)[:3] + slug(last)[:3], usernames)
        title = rng.choice(w.OPERATIONAL_ROLES)[1]
        people.append(Person(person_id, f"{first} {last}", title, rng.choice(w.UNITS), username))
    return people


def area_name(index: int) -> str:
    """Return the index-th area name: the base names, then with districts, then numbered."""
    base = w.AREA_NAMES[index % len(w.AREA_NAMES)]
    round_ = index // len(w.AREA_NAMES)
    if round_ == 0:
        return base
    district = round_ - 1
    if district < len(w.DISTRICTS):
        return f"{base} {w.DISTRICTS[district]}"
    return f"{base} {round_ - len(w.DISTRICTS) + 1}"


def abbreviate(name: str) -> str:
    """Return a short id prefix for an area name, e.g. "Barn och unga" -> "bu"."""
    parts = [p for p in slug(name).split("-") if p != "och"]
    return parts[0][:3] if len(parts) == 1 else "".join(p[0] for p in parts)


def make_areas(rng: random.Random, count: int, people: Deck[str]) -> list[Area]:
    """Return ``count`` areas, each with a pool of operational roles and process subjects."""
    role_deck = Deck([role_id for role_id, _ in w.OPERATIONAL_ROLES], rng)
    ids: set[str] = set()
    abbreviations: set[str] = set()
    areas = []
    for index in range(count):
        name = area_name(index)
        areas.append(
            Area(
                id=unique_id(slug(name), ids),
                name=name,
                abbreviation=unique_id(abbreviate(name), abbreviations, 8),
                order=(index + 1) * 10,
                unit=rng.choice(w.UNITS),
                customers=rng.choice(w.CUSTOMERS),
                owner=people.draw(),
                roles=role_deck.draw_distinct(8),
                objects=rng.sample(w.PROCESS_OBJECTS, 24),
            )
        )
    return areas


def split_sizes(rng: random.Random, total: int, parts: int) -> list[int]:
    """Split ``total`` into ``parts`` uneven, non-negative sizes."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    scale = total / sum(weights)
    sizes = [int(weight * scale) for weight in weights]
    for index in range(total - sum(sizes)):
        sizes[index % parts] += 1
    return sizes


def process_name(rng: random.Random, area: Area, taken: set[str]) -> tuple[str, str]:
    """Return a process name not yet used in ``area``, and the subject it is about."""
    for _ in range(50):
        subject = rng.choice(area.objects)
        name = f"{rng.choice(w.PROCESS_VERBS)} {subject}"
        if name not in taken:
            break
    number = 2
    base = name
    while name in taken:
        name = f"{base} {number}"
        number += 1
    taken.add(name)
    return name, subject


def pick_status(rng: random.Random) -> str:
    """Mostly approved, some on review, some drafts."""
    roll = rng.random()
    return "approved" if roll < 0.8 else "review" if roll < 0.9 else "draft"


def pick_type(rng: random.Random) -> str:
    """Management processes are few, core processes many."""
    roll = rng.random()
    return "management" if roll < 0.12 else "core" if roll < 0.65 else "support"


def make_area_processes(
    rng: random.Random, area: Area, count: int, ids: set[str], as_of: dt.date
) -> list[Process]:
    """Return ``count`` processes of ``area``; about a quarter are sub-processes."""
    names: set[str] = set()
    processes: list[Process] = []
    for index in range(count):
        name, subject = process_name(rng, area, names)
        top_level = [p for p in processes if p.parent is None]
        parent = None
        if index >= 2 and rng.random() < 0.25 and top_level:
            # Mostly a top-level parent, now and then a sub-process: chains of depth two.
            pool = processes if rng.random() < 0.15 else top_level
            parent = rng.choice(pool)
        status = pick_status(rng)
        process = Process(
            id=unique_id(f"{area.abbreviation}-{slug(name)}", ids, MAX_PROCESS_ID),
            name=name,
            subject=subject,
            area=area,
            type=parent.type if parent else pick_type(rng),
            parent=parent,
            status=status,
        )
        if status == "approved":
            process.approved = as_of - dt.timedelta(days=rng.randint(10, 330))
        processes.append(process)
    return processes


def assign_people(rng: random.Random, processes: list[Process], people: Deck[str]) -> None:
    """Give every process past draft an owner (and most drafts too) and one or two leaders."""
    for process in processes:
        if process.status != "draft" or rng.random() < 0.5:
            process.owner = people.draw()
        exclude = [process.owner] if process.owner else []
        process.leaders = people.draw_distinct(rng.randint(1, 2), exclude)


def make_flow(rng: random.Random, count: int) -> list[list[int]]:
    """Return ``next`` indexes for ``count`` steps: a chain with forward branches, one end.

    Every step is reachable from the first; only the last has no successor.
    """
    flow = [[index + 1] for index in range(count - 1)] + [[]]
    for index in range(count - 2):
        if rng.random() < 0.2:
            flow[index].append(index + 2)
    return flow


def make_activities(
    rng: random.Random, text: Text, process: Process, roles: Deck[str], governance: Deck[str]
) -> None:
    """Fill in the activities of ``process``: 4-8 steps, RACI roles, a branching flow."""
    count = rng.choice((4, 4, 5, 5, 5, 6, 6, 7, 8))
    steps = sorted(rng.sample(range(len(w.ACTIVITY_STEPS)), count))
    flow = make_flow(rng, count)
    ids = [w.ACTIVITY_STEPS[step][0] for step in steps]
    subject = process.subject.split(" ", 1)[0]
    for index, step in enumerate(steps):
        performer = roles.draw()
        others = roles.draw_distinct(3, [performer])
        informed = others[2:]
        if rng.random() < 0.1:
            informed.append(governance.draw())
        process.activities.append(
            Activity(
                id=ids[index],
                name=f"{w.ACTIVITY_STEPS[step][1]} {subject}",
                role=performer,
                accountable=others[0] if others and rng.random() < 0.7 else None,
                consulted=others[1:2] if rng.random() < 0.35 else [],
                informed=informed if rng.random() < 0.2 else [],
                description=text.short() if rng.random() < 0.2 else None,
                next=[ids[target] for target in flow[index]],
                documents=[],
            )
        )


def link(a: Process, b: Process, description: str, pairs: set[tuple[str, str]]) -> None:
    """Add the mirrored interface a -> b (out on a, in on b)."""
    pairs.add((min(a.id, b.id), max(a.id, b.id)))
    a.interfaces.append(Interface(b.id, "out", description))
    b.interfaces.append(Interface(a.id, "in", description))


def linkable(a: Process, b: Process, pairs: set[tuple[str, str]]) -> bool:
    """True when a and b are different, not yet linked, and b has room for one more."""
    return a is not b and len(b.interfaces) < 3 and (min(a.id, b.id), max(a.id, b.id)) not in pairs


def make_interfaces(rng: random.Random, areas: list[Area]) -> None:
    """Link the processes: a chain through each area, then extra links up to 1-3 each."""
    pairs: set[tuple[str, str]] = set()
    everyone = [p for area in areas for p in area.processes]

    def describe() -> str:
        first, second = rng.sample(w.ARTIFACTS, 2)
        return f"{first} och {second.lower()}" if rng.random() < 0.3 else first

    for area in areas:
        chain = list(area.processes)
        rng.shuffle(chain)
        for a, b in itertools.pairwise(chain):
            if rng.random() < 0.5:
                a, b = b, a
            link(a, b, describe(), pairs)
    for process in everyone:
        wanted = rng.randint(1, 3)
        for _ in range(6):
            if len(process.interfaces) >= wanted:
                break
            pool = process.area.processes if rng.random() < 0.7 else everyone
            other = pool[rng.randrange(len(pool))]
            if linkable(process, other, pairs):
                link(process, other, describe(), pairs)
    for process in [p for p in everyone if not p.interfaces]:  # left alone by the draws
        start = rng.randrange(len(everyone))
        for other in everyone[start:] + everyone[:start]:
            if linkable(process, other, pairs):
                link(process, other, describe(), pairs)
                break


def make_handbooks(
    rng: random.Random, areas: list[Area], people: Deck[str], ids: set[str]
) -> list[Handbook]:
    """Give each area with processes about one handbook per 20 processes; refer to them."""
    handbooks: list[Handbook] = []
    by_id: dict[str, Handbook] = {}
    for area in areas:
        if not area.processes:
            continue
        for _ in range(max(1, round(len(area.processes) / 20))):
            kind, word = rng.choice(w.HANDBOOK_TYPES)
            subject = rng.choice(area.objects)
            handbook = Handbook(
                id=unique_id(f"{word}-{area.abbreviation}-{slug(subject)}", ids, 60),
                title=f"{word.capitalize()} för {subject}",
                type=kind,
                area=area,
                owner=people.draw(),
            )
            area.handbooks.append(handbook.id)
            handbooks.append(handbook)
            by_id[handbook.id] = handbook
        deck = Deck(area.handbooks, rng)
        for process in area.processes:
            process.handbooks = deck.draw_distinct(rng.randint(1, 2))
            for activity in process.activities:
                if rng.random() < 0.15:
                    activity.documents = [rng.choice(process.handbooks)]
            for handbook_id in process.handbooks:
                by_id[handbook_id].processes.append(process.id)
    return handbooks


def ensure_used(
    items: Iterable[str],
    used: set[str],
    processes: list[Process],
    use: Callable[[Process, str], None],
) -> None:
    """Refer to every item of ``items`` not in ``used`` from some process (only tiny repos)."""
    missing = [item for item in items if item not in used]
    for index, item in enumerate(missing):
        if processes:
            use(processes[index % len(processes)], item)


def roles_used(processes: list[Process]) -> set[str]:
    """Return every role id referred to by the processes."""
    used: set[str] = set()
    for process in processes:
        used.update(process.control_roles)
        for a in process.activities:
            used.update([a.role, *a.consulted, *a.informed])
            if a.accountable:
                used.add(a.accountable)
    return used


def people_used(areas: list[Area], processes: list[Process], handbooks: list[Handbook]) -> set[str]:
    """Return every person id referred to by areas, processes and handbooks."""
    used = {area.owner for area in areas} | {h.owner for h in handbooks}
    for process in processes:
        used.update(process.leaders)
        if process.owner:
            used.add(process.owner)
    return used


def build(size: int, seed: int, as_of: dt.date) -> Repository:
    """Draw the structure of a repository of ``size`` processes."""
    rng = random.Random(seed)
    text = Text(rng)
    people = make_people(rng, max(12, round(size / 8)))
    person_deck = Deck([p.id for p in people], rng)
    areas = make_areas(rng, area_count(size), person_deck)
    process_ids: set[str] = set()
    for area, count in zip(areas, split_sizes(rng, size, len(areas)), strict=True):
        area.processes = make_area_processes(rng, area, count, process_ids, as_of)
    processes = [p for area in areas for p in area.processes]
    assign_people(rng, processes, person_deck)
    governance = Deck([role[0] for role in w.GOVERNANCE_ROLES], rng)
    for area in areas:
        roles = Deck(area.roles, rng)
        for process in area.processes:
            make_activities(rng, text, process, roles, governance)
            process.control_roles = [
                governance.draw() for _ in range(1 if rng.random() < 0.85 else 2)
            ]
    make_interfaces(rng, areas)
    handbooks = make_handbooks(rng, areas, person_deck, set())
    all_roles = [r[0] for r in w.OPERATIONAL_ROLES] + [r[0] for r in w.GOVERNANCE_ROLES]
    ensure_used(
        all_roles,
        roles_used(processes),
        processes,
        lambda p, role: p.activities[0].informed.append(role),
    )
    ensure_used(
        [p.id for p in people],
        people_used(areas, processes, handbooks),
        processes,
        lambda p, person: p.leaders.append(person),
    )
    return Repository(areas, people, processes, handbooks)


# ---------------------------------------------------------------------------- writing


def config_text(size: int, seed: int) -> str:
    """Return processkit.yaml."""
    return (
        f"# Synthetic repository from benchmarks/generate.py: {size} processes, seed {seed}.\n"
        "organisation: Socialförvaltningen, Sjöstads kommun\n"
        "site:\n"
        "  title: Processer i Sjöstad\n"
        "  language: sv\n"
        "review:\n"
        "  interval_months: 12\n"
        "maturity:\n"
        "  levels: [0, 1, 2, 3, 4]\n"
        f"  dimensions: {flow_list(DIMENSIONS)}\n"
    )


def area_text(area: Area, text: Text) -> str:
    """Return the file of one area."""
    return "\n".join(
        [
            "kind: area",
            f"id: {area.id}",
            f"name: {scalar(area.name)}",
            f"description: {scalar(text.sentences(1, 2))}",
            f"customers: {scalar(area.customers)}",
            f"unit: {scalar(area.unit)}",
            f"owner: {area.owner}",
            f"order: {area.order}",
            "",
        ]
    )


def role_texts(text: Text) -> Iterator[tuple[str, str]]:
    """Yield (id, file text) for every role."""
    for role_id, name, management_area, level in w.GOVERNANCE_ROLES:
        lines = [
            "kind: role",
            f"id: {role_id}",
            f"name: {scalar(name)}",
            "category: governance",
            f"management_area: {management_area}",
            f"level: {level}",
            f"description: {scalar(text.sentence())}",
            "responsibilities:",
            *(f"  - {scalar(text.sentence())}" for _ in range(text.rng.randint(2, 4))),
        ]
        yield role_id, "\n".join(lines) + "\n"
    for role_id, name in w.OPERATIONAL_ROLES:
        lines = [
            "kind: role",
            f"id: {role_id}",
            f"name: {scalar(name)}",
            "category: operational",
            "management_area: work",
            "level: operational",
            f"description: {scalar(text.sentence())}",
        ]
        yield role_id, "\n".join(lines) + "\n"


def person_text(person: Person) -> str:
    """Return the file of one person."""
    return "\n".join(
        [
            "kind: person",
            f"id: {person.id}",
            f"name: {scalar(person.name)}",
            f"title: {scalar(person.title)}",
            f"unit: {scalar(person.unit)}",
            f"email: {person.id.replace('-', '.')}@sjostad.example.se",
            f"username: {person.username}",
            "",
        ]
    )


def activity_lines(activity: Activity) -> list[str]:
    """Return the lines of one activity, as an item of ``activities:``."""
    lines = [
        f"  - id: {activity.id}",
        f"    name: {scalar(activity.name)}",
        f"    role: {activity.role}",
    ]
    if activity.accountable:
        lines.append(f"    accountable: {activity.accountable}")
    if activity.consulted:
        lines.append(f"    consulted: {flow_list(activity.consulted)}")
    if activity.informed:
        lines.append(f"    informed: {flow_list(activity.informed)}")
    if activity.description:
        lines.append(f"    description: {scalar(activity.description)}")
    if activity.next:
        lines.append(f"    next: {flow_list(activity.next)}")
    if activity.documents:
        lines.append(f"    documents: {flow_list(activity.documents)}")
    return lines


def process_header(process: Process, text: Text) -> list[str]:
    """Return the lines from ``kind`` to ``outputs``."""
    rng = text.rng
    lines = [
        "kind: process",
        f"id: {process.id}",
        f"name: {scalar(process.name)}",
        f"area: {process.area.id}",
        f"type: {process.type}",
    ]
    if process.parent:
        lines.append(f"parent: {process.parent.id}")
    draft = process.status == "draft"
    lines.append(f"status: {process.status}")
    lines.append(f'version: "{0 if draft else rng.randint(1, 4)}.{rng.randint(0, 9)}"')
    if process.owner:
        lines.append(f"owner: {process.owner}")
    lines.append(f"leaders: {flow_list(process.leaders)}")
    lines.append(f"purpose: {scalar(text.purpose())}")
    lines.append(f"customer: {scalar(process.area.customers)}")
    lines.append(f"need: {scalar(text.need())}")
    lines.append(f"start: {scalar(text.pick(w.TRIGGERS))}")
    if not draft or rng.random() < 0.5:
        lines.append(f"end: {scalar(text.pick(w.OUTCOMES))}")
        lines.append(f"value: {scalar(text.value())}")
    lines.append(f"inputs: {flow_list(text.artifacts(1, 2))}")
    lines.append(f"outputs: {flow_list(text.artifacts(1, 2))}")
    return lines


def process_lists(process: Process, text: Text) -> list[str]:
    """Return the lines of the lists after the activities: interfaces to documents."""
    rng = text.rng
    lines = ["interfaces:"] if process.interfaces else []
    for interface in process.interfaces:
        lines.append(f"  - process: {interface.process}")
        lines.append(f"    direction: {interface.direction}")
        lines.append(f"    description: {scalar(interface.description)}")
    lines.append("requirements:")
    for source in rng.sample(w.REQUIREMENT_SOURCES, 1 if rng.random() < 0.7 else 2):
        lines.append(f"  - source: {scalar(source)}")
        lines.append(f"    description: {scalar(text.short())}")
    lines.append("measures:")
    for name in rng.sample(w.MEASURE_NAMES, rng.choice((1, 1, 1, 2, 2, 3))):
        lines.append(f"  - name: {scalar(name)}")
        lines.append(f"    definition: {scalar(text.short())}")
        lines.append(f"    target: {scalar(text.pick(w.TARGETS))}")
        lines.append(f"    frequency: {text.pick(FREQUENCIES)}")
    lines.append("risks:")
    for _ in range(1 if rng.random() < 0.7 else 2):
        lines.append(f"  - description: {scalar(text.short())}")
        lines.append(f"    likelihood: {rng.randint(1, 4)}")
        lines.append(f"    consequence: {rng.randint(1, 4)}")
        lines.append(f"    action: {scalar(text.short())}")
    lines.append("controls:")
    for role in process.control_roles:
        lines.append(f"  - description: {scalar(text.short())}")
        lines.append(f"    method: {scalar(text.pick(w.CONTROL_METHODS))}")
        lines.append(f"    frequency: {text.pick(FREQUENCIES)}")
        lines.append(f"    role: {role}")
    lines.append(f"systems: {flow_list(rng.sample(w.SYSTEMS, rng.randint(1, 2)))}")
    lines.append("documents:")
    lines.extend(f"  - handbook: {handbook}" for handbook in process.handbooks)
    if rng.random() < 0.25:
        lines.append(f"  - title: {scalar(text.pick(w.REQUIREMENT_SOURCES))}")
        lines.append(f"    url: https://www.example.se/regler/{rng.randrange(10000)}")
    return lines


def process_text(process: Process, text: Text) -> str:
    """Return the file of one process; ``review_date`` is left to its default."""
    lines = process_header(process, text)
    lines.append("activities:")
    for activity in process.activities:
        lines.extend(activity_lines(activity))
    lines.extend(process_lists(process, text))
    if process.approved:
        lines.append(
            f"approved: {{date: {process.approved.isoformat()}, by: "
            f"{scalar(text.pick(w.DECISION_BODIES))}}}"
        )
    if text.rng.random() < 0.4:
        lines.append(f"tags: {flow_list(text.rng.sample(w.TAGS, text.rng.randint(1, 2)))}")
    return "\n".join(lines) + "\n"


def handbook_text(handbook: Handbook, text: Text, as_of: dt.date) -> str:
    """Return the file of one handbook, listing the processes that refer to it."""
    rng = text.rng
    approved = as_of - dt.timedelta(days=rng.randint(10, 330))
    lines = [
        "kind: handbook",
        f"id: {handbook.id}",
        f"title: {scalar(handbook.title)}",
        f"type: {handbook.type}",
        f'version: "{rng.randint(1, 5)}.{rng.randint(0, 9)}"',
        "status: approved",
        f"owner: {handbook.owner}",
        f"approved: {{date: {approved.isoformat()}, by: {scalar(text.pick(w.DECISION_BODIES))}}}",
        f"summary: {scalar(text.sentences(1, 2))}",
        f"processes: {flow_list(sorted(handbook.processes))}",
        "chapters:",
    ]
    for title in rng.sample(CHAPTER_TITLES, rng.randint(2, 4)):
        body = text.sentences(2, 3) + "\n\n" + text.sentences(1, 2)
        lines.append(f"  - title: {scalar(title)}")
        lines.append(f"    body: {literal_block(body, '      ')}")
    return "\n".join(lines) + "\n"


def proposal_texts(repo: Repository, text: Text, as_of: dt.date) -> Iterator[tuple[str, str]]:
    """Yield (id, file text) for the improvement proposals."""
    rng = text.rng
    count = max(3, len(repo.processes) // 25) if repo.processes else 0
    for number in range(1, count + 1):
        process = repo.processes[rng.randrange(len(repo.processes))]
        submitted = as_of - dt.timedelta(days=rng.randint(5, 700))
        proposal_id = f"forslag-{submitted.year}-{number:04d}"
        status = rng.choice(w.PROPOSAL_STATUSES)
        lines = [
            "kind: proposal",
            f"id: {proposal_id}",
            f"process: {process.id}",
            f"title: {scalar(rng.choice(w.PROPOSAL_TITLES))}",
            f"submitted: {submitted.isoformat()}",
            f"submitted_by: {repo.people[rng.randrange(len(repo.people))].id}",
            f"description: {scalar(text.sentences(1, 3))}",
            f"status: {status}",
        ]
        if status in ("accepted", "rejected", "done"):
            decided = min(as_of, submitted + dt.timedelta(days=rng.randint(7, 90)))
            lines.append(f"decision: {scalar(text.sentence())}")
            lines.append(f"decided: {decided.isoformat()}")
        yield proposal_id, "\n".join(lines) + "\n"


def assessment_texts(repo: Repository, text: Text, as_of: dt.date) -> Iterator[tuple[str, str]]:
    """Yield (id, file text) for maturity assessments: one or two (a trend) per process."""
    rng = text.rng
    approved = [p for p in repo.processes if p.status == "approved"]
    count = min(len(approved), max(3, len(repo.processes) // 40))
    for process in rng.sample(approved, count):
        scores = {dimension: rng.randint(0, 3) for dimension in DIMENSIONS}
        rounds = rng.randint(1, 2)
        for round_ in range(rounds):
            date = as_of - dt.timedelta(days=365 * (rounds - 1 - round_) + rng.randint(5, 200))
            assessment_id = f"{process.id}-{date.isoformat()}"
            assessors = rng.sample(repo.people, min(2, len(repo.people)))
            lines = [
                "kind: assessment",
                f"id: {assessment_id}",
                f"process: {process.id}",
                f"date: {date.isoformat()}",
                "scores:",
                *(f"  {d}: {min(4, s + round_)}" for d, s in scores.items()),
                f"assessors: {flow_list(person.name for person in assessors)}",
                f"comments: {scalar(text.sentences(1, 2))}",
            ]
            yield assessment_id, "\n".join(lines) + "\n"


def render(repo: Repository, size: int, seed: int, as_of: dt.date) -> Iterator[tuple[str, str]]:
    """Yield (relative path, text) for every file of the repository.

    Texts come from their own random stream, so that a change in how they are drawn leaves
    the structure (ids, references) as it was, and the other way round.
    """
    text = Text(random.Random(f"{seed}:texts"))
    yield "processkit.yaml", config_text(size, seed)
    for area in repo.areas:
        yield f"areas/{area.id}.yaml", area_text(area, text)
    for role_id, role in role_texts(text):
        yield f"roles/{role_id}.yaml", role
    for person in repo.people:
        yield f"people/{person.id}.yaml", person_text(person)
    for process in repo.processes:
        yield f"processes/{process.area.id}/{process.id}.yaml", process_text(process, text)
    for handbook in repo.handbooks:
        yield f"handbooks/{handbook.id}.yaml", handbook_text(handbook, text, as_of)
    for proposal_id, proposal in proposal_texts(repo, text, as_of):
        yield f"proposals/{proposal_id}.yaml", proposal
    for assessment_id, assessment in assessment_texts(repo, text, as_of):
        yield f"assessments/{assessment_id}.yaml", assessment


def generate(size: int, outdir: Path, seed: int = 1, as_of: dt.date = DEFAULT_AS_OF) -> int:
    """Write a repository of ``size`` processes into ``outdir``; return the number of files.

    A marker file (hidden, so processkit skips it) is written last and records the parameters,
    so that a cache can tell a complete repository from an interrupted one.
    """
    repo = build(size, seed, as_of)
    made: set[Path] = set()
    count = 0
    for relative, content in render(repo, size, seed, as_of):
        path = outdir / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(content.encode("utf-8"))
        count += 1
    (outdir / MARKER).write_text(json.dumps(marker(size, seed, as_of)) + "\n", encoding="utf-8")
    return count


def marker(size: int, seed: int, as_of: dt.date) -> dict[str, object]:
    """Return what the marker file records about a generated repository."""
    return {"generator": GENERATOR_VERSION, "size": size, "seed": seed, "as_of": as_of.isoformat()}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("size", type=int, metavar="N", help="number of processes")
    parser.add_argument(
        "outdir", type=Path, metavar="OUTDIR", help="folder to write (new or empty)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--as-of",
        type=dt.date.fromisoformat,
        default=DEFAULT_AS_OF,
        help=f"date the repository is current on (default {DEFAULT_AS_OF.isoformat()})",
    )
    args = parser.parse_args(argv)
    if args.size < 1:
        parser.error("N must be at least 1")
    if args.outdir.exists() and (not args.outdir.is_dir() or any(args.outdir.iterdir())):
        parser.error(f"{args.outdir} exists and is not an empty folder")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    args = parse_args(argv)
    started = time.perf_counter()
    count = generate(args.size, args.outdir, args.seed, args.as_of)
    elapsed = time.perf_counter() - started
    print(f"wrote {count} files for {args.size} processes to {args.outdir} in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
