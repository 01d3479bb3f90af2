"""Find number expressions in a Doc and drop those that are not counts (years, dates, models, ages)."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ...numbers import DATA, QUOTES, Amount, may_start_amount, number_words, read_amount
from ...numbers_ratios import time_words
from ...text import doc_text
from ..shared.spans import SpanCover
from .ratios import VERB_FORMS, glued_scale, multiplier_verb, share_misread, split_change
from .votes import vote_side

MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "jan.",
    "feb",
    "feb.",
    "mar.",
    "apr",
    "apr.",
    "jun.",
    "jul.",
    "aug",
    "aug.",
    "sep",
    "sep.",
    "sept",
    "sept.",
    "oct",
    "oct.",
    "nov",
    "nov.",
    "dec",
    "dec.",
}
CALIBRES = frozenset({"mm", "millimetre", "millimeter", "-mm", "cal", "calibre", "caliber"})
STREET_WORDS = {"st.", "st", "street", "ave.", "ave", "avenue", "road", "rd.", "blvd.", "boulevard", "lane"}
CURRENCY_SIGNS = {"$", "€", "£", "¥", "US$"}
NAME_ENTS = {"ORG", "WORK_OF_ART", "EVENT", "FAC", "LAW", "PRODUCT"}
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}\b")
_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")
_DOT_CLOCK = re.compile(r"^(?:[01]?\d|2[0-3])\.[0-5]\d$")  # "9.30 am"; "1.87 million" is no time
_WORD_HEAD = re.compile(r"[a-z'.]+")
_CLOCK_AFTER = frozenset({"am", "pm", "a.m.", "p.m.", "gmt", "utc", "hrs", "local"})


@lru_cache(maxsize=1)
def count_nouns() -> frozenset[str]:
    """Lemmas of nouns that are counted (the first column of quantities_units.tsv)."""
    lines = (DATA / "quantities_units.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(x.split("\t")[0] for x in lines if x.strip() and not x.startswith("#"))


def is_time_noun(tok: Token) -> bool:
    """True when the token names a unit of time ('weeks', 'day', 'p.m.')."""
    text = _WORD_HEAD.match(tok.text.lower())
    word = text.group() if text else tok.text.lower()  # "years;Relations": a sentence end glued on
    return tok.lemma_.lower() in time_words() or word in time_words() or word.rstrip("s") in time_words()


def is_currency_code(tok: Token) -> bool:
    """'EUR', 'PLN' before a sum: a currency, not a label."""
    return len(tok.text) == 3 and tok.text.isupper() and tok.lower_ in currency_codes()


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """Lower-cased three-letter currency codes of quantities_currencies.tsv."""
    lines = (DATA / "quantities_currencies.tsv").read_text(encoding="utf-8").splitlines()
    rows = [x.split("\t") for x in lines if x.strip() and not x.startswith("#")]
    return frozenset(r[0] for r in rows if len(r) > 1 and r[0].upper() == r[1].strip())


def _next_word(doc: Doc, i: int) -> Token | None:
    while i < len(doc) and doc[i].text in QUOTES:
        i += 1
    return doc[i] if i < len(doc) else None


def _is_year(tok: Token) -> bool:
    return bool(re.fullmatch(r"1[5-9]\d\d|20\d\d|\d0s|1[5-9]\d0s|20\d0s", tok.text))


def _phone_chars(doc: Doc) -> list[tuple[int, int]]:
    return [m.span() for m in _PHONE.finditer(doc_text(doc))]


def _name_ents(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the entities whose numbers are part of a name (ORG, EVENT, LAW, ...)."""
    return [(e.start, e.end) for e in doc.ents if e.label_ in NAME_ENTS]


def _made_in(doc: Doc, tok: Token) -> bool:
    """True for an acronym that starts a compound adjective: 'three US-made launchers', 'UK-led'."""
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].text[:1].islower()


