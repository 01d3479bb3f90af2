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
def trigger_checks() -> dict[str, str]:
    """Trigger lemma -> the selectional check it needs (fourth column of the lexicon, when given)."""
    return {r[0].lower(): r[3] for r in data_rows("events_triggers.tsv") if len(r) > 3 and r[3]}


@lru_cache(maxsize=1)
def modified_nouns() -> dict[str, dict[str, str]]:
    """Head noun -> {modifier lemma: type} for two-word nominal triggers ("military operation")."""
    out: dict[str, dict[str, str]] = {}
    for key, (etype, pos) in triggers().items():
        if pos == "NOUN" and " " in key:
            mod, head = key.rsplit(" ", 1)
            out.setdefault(head, {})[mod] = etype
    return out


@lru_cache(maxsize=1)
def trigger_heads() -> frozenset[str]:
    """Every word sequence that a longer trigger starts with ("call" of "call for")."""
    return frozenset(k[:i] for k in triggers() for i, ch in enumerate(k) if ch == " ")


@lru_cache(maxsize=1)
def hyphen_tails() -> dict[str, dict[str, str]]:
    """Last part -> {first part: entry} of hyphenated triggers ("build-up"), which the tokenizer splits
    into three tokens ("build", "-", "ups"): the last part is the phrase's head."""
    out: dict[str, dict[str, str]] = {}
    for key in triggers():
        if "-" in key and " " not in key:
            first, last = key.split("-", 1)
            out.setdefault(last, {})[first] = key
    return out


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Lemmas with which a trigger may start (triggers, their first words, "vow", impact verbs) or end
    (the last part of a hyphenated one)."""
    impact = {w for w, classes in event_cues().items() if "impact" in classes}
    words = frozenset(triggers()) | trigger_heads() | frozenset(modified_nouns()) | {"vow"} | impact
    return words | frozenset(hyphen_tails())
