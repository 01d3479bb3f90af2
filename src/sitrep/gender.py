"""Grammatical gender a person's first name suggests, for pronoun agreement ("she" is not "Pavel Horak").

The names lexicon is gender-guesser's (Jörg Michael's "gender.c" list of about 45,000 first names
from many countries, Polish, Ukrainian and Russian ones included). Only a name it calls "male" or
"female" counts; "mostly_*", androgynous and unknown names say nothing. Titles ("Mrs", "spokeswoman")
are read by the entities component, not here.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame"}
_ANSWERS = {"male": "m", "female": "f"}


@lru_cache(maxsize=1)
def _detector() -> Any:
    """gender-guesser's detector, loaded once (about 0.15 s); None when the package is missing."""
    try:
        import gender_guesser.detector as guesser
    except ImportError:  # an install without the names lexicon only loses the agreement check
        return None
    return guesser.Detector(case_sensitive=False)


def _plain(word: str) -> str:
    """The word without diacritics and stray punctuation ("Wołodymyr" -> "Wolodymyr")."""
    word = word.replace("\u0142", "l").replace("\u0141", "L")
    folded = unicodedata.normalize("NFKD", word)
    return "".join(c for c in folded if not unicodedata.combining(c)).strip(".,'\u2019\"")


@lru_cache(maxsize=4096)
def first_name_gender(word: str) -> str:
    """ "m", "f" or "" for one first name."""
    detector = _detector()
    if detector is None or len(word) < 2 or not word[:1].isupper():
        return ""
    for form in dict.fromkeys((word, _plain(word))):
        answer = _ANSWERS.get(detector.get_gender(form), "")
        if answer:
            return answer
    return ""


def name_gender(name: str) -> str:
    """ "m", "f" or "" for a full person name: its first name decides, when it has one."""
    words = [w for w in name.split() if w.lower() not in _HONORIFICS]
    if len(words) < 2:  # a surname alone ("Kowalczyk") says nothing
        return ""
    return first_name_gender(words[0])