def _counts_plural(doc: Doc, i: int) -> bool:
    """True when a plural counted noun follows at doc[i] (past up to two modifiers): 'Two Russian Jets'."""
    nouns = count_nouns()
    for t in doc[i : min(i + 3, len(doc))]:
        if t.tag_ in ("NNS", "NNPS") and {t.lower_, t.lower_[:-1], t.lemma_.lower()} & nouns:
            return True
        if t.pos_ not in ("ADJ", "PROPN") and t.ent_type_ != "NORP":
            return False
    return False


_AGE_BOUNDS = frozenset({"over", "under", "above", "below"})


def _age_bracket(doc: Doc, a: Amount, after: Token | None) -> bool:
    """True for an age bracket after a people word: 'those over 65', 'voters under 30'."""
    if a.core_start - a.start != 1 or doc[a.start].lower_ not in _AGE_BOUNDS or a.start == 0:
        return False
    value = a.low if a.low is not None else a.high
    if not isinstance(value, int) or not 12 <= value <= 99:
        return False
    if after is not None and (after.pos_ in ("NOUN", "PROPN") or after.lower_ in ("%", "percent", "per")):
        return False
    people = doc[a.start - 1]
    return people.lower_ in ("those", "anyone", "everyone") or (
        people.tag_ in ("NNS", "NNPS") and people.lemma_.lower() not in ("loss", "casualty", "death")
    )


