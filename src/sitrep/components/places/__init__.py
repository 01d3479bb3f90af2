"""Place mentions resolved offline to gazetteer entries with coordinates: candidate finding and
context disambiguation (`find_places`, factory `sitrep_places`).
"""

from __future__ import annotations

from .component import find_places, make_places_component

__all__ = [
    "find_places",
    "make_places_component",
]
