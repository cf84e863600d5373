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


# -- text that is valid input but hard to show: every text and Markdown field filled ----------


def _quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar: control characters and noncharacters written as
    escapes (YAML would refuse them raw), everything else as it is."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
            out.append(f"\\U{code:08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def to_yaml(value: object) -> str:
    """``value`` (dicts, lists, texts, numbers) as one line of flow-style YAML."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{to_yaml(k)}: {to_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(to_yaml(item) for item in value) + "]"
    if isinstance(value, str):
        return _quoted(value)
    return str(value)


#: One word longer than a phone is wide, and one long address.
LONG_WORD = "Socialtjänstlagstiftningsefterlevnadsgranskningsdokumentationsrutinbeskrivning" * 3
LONG_URL = "https://example.se/" + "mycket-lang-sokvag/" * 12 + "?fraga=" + "x" * 80
#: Right-to-left scripts, a right-to-left override left open and the marks.
RTL = "שלום עולם مرحبا بالعالم \u202eomvänd\u202c \u200fmärkt\u200e \u202bمفتوح"
#: Characters HTML forbids on a page (C0 and C1 controls, noncharacters) and some it allows.
CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x80\x85\x9f\ufdd0\ufffe\uffff\U0001fffe\r\t"


def hostile_text(label: str) -> str:
    """A one-line text for a text field: markup, a long word, right-to-left text, controls."""
    return (
        f"{label} <b>fet</b> & \"citat\" 'apostrof' *stjärna* `kod` {LONG_WORD} {RTL} {CONTROL} "
        "slut \\N \\G C:\\mapp\\"
    )


def hostile_markdown(label: str) -> str:
    """Markdown with every kind of block, raw HTML, long words, right-to-left text and controls."""
    return f"""\
{label}: första stycket med **fet**, *kursiv*, `kod`, <b>rå html</b>,
[en länk](https://example.se), <https://example.se/auto> och {LONG_WORD}.

Andra stycket: {RTL} och styrtecken {CONTROL} mitt i.

# Rubrik ett {LONG_WORD}

###### Rubrik sex

- punkt ett
- punkt två {LONG_WORD}
  - underpunkt

1. första
2. andra

| Kolumn | {LONG_WORD} |
|---|---|
| cell {RTL} | `kod` |
| {LONG_URL} | <b>x</b> |

```python
def f(): return "<script>alert('pk')</script>" + "{LONG_WORD}"
```

    indenterad kod {LONG_WORD}

> citat
> > nästlat {RTL}

<div onclick="alert(1)">rått block</div>
<script>alert('pk')</script>

---
rad med hårt\\
radbrytning &amp; &#0; &#x1; &#xfffe; &nbsp; {LONG_URL}
"""


def _hostile_text_files() -> dict[str, str | bytes]:
    text, md = hostile_text, hostile_markdown
    dimensions = ["design", "performers", "owner", "infrastructure", "metrics", text("Egen")]
    entities: dict[str, dict[str, object]] = {
        "processkit.yaml": {
            "organisation": text("Organisation"),
            "site": {
                "title": text("Titel"),
                "feedback_url": LONG_URL + "&id={id} " + CONTROL,
                # no blanks, no ? or #: what site.url takes, and all the rest
                "url": LONG_URL.split("?")[0]
                + LONG_WORD
                + "<b>\"'&"
                + "שלום\u202eomvänd\u202c\u200f"
                + "\x00\x01\x07\x1b\x7f\x80\x9f\ufdd0\ufffe",
                "edit_url": LONG_URL + "/{path} " + RTL,
                "accessibility_contact": {
                    "email": text("epost") + "@example.se",
                    "phone": text("Telefon"),
                    "url": LONG_URL + " <b>" + CONTROL,
                },
                "accessibility": {
                    "status": "partial",
                    "assessed": "2026-03-16",
                    "method": "third-party",
                    "assessor": text("Granskare"),
                    "shortcomings": [
                        {
                            "content": text("Brist"),
                            "problem": text("Problem"),
                            "criteria": [text("1.1.1")],
                            "alternative": text("Alternativ"),
                            "fixed_by": "2026-09-30",
                        }
                    ],
                    "disproportionate_burden": [
                        {"content": text("Betungande"), "reason": text("Motivering")}
                    ],
                    "outside_law": [{"content": text("Utanför"), "reason": text("Skäl")}],
                },
            },
            "proposals": {
                "email": text("förslag") + "@example.se",
                "form_url": LONG_URL + "&process={id} " + RTL + CONTROL,
            },
            "maturity": {
                "dimensions": dimensions,
                "labels": {d: text(f"Dimension {d}") for d in dimensions[:5]},
                "descriptions": {level: text(f"Nivå {level}") for level in range(5)},
            },
        },
        "areas/a.yaml": {
            "kind": "area",
            "id": "a",
            "name": text("Område"),
            "description": md("Områdesbeskrivning"),
            "customers": text("Kunder"),
            "unit": text("Enhet"),
            "owner": "p",
            "order": 1,
        },
        "areas/b.yaml": {
            "kind": "area",
            "id": "b",
            "name": text("Område B"),
            "description": "- lista först\n- i beskrivningen\n\n" + md("B"),
            "order": 2,
        },
        "people/p.yaml": {
            "kind": "person",
            "id": "p",
            "name": text("Person"),
            "title": text("Titel"),
            "unit": text("Enhet"),
            "email": text("person") + "@example.se",
            "username": text("användare"),
        },
        "roles/r.yaml": {
            "kind": "role",
            "id": "r",
            "name": text("Roll"),
            "category": "operational",
            "description": md("Rollbeskrivning"),
            "responsibilities": [text("Ansvar 1"), text("Ansvar 2")],
        },
        "roles/s.yaml": {
            "kind": "role",
            "id": "s",
            "name": text("Styrroll"),
            "category": "governance",
            "management_area": "process",
            "level": "strategic",
        },
        "handbooks/h.yaml": {
            "kind": "handbook",
            "id": "h",
            "title": text("Handbok"),
            "type": "routine",
            "version": text("Version"),
            "status": "approved",
            "owner": "p",
            "approved": {"date": "2026-01-10", "by": text("Fastställd av")},
            "summary": md("Sammanfattning"),
            "processes": ["p1"],
            "chapters": [
                {"title": text("Kapitel 1"), "body": md("Kapitel 1")},
                {"title": text("Kapitel 2"), "body": md("Kapitel 2")},
            ],
        },
        "processes/p1.yaml": {
            "kind": "process",
            "id": "p1",
            "name": text("Process"),
            "area": "a",
            "type": "core",
            "status": "approved",
            "version": text("Version"),
            "owner": "p",
            "leaders": ["p"],
            "purpose": md("Syfte"),
            "customer": text("Kund"),
            "need": text("Behov"),
            "start": text("Start"),
            "end": text("Slut"),
            "value": md("Värde"),
            "inputs": [text("Indata 1"), text("Indata 2")],
            "outputs": [text("Utdata")],
            "activities": [
                {
                    "id": "a1",
                    "name": text("Aktivitet 1"),
                    "role": "r",
                    "accountable": "s",
                    "consulted": ["s"],
                    "informed": ["r"],
                    "description": md("Aktivitetsbeskrivning 1"),
                    "next": ["a2"],
                    "documents": ["h"],
                },
                {
                    "id": "a2",
                    "name": text("Aktivitet 2"),
                    "role": "s",
                    "description": "- en lista\n- i en aktivitet\n\nOch ett stycke till.",
                },
            ],
            "interfaces": [
                {"process": "p2", "direction": "out", "description": text("Gränssnitt ut")},
                {"process": "p2", "direction": "in", "description": text("Gränssnitt in")},
            ],
            "requirements": [
                {"source": text("Källa"), "description": text("Krav"), "url": LONG_URL},
                {"source": text("Källa 2"), "url": LONG_URL + " " + CONTROL + RTL},
            ],
            "measures": [
                {
                    "name": text("Mått"),
                    "definition": text("Definition"),
                    "target": text("Mål"),
                    "frequency": "monthly",
                }
            ],
            "risks": [
                {
                    "description": text("Risk"),
                    "likelihood": 3,
                    "consequence": 4,
                    "action": text("Åtgärd"),
                }
            ],
            "controls": [
                {
                    "description": text("Kontroll"),
                    "method": text("Metod"),
                    "frequency": "yearly",
                    "role": "s",
                }
            ],
            "systems": [text("System")],
            "documents": [
                {"handbook": "h"},
                {"title": text("Dokument"), "url": LONG_URL + "#" + CONTROL},
            ],
            "approved": {"date": "2026-01-15", "by": text("Socialnämnden")},
            "tags": [text("Etikett")],
        },
        "processes/p2.yaml": {
            "kind": "process",
            "id": "p2",
            "name": text("Delprocess"),
            "area": "b",
            "type": "support",
            "parent": "p1",
            "status": "draft",
            "activities": [{"id": "x", "name": text("Steg")}],
            "interfaces": [
                {"process": "p1", "direction": "in", "description": text("Gränssnitt")},
                {"process": "p1", "direction": "out"},
            ],
        },
        "proposals/fp-1.yaml": {
            "kind": "proposal",
            "id": "fp-1",
            "process": "p1",
            "title": text("Förslag"),
            "submitted": "2026-04-01",
            "submitted_by": text("Förslagsställare"),
            "description": md("Förslagsbeskrivning"),
        },
        "proposals/fp-2.yaml": {
            "kind": "proposal",
            "id": "fp-2",
            "process": "p1",
            "title": text("Genomfört förslag"),
            "submitted": "2026-01-01",
            "status": "done",
            "decision": md("Beslut"),
            "decided": "2026-02-01",
        },
        "assessments/mm-1.yaml": {
            "kind": "assessment",
            "id": "mm-1",
            "process": "p1",
            "date": "2026-01-01",
            "scores": {d: 1 for d in dimensions},
            "assessors": [text("Bedömare")],
            "comments": md("Kommentar"),
        },
        "assessments/mm-2.yaml": {
            "kind": "assessment",
            "id": "mm-2",
            "process": "p1",
            "date": "2026-05-01",
            "scores": {d: n % 5 for n, d in enumerate(dimensions)},
        },
    }
    return {path: to_yaml(data) + "\n" for path, data in entities.items()}


#: Every text and Markdown field of every kind holding hostile (but valid) text.
HOSTILE_TEXT: dict[str, str | bytes] = _hostile_text_files()

#: A draft support process that tests of the change log add in a later commit.
INKOP = """\
    kind: process
    id: inkop
    name: Inköp & avtal
    area: stod
    type: support
    status: draft
    """
