"""The Nu Html Checker (vnu.jar, from the npm package vnu-jar; ``./dev setup`` installs it)
run once over every page of a built site.

Outside CI a test is skipped when Java or vnu.jar is missing; in CI (CI=true) they must be
there. ``PROCESSKIT_VNU`` names another vnu.jar.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.conftest import ROOT
from tests.site.htmlcheck import html_pages

VNU = Path(
    os.environ.get(
        "PROCESSKIT_VNU", ROOT / ".processkit-cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
    )
)


def _missing() -> str | None:
    if shutil.which("java") is None:
        return "no java (apt-get install default-jre-headless, or run ./dev setup)"
    if not VNU.is_file():
        return f"no vnu.jar at {VNU} (run ./dev setup, or npm install vnu-jar there)"
    return None


def require_checker() -> None:
    """Skip the calling test when the checker is missing, but fail in CI."""
    problem = _missing()
    if problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the HTML checker must run in CI, but {problem}")
        pytest.skip(problem)


def checker_errors(site: Path, pages: list[str] | None = None) -> list[str]:
    """Every error the checker finds in ``pages`` of ``site`` (default: every page), one line
    each: ``page:line:column message [extract]``, in the checker's order."""
    require_checker()
    pages = html_pages(site) if pages is None else pages
    completed = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *pages],
        cwd=site,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    try:
        report = json.loads(completed.stderr)  # vnu writes its report to standard error
    except json.JSONDecodeError:
        pytest.fail(
            f"the HTML checker did not report (exit {completed.returncode}):\n"
            f"{completed.stderr[-2000:]}"
        )
    prefix = site.resolve().as_uri() + "/"
    lines = []
    for message in report["messages"]:
        url = str(message.get("url", ""))
        page = url.replace("file:" + str(site.resolve()) + "/", "").replace(prefix, "")
        where = f"{page}:{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}"
        extract = message.get("extract", "").replace("\n", "↵")
        lines.append(f"{where} {message['message']} [{extract}]")
    if completed.returncode not in (0, 1) or (completed.returncode == 1 and not lines):
        pytest.fail(
            f"the HTML checker failed (exit {completed.returncode}):\n{completed.stderr[-2000:]}"
        )
    return lines
