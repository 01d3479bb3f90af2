"""Stated positions: who is open to what, on which conditions."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import ensure_extensions
from ..model import Position


def find_positions(doc: Doc) -> list[Position]:
    """Stated positions: who is open to what, on which conditions."""
    return []


class PositionsComponent:
    """Sets `doc._.sitrep_positions`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_positions = find_positions(doc)
        return doc


@Language.factory(
    "sitrep_positions",
    assigns=["doc._.sitrep_positions"],
    requires=["doc._.sitrep_statements"],
    default_config={},
)
def make_positions_component(nlp: Language, name: str) -> PositionsComponent:
    """Factory of the positions component."""
    ensure_extensions()
    return PositionsComponent()
