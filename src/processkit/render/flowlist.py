"""The map of a process too large to draw as a flow: its activities as a numbered list.

A flow map draws at most ``FLOW_MAP_MAX_ACTIVITIES`` activities (rule PK124 says why). A larger
process gets this map instead: a line saying so, then every activity in flow order, numbered as
on the process page and linking to its row there. The lines are placed here, top to bottom, and
Graphviz (``neato -n2``) only draws them, so the map costs no more than its lines.
"""

from __future__ import annotations

from processkit.domain.flow import FLOW_MAP_MAX_ACTIVITIES, activity_order
from processkit.loading.repository import Repository
from processkit.model import Process
from processkit.render import style
from processkit.render.common import plain, process_desc, svg_id
from processkit.render.dot import Graph, Node
from processkit.render.job import FIXED_LAYOUT, Links, MapJob, NodeInfo
from processkit.render.texts import Texts
from processkit.render.wrap import wrap

LINE = 15.0  # points per line of 11 pt text, with a little air between the activities
GAP = 10.0  # points between the note and the list
CHAR = 0.56 * 11  # points per character of 11 pt Helvetica (an estimate that errs wide)
NOTE_WIDTH = 90  # characters per line of the note
NAME_WIDTH = 80  # characters per line of an activity's name


def list_dot(
    repo: Repository, process: Process, name: str, title: str, links: Links, texts: Texts
) -> MapJob:
    """The activities of ``process`` as a numbered list in flow order (see the module)."""
    by_id = {activity.id: activity for activity in process.activities}
    order = activity_order(process)
    note_text = texts.flow_listed.format(count=len(order), limit=FLOW_MAP_MAX_ACTIVITIES)
    note_lines = wrap(note_text, NOTE_WIDTH)
    items: list[tuple[str, list[str], NodeInfo, str | None]] = []
    for number, activity_id in enumerate(order, start=1):
        activity = by_id[activity_id]
        lines = wrap(f"{number}. {activity.name}", NAME_WIDTH)
        role = repo.roles.get(activity.role) if activity.role else None
        performer = role.entity.name if role else (activity.role or texts.no_performer)
        info = NodeInfo(
            svg_id(name, "act", activity_id),
            f"{number}. {activity.name}",
            texts.activity_desc.format(role=performer),
        )
        link = links.for_activity(process.id, activity_id)
        items.append((f"act:{activity_id}", lines, info, link))

    widest = max(len(line) for lines in [note_lines, *(i[1] for i in items)] for line in lines)
    width = widest * CHAR + 16
    graph = Graph(name, attrs=style.graph_defaults("LR"))
    for unused in ("rankdir", "newrank", "nodesep", "ranksep", "compound"):  # dot's, not neato's
        del graph.attrs[unused]
    graph.attrs.update(label=plain(title), id=name)
    graph.node_defaults.update(style.node_defaults())
    graph.node_defaults.update(shape="plaintext", fixedsize="true", margin="0.08,0.02")
    # y grows upwards in Graphviz: the list is placed from its bottom line up
    heights = [len(lines) * LINE for _, lines, _, _ in items]
    y = 0.0
    placed: list[Node] = []
    for (node_name, lines, info, link), height in reversed(list(zip(items, heights, strict=True))):
        attrs = _line_attrs(lines, width, height, y)
        attrs.update(id=info.svg_id, tooltip=plain(f"{info.title}. {info.desc}"))
        if link:
            attrs["URL"] = link
        placed.append(Node(node_name, attrs))
        y += height
    note_height = len(note_lines) * LINE
    note = Node("note", _line_attrs(note_lines, width, note_height, y + GAP))
    note.attrs.update(id=svg_id(name, "note"), fontcolor=style.MUTED)
    graph.nodes += [note, *reversed(placed)]
    infos = (NodeInfo(note.attrs["id"], note_text, ""), *(info for _, _, info, _ in items))
    desc = texts.flow_list_desc.format(activities=len(order))
    desc += " " + process_desc(repo, process, texts, repo.config.site.language)
    dot = "// Positions are fixed: draw with  neato -n2 -Tsvg\n" + graph.to_dot()
    return MapJob(name, dot, title, desc, infos, layout=FIXED_LAYOUT)


def _line_attrs(lines: list[str], width: float, height: float, bottom: float) -> dict[str, str]:
    """A box of left-aligned ``lines``, ``width`` by ``height`` points, its bottom at
    ``bottom``."""
    return {
        "label": "".join(plain(line) + "\\l" for line in lines),
        "pos": f"{width / 2:.1f},{bottom + height / 2:.1f}",
        "width": f"{width / 72:.3f}",
        "height": f"{height / 72:.3f}",
    }
