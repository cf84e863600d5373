"""Screenshots of the Kalmar site for the documentation (docs/images/), taken as a reader sees
it: headless Chromium, desktop (1280 px) and phone (390 px) widths.

    .venv/bin/python tests/site/make_screenshots.py [SITE] [OUT]

SITE defaults to a fresh build of examples/kalmar; OUT to docs/images.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from processkit.site.preview import serving

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: the tests' own modules are found from the root
    sys.path.append(str(ROOT))

from tests import chromium  # noqa: E402

SHOTS = [
    # (file, page, width, height of the part shown)
    ("site-start-desktop.png", "index.html", 1280, 1500),
    ("site-process-desktop.png", "processes/bu-utredning.html", 1280, 1900),
    ("site-start-phone.png", "index.html", 390, 1700),
    ("site-process-phone.png", "processes/bu-utredning.html", 390, 2600),
    ("site-proposals-desktop.png", "proposals.html", 1280, 1400),
]


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        if argv and argv[0]:
            site = Path(argv[0])
        else:
            from processkit.cli.publishing import PublishRequest, publish

            os.environ.setdefault("SOURCE_DATE_EPOCH", "1780272000")
            site = publish(PublishRequest(ROOT / "examples/kalmar", Path(scratch) / "site")).output
        with serving(site) as base, sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            for name, page, width, height in SHOTS:
                tab = browser.new_page(viewport={"width": width, "height": 900})
                tab.goto(base + page)
                tab.wait_for_load_state("networkidle")
                tab.screenshot(
                    path=str(out / name),
                    full_page=True,
                    clip={"x": 0, "y": 0, "width": width, "height": height},
                )
                tab.close()
                print(out / name)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or [""]))