def _rejected(
    doc: Doc,
    a: Amount,
    time_spans: SpanCover,
    phones: SpanCover,
    names: list[tuple[int, int]] | None = None,
) -> bool:
    """True when the expression is a year, date, clock time, age, phone, model number or name part."""
    core = doc[a.core_start : a.end]
    first = doc[a.core_start]
    last = doc[a.end - 1]
    after = _next_word(doc, a.end)
    before = doc[a.start - 1] if a.start > 0 else None
    start_char, end_char = doc[a.start].idx, last.idx + len(last)
    words = [t.lower_ for t in core]
    if phones.overlaps(start_char, end_char):
        return True
    # model numbers and designations: "T-72", "Su-25", "M142", "Boeing 737", "Flight 17"
    if before is not None and before.text in {"-", "–"} and not before.whitespace_ and a.start >= 2:
        if doc[a.start - 2].text.isalpha() and doc[a.start - 2].text[:1].isupper():
            return True
    if after is not None and after.text in {"-"} and not last.whitespace_ and a.end + 1 < len(doc):
        nxt = doc[a.end + 1]
        if nxt.lower_ in ("year", "years"):
            return True  # "45-year-old"
    if (
        after is not None
        and after.text.isalpha()
        and after.text.isupper()
        and len(after.text) <= 3
        and not after.whitespace_
        and not _made_in(doc, after)
    ):
        return True
    if (
        before is not None
        and before.text[:1].isupper()
        and before.pos_ == "PROPN"
        and not before.is_sent_start
        and (after is None or after.lower_ not in ("%", "percent", "pct"))  # "Poroshenko 20%": a share
    ):
        # a label: "Boeing 737", "Resolution 2231"; keep "Russia 20,000 troops"-like cases with a noun after
        if a.start >= 2 and doc[a.start - 2].like_num and doc[a.start].pos_ == "NUM":
            return True  # "14 Leopard 2 tanks": the first number counts, the second names the model
        if (
            after is None
            or not (after.pos_ in ("NOUN", "ADJ") or after.ent_type_ == "NORP")
            or (after.tag_ == "NN" and after.lemma_.lower() in count_nouns())  # "Leopard 2 tank": a model
        ):
            if (
                before.ent_type_ not in ("GPE", "NORP")
                and doc[a.start].pos_ == "NUM"
                and not is_currency_code(before)
            ):
                return True
    if words == ["scores"] and (after is None or after.lower_ != "of"):
        return True  # "high scores on exams": not "scores of people"
    # clock times and dates
    if any(_CLOCK.match(w) for w in words):
        return True
    if any(_DOT_CLOCK.match(w) for w in words) and after is not None and after.lower_ in _CLOCK_AFTER:
        return True
    # two numbers back to back are a year or a code ("nineteen ninety-six"); "6-3" is a score; but
    # "20 120 mm mortars" is 20 of a calibre
    if after is not None and after.like_num and after.i == a.end:
        if not (after.i + 1 < len(doc) and doc[after.i + 1].lower_ in CALIBRES):
            return True
    if (
        after is not None
        and after.lower_ in CALIBRES
        and after.i + 1 < len(doc)
        and doc[after.i + 1].pos_ == "NOUN"
    ):
        return True  # "155 mm shells": a calibre names the weapon, it counts nothing
    if (
        after is not None
        and after.text in ("-", "–")
        and a.end + 2 < len(doc)
        and doc[a.end + 1].lower_ in CALIBRES
        and doc[a.end + 2].pos_ == "NOUN"
    ):
        return True  # "a 155-mm howitzer", as "155 mm shells"
    if (
        before is not None
        and before.like_num
        and not before.text.startswith("+")
        and before.i == a.start - 1
        and a.start == a.core_start
    ):
        return True
    if (
        before is not None
        and before.text in ("-", "–")
        and not before.whitespace_
        and a.start >= 2
        and doc[a.start - 2].like_num
        and vote_side(doc, a) is None  # "voted 366-9": the votes against
    ):
        return True
    # street addresses: "469 Vermont St."
    for t in doc[a.end : min(a.end + 4, len(doc))]:
        if t.lower_ in STREET_WORDS and t.i > a.end and doc[a.end].text[:1].isupper():
            return True
        if not (t.text[:1].isupper() or t.lower_ in STREET_WORDS):
            break
    if after is not None and (
        after.lower_ in MONTHS or after.lower_ in {"a.m.", "p.m.", "am", "pm", "gmt", "utc", "hrs", "hours"}
    ):
        if after.lower_ != "may" or after.pos_ == "PROPN":
            return True
    if before is not None and before.lower_ in MONTHS and (before.lower_ != "may" or before.pos_ == "PROPN"):
        return True
    if before is not None and before.lower_ in ("aged", "age", "ages"):
        return True
    if _age_bracket(doc, a, after):
        return True
    if before is not None and before.lower_ in ("and", "or", "to") and a.start >= 3:
        if doc[a.start - 3].lower_ in ("aged", "age", "ages") and doc[a.start - 2].like_num:
            return True  # "aged 23 and 36"
    if after is not None and is_time_noun(after):
        return True
    if (
        before is not None
        and len(core) == 1
        and is_time_noun(before)
        and not before.lower_.endswith("s")
        and (after is None or after.lower_ == "of" or after.is_punct)
    ):
        return True  # "on day 48 of the war", "in week 3,": a label, not a count
    if after is not None and after.lower_ in (
        "more",
        "additional",
        "further",
        "extra",
        "consecutive",
        "straight",
        "long",
        "full",
        "local",
    ):
        following = _next_word(doc, after.i + 1)
        if following is not None and is_time_noun(following):
            return True  # "20 more years", "three straight days"
    # a byline or apposition age: "Smith, 45, said"
    if (
        before is not None
        and before.text == ","
        and a.start >= 2
        and (doc[a.start - 2].ent_type_ == "PERSON" or doc[a.start - 2].pos_ == "PROPN")
        and after is not None
        and after.text in {",", "."}
        and len(core) == 1
    ):
        return True
    if len(core) == 1 and _is_year(first) and "," not in first.text:
        noun = after
        while noun is not None and noun.pos_ == "ADJ" and noun.i + 1 < len(doc):
            noun = doc[noun.i + 1]  # "1550 strategic nuclear heads": the noun after the adjectives
        if (
            noun is None
            or noun.lemma_.lower() not in count_nouns()
            and noun.lower_.rstrip("s") not in count_nouns()
            and not (noun.tag_ == "NNS" and noun is not after)
        ):
            return True  # "the 1978 resolution", "in 1991": a year unless it counts people or things
        if before is not None and before.lower_ in ("in", "since", "of", "by", "until", "the", "from", "to"):
            if not (before.lower_ == "of" and noun is not None and noun is not after and noun.tag_ == "NNS"):
                return True  # "a limit of 1550 strategic warheads" counts; "the war of 1812" does not
    # number words that belong to a name ("Group of Seven"), capitalized mid-sentence
    if (
        first.text[:1].isupper()
        and first.is_alpha
        and not first.is_sent_start
        and first.lower_ in number_words()
    ):
        if (before is None or before.text not in QUOTES) and (
            (before is not None and before.lower_ == "of") or not _counts_plural(doc, a.end)
        ):
            return True  # but a headline's "Says Two Russian Jets Downed" counts jets
    for s, e in names if names is not None else _name_ents(doc):
        if s <= first.i < e and s < first.i and not is_currency_code(doc[s]):
            return True
    # "one of the", "one day", "no one", pronoun "one"
    if (words in (["one"], ["a"]) or (len(core) == 1 and first.lower_ == "one")) and a.core_start == a.start:
        if (
            after is None
            or after.lower_
            in ("of", "another", "side", "way", "thing", "another's", "point", "hand", "more", "by")
            or after.pos_ not in ("NOUN", "ADJ", "PROPN")
        ):
            return True
        if before is not None and before.lower_ in (
            "no",
            "the",
            "any",
            "every",
            "each",
            "this",
            "that",
            "which",
        ):
            return True
        nouns = [t for t in doc[a.end : min(a.end + 4, len(doc))] if t.pos_ in ("NOUN", "PROPN")]
        if not nouns or (
            nouns[0].lemma_.lower() not in count_nouns() and nouns[0].lower_.rstrip("s") not in count_nouns()
        ):
            return True  # "one contrary view", "one major sticking point": not a count of people or things
    if time_spans.overlaps(start_char, end_char):
        if after is None or is_time_noun(after) or after.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return True
    return False


