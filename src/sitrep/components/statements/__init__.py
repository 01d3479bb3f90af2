"""Direct, indirect and mixed speech: reporting verbs and other cue forms, the statement builder, clause
syntax, speaker resolution and filters (`find_statements`, factory `sitrep_statements`).
"""

from __future__ import annotations

from .component import find_statements, make_statements_component

__all__ = [
    "find_statements",
    "make_statements_component",
]
