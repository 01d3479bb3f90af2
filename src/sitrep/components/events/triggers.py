"""Event triggers: which token heads an event mention of which type (lexicon, multi-word triggers,
selectional checks), and the tokens worth asking about."""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from ..shared.clauses import name_of
from ..shared.lexicon import StringFilter, cue_has
from ..shared.states import is_country
from .checks import argument_fits_more, objects_of
from .lexicon import hyphen_tails, modified_nouns, trigger_checks, trigger_heads, trigger_words, triggers
from .selection import fits

# named-entity labels under which a lexicon word is part of a name, not an event ("Operation Storm")
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
IDIOM_OBJECTS = {"balance", "chord", "tone", "note", "pose", "deal", "agreement", "bargain", "compromise"}
RETALIATION = {"retaliate", "respond", "avenge", "strike", "attack", "hit", "punish"}


def match_trigger(tok: Token) -> tuple[str, int, int] | None:
    """(event type, first token, last token) when `tok` heads an event mention, else None."""
    hyphenated = _hyphenated(tok)
    if hyphenated is not None:
        return hyphenated
    if tok.ent_type_ in NAME_LABELS or tok.dep_ in ("compound",) or _function_word(tok):
        return None
    if tok.pos_ == "VERB" and tok.dep_ == "amod":
        return None  # "occupied lands": a state, not an event
    lex = triggers()
    lemma = tok.lemma_.lower()
    pos = "VERB" if tok.pos_ == "VERB" else "NOUN" if tok.pos_ in ("NOUN", "PROPN") else None
    if pos == "VERB" and triggers().get(lemma, ("", ""))[1] == "NOUN" and tok.lower_ == lemma + "s":
        pos = "NOUN"  # "accusations Moscow plans to attack" tagged a verb with a noun's lemma
    if pos is None:
        return _adjectival(tok, lemma)
    if pos == "NOUN" and lemma in modified_nouns():
        found = _modified_noun(tok, lemma)
        if found is not None:
            return found
    if lemma not in lex and (pos != "VERB" or (lemma not in trigger_heads() and lemma != "vow")):
        if pos != "VERB" or not cue_has(lemma, "impact"):
            return None  # no trigger starts with this word (the checks below could only say None)
    if pos == "VERB":
        nxt = [tok.doc[tok.i + 1]] if tok.i + 1 < len(tok.doc) else []
        of_objs = [
            g
            for o in tok.children
            if o.dep_ == "dobj"
            for p in o.children
            if p.lower_ == "of"
            for g in p.children
        ]
        # "the troops that Russia sent": the relative clause's head is its verb's object
        relative = [tok.head] if tok.dep_ == "relcl" and tok.head.i < tok.i else []
        for c in [*tok.children, *nxt, *of_objs, *relative]:
            key = f"{lemma} {c.lemma_.lower()}"
            if key not in lex:
                continue
            between = tok.doc[tok.i + 1 : c.i] if c.i > tok.i else tok.doc[0:0]
            if c.dep_ == "prep" and (c.i <= tok.i or any(t.pos_ != "ADV" for t in between)):
                continue  # "called on", not "called ... on Tuesday"
            if c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children):
                continue  # "called on Tuesday for calm"
            nominal = [
                g
                for g in c.children
                if g.dep_ == "conj" and lex.get(g.lemma_.lower(), ("", "VERB"))[1] != "VERB"
            ]
            if nominal:
                continue  # "launched missile and artillery attacks": the conjoined noun is the event
            if key in lex and (
                c.dep_ in ("prt", "dobj", "prep") or c.i == tok.i + 1 or c in of_objs or c in relative
            ):
                etype, want = lex[key]
                if key in trigger_checks() and not fits(tok, trigger_checks()[key]):
                    continue
                if c in relative:
                    return etype, tok.i, tok.i  # the verb alone: its object heads the clause it is in
                return etype, min(tok.i, c.i), max(tok.i, c.i)
    if lemma == "talk" and tok.lower_ != "talks":
        return None
    if (
        pos == "VERB"
        and lemma == "vow"
        and any(c.dep_ == "xcomp" and c.lemma_ in RETALIATION for c in tok.children)
    ):
        return "threaten", tok.i, tok.i  # "vowed to retaliate"
    if pos == "VERB" and cue_has(lemma, "impact"):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        agent = next(
            (g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None
        )
        subj = subj if subj is not None else agent  # "were hit by missiles"
        if subj is not None and (cue_has(subj.lemma_, "instrument") or cue_has(subj.lower_, "force")):
            return "attack", tok.i, tok.i
    hit = lex.get(lemma)
    if hit is None:
        return None
    etype, want = hit
    if want != "ANY" and want != pos:
        return None
    if not _argument_fits(tok, lemma):
        return None
    if lemma in trigger_checks() and not fits(tok, trigger_checks()[lemma]):
        return None
    if " " in lemma:
        return None
    return etype, tok.i, tok.i


def _function_word(tok: Token) -> bool:
    """A stop word that heads no event. spaCy's stop list holds the base forms of some lexicon verbs
    ("call", "take", "move", "give", "make"), so "We call on", "to take control" or "could move troops"
    went unmatched while "called on", "took control" and "moved troops" matched: a verb whose lemma starts
    a trigger is asked about in every form."""
    if not tok.is_stop or tok.lemma_ == "free":
        return False
    return not (tok.pos_ == "VERB" and tok.lemma_.lower() in trigger_words())


def _adjectival(tok: Token, lemma: str) -> tuple[str, int, int] | None:
    """ "left ten people dead": an adjective trigger (lexicon part of speech ADJ) that passes its check."""
    hit = triggers().get(lemma)
    if tok.pos_ != "ADJ" or hit is None or hit[1] != "ADJ":
        return None
    if lemma in trigger_checks() and not fits(tok, trigger_checks()[lemma]):
        return None
    return hit[0], tok.i, tok.i


def _hyphenated(tok: Token) -> tuple[str, int, int] | None:
    """ "historic build-ups", "a cease-fire": the last part of a hyphenated trigger heads it."""
    # the tail as written too: "saber-rattling" is parsed with the verb lemma "rattle"
    firsts = hyphen_tails().get(tok.lemma_.lower()) or hyphen_tails().get(tok.lower_)
    if not firsts or tok.i < 2 or tok.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    hyphen, first = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or first.whitespace_:
        return None
    key = firsts.get(first.lemma_.lower()) or firsts.get(first.lower_)
    if key is None or first.ent_type_ in NAME_LABELS:
        return None
    return triggers()[key][0], first.i, tok.i


def _modified_noun(tok: Token, lemma: str) -> tuple[str, int, int] | None:
    """ "a military operation", "offensive operations": a generic noun made an event by its modifier."""
    mods = modified_nouns()[lemma]
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.lemma_.lower() in mods and c.i < tok.i:
            return mods[c.lemma_.lower()], c.i, tok.i
    return None


def _argument_fits(tok: Token, lemma: str) -> bool:
    """Selectional checks for generic words: a release frees captives, a retreat abandons ground, ..."""
    if lemma in ("release", "free"):
        return any(
            cue_has(o.lemma_, "captive") or o.ent_type_ in ("PERSON", "NORP") or o.tag_ == "CD"
            for o in objects_of(tok)
        )
    if lemma in ("abandon", "occupy"):
        return any(
            (cue_has(o.lemma_, "ground") or o.ent_type_ in ("GPE", "LOC", "FAC"))
            and not (lemma == "abandon" and is_country(name_of(o) or o.text))
            for o in objects_of(tok)
        )  # "the West cannot abandon Ukraine": deserting an ally, not giving up ground
    if lemma == "strike" and tok.pos_ == "VERB" and any(o.lemma_ in IDIOM_OBJECTS for o in objects_of(tok)):
        return False  # "struck a balance", "struck a chord"
    if lemma in ("seize", "take") and any(c.lower_ in ("on", "upon") for c in tok.children):
        return False  # "seized on a report"
    if lemma == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
        return False  # "demonstrating that ...": showing, not protesting
    return argument_fits_more(tok, lemma)


def trigger_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens whose lemma may start a trigger: `match_trigger` is None on all others."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    by_lemma = _TRIGGER_LEMMA.mask(strings, doc.to_array(LEMMA))
    found = by_lemma | _HYPHEN_TAIL.mask(strings, doc.to_array(LOWER))
    return np.flatnonzero(found).tolist()


_TRIGGER_LEMMA = StringFilter(lambda w: w.lower() in trigger_words())
_HYPHEN_TAIL = StringFilter(lambda w: w in hyphen_tails())
