"""Parties and places as keys: the one place where claims' sides, claimants and places are normalized.

`side_key("Russian forces")`, `side_key("the Kremlin")` and `side_key("Russia")` are all "russia":
a party is read from its words through the demonym and party lexicons (`data/referent_sides.tsv`,
`data/gazetteer_demonyms.tsv`), the office-holder and affiliation tables the events component
uses (`data/events_offices.tsv`, `data/events_affiliations.tsv`: "Peskov" speaks for Russia) and the
claimants' own table (`data/claims_parties.tsv`: "Western leaders", "Stoltenberg"). A name no lexicon
knows keys as its folded self. `place_key` keys a place by its gazetteer entry.

Claimants (`claimant_key`): a person by the identity layer's family-name key (`identity.names.
parse_person`, as `identity.lookup.referent_key` files people: "Volodymyr Zełenski" and "Zelenskyy"
are one; no gazetteer load), only for names written as a person's
(every word capitalized: "U.K. officials" is no one's surname, and the Kremlin no place); any other
claimant by its party and its remaining words ("Russian Defence Ministry" -> "russia:defence
ministry", apart from "Ukrainian Defence Ministry").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..numbers import DATA
from ..referents import side_lexicon
from .resolve import fold, org_key

_WORD = re.compile(r"[\w'\u2019.-]+")
_LEAD = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _party_words() -> dict[str, str]:
    """Lowercase word or name -> party key, from the events component's office and affiliation tables
    and the claimants' own table."""
    out: dict[str, str] = {}
    for name in ("claims_parties.tsv", "events_affiliations.tsv", "events_offices.tsv"):
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
            if bare.lower() in _capital_parties():  # "Western leaders", not "western Ukraine"
                return _party_words()[bare.lower()]
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


@lru_cache(maxsize=1)
def _capital_parties() -> frozenset[str]:
    """Words of `data/claims_parties.tsv` that name a party only when capitalized ("Western")."""
    rows = (DATA / "claims_parties.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(r.split("\t")[0].strip().lower() for r in rows if r.count("\t") >= 2 and "capital" in r)


_PARTICLES = {"de", "van", "von", "der", "bin", "al", "la", "le", "da", "du", "ibn"}


def _person_like(name: str) -> bool:
    """A name written as a person's: two to five words, each capitalized (titles and particles aside)."""
    words = _WORD.findall(_LEAD.sub("", name.strip()))
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)


@lru_cache(maxsize=1 << 14)
def claimant_key(name: str | None) -> str:
    """The key of a claimant: a person by family name ("Gen. Mark Milley" ~ "Milley", "Zełenski" ~
    "Zelenskyy"), else its party and other words ("U.K. officials" -> "united kingdom:officials")."""
    if not name:
        return ""
    party = party_of(name)
    bare = _LEAD.sub("", name.strip())
    whole = bare.lower() in side_lexicon()
    if _person_like(bare) and not whole:
        from .identity.names import clean_surface, parse_person

        person = parse_person(clean_surface(bare) or bare)  # the identity layer's reading of a name
        if person is not None and person.surname and (party is None or _office_holder(bare, person.titles)):
            return "sn:" + person.surname
    if party:
        rest = [] if whole else [w for w in _WORD.findall(bare) if not _names_party(w)]
        return party + ":" + org_key(" ".join(rest))
    return org_key(name)


def _office_holder(name: str, titles: tuple[str, ...]) -> bool:
    """A name with a party that is a person's: an office-holder's surname of the party tables
    ("Peskov"; not "West"), a title or a given name first ("President Zelenskyy", "Dmitry Peskov";
    not "White House")."""
    from .identity.names import is_given_name

    words = _WORD.findall(name)
    if len(words) == 1:
        low = words[0].lower()
        return low in _party_words() and low not in _capital_parties()
    return bool(titles) or is_given_name(words[0])


def _names_party(word: str) -> bool:
    bare = re.sub(r"['\u2019]s$", "", word).lower()
    return bare in side_lexicon() or bare in _party_words()


def place_key(place_id: str | None) -> str:
    """A place by its gazetteer entry: a country, an oblast and a town in it are three keys, so a part
    never joins its whole."""
    return place_id or ""
