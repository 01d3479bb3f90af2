"""Loaders for the event trigger lexicon in `sitrep/data/` (read once, cached); the status cues are in
`components/shared/lexicon.py`."""

from __future__ import annotations

from functools import lru_cache

from ..shared.lexicon import data_rows, event_cues


@lru_cache(maxsize=1)
def triggers() -> dict[str, tuple[str, str]]:
    """Trigger lemma (one or two words) -> (event type, part of speech VERB|NOUN|ANY)."""
    return {r[0].lower(): (r[1], r[2] if len(r) > 2 else "ANY") for r in data_rows("events_triggers.tsv")}


@lru_cache(maxsize=1)
def trigger_heads() -> frozenset[str]:
    """Every word sequence that a longer trigger starts with ("call" of "call for")."""
    return frozenset(k[:i] for k in triggers() for i, ch in enumerate(k) if ch == " ")


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Lemmas with which a trigger may start: triggers, their first words, "vow" and impact verbs."""
    impact = {w for w, classes in event_cues().items() if "impact" in classes}
    return frozenset(triggers()) | trigger_heads() | {"vow"} | impact
