"""Write an mkdocs-material project with the content of a generated process repository.

    python benchmarks/mkdocs_project.py REPO PROJECT

The peer that ``peers.py`` times processkit against: one Markdown page per process (its name,
purpose, customer, need, start and end, value, a table of its activities with their roles, its
measures and risks), one per area (its processes), one per role (the activities it takes part
in) and one per handbook (its chapters and processes), and a start page listing the areas.
``mkdocs.yml`` uses the material theme with ``navigation.prune`` (each page carries only the
navigation around it; without it every page repeats all of it) and an explicit navigation:
the start page, then per area its page and its processes, then the roles and the handbooks.
mkdocs' own search is off: Pagefind, run over the built site, is the search, as in processkit.

The project depends only on the repository's files: the same bytes on every run.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from gitrepo import other_purpose

Entity = dict[str, Any]
RACI = (("role", "U"), ("accountable", "A"), ("consulted", "R"), ("informed", "I"))
#: The heading before the purpose paragraph of a process page (``change_page`` finds it).
PURPOSE_HEADING = "## Syfte"


def load(repo: Path) -> dict[str, list[Entity]]:
    """Return the repository's entities by kind, each kind sorted by id."""
    kinds: dict[str, list[Entity]] = defaultdict(list)
    for path in sorted(repo.rglob("*.yaml")):
        relative = path.relative_to(repo)
        if relative.name == "processkit.yaml" or any(p.startswith(".") for p in relative.parts):
            continue
        entity = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        if isinstance(entity, dict) and "kind" in entity:
            kinds[str(entity["kind"])].append(entity)
    for entities in kinds.values():
        entities.sort(key=lambda entity: str(entity["id"]))
    return kinds


