"""Selectional checks and clause repairs for event triggers (split from `events/component.py`)."""

from __future__ import annotations

from spacy.tokens import Token

from ..shared.clauses import subject_of
from ..shared.lexicon import cue_has
from .args import on_place

COMPASS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
}
DIPLOMATS = {"ambassador", "envoy", "diplomat", "attache", "attaché", "chargé", "consul"}
ORDER_VERBS = {"order", "force", "tell", "urge", "instruct", "warn", "compel", "call"}
HOMES = {
    "home",
    "house",
    "city",
    "town",
    "village",
    "area",
    "camp",
    "neighbourhood",
    "neighborhood",
    "country",
}
AGREEMENTS = {
    "proposal",
    "deal",
    "agreement",
    "accord",
    "ceasefire",
    "truce",
    "plan",
    "offer",
    "terms",
    "treaty",
    "armistice",
    "framework",
    "roadmap",
    "cease-fire",
    "pact",
}


def objects_of(tok: Token) -> list[Token]:
    """The direct objects, passive subjects and of-objects of `tok` (with their conjuncts)."""
    out = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    out += [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    # "freed thousands of inmates": the head of a quantity phrase is its of-object
    out += [
        g
        for o in list(out)
        for c in o.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return out + [g for o in out for g in o.conjuncts]


def territory(t: Token) -> bool:
    """Whether `t` names ground: a place entity or a settlement/position noun."""
    if t.ent_type_ in ("GPE", "LOC", "FAC") or cue_has(t.lemma_, "ground"):
        return True
    return on_place(t)  # a place the gazetteer knows


def argument_fits_more(tok: Token, lemma: str) -> bool:
    """Selectional checks for the broader verbs ("fell", "entered", "left", "accepted", "signed")."""
    if lemma == "fall":  # "the town fell", "the palace had fallen to the rebels"; not "prices fell"
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return subj is not None and territory(subj)
    if lemma == "enter":  # "rebels entered Goma"; not "entered talks", not "residents entered"
        subj = subject_of(tok)
        if subj is not None and (cue_has(subj.lemma_, "generic") or subj.lower_ in ("talks", "force")):
            return False
        return any(territory(o) for o in objects_of(tok))
    if lemma == "leave":  # "ordered residents to leave their homes"; not "left 12 dead"
        ordered = tok.dep_ == "xcomp" and tok.head.lemma_ in ORDER_VERBS
        homes = any(o.lemma_ in HOMES or territory(o) for o in objects_of(tok))
        return homes and (ordered or any(cue_has(o.lemma_, "generic") for o in [subject_of(tok)] if o))
    if (
        lemma == "destroy"
    ):  # "forces destroyed radar sites"; an agentless "was destroyed" says nothing of an attack
        return subject_of(tok) is not None and not any(c.dep_ == "nsubjpass" for c in tok.children)
    if lemma in ("accept", "sign"):
        return any(o.lemma_ in AGREEMENTS for o in objects_of(tok))
    return True


def accusation_conjunct(tok: Token) -> Token | None:
    """ "Hamas accused Israel of X and called on mediators ...": a verb misparsed under "accused ... of"."""
    if tok.pos_ != "VERB" or tok.dep_ != "conj" or tok.tag_ != "VBD" or tok.head.dep_ != "pcomp":
        return None
    gov = tok.head.head.head  # pcomp -> "of" -> the accusing verb
    return gov if gov.pos_ == "VERB" and gov.lemma_ in ("accuse", "blame", "charge") else None


def speech_conjunct(tok: Token) -> Token | None:
    """The reporting verb a subjectless verb coordinates with when the parse hung it under the report.

    "X said the strikes were retaliation and threatened a harsher response": "threatened" is X's act.
    """
    if (
        tok.pos_ != "VERB"
        or tok.dep_ != "conj"
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    ):
        return None
    head = tok.head
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if head.dep_ != "ccomp" or subj is None or subj.pos_ == "PRON":
        return None  # "Paris said it did not recognise X and refused ...": "it" is Paris, the parse is right
    cue = head.head
    if cue.i < tok.i and cue.pos_ == "VERB" and cue_has(cue.lemma_, "speech"):
        subj = subject_of(cue)
        return cue if subj is not None and subj.pos_ in ("PROPN", "NOUN") else None
    return None
