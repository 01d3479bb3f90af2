"""Argument helpers of the events component: places of a clause, times, speaker aliases, sides of parties."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import numpy as np
from spacy.attrs import DEP, IDX, LEMMA, LOWER, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token

from ...model import Place, Statement, Time
from ..shared.clauses import chunk_of, doc_memo, memo_of
from ..shared.sides import tsv_pairs
from ..shared.spans import SpanCover

# dependency labels that open a new clause below a token: its words are not the token's arguments
CLAUSAL = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl", "pcomp"}
PLACE_PREPS = {
    "from",
    "in",
    "into",
    "near",
    "on",
    "at",
    "to",
    "toward",
    "towards",
    "across",
    "around",
    "outside",
    "of",
    "inside",
    "over",
    "through",
    "out",
    "off",
    "along",
    "within",
}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
SETTLEMENT_NOUNS = {"town", "village", "city", "port", "region", "province", "district", "area", "settlement"}
PLACE_FALLBACK_PREPS = {
    "from",
    "in",
    "into",
    "near",
    "outside",
    "toward",
    "towards",
    "across",
    "around",
    "inside",
}


def clause_tokens(tok: Token) -> list[Token]:
    """`tok`'s subtree without the clauses embedded below it."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in CLAUSAL:
            continue
        out.extend(clause_tokens(child))
    return out


def place_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """`(start, end, name)` of the places found upstream, else of the GPE/LOC/FAC named entities."""
    return doc_memo(doc, "places", lambda: _place_spans(doc))


class _Scan:
    """The tokens the place scans look at, found in one pass over the Doc's attribute arrays."""

    def __init__(self) -> None:
        self.pobj_propn: list[int] = []  # proper nouns that are objects of a preposition
        self.place_nouns: list[int] = []  # "town", "city", ... (`ANAPHORIC_PLACE_NOUNS`)
        self.territory_nouns: list[int] = []  # lemma in `TERRITORY_NOUNS`


def _scan(doc: Doc) -> _Scan:
    """One pass over DEP/POS/LOWER/LEMMA: the candidate tokens of each place scan, in token order."""
    scan = _Scan()
    if not len(doc):
        return scan
    strings = doc.vocab.strings
    arr = doc.to_array([DEP, POS, LOWER, LEMMA])
    dep, pos, low, lemma = arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]
    scan.pobj_propn = np.flatnonzero((dep == strings["pobj"]) & (pos == PROPN)).tolist()
    place_nouns = [strings[w] for w in ANAPHORIC_PLACE_NOUNS]
    scan.place_nouns = np.flatnonzero(np.isin(low, np.array(place_nouns, dtype=low.dtype))).tolist()
    territory = [h for h in np.unique(lemma).tolist() if strings[h].lower() in TERRITORY_NOUNS]
    scan.territory_nouns = (
        np.flatnonzero(np.isin(lemma, np.array(territory, dtype=lemma.dtype))).tolist() if territory else []
    )
    return scan


def _place_spans(doc: Doc) -> list[tuple[int, int, str]]:
    places = getattr(doc._, "sitrep_places", None) or []
    out = [(p.span[0], p.span[1], p.name) for p in places]
    taken = {p.span for p in places}
    out += [
        (e.start_char, e.end_char, e.text)
        for e in doc.ents
        if e.label_ in PLACE_LABELS and (e.start_char, e.end_char) not in taken
    ]
    scan = _scan(doc)
    for t in (doc[i] for i in scan.pobj_propn):
        # "the town of Jermuk": a settlement noun names its place
        if (
            t.dep_ == "pobj"
            and t.pos_ == "PROPN"
            and t.head.lower_ == "of"
            and t.head.head.lemma_ in SETTLEMENT_NOUNS
        ):
            if not any(s <= t.idx < e for s, e, _ in out):
                chunk = chunk_of(t)
                out.append((chunk.start_char, chunk.end_char, chunk.text))
    out += _anaphoric_places(doc, places, out, scan)
    out += _demonym_territory(doc, out, scan)
    if not places:
        # no gazetteer upstream: a proper noun after a place preposition ("retreat from Kherson") stands in
        for t in (doc[i] for i in scan.pobj_propn):
            if t.dep_ != "pobj" or t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_ == "NORP":
                continue
            prep = t.head
            if prep.lower_ in PLACE_FALLBACK_PREPS or (
                prep.lower_ == "of" and prep.head.lemma_ in SETTLEMENT_NOUNS
            ):
                if not any(s <= t.idx < e for s, e, _ in out):
                    chunk = chunk_of(t)
                    out.append((chunk.start_char, chunk.end_char, chunk.text))
    return out


# "the town", "the city's", "the Haitian capital": a definite place noun names the last place of its kind
ANAPHORIC_PLACE_NOUNS = {
    "city": "settlement",
    "town": "settlement",
    "village": "settlement",
    "capital": "settlement",
    "port": "settlement",
    "region": "region",
    "province": "region",
    "state": "region",
    "country": "country",
}
FEATURE_KIND = {
    "city": "settlement",
    "town": "settlement",
    "village": "settlement",
    "settlement": "settlement",
    "locality": "settlement",
    "port": "settlement",
    "capital": "settlement",
    "region": "region",
    "province": "region",
    "state": "region",
    "district": "region",
    "country": "country",
}


