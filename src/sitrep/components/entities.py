"""People, organisations, countries and groups with all their mentions, titles, roles and in-document coreference.

NOTE: interim implementation (one entity per distinct NER string, nearest-person pronoun
resolution) so that later components can be built against `CorefIndex`; to be replaced by the
full resolver (surnames, appositives, titles, roles, descriptive mentions).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import ensure_extensions
from ..model import Entity, TextSpan

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
GROUP_PRONOUNS = {"it", "they", "them", "its", "their"}


class CorefIndex:
    """In-document coreference: which entity a stretch of text refers to.

    The interface later components use:
    - `entity_at(start, end)`: the entity one of whose mentions overlaps `[start, end)`, or None.
    - `resolve(span)`: the entity a subject phrase refers to: a name or a surname, a mention
      such as "the ministry", or a pronoun ("he", "it", "they") resolved to an earlier antecedent.
    - `entity(id)`: an entity by id.
    """

    def __init__(self, doc: Doc, entities: list[Entity]) -> None:
        self.doc = doc
        self.entities = entities
        self._by_id = {e.id: e for e in entities}
        self._mentions = sorted(
            ((m.span[0], m.span[1], e) for e in entities for m in e.mentions), key=lambda t: t[0]
        )

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id."""
        return self._by_id.get(entity_id)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping `[start, end)` (the longest overlap wins)."""
        best, best_overlap = None, 0
        for s, e, ent in self._mentions:
            if s >= end:
                break
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = ent, overlap
        return best

    def resolve(self, span: Span) -> Entity | None:
        """The entity a subject phrase refers to, following pronouns back to an antecedent."""
        ent = self.entity_at(span.start_char, span.end_char)
        if ent is not None:
            return ent
        low = span.text.lower()
        if low in PERSON_PRONOUNS:
            return self._previous(span.start_char, {"PERSON"})
        if low in GROUP_PRONOUNS:
            return self._previous(span.start_char, {"ORG", "GPE", "NORP"})
        return None

    def _previous(self, before: int, types: set[str]) -> Entity | None:
        found = None
        for s, _e, ent in self._mentions:
            if s >= before:
                break
            if ent.type in types:
                found = ent
        return found


def find_entities(doc: Doc) -> list[Entity]:
    """People, organisations, countries and groups with all their mentions."""
    by_name: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        key = (ent.text, ent.label_)
        if key not in by_name:
            by_name[key] = Entity(id=f"e{len(by_name) + 1}", name=ent.text, type=ent.label_)
        by_name[key].mentions.append(TextSpan(text=ent.text, span=(ent.start_char, ent.end_char)))
    return list(by_name.values())


class EntitiesComponent:
    """Sets `doc._.sitrep_entities` and `doc._.sitrep_coref`."""

    def __call__(self, doc: Doc) -> Doc:
        entities = find_entities(doc)
        doc._.sitrep_entities = entities
        doc._.sitrep_coref = CorefIndex(doc, entities)
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
