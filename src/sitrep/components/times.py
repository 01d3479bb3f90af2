"""Dates, times, durations and sets normalized TIMEX3-style against the publication date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import ensure_extensions
from ..model import Time


def find_times(doc: Doc) -> list[Time]:
    """Dates, times, durations and sets normalized TIMEX3-style against the publication date."""
    return []


class TimesComponent:
    """Sets `doc._.sitrep_times`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_times = find_times(doc)
        return doc


@Language.factory(
    "sitrep_times",
    assigns=["doc._.sitrep_times"],
    requires=["doc._.sitrep_document"],
    default_config={},
)
def make_times_component(nlp: Language, name: str) -> TimesComponent:
    """Factory of the times component."""
    ensure_extensions()
    return TimesComponent()
