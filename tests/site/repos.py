"""Small repositories for the site tests: one with every field filled, one full of hostile
text (markup, script, javascript: links) that must come out inert."""

from __future__ import annotations

CONFIG = """\
organisation: Testkommunen
site:
  title: Fyren
  feedback_url: "https://git.example.se/processer/-/issues/new?title={id}"
  edit_url: "https://git.example.se/processer/-/edit/main/{path}"
  accessibility_contact: {email: webb@test.se, phone: 010-123 45 67}
"""

RICH: dict[str, str | bytes] = {
    "processkit.yaml": CONFIG,
    "areas/barn.yaml": """\
        kind: area
        id: barn
        name: Barn och unga
        order: 1
        owner: anna
        customers: Barn och deras familjer
        description: |
          Skydd och stöd till barn.

          Andra stycket.
        """,
    "areas/stod.yaml": """\
        kind: area
        id: stod
        name: Verksamhetsstöd
        order: 2
        """,
    "people/anna.yaml": "kind: person\nid: anna\nname: Anna Nilsson\ntitle: Avdelningschef\n",
    "people/erik.yaml": "kind: person\nid: erik\nname: Erik Åberg\nemail: erik@test.se\n",
    "roles/socialsekreterare.yaml": """\
        kind: role
        id: socialsekreterare
        name: Socialsekreterare
        category: operational
        responsibilities: [Utreder barns behov]
        """,
    "roles/enhetschef.yaml": """\
        kind: role
        id: enhetschef
        name: Enhetschef
        category: governance
        management_area: resource
        level: tactical
        """,
    "handbooks/rutin-utredning.yaml": """\
        kind: handbook
        id: rutin-utredning
        title: Rutin för utredning
        type: routine
        status: approved
        owner: erik
        approved: {date: 2026-01-10, by: Enhetschefen}
        summary: Hur en utredning **planeras** och genomförs.
        processes: [utredning]
        chapters:
          - title: Planering
            body: |
              ### Första steget
              Gör en plan. Se [lagen](https://lagen.nu/2001:453).

              ##### Detaljer
              Mer text.
          - title: Dokumentation
            body: Skriv i journalen.
        """,
    "processes/barn/utredning.yaml": """\
        kind: process
        id: utredning
        name: Utreda barns behov
        area: barn
        type: core
        parent: myndighet
        status: approved
        version: "2.1"
        owner: anna
        leaders: [erik]
        purpose: Att barnets behov av skydd blir allsidigt belyst.
        customer: Barnet
        need: Ett barn kan behöva skydd
        start: En utredning har inletts
        end: Beslut är fattat
        value: Ett *välgrundat* beslut.
        inputs: [Anmälan]
        outputs: [Utredning, Beslut]
        activities:
          - id: planera
            name: Planera utredningen
            role: socialsekreterare
            accountable: enhetschef
            description: Planen görs med familjen.
            next: [besluta]
            documents: [rutin-utredning]
          - id: besluta
            name: Besluta
            role: enhetschef
            informed: [socialsekreterare]
        interfaces:
          - process: ekonomi
            direction: out
            description: Kostnader för insatser
        requirements:
          - source: SoL 11 kap. 2 §
            description: Utredningen ska vara klar inom fyra månader.
            url: https://lagen.nu/2001:453
        measures:
          - name: Utredningstid
            definition: Dagar till beslut
            target: Högst 120 dagar
            frequency: monthly
        risks:
          - description: Barnets röst kommer inte fram
            likelihood: 2
            consequence: 4
            action: Enskilda samtal
          - description: Tiden överskrids
            likelihood: 3
            consequence: 3
        controls:
          - description: Stickprov på tio utredningar
            method: Journalgranskning
            frequency: quarterly
            role: enhetschef
        systems: [Treserva]
        documents:
          - handbook: rutin-utredning
          - title: Socialstyrelsens handbok
            url: https://example.se/handbok
        approved: {date: 2025-01-15, by: Socialnämnden}
        tags: [barnrätt]
        """,
    "processes/barn/myndighet.yaml": """\
        kind: process
        id: myndighet
        name: Myndighetsutövning för barn
        area: barn
        type: core
        status: approved
        owner: anna
        approved: {date: 2026-03-01, by: Socialnämnden}
        """,
    "processes/barn/gammal.yaml": """\
        kind: process
        id: gammal
        name: Gammal rutin för placering
        area: barn
        type: core
        status: retired
        """,
    "processes/stod/ekonomi.yaml": """\
        kind: process
        id: ekonomi
        name: Ekonomistyrning
        area: stod
        type: support
        status: draft
        interfaces:
          - process: utredning
            direction: in
            description: Kostnader för insatser
        """,
    "proposals/fp-1.yaml": """\
        kind: proposal
        id: fp-1
        process: utredning
        title: Kortare utredningsplan
        submitted: 2026-04-01
        submitted_by: Erik Åberg
        """,
    "proposals/fp-2.yaml": """\
        kind: proposal
        id: fp-2
        process: utredning
        title: Redan genomfört förslag
        submitted: 2026-01-01
        status: done
        """,
    "assessments/mm-1.yaml": """\
        kind: assessment
        id: mm-1
        process: utredning
        date: 2026-05-01
        scores: {design: 2, performers: 3, owner: 3, infrastructure: 2, metrics: 1}
        """,
}

