"""Doc -> Report: reads the sitrep Doc extensions and builds the `sitrep/1` contract."""

from __future__ import annotations

from spacy.tokens import Doc

from .components.document.component import read_document
from .model import Report


def build_report(doc: Doc) -> Report:
    """The report of a processed Doc (components that did not run leave their lists empty)."""
    x = doc._
    return Report(
        document=x.sitrep_document or read_document(doc),
        entities=x.sitrep_entities or [],
        statements=x.sitrep_statements or [],
        quantities=x.sitrep_quantities or [],
        times=x.sitrep_times or [],
        places=x.sitrep_places or [],
        events=x.sitrep_events or [],
        positions=x.sitrep_positions or [],
    )
