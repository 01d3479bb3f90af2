"""Statements an "according to X" phrase introduces: the content is the clause the phrase attaches to,
the sentence before it when the writer's own clause follows, or the passage before "That's according
to X"."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from ...model import TextSpan
from .builder import Builder
from .forms import noun_holder, noun_mode, speech_nouns
from .speaker import _lines


@lru_cache(maxsize=1)
def _standards() -> frozenset[str]:
    """Nouns that "according to" takes as a standard, not a source (`data/cues_according_manner.txt`)."""
    return frozenset(ln.lower() for ln in _lines("cues_according_manner.txt"))


def _standard(pobj: Token) -> bool:
    """Whether "according to X" means "in accordance with X" ("works according to its own logic",
    "according to the scenario"): X a standard noun, or anything "own" ("according to his own vision")."""
    if any(c.lower_ == "own" for c in pobj.children):
        return True
    return pobj.lemma_.lower() in _standards() or pobj.lower_ in _standards()


def according_statement(b: Builder, tok: Token) -> None:
    """ "according to X": the content is the clause the phrase attaches to."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None or b.ctx.inside_quote(tok):
        return
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None or _standard(pobj):
        return
    # "according to a report", "to documents seen by X", "to a poll": evidence, not speech
    mode = (
        "evidence"
        if noun_mode(pobj.lemma_) == "evidence" or noun_mode(pobj.lower_) == "evidence"
        else "speech"
    )
    # "according to a statement from the ministry" / "to a United Nations report": the ministry, the UN
    holder = noun_holder(pobj) if pobj.lemma_.lower() in speech_nouns() else None
    if holder is not None:
        pobj = holder
    elif pobj.lemma_.lower() in speech_nouns():
        for prep in pobj.children:
            if prep.dep_ == "prep" and prep.lower_ in {"from", "by", "of"}:
                inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if inner is not None:
                    pobj = inner
                    break
    anaphoric = _ANAPHORIC.search(b.text, max(0, tok.idx - 20), tok.idx)
    if anaphoric is not None:  # "That's according to Politico": the sentence or paragraph before
        prior = _prior_statement(b, anaphoric.start())
        if prior is None:
            return
        start, end = prior
    else:
        span = b.host_clause(tok)
        if span is None:
            return
        start, end = span.start_char, span.end_char
        before = _before_coordination(b, tok)
        if before is not None and start >= tok.idx:  # "X, according to Y, but Z": Y said X, not Z
            start, end = before
    cue = TextSpan(text=b.text[tok.idx : to.idx + len(to.text)], span=(tok.idx, to.idx + len(to.text)))
    speaker = b.ctx.speakers.speaker(pobj)
    b.add(cue, speaker, start, end, None, 0.85 if mode == "speech" else 0.7, mode=mode)


def _before_coordination(b: Builder, tok: Token) -> tuple[int, int] | None:
    """The sentence before an "according to" phrase that a coordinated clause of the writer's own
    follows ("A corridor was agreed, according to the minister, but troops are advancing")."""
    after = tok.right_edge.i + 1
    doc = tok.doc
    if after < len(doc) and doc[after].text == ",":
        after += 1
    if after >= len(doc) or doc[after].pos_ != "CCONJ" or doc[after].lower_ not in {"but", "and", "while"}:
        return None
    lo = max(tok.sent.start_char, b.ctx.para_of(tok.idx)[0])
    if tok.i == 0 or doc[tok.i - 1].idx < lo:
        return None
    return lo, doc[tok.i - 1].idx


# "That's according to X", "This is according to X": the attribution of what was said just before
_ANAPHORIC = re.compile(r"(?:^|(?<=[\s.\"\u201d]))(?:That|This|It)(?:'s|\u2019s|\s+is|\s+was)\s+$")


def _prior_statement(b: Builder, at: int) -> tuple[int, int] | None:
    """What an anaphoric attribution at `at` refers to: the previous paragraph when it opens its
    paragraph, else the previous sentence of its paragraph."""
    p_start, _p_end = b.ctx.para_of(at)
    if b.text[p_start:at].strip():
        sent = b.doc.char_span(at, at + 1, alignment_mode="expand")
        if sent is None or sent.root.sent.start == 0:
            return None
        prev = b.doc[sent.root.sent.start - 1].sent
        return (prev.start_char, prev.end_char) if prev.start_char >= p_start else None
    before = [p for p in b.ctx.paras if p[1] <= at]
    if not before or before[-1][0] < b.ctx.body_start:
        return None
    return before[-1]
