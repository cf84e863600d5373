"""The facts in ``processkit.domain`` that have one home: their tables are complete."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import get_args

import pytest

from processkit.domain.facts import RoleUsage, gather
from processkit.domain.flow import Flow, flow_of
from processkit.domain.proposals import (
    DECIDED_STATUSES,
    OPEN_STATUSES,
    STATUS_ORDER,
    STATUS_TABLE,
    next_proposal_id,
)
from processkit.domain.reviews import (
    ReviewState,
    ReviewStatus,
    due_reviews,
    is_overdue,
    review_state,
)
from processkit.loading.repository import ByFile, Record, Repository
from processkit.model import Config, Handbook, Process
from processkit.model.proposal import ProposalStatus


def test_every_proposal_status_of_the_model_has_one_row() -> None:
    assert get_args(ProposalStatus) == STATUS_ORDER
    assert list(STATUS_TABLE) == list(STATUS_ORDER)
    assert OPEN_STATUSES == ("new", "assessing", "accepted")
    assert DECIDED_STATUSES == ("accepted", "rejected", "done")


def test_the_next_proposal_id_follows_the_most_common_prefix_and_width() -> None:
    assert next_proposal_id([], 2026) == "fp-2026-001"
    assert next_proposal_id(["fp-2026-012", "fp-2026-003", "fp-2025-040"], 2026) == "fp-2026-013"
    assert next_proposal_id(["fb-2026-0007", "fb-2026-0008", "fp-2026-100"], 2026) == (
        "fb-2026-0009"
    )


@pytest.mark.parametrize(
    ("status", "due", "expected"),
    [
        ("approved", "2026-02-28", ReviewStatus.OVERDUE),
        ("approved", "2026-03-01", ReviewStatus.DUE_SOON),
        ("approved", "2026-04-30", ReviewStatus.DUE_SOON),
        ("approved", "2026-05-01", ReviewStatus.LATER),
        ("approved", None, ReviewStatus.UNDATED),
        ("draft", "2026-02-28", ReviewStatus.NOT_IN_FORCE),
        ("review", "2026-03-01", ReviewStatus.NOT_IN_FORCE),
        ("retired", "2026-02-28", ReviewStatus.NOT_IN_FORCE),
    ],
)
def test_review_state_counts_today_and_the_last_day_as_due_soon(
    status: str, due: str | None, expected: ReviewStatus
) -> None:
    process = Process.model_validate(
        {
            "kind": "process",
            "id": "bu-utredning",
            "name": "Utreda barns behov",
            "area": "bu",
            "type": "core",
            "status": status,
            **({"review_date": due} if due else {}),
        }
    )
    config = Config.model_validate({"organisation": "Testkommunen"})
    state = review_state(process, config, today=date(2026, 3, 1), until=date(2026, 4, 30))
    assert state == ReviewState(date.fromisoformat(due) if due else None, expected)
    assert is_overdue(process, config, date(2026, 3, 1)) is (expected is ReviewStatus.OVERDUE)
    assert is_overdue(process, config, None) is False


def test_a_listed_review_stands_where_review_state_says() -> None:
    """The rules read a review's status from ``due_reviews``'s day: it is the day and status
    ``review_state`` gives, and what it leaves out is not in force or not dated. The site's
    ``is_overdue`` (told without making the state) says overdue just where it does."""
    config = Config.model_validate(
        {"organisation": "Testkommunen", "review": {"interval_months": 12}}
    )
    repo = Repository(root=Path("."), config=config)
    entities: list[Process | Handbook] = []
    for status in ("draft", "review", "approved", "retired"):
        for dates in (
            {},
            {"review_date": "2026-02-28"},
            {"review_date": "2026-04-30"},
            {"approved": {"date": "2025-03-01", "by": "Nämnden"}},
            {"approved": {"date": "2025-02-27", "by": "Nämnden"}, "review_date": "2026-06-01"},
        ):
            process = Process.model_validate(
                {
                    "kind": "process",
                    "id": f"p-{len(entities)}",
                    "name": "Utreda",
                    "area": "bu",
                    "type": "core",
                    "status": status,
                    **dates,
                }
            )
            entities.append(process)
            repo.of_kind("process")[process.id] = Record(process, f"processes/{process.id}.yaml")
        for handbook_status in (None, "approved", "retired"):
            handbook = Handbook.model_validate(
                {
                    "kind": "handbook",
                    "id": f"h-{len(entities)}",
                    "title": "Rutin",
                    **({"status": handbook_status} if handbook_status else {}),
                    "review_date": "2026-03-01",
                }
            )
            entities.append(handbook)
            repo.of_kind("handbook")[handbook.id] = Record(handbook, f"h/{handbook.id}.yaml")
    listed = {review.entity_id: review for review in due_reviews(repo)}
    for today, until in (
        (date(2026, 3, 1), date(2026, 3, 1)),
        (date(2026, 3, 1), date(2026, 5, 1)),
    ):
        for entity in entities:
            state = review_state(entity, config, today=today, until=until)
            review = listed.get(entity.id)
            if review is None:
                assert state.status in (ReviewStatus.NOT_IN_FORCE, ReviewStatus.UNDATED)
            else:
                assert (review.due, review.status(today=today, until=until)) == (
                    state.due,
                    state.status,
                )
    assert {ReviewStatus.OVERDUE, ReviewStatus.DUE_SOON, ReviewStatus.LATER} <= {
        review.status(today=date(2026, 3, 1), until=date(2026, 5, 1)) for review in listed.values()
    }
    # and with handbooks of every status, dated either way, on days before, on and after
    # the days they fall due (a review is overdue from the day after)
    for status in ("draft", "review", "approved", "retired", None):
        for dates in (
            {},
            {"review_date": "2026-03-01"},
            {"approved": {"date": "2025-03-01", "by": "Nämnden"}},
        ):
            entities.append(
                Handbook.model_validate(
                    {
                        "kind": "handbook",
                        "id": f"h-{len(entities)}",
                        "title": "Rutin",
                        **({"status": status} if status else {}),
                        **dates,
                    }
                )
            )
    days = ("02-27", "02-28", "03-01", "03-02", "04-30", "05-01", "06-01", "06-02")
    for entity in entities:
        for today in (date.fromisoformat(f"2026-{day}") for day in days):
            state = review_state(entity, config, today=today, until=today)
            overdue = state.status is ReviewStatus.OVERDUE
            assert is_overdue(entity, config, today) is overdue, (entity.id, today)


def _flow_by_definition(activities: list[dict[str, object]]) -> Flow:
    """What ``flow_of`` must find, worked out the long way: walks over the whole graph."""
    ids = [str(a["id"]) for a in activities]
    nexts = {str(a["id"]): [str(t) for t in a.get("next", [])] for a in activities}  # type: ignore[attr-defined]
    ends = {i for i in ids if not nexts[i] or any(t not in ids for t in nexts[i])}

    def reach(start: str) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for target in nexts[todo.pop()]:
                if target in nexts and target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    reached = reach(ids[0])
    can_end = {i for i in ids if reach(i) & ends}
    return Flow(
        unreached=tuple(n for n, i in enumerate(ids) if i not in reached),
        stuck=tuple(n for n, i in enumerate(ids) if i in reached and i not in can_end),
        has_end=bool(ends),
    )


def test_flow_of_finds_what_the_whole_graph_shows() -> None:
    """The quick passes of ``flow_of`` (most flows) agree with walking the graph, on flows of
    every shape: forwards, back, to themselves, to an unknown activity, without an end."""
    rng = random.Random(17)
    for _ in range(3000):
        count = rng.randint(1, 7)
        names = [f"a{n}" for n in range(count)]
        activities: list[dict[str, object]] = []
        for n, name in enumerate(names):
            choices = [*names, "okand"] if rng.random() < 0.3 else names[n + 1 :] or names
            targets = rng.sample(choices, rng.randint(0, min(2, len(choices))))
            activities.append({"id": name, "name": name, **({"next": targets} if targets else {})})
        process = Process.model_validate(
            {
                "kind": "process",
                "id": "p",
                "name": "P",
                "area": "bu",
                "type": "core",
                "status": "draft",
                "activities": activities,
            }
        )
        assert flow_of(process.activities) == _flow_by_definition(activities), activities


def test_a_role_is_noted_once_per_process_with_its_letters_in_raci_order() -> None:
    process = Process.model_validate(
        {
            "kind": "process",
            "id": "p",
            "name": "Utreda",
            "area": "bu",
            "type": "core",
            "status": "draft",
            "activities": [
                {"id": "a", "name": "Ta emot", "role": "r1", "consulted": ["r2"], "next": ["b"]},
                {
                    "id": "b",
                    "name": "Bedöma",
                    "role": "r2",
                    "accountable": "r1",
                    "consulted": ["r1"],
                    "informed": ["r1", "r2"],
                },
            ],
            "controls": [{"description": "Kontroll", "role": "r2"}],
        }
    )
    repo = Repository(root=Path("."), config=Config.model_validate({"organisation": "K"}))
    repo.of_kind("process")["p"] = Record(process, "processes/p.yaml")
    uses = gather(repo, None).role_uses
    names = {"a": "Ta emot", "b": "Bedöma"}
    assert uses == {
        "r1": {"p": RoleUsage("Utreda", {"a": ["R"], "b": ["A", "C", "I"]}, names)},
        "r2": {"p": RoleUsage("Utreda", {"a": ["C"], "b": ["R", "I"]}, names, ["Kontroll"])},
    }
    assert list(uses) == ["r1", "r2"]


def test_facts_gathered_again_take_what_an_unchanged_process_says_from_before() -> None:
    """``serve`` gathers the facts before every build: what a process's file says of its
    roles and handbooks is taken from the gathering before while the file's bytes are the
    same, and the facts, in their order, are those gathered from nothing."""
    from tests.conftest import KALMAR

    from processkit.domain import facts as facts_module
    from processkit.loading.load import load_repository

    repo = load_repository(KALMAR).repo
    facts_module._ROLES_OF, facts_module._HANDBOOKS_OF = ByFile(), ByFile()
    first = gather(repo, date(2026, 3, 1))
    # worked out when first read: a publish indexes the process pages before
    assert len(facts_module._ROLES_OF) == len(facts_module._HANDBOOKS_OF) == 0
    assert len(first.role_uses) > 3 and len(first.handbook_users) > 3
    again = gather(repo, date(2026, 3, 1))
    assert len(again.handbook_users) > 3 and len(again.role_uses) > 3
    assert len(facts_module._ROLES_OF) == len(facts_module._HANDBOOKS_OF) > 10
    facts_module._ROLES_OF, facts_module._HANDBOOKS_OF = ByFile(), ByFile()
    anew = gather(repo, date(2026, 3, 1))
    assert again == anew
    for name in ("role_uses", "handbook_users"):
        assert list(getattr(again, name)) == list(getattr(anew, name))  # the same order
    assert list(again.role_uses["socialsekreterare"]) == list(anew.role_uses["socialsekreterare"])
    taken = [
        usage is first.role_uses[role][process]
        for role, uses in again.role_uses.items()
        for process, usage in uses.items()
    ]
    assert len(taken) > 100 and all(taken)
