"""Filters of the statements component: cue verbs that are no statement, objects that are no content."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from .builder import Builder
from .speaker import _lines, cue_lemma, cue_limits, cue_sections, role_nouns

_NEG = {"not", "n't", "never", "neither", "nor"}
# Heads that negate the speech act in their infinitive ("declined to say", "refused to comment").
_WITHHOLD = {"decline", "refuse", "fail", "neglect", "hesitate", "won't"}
_MODALS = {"would", "will", "could", "might", "may", "should", "can", "shall", "'ll", "wo", "ca"}
_AUTHORIZED = re.compile(r"^(?:authori[sz]ed|allowed|permitted|cleared)$", re.IGNORECASE)
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_WH = {"if", "whether", "what", "who", "whom", "which", "how", "why", "where", "when"}


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern[str]:
    """The anonymity formulas of `data/cues_boilerplate.txt` as one compiled alternation."""
    lines = _lines("cues_boilerplate.txt") or ["(?!)"]
    return re.compile("|".join(f"(?:{ln})" for ln in lines), re.IGNORECASE)


def _negated(tok: Token) -> bool:
    """Whether a verb carries a negation ("has not said", "would never confirm")."""
    return any(c.dep_ == "neg" or c.lower_ in _NEG and c.dep_ in {"advmod", "neg"} for c in tok.children)


def compound_part(tok: Token) -> bool:
    """Whether a word is the second half of a hyphenated compound ("self-declared", "so-called",
    "long-announced"): a modifier, never a cue of its own."""
    if tok.i < 2:
        return False
    hyphen, first = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    glued = hyphen.text == "-" and not hyphen.whitespace_ and not first.whitespace_
    return glued and first.is_alpha and first.is_lower and tok.is_lower


def withheld(verb: Token, text: str | None = None) -> bool:
    """Whether a cue verb reports no speech act: negated ("did not say"), withheld ("declined to say"),
    not permitted ("not authorized to speak"), future or hypothetical inside another statement
    ("said Russia would respond"), or sourcing boilerplate ("asked not to be named")."""
    if _negated(verb):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        if head.lemma_.lower() in _WITHHOLD or _AUTHORIZED.match(head.text):
            return True  # "declined to say", "were not authorized to speak"
        if _negated(head) and head.lemma_.lower() in {"want", "wish", "be", "have"}:
            return True  # "did not want to say"
    # "X is to say", "(he) would respond": a speech act that has not happened, under another cue
    modal = any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)
    if modal and not any(c.lower_ == "later" for c in verb.children):
        anc = verb.head
        for _ in range(4):
            if anc.pos_ in {"VERB", "AUX"} and cue_sections().get(anc.lemma_.lower()) is not None:
                return True
            if anc.i == anc.head.i:
                break
            anc = anc.head
    # `text`: the document text when the caller has it (Doc.text joins every token of the document)
    rest = text[verb.idx : verb.idx + 120] if text is not None else verb.doc[verb.i : verb.i + 30].text[:120]
    return _boilerplate().match(rest) is not None


def decline_of_speech(verb: Token) -> bool:
    """ "declined to say whether ...", "refused to comment": the withholding verb is no statement."""
    if verb.lemma_.lower() not in _WITHHOLD:
        return False
    sections = cue_sections()
    talk = {"comment", "elaborate", "discuss", "speak", "answer"}
    for c in verb.children:
        if c.dep_ == "xcomp" and (sections.get(c.lemma_.lower()) == "speech" or c.lemma_.lower() in talk):
            return True
    return False


def claim_object(verb: Token) -> bool:
    """Whether a denial's object is content: a claim noun ("the allegations", "the report that ..."),
    a clause or gerund ("denied targeting civilians"), or a quotation; not a bare thing ("the proposal")."""
    obj = next((c for c in verb.rights if c.dep_ in {"dobj", "xcomp", "ccomp", "oprd", "attr", "prep"}), None)
    if obj is None:
        return False
    if obj.dep_ in {"xcomp", "ccomp"} or obj.pos_ in {"VERB", "AUX"}:
        return True
    if obj.dep_ == "prep":
        return obj.lower_ not in {"to", "of"}
    nouns = claim_nouns()
    if obj.lemma_.lower() in nouns or obj.lower_.rstrip("s") in nouns:
        return True
    # "the idea that ...", "the proposal that ...": a that-clause names the content
    kids = obj.children
    return any(c.dep_ in {"acl", "ccomp"} and c.i > obj.i and c.left_edge.lower_ == "that" for c in kids)


@lru_cache(maxsize=1)
def claim_nouns() -> frozenset[str]:
    """Heads of a denial's object that make it content (`data/cues_claim_nouns.txt`)."""
    return frozenset(ln.lower() for ln in _lines("cues_claim_nouns.txt"))


_TAIL_POS = {"DET", "NOUN", "PROPN", "ADJ", "CCONJ", "NUM", "ADP"}


def _clause_verb(tok: Token) -> bool:
    """Whether a token heads a clause: a finite verb, or a verb with its own subject."""
    if tok.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
        return True
    return tok.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)


