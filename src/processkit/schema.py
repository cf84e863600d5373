"""JSON Schemas generated from the models, one per kind and one for the configuration."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from processkit.fsutil import write_atomic
from processkit.model import KINDS, Config

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_BASE = "https://processkit.example/schemas/"


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema for every kind, and ``config.schema.json``."""
    result: dict[str, dict[str, Any]] = {}
    for kind, model in {**KINDS, "config": Config}.items():
        schema = model.model_json_schema(mode="validation")
        name = f"{kind}.schema.json"
        result[name] = {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_BASE + name, **schema}
    return result


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; returns the paths written, sorted."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in sorted(schemas().items()):
        target = folder / name
        write_atomic(target, render(schema))
        written.append(target)
    return written
