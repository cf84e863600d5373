"""The editor's pieces on their own: forms from the model, help texts, the writer, and where a
diagnostic is placed."""

from __future__ import annotations

from typing import Any

import pytest

from processkit.authoring.editor.checking import field_at, field_lines
from processkit.authoring.editor.fields import FormField, form_of
from processkit.authoring.editor.formdata import apply_action, collect, read_fields, with_origins
from processkit.authoring.editor.helptexts import HELP
from processkit.authoring.editor.pages import help_text
from processkit.authoring.editor.writeback import written_text
from processkit.diagnostics import Diagnostic, Severity
from processkit.model import Process
from processkit.model.introspect import model_in

SMALL = """\
kind: process
id: p
name: Ett
area: a
type: core
status: draft  # not yet
activities:
  - id: a1  # the first
    name: Göra
    next: [a2]
  - id: a2
    name: Sluta
x-egen: kvar
"""


def _every_field(fields: tuple[FormField, ...]) -> list[FormField]:
    found: list[FormField] = []
    for formfield in fields:
        found.append(formfield)
        found += _every_field(formfield.fields)
    return found


def _model_fields(model: Any) -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []
    for name, info in model.model_fields.items():
        found.append((name, info.description))
        inner = model_in(info.annotation)
        if inner is not None:
            found += _model_fields(inner)
    return found


def test_the_form_has_every_field_of_the_model_in_its_order() -> None:
    form = [(f.name, f.description) for f in _every_field(form_of(Process))]
    assert form == _model_fields(Process)


def test_the_help_texts_are_the_descriptions_of_the_models() -> None:
    from processkit.authoring.editor.app import EDITED_KINDS
    from processkit.model import KINDS

    descriptions = {d for kind in EDITED_KINDS for _name, d in _model_fields(KINDS[kind]) if d}
    assert set(HELP) == descriptions
    assert len(HELP) == len(set(HELP))


@pytest.mark.usefixtures("swedish")
def test_the_help_is_in_swedish() -> None:
    owner = Process.model_fields["owner"].description
    assert help_text(owner) == "Den person som äger processen."


def test_widgets_follow_the_types_of_the_model() -> None:
    widgets = {f.name: f.widget for f in form_of(Process)}
    assert widgets["review_date"] == "date"
    assert widgets["status"] == "choice"
    assert widgets["owner"] == "reference"
    assert widgets["leaders"] == "references"
    assert widgets["activities"] == "items"
    assert widgets["approved"] == "group"
    assert widgets["purpose"] == "textarea"
    assert widgets["inputs"] == "lines"


def _values() -> dict[str, Any]:
    from processkit.loading.yamlfile import read_yaml

    parsed = read_yaml("p.yaml", SMALL.encode("utf-8"))
    return with_origins(parsed.value, form_of(Process))


def test_nothing_changed_writes_the_same_text() -> None:
    assert written_text(SMALL, _values(), form_of(Process), "p.yaml") == SMALL


def test_new_keys_go_where_format_md_puts_them() -> None:
    values = _values()
    values["owner"] = "anna"
    values["version"] = "2.10"
    values["review_date"] = "2027-01-31"
    text = written_text(SMALL, values, form_of(Process), "p.yaml")
    assert text == SMALL.replace(
        "status: draft  # not yet\n",
        'status: draft  # not yet\nversion: "2.10"\nowner: anna\n',
    ).replace("    name: Sluta\n", "    name: Sluta\nreview_date: 2027-01-31\n")


def test_moving_an_item_keeps_its_comment() -> None:
    values = _values()
    fields = form_of(Process)
    assert apply_action(values, "down:activities.0", fields) == "activities.1"
    text = written_text(SMALL, values, fields, "p.yaml")
    assert text.index("- id: a2") < text.index("- id: a1  # the first")
    assert text.endswith("x-egen: kvar\n")


def test_the_posted_form_becomes_the_values() -> None:
    pairs = [
        ("kind", "process"),
        ("name", " Ett "),
        ("leaders", "anna"),
        ("leaders", "erik"),
        ("inputs", "Anmälan\r\n\r\nBeslut\r\n"),
        ("risks.0.__origin", ""),
        ("risks.0.description", "Fel"),
        ("risks.0.likelihood", "3"),
        ("approved.date", ""),
        ("approved.by", ""),
    ]
    values = read_fields(form_of(Process), collect(pairs))
    assert values == {
        "kind": "process",
        "name": "Ett",
        "leaders": ["anna", "erik"],
        "inputs": ["Anmälan", "Beslut"],
        "risks": [{"description": "Fel", "likelihood": 3, "__origin": None}],
    }


def test_a_diagnostic_is_placed_beside_the_field_on_its_line() -> None:
    lines = field_lines("p.yaml", SMALL)

    def at(line: int, column: int) -> str:
        return field_at(lines, Diagnostic("PK011", Severity.ERROR, "x", "p.yaml", line, column))

    assert at(6, 9) == "status"
    assert at(8, 5) == "activities.0.id"
    assert at(10, 11) == "activities.0.next"  # an id inside `[a2]`: the list is one field
    assert at(13, 1) == "x-egen"
    assert at(40, 1) == ""


def test_text_over_several_lines_is_written_as_a_block() -> None:
    values = _values()
    fields = form_of(Process)
    values["activities"][1]["description"] = "Första raden.\nAndra raden.\n"
    text = written_text(SMALL, values, fields, "p.yaml")
    assert text.replace(SMALL.replace("x-egen: kvar\n", ""), "") == (
        "    description: |\n      Första raden.\n      Andra raden.\nx-egen: kvar\n"
    )


def test_a_text_that_reads_back_otherwise_is_caught() -> None:
    from processkit.authoring.editor.writeback import reads_back

    assert reads_back("kind: process\nname: Ett\n", {"kind": "process", "name": "Ett"}, "p.yaml")
    assert not reads_back(
        "kind: process\nname: Två\n", {"kind": "process", "name": "Ett"}, "p.yaml"
    )
    assert not reads_back("kind: process\nname: [\n", {"kind": "process"}, "p.yaml")
    assert not reads_back(
        "kind: process\nname: 2.10\n", {"kind": "process", "name": "2.1"}, "p.yaml"
    )


def test_a_new_key_in_an_item_goes_where_format_md_puts_it() -> None:
    values = _values()
    values["activities"][0]["role"] = "handlaggare"
    text = written_text(SMALL, values, form_of(Process), "p.yaml")
    assert text == SMALL.replace(
        "    name: Göra\n    next: [a2]\n",
        "    name: Göra\n    role: handlaggare\n    next: [a2]\n",
    )
