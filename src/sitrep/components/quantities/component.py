"""Quantitative claims with bounds, hedges, subjects, outcomes and claimants.

Each number expression (`quantities/scan.py`) becomes a `Quantity` when it counts something: a noun
after it, an outcome verb around it, a currency or a percentage of something. Its subject and unit
come from `quantities/subject.py`, its outcome and hedges from `quantities/context.py`; its claimant
is the speaker of the statement whose content holds it, else the outlet; elliptical follow-ups come
from `quantities/ellipsis.py`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...extensions import ensure_extensions
from ...model import Place, Quantity, Statement, Time
from ...numbers import Amount
from ..shared.clauses import memo_of
from ..shared.spans import SpanCover
from .claimant import find_claimant
from .context import find_hedges, find_outcome
from .ellipsis import find_followups
from .lexicon import (
    collectives,
    demonyms,
    is_nationality,
    lemma,
    source_words,
    unit_lexicon,
    unit_names,
    vote_words,
)
from .referent import add_referents, places_index
from .scan import amount_span, find_amounts
from .subject import MEASURES, Counted, find_counted, tally_subject
from .votes import vote_side

PEOPLE_OUTCOMES = {
    "killed",
    "wounded",
    "missing",
    "captured",
    "displaced",
    "evacuated",
    "fled",
    "arrested",
    "detained",
    "abducted",
    "deported",
    "rescued",
    "released",
    "amassed",
    "deployed",
    "mobilized",
}


log = logging.getLogger(__name__)
MONEY_OUTCOMES = {"lost", "released"}


_Located = TypeVar("_Located", Place, Time)


def _nearest(items: Sequence[_Located], cover: SpanCover, sent: Span, at: int) -> _Located | None:
    """The item with a span inside `sent` nearest to character `at` (the first listed of equals)."""
    inside = sorted(k for _s, _e, k in cover.within(sent.start_char, sent.end_char))
    if not inside:
        return None
    return items[min(inside, key=lambda k: abs(items[k].span[0] - at))]


def _dated(doc: Doc) -> tuple[list[Time], SpanCover]:
    """The Doc's times other than durations, with an index of their spans (built once per times list)."""
    source = doc._.sitrep_times

    def build() -> tuple[list[Time], SpanCover]:
        times = [t for t in (source or []) if t.type != "duration"]
        return times, SpanCover(t.span for t in times)

    return memo_of(doc, "quantity_times", source, build)


def _place_and_time(doc: Doc, sent: Span, at: int) -> tuple[str | None, str | None]:
    place = _nearest(*places_index(doc), sent, at)
    time = _nearest(*_dated(doc), sent, at)
    return (place.name if place else None, (time.value or time.text) if time else None)


def _nationality(span: Span | None) -> str | None:
    if span is None:
        return None
    for t in span:
        if is_nationality(t):
            return t.text
    return None


def _coordinated(doc: Doc, prev: Amount, prev_end: int, a: Amount) -> bool:
    """True when only conjunctions, commas and bounding words stand between two counted phrases."""
    between = doc[prev_end : a.start]
    return len(between) <= 3 and any(t.lower_ in ("and", "or", ",") for t in between)


def _designation(doc: Doc, a: Amount, counted: Counted) -> bool:
    """True for a model or rank number before a singular noun: 'the 486 chip', 'No. 1 carmaker'."""
    prev = [t.text for t in doc[max(0, a.start - 2) : a.start]]
    if prev and (prev[-1].lower() in ("no.", "nr.", "#", "model", "type") or prev[-2:] == ["No", "."]):
        return True
    head = counted.head
    if head is None or a.vague or a.low != a.high or a.low in (0, 1) or counted.unit != "count":
        return False
    if head.dep_ == "compound":
        return False  # "three tunnel shafts": the noun modifies a plural head
    return (
        head.tag_ == "NN"
        and head.lemma_.lower() not in unit_lexicon()
        and a.end < len(doc)
        and doc[a.end].tag_ == "NN"
    )


def _informants(doc: Doc, a: Amount, counted: Counted) -> bool:
    """True for a count of the reporter's sources: 'two officials said', 'according to three witnesses'."""
    head = counted.head
    words = source_words()
    if head is None or a.vague:
        return False
    if a.low == a.high == 1 and head.dep_ == "nsubj" and head.head.lemma_.lower() in words.get("speech", ()):
        return True  # "One woman said she hid under the bodies"
    if lemma(head) not in words.get("source", ()):
        return False
    if a.start >= 2 and doc[a.start - 2].lower_ == "according" and doc[a.start - 1].lower_ == "to":
        return True
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in words.get("speech", ()):
        return True
    for c in head.children:  # "two officials who asked not to be named", "... who spoke to Reuters"
        if c.dep_ != "relcl" or not any(
            g.dep_ == "nsubj" and g.lower_ in {"who", "that"} for g in c.children
        ):
            continue
        if c.lemma_.lower() in words.get("speech", ()) or c.lemma_.lower() in words.get("anonymity", ()):
            return True
    return False


