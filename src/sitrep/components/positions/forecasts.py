"""What looks like a stance but is none: questions ("Will Kyiv give up its NATO bid?"), forecasts about
another party ("Putin will not stop at the Polish border, Sunak warned"), and which modal a predicate
carries (a deontic "should not" is voiced by whoever says it, not by the clause's subject)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..shared.clauses import speaker_name, statement_at
from ..shared.parties import governing_speech, party_name
from ..shared.sides import side_of
from .holders import is_self, reported_self, shares_word, subject

FUTURE = {"will", "would", "wo", "'ll", "shall"}
DEONTIC = {"must", "should"}
HEDGES = {"may", "might", "could"}
CLOSERS = "\"'\u201d\u2019)] \n\t"


def question(sent: Span) -> bool:
    """Whether the sentence is a question (its last character before closing quotes is "?")."""
    return sent.text.rstrip(CLOSERS).endswith("?")


def modal_of(tok: Token) -> str | None:
    """The modal auxiliary on a verb ("will", "should"), lower case, if any."""
    for c in tok.children:
        if c.dep_ == "aux" and c.tag_ == "MD":
            return c.lower_
    return None


def hedged(pred: Token) -> bool:
    """ "The winner may be unwilling to talk": a guess at a party's stance, not one it stated (the first
    person's "we could talk" offers, and stays)."""
    verb = pred.head if pred.dep_ in ("acomp", "attr", "oprd") else pred
    if modal_of(verb) not in HEDGES:
        return False
    subj = subject(verb)
    return subj is None or not is_self(subj)


def forecast(pred: Token) -> bool:
    """A future or conditional clause that says what another party will do (or what is coming) rather than
    what the speaker's own side will do: "he will not stop there", "we will be dealing with pressure"."""
    if modal_of(pred) not in FUTURE:
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "be" for c in pred.children) and pred.tag_ == "VBG":
        return True  # "will be dealing with": a progressive future describes, it does not commit
    subj = subject(pred)
    if subj is None or is_self(subj):
        return False
    if subj.lower_ in ("he", "she") and reported_self(pred):
        return False  # "Kurz stressed he would never accept it": the speaker's own commitment
    name = party_name(subj)
    speaker = _voice(pred)
    if not name or not speaker:
        return False
    if subj.ent_type_ == "PERSON" or subj.lower_ in ("he", "she"):
        return not shares_word(name, speaker)
    mine, theirs = side_of(speaker), side_of(name)
    return mine is not None and theirs is not None and mine != theirs


def _voice(tok: Token) -> str | None:
    """Who says the sentence at `tok`: the statement's speaker, else the subject of the reporting verb."""
    name = speaker_name(statement_at(tok.doc, tok.idx))
    if name:
        return name
    cue = governing_speech(tok)
    return party_name(subject(cue)) if cue is not None and subject(cue) is not None else None
