"""Verbs that name a kind of activity rather than a happening: a gerund that is the object of a noun or
an adjective ("capable of striking targets", "its strategy of not criticising Moscow"), a gerund that is
a clause's subject ("capturing him is a priority"), a habit ("he routinely threatens strikes") and the
wording of a standing text ("resolutions condemning the war")."""

from __future__ import annotations

from spacy.tokens import Token

from ..shared.lexicon import cue_has
from .triggers import match_trigger

# a gerund's own doer: "Poland sending troops", "Russia's shelling of ..."
_OWN_DOER = {"nsubj", "poss", "nsubjpass", "agent"}
_DASHES = {"-", "–", "—"}


def _doer(tok: Token) -> bool:
    return any(c.dep_ in _OWN_DOER for c in tok.children)


def gerund_of_noun(tok: Token) -> bool:
    """A gerund under a preposition whose head is a noun or adjective ("capable of striking", "an arsenal
    for attacking Ukraine", "a commitment to supporting Kyiv"): the activity as a kind, nobody's deed in
    the story. Not where the noun is the object of an accusation or another event's verb ("accused Kyiv's
    allies of sending weapons", "thanked the troops for liberating the town": the parse hangs the
    preposition on the object)."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("pcomp", "pobj") or _doer(tok):
        return False
    prep = tok.head
    if prep.pos_ != "ADP" or prep.i == prep.head.i:
        return False
    gov = prep.head
    if gov.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    if gov.pos_ != "ADJ" and match_trigger(gov) is not None:
        return False  # "threats of introducing sanctions": the content of another event, its own mention
    while gov.dep_ == "conj" and gov.head.i != gov.i:
        gov = gov.head  # "accused the US and its allies of ignoring ..."
    if gov.dep_ in ("dobj", "nsubjpass") and gov.head.pos_ == "VERB":
        verb = gov.head
        if cue_has(verb.lemma_, "speech") or match_trigger(verb) is not None:
            return False
    return True


def gerund_subject(tok: Token) -> bool:
    """A gerund that is its clause's subject with no doer of its own ("capturing or killing him is a
    priority for the Kremlin"): an aim or a kind of deed talked about. A gerund set off by dashes after a
    name is an aside the parse took for a subject ("China - supporting Russia - is ...")."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("csubj", "csubjpass") or _doer(tok):
        return False
    return not any(c.dep_ == "npadvmod" and c.i < tok.i for c in tok.children) and (
        tok.i == 0 or tok.doc[tok.i - 1].text not in _DASHES
    )


def object_of_activity(tok: Token) -> bool:
    """A nominal trigger inside such a gerund's phrase ("sceptical of providing military aid", "putting
    conditions on military aid is a better idea"): part of the kind of activity named."""
    if tok.pos_ not in ("NOUN", "PROPN") or _doer(tok):
        return False  # "ignoring Russia's demands": the demands are Russia's deed
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("dobj", "pobj", "prep") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ == "VERB":
            return cur.tag_ == "VBG" and (gerund_of_noun(cur) or gerund_subject(cur))
    return False


def habitual(tok: Token) -> bool:
    """A present-tense verb with a frequency adverb ("routinely threatens", "usually detains"): what a
    party does by habit, not a happening the story reports (cue class `habitual`)."""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBZ", "VBP"):
        return False
    return any(c.dep_ == "advmod" and cue_has(c.lower_, "habitual") for c in tok.children)


def present_description(tok: Token) -> bool:
    """A relative clause in the simple or progressive present ("a country that threatens war", "those
    citizens who are fighting for their country", "a Russia that is not invading its neighbours"): it says
    what its head is like, not what happened; a dated one ("troops who are shelling the city today") is
    news."""
    if tok.pos_ != "VERB" or tok.dep_ != "relcl":
        return False
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ in ("VBZ", "VBP"):
        present = not aux
    else:
        present = (
            tok.tag_ == "VBG" and len(aux) == 1 and aux[0].tag_ in ("VBZ", "VBP") and aux[0].lemma_ == "be"
        )
    if not present:
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") or cue_has(t.lower_, "recent") for t in tok.subtree)


def statute_wording(tok: Token) -> bool:
    """A participle or present-tense relative clause on a standing text ("UN resolutions condemning the
    war", "a law that bans rallies"): what the text says, not an act (cue class `statute`)."""
    if tok.pos_ != "VERB" or tok.dep_ not in ("acl", "relcl") or tok.tag_ not in ("VBG", "VBZ", "VBP"):
        return False
    return cue_has(tok.head.lemma_, "statute")


def danger_sense(tok: Token) -> bool:
    """A singular noun of menace with nobody's deed in it ("a severe threat to the world's security", "the
    threat from the East"): a danger the text describes. "Russia's threat to use ...", "threats" and
    "the threat Moscow made" are acts (cue class `danger`)."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or not cue_has(tok.lemma_, "danger"):
        return False
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"):
            return False
    return True


def menacing_situation(tok: Token) -> bool:
    """A verb of menace whose subject or agent is a situation or an event, not a party ("the conflict
    threatens to boil over", "Ukraine is threatened by a Russian attack"): a danger, not an act (the
    attack itself is its own event)."""
    if tok.pos_ != "VERB" or not cue_has(tok.lemma_, "danger"):
        return False
    doers = [c for c in tok.children if c.dep_ == "nsubj"]
    doers += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    kinds = ("situation", "nonparty", "abstract")
    return any(any(cue_has(d.lemma_, k) for k in kinds) or match_trigger(d) is not None for d in doers)


def nobody_does(tok: Token) -> bool:
    """A deed whose doer is nobody ("no one plans to fight", "nobody wants sanctions"): the clause
    denies any doer, so it reports no happening; a past deed so denied ("no one attacked the convoy")
    stays, as a denial. The clause is the trigger's own or, for an infinitive
    or an object, the verb above it (cue class `nobody`)."""
    cur = tok.head if tok.dep_ == "dobj" else tok
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            if cur is tok and tok.tag_ in ("VBD", "VBN"):
                return False  # "no one attacked the convoy": a denied deed, still on record
            return cue_has(subj.lower_, "nobody") or (
                subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children)
            )
        if cur.dep_ != "xcomp" or cur.pos_ != "VERB":
            return False  # "no one was killed in the strike": the strike has its own doer
        cur = cur.head
    return False


def generic_activity(tok: Token) -> bool:
    """Whether the trigger names a kind of activity, a habit, a text's wording or a danger rather than a
    happening."""
    return (
        gerund_of_noun(tok)
        or gerund_subject(tok)
        or object_of_activity(tok)
        or habitual(tok)
        or present_description(tok)
        or statute_wording(tok)
        or danger_sense(tok)
        or menacing_situation(tok)
        or nobody_does(tok)
    )