def find_amounts(doc: Doc) -> list[Amount]:
    """Every number expression in the Doc that reads as a count or measure, left to right."""
    words = [t.text for t in doc]
    times = SpanCover(tuple(t.span) for t in (doc._.sitrep_times or []))  # one overlap test per amount
    phones = SpanCover(_phone_chars(doc))
    names = _name_ents(doc)
    out: list[Amount] = []
    i = 0
    n = len(words)
    while i < n:
        if words[i].lower() in VERB_FORMS:
            verb = multiplier_verb(doc, i)
            if verb is not None:
                out.append(verb)
            i += 1
            continue
        if words[i] in QUOTES or not may_start_amount(words[i]):
            i += 1
            continue
        a = read_amount(words, i)
        if a is None:
            i += 1
            continue
        a = glued_scale(doc, a)
        if a.unit == "percent" and share_misread(doc, a):
            i = a.end
            continue
        parts = split_change(doc, words, a)
        if parts is not None:  # "grew from 60 to 71 percent": the figure before and the figure after
            out.extend(p for p in parts if not _rejected(doc, p, times, phones, names))
            i = parts[-1].end
            continue
        if _rejected(doc, a, times, phones, names):
            i = max(a.core_start, i) + 1 if a.core_start > i else a.end
            continue
        out.append(a)
        i = a.end
    return out


def amount_span(doc: Doc, a: Amount) -> Span:
    """The Doc span of an amount, without leading or trailing quote marks."""
    s, e = a.start, a.end
    while s < e - 1 and doc[s].text in QUOTES:
        s += 1
    if s > 0 and doc[s - 1].text in CURRENCY_SIGNS and not doc[s - 1].whitespace_:
        s -= 1
    while e > s + 1 and doc[e - 1].text in QUOTES:
        e -= 1
    if e < len(doc) and doc[e].lower_ in ("%", "percent", "pct") and doc[e - 1].like_num:
        e += 1  # "41 percent", "46%", "9.5 pct": the sign is part of the figure
    elif e + 1 < len(doc) and doc[e].text == "-" and doc[e + 1].lower_ == "percent" and doc[e - 1].like_num:
        e += 2  # "a 20-percent rise"
    elif e + 1 < len(doc) and doc[e].lower_ == "per" and doc[e + 1].lower_ == "cent":
        e += 2
    return doc[s:e]
