"""Lexicons of the quantities component, read once from `data/quantities_*.tsv`."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ...numbers import DATA


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


@lru_cache(maxsize=1)
def outcome_lexicon() -> dict[str, tuple[list[str], bool]]:
    """lemma -> (outcomes, own_side)."""
    return {r[0]: (r[1].split(","), r[2].strip() == "1") for r in _rows("quantities_outcomes.tsv")}


@lru_cache(maxsize=1)
def source_words() -> dict[str, frozenset[str]]:
    """Informant nouns, speech and anonymity verbs, anaphoric heads (kind -> lemmas)."""
    out: dict[str, set[str]] = {}
    for r in _rows("quantities_sources.tsv"):
        out.setdefault(r[1].strip(), set()).add(r[0].strip())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def hedge_lexicon() -> dict[str, str]:
    """lemma -> kind (adverb, modal, verb)."""
    return {r[0]: r[1].strip() for r in _rows("quantities_hedges.tsv")}


@lru_cache(maxsize=1)
def unit_lexicon() -> dict[str, str]:
    """Head-noun lemma -> unit class."""
    return {r[0]: r[1].strip() for r in _rows("quantities_units.tsv")}


@lru_cache(maxsize=1)
def collectives() -> dict[str, str]:
    """Collective nouns that take a count in an of-phrase ('a force of 10,000') -> unit."""
    return {r[0]: r[1].strip() for r in _rows("quantities_collectives.tsv")}


@lru_cache(maxsize=1)
def currencies() -> dict[str, str]:
    """Currency sign or noun -> ISO code."""
    return {r[0]: r[1].strip() for r in _rows("quantities_currencies.tsv")}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Country or side name (lowercase) -> nationality adjective."""
    return {r[0]: r[1].strip() for r in _rows("quantities_demonyms.tsv")}


NATIONALITIES = {v.lower() for v in demonyms().values()}


def is_nationality(tok: Token) -> bool:
    """True for a nationality or side adjective ('Russian', 'pro-Kremlin' is not)."""
    return tok.ent_type_ == "NORP" and tok.pos_ in ("ADJ", "PROPN", "NOUN") or tok.lower_ in NATIONALITIES


def lemma(tok: Token) -> str:
    """Lowercase lemma, with plural nouns the small model leaves unlemmatized folded."""
    lem = tok.lemma_.lower()
    if lem == tok.lower_ and lem.endswith("s") and lem[:-1] in unit_lexicon():
        return lem[:-1]
    return lem


def _words(name: str) -> frozenset[str]:
    return frozenset(r[0].strip() for r in _rows(name))


@lru_cache(maxsize=1)
def change_verbs() -> frozenset[str]:
    """Lemmas of change ('rose', 'fell'): 'from 60 to 71' after one is two figures."""
    return _words("quantities_changes.tsv")


@lru_cache(maxsize=1)
def tally_verbs() -> frozenset[str]:
    """Lemmas of verbs that state a total of their subject ('reached', 'exceeds'), changes included."""
    return _words("quantities_tally_verbs.tsv") | change_verbs()


@lru_cache(maxsize=1)
def vote_words() -> frozenset[str]:
    """Lemmas that make "N to M" a vote tally ('vote', 'passed', 'adopted')."""
    return _words("quantities_votes.tsv")


@lru_cache(maxsize=1)
def claim_verbs() -> frozenset[str]:
    """Lemmas of verbs whose subject claims the figures in their clause ('says', 'found', 'showed')."""
    return _words("quantities_claim_verbs.tsv")


@lru_cache(maxsize=1)
def unit_names() -> dict[str, str]:
    """Head-noun lemma of a measure -> the unit name a figure reports ('kilometre' -> 'km')."""
    return {r[0]: r[2].strip() for r in _rows("quantities_units.tsv") if len(r) > 2}


@lru_cache(maxsize=1)
def publish_verbs() -> frozenset[str]:
    """Lemmas of verbs by which a party puts out a document or data ('published data on losses')."""
    return _words("quantities_publish_verbs.tsv")


@lru_cache(maxsize=4)
def poll_words(kind: str) -> frozenset[str]:
    """Lemmas of quantities_polls.tsv of one kind: 'noun' (a poll) or 'verb' (what respondents do)."""
    rows = _rows("quantities_polls.tsv")
    return frozenset(r[0].strip() for r in rows if len(r) > 1 and r[1].strip() == kind)


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    """Nouns naming a document or dataset whose author claims its figures ('the report', 'customs data')."""
    return _words("quantities_documents.tsv")


@lru_cache(maxsize=1)
def generic_documents() -> frozenset[str]:
    """Document nouns that are no claimant without an author ('the report', 'the communication')."""
    return frozenset(
        r[0].strip() for r in _rows("quantities_documents.tsv") if len(r) > 1 and r[1].strip() == "generic"
    )


@lru_cache(maxsize=1)
def setting_verbs() -> frozenset[str]:
    """Verbs that state a tally's value with 'at' ('put the death toll at 12')."""
    return _words("quantities_setting_verbs.tsv")


@lru_cache(maxsize=1)
def issued_documents() -> frozenset[str]:
    """Document nouns a party issues itself ('statement'): with no author, whoever spoke just before."""
    return frozenset(
        r[0].strip() for r in _rows("quantities_documents.tsv") if len(r) > 2 and r[2].strip() == "issued"
    )


@lru_cache(maxsize=1)
def description_nouns() -> dict[str, str]:
    """Head nouns of descriptions ('the company', 'the spokesman') -> the entity type they refer to: the
    entities component's lexicon, read as data, and the figures' own supplement."""
    rows = _rows("quantities_descriptions.tsv") + _rows("entities_nouns.tsv")
    return {r[0].strip(): r[1].strip() for r in rows if len(r) > 1}
