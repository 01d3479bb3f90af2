"""Events with actor, target, place, time and status: trigger lexicon and matching, arguments (places,
times, sides) and the factuality of the clause (`find_events`, factory `sitrep_events`).
"""

from __future__ import annotations

from .component import find_events, make_events_component

__all__ = [
    "find_events",
    "make_events_component",
]
