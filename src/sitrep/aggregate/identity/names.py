"""Name forms and matching keys: cleaning surfaces, parsing personal names, folding spellings.

Strings are transliterated with anyascii (Cyrillic, Polish ł, diacritics -> ASCII), personal names are
split into title, given name, middle names, family name and suffix with nameparser's title, suffix and
particle lists, and spelling variants of a name token are folded by the rules in
`data/identity_translit.tsv` ("Zelenskyy", "Zełenski", "Zelenskiy" -> "zelensky"). Approximate matches
use RapidFuzz's Jaro-Winkler similarity on folded keys. Everything here is pure and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler, Levenshtein

_WORD = re.compile(r"[a-z0-9]+")
_EDGE = " \t\n,;:!?-\u2013\u2014'\"\u201c\u201d\u2018\u2019\u00ab\u00bb()[]{}*_/|\\#+=~^`<>"
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019])$")
_JUNK = re.compile(r"[/@<>\[\]{}|\\]|https?:|www\.|\d{3,}")
_SPACE = re.compile(r"\s+")
_STOP = frozenset({"of", "the", "and", "for", "on", "in", "de", "la", "du", "des", "et", "to", "&"})


def _data_lines(name: str) -> list[str]:
    text = resources.files("sitrep").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def clean_surface(text: str) -> str | None:
    """A mention's surface as an alias: edge punctuation and a possessive dropped ("Ukraine.-" -> "Ukraine",
    "Zelensky's" -> "Zelensky"); None when nothing name-like is left or it holds junk (a photo credit's
    slash, a bracket, a URL, a long number)."""
    text = _strip(_SPACE.sub(" ", text))
    text = _strip(_POSSESSIVE.sub("", text))
    if not text or len(text) > 80 or _JUNK.search(text) or not any(c.isalpha() for c in text):
        return None
    return text


_ABBREV_END = re.compile(r"(?:^|[\s.])(?:[A-Za-z]\.)+$|(?:^|\s)[A-Z][a-z]{0,2}\.$")


def _strip(text: str) -> str:
    """Edge punctuation off, keeping the period of a final abbreviation ("E.U.", "Jr.")."""
    while True:
        before = text
        text = text.strip(_EDGE)
        if text.endswith(".") and not _ABBREV_END.search(text):
            text = text[:-1]
        if text.startswith("."):
            text = text[1:]
        if text == before:
            return text


def name_like(surface: str) -> bool:
    """Whether a mention is a name rather than a description: it starts with a capital (after an
    optional "the") and its longer words are capitalized ("a close ally of Putin", "Ukraine's
    president" are descriptions)."""
    words = surface.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or len(w) <= 3 or w.lower() in _STOP for w in words)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII words joined by one space: transliterated, apostrophes and hyphens inside words
    dropped ("Wołodymyr Zełenski" -> "wolodymyr zelenski", "Kosiniak-Kamysz" -> "kosiniakkamysz")."""
    text = anyascii(text).lower()
    text = re.sub(r"(?<=\w)['\u2019\-\.](?=\w)", "", text)
    return " ".join(_WORD.findall(text))


@lru_cache(maxsize=1)
def _translit() -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = []
    for ln in _data_lines("identity_translit.tsv"):
        pattern, _, repl = ln.partition("\t")
        rules.append((re.compile(pattern), repl.replace("\\1", "\\g<1>")))
    return tuple(rules)


@lru_cache(maxsize=1 << 16)
def token_key(token: str) -> str:
    """The spelling-folded key of one name token ("Zełenski" -> "zelensky", "Kharkov" -> "harkov")."""
    out = "".join(_WORD.findall(fold(token)))
    for pattern, repl in _translit():
        out = pattern.sub(repl, out)
    return out


@lru_cache(maxsize=1)
def _gender_endings() -> tuple[tuple[str, str], ...]:
    rows = [tuple(ln.split("\t")[:2]) for ln in _data_lines("identity_surnames.tsv")]
    return tuple(sorted(((e, g) for e, g in rows), key=lambda r: -len(r[0])))


@lru_cache(maxsize=1 << 14)
def surname_gender(key: str) -> str:
    """'m' or 'f' when a folded family name has a gendered Slavic ending (-sky/-ska, -ov/-ova), else ''."""
    for ending, gender in _gender_endings():
        if key.endswith(ending) and len(key) > len(ending) + 2:
            return gender
    return ""


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from nameparser.config import CONSTANTS

    words = {t.lower().rstrip(".") for t in CONSTANTS.titles}
    words |= {t.lower() for t in _data_lines("record_titles.txt")}
    return frozenset(words)


@lru_cache(maxsize=1)
def _suffixes() -> frozenset[str]:
    return frozenset({"jr", "sr", "ii", "iii", "iv", "jnr", "snr"})


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(_data_lines("identity_particles.txt"))


_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "madame", "lady", "queen", "princess", "pani"})
_MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "pan"})


@lru_cache(maxsize=1)
def _detector() -> object:
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=1 << 14)
def given_gender(given: str) -> str:
    """'m', 'f' or '' for a given name, from gender-guesser's first-name list (spellings folded)."""
    if len(given) < 2:
        return ""
    guess: str = _detector().get_gender(anyascii(given).capitalize())  # type: ignore[attr-defined]
    if guess == "unknown":
        alt = token_key(given).capitalize()
        guess = _detector().get_gender(alt)  # type: ignore[attr-defined]
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(guess, "")


