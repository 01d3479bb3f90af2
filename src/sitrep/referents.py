"""Words of a figure's referent, shared by the quantities component and the aggregates.

What is counted (`data/referent_counted.tsv`: a lemma -> the normalized thing counted), whose it is
(`data/referent_sides.tsv` plus the demonyms of `data/gazetteer_demonyms.tsv`: a word -> a party
name) and how it relates to time (`data/referent_scope.tsv`). The component reads these over a
parse (`components/quantities/referent.py`); `referent_from_subject` reads them over a subject
string alone, for figures stored before referents existed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .model import Referent
from .numbers import DATA


class Counted(NamedTuple):
    """A counted noun's normal form, whether its counts form series, whether it is armed forces
    (`military`) or their weapons (`arms`)."""

    counted: str
    countable: bool
    military: bool = False
    arms: bool = False


class ScopeCue(NamedTuple):
    """A word or phrase that gives a figure its scope, with the period of a rate and where it stands."""

    scope: str
    period: str | None
    where: str  # before | near | after | clause | by


def _rows(name: str) -> list[list[str]]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [
        [c.strip() for c in ln.split("\t")]
        for ln in text.splitlines()
        if ln.strip() and not ln.startswith("#")
    ]


@lru_cache(maxsize=1)
def counted_lexicon() -> dict[str, Counted]:
    """Lemma (one or two words, lowercase) -> its counted form."""
    out = {}
    for row in _rows("referent_counted.tsv"):
        flags = row[2] if len(row) > 2 else "-"
        if flags == "sample":
            continue
        out[row[0]] = Counted(row[1], flags != "uncountable", flags == "military", flags == "arms")
    return out


@lru_cache(maxsize=1)
def sample_words() -> frozenset[str]:
    """Lemmas that make a nearby number a survey's sample size ("poll", "surveyed")."""
    return frozenset(r[0] for r in _rows("referent_counted.tsv") if len(r) > 2 and r[2] == "sample")


@lru_cache(maxsize=1)
def locative_preps() -> frozenset[str]:
    """Prepositions that put a figure at a place ("near", "in"; not "according to")."""
    text = (DATA / "referent_preps.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def side_lexicon() -> dict[str, str]:
    """Word (lowercase) -> the party it names ("russian" -> "Russia", "kremlin" -> "Russia")."""
    out = {}
    for row in _rows("gazetteer_demonyms.tsv"):
        out[row[0].lower()] = row[1]
    for row in _rows("referent_sides.tsv"):
        out[row[0].lower()] = row[1]
    for side in list(out.values()):
        out.setdefault(side.lower(), side)  # the party's own name
    return out


@lru_cache(maxsize=1)
def scope_lexicon() -> dict[tuple[str, ...], ScopeCue]:
    """Phrase (as a tuple of lowercase words) -> the scope it gives."""
    return {
        tuple(row[0].split()): ScopeCue(row[1], None if row[2] == "-" else row[2], row[3])
        for row in _rows("referent_scope.tsv")
    }


def singular(word: str) -> str:
    """A plural noun's singular by spelling alone ("casualties" -> "casualty"), for unparsed text."""
    w = word.lower()
    lex = counted_lexicon()
    if w in lex or len(w) < 4:
        return w
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if w.endswith(suffix) and not w.endswith("ss"):
            return w[: -len(suffix)] + repl
    return w


def counted_of(head: str, before: str | None = None) -> Counted:
    """The counted form of a head lemma, trying the two-word head ("service member") first."""
    lex = counted_lexicon()
    if before:
        two = f"{before} {head}"
        if two in lex:
            return lex[two]
    if head in lex:
        return lex[head]
    return Counted(head, True)


def side_of(word: str) -> str | None:
    """The party a capitalized word names ("Russian" -> "Russia", "Kyiv" -> "Ukraine"), or None."""
    if not word[:1].isupper():
        return None  # "us", "allied": sides are named with capitals
    w = word.lower().strip(",'\u2019")
    if w.endswith(("'s", "\u2019s")):
        w = w[:-2]
    lex = side_lexicon()
    return lex.get(w) or lex.get(w.rstrip(".")) or (lex.get(w[:-1]) if w.endswith("s") else None)


_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*")


def referent_from_subject(subject: str | None, unit: str, outcome: list[str]) -> Referent:
    """A referent read from a subject string alone (no parse): its last word counted, a demonym its side."""
    words = _WORD.findall(subject or "")
    if unit == "percent":
        scope = "share"
    elif outcome:
        scope = "as_of"
    else:
        scope = None
    if not words:
        people = bool(outcome) and unit == "people"
        return Referent(counted="person" if people else None, scope=scope, countable=people)
    # the head is the last word before an "of"/"in" phrase ("residents of Kherson", "troops in Belarus")
    cut = next((i for i, w in enumerate(words) if w.lower() in ("of", "in", "at", "near", "on")), len(words))
    head_words = words[:cut] or words
    head = singular(head_words[-1])
    before = singular(head_words[-2]) if len(head_words) > 1 else None
    counted = counted_of(head, before)
    side = next((s for w in words if (s := side_of(w))), None)
    if unit == "money":
        return Referent(counted=counted.counted, side=side, scope=scope, countable=False)
    return Referent(counted=counted.counted, side=side, scope=scope, countable=counted.countable)


@lru_cache(maxsize=1)
def measure_units() -> frozenset[str]:
    """Unit names of distances and areas ("km", "miles", "km2", "sq mi"; and the old class names): a
    figure in one of them says where, not how many."""
    from .components.quantities.subject import SQUARE

    rows = [r for r in _rows("quantities_units.tsv") if len(r) > 2 and r[1] in ("distance", "area")]
    return frozenset({"distance", "area", *SQUARE.values(), *(r[2] for r in rows)})


@lru_cache(maxsize=1)
def owner_verbs() -> dict[str, str]:
    """Verb lemma -> when its subject is the side of what it counts ("any", or "loss": for losses)."""
    return {r[0]: r[1] for r in _rows("referent_owner_verbs.tsv") if len(r) > 1}


@lru_cache(maxsize=1)
def border_words() -> frozenset[str]:
    """Nouns naming a border without its country ("near the border", "on its doorstep")."""
    return frozenset(r[0] for r in _rows("referent_borders.txt"))


@lru_cache(maxsize=1)
def hypothetical_cues() -> tuple[frozenset[str], tuple[str, ...]]:
    """(conjunctions opening a supposed clause, phrases before a supposed figure in its sentence)."""
    rows = [r for r in _rows("referent_hypothetical.txt") if len(r) > 1]
    return frozenset(r[1] for r in rows if r[0] == "mark"), tuple(r[1] for r in rows if r[0] == "phrase")
