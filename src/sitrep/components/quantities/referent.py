"""What a figure refers to: the thing counted, its side, place and scope in time (`Quantity.referent`).

Read over the parse around a figure the quantities component found: the counted noun (its lemma
normalized with `data/referent_counted.tsv`), the party it belongs to (a demonym or party word in the
counted words, a possessive before the number, "of the Russian army", or the subject of an own-side
verb: "Russia massed 100,000 troops"), the place attached to the figure or its verb by a preposition,
and its scope ("since February 24", "per day", "3,000 more troops", "a total of", a percentage).
Counts of countries, sides or leaders, survey samples and "the two men" are marked not countable.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Span, Token

from ...model import Place, Quantity, Referent
from ...referents import (
    Counted,
    border_words,
    counted_of,
    hypothetical_cues,
    locative_preps,
    measure_units,
    owner_verbs,
    referent_from_subject,
    sample_words,
    side_of,
)
from ...text import doc_text
from ..shared.clauses import children_with, doc_memo, memo_of
from ..shared.spans import SpanCover
from .lexicon import lemma, outcome_lexicon
from .scope import PEOPLE_UNITS, find_scope, part_of

log = logging.getLogger(__name__)

CLAUSE_BREAKS = {"ccomp", "advcl", "relcl", "conj", "parataxis", "acl"}
PLACE_PATH = {
    "prep",
    "pobj",
    "poss",
    "compound",
    "amod",
    "appos",
    "pcomp",
    "npadvmod",
    "case",
    "conj",
    "advmod",
}
DEFINITE = {"the", "these", "those"}
POPULATIONS = {"person", "population", "respondent", "voter", "adult", "citizen", "public"}
CUMULATIVE = {"as_of", "since", "total"}
LOSSES = {"killed", "wounded", "missing", "lost"}  # what a side suffers: "Russia has had 70,000 casualties"


def _figure(doc: Doc, q: Quantity) -> Span | None:
    return doc.char_span(q.span[0], q.span[1], alignment_mode="expand")


def _subject_span(doc: Doc, fig: Span, subject: str | None) -> Span | None:
    """The subject's words in the sentence: after the figure if there, else the nearest occurrence."""
    if not subject:
        return None
    sent = fig.sent
    text = sent.text
    base = sent.start_char
    words = subject.split()
    for cand in (subject, " ".join(words[1:]) if len(words) > 1 else None):
        if not cand:
            continue
        at = text.find(cand, fig.end_char - base)
        if at < 0:
            at = text.find(cand)
            if at >= 0 and ";" in text[at : fig.start_char - base]:
                return None  # another clause's words: `_borrowed`
        if at >= 0:
            return doc.char_span(base + at, base + at + len(cand), alignment_mode="expand")
    return None


def _borrowed(fig: Span, subject: str | None) -> bool:
    """Whether the figure's subject words are only another clause's, across a semicolon ("had positioned
    190,000 troops; Ukraine's military totals about 200,000"): they say nothing of its side."""
    if not subject:
        return False
    text, base = fig.sent.text, fig.sent.start_char
    head = subject.split()[-1]  # "Iranian fighters" built from "Iran had sent 4,000 fighters"
    if head in text[fig.end_char - base :]:
        return False
    at = text.find(head)
    return 0 <= at < fig.start_char - base and ";" in text[at : fig.start_char - base]


def _head(words: Span | None) -> Token | None:
    """The counted noun: the last word before an "of"/"in" phrase of the subject ("residents of Kherson")."""
    if words is None:
        return None
    toks = []
    for t in words:
        if t.pos_ == "ADP" or t.lower_ in ("of", "in"):
            break
        toks.append(t)
    toks = [t for t in toks if t.pos_ not in ("PUNCT", "DET")]
    return toks[-1] if toks else None


def _verb(tok: Token) -> Token | None:
    """The nearest verb governing a token."""
    for x in [tok, *tok.ancestors]:
        if x.pos_ in ("VERB", "AUX"):
            return x
    return None


