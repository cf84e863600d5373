"""A repository built for counting: four areas (one empty, one without ``order``), retired
processes, sub-processes two levels deep, processes without an owner or leaders, reviews
overdue, due today and not yet due on TODAY, open and closed proposals, and assessments.

The inventory tests import FILES and TODAY from here; this module holds no tests.
"""

from __future__ import annotations

TODAY = "2026-11-21"

FILES: dict[str, str | bytes] = {
    "processkit.yaml": """\
        organisation: Testkommunen
        review:
          interval_months: 12
        """,
    "areas/ledning.yaml": "kind: area\nid: ledning\nname: Ledning\norder: 1\n",
    "areas/barn.yaml": "kind: area\nid: barn\nname: Barn och unga\norder: 2\n",
    "areas/tom.yaml": "kind: area\nid: tom\nname: Tom leverans\norder: 3\n",
    "areas/aldre.yaml": "kind: area\nid: aldre\nname: Äldreomsorg\n",
    "people/anna.yaml": "kind: person\nid: anna\nname: Anna Nilsson\n",
    "people/erik.yaml": "kind: person\nid: erik\nname: Erik Åberg\n",
    "people/lisa.yaml": "kind: person\nid: lisa\nname: Lisa Berg\n",
    "people/olle.yaml": "kind: person\nid: olle\nname: Olle Ek\n",
    "roles/socialsekreterare.yaml": (
        "kind: role\nid: socialsekreterare\nname: Socialsekreterare\ncategory: operational\n"
    ),
    "roles/enhetschef.yaml": (
        "kind: role\nid: enhetschef\nname: Enhetschef\ncategory: operational\n"
    ),
    "roles/underskoterska.yaml": (
        "kind: role\nid: underskoterska\nname: Undersköterska\ncategory: operational\n"
    ),
    "roles/processagare.yaml": (
        "kind: role\nid: processagare\nname: Processägare\ncategory: governance\n"
    ),
    "processes/ledning/styra.yaml": """\
        kind: process
        id: styra
        name: Styra och leda
        area: ledning
        type: management
        status: approved
        version: "1.0"
        owner: anna
        leaders: [erik]
        approved: {date: 2025-06-01, by: Socialnämnden}
        """,
    "processes/ledning/planera.yaml": """\
        kind: process
        id: planera
        name: Planera verksamheten
        area: ledning
        type: management
        status: draft
        """,
    "processes/barn/bu-myndighet.yaml": """\
        kind: process
        id: bu-myndighet
        name: Myndighetsutövning | barn
        area: barn
        type: core
        status: approved
        version: "2.10"
        owner: anna
        leaders: [erik, lisa]
        purpose: Att barn får skydd och stöd.
        customer: Barnet
        need: Ett barn kan behöva skydd
        start: En anmälan kommer in
        end: Beslut är fattat
        activities:
          - id: ta-emot
            name: Ta emot anmälan
            role: socialsekreterare
            next: [besluta]
          - id: besluta
            name: Besluta
            role: enhetschef
        measures:
          - name: Handläggningstid
          - name: Nöjdhet
        risks:
          - description: Barnets röst kommer inte fram
        approved: {date: 2026-02-01, by: Socialnämnden}
        review_date: 2027-02-01
        """,
    "processes/barn/bu-utredning.yaml": """\
        kind: process
        id: bu-utredning
        name: Utreda barns behov
        area: barn
        type: core
        parent: bu-myndighet
        status: approved
        owner: erik
        leaders: [erik]
        purpose: Att behovet blir belyst.
        activities:
          - id: planera
            name: Planera utredningen
            role: socialsekreterare
            next: [samtal]
          - id: samtal
            name: Samtala med barnet
            role: socialsekreterare
            next: [besluta]
          - id: besluta
            name: Besluta
            role: enhetschef
        approved: {date: 2025-11-21, by: Socialnämnden}
        """,
    "processes/barn/bu-samtal.yaml": """\
        kind: process
        id: bu-samtal
        name: Samtala med barnet
        area: barn
        type: core
        parent: bu-utredning
        status: review
        review_date: 2026-01-01
        activities:
          - id: samtala
            name: Samtala
            role: socialsekreterare
        """,
    "processes/barn/bu-insatser.yaml": """\
        kind: process
        id: bu-insatser
        name: Insatser för barn
        area: barn
        type: core
        parent: bu-myndighet
        status: retired
        owner: anna
        leaders: [lisa]
        activities:
          - id: verkstalla
            name: Verkställa
            role: socialsekreterare
        approved: {date: 2020-01-01, by: Socialnämnden}
        """,
    "processes/barn/bu-stod.yaml": """\
        kind: process
        id: bu-stod
        name: Stöd till familjehem, jourhem
        area: barn
        type: support
        status: draft
        owner: lisa
        """,
    "processes/aldre/ao-boende.yaml": """\
        kind: process
        id: ao-boende
        name: Särskilt boende
        area: aldre
        type: core
        status: approved
        owner: erik
        leaders: [anna]
        activities:
          - id: omvardnad
            name: Ge omvårdnad
            role: underskoterska
        approved: {date: 2025-11-20, by: Socialnämnden}
        """,
    "processes/aldre/ao-hemtjanst.yaml": """\
        kind: process
        id: ao-hemtjanst
        name: Hemtjänst
        area: aldre
        type: core
        status: retired
        """,
    "proposals/fp-1.yaml": """\
        kind: proposal
        id: fp-1
        process: bu-utredning
        title: Kortare mallar
        submitted: 2026-03-01
        """,
    "proposals/fp-2.yaml": """\
        kind: proposal
        id: fp-2
        process: bu-utredning
        title: Digital signering
        submitted: 2026-04-01
        status: assessing
        """,
    "proposals/fp-3.yaml": """\
        kind: proposal
        id: fp-3
        process: bu-utredning
        title: Ny blankett
        submitted: 2026-01-01
        status: done
        """,
    "proposals/fp-4.yaml": """\
        kind: proposal
        id: fp-4
        process: styra
        title: Färre möten
        submitted: 2026-01-01
        status: rejected
        """,
    "assessments/mm-2026.yaml": """\
        kind: assessment
        id: mm-2026
        process: bu-utredning
        date: 2026-05-01
        scores: {design: 3, performers: 2, owner: 3, infrastructure: 2, metrics: 4}
        """,
    "assessments/mm-2025.yaml": """\
        kind: assessment
        id: mm-2025
        process: bu-utredning
        date: 2025-05-01
        scores: {design: 1, performers: 1, owner: 2, infrastructure: 1, metrics: 1}
        """,
}
