"""People, organisations, countries and groups in one document: name mentions, titles, roles, label
fixes, descriptors and in-document coreference (`find_entities`, factory `sitrep_entities`).
"""

from __future__ import annotations

from .component import find_entities, make_entities_component

__all__ = [
    "find_entities",
    "make_entities_component",
]
