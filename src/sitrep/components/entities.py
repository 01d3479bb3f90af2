"""People, organisations, countries and groups with all their mentions, titles, roles and in-document coreference."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import ensure_extensions
from ..model import Entity


def find_entities(doc: Doc) -> list[Entity]:
    """People, organisations, countries and groups with all their mentions, titles, roles and in-document coreference."""
    return []


class EntitiesComponent:
    """Sets `doc._.sitrep_entities`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_entities = find_entities(doc)
        doc._.sitrep_coref = None
        return doc


@Language.factory(
    "sitrep_entities",
    assigns=["doc._.sitrep_entities", "doc._.sitrep_coref"],
    requires=["doc.ents"],
    default_config={},
)
def make_entities_component(nlp: Language, name: str) -> EntitiesComponent:
    """Factory of the entities component."""
    ensure_extensions()
    return EntitiesComponent()
