"""Trigger mentions that name no happening: advice under a modal of obligation, figurative attacks on
values and states of mind, counting frames ("how many were killed"), opinions ("agree with X") and
hypotheses about nobody in particular ("in the event of an invasion")."""

from __future__ import annotations

from spacy.tokens import Token

from ..shared.clauses import children_with, statement_at
from ..shared.lexicon import cue_has

# verbs whose object lists what a figure counts ("the number includes the dead and wounded")
_COUNTING = {"include", "comprise", "exclude"}
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# types whose object or on/to/against phrase can be a value rather than a target
# aspectual verbs whose complement is already under way ("will continue fighting", "keep fighting")
_GOING_ON = {"continue", "keep", "resume"}
_FIGURATIVE = {"attack", "threaten", "protest", "aid", "fight"}


def _deontic(tok: Token) -> bool:
    """ "should try to retake", "should not deploy": the trigger or the verb controlling it is advice."""
    cur = tok
    for _ in range(3):
        if any(c.dep_ == "aux" and cue_has(c.lower_, "deontic") for c in cur.children):
            return True
        if cur.dep_ != "xcomp" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _object(tok: Token) -> Token | None:
    """The direct object of a verb trigger, or the on/to/against/of object of a nominal one."""
    if tok.pos_ == "VERB":
        return next((c for c in tok.children if c.dep_ == "dobj"), None)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "to", "against", "of", "towards"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _figurative(tok: Token, etype: str) -> bool:
    """ "destroyed trust", "a threat to the global order", "a demonstration of strength"."""
    if etype not in _FIGURATIVE and tok.lemma_.lower() not in ("destroy", "hit"):
        return False
    obj = _object(tok)
    return obj is not None and obj.pos_ == "NOUN" and cue_has(obj.lemma_, "abstract")


def _counting(tok: Token) -> bool:
    """ "how many of them were killed", "the number includes the dead and wounded"."""
    role = tok
    while role.dep_ == "conj" and role.head.i != role.i:
        role = role.head
    if role.dep_ in ("dobj", "attr") and role.head.lemma_.lower() in _COUNTING:
        return True
    subj = next(iter(children_with(tok, _SUBJECTS)), None)
    if subj is None and tok.dep_ == "conj":
        subj = next(iter(children_with(tok.head, _SUBJECTS)), None)
    return subj is not None and any(t.lower_ == "how" for t in subj.subtree)


def _opinion(tok: Token, etype: str) -> bool:
    """ "I agree with President X", "leaders agree that the duty is ...": sharing a view, not an agreement
    between parties."""
    if etype != "agree" or tok.pos_ != "VERB":
        return False
    deps = {c.dep_ for c in tok.children}
    content = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if content is not None and not deps & {"dobj", "xcomp", "nsubjpass", "auxpass"}:
        # "leaders agree that the duty of the world is to ...": sharing a view; "agreed that prisoners
        # will be exchanged" (a modal in the content) is an agreement on what is to be done
        return not any(c.dep_ == "aux" and cue_has(c.lower_, "modal") for c in content.children)
    if deps & {"dobj", "xcomp", "ccomp", "nsubjpass", "auxpass"}:
        return False  # "agreed to talk", "a corridor has been agreed with X"
    preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt")}
    return "with" in preps and not preps & {"on", "to", "upon", "over"}


def _addressed(tok: Token) -> bool:
    """ "By submitting your email, you agree to our Terms": the outlet addressing its reader (a verb whose
    subject is "you" outside any quotation) tells of no happening."""
    if tok.pos_ != "VERB" or not any(c.dep_ == "nsubj" and c.lower_ == "you" for c in tok.children):
        return False
    return statement_at(tok.doc, tok.idx) is None


def not_happening(tok: Token, etype: str) -> bool:
    """Whether the trigger mention names no happening at all."""
    return (
        _deontic(tok) or _figurative(tok, etype) or _counting(tok) or _opinion(tok, etype) or _addressed(tok)
    )


def idle_fight(tok: Token, etype: str, status: str) -> bool:
    """ "resolve to fight", "does not want to fight", "fight climate change": a fighting verb only wished,
    planned or possible with no foe named, or whose object is a problem, not a party (cue class
    `scourge`), names a disposition or a campaign, not a clash the story reports."""
    role = tok
    while role.dep_ == "conj" and role.head.i != role.i:
        role = role.head
    if etype == "fight" and role.dep_ == "attr" and role.head.lemma_ == "be":
        return True  # "this is a battle of wills", "Ukraine is an early skirmish in ...": a characterization
    if etype != "fight" or tok.pos_ != "VERB":
        return False
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is not None:  # "sent to fight the rebels": a named foe makes even a planned fight specific
        return obj.pos_ == "NOUN" and cue_has(obj.lemma_, "scourge")
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _GOING_ON:
        return False  # "will continue fighting": the fighting goes on now
    if any(c.lower_ == "on" and (c.dep_ == "prt" or not any(c.children)) for c in tok.children):
        return False  # "vowed to fight on": the same
    return status == "speculated"


def hypothesis(tok: Token, status: str, actor: str | None, target: str | None) -> bool:
    """ "in the event of an invasion", "a threat of invasion": a speculated noun with nobody acting and
    nothing acted on is a general hypothesis, not a happening the story reports."""
    if status != "speculated" or actor or target or tok.pos_ in ("VERB", "AUX"):
        return False
    return not any(c.dep_ in ("poss", "det") and c.lower_ not in ("a", "an", "any") for c in tok.children)