#: Text that would run or mislead if it reached a page unescaped.
SCRIPT = "<script>alert('pk')</script>"

HOSTILE: dict[str, str | bytes] = {
    "processkit.yaml": """\
        organisation: "Kommun <script>alert('pk')</script>"
        site:
          title: "Fyren</title><script>alert('pk')</script>"
          feedback_url: "javascript:alert('{id}')"
          edit_url: "javascript:alert(1)//{path}"
          accessibility_contact: {url: "javascript:alert('pk')", email: "a@b.se\\" onclick=\\"x"}
        """,
    "areas/a.yaml": """\
        kind: area
        id: a
        name: "Område <img src=x onerror=alert('pk')>"
        description: |
          Raw <script>alert('pk')</script> and <b onmouseover="alert(1)">bold</b>.

          [klicka](javascript:alert('pk')) and <javascript:alert(1)> and
          [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and
          [tab](java\tscript:alert(1)) and ![bild](https://evil.example/x.png)
        """,
    "roles/r.yaml": """\
        kind: role
        id: r
        name: "Roll \\"><svg onload=alert('pk')>"
        category: operational
        description: "<iframe src=javascript:alert(1)></iframe>"
        """,
    "people/p.yaml": """\
        kind: person
        id: p
        name: "<script>alert('pk')</script>"
        email: "x\\" onmouseover=\\"alert(1)"
        """,
    "handbooks/h.yaml": """\
        kind: handbook
        id: h
        title: "Handbok <script>alert('pk')</script>"
        chapters:
          - title: "<h1>Rubrik</h1>"
            body: |
              # Kapitel <em>x</em>
              <div onclick="alert(1)">klick</div>
              [länk](JaVaScRiPt:alert('pk'))
        """,
    "processes/p1.yaml": """\
        kind: process
        id: p1
        name: "Process <script>alert('pk')</script>"
        area: a
        type: core
        status: approved
        owner: p
        purpose: "<script>alert('pk')</script> **syfte**"
        value: "[x](vbscript:msgbox(1))"
        activities:
          - id: a1
            name: "Steg </td><script>alert('pk')</script>"
            role: r
            description: "<img src=x onerror=alert(1)>"
            documents: [h]
        requirements:
          - source: "Lag <b>1</b>"
            url: "javascript:alert('pk')"
        documents:
          - title: "Rutin <script>alert('pk')</script>"
            url: "javascript:alert('pk')"
          - title: Data
            url: "data:text/html,<script>alert(1)</script>"
          - handbook: h
        measures:
          - name: "Mått \\" onfocus=\\"alert(1)"
        tags: ["<script>alert('pk')</script>"]
        """,
    "proposals/x.yaml": """\
        kind: proposal
        id: x
        process: p1
        title: "<script>alert('pk')</script>"
        submitted: 2026-01-01
        submitted_by: "<b>någon</b>"
        """,
}
