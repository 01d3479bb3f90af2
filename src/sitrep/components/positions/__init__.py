"""Stated positions: who is open to what, or rejects it, on which conditions; the topic and condition
marker lexicon (`find_positions`, factory `sitrep_positions`).
"""

from __future__ import annotations

from .component import find_positions, make_positions_component

__all__ = [
    "find_positions",
    "make_positions_component",
]
