"""Writing a new improvement proposal: the next free id, a correctly named file, valid YAML."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from pydantic import ValidationError

from processkit.domain.lookup import unknown_id
from processkit.domain.proposals import next_proposal_id as next_free_id
from processkit.errors import ProcesskitError
from processkit.fsutil import write_atomic
from processkit.loading.repository import Repository
from processkit.loading.yamlfile import read_yaml
from processkit.model import Proposal

DEFAULT_FOLDER = "proposals"
#: Plain words other YAML readers (YAML 1.1) take for booleans: always quoted.
_YAML11_WORDS = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"])


@dataclass(frozen=True, slots=True)
class NewProposal:
    """A proposal ready to be written: its id, its path in the repository and its text."""

    id: str
    path: str
    text: str


def next_proposal_id(repo: Repository, year: int) -> str:
    """The next free id of the year, following the ids already there: ``fp-2026-013`` after
    ``fp-2026-012`` (prefix and number width as the most common existing ids have them;
    ``fp-`` and three digits in a new repository)."""
    taken = set(repo.known.get("proposal", set())) | _file_stems(repo)
    return next_free_id(taken, year)


def _file_stems(repo: Repository) -> set[str]:
    folder = repo.root / proposal_folder(repo)
    if not folder.is_dir():
        return set()
    return {path.stem for path in folder.iterdir() if path.suffix in (".yaml", ".yml")}


def proposal_folder(repo: Repository) -> str:
    """Where proposals are kept: the folder holding most of them, else ``proposals``."""
    folders = Counter(str(PurePosixPath(record.path).parent) for record in repo.proposals.values())
    if not folders:
        return DEFAULT_FOLDER
    return sorted(folders.items(), key=lambda item: (-item[1], item[0]))[0][0]


def new_proposal(
    repo: Repository,
    *,
    process: str,
    title: str,
    today: date,
    submitted_by: str | None = None,
    description: str | None = None,
) -> NewProposal:
    """A new proposal about ``process``, submitted ``today``, with status ``new``."""
    if process not in repo.processes:
        raise unknown_id("--process", "process", process, repo.processes)
    title = " ".join(title.split())
    if not title:
        raise ProcesskitError("--title: the proposal needs a title, a few words saying what it is")
    proposal_id = next_proposal_id(repo, today.year)
    lines = [
        "kind: proposal",
        f"id: {proposal_id}",
        f"process: {process}",
        f"title: {yaml_scalar(title)}",
        f"submitted: {today.isoformat()}",
    ]
    if submitted_by and submitted_by.strip():
        lines.append(f"submitted_by: {yaml_scalar(' '.join(submitted_by.split()))}")
    lines.append("status: new")
    if description and description.strip():
        lines.append(f"description: {yaml_block(description)}")
    text = "\n".join(lines) + "\n"
    folder = proposal_folder(repo)
    path = f"{folder}/{proposal_id}.yaml" if folder not in ("", ".") else f"{proposal_id}.yaml"
    _check(path, text)
    return NewProposal(proposal_id, path, text)


def write_proposal(repo: Repository, proposal: NewProposal) -> None:
    """Write the file (atomically); never over an existing one."""
    target = repo.root / proposal.path
    if target.exists():
        raise ProcesskitError(f"{proposal.path} already exists; it was not overwritten")
    write_atomic(target, proposal.text)


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML value on one line: as it is where that reads back the same, else
    in double quotes."""
    if text.casefold() not in _YAML11_WORDS and _reads_back(f"v: {text}\n", text):
        return text
    return json.dumps(text, ensure_ascii=False)


def yaml_block(text: str) -> str:
    """A longer text as a literal block (``|``), or quoted where a block cannot hold it."""
    body = text.strip("\n")
    if "\n" not in body:
        return yaml_scalar(body.strip())
    lines = [line.rstrip() for line in body.split("\n")]
    block = "|\n" + "\n".join(f"  {line}" if line else "" for line in lines)
    if not lines[0].startswith(" ") and _reads_back(f"v: {block}\n", "\n".join(lines) + "\n"):
        return block
    return json.dumps("\n".join(lines), ensure_ascii=False)


def _reads_back(document: str, expected: str) -> bool:
    parsed = read_yaml("check.yaml", document.encode("utf-8"))
    return not parsed.diagnostics and parsed.value == {"v": expected}


def _check(path: str, text: str) -> None:
    parsed = read_yaml(path, text.encode("utf-8"))
    try:
        if parsed.diagnostics:
            raise ValueError(parsed.diagnostics[0].message)
        Proposal.model_validate(parsed.value)
    except (ValidationError, ValueError) as problem:  # pragma: no cover - a bug of ours
        raise ProcesskitError(f"the new proposal would not be valid: {problem}") from None
