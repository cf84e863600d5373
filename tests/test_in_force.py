"""What is in force is decided once: `validate`, `review`, the inventory and the site agree on
which reviews are overdue, due soon, or not counted at all.

An approved process is in force, and so is a handbook whose `status` is unset or `approved`.
A draft, a description in review and a retired one are not, whatever their `review_date` says.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.conftest import MINIMAL_CONFIG, CliResult, write_files

from processkit.cli.publishing import PublishRequest, publish

#: 2026-03-01 00:00 UTC, the day the site is published on (as `--today` elsewhere).
EPOCH = "1772323200"
TODAY = "2026-03-01"
AREA = "kind: area\nid: bu\nname: Barn och unga\n"

DATES = {
    "past": "review_date: 2026-01-10\n",
    "window": "review_date: 2026-03-20\n",
    "later": "review_date: 2026-12-01\n",
    "none": "",
}
#: (kind, status as written or None for unset, in force)
ENTITIES = [
    ("process", "draft", False),
    ("process", "review", False),
    ("process", "approved", True),
    ("process", "retired", False),
    ("handbook", None, True),
    ("handbook", "draft", False),
    ("handbook", "approved", True),
]


def _id(kind: str, status: str | None, when: str) -> str:
    return f"{kind[0]}-{status or 'unset'}-{when}"


def _matrix_files() -> dict[str, str | bytes]:
    """One repository holding every kind and status with every kind of review date."""
    files: dict[str, str | bytes] = {"processkit.yaml": MINIMAL_CONFIG, "areas/bu.yaml": AREA}
    for kind, status, _ in ENTITIES:
        for when, date in DATES.items():
            entity_id = _id(kind, status, when)
            status_line = f"status: {status}\n" if status else ""
            if kind == "process":
                files[f"processes/{entity_id}.yaml"] = (
                    f"kind: process\nid: {entity_id}\nname: Process {entity_id}\narea: bu\n"
                    f"type: core\n{status_line}{date}"
                )
            else:
                files[f"handbooks/{entity_id}.yaml"] = (
                    f"kind: handbook\nid: {entity_id}\ntitle: Rutin {entity_id}\n"
                    f"type: routine\n{status_line}{date}"
                )
    return files


@dataclass(frozen=True)
class Said:
    """What each consumer says, by entity id: validate's review codes, review's group
    (overdue, falling due, not in force), the inventory's overdue flag (processes only), and
    the site's pages flagged overdue."""

    codes: dict[str, list[str]]
    groups: dict[str, str]
    inventory_overdue: dict[str, bool]
    flagged: list[str]


def _consumers(root: Path, cli: Callable[..., CliResult], site: Path) -> Said:
    validate = cli("validate", root, "--today", TODAY, "--format", "json")
    codes: dict[str, list[str]] = {}
    for d in json.loads(validate.out)["diagnostics"]:
        if d["code"] in {"PK102", "PK103"}:
            codes.setdefault(Path(d["path"]).stem, []).append(d["code"])
    review = json.loads(
        cli("review", root, "--today", TODAY, "--within", "60d", "--format", "json").out
    )
    items = [item for owner in review["owners"] for item in owner["items"]]
    groups = {i["id"]: "overdue" if i["days_late"] > 0 else "falling due" for i in items}
    groups |= {i["id"]: "not in force" for i in review["not_in_force"]}
    assert review["summary"] == {
        "overdue": list(groups.values()).count("overdue"),
        "falling_due": list(groups.values()).count("falling due"),
    }
    inventory = json.loads(
        cli("inventory", root, "--list", "--today", TODAY, "--format", "json").out
    )
    flagged = sorted(
        str(page.relative_to(site))
        for folder in ("processes", "handbooks")
        for page in (site / folder).glob("*.html")
        if "flag-overdue" in page.read_text(encoding="utf-8")
    )
    return Said(
        codes={key: sorted(value) for key, value in codes.items()},
        groups=groups,
        inventory_overdue={row["id"]: row["overdue"] for row in inventory["processes"]},
        flagged=flagged,
    )


