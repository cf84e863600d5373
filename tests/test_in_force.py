"""What is in force is decided once: `validate`, `review`, the inventory and the site agree on
which reviews are overdue, due soon, or not counted at all.

An approved process is in force, and so is a handbook whose `status` is unset or `approved`.
A draft, a description in review and a retired one are not, whatever their `review_date` says.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult

from processkit.site.publish import PublishRequest, publish

#: 2026-03-01 00:00 UTC, the day the site is published on (as `--today` elsewhere).
EPOCH = "1772323200"
TODAY = "2026-03-01"
AREA = "kind: area\nid: bu\nname: Barn och unga\n"

DATES = {
    "past": "review_date: 2026-01-10\n",
    "within the window": "review_date: 2026-03-20\n",
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


def _entity(kind: str, status: str | None, date: str) -> tuple[str, str]:
    status_line = f"status: {status}\n" if status else ""
    if kind == "process":
        return "processes/bu-utredning.yaml", (
            "kind: process\nid: bu-utredning\nname: Utreda barns behov\narea: bu\ntype: core\n"
            f"{status_line}{date}"
        )
    return "handbooks/rutin-utredning.yaml", (
        "kind: handbook\nid: rutin-utredning\ntitle: Rutin för utredning\ntype: routine\n"
        f"{status_line}{date}"
    )


def _consumers(
    root: Path, cli: Callable[..., CliResult], site: Path
) -> tuple[list[str], dict[str, list[str]], int, list[str]]:
    """What each consumer says: validate's review codes, review's groups (overdue, falling
    due, not in force: the ids), the inventory's overdue count, the pages flagged overdue."""
    validate = cli("validate", root, "--today", TODAY, "--format", "json")
    codes = sorted(
        d["code"]
        for d in json.loads(validate.out)["diagnostics"]
        if d["code"] in {"PK102", "PK103"}
    )
    review = json.loads(
        cli("review", root, "--today", TODAY, "--within", "60d", "--format", "json").out
    )
    items = [item for owner in review["owners"] for item in owner["items"]]
    groups = {
        "overdue": [i["id"] for i in items if i["days_late"] > 0],
        "falling due": [i["id"] for i in items if i["days_late"] <= 0],
        "not in force": [i["id"] for i in review["not_in_force"]],
    }
    assert review["summary"] == {
        "overdue": len(groups["overdue"]),
        "falling_due": len(groups["falling due"]),
    }
    inventory = json.loads(
        cli("inventory", root, "--list", "--today", TODAY, "--format", "json").out
    )
    overdue_rows = sum(1 for row in inventory["processes"] if row["overdue"])
    flagged = sorted(
        str(page.relative_to(site))
        for folder in ("processes", "handbooks")
        for page in (site / folder).glob("*.html")
        if "flag-overdue" in page.read_text(encoding="utf-8")
    )
    return codes, groups, overdue_rows, flagged


def _build(root: Path, output: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    publish(PublishRequest(root, output))
    return output


@pytest.mark.parametrize("when", list(DATES))
@pytest.mark.parametrize(("kind", "status", "in_force"), ENTITIES)
def test_the_four_consumers_agree_on_what_is_overdue(
    make_repo: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    kind: str,
    status: str | None,
    in_force: bool,
    when: str,
) -> None:
    path, text = _entity(kind, status, DATES[when])
    root = make_repo({"areas/bu.yaml": AREA, path: text})
    site = _build(root, tmp_path / "site", monkeypatch)
    codes, groups, overdue_rows, flagged = _consumers(root, cli, site)

    entity_id = "bu-utredning" if kind == "process" else "rutin-utredning"
    page = f"{'processes' if kind == 'process' else 'handbooks'}/{entity_id}.html"
    overdue = in_force and when == "past"
    soon = in_force and when == "within the window"
    apart = not in_force and status != "retired" and when in ("past", "within the window")
    assert codes == (["PK102"] if overdue else ["PK103"] if soon else [])
    assert groups == {
        "overdue": [entity_id] if overdue else [],
        "falling due": [entity_id] if soon else [],
        "not in force": [entity_id] if apart else [],
    }
    assert overdue_rows == (1 if overdue and kind == "process" else 0)
    assert flagged == ([page] if overdue else [])


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
    codes, groups, overdue_rows, flagged = _consumers(root, cli, site)
    assert codes == ["PK102"]
    assert groups == {
        "overdue": ["bu-utredning"],
        "falling due": [],
        "not in force": ["bu-placering", "rutin-placering"],
    }
    assert overdue_rows == 1
    assert flagged == ["processes/bu-utredning.html"]

    table = cli("review", root, "--today", TODAY, "--within", "30d")
    assert (table.code, table.err) == (0, "")
    assert table.out == (
        "Reviews due by 2026-03-31 (today 2026-03-01, within 30 days): 1 overdue, "
        "0 falling due.\n"
        "\n"
        "Owner       Kind     Id            Name                Due         When\n"
        "----------  -------  ------------  ------------------  ----------  ------------\n"
        "(no owner)  process  bu-utredning  Utreda barns behov  2026-01-15  45 days late\n"
        "\n"
        "Not in force, so not counted as overdue:\n"
        "\n"
        "Kind      Id               Name                 Status  Due         When\n"
        "--------  ---------------  -------------------  ------  ----------  ------------\n"
        "process   bu-placering     Placera barn         draft   2026-02-01  28 days late\n"
        "handbook  rutin-placering  Rutin för placering  draft   2026-02-15  14 days late\n"
    )
    markdown = cli("review", root, "--today", TODAY, "--within", "30d", "--format", "markdown")
    assert markdown.out.endswith(
        "## Inte i kraft\n"
        "\n"
        "Utkast och beskrivningar under granskning gäller inte ännu, så de räknas inte som "
        "försenade.\n"
        "\n"
        "- Process **Placera barn** (`bu-placering`, Barn och unga) skulle ha reviderats senast "
        "2026-02-01, 28 dagar försenad\n"
        "- Rutin **Rutin för placering** (`rutin-placering`) skulle ha reviderats senast "
        "2026-02-15, 14 dagar försenad\n"
    )
