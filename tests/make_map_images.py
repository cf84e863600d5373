"""The maps of the Kalmar example shown in the documentation (docs/images/), as SVG and PNG,
drawn by ``processkit map`` without links (a link of the map would lead nowhere there).

    .venv/bin/python tests/make_map_images.py [OUT]

OUT defaults to docs/images. Graphviz's version shapes the drawings: compare what this makes
with what is there before committing it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KALMAR = ROOT / "examples" / "kalmar"
MAPS = [
    # (file name without its suffix, the arguments of ``processkit map``)
    ("kalmar-landscape", ["landscape"]),
    ("kalmar-process-bu-utredning", ["process", "bu-utredning"]),
    ("kalmar-interfaces-barn-och-unga", ["interfaces", "--area", "barn-och-unga"]),
]


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    for name, arguments in MAPS:
        for form in ("svg", "png"):
            target = out / f"{name}.{form}"
            command = [sys.executable, "-m", "processkit", "map", *arguments, str(KALMAR)]
            command += ["--format", form, "--output", str(target), "--no-links", "--no-cache"]
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