def is_given_name(token: str) -> bool:
    """Whether a token is a known given name (gender-guesser's list knows it, any gender)."""
    if len(token) < 2 or not token[0].isupper():
        return False
    guess: str = _detector().get_gender(anyascii(token).capitalize())  # type: ignore[attr-defined]
    if guess == "unknown":
        guess = _detector().get_gender(token_key(token).capitalize())  # type: ignore[attr-defined]
    return guess != "unknown"


@dataclass(frozen=True)
class PersonName:
    """A personal name split into parts; keys are folded (`token_key`)."""

    surface: str
    given: str  # key of the given name ('' for a bare family name); one letter for an initial
    middle: tuple[str, ...]
    surname: str  # key of the family name, particles dropped
    suffix: str  # 'jr', 'ii', ...
    title_gender: str  # 'm' / 'f' when a title says so (Mr, Mrs)
    titles: tuple[str, ...]

    @property
    def full(self) -> bool:
        """Whether the name has a given name (not an initial) as well as a family name."""
        return len(self.given) > 1

    @property
    def key(self) -> str:
        """The exact-match key: given name, family name and suffix."""
        return " ".join(p for p in (self.given, self.surname, self.suffix) if p)

    @property
    def gender(self) -> str:
        """'m' / 'f' from the family name's ending, the title or the given name, '' when unknown."""
        return surname_gender(self.surname) or self.title_gender


@lru_cache(maxsize=1 << 16)
def parse_person(surface: str) -> PersonName | None:
    """Split a person's name; None when nothing but titles (or nothing name-like) is left."""
    raw = [t for t in surface.replace("\u2019", "'").split() if any(c.isalpha() for c in t)]
    titles: list[str] = []
    while len(raw) > 1 and raw[0].lower().rstrip(".") in _titles():
        titles.append(raw.pop(0).lower().rstrip("."))
    if not raw or (len(raw) == 1 and raw[0].lower().rstrip(".") in _titles()):
        return None
    suffix = ""
    if len(raw) > 1 and raw[-1].lower().strip(".,") in _suffixes():
        suffix = raw.pop().lower().strip(".,")
    # "al-Assad" -> "Assad"; separate particles before the family name are dropped
    last = raw[-1]
    head, sep, tail = last.partition("-")
    if sep and head.lower() in _particles() and tail:
        last = tail
    body = raw[:-1]
    while len(body) > 1 and body[-1].lower() in _particles():
        body.pop()
    surname = token_key(last)
    if not surname or len(surname) < 2:
        return None
    given = token_key(body[0]) if body else ""
    if body and len(body[0].rstrip(".")) == 1:
        given = given[:1]
    middle = tuple(token_key(t)[:1] if len(t.rstrip(".")) == 1 else token_key(t) for t in body[1:])
    tg = ""
    if any(t in _FEMALE_TITLES for t in titles):
        tg = "f"
    elif any(t in _MALE_TITLES for t in titles):
        tg = "m"
    if not tg and len(given) > 1:
        tg = given_gender(body[0])
    return PersonName(surface, given, tuple(m for m in middle if m), surname, suffix, tg, tuple(titles))


