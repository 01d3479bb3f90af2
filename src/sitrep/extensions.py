"""The `Doc` extensions through which sitrep components talk to each other and to `report.py`."""

from __future__ import annotations

from spacy.tokens import Doc

# name -> what it holds (all default to None until the owning component runs)
DOC_EXTENSIONS: dict[str, str] = {
    "sitrep_meta": "dict of caller metadata: published (datetime.date | None), title, source, url",
    "sitrep_document": "model.Document (sitrep_document)",
    "sitrep_entities": "list[model.Entity] (sitrep_entities)",
    "sitrep_coref": "entities.CorefIndex: mention and pronoun resolution (sitrep_entities)",
    "sitrep_times": "list[model.Time] (sitrep_times)",
    "sitrep_places": "list[model.Place] (sitrep_places)",
    "sitrep_statements": "list[model.Statement] (sitrep_statements)",
    "sitrep_quantities": "list[model.Quantity] (sitrep_quantities)",
    "sitrep_events": "list[model.Event] (sitrep_events)",
    "sitrep_positions": "list[model.Position] (sitrep_positions)",
}


def ensure_extensions() -> None:
    """Register sitrep's Doc extensions once; never overwrite a name sitrep does not own."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
