"""Figures with bounds, hedges, units, subjects, outcomes and claimants: number scanning, context,
subjects and ellipsis (`find_quantities`, factory `sitrep_quantities`).
"""

from __future__ import annotations

from .component import find_quantities, make_quantities_component

__all__ = [
    "find_quantities",
    "make_quantities_component",
]
