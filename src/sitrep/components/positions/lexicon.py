"""Loaders for the positions lexicon in `sitrep/data/` (read once, cached): topics and condition markers;
the position cues themselves are in `components/shared/lexicon.py` (events reads them too)."""

from __future__ import annotations

from functools import lru_cache

from ..shared.lexicon import data_rows, position_cues


@lru_cache(maxsize=1)
def position_topics() -> list[tuple[tuple[str, ...], str]]:
    """(lemma sequence, topic) pairs, longest first."""
    pairs = [(tuple(r[0].lower().split()), r[1]) for r in data_rows("positions_topics.tsv")]
    return sorted(pairs, key=lambda p: -len(p[0]))


def condition_markers() -> list[tuple[str, str]]:
    """(surface marker, class: condition | condition_neg | condition_until) pairs, longest first."""
    marks = [(k, v) for k, v in position_cues().items() if v.startswith("condition")]
    return sorted(marks, key=lambda m: -len(m[0]))
