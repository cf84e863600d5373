"""The package build's one extra step: compile the message catalogue (``locale/*/*.po``) into
``processkit/locale/<language>/LC_MESSAGES/processkit.mo`` inside the wheel."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogueBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install compiles from the checkout on first use
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location(
            "processkit_i18n_build", root / "src" / "processkit" / "i18n_build.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        output = root / "build" / "wheel-locale"
        for compiled in module.compile_all(root / "locale", output):
            inside = compiled.relative_to(output).as_posix()
            build_data["force_include"][str(compiled)] = f"processkit/locale/{inside}"
