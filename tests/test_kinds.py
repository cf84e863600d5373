"""The table of kinds: every kind has all its pieces, and a missing one is named."""

from __future__ import annotations

import json
import typing
from datetime import date
from functools import cache

import pytest
from tests.catalogue_support import swedish_catalogue

from processkit.authoring.init import plan
from processkit.model.entity import Entity
from processkit.model.introspect import vocabulary
from processkit.model.kinds import KIND_TABLE, KindInfo, Words
from processkit.resources import schemas_dir, templates_dir
from processkit.site.labels import values as site_labels
from processkit.site.sitemap import ENTITY_PAGES


@cache
def _new_repository() -> dict[str, str]:
    return plan("Exempelby kommun", date(2026, 3, 1), install="processkit==1.2.0")


def missing_pieces(row: KindInfo) -> list[str]:
    """What a kind lacks, in the order one adds the pieces."""
    kind = row.kind
    missing = []
    try:
        model = row.model
    except (ImportError, AttributeError):
        missing.append(f"the model {row.model_name} in src/processkit/model/{kind}.py")
    else:
        if vocabulary(model, "kind") != (kind,):
            missing.append(f"the model {model.__name__} has no `kind: {kind}`")
        if model not in typing.get_args(Entity):
            missing.append(f"the model {model.__name__} is not in `Entity`")
        if row.title_field is not None and row.title_field not in model.model_fields:
            missing.append(f"the model {model.__name__} has no field `{row.title_field}`")
    if not (schemas_dir() / f"{kind}.schema.json").is_file():
        missing.append(f"schemas/{kind}.schema.json (run `processkit schema`)")
    if not (templates_dir() / row.new_template).is_file():
        missing.append(f"templates/{row.new_template}")
    if row.page is not None and not (templates_dir() / "site" / row.page).is_file():
        missing.append(f"templates/site/{row.page}")
    if row.page is not None and kind not in ENTITY_PAGES:
        missing.append(f"the builder of its page in src/processkit/site/pages/{kind}.py")
    if not row.words.singular or not row.words.plural:
        missing.append(f"the words for `{kind}` in English")
    elif (row.words.singular, "kind") not in swedish_catalogue():
        missing.append(f"the words for `{kind}` in Swedish (locale/sv/core.po, context `kind`)")
    if kind not in site_labels("changes.kind"):
        missing.append("its label on the site (`changes.kind` in src/processkit/site/labels.py)")
    files = _new_repository()
    if not any(
        path.startswith(f"{row.folder}/") and f"kind: {kind}\n" in text
        for path, text in files.items()
    ):
        missing.append(f"an example {kind} in templates/init/examples")
    if f".processkit/schemas/{kind}.schema.json" not in files:
        missing.append(f"the schema of `{kind}` in a new repository")
    settings = json.loads(files[".vscode/settings.json"])["yaml.schemas"]
    globs = settings.get(f"./.processkit/schemas/{kind}.schema.json", ())
    if f"{row.folder}/**/*.yaml" not in globs:
        missing.append(f"the editor settings for {row.folder}/")
    return missing


@pytest.mark.parametrize("row", KIND_TABLE, ids=lambda row: row.kind)
def test_a_kind_has_every_piece(row: KindInfo) -> None:
    assert missing_pieces(row) == []


def test_a_new_kind_is_told_what_it_lacks() -> None:
    audit = KindInfo(
        "audit",
        "Audit",
        "audits",
        "title",
        Words("", ""),
        page="audit.html",
    )
    assert missing_pieces(audit) == [
        "the model Audit in src/processkit/model/audit.py",
        "schemas/audit.schema.json (run `processkit schema`)",
        "templates/new/audit.yaml.j2",
        "templates/site/audit.html",
        "the builder of its page in src/processkit/site/pages/audit.py",
        "the words for `audit` in English",
        "its label on the site (`changes.kind` in src/processkit/site/labels.py)",
        "an example audit in templates/init/examples",
        "the schema of `audit` in a new repository",
        "the editor settings for audits/",
    ]


def test_the_kinds_are_in_the_order_of_format_md() -> None:
    assert [row.kind for row in KIND_TABLE] == [
        "area",
        "process",
        "role",
        "person",
        "handbook",
        "proposal",
        "assessment",
    ]
