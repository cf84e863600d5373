"""The one check of a golden file: the output compared with a reviewed file, whole.

Rewrite the files with ``pytest --update-goldens`` and review the diff before committing.
"""

from __future__ import annotations

from pathlib import Path


def check_golden(golden: Path, text: str, update: bool) -> None:
    """Compare ``text`` with the golden file, or (``update``) rewrite the file with it."""
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"{golden} is missing: run pytest with --update-goldens"
    assert text == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs from its golden file: fix the output, or run pytest with "
        "--update-goldens and review the diff"
    )
