"""Whether a straight line of an edge passes through a placed box, without looking at every box.

Routing a flow asks, for every edge and every way it might go, whether a horizontal or vertical
segment runs through a box the edge does not connect. Testing every box each time makes a flow
of n steps cost n² and more (600 steps with links back and forth took 20 s). Here the boxes are
grouped by the band they cover across the line (the same top and bottom, for horizontal lines;
the same left and right, for vertical ones) and sorted along it, so that a question costs a few
binary searches; a few boxes (a band of a flow) are each tested, which costs less than the
bands. The answer is exactly that of testing every box (the same comparisons, with the same
``clearance``): a map is drawn the same either way.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from processkit.render.geometry import Box, Point


@dataclass(slots=True)
class _Band:
    """Boxes covering the same band across the line, sorted by where they start along it.
    ``reach[i]`` is the furthest end of boxes ``0..i`` (the boxes of a band may overlap)."""

    low: float
    high: float
    starts: list[float] = field(default_factory=list)
    ends: list[float] = field(default_factory=list)
    reach: list[float] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def hit(self, low: float, high: float, skip: Sequence[str]) -> bool:
        """Whether a box other than those named in ``skip`` starts before ``high`` and ends
        after ``low``."""
        index = bisect_left(self.starts, high) - 1
        while index >= 0 and self.reach[index] > low:
            if self.ends[index] > low and self.names[index] not in skip:
                return True
            index -= 1
        return False


class _Bands:
    """Every band of one direction, sorted by its low side, with the furthest high side so far."""

    def __init__(self, boxes: list[tuple[float, float, float, float, str]]) -> None:
        grouped: dict[tuple[float, float], list[tuple[float, float, str]]] = {}
        for low, high, start, end, name in boxes:
            grouped.setdefault((low, high), []).append((start, end, name))
        self.bands: list[_Band] = []
        for (low, high), members in sorted(grouped.items()):
            band = _Band(low, high)
            for start, end, name in sorted(members):
                band.starts.append(start)
                band.ends.append(end)
                band.reach.append(max(end, band.reach[-1]) if band.reach else end)
                band.names.append(name)
            self.bands.append(band)
        self.lows = [band.low for band in self.bands]
        self.reach: list[float] = []
        for band in self.bands:
            self.reach.append(max(band.high, self.reach[-1]) if self.reach else band.high)

    def hit(self, at: float, low: float, high: float, skip: Sequence[str]) -> bool:
        """Whether a box strictly covering ``at`` across the line, other than those in ``skip``,
        meets the stretch from ``low`` to ``high`` along it."""
        index = bisect_left(self.lows, at) - 1
        while index >= 0 and self.reach[index] > at:
            band = self.bands[index]
            if band.high > at and band.hit(low, high, skip):
                return True
            index -= 1
        return False


#: Up to this many boxes (a band of a flow holds a few dozen at most) every box is tested:
#: fewer comparisons than building the bands costs.
FEW = 40


class Obstacles:
    """The boxes of a placed flow, each grown by ``clearance``, ready to be asked about lines.
    With at most ``few`` boxes each question tests every box, else it goes to the bands."""

    def __init__(self, boxes: Mapping[str, Box], clearance: float, *, few: int = FEW) -> None:
        across: list[tuple[float, float, float, float, str]] = []
        down: list[tuple[float, float, float, float, str]] = []
        for name, box in boxes.items():
            left, right = box.left - clearance, box.right + clearance
            top, bottom = box.top - clearance, box.bottom + clearance
            across.append((top, bottom, left, right, name))
            down.append((left, right, top, bottom, name))
        self._few: list[tuple[float, float, float, float, str]] | None = None
        if len(across) <= few:
            self._few = across
            return
        self._horizontal = _Bands(across)
        self._vertical = _Bands(down)

    def crosses(self, a: Point, b: Point, skip: Sequence[str] = ()) -> bool:
        """Whether the horizontal or vertical segment a-b passes through a box not named in
        ``skip`` (a segment from a point to itself counts as horizontal)."""
        few = self._few
        if a[1] == b[1]:
            low, high = sorted((a[0], b[0]))
            if few is None:
                return self._horizontal.hit(a[1], low, high, skip)
            at = a[1]
            for top, bottom, left, right, name in few:
                if top < at < bottom and low < right and high > left and name not in skip:
                    return True
            return False
        low, high = sorted((a[1], b[1]))
        if few is None:
            return self._vertical.hit(a[0], low, high, skip)
        at = a[0]
        for top, bottom, left, right, name in few:
            if left < at < right and low < bottom and high > top and name not in skip:
                return True
        return False

    def free(self, points: Sequence[Point], skip: Sequence[str] = ()) -> bool:
        """Whether the line through ``points`` passes through no box but those in ``skip``."""
        return not any(self.crosses(a, b, skip) for a, b in pairwise(points))
