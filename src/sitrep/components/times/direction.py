"""Which way a relative time points: the tense and aspect of the clause that holds it.

A past clause takes the latest such day up to the publication date, a future or scheduling one the
next; "is to", "would" (not "would have"), "plans to", "expected to" look ahead; a participle takes its
finite verb's tense; a headline's present tense reports the recent past.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ...text import doc_text
from ..shared.lexicon import cue_has
from .lexicon import lexicon

FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
MODAL_AUX = {"must", "should", "could", "might", "may", "can", "ca"}  # non-past unless perfect ("may have")


def _future_cues() -> set[str]:
    return {w.lower() for w in lexicon()["future_cues"]}


DEADLINE = {"by", "until", "till", "through", "before"}  # "double its flights by August": the verb's


def governing_verb(tok: Token, steps: int = 6) -> Token | None:
    """The nearest verb above a noun, at most `steps` up ("named commander for a mission in December":
    named)."""
    for _ in range(steps):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _verb_of(tok: Token) -> Token:
    """The verb governing `tok`, or the noun whose prepositional phrase holds it ("invasion in February")."""
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "a spring offensive": date the offensive
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        if (
            tok.dep_ == "pobj"
            and tok.head.head.pos_ == "NOUN"
            and tok.head.dep_ == "prep"
            and tok.head.lower_ not in DEADLINE
        ):
            return tok.head.head
        tok = tok.head
    return tok


PAST_AUX = {"had", "was", "were", "did", "has", "have", "'d", "would"}
STATIVE = {"be", "have", "remain", "seem", "appear", "know", "believe", "think", "mean", "include", "contain"}


def _finite(verb: Token) -> Token:
    """The finite verb whose tense a participle or gerund shares ("will travel, including on Tuesday")."""
    for _ in range(3):
        if verb.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return verb
        if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl"):
            return verb  # "the terms, announced Friday, would give": the participle has its own time
        if verb.dep_ not in ("prep", "advcl", "acl", "xcomp", "conj") or verb.head.pos_ not in (
            "VERB",
            "AUX",
        ):
            return verb
        verb = verb.head
    return verb


def _has_past_aux(verb: Token) -> bool:
    """A past or perfect auxiliary on the verb, or on the copula of a predicate adjective ("had been due")."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in PAST_AUX for c in verb.children):
        return True
    if verb.dep_ in ("acomp", "attr") and verb.head.i != verb.i:
        head = verb.head
        return head.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in PAST_AUX for c in head.children)
    return False


BE_PRESENT = {"is", "are", "'s", "'re", "am"}


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _infinitive(verb: Token) -> bool:
    """ "to reopen", and the passive "to be sworn in"."""
    if not any(c.lower_ == "to" for c in verb.children):
        return False
    return verb.tag_ == "VB" or (verb.tag_ == "VBN" and "be" in _aux_words(verb))


def _looks_ahead(verb: Token) -> bool:
    """ "would" without "have" (the future of a reported past), and "is to" / "are to" + verb."""
    auxes = _aux_words(verb)
    if "would" in auxes and not auxes & {"have", "'ve", "had"}:
        return True
    if _infinitive(verb) and "to" in auxes:
        head = verb.head
        if auxes & BE_PRESENT or (head.i != verb.i and head.lemma_ == "be" and head.lower_ in BE_PRESENT):
            return True  # "the talks are to resume on Friday"
    return False


def _scheduled_participle(verb: Token) -> bool:
    """ "scheduled", "planned", "due", "expected", "set for": a participle or adjective that looks ahead;
    "set" only with "is/are" or "for/to" ("the record set on Aug. 6" is past)."""
    if verb.lemma_.lower() not in ("schedule", "plan", "due", "expect", "set"):
        return False
    if verb.tag_ not in ("VBN", "VBZ", "VBP", "JJ"):
        return False
    if verb.lemma_.lower() == "set" and verb.tag_ == "VBN":
        return bool(_aux_words(verb) & BE_PRESENT) or any(c.lower_ in ("for", "to") for c in verb.children)
    return True


def _is_future_verb(verb: Token, cues: set[str], depth: int = 0) -> bool:
    if _looks_ahead(verb):
        return True
    if _has_past_aux(verb):
        return False
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX | MODAL_AUX:
            return True
        if child.dep_ == "aux" and child.lower_ == "going":
            return True
    if _scheduled_participle(verb):
        return True
    if _infinitive(verb):
        head = verb.head
        if depth > 3 or head.i == verb.i:
            return False
        wants = cues | {"plan", "intend", "aim", "hope", "want", "expect", "schedule"}
        if head.lemma_.lower() in wants or head.lower_ in wants:  # spaCy lemmatizes "hopes" as "hop"
            return _is_future_verb(head, cues, depth + 1) or (
                head.tag_ in ("VBZ", "VBP", "VBN", "VB") and not _has_past_aux(head)
            )
        if head.pos_ in ("VERB", "AUX"):
            return _is_future_verb(head, cues, depth + 1)
    return False


