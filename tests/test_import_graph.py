"""Imports point one way: ``cli -> features -> domain -> loading -> model``.

Every module under ``src/processkit`` is parsed (imports inside functions count too) and the
imports between its packages are checked: none goes up a layer, no feature imports another
feature, and no two packages (nor two modules) import each other round in a cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import processkit

SOURCE = Path(processkit.__file__).parent

#: Layers from the bottom up; a unit is a package, or a module directly under processkit.
#: Units of one layer may import each other only where the layer says so (``base``: the small
#: shared helpers; the features: never).
LAYERS: dict[str, int] = {
    # how a class of values that never change is made: the model's too
    "frozen": -1,
    "model": 0,
    # shared helpers every layer may use; they import only the model and each other
    "errors": 1,
    "diagnostics": 1,
    "cache": 1,
    "fsutil": 1,
    "codepoints": 1,
    "csvcells": 1,
    "resources": 1,
    "install_source": 1,
    "schema": 1,
    "words": 1,
    "i18n": 1,
    "i18n_build": 1,
    "background": 1,
    "__init__": 1,
    "loading": 2,
    "domain": 3,
    # services the features share, each knowing nothing of the others: the repository through
    # time (git history, the change log) and the drawings (DOT, Graphviz, SVG)
    "history": 4,
    "render": 4,
    # the features
    "rules": 5,
    "site": 5,
    "inventory": 5,
    "authoring": 5,
    "reports": 5,
    "doctor": 5,
    "cli": 6,
}
BASE = 1
SERVICES = 4
FEATURES = 5
#: Modules directly under processkit that belong to a package's layer: validation and its
#: report formats are the rules' feature; ``python -m processkit`` is the command line.
HOME_OF = {"validate": "rules", "report_formats": "rules", "__main__": "cli"}


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in SOURCE.rglob("*.py"):
        parts = ["processkit", *path.relative_to(SOURCE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str | None:
    """The module an imported name lives in (``processkit.x.y.func`` -> ``processkit.x.y``)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _type_only(tree: ast.Module) -> set[int]:
    """The import statements under ``if TYPE_CHECKING:``: read by the type checker, never run."""
    found: set[int] = set()
    for node in ast.walk(tree):
        test = node.test if isinstance(node, ast.If) else None
        if isinstance(test, ast.Name) and test.id == "TYPE_CHECKING":
            found.update(id(inner) for part in node.body for inner in ast.walk(part))
    return found


def _imports(module: str, path: Path, *, typing: bool = True) -> Iterator[str]:
    """Every processkit module ``module`` imports, at the top or inside a function (and, with
    ``typing``, for the type checker only)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set() if typing else _type_only(tree)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            names = [f"{base}.{alias.name}" for alias in node.names]
        for name in names:
            if name.split(".")[0] == "processkit":
                target = _resolve(name)
                if target is not None and target != module:
                    yield target


EDGES: dict[str, set[str]] = {m: set(_imports(m, p)) for m, p in MODULES.items()}
#: The imports that run: a module may name another for the type checker alone (``kinds`` names
#: the ``Entity`` union its rows return) without the two importing each other.
RUNTIME_EDGES: dict[str, set[str]] = {
    m: set(_imports(m, p, typing=False)) for m, p in MODULES.items()
}


def _unit(module: str) -> str:
    parts = module.split(".")
    unit = parts[1] if len(parts) > 1 else "__init__"
    return HOME_OF.get(unit, unit)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one member (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            members = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                members.append(member)
                if member == node:
                    break
            if len(members) > 1:
                found.append(sorted(members))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_every_unit_has_a_layer() -> None:
    assert sorted({_unit(m) for m in MODULES} - LAYERS.keys()) == []


def test_imports_point_down_and_never_sideways_between_features() -> None:
    wrong: list[str] = []
    for module, targets in sorted(EDGES.items()):
        for target in sorted(targets):
            here, there = _unit(module), _unit(target)
            if here == there:
                continue
            if LAYERS[there] < LAYERS[here] or LAYERS[there] == LAYERS[here] == BASE:
                continue
            wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_no_cycle_between_packages() -> None:
    units: dict[str, set[str]] = {}
    for module, targets in EDGES.items():
        here = _unit(module)
        units.setdefault(here, set()).update(t for t in map(_unit, targets) if t != here)
    assert _cycles(units) == []


def test_no_cycle_between_modules() -> None:
    # a package's __init__ re-exporting its modules is not a cycle of the code
    graph = {
        module: {t for t in targets if not module.startswith(t + ".")}
        for module, targets in RUNTIME_EDGES.items()
    }
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_the_facts_that_moved_to_domain_have_no_old_home_left() -> None:
    old = {
        "processkit.derive",
        "processkit.rules.index",
        "processkit.rules.reviews",
        "processkit.rules.flow",
        "processkit.site.facts",
        "processkit.reports.lookup",
        "processkit.render.lookup",
        "processkit.reports.load",
        "processkit.gitinfo",
    }
    assert sorted(old & MODULES.keys()) == []
