"""Loaders for the events and positions lexicons in `sitrep/data/` (read once, cached)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.strings import StringStore

DATA = Path(__file__).resolve().parents[2] / "data"


class StringFilter:
    """Which string ids pass a test on their string, remembered across Docs (an id always names the
    same string), so that a Doc's tokens are filtered from its attribute arrays without Token objects."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test
        self.known: dict[int, bool] = {}

    def mask(self, strings: StringStore, ids: np.ndarray) -> np.ndarray:
        """A boolean array: which of `ids` (e.g. a Doc's LEMMA column) pass the test."""
        known = self.known
        if len(known) > 500_000:
            known.clear()
        good = []
        for h in np.unique(ids).tolist():
            ok = known.get(h)
            if ok is None:
                ok = known[h] = self.test(strings[h])
            if ok:
                good.append(h)
        return np.isin(ids, np.array(good, dtype=ids.dtype))


def _rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, comments and blank lines skipped."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


@lru_cache(maxsize=1)
def triggers() -> dict[str, tuple[str, str]]:
    """Trigger lemma (one or two words) -> (event type, part of speech VERB|NOUN|ANY)."""
    return {r[0].lower(): (r[1], r[2] if len(r) > 2 else "ANY") for r in _rows("events_triggers.tsv")}


@lru_cache(maxsize=1)
def trigger_heads() -> frozenset[str]:
    """Every word sequence that a longer trigger starts with ("call" of "call for")."""
    return frozenset(k[:i] for k in triggers() for i, ch in enumerate(k) if ch == " ")


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Lemmas with which a trigger may start: triggers, their first words, "vow" and impact verbs."""
    impact = {w for w, classes in event_cues().items() if "impact" in classes}
    return frozenset(triggers()) | trigger_heads() | {"vow"} | impact


@lru_cache(maxsize=1)
def event_cues() -> dict[str, frozenset[str]]:
    """Status cue word -> its classes (speech, announce, deny, dispute, modal, intent, implicative)."""
    out: dict[str, set[str]] = {}
    for r in _rows("events_cues.tsv"):
        out.setdefault(r[0].lower(), set()).add(r[1])
    return {k: frozenset(v) for k, v in out.items()}


def cue_has(word: str, cls: str) -> bool:
    """Whether `word` (a lemma or lower-case surface) is a status cue of class `cls`."""
    return cls in event_cues().get(word.lower(), frozenset())


@lru_cache(maxsize=1)
def position_topics() -> list[tuple[tuple[str, ...], str]]:
    """(lemma sequence, topic) pairs, longest first."""
    pairs = [(tuple(r[0].lower().split()), r[1]) for r in _rows("positions_topics.tsv")]
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def position_cues() -> dict[str, str]:
    """Position cue (lemma or surface phrase) -> class (open, open_verb, rejects, condition*)."""
    return {r[0].lower(): r[1] for r in _rows("positions_cues.tsv")}


def condition_markers() -> list[tuple[str, str]]:
    """(surface marker, class: condition | condition_neg | condition_until) pairs, longest first."""
    marks = [(k, v) for k, v in position_cues().items() if v.startswith("condition")]
    return sorted(marks, key=lambda m: -len(m[0]))
