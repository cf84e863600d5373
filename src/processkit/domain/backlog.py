"""The improvement-proposal backlog: by process and status, with age; the intake and the
decisions of a period."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import field
from datetime import date

from processkit.diagnostics import did_you_mean
from processkit.domain.lookup import unknown_id
from processkit.domain.proposals import DECIDED_STATUSES, OPEN_STATUSES, STATUS_ORDER
from processkit.domain.structure import sorted_areas
from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.i18n import _
from processkit.loading.git import Commit
from processkit.loading.repository import Record, Repository
from processkit.model import Proposal
from processkit.model.types import SWEDISH_VALUES


@frozen
class ProposalItem:
    """One proposal, with what the reports show about it.

    ``age_days`` counts from submission to ``today``; ``days_to_decision`` from submission to
    the decision (None while undecided). ``closed_by`` is the change that carried it out, for a
    proposal that is done, when its decision names a commit or the git history shows it.
    """

    id: str
    process_id: str
    process_name: str
    title: str
    status: str
    submitted: date
    submitted_by: str | None
    decided: date | None
    decision: str | None
    description: str | None
    path: str
    age_days: int
    days_to_decision: int | None
    closed_by: Commit | None = None


@frozen
class ProcessProposals:
    """The proposals of one process, by status then submission date."""

    process_id: str
    process_name: str
    area_id: str | None
    items: tuple[ProposalItem, ...]

    @property
    def counts(self) -> dict[str, int]:
        """Status -> number of proposals, for the statuses present, in STATUS_ORDER."""
        return _count(self.items)


@frozen
class ProposalsReport:
    """The proposals asked for, grouped by process; with ``since``, the period's intake
    (submitted from ``since`` to ``today``) and decisions (decided in that period)."""

    today: date
    statuses: tuple[str, ...]
    processes: tuple[ProcessProposals, ...]
    since: date | None = None
    intake: tuple[ProposalItem, ...] = field(default_factory=tuple)
    decisions: tuple[ProposalItem, ...] = field(default_factory=tuple)

    @property
    def counts(self) -> dict[str, int]:
        return _count(item for group in self.processes for item in group.items)

    @property
    def total(self) -> int:
        return sum(len(group.items) for group in self.processes)


def _count(items: Iterable[ProposalItem]) -> dict[str, int]:
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for item in items:
        counts[item.status] += 1
    return {status: n for status, n in counts.items() if n}


def parse_statuses(values: Iterable[str]) -> tuple[str, ...]:
    """Statuses from ``--status`` values: comma-separated, English or Swedish, or ``all``;
    none given means the open ones (new, assessing, accepted)."""
    chosen: set[str] = set()
    for value in values:
        for part in value.split(","):
            word = part.strip().casefold()
            if not word:
                continue
            if word in ("all", "alla"):
                chosen.update(STATUS_ORDER)
                continue
            if word in ("open", "öppen", "öppna", "oppna"):
                chosen.update(OPEN_STATUSES)
                continue
            status = SWEDISH_VALUES.get(word, word)
            if status not in STATUS_ORDER:
                guess = did_you_mean(word, (*STATUS_ORDER, "open", "all"))
                known = ", ".join(STATUS_ORDER)
                if guess:
                    raise ProcesskitError(
                        _(
                            "--status: `{written}` is not a status of a proposal; did you mean "
                            "`{guess}`? use {statuses}, open or all",
                            written=part.strip(),
                            guess=guess,
                            statuses=known,
                        )
                    )
                raise ProcesskitError(
                    _(
                        "--status: `{written}` is not a status of a proposal; use {statuses}, "
                        "open or all",
                        written=part.strip(),
                        statuses=known,
                    )
                )
            chosen.add(status)
    if not chosen:
        chosen.update(OPEN_STATUSES)
    return tuple(status for status in STATUS_ORDER if status in chosen)


def proposal_item(
    repo: Repository,
    record: Record[Proposal],
    today: date,
    closing: Mapping[str, Commit] | None = None,
) -> ProposalItem:
    """What the reports show about one proposal."""
    proposal = record.entity
    process = repo.processes.get(proposal.process)
    decided = proposal.decided
    return ProposalItem(
        id=proposal.id,
        process_id=proposal.process,
        process_name=process.entity.name if process else proposal.process,
        title=proposal.title,
        status=proposal.status,
        submitted=proposal.submitted,
        submitted_by=proposal.submitted_by,
        decided=decided,
        decision=proposal.decision,
        description=proposal.description,
        path=record.path,
        age_days=(today - proposal.submitted).days,
        days_to_decision=(decided - proposal.submitted).days if decided else None,
        closed_by=(closing or {}).get(proposal.id) if proposal.status == "done" else None,
    )


def _item_key(item: ProposalItem) -> tuple[int, date, str]:
    return (STATUS_ORDER.index(item.status), item.submitted, item.id)


def proposals_report(
    repo: Repository,
    *,
    today: date,
    statuses: Iterable[str] = OPEN_STATUSES,
    process: str | None = None,
    since: date | None = None,
    closing: Mapping[str, Commit] | None = None,
) -> ProposalsReport:
    """The proposals with the given statuses, grouped by process (areas in their configured
    order, then process id); with ``since`` also the intake and the decisions from ``since``
    to ``today``. ``closing`` maps done proposals to the change that carried them out (see
    :func:`processkit.history.closing.closing_commits`)."""
    if process is not None and process not in repo.processes:
        raise unknown_id("process", process, repo.processes, option="--process")
    wanted = tuple(status for status in STATUS_ORDER if status in set(statuses))
    records = [
        record
        for _, record in sorted(repo.proposals.items())
        if process is None or record.entity.process == process
    ]
    items = [proposal_item(repo, record, today, closing) for record in records]
    grouped: dict[str, list[ProposalItem]] = {}
    for item in items:
        if item.status in wanted:
            grouped.setdefault(item.process_id, []).append(item)
    groups = [
        ProcessProposals(
            process_id,
            group[0].process_name,
            repo.processes[process_id].entity.area if process_id in repo.processes else None,
            tuple(sorted(group, key=_item_key)),
        )
        for process_id, group in grouped.items()
    ]
    area_rank = {area_id: rank for rank, area_id in enumerate(sorted_areas(repo))}
    groups.sort(
        key=lambda g: (
            area_rank.get(g.area_id or "", len(area_rank)),
            g.area_id or "",
            g.process_id,
        )
    )
    intake: tuple[ProposalItem, ...] = ()
    decisions: tuple[ProposalItem, ...] = ()
    if since is not None:
        intake = tuple(
            sorted(
                (item for item in items if since <= item.submitted <= today),
                key=lambda item: (item.submitted, item.id),
            )
        )
        decisions = tuple(
            sorted(
                (
                    item
                    for item in items
                    if item.decided is not None
                    and item.status in DECIDED_STATUSES
                    and since <= item.decided <= today
                ),
                key=lambda item: (item.decided or today, item.id),
            )
        )
    return ProposalsReport(today, wanted, tuple(groups), since, intake, decisions)
