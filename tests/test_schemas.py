"""The JSON Schemas under schemas/ are generated from the models and describe every field."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from tests.conftest import KALMAR, ROOT, CliResult

from processkit.schema import render, schemas

SCHEMAS = ROOT / "schemas"


def test_committed_schemas_are_current() -> None:
    generated = schemas()
    committed = {path.name for path in SCHEMAS.glob("*.schema.json")}
    assert committed == set(generated), "run: processkit schema --output schemas"
    for name, schema in generated.items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == render(schema), (
            f"schemas/{name} is stale; run: processkit schema --output schemas"
        )


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield from schema.get("properties", {}).items()
    for definition in schema.get("$defs", {}).values():
        yield from _properties(definition)


@pytest.mark.parametrize("name", sorted(schemas()))
def test_every_field_has_a_description(name: str) -> None:
    missing = [field for field, prop in _properties(schemas()[name]) if not prop.get("description")]
    assert missing == []


def test_schema_command_writes_the_files(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("schema", "--output", tmp_path / "out")
    assert result.code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(schemas())


def test_kalmar_files_pass_the_json_schemas() -> None:
    """Editors validate with these schemas: they must accept what processkit accepts."""
    by_kind = {name.split(".")[0]: schema for name, schema in schemas().items()}
    checked = 0
    for path in sorted(KALMAR.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        kind = "config" if path.name == "processkit.yaml" else data["kind"]
        data = _json_ready(data)
        jsonschema.validate(data, by_kind[kind])
        checked += 1
    assert checked > 100


def test_schema_rejects_an_unknown_key_and_accepts_x_keys() -> None:
    schema = schemas()["area.schema.json"]
    jsonschema.validate({"kind": "area", "id": "a", "name": "A", "x-egen": 1}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"kind": "area", "id": "a", "name": "A", "ower": "x"}, schema)


def _json_ready(value: Any) -> Any:
    """YAML dates as the ISO text an editor's schema check sees."""
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
