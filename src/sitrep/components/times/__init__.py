"""Dates, times, durations and sets normalized TIMEX3-style against the publication date: lexicon-built
regex rules, calendar arithmetic and a dateparser fallback (`find_times`, factory `sitrep_times`).
"""

from __future__ import annotations

from .component import find_times, make_times_component

__all__ = [
    "find_times",
    "make_times_component",
]
