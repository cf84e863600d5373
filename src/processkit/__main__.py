"""Allow ``python -m processkit``."""

from __future__ import annotations

from processkit.cli.main import entry

if __name__ == "__main__":
    entry()
