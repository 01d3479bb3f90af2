"""Who an event's possessive or enclosing phrase names (split from `events/actors.py`): a description's
name in apposition, the owner "its" is bound to, and the writer of an appeal made in a letter."""

from __future__ import annotations

from spacy.tokens import Token

from ..shared.clauses import subject_of
from ..shared.lexicon import cue_has

NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# acts of speech a party makes in or with what it writes or sends ("wrote in an open appeal")
_SPOKEN = {"request", "threaten", "accuse", "reject"}


def appositive_name(tok: Token | None) -> Token | None:
    """A description's name in apposition: "One of the regime's propagandists, a spokeswoman, Maria X,
    urged ..." -> Maria X; "Turkey, a Nato member, lifted ..." stays Turkey (a name names itself)."""
    if tok is None or tok.pos_ == "PROPN" or tok.ent_type_ in NAMED:
        return None
    head = tok.head
    if tok.dep_ == "appos" and head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return head  # "Denis X, a professor who was fired for ...": the description's name comes first
    frontier = [tok]
    for _ in range(3):
        nxt = [c for t in frontier for c in t.children if c.dep_ == "appos"]
        for c in nxt:
            if c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                return c
        frontier = nxt
    return None


def bound_possessive(tok: Token | None) -> Token | None:
    """ "its" on an event names the nearest subject up the clauses that can be its owner: a singular
    party that is no person ("Moscow intends to invade should the US and NATO not meet its demands"
    -> Moscow; "point to Russia escalating its invasion" -> Russia), not the nearest name back in
    the text. None when the walk meets no such subject (the caller keeps its own reading)."""
    if tok is None or tok.lower_ != "its" or tok.dep_ != "poss":
        return None
    doc = tok.doc
    cur = tok.head
    for _ in range(8):
        if cur.tag_ == "VBG" and cur.i > 0 and doc[cur.i - 1].pos_ == "PROPN":
            cand: Token | None = doc[cur.i - 1]  # "Russia escalating its invasion": the gerund's subject
        else:
            cand = next((c for c in cur.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if cand is not None and cand.pos_ != "PRON":
            plural = cand.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in cand.children)
            named = cand.pos_ == "PROPN" or cand.ent_type_ in ("GPE", "ORG", "NORP")
            if not plural and named and cand.ent_type_ != "PERSON":
                return cand
            if not plural and not named and cand.ent_type_ != "PERSON":
                return None  # "the plan and its costs": a thing may own it
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def spoken_doer(tok: Token, etype: str) -> Token | None:
    """An appeal, demand, threat or accusation made in or with what a party writes or sends ("the consuls
    wrote in an open appeal", "sent a letter with a demand that ..."): the writer's; not when the verb
    watches or denies ("was named in an appeal", "denied in a statement")."""
    gov = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "with") else None
    if gov is None or etype not in _SPOKEN or gov.pos_ != "VERB":
        return None
    if any(cue_has(gov.lemma_.lower(), c) for c in ("nonagent", "deny")):
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in gov.children):
        return None
    return subject_of(gov)
