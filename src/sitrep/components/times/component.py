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
from spacy.tokens import Doc

from ...extensions import ensure_extensions
from ...model import Time
from ...text import doc_text
from . import calendar as cal
from . import rules_days, rules_more, rules_units  # noqa: F401  (register the rest of the rules)
from .direction import make_direction
from .fallback import entity_candidates
from .fastre import lowered, may_match, scan_plan
from .generic import make_generic, make_habitual
from .rules import RULES, Cand, Ctx


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
    generic: Callable[[int, int], bool] | None = None,
    habitual: Callable[[int, int], bool] | None = None,
) -> list[Cand]:
    """Every rule match over the text (overlapping), negatives included."""
    ctx = Ctx(
        text,
        dct,
        direction,
        tag or (lambda i: ""),
        generic or (lambda s, e: False),
        habitual or (lambda s, e: False),
    )
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
    last_date: str | None = None  # the last calendar value named ("in 2008 ... Since then": 2008)
    for c in chosen:
        if c.anchor == "then":
            c.value = last_date
            continue
        if c.value and re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?|-Q\d|-W\d\d)?", c.value):
            last_date = c.value
        if c.anchor and c.anchor.startswith("year:"):
            if last_year:
                last_year += int(c.anchor[5:])
                c.value = f"{last_year:04d}"
            continue
        if c.value and re.match(r"\d{4}(?:$|-)", c.value):
            last_year = int(c.value[:4])
        if c.anchor and c.anchor.startswith("dom:") and last_day:
            c.value = _day_in_month_of(last_day, int(c.anchor[4:])) or c.value
        if c.anchor and c.anchor.startswith("wd:") and last_day and c.value:
            c.value = _weekday_from(last_day, c.anchor, c.value)
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


_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_STATED_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _clause_verb(doc: Doc, start: int, end: int) -> int | None:
    """Index of the verb governing the time at [start, end), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok.i
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _same_clause(doc: Doc, a: int | None, b: int | None) -> bool:
    """Both times hang on one verb, or on two verbs coordinated ("signed ..., and on May 3 awarded")."""
    if a is None or b is None:
        return False
    return (
        a == b
        or (doc[a].dep_ == "conj" and doc[a].head.i == b)
        or (doc[b].dep_ == "conj" and doc[b].head.i == a)
    )


def anchor_years(doc: Doc, chosen: list[Cand], text: str) -> None:
    """A month or month-day of a past clause without a year takes the year stated before it in the same
    clause ("In 2014, Russia annexed Crimea on March 18"); another clause's year does not carry over
    ("under a program approved in 1987, it had bought 481,000 shares through Sept. 29")."""
    stated: tuple[int, str, int | None] | None = None  # (end of the time stating it, the year, its verb)
    for c in chosen:
        if stated is not None and _SENTENCE_END.search(text, stated[0], c.start):
            stated = None
        if c.anchor == "in_year" and stated is not None and c.value and c.value[:4] != stated[1]:
            value = stated[1] + c.value[4:]
            if _same_clause(doc, stated[2], _clause_verb(doc, c.start, c.end)) and _valid(value):
                c.value = value
            continue
        year = _STATED_YEAR.search(text, c.start, c.end)
        if year and c.value and c.value.startswith(year.group(1)):
            stated = (c.end, year.group(1), _clause_verb(doc, c.start, c.end))


_MONTH_VALUE = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_MONTH_LINK = re.compile(r"\s*,?\s*(?:and|or|to|through|until|till|-|–)\s*")


def pair_months(chosen: list[Cand], text: str, dct: dt.date | None) -> None:
    """Two months without a year joined by "and", "or", "to" in calendar order ("in February and March",
    "between January and March") fall in one year: the one that is not the publication's, which the rolled
    month shows (past "February and March" in February 2023: 2022-02 and 2022-03, not 2023-02 and 2022-03)."""
    if dct is None:
        return
    for a, b in zip(chosen, chosen[1:], strict=False):
        if not (a.value and b.value and _MONTH_VALUE.fullmatch(a.value) and _MONTH_VALUE.fullmatch(b.value)):
            continue
        if re.search(r"\d", a.surface + b.surface) or not _MONTH_LINK.fullmatch(text[a.end : b.start]):
            continue
        ya, yb = int(a.value[:4]), int(b.value[:4])
        if a.value[5:] < b.value[5:] and ya != yb and dct.year in (ya, yb):
            year = yb if ya == dct.year else ya
            a.value, b.value = f"{year:04d}{a.value[4:]}", f"{year:04d}{b.value[4:]}"


_DEICTIC_REF = {"yesterday": "PAST_REF", "today": "PRESENT_REF", "tomorrow": "FUTURE_REF"}
_DEICTIC_PAIR = re.compile(r"\s*,?\s*(?:and|or|&)\s*(?:the\s+day\s+after\s+)?")


def contrast_deictics(doc: Doc, chosen: list[Cand], text: str) -> None:
    """ "Ukraine today may be East Asia tomorrow", "we need it yesterday, not tomorrow, not today": two of
    yesterday / today / tomorrow set against each other in one sentence stand for past, present and future
    (PAST_REF, PRESENT_REF, FUTURE_REF) when one verb governs both; joined by "and" / "or" ("today and
    tomorrow") or each on its own verb ("arrived yesterday and will leave tomorrow") they stay the days."""
    bare = [c for c in chosen if c.surface in _DEICTIC_REF]
    for a, b in zip(bare, bare[1:], strict=False):
        if a.surface == b.surface or _SENTENCE_END.search(text, a.end, b.start):
            continue
        if _DEICTIC_PAIR.fullmatch(text[a.end : b.start]):
            continue
        verb = _clause_verb(doc, a.start, a.end)
        if verb is None or verb != _clause_verb(doc, b.start, b.end):
            continue
        for c in (a, b):
            c.type, c.value = "date", _DEICTIC_REF[c.surface]


def _valid(value: str) -> bool:
    """False for a day that does not exist (February 29 of a common year)."""
    if len(value) != 10:
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _day_in_month_of(last_day: str, dd: int) -> str | None:
    """ "on May 2 ... on the 4th": day `dd` of the month of the last day named."""
    try:
        return cal.day(dt.date(int(last_day[:4]), int(last_day[5:7]), dd))
    except ValueError:
        return None


def _weekday_from(last_day: str, anchor: str, value: str) -> str:
    """ "the previous Friday" after a day named before: the Friday before that day (keeps a "T..." part)."""
    try:
        base = dt.date.fromisoformat(last_day)
    except ValueError:
        return value
    found = cal.weekday_date(base, int(anchor[4:]), "past" if anchor[3] == "-" else "future", strict=True)
    return cal.day(found) + value[10:]


def find_times(doc: Doc) -> list[Time]:
    """Dates, times, durations and sets normalized TIMEX3-style against the publication date."""
    meta = doc._.sitrep_meta or {}
    dct = meta.get("published")
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    text = doc_text(doc)
    direction = make_direction(doc)
    chosen = select(candidates(text, dct, direction, make_tagger(doc), make_generic(doc), make_habitual(doc)))
    extra = entity_candidates(doc, chosen, dct, direction)
    if extra:
        chosen = sorted(chosen + select(extra), key=lambda c: c.start)
    for c in chosen:
        c.surface = text[c.start : c.end].lower()
    resolve_anchors(chosen)
    chosen = [c for c in chosen if c.anchor != "then" or c.value]  # "since then" with nothing named before
    anchor_years(doc, chosen, text)
    pair_months(chosen, text, dct)
    contrast_deictics(doc, chosen, text)
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