def _past_in_present_form(verb: Token) -> bool:
    """A verb tagged present that is a past: "drones hit Kyiv" (same spelling in both tenses) or a
    plural form after a singular noun ("weakness hurt the index")."""
    if verb.tag_ != "VBP":
        return False
    if verb.lower_ in _same_form_past():
        return True
    return any(
        c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") and c.lower_ not in ("i", "you") for c in verb.children
    )


def _same_form_past() -> set[str]:
    return {w.lower() for w in lexicon().get("same_form_past", [])}


def _arranged(verb: Token, root: Token) -> bool:
    """An arrangement in the present: "the ministers are meeting Thursday", "the vote is Sunday"."""
    if verb.tag_ == "VBG" and verb.lemma_ not in STATIVE and _aux_words(verb) & BE_PRESENT:
        return True
    return (
        verb.lemma_ == "be"
        and verb.tag_ in ("VBZ", "VBP")
        and root.head.i == verb.i
        and root.dep_ in ("attr", "npadvmod")
    )


def headline_end(text: str) -> int:
    """End of a headline the text opens with (a short first line without a full stop), else 0."""
    first = text.find("\n")
    if not 0 < first <= 200:
        return 0
    line = text[:first].rstrip()
    return first if line and line[-1] not in ".!?:\"'”’" else 0


def make_direction(doc: Doc) -> Callable[[int, int], str]:
    """A function (start, end) -> "past" | "future" reading tense around a character span."""
    cues = _future_cues()
    head_end = headline_end(doc_text(doc))

    def direction(start: int, end: int) -> str:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return "past"
        before = [t.lower_ for t in doc[max(span.start - 2, span.sent.start) : span.start]]
        if any(w in ("next", "coming", "upcoming") for w in before):
            return "future"
        if before[-1:] == ["since"]:
            return "past"  # "thousands of shootings since January 1st"
        verb = _finite(_verb_of(span.root))
        if any(w in ("until", "till") for w in before):
            past = verb.pos_ in ("VERB", "AUX") and (verb.tag_ == "VBD" or _has_past_aux(verb))
            return "present" if past else "future"  # "stayed until Friday" is the nearest Friday
        if verb.pos_ in ("VERB", "AUX"):
            if _is_future_verb(verb, cues):
                between = doc[min(verb.i, span.start) : max(verb.i, span.start)]
                far = len(between) > 6 or any(t.text in (",", ";", "--") for t in between)
                after_noun = (
                    span.start >= 2
                    and doc[span.start - 1].pos_ == "ADP"
                    and doc[span.start - 2].pos_ == "NOUN"
                )
                # "will open on Monday, nine months after the invasion in February": the noun dates it
                return "present" if far and after_noun else "future"
            if verb.tag_ in ("VBD",) or _has_past_aux(verb):
                return "past"
            if verb.tag_ == "VBN" and not _aux_words(verb):
                return "past"  # "the fiscal year ended Jan. 31", "talks held on Monday"
            if _past_in_present_form(verb):
                return "past"
            if verb.tag_ in ("VBZ", "VBP") and cue_has(verb.lemma_, "speech"):
                return "past"  # "Moscow says on Monday ...": the journalistic present reports
            possessive = span.root.dep_ == "poss" or (span.end < len(doc) and doc[span.end].tag_ == "POS")
            possessive = possessive or (  # "Medvedev's remarks Sunday": the day dates a noun, not the verb
                span.root.dep_ in ("npadvmod", "compound", "nmod")
                and span.root.head.pos_ in ("NOUN", "PROPN")
            )
            action = verb.tag_ in ("VBZ", "VBP") and verb.pos_ == "VERB" and verb.lemma_ not in STATIVE
            if (action or _arranged(verb, span.root)) and not possessive:
                if start < head_end:
                    return "past"  # a headline's present reports: "Russia shells Kharkiv on Monday"
                return "scheduled"  # "Orban travels to Moscow on Tuesday": an action set for later
            return "present"
        # a verbless headline or a noun phrase: the verb above it, or a future auxiliary before it
        above = governing_verb(verb)
        if above is not None and _is_future_verb(_finite(above), cues):
            return "future"
        window = [t.lower_ for t in doc[max(span.start - 8, span.sent.start) : span.start]]
        if any(w in FUTURE_AUX for w in window):
            return "future"
        return "present"

    return direction