def _conversion(doc: Doc, a: Amount, prev: Prev | None) -> bool:
    """True for a unit conversion in brackets right after a measure: '10km (6 miles)'."""
    if prev is None or a.start < 2 or doc[a.start - 1].text != "(":
        return False
    return prev[2].unit in MEASURE_NAMES and doc[a.start - 2].idx < prev[2].span[1] + 8


def _collective(doc: Doc, a: Amount) -> str | None:
    """The unit of 'a population of 70,000' (a collective noun before 'of'), else None."""
    if a.start >= 2 and doc[a.start - 1].lower_ == "of":
        return collectives().get(doc[a.start - 2].lemma_.lower())
    return None


Prev = tuple[Amount, int, Quantity, Span | None]


MEASURE_NAMES = frozenset(unit_names().values())
_WHO = {"who", "whom", "of", "were", "are", "have", "had", "died", "fled"}


def _bare_figure(doc: Doc, a: Amount) -> bool:
    """True for a figure with no noun after it that still reports a count: 'losses reached 473 400',
    'exceeds 465,000', '2,000 from the 82nd Airborne', 'including 9,000 who ...'."""
    value = a.low if a.low is not None else a.high
    if not isinstance(value, int):
        return False
    core = doc[a.core_start : a.end]
    grouped = any("," in t.text for t in core) or len(core) > 1
    after = doc[a.end] if a.end < len(doc) else None
    if after is not None and after.lower_ in ("who", "whom") and value >= 2:
        return True
    if a.qualifier != "exact" and value >= 10:
        return True
    return value >= 1000 or (grouped and value >= 100)


def _the_few(doc: Doc, a: Amount) -> bool:
    """True for a number with no noun as a clause's subject: 'the two were sharing a joke', 'the
    three met in Minsk', 'of the 45 killed, 12 were children' (people the story has named)."""
    tok = doc[a.end - 1]
    det = a.start > 0 and doc[a.start - 1].lower_ in ("the", "these", "those", "all")
    return (
        a.end - a.core_start == 1
        and isinstance(a.low, int)
        and a.low == a.high
        and 2 <= a.low <= (12 if det else 999)
        and (det or a.start == 0 or doc[a.start - 1].pos_ not in ("DET", "PRON", "ADP"))
        and tok.dep_ in ("nsubj", "nsubjpass")
        and tok.head.pos_ in ("VERB", "AUX")
        and tok.head.i > tok.i
    )


_BARE_NEXT = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "SYM"})


def _elliptic(doc: Doc, a: Amount, prev: Prev | None) -> Counted | None:
    """A bare number that repeats the percentage shortly before it in its sentence: 'support was 56
    percent in May and 61 in June', '45% backed it while 30 opposed it'. None when a noun, an
    adjective, a unit or another number follows it."""
    if prev is None or a.vague or a.end - a.core_start != 1:
        return None
    p_amount, p_end, p_q, _ = prev
    value = a.low if a.low is not None else a.high
    after = doc[a.end] if a.end < len(doc) else None
    if (
        value is None
        or doc[a.start].sent.start != doc[p_amount.start].sent.start
        or a.start - p_end > 12
        or (after is not None and (after.pos_ in _BARE_NEXT or after.like_num or after.text in ("-", "–")))
        or doc[a.core_start].is_title  # "One", "Two": a name or a sentence start, not a follow-up
    ):
        return None
    if p_q.unit == "percent" and 0 < value <= 100:
        return Counted(None, None, "percent", None)
    return None


