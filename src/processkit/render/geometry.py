"""Boxes, rectangles and points of a map placed by processkit (points, 1/72 inch)."""

from __future__ import annotations

from processkit.frozen import frozen

Point = tuple[float, float]


@frozen
class Box:
    """A placed node: centre and size."""

    x: float
    y: float
    width: float
    height: float

    @property
    def left(self) -> float:
        return self.x - self.width / 2

    @property
    def right(self) -> float:
        return self.x + self.width / 2

    @property
    def top(self) -> float:
        return self.y - self.height / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height / 2


@frozen
class Rect:
    """A placed box drawn around others (a lane, the legend): its sides."""

    left: float
    top: float
    right: float
    bottom: float
