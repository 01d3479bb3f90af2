"""Dates, times, durations and sets normalized TIMEX3-style against the publication date.

Regex rules built from `data/times_lexicon.json` (`times/rules*.py`) propose candidates; the longest
non-overlapping ones win, anything inside a non-time name ("World War II", "9/11") is dropped, and
spaCy DATE/TIME entities the rules missed are kept where dateparser can date them (`times/fallback.py`).
Relative expressions resolve against `doc._.sitrep_meta["published"]` (the DCT), reading tense from
the parse: a bare weekday is the latest such day up to the DCT, or the next one after a future, modal
or scheduling verb. Values follow TimeBank: 2022-11-08, 2022-W45, 2022-Q3, 2022-WI, 199, P3D, PXW,
PRESENT_REF, 2022-11-09TNI; without a DCT relative values stay None (or XXXX-style where partial).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...extensions import ensure_extensions
from ...model import Time
from ...text import doc_text
from ..shared.lexicon import cue_has
from . import rules_more, rules_units  # noqa: F401  (register the rest of the rules)
from .fallback import entity_candidates
from .fastre import lowered, may_match, scan_plan
from .lexicon import lexicon
from .rules import RULES, Cand, Ctx

FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
MODAL_AUX = {"must", "should", "could", "might", "may", "can", "ca"}  # non-past unless perfect ("may have")


def _future_cues() -> set[str]:
    return {w.lower() for w in lexicon()["future_cues"]}


def _verb_of(tok: Token) -> Token:
    """The verb governing `tok`, or the noun whose prepositional phrase holds it ("invasion in February")."""
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "a spring offensive": date the offensive
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        if tok.dep_ == "pobj" and tok.head.head.pos_ == "NOUN" and tok.head.dep_ == "prep":
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


def _is_future_verb(verb: Token, cues: set[str], depth: int = 0) -> bool:
    if _has_past_aux(verb):
        return False
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX | MODAL_AUX:
            return True
        if child.dep_ == "aux" and child.lower_ == "going":
            return True
    if verb.lemma_.lower() in ("schedule", "plan", "due", "expect", "set") and verb.tag_ in (
        "VBN",
        "VBZ",
        "VBP",
        "JJ",
    ):
        return True
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children):
        head = verb.head
        if depth > 3 or head.i == verb.i:
            return False
        if head.lemma_.lower() in cues | {"plan", "intend", "aim", "hope", "want", "expect", "schedule"}:
            return _is_future_verb(head, cues, depth + 1) or (
                head.tag_ in ("VBZ", "VBP", "VBN", "VB") and not _has_past_aux(head)
            )
        if head.pos_ in ("VERB", "AUX"):
            return _is_future_verb(head, cues, depth + 1)
    return False


def make_direction(doc: Doc) -> Callable[[int, int], str]:
    """A function (start, end) -> "past" | "future" reading tense around a character span."""
    cues = _future_cues()

    def direction(start: int, end: int) -> str:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return "past"
        before = [t.lower_ for t in doc[max(span.start - 2, span.sent.start) : span.start]]
        if any(w in ("next", "coming", "upcoming", "until", "till") for w in before):
            return "future"
        verb = _finite(_verb_of(span.root))
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
            if verb.tag_ in ("VBZ", "VBP") and cue_has(verb.lemma_, "speech"):
                return "past"  # "Moscow says on Monday ...": the journalistic present reports
            possessive = span.root.dep_ == "poss" or (span.end < len(doc) and doc[span.end].tag_ == "POS")
            possessive = possessive or (  # "Medvedev's remarks Sunday": the day dates a noun, not the verb
                span.root.dep_ in ("npadvmod", "compound", "nmod")
                and span.root.head.pos_ in ("NOUN", "PROPN")
            )
            if (
                verb.tag_ in ("VBZ", "VBP")
                and verb.pos_ == "VERB"
                and verb.lemma_ not in STATIVE
                and not possessive
            ):
                return "scheduled"  # "Orban travels to Moscow on Tuesday": an action set for later
            return "present"
        # a verbless headline or a noun phrase: look for a future auxiliary before it in the sentence
        window = [t.lower_ for t in doc[max(span.start - 8, span.sent.start) : span.start]]
        if any(w in FUTURE_AUX for w in window):
            return "future"
        return "present"

    return direction


def make_tagger(doc: Doc) -> Callable[[int], str]:
    """A function char offset -> fine-grained POS tag of the token there ('' outside tokens)."""
    starts: dict[int, str] = {}  # token start -> tag, built on the first call (few rules ask)

    def tag(i: int) -> str:
        if not starts and len(doc):
            starts.update((t.idx, t.tag_) for t in doc)
        if i in starts:
            return starts[i]
        span = doc.char_span(i, i + 1, alignment_mode="expand")
        return span[0].tag_ if span is not None and len(span) else ""

    return tag


def candidates(
    text: str,
    dct: dt.date | None,
    direction: Callable[[int, int], str],
    tag: Callable[[int], str] | None = None,
) -> list[Cand]:
    """Every rule match over the text (overlapping), negatives included."""
    ctx = Ctx(text, dct, direction, tag or (lambda i: ""))
    out: list[Cand] = []
    low = lowered(text)
    for prio, (name, pattern, handler) in enumerate(RULES):
        fast, clauses = scan_plan(pattern)
        if not may_match(clauses, low):
            continue  # a word every match needs is missing from the text
        for m in fast.finditer(text):
            if m.end() <= m.start():
                continue
            try:
                cand = handler(m, ctx)
            except (KeyError, ValueError, IndexError, TypeError, OverflowError):
                cand = None  # one odd phrase never costs the document
            if cand is not None and cand.end > cand.start:
                cand.rule = cand.rule or name
                out.append(cand)
                cand.prio = prio
    return out


def select(cands: list[Cand]) -> list[Cand]:
    """Longest non-overlapping candidates (earlier rules win ties), minus those inside negatives."""
    negatives = [c for c in cands if c.type == "negative"]
    kept = [
        c
        for c in cands
        if c.type != "negative" and not any(n.start < c.end and c.start < n.end for n in negatives)
    ]
    kept.sort(key=lambda c: (-(c.end - c.start), c.prio, c.start))
    chosen: list[Cand] = []
    for c in kept:
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def resolve_anchors(chosen: list[Cand]) -> None:
    """Values that depend on earlier ones: "a year ago" after a quarter is that quarter a year back."""
    last_quarter: str | None = None
    last_day: str | None = None
    last_year: int | None = None
    for c in chosen:
        if c.anchor and c.anchor.startswith("year:"):
            if last_year:
                last_year += int(c.anchor[5:])
                c.value = f"{last_year:04d}"
            continue
        if c.value and re.match(r"\d{4}(?:$|-)", c.value):
            last_year = int(c.value[:4])
        if c.anchor and c.anchor.startswith("day:"):
            if last_day:
                try:
                    base = dt.date.fromisoformat(last_day) + dt.timedelta(days=int(c.anchor[4:]))
                except ValueError:
                    continue
                c.value = base.isoformat()
                last_day = c.value
            continue
        if c.value and re.match(r"\d{4}-\d\d-\d\d", c.value):
            last_day = c.value[:10]
        if (
            c.value
            and re.fullmatch(r"\d{4}-Q\d", c.value)
            and c.rule == "quarter"
            and "year" not in c.surface
        ):
            last_quarter = c.value
        if c.anchor == "year_back" and last_quarter:
            c.value = f"{int(last_quarter[:4]) - 1:04d}{last_quarter[4:]}"


def find_times(doc: Doc) -> list[Time]:
    """Dates, times, durations and sets normalized TIMEX3-style against the publication date."""
    meta = doc._.sitrep_meta or {}
    dct = meta.get("published")
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    text = doc_text(doc)
    chosen = select(candidates(text, dct, make_direction(doc), make_tagger(doc)))
    extra = entity_candidates(doc, chosen, dct)
    if extra:
        chosen = sorted(chosen + select(extra), key=lambda c: c.start)
    for c in chosen:
        c.surface = text[c.start : c.end].lower()
    resolve_anchors(chosen)
    return [
        Time(text=text[c.start : c.end], span=(c.start, c.end), type=c.type, value=c.value, mod=c.mod)
        for c in chosen
    ]


class TimesComponent:
    """Sets `doc._.sitrep_times`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_times = find_times(doc)
        return doc


@Language.factory(
    "sitrep_times",
    assigns=["doc._.sitrep_times"],
    requires=["doc._.sitrep_document"],
    default_config={},
)
def make_times_component(nlp: Language, name: str) -> TimesComponent:
    """Factory of the times component."""
    ensure_extensions()
    return TimesComponent()
