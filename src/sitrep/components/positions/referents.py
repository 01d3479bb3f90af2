"""What a position's complement refers to: a topic taken up by an object pronoun ("ready for them"), and
a complement that asks only for words ("called on X to state that ...")."""

from __future__ import annotations

from spacy.tokens import Token

from ..shared.lexicon import cue_has
from .holders import is_party
from .topics import topic_in

OBJECT_PRONOUNS = {"it", "them"}  # an object that takes up a topic named before


def antecedent_of_object(pred: Token, comp: list[Token]) -> list[Token] | None:
    """ "87% are against territorial concessions, whereas 9% are ready for them", "asked Putin for the
    nuclear weapons. 'I demanded them back'": a predicate whose object is "it" or "them" is about the
    nearest noun phrase before it, in its sentence or the one before, of the same number that names a
    topic; None when there is none (a party is no topic: "we will support it", it being Ukraine)."""
    pron = next((t for t in comp if t.lower_ in OBJECT_PRONOUNS and t.pos_ == "PRON"), None)
    if pron is None or pron.dep_ not in ("dobj", "pobj"):
        return None
    if pron.head.i != pred.i and not (pron.head.dep_ == "prep" and pron.head.head.i == pred.i):
        return None  # "called on them to ...", "a plan to arm them": only the predicate's own object
    plural = pron.lower_ == "them"
    doc = pred.doc
    first = doc[pred.sent.start - 1].sent.start if pred.sent.start > 0 else pred.sent.start
    for t in reversed(doc[first : pron.i]):
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "poss", "amod") or is_party(t):
            continue
        if (t.tag_ in ("NNS", "NNPS")) != plural:
            continue
        words = [w for w in t.subtree if w.i <= t.i and w.dep_ not in ("det", "poss", "case")]
        if topic_in(words) is not None:
            return words
    return None


def asked_to_say(comp: list[Token]) -> bool:
    """Whether what is asked for or offered is only to say something ("called on the minister to state
    clearly that he supports ...", "urged journalists to note that ..."): the head verb of the complement
    is a reporting verb (the status cues' `speech` class), so the words said are no course of action."""
    inside = {t.i for t in comp}
    tops = [t for t in comp if t.head.i not in inside and t.pos_ == "VERB"]
    return bool(tops) and cue_has(tops[0].lemma_, "speech")
