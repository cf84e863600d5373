"""The inventory's counts, exactly, on a repository built for counting (test_inventory_fixture)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from tests.test_inventory_fixture import FILES

from processkit.domain.structure import tree_order
from processkit.inventory import (
    GroupCount,
    Inventory,
    OwnerPivot,
    PersonCount,
    ProcessRow,
    RoleCount,
    UnknownArea,
    UnknownStatus,
    by_owner,
    by_role,
    by_status,
    by_type,
    inventory,
)
from processkit.loading.load import load_repository
from processkit.loading.repository import Repository

TODAY = date(2026, 11, 21)
MakeRepo = Callable[[dict[str, str | bytes]], Path]


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    loaded = load_repository(make_repo(FILES))
    assert loaded.diagnostics == []
    return loaded.repo


def counts(
    group_id: str,
    name: str,
    processes: int,
    types: tuple[int, int, int],
    statuses: tuple[int, int, int, int],
) -> GroupCount:
    return GroupCount(
        group_id,
        name,
        processes,
        dict(zip(("management", "core", "support"), types, strict=True)),
        dict(zip(("draft", "review", "approved", "retired"), statuses, strict=True)),
    )


def test_default_view_counts_active_processes_per_area_in_configured_order(
    repo: Repository,
) -> None:
    result = inventory(repo, today=TODAY)

    assert result.total == 7
    assert result.areas == (
        counts("ledning", "Ledning", 2, (2, 0, 0), (1, 0, 1, 0)),
        counts("barn", "Barn och unga", 4, (0, 3, 1), (1, 1, 2, 1)),
        counts("tom", "Tom leverans", 0, (0, 0, 0), (0, 0, 0, 0)),
        counts("aldre", "Äldreomsorg", 1, (0, 1, 0), (0, 0, 1, 1)),
    )
    assert result.organisation == "Testkommunen"
    assert result.today == TODAY


def test_process_rows_follow_the_areas_and_put_sub_processes_under_their_parent(
    repo: Repository,
) -> None:
    rows = inventory(repo, today=TODAY).processes

    assert [(row.id, row.depth, row.level, row.parent) for row in rows] == [
        ("planera", 0, "process", None),
        ("styra", 0, "process", None),
        ("bu-myndighet", 0, "process", None),
        ("bu-insatser", 1, "sub-process", "bu-myndighet"),
        ("bu-utredning", 1, "sub-process", "bu-myndighet"),
        ("bu-samtal", 2, "sub-process", "bu-utredning"),
        ("bu-stod", 0, "process", None),
        ("ao-boende", 0, "process", None),
        ("ao-hemtjanst", 0, "process", None),
    ]


def test_a_process_row_holds_every_column_of_a_process_inventory(repo: Repository) -> None:
    rows = {row.id: row for row in inventory(repo, today=TODAY).processes}

    assert rows["bu-myndighet"] == ProcessRow(
        id="bu-myndighet",
        name="Myndighetsutövning | barn",
        area="barn",
        area_name="Barn och unga",
        type="core",
        parent=None,
        depth=0,
        owner="anna",
        owner_name="Anna Nilsson",
        leaders=("erik", "lisa"),
        leader_names=("Erik Åberg", "Lisa Berg"),
        status="approved",
        version="2.10",
        approved=date(2026, 2, 1),
        next_review=date(2027, 2, 1),
        overdue=False,
        mapped=True,
        specified=True,
        measures=2,
        risks=1,
        open_proposals=0,
        maturity=None,
        performs=(("enhetschef", 1), ("socialsekreterare", 1)),
    )
    utredning = rows["bu-utredning"]
    assert (utredning.open_proposals, utredning.maturity, utredning.specified) == (2, 2, False)
    assert rows["planera"].owner_name is None
    assert rows["planera"].leader_names == ()


def test_overdue_is_an_approved_process_with_its_next_review_before_today(
    repo: Repository,
) -> None:
    rows = inventory(repo, today=TODAY).processes

    assert [(row.id, row.next_review, row.overdue) for row in rows if row.next_review] == [
        ("styra", date(2026, 6, 1), True),  # approved + 12 months, passed
        ("bu-myndighet", date(2027, 2, 1), False),  # review_date ahead
        ("bu-insatser", date(2021, 1, 1), False),  # passed, but retired
        ("bu-utredning", date(2026, 11, 21), False),  # due today, not yet overdue
        ("bu-samtal", date(2026, 1, 1), False),  # passed, but in review, not yet in force
        ("ao-boende", date(2026, 11, 20), True),  # due yesterday
    ]
    later = inventory(repo, today=date(2026, 11, 22)).processes
    assert [row.id for row in later if row.overdue] == ["styra", "bu-utredning", "ao-boende"]


def test_by_type_counts_active_processes_and_every_status(repo: Repository) -> None:
    assert by_type(inventory(repo, today=TODAY)) == (
        counts("management", "management", 2, (2, 0, 0), (1, 0, 1, 0)),
        counts("core", "core", 4, (0, 4, 0), (0, 1, 3, 2)),
        counts("support", "support", 1, (0, 0, 1), (1, 0, 0, 0)),
    )


def test_by_status_counts_retired_processes_in_their_own_group(repo: Repository) -> None:
    assert by_status(inventory(repo, today=TODAY)) == (
        counts("draft", "draft", 2, (1, 0, 1), (2, 0, 0, 0)),
        counts("review", "review", 1, (0, 1, 0), (0, 1, 0, 0)),
        counts("approved", "approved", 4, (1, 3, 0), (0, 0, 4, 0)),
        counts("retired", "retired", 2, (0, 2, 0), (0, 0, 0, 2)),
    )


def test_by_owner_counts_active_processes_owned_and_led_and_those_without(
    repo: Repository,
) -> None:
    # anna also owns bu-insatser, and lisa leads it, but it is retired; olle owns nothing
    assert by_owner(inventory(repo, today=TODAY)) == OwnerPivot(
        people=(
            PersonCount("anna", "Anna Nilsson", 2, 1),
            PersonCount("erik", "Erik Åberg", 2, 3),
            PersonCount("lisa", "Lisa Berg", 1, 1),
        ),
        without_owner=2,
        without_leaders=3,
    )


def test_by_role_counts_processes_and_activities_a_role_performs(repo: Repository) -> None:
    # the retired bu-insatser's socialsekreterare activity is not counted
    assert by_role(inventory(repo, today=TODAY)) == (
        RoleCount("enhetschef", "Enhetschef", 2, 2),
        RoleCount("socialsekreterare", "Socialsekreterare", 3, 4),
        RoleCount("underskoterska", "Undersköterska", 1, 1),
    )


def test_area_filter_keeps_the_configured_order(repo: Repository) -> None:
    result = inventory(repo, today=TODAY, areas=["aldre", "tom", "ledning", "aldre"])

    assert [(group.id, group.processes) for group in result.areas] == [
        ("ledning", 2),
        ("tom", 0),
        ("aldre", 1),
    ]
    assert result.total == 3
    assert [row.id for row in result.processes] == [
        "planera",
        "styra",
        "ao-boende",
        "ao-hemtjanst",
    ]


def test_status_filter_narrows_every_count(repo: Repository) -> None:
    result = inventory(repo, today=TODAY, statuses=["approved", "retired"])

    assert result.total == 4
    assert [(group.id, group.processes, dict(group.by_status)) for group in result.areas] == [
        ("ledning", 1, {"draft": 0, "review": 0, "approved": 1, "retired": 0}),
        ("barn", 2, {"draft": 0, "review": 0, "approved": 2, "retired": 1}),
        ("tom", 0, {"draft": 0, "review": 0, "approved": 0, "retired": 0}),
        ("aldre", 1, {"draft": 0, "review": 0, "approved": 1, "retired": 1}),
    ]
    # bu-utredning's parent is selected; bu-samtal (review) is not
    assert [(row.id, row.depth) for row in result.processes] == [
        ("styra", 0),
        ("bu-myndighet", 0),
        ("bu-insatser", 1),
        ("bu-utredning", 1),
        ("ao-boende", 0),
        ("ao-hemtjanst", 0),
    ]


def test_only_retired_processes_leave_the_totals_at_zero(repo: Repository) -> None:
    result = inventory(repo, today=TODAY, statuses=["retired"])

    assert result.total == 0
    assert [group.by_status["retired"] for group in result.areas] == [0, 1, 0, 1]
    assert by_owner(result) == OwnerPivot((), 0, 0)


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ("ledn", "no delivery area has the id `ledn`; did you mean `ledning`?"),
        ("barn-och-unga", "no delivery area has the id `barn-och-unga`; did you mean `barn`?"),
        (
            "xyz",
            "no delivery area has the id `xyz`; the areas are `ledning`, `barn`, `tom` and `aldre`",
        ),
    ],
)
def test_an_unknown_area_is_refused_with_a_suggestion(
    repo: Repository, asked: str, message: str
) -> None:
    with pytest.raises(UnknownArea) as refused:
        inventory(repo, today=TODAY, areas=[asked])
    assert str(refused.value) == message


def test_an_unknown_status_is_refused(repo: Repository) -> None:
    with pytest.raises(UnknownStatus) as refused:
        inventory(repo, today=TODAY, statuses=["aproved"])
    assert str(refused.value) == (
        "`aproved` is not a status; did you mean `approved`? "
        "A status is one of `draft`, `review`, `approved`, `retired`."
    )


def test_an_empty_repository_has_an_empty_inventory(make_repo: MakeRepo) -> None:
    result = inventory(load_repository(make_repo({})).repo, today=TODAY)

    assert result == Inventory("Testkommunen", TODAY, 0, (), (), {}, {})
    assert by_type(result) == (
        counts("management", "management", 0, (0, 0, 0), (0, 0, 0, 0)),
        counts("core", "core", 0, (0, 0, 0), (0, 0, 0, 0)),
        counts("support", "support", 0, (0, 0, 0), (0, 0, 0, 0)),
    )
    assert by_role(result) == ()


PROCESS = "kind: process\nid: {id}\nname: {id}\narea: {area}\ntype: core\nstatus: draft\n"


def test_processes_of_an_area_that_does_not_exist_are_counted_after_the_others(
    make_repo: MakeRepo,
) -> None:
    loaded = load_repository(
        make_repo(
            {
                "areas/a.yaml": "kind: area\nid: a\nname: A\n",
                "p1.yaml": PROCESS.format(id="p1", area="a"),
                "p2.yaml": PROCESS.format(id="p2", area="saknas"),
            }
        )
    )
    assert [d.code for d in loaded.diagnostics] == ["PK030"]

    result = inventory(loaded.repo, today=TODAY)
    assert [(g.id, g.name, g.processes) for g in result.areas] == [
        ("a", "A", 1),
        ("saknas", "saknas", 1),
    ]
    assert result.total == 2
    assert [g.id for g in inventory(loaded.repo, today=TODAY, areas=["a"]).areas] == ["a"]


def test_tree_order_survives_a_parent_loop(make_repo: MakeRepo) -> None:
    looped = "kind: process\nid: {id}\nname: {id}\narea: a\ntype: core\nstatus: draft\n"
    loaded = load_repository(
        make_repo(
            {
                "areas/a.yaml": "kind: area\nid: a\nname: A\n",
                "x.yaml": looped.format(id="x") + "parent: y\n",
                "y.yaml": looped.format(id="y") + "parent: x\n",
                "z.yaml": looped.format(id="z") + "parent: x\n",
                "b.yaml": looped.format(id="b"),
            }
        )
    )
    assert "PK031" in {d.code for d in loaded.diagnostics}

    assert tree_order(loaded.repo, ["x", "y", "z", "b"]) == ["b", "x", "y", "z"]
    assert [row.id for row in inventory(loaded.repo, today=TODAY).processes] == [
        "b",
        "x",
        "y",
        "z",
    ]
