"""Parties and places as keys: the one place where claims' sides, claimants and places are normalized.

`side_key("Russian forces")`, `side_key("the Kremlin")` and `side_key("Russia")` are all "russia":
a party is read from its words through the demonym and party lexicons (`data/referent_sides.tsv`,
`data/gazetteer_demonyms.tsv`) and the office-holder and affiliation tables the events component
uses (`data/events_offices.tsv`, `data/events_affiliations.tsv`: "Peskov" speaks for Russia). A name
no lexicon knows keys as its folded self. `place_key` keys a place by its gazetteer entry.

When the cross-article identity layer (issue 13) offers identity ids for names, `side_key` and
`claimant_key` are the two functions to switch to it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..numbers import DATA
from ..referents import side_lexicon
from .resolve import fold, name_key, org_key

_WORD = re.compile(r"[\w'\u2019.-]+")
_LEAD = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _party_words() -> dict[str, str]:
    """Lowercase word or name -> party key, from the events component's office and affiliation tables."""
    out: dict[str, str] = {}
    for name in ("events_affiliations.tsv", "events_offices.tsv"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#") and "\t" in line:
                word, side = (c.strip() for c in line.split("\t")[:2])
                out.setdefault(word.lower(), _canonical(side))
    return out


def _canonical(side: str) -> str:
    """A party name as a key ("us" and "United States" -> "united states")."""
    low = side.strip().lower()
    named = side_lexicon().get(low)
    return fold(named if named else low)


@lru_cache(maxsize=1 << 14)
def party_of(name: str | None) -> str | None:
    """The party a name belongs to or speaks for ("Russian Defence Ministry" -> "russia"), or None."""
    if not name:
        return None
    clean = _LEAD.sub("", name.strip())
    low = clean.lower()
    if low in side_lexicon():
        return _canonical(side_lexicon()[low])
    if low in _party_words():
        return _party_words()[low]
    words = _WORD.findall(clean)
    if low.startswith("pro-") or any(w.lower() == "pro" for w in words):
        return None  # "pro-Russian separatists" are not Russia
    for w in words:  # a demonym or party word inside the name: "Ukraine's General Staff"
        bare = re.sub(r"['\u2019]s$", "", w)
        if bare[:1].isupper():
            hit = side_lexicon().get(bare.lower())
            if hit:
                return _canonical(hit)
    for w in reversed(words):  # an office-holder's surname: "Dmitry Peskov"
        hit = _party_words().get(w.lower())
        if hit:
            return hit
    return None


@lru_cache(maxsize=1 << 14)
def side_key(name: str | None) -> str:
    """The key of a party named by any of its words ("" for none)."""
    if not name:
        return ""
    return party_of(name) or org_key(name)


@lru_cache(maxsize=1 << 14)
def claimant_key(name: str | None) -> str:
    """The key of a claimant: a person by surname ("Gen. Mark Milley" ~ "Milley"), else its folded name."""
    if not name:
        return ""
    tokens = name_key(name).split()
    return tokens[-1] if tokens and len(org_key(name).split()) <= 4 else org_key(name)


def place_key(place_id: str | None) -> str:
    """A place by its gazetteer entry: a country, an oblast and a town in it are three keys, so a part
    never joins its whole."""
    return place_id or ""