def cell(value: object) -> str:
    """Return ``value`` as the text of a Markdown table cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(cell(item) for item in value)
    return str(value).replace("|", "\\|").replace("\n", " ")


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Return a Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return [*lines, ""]


class Project:
    """The pages of one repository, with the names that links show."""

    def __init__(self, kinds: Mapping[str, list[Entity]]) -> None:
        self.kinds = kinds
        self.areas = {a["id"]: a for a in kinds.get("area", [])}
        self.roles = {r["id"]: r for r in kinds.get("role", [])}
        self.people = {p["id"]: p for p in kinds.get("person", [])}
        self.handbooks = {h["id"]: h for h in kinds.get("handbook", [])}
        self.processes = {p["id"]: p for p in kinds.get("process", [])}
        self.by_area: dict[str, list[Entity]] = defaultdict(list)
        #: Per role, (process id, activity name, RACI letters) of the activities it is in.
        self.activities: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for process in self.processes.values():
            self.by_area[process["area"]].append(process)
            for activity in process.get("activities", []):
                letters: dict[str, str] = {}
                for field, letter in RACI:
                    value = activity.get(field) or []
                    for role in [value] if isinstance(value, str) else value:
                        letters[role] = letters.get(role, "") + letter
                for role, held in letters.items():
                    self.activities[role].append((process["id"], activity["name"], held))

    # ------------------------------------------------------------------ addresses

    @staticmethod
    def process_page(process: Entity) -> str:
        """The page of a process, relative to ``docs/``."""
        return f"processes/{process['area']}/{process['id']}.md"

    def link(self, kind: str, ident: str, depth: int) -> str:
        """A Markdown link from a page ``depth`` folders deep to an entity's page."""
        up = "../" * depth
        if kind == "process":
            process = self.processes[ident]
            return f"[{process['name']}]({up}{self.process_page(process)})"
        entity = {"area": self.areas, "role": self.roles, "handbook": self.handbooks}[kind][ident]
        name = entity.get("name") or entity.get("title") or ident
        return f"[{name}]({up}{kind}s/{ident}.md)"

    def person(self, ident: str | None) -> str:
        """A person's name."""
        return self.people[ident]["name"] if ident in self.people else cell(ident)

    # ------------------------------------------------------------------ pages

    def process_text(self, process: Entity) -> str:
        """The page of one process."""

        def roles(ids: Iterable[str]) -> str:
            return ", ".join(self.link("role", r, 2) for r in ids)

        lines = [
            f"# {process['name']}",
            "",
            f"Leveransområde: {self.link('area', process['area'], 2)} · typ: {process['type']} · "
            f"status: {process['status']} · version {process.get('version', '')}",
            "",
        ]
        if "parent" in process:
            lines += [f"Delprocess till {self.link('process', process['parent'], 2)}.", ""]
        lines += [PURPOSE_HEADING, "", cell(process.get("purpose")), ""]
        lines += table(
            ("", ""),
            [
                ("Processägare", self.person(process.get("owner"))),
                ("Processledare", ", ".join(self.person(p) for p in process.get("leaders", []))),
                ("Kund", cell(process.get("customer"))),
                ("Behov", cell(process.get("need"))),
                ("Start", cell(process.get("start"))),
                ("Slut", cell(process.get("end"))),
                ("Värde", cell(process.get("value"))),
                ("Indata", cell(process.get("inputs"))),
                ("Utdata", cell(process.get("outputs"))),
            ],
        )
        lines += ["## Aktiviteter", ""]
        lines += table(
            ("Aktivitet", "Utför", "Ansvarar", "Rådfrågas", "Informeras", "Nästa"),
            (
                (
                    cell(a["name"]),
                    roles([a["role"]]),
                    roles([a["accountable"]] if a.get("accountable") else []),
                    roles(a.get("consulted", [])),
                    roles(a.get("informed", [])),
                    cell(a.get("next", [])),
                )
                for a in process.get("activities", [])
            ),
        )
        if process.get("interfaces"):
            lines += ["## Gränssnitt", ""]
            lines += table(
                ("Process", "Riktning", "Vad"),
                (
                    (self.link("process", i["process"], 2), i["direction"], cell(i["description"]))
                    for i in process["interfaces"]
                ),
            )
        lines += ["## Mått", ""]
        lines += table(
            ("Mått", "Definition", "Mål", "Frekvens"),
            (
                (cell(m["name"]), cell(m["definition"]), cell(m.get("target")), m["frequency"])
                for m in process.get("measures", [])
            ),
        )
        lines += ["## Risker", ""]
        lines += table(
            ("Risk", "Sannolikhet", "Konsekvens", "Åtgärd"),
            (
                (
                    cell(r["description"]),
                    cell(r.get("likelihood")),
                    cell(r.get("consequence")),
                    cell(r.get("action")),
                )
                for r in process.get("risks", [])
            ),
        )
        handbooks = [d["handbook"] for d in process.get("documents", []) if "handbook" in d]
        if handbooks:
            lines += ["## Handböcker", ""]
            lines += [f"- {self.link('handbook', h, 2)}" for h in handbooks] + [""]
        return "\n".join(lines)

    def area_text(self, area: Entity) -> str:
        """The page of one area: its processes."""
        lines = [
            f"# {area['name']}",
            "",
            cell(area.get("description")),
            "",
            f"Kunder: {cell(area.get('customers'))} · enhet: {cell(area.get('unit'))} · "
            f"ägare: {self.person(area.get('owner'))}",
            "",
            "## Processer",
            "",
        ]
        lines += table(
            ("Process", "Typ", "Status", "Syfte"),
            (
                (self.link("process", p["id"], 1), p["type"], p["status"], cell(p.get("purpose")))
                for p in self.by_area[area["id"]]
            ),
        )
        return "\n".join(lines)

    def role_text(self, role: Entity) -> str:
        """The page of one role: the activities it takes part in."""
        lines = [f"# {role['name']}", "", cell(role.get("description")), ""]
        if role.get("responsibilities"):
            lines += ["## Ansvar", ""]
            lines += [f"- {cell(item)}" for item in role["responsibilities"]] + [""]
        rows = (
            (self.link("process", process, 1), cell(name), letters)
            for process, name, letters in self.activities[role["id"]]
        )
        lines += ["## Aktiviteter", ""]
        lines += table(("Process", "Aktivitet", "Roll (U, A, R, I)"), rows)
        return "\n".join(lines)

    def handbook_text(self, handbook: Entity) -> str:
        """The page of one handbook: its chapters and processes."""
        lines = [f"# {handbook['title']}", "", cell(handbook.get("summary")), ""]
        for chapter in handbook.get("chapters", []):
            lines += [f"## {chapter['title']}", "", str(chapter.get("body", "")).strip(), ""]
        lines += ["## Processer", ""]
        lines += [f"- {self.link('process', p, 1)}" for p in handbook.get("processes", [])]
        return "\n".join([*lines, ""])

    def index_text(self) -> str:
        """The start page: the areas."""
        lines = ["# Processer i Sjöstad", "", "## Leveransområden", ""]
        lines += table(
            ("Leveransområde", "Processer"),
            ((self.link("area", ident, 0), str(len(self.by_area[ident]))) for ident in self.areas),
        )
        return "\n".join(lines)

    # ------------------------------------------------------------------ the project

    def pages(self) -> Iterable[tuple[str, str]]:
        """Yield (path under ``docs/``, text) for every page."""
        yield "index.md", self.index_text()
        for ident, area in self.areas.items():
            yield f"areas/{ident}.md", self.area_text(area)
        for process in self.processes.values():
            yield self.process_page(process), self.process_text(process)
        for ident, role in self.roles.items():
            yield f"roles/{ident}.md", self.role_text(role)
        for ident, handbook in self.handbooks.items():
            yield f"handbooks/{ident}.md", self.handbook_text(handbook)

    def config(self) -> dict[str, object]:
        """The contents of ``mkdocs.yml``."""
        nav: list[object] = [{"Start": "index.md"}]
        for ident, area in sorted(self.areas.items(), key=lambda item: item[1].get("order", 0)):
            entries: list[object] = [{"Översikt": f"areas/{ident}.md"}]
            entries += [{p["name"]: self.process_page(p)} for p in self.by_area[ident]]
            nav.append({area["name"]: entries})
        nav.append({"Roller": [{r["name"]: f"roles/{i}.md"} for i, r in self.roles.items()]})
        nav.append(
            {"Handböcker": [{h["title"]: f"handbooks/{i}.md"} for i, h in self.handbooks.items()]}
        )
        return {
            "site_name": "Processer i Sjöstad",
            "theme": {"name": "material", "language": "sv", "features": ["navigation.prune"]},
            "plugins": [],
            "nav": nav,
        }