def similarity(a: str, b: str) -> float:
    """Jaro-Winkler similarity of two folded keys, 0..1 (RapidFuzz)."""
    return float(JaroWinkler.normalized_similarity(a, b))


def genders_agree(a: str, b: str) -> bool:
    """Whether two gender marks ('m', 'f', '') can belong to one person."""
    return not a or not b or a == b


_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=1 << 16)
def vowel_variant(a: str, b: str) -> bool:
    """Whether two keys differ only by vowels dropped, added or swapped (at most 2, or 3 in names of 8
    letters or more), the way machine translation and romanization garble a name ("zelensky"/"zelnsky"/
    "zelansky", "volodymyr"/"voludimir"), and not by a consonant ("clinton"/"clifton"). Both must be 5
    letters or longer and start alike."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    ops = Levenshtein.editops(a, b)
    if len(ops) > (3 if min(len(a), len(b)) >= 8 else 2):
        return False
    for op in ops:
        chars = {a[op.src_pos] if op.tag != "insert" else "", b[op.dest_pos] if op.tag != "delete" else ""}
        if not all(c in _VOWELS for c in chars if c):
            return False
    return True


def surnames_match(a: str, b: str) -> bool:
    """Equal family-name keys, or vowel variants of one another (`vowel_variant`) of the same gender."""
    if a == b:
        return True
    if not a or not b or surname_gender(a) != surname_gender(b):
        return False
    return vowel_variant(a, b)


def givens_match(a: str, b: str) -> bool:
    """Whether two given-name keys can be one name: equal, an initial of the other, or a spelling
    variant (vowels only, or Jaro-Winkler >= 0.88 with the same first two letters: Volodya/Volodymyr)."""
    if not a or not b:
        return True
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short):  # Tim, Timothy; Alex, Alexander
        return True
    return vowel_variant(a, b) or (a[:2] == b[:2] and similarity(a, b) >= 0.88)


def middles_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names agree when either is absent or they agree one by one (an initial matches a name)."""
    if not a or not b:
        return True
    if len(a) != len(b):
        return False
    return all(x[:1] == y[:1] and (len(x) == 1 or len(y) == 1 or x == y) for x, y in zip(a, b, strict=True))


def names_match(a: PersonName, b: PersonName) -> bool:
    """Whether two parsed names can be one person: family names, given names, middles, suffixes and
    genders all agree (an absent part agrees with anything)."""
    return (
        a.suffix == b.suffix
        and genders_agree(a.gender, b.gender)
        and surnames_match(a.surname, b.surname)
        and givens_match(a.given, b.given)
        and middles_match(a.middle, b.middle)
    )


@lru_cache(maxsize=1 << 14)
def acronym(name: str) -> str:
    """The acronym key of a name: the letters of an acronym ("E.U." -> "eu", "NATO" -> "nato") or the
    initials of a multi-word name's content words ("North Atlantic Treaty Organization" -> "nato");
    '' when there is none, and for a multi-word name whose initials make fewer than three letters or
    that holds abbreviations of its own ("U.S. Army"): two letters abbreviate too many names."""
    words = name.split()
    if len(words) == 1:
        w = words[0]
        letters = fold(w).replace(" ", "")
        if 2 <= len(letters) <= 6 and (w.replace(".", "").isupper() or "." in w.strip(".")):
            return letters
        return ""
    content = [w for w in words if w.lower() not in _STOP]
    if len(content) < 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in content):
        return ""
    return "".join(fold(w)[:1] for w in content)


def is_acronym(surface: str) -> bool:
    """An all-capital or dotted short form ("NATO", "E.U.", "Nato" counts only through `acronym`)."""
    w = surface.strip()
    letters = w.replace(".", "")
    return " " not in w and 2 <= len(letters) <= 6 and letters.isalpha() and (letters.isupper() or "." in w)


def org_key(name: str) -> str:
    """The matching key of an organisation or other named thing: folded, without a leading 'the'."""
    key = fold(name)
    return key[4:] if key.startswith("the ") else key


def slug(text: str) -> str:
    """A readable id part ("Volodymyr Zelensky" -> "volodymyr-zelensky")."""
    return "-".join(fold(text).split())[:60] or "x"