def _anaphoric_places(
    doc: Doc, places: list[Place], taken: list[tuple[int, int, str]], scan: _Scan | None = None
) -> list[tuple[int, int, str]]:
    """Spans of definite place nouns ("the town") named by the last earlier place of a compatible kind."""
    out: list[tuple[int, int, str]] = []
    for t in (doc[i] for i in (scan or _scan(doc)).place_nouns):
        kind = ANAPHORIC_PLACE_NOUNS.get(t.lower_)
        if kind is None or t.pos_ != "NOUN" or t.dep_ == "compound":
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
            continue
        if any(c.dep_ in ("compound", "appos") or c.pos_ == "PROPN" for c in t.children) or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in t.children
        ):
            continue  # "the town of Jermuk", "the Gaza city": the name is right there
        if any(s <= t.idx < e for s, e, _ in taken):
            continue
        before = [p for p in places if p.span[1] <= t.idx and FEATURE_KIND.get(p.feature) == kind]
        if not before:
            continue
        chunk = chunk_of(t)
        out.append((chunk.start_char, chunk.end_char, max(before, key=lambda p: p.span[0]).name))
    return out


TERRITORY_NOUNS = {"territory", "soil", "airspace", "waters", "lands"}  # not "border": whose side?


def _demonym_territory(
    doc: Doc, taken: list[tuple[int, int, str]], scan: _Scan | None = None
) -> list[tuple[int, int, str]]:
    """ "Lebanese territory", "Polish airspace": a demonym on a territory noun names the country."""
    out: list[tuple[int, int, str]] = []
    forms = tsv_pairs("gazetteer_demonyms.tsv")
    for t in (doc[i] for i in (scan or _scan(doc)).territory_nouns):
        if t.lemma_.lower() not in TERRITORY_NOUNS or any(s <= t.idx < e for s, e, _ in taken):
            continue
        adj = next((c for c in t.children if c.dep_ in ("amod", "compound") and c.lower_ in forms), None)
        if adj is not None:
            out.append((adj.idx, t.idx + len(t), forms[adj.lower_].title()))
    return out


def _modifier(t: Token, s: int, e: int) -> bool:
    """Whether the place at `[s, e)` only modifies a noun ("the Black Sea grain deal")."""
    root = t
    while root.head.i != root.i and s <= root.head.idx < e:
        root = root.head
    return root.dep_ == "compound" and not (s <= root.head.idx < e)


def _source(t: Token) -> bool:
    """Whether `t` names a source ("according to Washington"), not a place."""
    cur = t
    while cur.dep_ in ("pobj", "compound", "conj") and cur.head.i != cur.i:
        cur = cur.head
        if cur.lower_ == "to" and cur.head.lower_ == "according":
            return True
    return False


def _place_spans_by_token(doc: Doc) -> dict[int, list[tuple[int, int, str]]]:
    """Token index -> the place spans (in `place_spans` order) holding the start of the token."""
    starts = doc.to_array(IDX).tolist() if len(doc) else []
    out: dict[int, list[tuple[int, int, str]]] = {}
    for s, e, name in place_spans(doc):
        for i in range(bisect_left(starts, s), bisect_left(starts, e)):
            out.setdefault(i, []).append((s, e, name))
    return out


def on_place(tok: Token) -> bool:
    """Whether `tok` starts inside one of the Doc's place spans (see `place_spans`)."""
    doc = tok.doc
    return tok.i in doc_memo(doc, "places_by_token", lambda: _place_spans_by_token(doc))


def places_in(doc: Doc, toks: Iterable[Token]) -> list[tuple[int, str, Token]]:
    """Places whose span falls on one of `toks`: (token index, name, token), in token order."""
    by_token = doc_memo(doc, "places_by_token", lambda: _place_spans_by_token(doc))
    out = []
    seen = set()
    for t in toks:
        for s, e, name in by_token.get(t.i, ()):
            if t.pos_ == "ADJ" and s == t.idx and e == t.idx + len(t):
                continue  # "Ukrainian" in "the Ukrainian city of X": the adjective is no place of the event
            if s <= t.idx < e and (s, e) not in seen and not _modifier(t, s, e) and not _source(t):
                seen.add((s, e))
                out.append((t.i, name, t))
    return sorted(out, key=lambda x: x[0])


def time_of(doc: Doc, toks: Iterable[Token]) -> str | None:
    """The normalized value (else the text) of the first time expression on one of `toks`."""
    times: list[Time] = getattr(doc._, "sitrep_times", None) or []

    def build() -> tuple[list[Time], SpanCover]:
        ordered = sorted(times, key=lambda x: x.span[0])
        return ordered, SpanCover(tm.span for tm in ordered)

    ordered, cover = memo_of(doc, "times", getattr(doc._, "sitrep_times", None), build)
    found = [k for t in toks if (k := cover.first_at(t.idx)) is not None]
    if not found:
        return None
    tm = ordered[min(found)]
    return tm.value or tm.text


def speaker_aliases(doc: Doc, st: Statement | None) -> list[str]:
    """Other names of a statement's speaker: the mention as written, titles and roles of its entity."""
    if st is None or st.speaker is None:
        return []
    out = [st.speaker.text] if st.speaker.text else []
    coref = getattr(doc._, "sitrep_coref", None)
    if coref is not None and st.speaker.entity:
        ent = coref.entity(st.speaker.entity)
        if ent is not None:
            out += [*ent.titles, *ent.roles]
    return out
