"""processkit: process management for social services, kept as YAML files in git."""

from __future__ import annotations

from functools import cache

#: When no package metadata is found: a source folder run without being installed. The same
#: value as ``fallback-version`` in pyproject.toml.
UNKNOWN_VERSION = "0.0.0"


@cache
def _installed_version() -> str:
    # importlib.metadata costs some 20 ms to import: paid only by what shows the version
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("processkit")
    except PackageNotFoundError:
        return UNKNOWN_VERSION


def __getattr__(name: str) -> str:
    """``processkit.__version__``: the installed version (a release's git tag, written into
    the package metadata when the wheel is built)."""
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module 'processkit' has no attribute {name!r}")
