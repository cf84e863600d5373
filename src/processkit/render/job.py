"""What a map builder hands to the renderer: DOT text plus what a screen reader should hear."""

from __future__ import annotations

import json
from dataclasses import field
from urllib.parse import quote

from processkit.frozen import frozen

URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
#: how Graphviz draws a map processkit placed itself: neato keeping every position given (-n2)
FIXED_LAYOUT = ("-Kneato", "-n2")


@frozen
class NodeInfo:
    """The accessible name (``<title>``) and description (``<desc>``) of one drawn element,
    found in the SVG by its ``id``; with ``tooltip``, the text its link shows on hover
    (``xlink:title``), put in after Graphviz drew it. A map whose tooltips change more often
    than its drawing (the landscapes show each purpose) gives Graphviz a tooltip of fixed
    words, so that its drawing can be kept by its DOT text alone."""

    svg_id: str
    title: str
    desc: str
    tooltip: str | None = None


@frozen
class MapJob:
    """One map: a file-name stem (``landscape``, ``process-bu-utredning``), its DOT text, and the
    title, description and per-element texts the SVG is made accessible with."""

    name: str
    dot: str
    title: str
    desc: str
    nodes: tuple[NodeInfo, ...] = field(default_factory=tuple)
    #: extra arguments for Graphviz: ``("-Kneato", "-n2")`` for a map placed by processkit
    layout: tuple[str, ...] = ()

    def accessibility_key(self) -> str:
        """Everything besides the DOT text that decides the post-processed SVG, as one string."""
        return json.dumps(
            [
                self.name,
                self.title,
                self.desc,
                [[n.svg_id, n.title, n.desc, n.tooltip] for n in self.nodes],
            ],
            ensure_ascii=False,
            separators=(",", ":"),
        )


@frozen
class Links:
    """Where a clicked map element leads: templates with ``{id}`` (and ``{process}`` for an
    activity). The defaults are the published site's fixed addresses (FORMAT.md), relative to
    the site's root; ``prefix`` is put before each (``../`` from a page one folder down, or an
    absolute address). A template of None draws that element without a link."""

    process: str | None = "processes/{id}.html"
    activity: str | None = "processes/{process}.html#{id}"
    role: str | None = "roles/{id}.html"
    prefix: str = ""

    def for_process(self, process_id: str) -> str | None:
        return self._fill(self.process, id=process_id)

    def for_activity(self, process_id: str, activity_id: str) -> str | None:
        return self._fill(self.activity, id=activity_id, process=process_id)

    def for_role(self, role_id: str) -> str | None:
        return self._fill(self.role, id=role_id)

    def _fill(self, template: str | None, **values: str) -> str | None:
        if template is None:
            return None
        # ids are URL-safe already; a prefix or template may hold spaces, quotes or å, ä, ö
        return quote(self.prefix + template.format(**values), safe=URL_SAFE)


NO_LINKS = Links(process=None, activity=None, role=None)
