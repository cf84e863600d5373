"""Finding the position of a key or value in a composed YAML node tree."""

from __future__ import annotations

from collections.abc import Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from processkit.loading.yamlfile import Mark, mark_of

Loc = Sequence[str | int]


def locate(root: Node, loc: Loc, *, at_key: bool = False) -> Mark:
    """The position of ``loc`` (keys and list indexes from the top) in ``root``.

    With ``at_key`` the position of the last key rather than its value. Where the path leaves
    the tree (a missing key), the deepest position reached is returned: a missing field is
    reported at the mapping that lacks it.
    """
    node = root
    key_mark = mark_of(root)
    for part in loc:
        child = _child(node, part)
        if child is None:
            return key_mark if at_key else mark_of(node) if node is not root else key_mark
        key_node, node = child
        key_mark = mark_of(key_node) if key_node is not None else mark_of(node)
    return key_mark if at_key else mark_of(node)


def locate_parent_key(root: Node, loc: Loc) -> Mark:
    """Where to report a missing field: the key of the mapping that lacks it, or line 1."""
    if len(loc) <= 1:
        return mark_of(root)
    return locate(root, loc[:-1], at_key=True)


def _child(node: Node, part: str | int) -> tuple[Node | None, Node] | None:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == str(part):
                return key_node, value_node
        return None
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None