def coordinated_speaker(verb: Token, subj: Token) -> Token | None:
    """The speaker at the end of a subject the parse ran over a whole clause: in "A strike killed 26
    people, most of them civilians, a health official and witnesses said", the health official."""
    doc = verb.doc
    if subj.i > verb.i or subj.right_edge.i != verb.i - 1 or subj.left_edge.i < verb.sent.start:
        return None
    commas = [t.i for t in doc[subj.left_edge.i : verb.i] if t.text == ","]
    if not commas:
        return None
    c = commas[-1]
    tail = doc[c + 1 : verb.i]
    if not 1 <= len(tail) <= 8 or any(t.pos_ not in _TAIL_POS for t in tail):
        return None
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in tail):
        return None
    # the part before must be a clause of its own (a finite verb), the tail a coordination or its
    # subject a clause-opening phrase ("at least 26 people, most of them civilians, a health official")
    if not any(_clause_verb(t) for t in doc[verb.sent.start : c]):
        return None
    if not any(t.pos_ == "CCONJ" for t in tail) and not any(
        _clause_verb(t) for t in doc[subj.left_edge.i : c]
    ):
        return None
    roots = [t for t in tail if not (tail.start <= t.head.i < tail.end)]
    return roots[0] if roots and roots[0].pos_ in {"NOUN", "PROPN"} else None


@lru_cache(maxsize=1)
def perception_verbs() -> frozenset[str]:
    """Cue lemmas that are also verbs of perception (`data/cues_perception.txt`)."""
    return frozenset(ln.lower() for ln in _lines("cues_perception.txt"))


def perceived(verb: Token, clause: Token) -> bool:
    """Whether a perception verb's clause reports what was seen, not a view: a bare infinitive,
    gerund or participle ("saw Russia take back the initiative", "see them enduring") or a wh-/if-
    clause ("let's see if ..."); "sees (that) the war will go on" is a view."""
    if verb.lemma_.lower() not in perception_verbs():
        return False
    if clause.left_edge.lower_ in _WH:
        return True
    finite = clause.tag_ in _FINITE or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE for c in clause.children
    )
    return not finite


@lru_cache(maxsize=1)
def _hearers() -> dict[str, str]:
    """Hearer verbs and audience nouns -> "verb" | "noun" (`data/cues_hearer.tsv`)."""
    rows = (ln.split("\t") for ln in _lines("cues_hearer.tsv"))
    return {r[0].strip().lower(): r[1].strip() for r in rows if len(r) == 2}


_HEARER_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
_ASIDES = {"advmod", "npadvmod", "cc", "conj"}


def _setting(tok: Token) -> bool:
    """A phrase of time or place after a verb ("in Washington", "on Monday")."""
    if tok.dep_ != "prep":
        return False
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "FAC"}


_NOT_HEARERS = {"it", "this", "that", "what", "something", "nothing", "everything", "anything"}


def hearer_only(verb: Token) -> bool:
    """Whether all a hearer verb has after it is its hearer: "told his audience", "briefed them"."""
    table = _hearers()
    if table.get(verb.lemma_.lower()) != "verb":
        return False
    after = [c for c in verb.rights if not c.is_punct and c.dep_ not in _ASIDES and not _setting(c)]
    if len(after) != 1 or after[0].dep_ not in {"dobj", "dative"}:
        return False
    obj = after[0]
    if any(c.dep_ in {"prep", "acl", "relcl", "ccomp"} and not _setting(c) for c in obj.children):
        return False  # "told the truth about ...", "informed partners about the front"
    if obj.pos_ == "PRON":
        return obj.lower_ not in _NOT_HEARERS
    lemma = obj.lemma_.lower()
    return obj.ent_type_ in _HEARER_ENTS or table.get(lemma) == "noun" or role_nouns().get(lemma) == "PERSON"


_TOPIC_PREPS = {"about", "on"}


def topic_only(parts: list[Token]) -> bool:
    """Whether a verb's only complement is an "about"/"on" phrase over a noun: the topic, not what was
    said ("talked about disinformation", "commented on the remarks", "informed about it"). "Called on
    NATO to act" has its infinitive beside the phrase, "spoke about how ..." a clause inside it, and a
    warning's "about" (cues_limits.tsv: `of`) is what was warned of."""
    if len(parts) != 1 or parts[0].dep_ != "prep" or parts[0].lower_ not in _TOPIC_PREPS:
        return False
    prep = parts[0]
    if cue_limits().get(cue_lemma(prep.head)) == "of":
        return False
    kids = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    return len(kids) == 1 and kids[0].dep_ == "pobj" and kids[0].pos_ in {"NOUN", "PROPN", "PRON"}


def circumstance(prep: Token) -> bool:
    """A prepositional phrase of time or place ("spoke on Monday", "commented in Berlin"), not a topic."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "FAC"}


def prep_content(b: Builder, verb: Token, prep: str) -> tuple[int, int] | None:
    """ "pointed to the data", "referred to them as rebels", "warned of a split": the object of the
    cue's preposition (`data/cues_limits.tsv`) and an "as" phrase."""
    to = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == prep), None)
    obj = next((c for c in to.children if c.dep_ in {"pobj", "pcomp"}), None) if to is not None else None
    if obj is None:
        return None
    last = obj.right_edge
    for c in verb.rights:
        if c.i > last.i and c.dep_ == "prep" and c.lower_ == "as":
            last = c.right_edge
    span = b.doc[obj.left_edge.i : last.i + 1]
    if len(span) < 2:  # "a phrase used to refer to Pakistan" names a referent, says nothing
        return None
    return span.start_char, span.end_char
