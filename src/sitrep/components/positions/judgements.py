"""Copular judgements of a course of action: what it is (not) the time for, the only way, in a party's
interest to do, and the to-infinitive an extraposed 'it' stands for."""

from __future__ import annotations

from spacy.tokens import Token

from ..shared.lexicon import position_cues
from .negation import negated

Found = tuple[str, list[Token]]


def extraposed(host: Token) -> list[Token]:
    """The to-infinitive an extraposed 'it' stands for ('it is vital to keep talking'), else none."""
    for c in host.children:
        if c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return [t for t in c.subtree if not (t.dep_ == "aux" and t.lower_ == "to" and t.head == c)]
    return []


def time_for(time: Token) -> Found | None:
    """What a copula says it is (not) the time for ('it is not the time for war', 'now is the time to
    send tanks'): asked for, or refused when denied; None for other uses of 'time'."""
    cop = time.head
    if cop.lemma_ != "be" or time.dep_ not in ("attr", "nsubj"):
        return None
    subj = [c.lower_ for c in cop.children if c.dep_ == "nsubj" and c is not time]
    now = any(c.dep_ == "advmod" and c.lower_ == "now" for c in cop.children)
    if not (subj and subj[0] in ("it", "this") and time.dep_ == "attr" or now and time.dep_ == "nsubj"):
        return None
    words: list[Token] = []
    for c in time.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            words = [t for g in c.children if g.dep_ == "pobj" for t in g.subtree]
        elif c.dep_ in ("relcl", "acl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            to = next(a for a in c.children if a.dep_ == "aux" and a.lower_ == "to")
            words = [t for t in c.subtree if t.i > to.i]  # "time for the West to return to talks"
    return (("rejects" if negated(cop) else "open"), words[:10]) if words else None


def sole_way(way: Token) -> Found | None:
    """What a copula says is the only or best way ('talks are the only way', 'the only solution is a
    truce'): asked for; None when the noun is not so judged or the copula is denied."""
    if not any(c.dep_ == "amod" and c.lower_ in ("only", "best") for c in way.children):
        return None
    cop = way.head
    if cop.lemma_ != "be" or negated(cop) or way.dep_ not in ("attr", "nsubj"):
        return None
    other = ("nsubj", "csubj") if way.dep_ == "attr" else ("attr",)
    words = [t for c in cop.children if c.dep_ in other for t in c.subtree]
    if not words and way.dep_ == "nsubj":
        words = extraposed(cop)  # "the only way out is to negotiate"
    if not words or words[0].lower_ in ("this", "that", "it", "which", "what"):
        return None  # "this is the only way": what it stands for is not here
    return "open", words[:10]


def in_interest(cop: Token) -> Found | None:
    """What an 'it' is said to be (not) in a party's interest to do ('it is in our interest to help
    Ukraine'): asked for, refused when denied or when it is to refrain from something."""
    if cop.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in cop.children):
        return None
    words = extraposed(cop)
    refused = negated(cop)
    if words and position_cues().get(words[0].lemma_.lower()) == "averts":  # "to refrain from joining"
        words = [t for c in words[0].children if c.dep_ == "prep" for g in c.children for t in g.subtree]
        refused = not refused
    return ("rejects" if refused else "open", words[:10]) if words else None
