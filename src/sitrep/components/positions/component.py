"""Stated positions: who is open to what (or rejects it), on which conditions."""

from __future__ import annotations

import warnings
from bisect import bisect_left
from functools import lru_cache

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...extensions import ensure_extensions
from ...model import Position
from ..shared.clauses import speaker_name, statement_at, subject_of
from ..shared.lexicon import StringFilter, position_cues
from ..shared.parties import governing_speech, party_name
from .conditions import condition_extent, find_marker, split_conditions
from .lexicon import position_topics

NEGATORS = {"not", "n't", "never", "no"}
START_VERBS = {"begin", "start", "resume", "happen", "proceed", "restart", "take"}
UNWILLING = {"unwilling", "unready", "unprepared", "reluctant", "closed"}


def topic_in(toks: list[Token]) -> tuple[str, Token] | None:
    """The first topic (from the topics lexicon) named by `toks`, with its head token."""
    lemmas = [t.lemma_.lower() for t in toks]
    by_first = _topics_by_first()
    for i in range(len(toks)):
        for seq, topic in by_first.get(lemmas[i], ()):  # only sequences that start with this lemma
            if tuple(lemmas[i : i + len(seq)]) == seq:
                return topic, toks[i + len(seq) - 1]
    return None


@lru_cache(maxsize=1)
def _topics_by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """`position_topics()` grouped by first lemma, longest first within each group."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for seq, topic in position_topics():
        if seq:
            out.setdefault(seq[0], []).append((seq, topic))
    return out


def _complement(pred: Token) -> list[Token]:
    """The words that say what the predicate is about: its object, to/for-phrase or infinitive."""
    out: list[Token] = []
    doc = pred.doc
    if pred.i + 1 < len(doc) and doc[pred.i + 1].lower_ == "for" and doc[pred.i + 1].dep_ == "mark":
        # "called for the deal to be restored"
        out.extend(doc[pred.i + 2 : min(pred.i + 8, pred.sent.end)])
    for c in pred.children:
        if c.dep_ in ("prep",) and c.lower_ in ("to", "for", "on", "of", "about"):
            out.extend([t for t in c.subtree if t.dep_ not in ("relcl", "acl", "advcl")][:8])
        elif c.dep_ in ("xcomp", "dobj", "ccomp", "prt", "attr"):
            sub = [t for t in c.subtree]
            out.extend(sub[:8])
    return sorted(set(out), key=lambda t: t.i)


def _negated(tok: Token) -> bool:
    heads = [tok, tok.head] if tok.dep_ in ("acomp", "xcomp", "attr") else [tok]
    return any(
        c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("advmod", "neg"))
        for h in heads
        for c in h.children
    )


def _stance_of(tok: Token) -> tuple[str, list[Token]] | None:
    """(stance, complement tokens) when `tok` is a position predicate."""
    cues = position_cues()
    lemma = tok.lemma_.lower()
    cls = cues.get(lemma) or cues.get(tok.lower_)
    if tok.lower_ in UNWILLING:
        return "rejects", _complement(tok)
    if (
        cls == "open"
        and tok.pos_ in ("ADJ", "VERB")
        and tok.dep_ in ("acomp", "amod", "xcomp", "ROOT", "ccomp", "conj", "advcl", "oprd", "attr")
    ):
        return ("rejects" if _negated(tok) else "open"), _complement(tok)
    if cls == "open_verb" and tok.pos_ == "VERB":
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok
        if lemma == "call" and nxt.lower_ not in ("for", "on", "upon"):
            return None  # "called for", "called on X to": not "called the mutiny treason"
        if lemma in ("insist", "press", "push", "appeal") and nxt.lower_ not in ("for", "on", "to"):
            return None  # "insisted on", "pressed for": not "pushed into the town"
        return ("rejects" if _negated(tok) else "open"), _complement(tok)
    if cls == "rejects" and tok.pos_ == "VERB":
        if lemma == "rule" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
            return None
        return ("open" if _negated(tok) else "rejects"), _complement(tok)
    if lemma in ("negotiate", "talk") and tok.pos_ == "VERB" and _negated(tok):
        return "rejects", [tok]
    return None


def _holder(pred: Token) -> str | None:
    """The canonical name of whoever holds the position: the predicate's subject, else the speaker."""
    verb = pred.head if pred.dep_ in ("acomp", "attr", "oprd", "amod") else pred
    subj = subject_of(verb)
    name = party_name(subj)
    if name is None:
        name = speaker_name(statement_at(pred.doc, pred.idx))
    return name


