"""Which of many spans contain a character, without reading them all: events and positions ask per
trigger which statement or time expression holds it, and a long text holds thousands (issue 16)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate


class SpanCover:
    """Spans [start, end), each with its place in the list given, sorted by start once; a lookup reads
    only the spans starting less than the longest span's length before the character."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted((s, e, k) for k, (s, e) in enumerate(spans))
        self._starts = [s for s, _e, _k in self._spans]
        self._longest = max((e - s for s, e, _k in self._spans), default=0)
        self._reach = list(accumulate((e for _s, e, _k in self._spans), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        """True when a span shares a character with [start, end) (`s < end and start < e`)."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start

    def holding(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(start, end, place) of every span with s <= start and end <= e, nearest start first."""
        out: list[tuple[int, int, int]] = []
        k = bisect_right(self._starts, start) - 1
        while k >= 0 and self._reach[k] >= end:
            if self._spans[k][1] >= end:
                out.append(self._spans[k])
            k -= 1
        return out

    def within(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(start, end, place) of every span with start <= s and e <= end, by start."""
        lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
        return [sp for sp in self._spans[lo:hi] if sp[1] <= end]

    def at(self, char: int) -> list[tuple[int, int, int]]:
        """(start, end, place) of every span with start <= char < end."""
        lo = bisect_right(self._starts, char - self._longest)
        hi = bisect_right(self._starts, char)
        return [sp for sp in self._spans[lo:hi] if char < sp[1]]

    def first_at(self, char: int) -> int | None:
        """The smallest place of a span containing `char`, or None."""
        return min((k for _s, _e, k in self.at(char)), default=None)


def merged_spans(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of spans as disjoint runs (starts, ends), ascending: a position is inside one of the
    spans when `bisect_right(starts, pos) - 1` names a run whose end is past it."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if s >= e:
            continue
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends
