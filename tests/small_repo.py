"""The small repository the tests of the loader's diagnostics start from: one delivery area,
one person, one operational role, one handbook, and (added by each test as it needs) one
approved process with two activities."""

from __future__ import annotations

AREA = "kind: area\nid: barn\nname: Barn och unga\n"
PERSON = "kind: person\nid: anna\nname: Anna Nilsson\n"
ROLE = "kind: role\nid: ss\nname: Socialsekreterare\ncategory: operational\n"
HANDBOOK = "kind: handbook\nid: rutin\ntitle: Rutin för utredning\n"
PROCESS = """\
kind: process
id: utreda
name: Utreda
area: barn
type: core
status: approved
owner: anna
activities:
  - id: planera
    name: Planera
    role: ss
    next: [besluta]
  - id: besluta
    name: Besluta
    role: ss
"""
BASE = {
    "areas/barn.yaml": AREA,
    "people/anna.yaml": PERSON,
    "roles/ss.yaml": ROLE,
    "handbooks/rutin.yaml": HANDBOOK,
}
