"""Putting a built site in place atomically: a failed or interrupted build leaves the previous
site untouched.

The site is built in a sibling folder ``.<name>.tmp-XXXX``; when it is complete the previous
site is renamed away, the new one renamed in, and the previous one deleted. A folder that
exists but holds no site of ours is never replaced.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from processkit.errors import ProcesskitError
from processkit.i18n import _

#: The file that tells a folder is a site processkit published (and may be replaced).
MARKER = ".processkit-site"
MARKER_TEXT = "This folder is a site published by processkit; `processkit publish` replaces it.\n"


def check_output(output: Path, repository: Path) -> None:
    """Refuse an output folder that would replace the repository or someone's files."""
    target = output.resolve()
    root = repository.resolve()
    if target == root or target in root.parents:
        raise ProcesskitError(
            _(
                "the output folder {output} holds the repository itself; publish into a "
                "folder of its own, such as `site`",
                output=output,
            )
        )
    if target.exists() and not target.is_dir():
        raise ProcesskitError(
            _("the output {output} is a file, not a folder; choose a folder", output=output)
        )
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise ProcesskitError(
            _(
                "the folder {output} exists and is not a site processkit published, so it is "
                "left alone; choose another --output folder, or empty this one",
                output=output,
            )
        )


@contextmanager
def staging(output: Path) -> Iterator[Path]:
    """A fresh temporary folder beside ``output``, removed again if the build fails."""
    parent = output.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{output.name}.tmp-", dir=parent))
    temporary.chmod(0o755)
    try:
        yield temporary
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def mark(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def swap(built: Path, output: Path, *, remove_later: bool = False) -> None:
    """Move the complete site ``built`` to ``output``, replacing the previous site. With
    ``remove_later`` (a process that lives on, such as ``serve``) the previous site is deleted
    in the background, once the new one is in place; ``finish_removals`` waits for that."""
    target = output.resolve()
    if not target.exists():
        os.replace(built, target)
        return
    previous = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.rmdir(previous)
    os.replace(target, previous)
    try:
        os.replace(built, target)
    except BaseException:
        os.replace(previous, target)
        raise
    if not remove_later:
        shutil.rmtree(previous, ignore_errors=True)
        return
    removal = threading.Thread(
        target=shutil.rmtree,
        args=(previous,),
        kwargs={"ignore_errors": True},
        name="processkit: removing a replaced site",
        daemon=True,
    )
    removal.start()
    with _LOCK:
        _REMOVALS[:] = [*(thread for thread in _REMOVALS if thread.is_alive()), removal]


_LOCK = threading.Lock()
#: The deletions of replaced sites still going on (``swap(remove_later=True)``).
_REMOVALS: list[threading.Thread] = []


def finish_removals() -> None:
    """Wait until every replaced site is deleted."""
    with _LOCK:
        waiting = list(_REMOVALS)
        _REMOVALS.clear()
    for thread in waiting:
        thread.join()
