"""Events with actor, target, place, time and status."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import ensure_extensions
from ..model import Event


def find_events(doc: Doc) -> list[Event]:
    """Events with actor, target, place, time and status."""
    return []


class EventsComponent:
    """Sets `doc._.sitrep_events`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_events = find_events(doc)
        return doc


@Language.factory(
    "sitrep_events",
    assigns=["doc._.sitrep_events"],
    requires=["doc._.sitrep_statements", "doc._.sitrep_quantities", "doc._.sitrep_places"],
    default_config={},
)
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    """Factory of the events component."""
    ensure_extensions()
    return EventsComponent()
