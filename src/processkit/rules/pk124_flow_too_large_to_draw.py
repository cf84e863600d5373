"""A process with more activities than a flow map can draw.

## What it checks

A flow map draws at most 200 activities. An active process with more is reported: its map
(`processkit map process`, `processkit map all`) and its page on the published site show its
activities as a numbered list in flow order instead of the flow in swimlanes.

## Why it matters

A flow of hundreds of steps cannot be read as one picture: nobody can see where the work
starts, who hands over to whom, or where the need is met. A process that large is usually
several processes in one. Split into sub-processes (delprocesser), each part gets a flow map
that can be read and leaders who know that part of the work, and the main process shows how
the parts follow each other.

## Failing example

A process of 201 activities, one after the other (written two to a line to keep it short):

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: draft
activities: [
  {id: s1, name: Steg 1, next: [s2]}, {id: s2, name: Steg 2, next: [s3]},
  {id: s3, name: Steg 3, next: [s4]}, {id: s4, name: Steg 4, next: [s5]},
  {id: s5, name: Steg 5, next: [s6]}, {id: s6, name: Steg 6, next: [s7]},
  {id: s7, name: Steg 7, next: [s8]}, {id: s8, name: Steg 8, next: [s9]},
  {id: s9, name: Steg 9, next: [s10]}, {id: s10, name: Steg 10, next: [s11]},
  {id: s11, name: Steg 11, next: [s12]}, {id: s12, name: Steg 12, next: [s13]},
  {id: s13, name: Steg 13, next: [s14]}, {id: s14, name: Steg 14, next: [s15]},
  {id: s15, name: Steg 15, next: [s16]}, {id: s16, name: Steg 16, next: [s17]},
  {id: s17, name: Steg 17, next: [s18]}, {id: s18, name: Steg 18, next: [s19]},
  {id: s19, name: Steg 19, next: [s20]}, {id: s20, name: Steg 20, next: [s21]},
  {id: s21, name: Steg 21, next: [s22]}, {id: s22, name: Steg 22, next: [s23]},
  {id: s23, name: Steg 23, next: [s24]}, {id: s24, name: Steg 24, next: [s25]},
  {id: s25, name: Steg 25, next: [s26]}, {id: s26, name: Steg 26, next: [s27]},
  {id: s27, name: Steg 27, next: [s28]}, {id: s28, name: Steg 28, next: [s29]},
  {id: s29, name: Steg 29, next: [s30]}, {id: s30, name: Steg 30, next: [s31]},
  {id: s31, name: Steg 31, next: [s32]}, {id: s32, name: Steg 32, next: [s33]},
  {id: s33, name: Steg 33, next: [s34]}, {id: s34, name: Steg 34, next: [s35]},
  {id: s35, name: Steg 35, next: [s36]}, {id: s36, name: Steg 36, next: [s37]},
  {id: s37, name: Steg 37, next: [s38]}, {id: s38, name: Steg 38, next: [s39]},
  {id: s39, name: Steg 39, next: [s40]}, {id: s40, name: Steg 40, next: [s41]},
  {id: s41, name: Steg 41, next: [s42]}, {id: s42, name: Steg 42, next: [s43]},
  {id: s43, name: Steg 43, next: [s44]}, {id: s44, name: Steg 44, next: [s45]},
  {id: s45, name: Steg 45, next: [s46]}, {id: s46, name: Steg 46, next: [s47]},
  {id: s47, name: Steg 47, next: [s48]}, {id: s48, name: Steg 48, next: [s49]},
  {id: s49, name: Steg 49, next: [s50]}, {id: s50, name: Steg 50, next: [s51]},
  {id: s51, name: Steg 51, next: [s52]}, {id: s52, name: Steg 52, next: [s53]},
  {id: s53, name: Steg 53, next: [s54]}, {id: s54, name: Steg 54, next: [s55]},
  {id: s55, name: Steg 55, next: [s56]}, {id: s56, name: Steg 56, next: [s57]},
  {id: s57, name: Steg 57, next: [s58]}, {id: s58, name: Steg 58, next: [s59]},
  {id: s59, name: Steg 59, next: [s60]}, {id: s60, name: Steg 60, next: [s61]},
  {id: s61, name: Steg 61, next: [s62]}, {id: s62, name: Steg 62, next: [s63]},
  {id: s63, name: Steg 63, next: [s64]}, {id: s64, name: Steg 64, next: [s65]},
  {id: s65, name: Steg 65, next: [s66]}, {id: s66, name: Steg 66, next: [s67]},
  {id: s67, name: Steg 67, next: [s68]}, {id: s68, name: Steg 68, next: [s69]},
  {id: s69, name: Steg 69, next: [s70]}, {id: s70, name: Steg 70, next: [s71]},
  {id: s71, name: Steg 71, next: [s72]}, {id: s72, name: Steg 72, next: [s73]},
  {id: s73, name: Steg 73, next: [s74]}, {id: s74, name: Steg 74, next: [s75]},
  {id: s75, name: Steg 75, next: [s76]}, {id: s76, name: Steg 76, next: [s77]},
  {id: s77, name: Steg 77, next: [s78]}, {id: s78, name: Steg 78, next: [s79]},
  {id: s79, name: Steg 79, next: [s80]}, {id: s80, name: Steg 80, next: [s81]},
  {id: s81, name: Steg 81, next: [s82]}, {id: s82, name: Steg 82, next: [s83]},
  {id: s83, name: Steg 83, next: [s84]}, {id: s84, name: Steg 84, next: [s85]},
  {id: s85, name: Steg 85, next: [s86]}, {id: s86, name: Steg 86, next: [s87]},
  {id: s87, name: Steg 87, next: [s88]}, {id: s88, name: Steg 88, next: [s89]},
  {id: s89, name: Steg 89, next: [s90]}, {id: s90, name: Steg 90, next: [s91]},
  {id: s91, name: Steg 91, next: [s92]}, {id: s92, name: Steg 92, next: [s93]},
  {id: s93, name: Steg 93, next: [s94]}, {id: s94, name: Steg 94, next: [s95]},
  {id: s95, name: Steg 95, next: [s96]}, {id: s96, name: Steg 96, next: [s97]},
  {id: s97, name: Steg 97, next: [s98]}, {id: s98, name: Steg 98, next: [s99]},
  {id: s99, name: Steg 99, next: [s100]}, {id: s100, name: Steg 100, next: [s101]},
  {id: s101, name: Steg 101, next: [s102]}, {id: s102, name: Steg 102, next: [s103]},
  {id: s103, name: Steg 103, next: [s104]}, {id: s104, name: Steg 104, next: [s105]},
  {id: s105, name: Steg 105, next: [s106]}, {id: s106, name: Steg 106, next: [s107]},
  {id: s107, name: Steg 107, next: [s108]}, {id: s108, name: Steg 108, next: [s109]},
  {id: s109, name: Steg 109, next: [s110]}, {id: s110, name: Steg 110, next: [s111]},
  {id: s111, name: Steg 111, next: [s112]}, {id: s112, name: Steg 112, next: [s113]},
  {id: s113, name: Steg 113, next: [s114]}, {id: s114, name: Steg 114, next: [s115]},
  {id: s115, name: Steg 115, next: [s116]}, {id: s116, name: Steg 116, next: [s117]},
  {id: s117, name: Steg 117, next: [s118]}, {id: s118, name: Steg 118, next: [s119]},
  {id: s119, name: Steg 119, next: [s120]}, {id: s120, name: Steg 120, next: [s121]},
  {id: s121, name: Steg 121, next: [s122]}, {id: s122, name: Steg 122, next: [s123]},
  {id: s123, name: Steg 123, next: [s124]}, {id: s124, name: Steg 124, next: [s125]},
  {id: s125, name: Steg 125, next: [s126]}, {id: s126, name: Steg 126, next: [s127]},
  {id: s127, name: Steg 127, next: [s128]}, {id: s128, name: Steg 128, next: [s129]},
  {id: s129, name: Steg 129, next: [s130]}, {id: s130, name: Steg 130, next: [s131]},
  {id: s131, name: Steg 131, next: [s132]}, {id: s132, name: Steg 132, next: [s133]},
  {id: s133, name: Steg 133, next: [s134]}, {id: s134, name: Steg 134, next: [s135]},
  {id: s135, name: Steg 135, next: [s136]}, {id: s136, name: Steg 136, next: [s137]},
  {id: s137, name: Steg 137, next: [s138]}, {id: s138, name: Steg 138, next: [s139]},
  {id: s139, name: Steg 139, next: [s140]}, {id: s140, name: Steg 140, next: [s141]},
  {id: s141, name: Steg 141, next: [s142]}, {id: s142, name: Steg 142, next: [s143]},
  {id: s143, name: Steg 143, next: [s144]}, {id: s144, name: Steg 144, next: [s145]},
  {id: s145, name: Steg 145, next: [s146]}, {id: s146, name: Steg 146, next: [s147]},
  {id: s147, name: Steg 147, next: [s148]}, {id: s148, name: Steg 148, next: [s149]},
  {id: s149, name: Steg 149, next: [s150]}, {id: s150, name: Steg 150, next: [s151]},
  {id: s151, name: Steg 151, next: [s152]}, {id: s152, name: Steg 152, next: [s153]},
  {id: s153, name: Steg 153, next: [s154]}, {id: s154, name: Steg 154, next: [s155]},
  {id: s155, name: Steg 155, next: [s156]}, {id: s156, name: Steg 156, next: [s157]},
  {id: s157, name: Steg 157, next: [s158]}, {id: s158, name: Steg 158, next: [s159]},
  {id: s159, name: Steg 159, next: [s160]}, {id: s160, name: Steg 160, next: [s161]},
  {id: s161, name: Steg 161, next: [s162]}, {id: s162, name: Steg 162, next: [s163]},
  {id: s163, name: Steg 163, next: [s164]}, {id: s164, name: Steg 164, next: [s165]},
  {id: s165, name: Steg 165, next: [s166]}, {id: s166, name: Steg 166, next: [s167]},
  {id: s167, name: Steg 167, next: [s168]}, {id: s168, name: Steg 168, next: [s169]},
  {id: s169, name: Steg 169, next: [s170]}, {id: s170, name: Steg 170, next: [s171]},
  {id: s171, name: Steg 171, next: [s172]}, {id: s172, name: Steg 172, next: [s173]},
  {id: s173, name: Steg 173, next: [s174]}, {id: s174, name: Steg 174, next: [s175]},
  {id: s175, name: Steg 175, next: [s176]}, {id: s176, name: Steg 176, next: [s177]},
  {id: s177, name: Steg 177, next: [s178]}, {id: s178, name: Steg 178, next: [s179]},
  {id: s179, name: Steg 179, next: [s180]}, {id: s180, name: Steg 180, next: [s181]},
  {id: s181, name: Steg 181, next: [s182]}, {id: s182, name: Steg 182, next: [s183]},
  {id: s183, name: Steg 183, next: [s184]}, {id: s184, name: Steg 184, next: [s185]},
  {id: s185, name: Steg 185, next: [s186]}, {id: s186, name: Steg 186, next: [s187]},
  {id: s187, name: Steg 187, next: [s188]}, {id: s188, name: Steg 188, next: [s189]},
  {id: s189, name: Steg 189, next: [s190]}, {id: s190, name: Steg 190, next: [s191]},
  {id: s191, name: Steg 191, next: [s192]}, {id: s192, name: Steg 192, next: [s193]},
  {id: s193, name: Steg 193, next: [s194]}, {id: s194, name: Steg 194, next: [s195]},
  {id: s195, name: Steg 195, next: [s196]}, {id: s196, name: Steg 196, next: [s197]},
  {id: s197, name: Steg 197, next: [s198]}, {id: s198, name: Steg 198, next: [s199]},
  {id: s199, name: Steg 199, next: [s200]}, {id: s200, name: Steg 200, next: [s201]},
  {id: s201, name: Steg 201}
]
```

## Fixed example

The main steps stay in the process; each larger part of the flow becomes a sub-process of its
own, with `parent:` naming the main process:

```yaml
# processes/barn-och-unga/bu-utredning.yaml
kind: process
id: bu-utredning
name: Utreda barns och ungas behov
area: barn-och-unga
type: core
status: draft
activities:
  - id: planera
    name: Planera utredningen
    next: [samtala]
  - id: samtala
    name: Samtala med barnet och familjen (delprocess)
    next: [besluta]
  - id: besluta
    name: Besluta
---
# processes/barn-och-unga/bu-utredning-samtal.yaml
kind: process
id: bu-utredning-samtal
name: Samtala med barnet och familjen
area: barn-och-unga
type: core
parent: bu-utredning
status: draft
activities:
  - id: boka
    name: Boka samtal
    next: [samtala]
  - id: samtala
    name: Samtala med barnet
    next: [dokumentera]
  - id: dokumentera
    name: Dokumentera samtalet
```

## Options

None. The limit of 200 activities is fixed: it is where a flow map stops being readable.
"""

from __future__ import annotations

from collections.abc import Iterator

from processkit.diagnostics import Severity
from processkit.domain.flow import FLOW_MAP_MAX_ACTIVITIES, flow_map_drawn
from processkit.i18n import _
from processkit.loading.repository import Repository
from processkit.rules.base import Finding, RuleContext, report

CODE = "PK124"
NAME = "flow-too-large-to-draw"
SEVERITY = Severity.WARNING


def check(repo: Repository, ctx: RuleContext) -> Iterator[Finding]:
    for record in ctx.index.active_processes:
        process = record.entity
        if flow_map_drawn(process):
            continue
        yield report(
            ctx,
            CODE,
            SEVERITY,
            record.path,
            ("activities",),
            _(
                "the process has {count} activities, more than the {limit} a flow map can draw: "
                "its map and its page list the activities in flow order instead of drawing the "
                "flow",
                count=len(process.activities),
                limit=FLOW_MAP_MAX_ACTIVITIES,
            ),
            _(
                "Split the process into sub-processes: move each larger part of the flow into a "
                "process of its own with `parent: {id}`, and keep the main steps here (at most "
                "{limit} activities).",
                id=process.id,
                limit=FLOW_MAP_MAX_ACTIVITIES,
            ),
            at_key=True,
        )
