"""Statements whose verb points back at what was said: "The institute said this in its daily
assessment", "Kowal stated so on Monday": the content is the passage just before (the lead paragraph
of a wire report, or the sentence before in the same paragraph)."""

from __future__ import annotations

from spacy.tokens import Token

from .builder import Builder

_BACK = {"this", "so"}
_MAX = 600  # a longer passage before is no single thing said


def _tail(comp: Token) -> bool:
    """A closing clause set off by a comma (", Ukrinform reports"), not a complement."""
    first = comp.left_edge
    return first.text == "," or (first.i > 0 and comp.doc[first.i - 1].text == ",")


def said_this(b: Builder, verb: Token) -> tuple[int, int] | None:
    """The passage a cue's "this"/"so" object takes up, or None."""
    back = [c for c in verb.children if c.lower_ in _BACK and c.dep_ in {"dobj", "advmod"} and c.i > verb.i]
    if not back or any(c.dep_ in {"ccomp", "xcomp"} and not _tail(c) for c in verb.children):
        return None  # "said this was wrong": the clause is the content
    sent = verb.sent
    p_start, _p_end = b.ctx.para_of(sent.start_char)
    if sent.start_char > p_start:  # the sentence before, in the same paragraph
        prev = b.doc[sent.start - 1].sent
        start, end = max(prev.start_char, p_start), prev.end_char
    else:  # the paragraph before
        k = p_start - 1
        while k > 0 and b.text[k - 1].isspace():
            k -= 1
        start, end = b.ctx.para_of(max(k - 1, 0))[0], k
    if end - start > _MAX or start < b.ctx.body_start or end <= start:
        return None
    if any(st.content.span[0] < end and start < st.content.span[1] for st, _v in b.items):
        return None  # already someone's statement
    return start, end
