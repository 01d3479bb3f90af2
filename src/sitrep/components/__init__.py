"""sitrep's spaCy components, one concern per package (`components/<concern>/`), each registered with
`Language.factory`; helpers that more than one concern reads live in `components/shared/`."""

from __future__ import annotations

# Pipeline order: each component reads only what the ones before it put on the Doc.
COMPONENTS: tuple[str, ...] = (
    "sitrep_document",
    "sitrep_entities",
    "sitrep_times",
    "sitrep_places",
    "sitrep_statements",
    "sitrep_quantities",
    "sitrep_events",
    "sitrep_positions",
)


def register_factories() -> None:
    """Import every component module so that its factory is registered with spaCy."""
    from . import (  # noqa: F401
        document,
        entities,
        events,
        places,
        positions,
        quantities,
        statements,
        times,
    )
