"""Screenshots of ``processkit edit`` for the README (docs/images/), over a copy of Kalmar:
headless Chromium at desktop (1280 px) and phone (390 px) widths.

    .venv/bin/python tests/edit/make_screenshots.py [OUT]

OUT defaults to docs/images.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOTS = [
    # (file, width, height of the part shown)
    ("edit-process-desktop.png", 1280, 1100),
    ("edit-process-phone.png", 390, 1500),
]


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright
    from tests import chromium
    from tests.edit.test_edit_browser import editing
    from tests.site.conftest import copy_kalmar

    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "images"
    with tempfile.TemporaryDirectory() as scratch:
        root = copy_kalmar(Path(scratch) / "kalmar")
        with sync_playwright() as playwright, editing(root) as address:
            browser = chromium.launch(playwright)
            for name, width, height in SHOTS:
                tab = browser.new_page(viewport={"width": width, "height": height})
                tab.goto(address + "/process/bu-utredning")
                tab.locator("#live svg").wait_for()
                tab.screenshot(path=str(out / name))
                tab.close()
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
