"""sitrep: read news reports about wars and crises into a sourced, queryable record."""

from __future__ import annotations

from .api import extract, extract_many
from .errors import InputError, SitrepError, StoreError
from .model import (
    SCHEMA,
    Claimant,
    Document,
    Entity,
    Event,
    Place,
    Position,
    Quantity,
    Referent,
    Report,
    Speaker,
    Statement,
    Time,
)
from .pipeline import build_pipeline, load_pipeline

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Claimant",
    "Document",
    "Entity",
    "Event",
    "InputError",
    "Place",
    "Position",
    "Quantity",
    "Referent",
    "Report",
    "SitrepError",
    "Speaker",
    "Statement",
    "StoreError",
    "Time",
    "__version__",
    "build_pipeline",
    "extract",
    "extract_many",
    "load_pipeline",
]