def _position(sent: Span, pred: Token, stance: str, comp: list[Token], n: int) -> Position | None:
    hit = topic_in(comp)
    if hit is None:
        return None
    topic, topic_tok = hit
    holder = _speaker_holder(pred) if stance == "conditional" else _holder(pred)
    if holder is None:
        return None
    doc = sent.doc
    conditions: list[Span] = []
    negs: list[bool] = []
    marker = find_marker(sent, pred, stance)
    if marker is not None:
        first, end, neg = marker
        c0, c1 = condition_extent(sent, pred, first, end)
        if c1 > c0:
            conditions = split_conditions(doc[c0:c1])
            negs = [neg] * len(conditions)
    if conditions:
        stance = "conditional"
    st = statement_at(doc, pred.idx)
    start = min([pred.idx, topic_tok.idx, *(c.start_char for c in conditions)])  # the topic may come first
    end_char = max([topic_tok.idx + len(topic_tok), *(c.end_char for c in conditions)])
    return Position(
        id=f"p{n}",
        holder=holder,
        topic=topic,
        stance=stance,
        conditions=[c.text for c in conditions],
        condition_spans=[(c.start_char, c.end_char) for c in conditions],
        condition_negated=negs,
        statement=st.id if st is not None else None,
        span=(start, end_char),
    )


def _conditional_start(tok: Token) -> tuple[str, list[Token]] | None:
    """ "talks can begin only if ...": a topic that starts under a condition is a conditional offer."""
    if tok.pos_ != "VERB" or tok.lemma_ not in START_VERBS:
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or find_marker(tok.sent, tok) is None:
        return None
    return "conditional", [t for t in subj.subtree]


def _speaker_holder(tok: Token) -> str | None:
    """Who voices the sentence at `tok`: the subject of its reporting verb, else the statement's speaker."""
    cue = governing_speech(tok)
    if cue is not None:
        name = party_name(subject_of(cue))
        if name:
            return name
    return speaker_name(statement_at(tok.doc, tok.idx))


def _candidates(doc: Doc) -> list[int]:
    """Indices of the tokens that may be a position predicate (a cue word, "unwilling", "negotiate",
    a start verb); `_stance_of` and `_conditional_start` are None on every other token."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    arr = doc.to_array([LOWER, LEMMA])
    mask = _LOWER_CUE.mask(strings, arr[:, 0]) | _LEMMA_CUE.mask(strings, arr[:, 1])
    return np.flatnonzero(mask).tolist()


_LOWER_CUE = StringFilter(lambda w: w in position_cues() or w in UNWILLING)
_LEMMA_CUE = StringFilter(
    lambda w: w.lower() in position_cues() or w.lower() in ("negotiate", "talk") or w in START_VERBS
)


def find_positions(doc: Doc) -> list[Position]:
    """Stated positions: who is open to what, on which conditions."""
    out: list[Position] = []
    seen: set[tuple[str, str, str, int]] = set()
    cands = _candidates(doc)
    for sent in doc.sents:
        lo, hi = bisect_left(cands, sent.start), bisect_left(cands, sent.end)
        for tok in (doc[i] for i in cands[lo:hi]):
            found = _stance_of(tok)
            if found is None:
                found = _conditional_start(tok)
            if found is None:
                continue
            stance, comp = found
            try:
                pos = _position(sent, tok, stance, comp, len(out) + 1)
            except Exception as exc:  # one bad item never costs the document
                warnings.warn(f"sitrep positions: skipped {tok.text!r} at {tok.idx}: {exc!r}", stacklevel=2)
                continue
            if pos is None:
                continue
            key = (pos.holder.lower(), pos.topic, pos.stance, sent.start)
            if key in seen:
                continue
            seen.add(key)
            out.append(pos)
    return out


class PositionsComponent:
    """Sets `doc._.sitrep_positions`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_positions = find_positions(doc)
        return doc


@Language.factory(
    "sitrep_positions",
    assigns=["doc._.sitrep_positions"],
    requires=["doc._.sitrep_statements"],
    default_config={},
)
def make_positions_component(nlp: Language, name: str) -> PositionsComponent:
    """Factory of the positions component."""
    ensure_extensions()
    return PositionsComponent()
