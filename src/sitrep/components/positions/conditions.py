"""Conditions attached to a stated position: find the marker, then split coordinated conditions."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..shared.lexicon import cue_has
from .lexicon import condition_markers

UNCONDITIONAL = {"possible", "practicable", "feasible", "necessary", "needed", "required"}
FINITE_TAGS = {"VB", "VBP", "VBZ", "VBD", "MD"}
LEAD_STRIP = {"that", "only", ",", "and", "or", "then"}
TRAIL_STRIP = {",", ".", ";", ":", "and", "or", "but", '"', "'", "\u201d"}


def find_marker(sent: Span, pred: Token, stance: str = "open") -> tuple[int, int, bool] | None:
    """The condition marker nearest the predicate in its sentence: (first token, end token, negated).

    `negated` says whether the condition is one that must NOT hold for the holder to agree:
    "open to talks unless X" (negated) but "will not negotiate unless X" and "rules out talks until X" (not).
    """
    text = sent.text.lower()
    best = None
    refuses = stance == "rejects"
    for mark, cls in condition_markers():
        if cls == "condition_until" and not (refuses or stance == "committed"):  # "keep sanctions until"
            continue
        neg = (cls == "condition_neg") != refuses if cls != "condition_until" else False
        for m in re.finditer(r"(?<![\w-])" + re.escape(mark) + r"(?![\w-])", text):
            start_char = sent.start_char + m.start()
            end_char = sent.start_char + m.end()
            span = sent.doc.char_span(start_char, end_char, alignment_mode="expand")
            if span is None:
                continue
            if any(best is not None and best[0] <= span.start < best[1] for _ in [0]):
                continue  # inside a longer marker already taken ("only if" vs "if")
            if mark == "if" and span.start > 0 and sent.doc[span.start - 1].lower_ == "even":
                continue  # "even if": a concession, not a condition
            if mark in ("if", "unless", "once") and span[0].dep_ not in ("mark", "advmod", "cc", "prep"):
                continue
            if mark == "once" and span.end < len(sent.doc) and sent.doc[span.end].lower_ in ("again", "more"):
                continue
            if mark == "if" and _topic_if(sent, span.end):
                continue  # "if we talk about the war, ...": what is spoken of, not a condition
            if _no_condition(sent, span.end):
                continue  # "as soon as possible", "as long as it takes": how soon or long, no condition
            if (
                mark == "if"
                and span.start > 0
                and sent.doc[span.start - 1].lemma_ in ("ask", "wonder", "know", "see")
            ):
                continue
            cand = (span.start, span.end, neg)
            if best is None or abs(cand[0] - pred.i) < abs(best[0] - pred.i):
                best = cand
    return best


def _topic_if(sent: Span, after: int) -> bool:
    """ "If we talk about ...", "if you look at ...": an "if" that introduces a subject of talk."""
    words = [t for t in sent.doc[after : min(after + 3, sent.end)]]
    return any(t.lemma_ in ("talk", "speak", "look") for t in words) and any(
        t.lower_ in ("we", "you", "one") for t in words
    )


def _no_condition(sent: Span, after: int) -> bool:
    """Whether the words after a marker say how soon or how long, not on which condition ("as soon as
    possible", "for as long as it takes", "as long as necessary")."""
    doc = sent.doc
    nxt = [t.lower_ for t in doc[after : min(after + 2, sent.end)]]
    return bool(nxt) and (nxt[0] in UNCONDITIONAL or nxt == ["it", "takes"])


def condition_extent(sent: Span, pred: Token, first: int, end: int) -> tuple[int, int]:
    """Token range of the condition text after the marker at `[first, end)`."""
    doc = sent.doc
    if first > pred.i:
        stop = sent.end
        for t in doc[end : sent.end]:
            if t.lower_ in ("but", "while", "whereas") and t.i > end + 1:
                stop = t.i
                break
            if t.text in (";",) or (t.text in (",", "-", "\u2013") and _attribution_follows(t)):
                stop = t.i  # "..., the commission said": the attribution is no part of the condition
                break
        return end, stop
    # marker before the predicate: "If Russia withdraws, Ukraine will talk"
    stop = pred.i
    for t in doc[end : pred.i]:
        if t.text == ",":
            stop = t.i
    return end, stop


def _attribution_follows(sep: Token) -> bool:
    """Whether the words after a comma or dash are the sentence's reporting clause ("..., she said")."""
    root = sep.sent.root
    nxt = sep.doc[sep.i + 1] if sep.i + 1 < sep.sent.end else None
    if nxt is None or not cue_has(root.lemma_, "speech") or nxt.i > root.i:
        return False
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    return bool(subj) and all(c.i > sep.i for c in subj)


def _verbal(seg: list[Token]) -> bool:
    return any(t.tag_ in FINITE_TAGS and t.dep_ not in ("amod", "compound") for t in seg)


def split_conditions(doc_span: Span) -> list[Span]:
    """Coordinated conditions as separate spans ("return X, provide Y and face Z" is three)."""
    doc = doc_span.doc
    segs: list[list[Token]] = [[]]
    seps: list[str] = []
    for t in doc_span:
        if t.text in (",", ";") or (t.pos_ == "CCONJ" and t.lower_ in ("and", "or")):
            if segs[-1]:
                segs.append([])
                seps.append(t.text if t.text in (",", ";") else "cc")
            elif seps and t.pos_ == "CCONJ":
                seps[-1] = "cc"
            continue
        segs[-1].append(t)
    if not segs[-1]:
        segs.pop()
        seps = seps[: len(segs) - 1]
    if not segs:
        return []
    kinds = [_verbal(s) for s in segs]
    # list parallelism: in "A, B and C" with A and B verb phrases, C is one too
    if len(segs) >= 3 and kinds[-2] and kinds[-3] and seps[-1] == "cc" and seps[-2] == ",":
        kinds[-1] = True
    merged: list[list[Token]] = []
    if kinds[0]:
        for seg, verbal in zip(segs, kinds, strict=True):
            if merged and not verbal:
                merged[-1] = merged[-1] + seg
            else:
                merged.append(list(seg))
    else:
        merged = [list(s) for s in segs]
    out = []
    for seg in merged:
        toks = [t for t in seg]
        while toks and toks[0].lower_ in LEAD_STRIP:
            toks.pop(0)
        while toks and (toks[-1].lower_ in TRAIL_STRIP or toks[-1].is_space):
            toks.pop()
        if toks:
            out.append(doc[toks[0].i : toks[-1].i + 1])
    return out
