"""Name keys shared by the aggregates (wire copies, estimate subjects, contradictions) and the entry
point of cross-article resolution, which lives in `aggregate/identity/`.

`name_key` folds a person's name (titles dropped, ASCII-folded, transliteration variants folded:
"Zelenskyy", "Zelensky", "Zelenskiy" -> "zelensky"); `org_key` folds any other name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from ..store.db import Store

_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    text = resources.files("sitrep").joinpath("data/record_titles.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _translit() -> tuple[tuple[re.Pattern[str], str], ...]:
    text = resources.files("sitrep").joinpath("data/record_translit.tsv").read_text(encoding="utf-8")
    rules = []
    for ln in text.splitlines():
        if not ln.strip() or ln.startswith("#"):
            continue
        pattern, _, repl = ln.partition("\t")
        rules.append((re.compile(pattern), repl.replace("\\1", "\\g<1>")))
    return tuple(rules)


def fold(text: str) -> str:
    """Lower-case ASCII: accents stripped, apostrophes dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower().replace("'", "").replace("\u2019", "")


def _translit_token(token: str) -> str:
    for pattern, repl in _translit():
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=1 << 16)
def _name_tokens(name: str) -> tuple[str, ...]:
    """A person's name as folded tokens: leading titles and initials dropped, variants folded."""
    tokens = _TOKEN.findall(fold(name))
    titles = _titles()
    while len(tokens) > 1 and tokens[0] in titles:
        tokens = tokens[1:]
    if len(tokens) == 1 and tokens[0] in titles:
        return ()
    tokens = [t for t in tokens if len(t) > 1 or len(tokens) == 1]
    return tuple(_translit_token(t) for t in tokens)


def name_tokens(name: str) -> list[str]:
    """A person's name as folded tokens: leading titles and initials dropped, variants folded."""
    return list(_name_tokens(name))


def name_key(name: str) -> str:
    """The matching key of a person's name ("Gen. Mark A. Milley" -> "mark miley")."""
    return " ".join(name_tokens(name))


@lru_cache(maxsize=1 << 16)
def org_key(name: str) -> str:
    """The matching key of an organisation or other named thing (folded, leading 'the' dropped)."""
    tokens = _TOKEN.findall(fold(name))
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


def resolve_entities(store: Store, force: bool = True) -> int:
    """Resolve identities (see aggregate/identity): every document again when `force`, else only the
    documents added since the last refresh; return how many identities there are."""
    from .identity.refresh import refresh_identities

    return refresh_identities(store, force=force)
