"""Whether a "today" means the present at large ("Today Europe faces a new threat": PRESENT_REF), not the
publication day ("The minister said today", "talks resume today", "today and tomorrow").

A generic "today" stands in a clause of the simple present or under a present modal ("can", "should",
"must"), with no past or future auxiliary, no speech verb, no verb of a scheduled act (`scheduled_verbs`
in the times lexicon: "meet", "visit", "vote"), no other day named beside it and no "yesterday" or
"tomorrow" next to it; "today" as a subject ("today is the deadline"), a possessive or after "by",
"until", "from" keeps the date. Likewise a month, month-day or season recurs (XXXX-05-09) in a clause
a habitual adverb modifies ("the parade is usually held on May 9": `habitual_adverbs`), unless "since",
"until", "from" or "by" sets it as a point ("often travels by train since November").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..shared.lexicon import cue_has
from .direction import governing_verb
from .lexicon import lexicon

PRESENT_MODALS = {"can", "ca", "should", "must", "may", "might"}
NOT_PRESENT_AUX = {
    "will",
    "'ll",
    "wo",
    "shall",
    "would",
    "'d",
    "had",
    "has",
    "have",
    "'ve",
    "was",
    "were",
    "did",
    "going",
    "to",
    "could",
}
DATE_NEAR = {
    "yesterday",
    "tomorrow",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}


def _scheduled() -> set[str]:
    return {w.lower() for w in lexicon().get("scheduled_verbs", [])}


def _present_clause(verb: Token) -> bool:
    """Simple present, or a base verb under a present modal; nothing past, future or progressive."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & NOT_PRESENT_AUX:
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    if verb.tag_ == "MD":
        return verb.lower_ in PRESENT_MODALS
    return verb.tag_ == "VB" and bool(auxes & PRESENT_MODALS)


def _date_beside(doc: Doc, tok: Token) -> bool:
    """Another day named within three tokens ("today, February 26", "yesterday and today")."""
    for t in doc[max(tok.i - 3, tok.sent.start) : min(tok.i + 5, tok.sent.end)]:
        if t.i == tok.i:
            continue
        if t.lower_ in DATE_NEAR or t.like_num or t.ent_type_ in ("DATE", "TIME"):
            return True
    return False


def make_generic(doc: Doc) -> Callable[[int, int], bool]:
    """A function (start, end) -> whether the "today" there is the present at large."""
    scheduled = _scheduled()

    def generic(start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        tok = span[0]
        if tok.dep_ in ("nsubj", "nsubjpass", "attr", "poss", "conj", "compound", "appos"):
            return False
        if tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "POS":
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ != "of":
            return False  # "by today", "from today", "until today": the day
        if _date_beside(doc, tok):
            return False
        verb = governing_verb(tok, steps=4)
        if verb is None or not _present_clause(verb):
            return False
        if verb.tag_ == "MD":
            lexical = [c for c in verb.children if c.pos_ == "VERB"]
            verb = lexical[0] if lexical else verb
        if any(c.dep_ == "nsubj" and c.lower_ in ("whatever", "what") for c in verb.children):
            return False  # "whatever happens today": that day's events
        lemma = verb.lemma_.lower()
        return not (cue_has(lemma, "speech") or lemma in scheduled or verb.lower_ in scheduled)

    return generic


POINT_PREPS = {"since", "until", "till", "from", "by"}


def _habitual() -> set[str]:
    return {w.lower() for w in lexicon().get("habitual_adverbs", [])}


def make_habitual(doc: Doc) -> Callable[[int, int], bool]:
    """A function (start, end) -> whether the time there recurs: a habitual adverb ("usually",
    "traditionally") modifies it or its clause, in any tense ("was usually held on May 9")."""
    words = _habitual()

    def habitual(start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        if span.start > 0 and doc[span.start - 1].lower_ in POINT_PREPS:
            return False  # "often travels by train since November": a point the habit runs from
        tok, marked = span.root, False
        for _ in range(5):  # up to the clause's verb: "held usually on May 9", "usually present in May"
            marked = marked or any(c.dep_ == "advmod" and c.lower_ in words for c in tok.children)
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "acl") or tok.head.i == tok.i:
                break
            tok = tok.head
        return marked

    return habitual