def write_project(repo: Path, project: Path) -> int:
    """Write the mkdocs project for ``repo`` into ``project``; return the number of pages."""
    source = Project(load(repo))
    docs = project / "docs"
    count = 0
    for relative, text in source.pages():
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        count += 1
    config = yaml.safe_dump(source.config(), allow_unicode=True, sort_keys=False, width=100)
    (project / "mkdocs.yml").write_bytes(config.encode("utf-8"))
    return count


def page_of(repo: Path, process_file: Path) -> Path:
    """The page, relative to ``docs/``, of the process in ``process_file`` (under ``repo``)."""
    return Path(process_file.relative_to(repo).with_suffix(".md").as_posix())


def change_page(project: Path, page: Path) -> Path:
    """Change the purpose on the process page ``page`` (relative to ``docs/``) to the next of
    the numbered series, as ``gitrepo.change_one`` does in the repository; return its path."""
    path = project / "docs" / page
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(PURPOSE_HEADING) + 2
    lines[at] = other_purpose(lines[at])
    path.write_bytes("\n".join(lines).encode("utf-8"))
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("repo", type=Path, help="a repository written by generate.py")
    parser.add_argument("project", type=Path, help="the folder to write the project into")
    args = parser.parse_args(argv)
    count = write_project(args.repo, args.project)
    print(f"wrote {count} pages and mkdocs.yml to {args.project}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