def _build(root: Path, output: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    publish(PublishRequest(root, output))
    return output


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The repository of every kind, status and review date, and its site."""
    root = write_files(tmp_path_factory.mktemp("matrix") / "repo", _matrix_files())
    with pytest.MonkeyPatch.context() as patch:
        site = _build(root, root.parent / "site", patch)
    return root, site


#: What the consumers say about the matrix repository, asked once per test process.
_SAID: dict[Path, Said] = {}


@pytest.mark.parametrize("when", list(DATES))
@pytest.mark.parametrize(("kind", "status", "in_force"), ENTITIES)
def test_the_four_consumers_agree_on_what_is_overdue(
    matrix: tuple[Path, Path],
    cli: Callable[..., CliResult],
    kind: str,
    status: str | None,
    in_force: bool,
    when: str,
) -> None:
    root, site = matrix
    if root not in _SAID:
        _SAID[root] = _consumers(root, cli, site)
    said = _SAID[root]
    entity_id = _id(kind, status, when)
    page = f"{'processes' if kind == 'process' else 'handbooks'}/{entity_id}.html"
    overdue = in_force and when == "past"
    soon = in_force and when == "window"
    apart = not in_force and status != "retired" and when in ("past", "window")

    assert said.codes.get(entity_id, []) == (["PK102"] if overdue else ["PK103"] if soon else [])
    assert said.groups.get(entity_id) == (
        "overdue" if overdue else "falling due" if soon else "not in force" if apart else None
    )
    if kind == "process":
        assert said.inventory_overdue[entity_id] is overdue
    assert (page in said.flagged) is overdue


def test_the_issues_example_is_one_overdue_everywhere(
    make_repo: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # An approved process past its review day, a draft process and a draft handbook with a
    # past review_date: on 2026-03-01 only the approved process is overdue.
    root = make_repo(
        {
            "areas/bu.yaml": AREA,
            "processes/bu-utredning.yaml": (
                "kind: process\nid: bu-utredning\nname: Utreda barns behov\narea: bu\n"
                "type: core\nstatus: approved\napproved: {date: 2025-01-15, by: Nämnden}\n"
            ),
            "processes/bu-placering.yaml": (
                "kind: process\nid: bu-placering\nname: Placera barn\narea: bu\ntype: core\n"
                "status: draft\nreview_date: 2026-02-01\n"
            ),
            "handbooks/rutin-placering.yaml": (
                "kind: handbook\nid: rutin-placering\ntitle: Rutin för placering\n"
                "type: routine\nstatus: draft\nreview_date: 2026-02-15\n"
            ),
        }
    )
    site = _build(root, tmp_path / "site", monkeypatch)
    said = _consumers(root, cli, site)
    assert said.codes == {"bu-utredning": ["PK102"]}
    assert said.groups == {
        "bu-utredning": "overdue",
        "bu-placering": "not in force",
        "rutin-placering": "not in force",
    }
    assert said.inventory_overdue == {"bu-placering": False, "bu-utredning": True}
    assert said.flagged == ["processes/bu-utredning.html"]

    table = cli("review", root, "--today", TODAY, "--within", "30d")
    assert (table.code, table.err) == (0, "")
    assert table.out == (
        "Reviews due by 2026-03-31 (today 2026-03-01, within 30 days): 1 overdue, "
        "0 falling due.\n"
        "\n"
        "Owner       Kind     Name                               Due         When\n"
        "----------  -------  ---------------------------------  ----------  ------------\n"
        "(no owner)  process  Utreda barns behov (bu-utredning)  2026-01-15  45 days late\n"
        "\n"
        "Not in force, so not counted as overdue:\n"
        "\n"
        "Kind      Name                                  Status  Due         When\n"
        "--------  ------------------------------------  ------  ----------  ------------\n"
        "process   Placera barn (bu-placering)           draft   2026-02-01  28 days late\n"
        "\n"
        "handbook  Rutin för placering                   draft   2026-02-15  14 days late\n"
        "          (rutin-placering)\n"
    )
    markdown = cli(
        "review", root, "--today", TODAY, "--within", "30d", "--format", "markdown", "--lang", "sv"
    )
    assert markdown.out.endswith(
        "## Inte i kraft\n"
        "\n"
        "Utkast och beskrivningar på remiss gäller inte ännu, så de räknas inte som "
        "försenade.\n"
        "\n"
        "- Process **Placera barn** (`bu-placering`, Barn och unga) skulle ha reviderats senast "
        "2026-02-01, 28 dagar försenad\n"
        "- Rutin **Rutin för placering** (`rutin-placering`) skulle ha reviderats senast "
        "2026-02-15, 14 dagar försenad\n"
    )
