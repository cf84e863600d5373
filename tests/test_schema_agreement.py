"""The JSON Schemas and ``validate`` give every file of a corpus the same verdict.

The corpus is ``tests/schema_agreement/<kind>/<case>.yaml`` (``config`` for processkit.yaml):
files named ``ok-*`` are accepted, ``bad-*`` refused, by both sides.

(a) The editor's side: the file is read by an independent YAML 1.2 reader (ruamel.yaml, safe,
version 1.2) and checked against ``schemas()[<kind>.schema.json]`` by ``jsonschema`` with its
format checker (``format: date``). The data is normalised as an editor's YAML server hands it
to its schema check:

- a plain date (``2026-02-01``) stays the text it was written as: YAML 1.2's core schema has no
  timestamps, so ruamel.yaml's own timestamp rule is switched off for plain values;
- mapping keys become text (JSON object keys are strings: ``{0: Saknas}`` has the key "0");
- a value JSON cannot hold (bytes from ``!!binary``, a set from ``!!set``, a date from an
  explicit ``!!timestamp``), or a file the reader refuses (an unknown tag, ``!!int "tre"``,
  two documents), is refused.

(b) processkit's side: ``processkit validate`` on a repository holding just that file (and a
minimal processkit.yaml, or the file as processkit.yaml). Only the codes about one file's own
shape count: PK004, PK005, PK010, PK011 (which also covers tags), PK012; references to other
files (PK030) and the governance rules (PK1xx) do not.

Where the two cannot agree by nature, the corpus holds no case: ruamel.yaml reads some
spellings YAML 1.2's core schema does not (``1_000``, ``0b11``, ``! 12`` as the number 12,
``!!bool yes``); JSON loses a number's spelling, so an id written ``+5`` or ``.5`` (refused by
``validate``: not a valid id) is a number the schema accepts; and checks across fields (a
maturity label for a dimension that is not listed, a description of a level that is not one of
``levels``) and the rules section (rule codes and options) are ``validate``'s alone.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML
from ruamel.yaml.resolver import VersionedResolver
from tests.conftest import CliResult

from processkit.schema import schemas

CORPUS = Path(__file__).parent / "schema_agreement"
SHAPE_CODES = frozenset({"PK004", "PK005", "PK010", "PK011", "PK012"})
MINIMAL_CONFIG = "organisation: Testkommunen\n"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
STRING = "tag:yaml.org,2002:str"


class NotJson(Exception):
    """A value JSON cannot hold."""


class _CoreResolver(VersionedResolver):
    """ruamel.yaml's YAML 1.2 resolver without its timestamp rule for plain values."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        tag = super().resolve(kind, value, implicit)
        if str(tag) == TIMESTAMP and implicit and implicit[0]:
            return super().resolve(kind, value, (False, False))  # the default: text
        return tag


@cache
def _validators() -> dict[str, jsonschema.Draft202012Validator]:
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return {
        name.split(".")[0]: jsonschema.Draft202012Validator(schema, format_checker=checker)
        for name, schema in schemas().items()
    }


def _json(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise NotJson(type(value).__name__)


def schema_accepts(kind: str, text: str) -> bool:
    reader = YAML(typ="safe", pure=True)
    reader.version = (1, 2)
    reader.Resolver = _CoreResolver
    try:
        data = _json(reader.load(text))
    except Exception:  # the reader refuses the file, or JSON cannot hold a value
        return False
    return bool(_validators()[kind].is_valid(data))


def validate_accepts(kind: str, name: str, text: str, root: Path, cli: Callable[..., Any]) -> bool:
    root.mkdir()
    if kind == "config":
        (root / "processkit.yaml").write_text(text, encoding="utf-8")
    else:
        (root / "processkit.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
        (root / kind).mkdir()
        (root / kind / name).write_text(text, encoding="utf-8")
    result: CliResult = cli("validate", root, "--format", "json")
    found = {d["code"] for d in result.json()["diagnostics"]}
    return not found & SHAPE_CODES


def test_the_schemas_and_validate_agree_on_every_file(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    cases = sorted(CORPUS.glob("*/*.yaml"))
    verdicts: dict[str, tuple[bool, bool, bool]] = {}
    for number, path in enumerate(cases):
        kind = path.parent.name
        text = path.read_text(encoding="utf-8")
        expected = path.name.startswith("ok-")
        root = tmp_path / f"repo-{number}"
        verdicts[f"{kind}/{path.name}"] = (
            expected,
            schema_accepts(kind, text),
            validate_accepts(kind, path.name, text, root, cli),
        )
    wrong = {
        case: f"expected {'ok' if ok else 'bad'}, schema {schema}, validate {check}"
        for case, (ok, schema, check) in verdicts.items()
        if not ok == schema == check
    }
    assert wrong == {}
    assert len(verdicts) == 107
    accepted = [case for case, (ok, _, _) in verdicts.items() if ok]
    assert (len(accepted), len(verdicts) - len(accepted)) == (33, 74)
    assert sorted({case.split("/")[0] for case in verdicts}) == [
        "area", "assessment", "config", "handbook", "person", "process", "proposal", "role",
    ]  # fmt: skip


def test_a_plain_date_reaches_the_schema_as_the_text_written() -> None:
    reader = YAML(typ="safe", pure=True)
    reader.version = (1, 2)
    reader.Resolver = _CoreResolver
    assert reader.load("a: 2026-02-01\nb: !!timestamp 2026-02-01\n") == {
        "a": "2026-02-01",
        "b": datetime.date(2026, 2, 1),
    }


#: Files the two sides cannot agree on, by nature (see the module's docstring): the schema
#: accepts each, ``validate`` refuses it. Kept here so that the list cannot go stale.
NATURAL_DIFFERENCES = {
    "ruamel.yaml reads 1_000 as a number": ("area", "kind: area\nid: a\nname: A\norder: 1_000\n"),
    "ruamel.yaml reads ! 2 as a number": ("area", "kind: area\nid: a\nname: A\norder: ! 2\n"),
    "ruamel.yaml takes !!bool yes": ("area", "kind: area\nid: a\nname: A\nx-a: !!bool yes\n"),
    "JSON loses how +5 was written": ("area", "kind: area\nid: +5\nname: A\n"),
    "a label of a dimension not listed": (
        "config",
        "organisation: T\nmaturity:\n  dimensions: [design]\n  labels: {ägare: Ägarskap}\n",
    ),
    "an unknown rule": ("config", "organisation: T\nrules:\n  PK999: off\n"),
}


@pytest.mark.parametrize("reason", list(NATURAL_DIFFERENCES))
def test_where_the_two_cannot_agree(
    reason: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    kind, text = NATURAL_DIFFERENCES[reason]
    assert schema_accepts(kind, text)
    if reason == "an unknown rule":  # a configuration error: exit status 2 and one line
        (tmp_path / "processkit.yaml").write_text(text, encoding="utf-8")
        assert cli("validate", tmp_path, "--format", "json").code == 2
        return
    assert not validate_accepts(kind, "case.yaml", text, tmp_path / "repo", cli)
