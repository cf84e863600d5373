"""Loading the repository for a report: configuration problems become one clear line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from processkit.diagnostics import Severity
from processkit.errors import ProcesskitError
from processkit.loading.discover import CONFIG_NAME
from processkit.loading.load import ConfigError, load_repository
from processkit.loading.repository import Repository


@dataclass(frozen=True, slots=True)
class Loaded:
    """The repository and how many files could not be loaded (what they hold is left out)."""

    repo: Repository
    files_with_errors: int

    @property
    def note(self) -> str | None:
        """A line telling the user the report leaves out files with errors, or None."""
        if not self.files_with_errors:
            return None
        files = "file has" if self.files_with_errors == 1 else "files have"
        return (
            f"note: {self.files_with_errors} {files} errors and what they hold is left out; "
            "run `processkit validate` to see them"
        )


def load(start: Path) -> Loaded:
    """Load the repository at or above ``start`` for a report."""
    try:
        result = load_repository(start)
    except ConfigError as problem:
        first = problem.diagnostics[0] if problem.diagnostics else None
        where = f" (line {first.line}: {first.message})" if first is not None else ""
        raise ProcesskitError(
            f"processkit.yaml has errors{where}; run `processkit validate` to see them"
        ) from None
    loaded = {record.path for _kind, record in result.repo.all_records()}
    broken = {
        d.path
        for d in result.diagnostics
        if d.severity is Severity.ERROR and d.path not in loaded and d.path != CONFIG_NAME
    }
    return Loaded(result.repo, len(broken))
