"""Attributions that point back: a sentence of the writer's voice followed by one that credits it with
a pronoun object or subject ("... manipulation. The ISW said this in its assessment.", "They are
soldiers in rehabilitation. The ministry informed about it.", "... 12 settlements were shelled. This
was reported by the governor on Telegram."). The content is the sentence before the attribution: in
its paragraph, else the last sentence of the paragraph before (the wire convention of Ukrinform and
PAP copy).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import TextSpan
from .builder import Builder
from .filters import withheld
from .speaker import cue_lemma, cue_sections
from .syntax import subject_of

_BACK = frozenset({"this", "it", "that"})
_ABOUT = frozenset({"about", "of"})
_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "parataxis"})


def _points_back(verb: Token) -> Token | None:
    """The speaker token of a cue verb whose only content is a pronoun pointing back: its subject for
    "X said this" / "X informed about it", the agent for "This was reported by X"; None otherwise."""
    kids = list(verb.children)
    if any(c.dep_ in _CLAUSES and not _relay_tail(c) for c in kids):
        return None  # "said this week that ...": the clause is the content
    passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        agent = next((c for c in kids if c.dep_ == "agent"), None)
        who = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return who if passive.lower_ in _BACK and who is not None else None
    for c in kids:
        if c.dep_ == "dobj" and c.lower_ in _BACK and not list(c.children):
            return subject_of(verb)
        if c.dep_ == "advmod" and c.lower_ == "so" and c.i > verb.i:
            return subject_of(verb)  # "the ministry said so on Monday"
        if c.dep_ == "prep" and c.lower_ in _ABOUT:
            obj = [g for g in c.children if g.dep_ == "pobj"]
            if len(obj) == 1 and obj[0].lower_ in _BACK and not list(obj[0].children):
                return subject_of(verb)
    return None


def _relay_tail(clause: Token) -> bool:
    """ "..., an Ukrinform correspondent reports.": a closing clause with its own subject after a comma,
    the outlet relaying the attribution, not content."""
    doc = clause.doc
    return (
        clause.i > clause.head.i
        and all(t.is_punct or t.is_space for t in doc[clause.right_edge.i + 1 : clause.sent.end])
        and "," in {doc[clause.left_edge.i].text, doc[clause.left_edge.i - 1].text}
        and any(c.dep_ == "nsubj" for c in clause.children)
    )


def _sentence_before(b: Builder, sent: Span) -> Span | None:
    """The sentence before `sent`, in its paragraph or closing the paragraph before; None at the start
    of the body or after a heading line."""
    if sent.start == 0:
        return None
    prev = b.doc[sent.start - 1].sent
    if prev.start_char < b.ctx.body_start or b.ctx.in_shouted(prev.start_char):
        return None
    if b.ctx.para_of(prev.start_char) != b.ctx.para_of(sent.start_char):
        p0, p1 = b.ctx.para_of(prev.start_char)
        if p1 - p0 < 40 or b.text[p0:p1].rstrip()[-1:] not in '.!?"\u201d':
            return None  # a heading or a caption, no sentence of the story
    return prev


def backward_statement(b: Builder, verb: Token) -> bool:
    """Adds the statement of a cue verb that credits the sentence before it; True when it did."""
    lemma = cue_lemma(verb)
    if cue_sections().get(lemma, "speech") != "speech" or lemma not in b.ctx.cues:
        return False
    # the main verb, or a clause fronted before the outlet's relay ("X said this, Ukrinform reports")
    main = verb.dep_ in {"ROOT", "conj"} or (verb.dep_ == "ccomp" and verb.head.i > verb.i)
    if b.ctx.inside_quote(verb) or not main or withheld(verb, b.text):
        return False
    who = _points_back(verb)
    if who is None or who.lower_ in _BACK or who.pos_ == "PRON" and who.lower_ != "we":
        return False
    prev = _sentence_before(b, verb.sent)
    if prev is None or b.ctx.quote_at(prev.start_char) is not None:
        return False
    start, end = prev.start_char, prev.end_char
    if any(st.content.span[0] < end and start < st.content.span[1] for st, _v in b.items):
        return False  # the sentence is someone's statement already
    speaker = b.ctx.speakers.speaker(who)
    cue = TextSpan(text=verb.text, span=(verb.idx, verb.idx + len(verb.text)))
    b.add(cue, speaker, start, end, None, 0.7)
    b.ctx.claimed.add(verb.i)
    # the outlet relaying the attribution ("..., Ukrinform reports") makes no statement of its own
    relays = [c for c in verb.children if c.dep_ in _CLAUSES and _relay_tail(c)]
    if verb.dep_ == "ccomp" and verb.head.i > verb.i:
        relays.append(verb.head)
    b.ctx.claimed.update(r.i for r in relays)
    return True
