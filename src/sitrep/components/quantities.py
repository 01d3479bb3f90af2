"""Quantitative claims with bounds, hedges, subjects, outcomes and claimants."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import ensure_extensions
from ..model import Quantity


def find_quantities(doc: Doc) -> list[Quantity]:
    """Quantitative claims with bounds, hedges, subjects, outcomes and claimants."""
    return []


class QuantitiesComponent:
    """Sets `doc._.sitrep_quantities`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_quantities = find_quantities(doc)
        return doc


@Language.factory(
    "sitrep_quantities",
    assigns=["doc._.sitrep_quantities"],
    requires=["doc._.sitrep_statements"],
    default_config={},
)
def make_quantities_component(nlp: Language, name: str) -> QuantitiesComponent:
    """Factory of the quantities component."""
    ensure_extensions()
    return QuantitiesComponent()