def _claim(
    doc: Doc,
    a: Amount,
    prev: Prev | None,
    n: int,
    statements: list[Statement],
) -> tuple[Quantity, Prev] | None:
    """The claim an amount makes, or None when it counts nothing."""
    counted = find_counted(doc, a)
    vote = vote_side(doc, a)
    if vote is not None and (counted.head is None or lemma(counted.head) in vote_words()):
        counted = Counted(None, None, "votes", None)  # "the final vote was 79 to 18"
    if counted.head is None and counted.unit == "count" and counted.currency is None and a.unit is None:
        tally = tally_subject(doc, a)  # "the number of displaced people rose to 120 million"
        if tally is not None and (tally.tally or _bare_figure(doc, a)):
            counted = tally
    if counted.head is None and counted.unit == "count" and counted.currency is None and a.unit is None:
        counted = _elliptic(doc, a, prev) or counted  # "56 percent in May and 61 in June"
    outcomes, side, verb = find_outcome(doc, a, counted)
    if counted.unit == "money":
        # a sum can be lost or released, not killed or destroyed ("claims for $1.5 billion damages")
        outcomes, side = [o for o in outcomes if o in MONEY_OUTCOMES], None
    if (
        counted.head is None
        and counted.currency is None
        and counted.unit == "count"
        and (not isinstance(a.low if a.low is not None else a.high, int))
    ):
        return None  # "fell to 437.68": an index or a rate, not a count
    if counted.unit == "percent" and a.high == 100 and counted.span is None:
        return None  # "100 percent certain": a manner of speaking
    if _designation(doc, a, counted) or _conversion(doc, a, prev):
        return None
    if not outcomes and _informants(doc, a, counted):
        return None
    collective = _collective(doc, a)
    few = counted.head is None and counted.unit == "count" and _the_few(doc, a)
    if (
        not few
        and counted.head is None
        and not outcomes
        and counted.currency is None
        and not a.vague
        and counted.unit not in MEASURES
        and counted.unit not in ("percent", "times", "votes")
        and collective is None
        and not _bare_figure(doc, a)
    ):
        return None
    span = amount_span(doc, a)
    if (
        counted.measure is not None
        and span.end < len(doc)
        and (lemma(doc[span.end]) in unit_names() or lemma(doc[span.end]) == "pound")
    ):
        span = doc[span.start : span.end + 1]  # "19 miles", "40km": the measure's unit is part of the figure
    sent = span.sent
    subject_span = counted.span
    subject = subject_span.text if subject_span is not None else None
    if subject is None and counted.unit == "votes":
        subject = f"votes {vote}"
    unit = counted.unit
    if unit == "count" and counted.head is None and set(outcomes) & PEOPLE_OUTCOMES:
        unit = "people"
    if unit == "count" and counted.head is None and collective is not None:
        unit = collective
    if few or unit == "count" and counted.head is None and a.end < len(doc) and doc[a.end].lower_ in _WHO:
        unit = "people"  # "including 9,000 who have crossed since dawn"
    same_sent = prev is not None and prev[2].span[0] >= sent.start_char
    if prev is not None and same_sent:
        p_amount, p_end, p_q, p_subj = prev
        if (
            subject is None
            and counted.head is None
            and counted.unit not in ("percent", "times")  # "... and shelling rose threefold"
            and p_q.subject
            and (_coordinated(doc, p_amount, p_end, a) or p_q.unit == "people")
        ):
            subject, unit = p_q.subject, p_q.unit  # "12 people were killed and 30 were wounded"
        elif (
            subject
            and unit in ("people", "count")
            and p_q.unit == unit
            and _nationality(subject_span) is None
            and _nationality(p_subj)
            and _coordinated(doc, p_amount, p_end, a)
        ):
            subject = f"{_nationality(p_subj)} {subject}"
        if not outcomes and _coordinated(doc, p_amount, p_end, a):
            outcomes = list(p_q.outcome)
    if side is not None and subject and _nationality(subject_span) is None and unit == "people":
        adj = demonyms().get(side.text.lower()) or (side.text if is_nationality(side) else None)
        if adj:
            subject = f"{adj} {subject}"
    hedges = find_hedges(doc, a, counted, verb)
    place, time = _place_and_time(doc, sent, span.start_char)
    if counted.measure is not None and unit in MEASURES:
        unit = counted.measure
    q = Quantity(
        id=f"q{n + 1}",
        text=span.text,
        span=(span.start_char, span.end_char),
        low=a.low,
        high=a.high,
        qualifier=a.qualifier,
        unit="items" if unit == "count" else unit,
        currency=counted.currency,
        subject=subject,
        outcome=outcomes,
        hedged=bool(hedges),
        hedges=hedges,
        vague=a.vague,
        claimant=find_claimant(doc, (span.start_char, span.end_char), span[0], statements),
        place=place,
        time=time,
    )
    end = subject_span.end if subject_span is not None else a.end
    return q, (a, end, q, subject_span)


def find_quantities(doc: Doc, statements: list[Statement] | None = None) -> list[Quantity]:
    """Quantitative claims with bounds, hedges, subjects, outcomes and claimants."""
    out: list[Quantity] = []
    prev: Prev | None = None
    if statements is None:
        statements = list(doc._.sitrep_statements or [])
    for a in find_amounts(doc):
        try:
            got = _claim(doc, a, prev, len(out), statements)
        except Exception:  # one bad item never costs the document
            log.warning("quantities: skipped %r", doc[a.start : a.end].text, exc_info=True)
            continue
        if got is not None:
            out.append(got[0])
            if a.start == 0 or doc[a.start - 1].lower_ not in ("including", "among"):
                prev = got[1]  # a subset ("including 12 Americans") does not name what follows
    out.extend(find_followups(doc, out, lambda sp: find_claimant(doc, sp, _token_at(doc, sp[0]), statements)))
    return add_referents(doc, out)


def _token_at(doc: Doc, char: int) -> Token:
    """The token covering character `char` (or the next one)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else doc[0]


class QuantitiesComponent:
    """Sets `doc._.sitrep_quantities`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_quantities = find_quantities(doc)
        return doc


@Language.factory(
    "sitrep_quantities",
    assigns=["doc._.sitrep_quantities"],
    requires=["doc._.sitrep_statements"],
    default_config={},
)
def make_quantities_component(nlp: Language, name: str) -> QuantitiesComponent:
    """Factory of the quantities component."""
    ensure_extensions()
    return QuantitiesComponent()
