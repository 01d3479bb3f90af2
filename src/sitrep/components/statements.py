"""Direct, indirect and mixed speech with resolved speakers, cues, venues and dates."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import ensure_extensions
from ..model import Statement


def find_statements(doc: Doc) -> list[Statement]:
    """Direct, indirect and mixed speech with resolved speakers, cues, venues and dates."""
    return []


class StatementsComponent:
    """Sets `doc._.sitrep_statements`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_statements = find_statements(doc)
        return doc


@Language.factory(
    "sitrep_statements",
    assigns=["doc._.sitrep_statements"],
    requires=["doc._.sitrep_entities", "doc._.sitrep_times"],
    default_config={},
)
def make_statements_component(nlp: Language, name: str) -> StatementsComponent:
    """Factory of the statements component."""
    ensure_extensions()
    return StatementsComponent()
