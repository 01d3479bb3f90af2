"""Clause lookups read by events and positions: the noun chunk and canonical name of a token, the
subject of a verb, the wire dateline's end, and the upstream statement at a character or cue."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from ...model import Entity, Statement
from .spans import SpanCover

PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "she", "her", "him"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}


_T = TypeVar("_T")
_SUBJECTS = frozenset({"nsubj", "csubj"})
_LOOSE = frozenset({"dep", "npadvmod"})
_AGENT = frozenset({"agent"})


def doc_memo(doc: Doc, key: str, build: Callable[[], _T]) -> _T:
    """A per-Doc memo in `doc.user_data` (noun chunks and place spans are asked for per trigger)."""
    store = doc.user_data.get("sitrep_events_cache")
    if store is None:
        store = doc.user_data["sitrep_events_cache"] = {}
    try:
        value: _T = store[key]
    except KeyError:
        value = store[key] = build()
    return value


def children_with(tok: Token, deps: frozenset[str]) -> list[Token]:
    """`tok`'s children whose dependency label is in `deps`, in order; each token's list is read once per
    Doc and set of labels (a verb the parse gave hundreds of children is asked about once per figure)."""
    doc = tok.doc
    index: dict[tuple[int, frozenset[str]], tuple[int, ...]] = doc_memo(doc, "children", dict)
    key = (tok.i, deps)
    found = index.get(key)
    if found is None:
        found = index[key] = tuple(c.i for c in tok.children if c.dep_ in deps)
    return [doc[i] for i in found]


def conjuncts(tok: Token, near: int | None = None) -> list[Token]:
    """`tok.conjuncts`, each coordination read once per Doc (`Token.conjuncts` walks the whole
    coordination, and a coordination of hundreds is asked about once per figure on it). With `near`,
    only the `near` conjuncts closest to `tok` on each side (in the parse's order): what a figure's own
    coordination says ("killed, wounded or missing"), not a run of hundreds."""
    doc = tok.doc
    start = tok  # the coordination's first member, as `Token.conjuncts` finds it
    while start.i != start.head.i and start.dep_ == "conj":
        start = start.head
    index: dict[int, tuple[tuple[int, ...], list[int], dict[int, int]]] = doc_memo(doc, "coordinations", dict)
    found = index.get(start.i)
    if found is None:  # the whole coordination once, in `Token.conjuncts`' order; sorted; each one's place
        group = (start.i, *(c.i for c in start.conjuncts))
        found = index[start.i] = (group, sorted(group), {i: k for k, i in enumerate(group)})
    group, ordered, place = found
    inside = tok.i in place
    if near is None or len(group) - inside <= 2 * near:
        return [doc[i] for i in group if i != tok.i]
    # the `near` closest on each side in the parse's order, without reading the whole coordination
    pos = bisect_left(ordered, tok.i)
    others = len(group) - inside
    lo, hi = max(0, pos - near), min(others, pos + near) - 1  # places among the others, sorted

    def other(j: int) -> int:
        return ordered[j + 1] if inside and j >= pos else ordered[j]

    low, high = other(lo), other(hi)
    near_ones = [i for i in ordered[bisect_left(ordered, low) : bisect_left(ordered, high + 1)] if i != tok.i]
    return [doc[i] for i in sorted(near_ones, key=place.__getitem__)]


def _chunk_index(doc: Doc) -> dict[int, tuple[int, int]]:
    index: dict[int, tuple[int, int]] = {}
    for nc in doc.noun_chunks:
        for i in range(nc.start, nc.end):
            index[i] = (nc.start, nc.end)
    return index


def chunk_of(tok: Token) -> Span:
    """The noun chunk around `tok` (without a leading determiner), else the token alone."""
    doc = tok.doc
    found = doc_memo(doc, "chunks", lambda: _chunk_index(doc)).get(tok.i)
    if found is None:
        return doc[tok.i : tok.i + 1]
    start, end = found
    body = body_start(doc)
    while start < tok.i and (doc[start].lower_ in DETERMINERS or doc[start].idx < body):
        start += 1  # no determiner, and nothing of the dateline ("MAIDUGURI -- Boko Haram fighters")
    return doc[start:end]


def _ents_by_token(doc: Doc) -> dict[int, Span]:
    """Each token's named-entity span (`doc.ents` builds every span on each call)."""
    index: dict[int, Span] = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            index.setdefault(i, ent)
    return index


def name_of(tok: Token | None) -> str | None:
    """A canonical name for the phrase headed by `tok`: the coreferent entity, else the phrase itself."""
    if tok is None:
        return None
    doc = tok.doc
    span = chunk_of(tok)
    if tok.dep_ in ("poss", "amod", "compound") and tok.head.i != tok.i:
        # a modifier names itself, not the phrase it modifies ("Ukraine's counteroffensive")
        ent_span = doc_memo(doc, "ents_by_token", lambda: _ents_by_token(doc)).get(tok.i)
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


def _statements(doc: Doc) -> list[Statement]:
    """Upstream statements, without those whose speaker is the dateline (a misparse, not a speaker)."""
    start = body_start(doc)
    return [
        st
        for st in getattr(doc._, "sitrep_statements", None) or []
        if not (st.speaker is not None and st.speaker.span is not None and st.speaker.span[0] < start)
    ]


def memo_of(doc: Doc, key: str, source: object, build: Callable[[], _T]) -> _T:
    """`doc_memo` for a value derived from `source` (an upstream list on the Doc): built again only if
    that list is replaced."""
    store: dict[str, tuple[object, _T]] = doc_memo(doc, "derived", dict)
    hit = store.get(key)
    if hit is None or hit[0] is not source:
        hit = store[key] = (source, build())
    return hit[1]


def _index(doc: Doc) -> tuple[list[Statement], SpanCover, SpanCover, SpanCover]:
    """The statements of `_statements` with covers of their contents, cues and speakers."""

    def build() -> tuple[list[Statement], SpanCover, SpanCover, SpanCover]:
        sts = _statements(doc)
        speakers = [
            st.speaker.span if st.speaker is not None and st.speaker.span is not None else (0, 0)
            for st in sts
        ]
        return (
            sts,
            SpanCover(st.content.span for st in sts),
            SpanCover(st.cue.span for st in sts),
            SpanCover(speakers),
        )

    return memo_of(doc, "statements", getattr(doc._, "sitrep_statements", None), build)


def statement_at(doc: Doc, char: int) -> Statement | None:
    """The innermost statement whose content contains character `char` (the first one on a tie)."""
    sts, contents, _cues, _speakers = _index(doc)
    hits = contents.at(char)
    return sts[min((e - s, k) for s, e, k in hits)[1]] if hits else None


def statement_with_cue(doc: Doc, tok: Token) -> Statement | None:
    """The statement whose cue is `tok`."""
    sts, _contents, cues, _speakers = _index(doc)
    k = cues.first_at(tok.idx)
    return sts[k] if k is not None else None


def speaker_at(doc: Doc, char: int) -> str | None:
    """The canonical name of the speaker whose mention covers character `char` ("the dictator" in
    "..., said the dictator" -> the name the statements component resolved it to)."""
    sts, _contents, _cues, speakers = _index(doc)
    k = speakers.first_at(char)
    sp = sts[k].speaker if k is not None else None
    return sp.name if sp is not None else None


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
    for c in children_with(verb, _SUBJECTS):
        if c.idx < body_start(verb.doc):
            # "BAMAKO -- Gunmen killed ...": the parser makes the dateline the subject
            return _after_dateline(verb)
        return c
    for c in children_with(verb, _LOOSE):
        if c.idx < body_start(verb.doc) and c.i < verb.i:
            return _after_dateline(verb)
    for c in children_with(verb, _AGENT):
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    if verb.dep_ in ("xcomp", "acomp") and verb.head.i != verb.i:
        return subject_of(verb.head)  # "ready to deliver": the subject of "was ready"
    return None
