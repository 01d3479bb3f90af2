"""Lexicon reading shared by events and positions: the data-file row reader, the string-id filter,
the status cue classes (`events_cues.tsv`) and the position cues (`positions_cues.tsv`)."""

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


def data_rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, comments and blank lines skipped."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


@lru_cache(maxsize=1)
def event_cues() -> dict[str, frozenset[str]]:
    """Status cue word -> its classes (speech, announce, deny, dispute, modal, intent, implicative)."""
    out: dict[str, set[str]] = {}
    for r in data_rows("events_cues.tsv"):
        out.setdefault(r[0].lower(), set()).add(r[1])
    return {k: frozenset(v) for k, v in out.items()}


def cue_has(word: str, cls: str) -> bool:
    """Whether `word` (a lemma or lower-case surface) is a status cue of class `cls`."""
    return cls in event_cues().get(word.lower(), frozenset())


@lru_cache(maxsize=1)
def position_cues() -> dict[str, str]:
    """Position cue (lemma or surface phrase) -> class (open, open_verb, rejects, condition*)."""
    return {r[0].lower(): r[1] for r in data_rows("positions_cues.tsv")}
