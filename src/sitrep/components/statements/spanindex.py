"""Span lookups the salience pass asks once per statement or mention: whether a position lies inside
some reported content, and how many cues fall inside a range. A text of thousands of statements ("He
said" repeated) made each question a scan of all of them, the whole pass their square (issue 16)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence

_KEEP = 4  # spans kept per prefix, by largest end: enough to exclude up to _KEEP - 1 of them


class Covers:
    """Spans [start, end) sorted by start: is a position inside one of them (some excluded)?"""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._spans = list(spans)
        self._starts = [s for s, _e in self._spans]
        self._best: list[list[tuple[int, int]]] = []  # per prefix: distinct spans with the largest ends
        top: list[tuple[int, int]] = []
        for s, e in self._spans:
            if (s, e) not in top:
                top = sorted([*top, (s, e)], key=lambda p: -p[1])[:_KEEP]
            self._best.append(top)

    def covers(self, pos: int, exclude: Collection[object] = ()) -> bool:
        """True when some span not in `exclude` has start <= pos < end."""
        k = bisect_right(self._starts, pos)  # the spans starting at or before pos
        if k == 0:
            return False
        if len(exclude) >= _KEEP:
            return any(s <= pos < e for s, e in self._spans[:k] if (s, e) not in exclude)
        return any(e > pos and (s, e) not in exclude for s, e in self._best[k - 1])


class Points:
    """Positions (with repeats): how many lie in [a, z)."""

    def __init__(self, points: Sequence[int]) -> None:
        self._points = sorted(points)

    def count(self, a: int, z: int) -> int:
        """The number of positions p with a <= p < z."""
        return max(0, bisect_left(self._points, z) - bisect_left(self._points, a))
