"""Place mentions resolved offline to gazetteer entries with coordinates."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import ensure_extensions
from ..model import Place


def find_places(doc: Doc) -> list[Place]:
    """Place mentions resolved offline to gazetteer entries with coordinates."""
    return []


class PlacesComponent:
    """Sets `doc._.sitrep_places`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_places = find_places(doc)
        return doc


@Language.factory(
    "sitrep_places",
    assigns=["doc._.sitrep_places"],
    requires=["doc.ents", "doc._.sitrep_document"],
    default_config={},
)
def make_places_component(nlp: Language, name: str) -> PlacesComponent:
    """Factory of the places component."""
    ensure_extensions()
    return PlacesComponent()