def _clause(anchor: Token) -> list[Token]:
    """The tokens of the clause holding `anchor` (its verb's subtree without other clauses)."""
    verb = _verb(anchor)
    if verb is None:
        return list(anchor.sent)
    out: list[Token] = []
    stack = [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in CLAUSE_BREAKS and not (c.left_edge.i <= anchor.i <= c.right_edge.i):
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _counted(q: Quantity, head: Token | None) -> Counted | None:
    if head is None:
        if q.unit in PEOPLE_UNITS:
            return Counted("person", True)
        if q.unit == "money":
            return Counted("money", True)
        return None
    if head.pos_ == "PROPN" and side_of(head.text):
        return Counted("person", True)  # "1,000 Americans", "two Ukrainians"
    prev = head.doc[head.i - 1] if head.i > 0 else None
    before = lemma(prev) if prev is not None and prev.pos_ in ("NOUN", "ADJ", "PROPN") else None
    return counted_of(lemma(head), before)


def _pro(tok: Token) -> bool:
    """True for "pro-Russian" written as one token or as "pro - Russian"."""
    if tok.lower_.startswith("pro-"):
        return True
    return tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "pro"


def _side_in(tokens: list[Token]) -> str | None:
    for t in tokens:
        if _pro(t):
            continue
        s = side_of(t.text) or (side_of(t.text.split("-")[-1]) if "-" in t.text else None)
        if s:
            return s
    return None


def _side(
    doc: Doc, fig: Span, words: Span | None, head: Token | None, q: Quantity, military: bool
) -> str | None:
    """The party the counted belong to (its name), or None."""
    subject = q.subject
    found = _side_in(list(words)) if words is not None else None
    if found:
        return found
    if subject and words is None:  # the subject was built from context ("Russian" + "troops")
        found = next((s for w in subject.split() if (s := side_of(w))), None)
        if found:
            return found
    if subject and words is not None and len(subject) > len(words.text):
        found = next((s for w in subject.split()[:1] if (s := side_of(w))), None)
        if found:
            return found
    # a possessive right before the figure: "Russia's 190,000 troops"
    if fig.start >= 2 and doc[fig.start - 1].tag_ == "POS":
        found = _side_in([doc[fig.start - 2]])
        if found:
            return found
    if head is not None:
        for c in head.children:  # "soldiers of the Russian army"
            if c.dep_ == "prep" and c.lower_ == "of":
                found = _side_in([t for g in c.children for t in g.subtree])
                if found:
                    return found
        verb = _verb(head)
        if verb is not None and _owner_verb(verb, military, bool(q.outcome) and set(q.outcome) <= LOSSES):
            subj = _subject(verb)  # "Russia has massed 100,000 troops", "the US moved 3,000 troops"
            if subj is not None:
                return _side_in(list(subj.subtree))
    return None


def _owner_verb(verb: Token, military: bool, loss: bool) -> bool:
    """Whether the verb's subject is the side of what it counts: an own-side outcome verb ("massed",
    "deployed", "lost"), a verb of suffering losses ("suffered 500 casualties"; "has had" for losses
    only: `data/referent_owner_verbs.tsv`), or for armed forces any verb but one that harms them
    ("killed", "captured")."""
    name = verb.lemma_.lower()
    hit = outcome_lexicon().get(name)
    if hit is not None:
        return hit[1]
    when = owner_verbs().get(name)
    if when is not None:
        return when == "any" or loss
    return military


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with or subordinate to."""
    for v in (verb, verb.head):
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        if subj:
            return subj[0]
        if verb.dep_ not in ("conj", "advcl", "xcomp"):
            break
    return None


def places_index(doc: Doc) -> tuple[list[Place], SpanCover]:
    """The Doc's places and an index of their spans, built once per places list (read per figure)."""
    source = doc._.sitrep_places

    def build() -> tuple[list[Place], SpanCover]:
        places = list(source or [])
        return places, SpanCover(p.span for p in places)

    return memo_of(doc, "quantity_places", source, build)


def _place(doc: Doc, fig: Span, head: Token | None, side: str | None) -> Place | None:
    """A place attached by a preposition to the counted noun or the figure's verb (an unnamed border:
    `_border_place`)."""
    anchor = head if head is not None else fig.root
    targets = {anchor.i}
    verb = _verb(anchor)
    if verb is not None:
        targets.add(verb.i)
    sent = fig.sent
    best: tuple[int, Place] | None = None
    places, cover = places_index(doc)
    for k in sorted(k for _s, _e, k in cover.within(sent.start_char, sent.end_char)):
        p = places[k]
        tok = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        if tok is None:
            continue
        x = tok.root
        steps = 0
        last_prep: str | None = None  # the preposition nearest the figure says how the place attaches
        while x.head.i != x.i and steps < 6 and x.i not in targets:
            if x.dep_ not in PLACE_PATH or (x.dep_ == "conj" and x.pos_ in ("VERB", "AUX")):
                break
            if x.dep_ == "prep":
                last_prep = x.lemma_.lower()
            x = x.head
            steps += 1
        # "at the border with Ukraine" attaches by "at"; "according to the White House" never does
        if x.i in targets and last_prep in locative_preps() and (best is None or steps < best[0]):
            best = (steps, p)
    if best is not None:
        return best[1]
    return _demonym_place(anchor, targets) or _border_place(doc, fig, anchor, targets, side)


def _border_place(doc: Doc, fig: Span, anchor: Token, targets: set[int], side: str | None) -> Place | None:
    """A border named by no country ("near the border", "on its borders", "around its western
    neighbour") is the border of the country the story last named before the figure, other than the
    side's own: in "Moscow has deployed 100,000 soldiers near the border" after "denies planning to
    enter Ukraine", Ukraine."""
    if not any(
        obj.dep_ == "pobj" and obj.lemma_.lower() in border_words()
        for i in sorted(targets)
        for prep in doc[i].children
        if prep.dep_ == "prep" and prep.lemma_.lower() in locative_preps()
        for obj in prep.children
    ):
        return None
    own = (side or "").lower()
    before = [
        p
        for p in doc._.sitrep_places or []
        if p.feature == "country" and p.span[1] <= fig.start_char and p.name.lower() != own
    ]
    return before[-1] if before else None


def _demonym_place(anchor: Token, targets: set[int]) -> Place | None:
    """A country named by a demonym in a locative phrase on the figure or its verb: "on the Ukrainian
    border", "in Russian territory" (the country's gazetteer entry)."""
    from ...gazetteer import load

    for i in sorted(targets):
        for prep in anchor.doc[i].children:
            if prep.dep_ != "prep" or prep.lemma_.lower() not in locative_preps():
                continue
            for obj in prep.children:
                for mod in obj.children:
                    if mod.dep_ != "amod" or _pro(mod):
                        continue
                    country = load().demonym(mod.text)
                    entries = [e for e, _ in load().lookup(country)] if country else []
                    entry = next((e for e in entries if e.feature == "country"), None)
                    if entry is not None:
                        return Place(text=mod.text, span=(mod.idx, mod.idx + len(mod.text)), name=entry.name,
                                     country=entry.country, lat=entry.lat, lon=entry.lon, feature="country",
                                     gazetteer_id=entry.gid)  # fmt: skip
    return None


_MARK = frozenset({"mark"})


def _hypothetical(doc: Doc, fig: Span) -> bool:
    """A figure supposed, not claimed: in a clause under "if"/"whether", or after "no matter" in its
    sentence ("no matter how many - 50,000, 150,000 or 1 million - soldiers")."""
    marks, phrases = hypothetical_cues()
    verb = _verb(fig.root)
    for v in [verb, *(verb.ancestors if verb is not None else [])]:
        if v is not None and any(c.lower_ in marks for c in children_with(v, _MARK)):
            return True
    sent = fig.sent
    first_end = _first_phrase_end(doc, sent.start_char, sent.end_char, phrases)
    if first_end is not None:  # where the first phrase in the sentence ends (read once per sentence)
        return first_end <= fig.start_char - sent.start_char
    before = doc_text(doc)[sent.start_char : fig.start_char].lower()
    return any(p in before for p in phrases)


def _first_phrase_end(doc: Doc, start: int, end: int, phrases: tuple[str, ...]) -> int | None:
    """The end of the earliest-ending occurrence of any phrase in the lowercased sentence [start, end), as
    an offset into it (past the end when there is none); None for a sentence not all ASCII (whose
    lowercase may not keep its length)."""
    index: dict[int, int | None] = doc_memo(doc, "hypothetical_phrases", dict)
    if start not in index:
        text = doc_text(doc)[start:end]
        if not text.isascii():
            index[start] = None
        else:
            low = text.lower()
            ends = [k + len(p) for p in phrases for k in (low.find(p),) if k >= 0]
            index[start] = min(ends, default=len(low) + 1)
    return index[start]


def _countable(doc: Doc, q: Quantity, fig: Span, counted: Counted | None, scope: str | None) -> bool:
    if counted is None or not counted.countable or q.vague or part_of(doc, fig) or _hypothetical(doc, fig):
        return False
    if q.unit in measure_units():
        return False  # a distance or an area: where, not how many
    if q.unit == "money" and (scope not in CUMULATIVE or counted.counted == "money"):
        return False  # one sum (a package, a price, a fine) or a sum for nothing named, not a running total
    if q.unit == "percent" and counted.counted in POPULATIONS:
        return False  # "64 percent of Ukrainians": a poll's answer to its own question, not a count
    near = list(doc[max(fig.sent.start, fig.start - 4) : fig.start])
    verb = _verb(fig.root)
    if any(lemma(t) in sample_words() for t in near) or (verb is not None and lemma(verb) in sample_words()):
        return False  # "a poll of 1,000 adults", "surveyed 2,000 people"
    prev = doc[fig.start - 1] if fig.start > 0 else None
    small = q.low is not None and q.low == q.high and q.low <= 10 and q.qualifier == "exact"
    if prev is not None and prev.lower_ in DEFINITE and small:
        return False  # "the two men", "those three countries": a known set, not an estimate
    return True


def find_referent(doc: Doc, q: Quantity) -> Referent:
    """The referent of one figure found in `doc` (see the module docstring)."""
    fig = _figure(doc, q)
    if fig is None or len(fig) == 0:
        return referent_from_subject(q.subject, q.unit, q.outcome)
    if _borrowed(fig, q.subject):
        q = q.model_copy(update={"subject": None})
    words = _subject_span(doc, fig, q.subject)
    head = _head(words)
    counted = _counted(q, head)
    anchor = head if head is not None else fig.root
    clause = _clause(anchor)
    scope, period = find_scope(doc, q, fig, words, clause)
    side = _side(doc, fig, words, head, q, counted is not None and (counted.military or counted.arms))
    place = _place(doc, fig, head, side)
    name = counted.counted if counted is not None else None
    if q.unit == "percent" and head is None:
        name = None
    return Referent(
        counted=name,
        side=side,
        place=place.name if place else None,
        place_id=place.gazetteer_id if place else None,
        scope=scope,
        period=period,
        countable=_countable(doc, q, fig, counted, scope),
    )


def add_referents(doc: Doc, quantities: list[Quantity]) -> list[Quantity]:
    """Set `referent` on each figure (one that cannot be read keeps None; the document goes on)."""
    for q in quantities:
        try:
            q.referent = find_referent(doc, q)
        except Exception:  # one bad item never costs the document
            log.warning("referent: skipped %r", q.text, exc_info=True)
    return quantities
