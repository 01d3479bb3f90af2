"""What a count counts: the subject noun phrase after a number, its unit and currency."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...numbers import QUOTES, Amount
from .lexicon import currencies, is_nationality, lemma, tally_verbs, unit_lexicon, unit_names
from .scan import is_currency_code, is_time_noun

NOUNISH = {"NOUN", "PROPN"}
MODIFIERS = {"ADJ", "NOUN", "PROPN", "VERB"}
MEASURES = {"distance", "area", "weight", "volume", "power"}
SQUARE = {"kilometer": "km2", "kilometre": "km2", "km": "km2", "mile": "sq mi", "meter": "m2", "metre": "m2"}


@dataclass
class Counted:
    """The noun phrase a count counts."""

    head: Token | None
    span: Span | None  # subject words, without determiners
    unit: str
    currency: str | None
    measure: str | None = None  # the unit name of a measure ("km", "miles", "tonnes")
    tally: bool = False  # read from "the number/toll of X" in the clause's subject


def _money(doc: Doc, i: int, sent_end: int, currency: str | None) -> Counted:
    """A sum of money and what it is for: '$1.5 billion in military aid'."""
    if i + 1 < sent_end and doc[i].lower_ in ("in", "of", "worth"):
        k = i + 1 + (doc[i + 1].lower_ == "of")
        while k < sent_end and doc[k].pos_ == "DET":
            k += 1
        e = _run_end(doc, k, sent_end)
        if e > k:
            return Counted(doc[e - 1], doc[k:e], "money", currency)
    return Counted(None, None, "money", currency)


def _run_end(doc: Doc, i: int, limit: int) -> int:
    """End of a run of modifier and noun tokens from i (allowing 'Army, Navy and Air Force troops')."""
    j = i
    while j < limit:
        t = doc[j]
        if t.ent_type_ in ("DATE", "TIME") and not is_nationality(t):
            break
        if (
            t.pos_ in MODIFIERS
            and t.tag_ not in ("VBD", "VBZ", "VBP", "MD")
            and not (t.pos_ == "VERB" and t.tag_ != "VBN" and t.tag_ != "VBG")
            and t.lower_ not in ("of", "and", "or")
        ):
            if t.pos_ == "VERB" and (t.tag_ != "VBN" or not (j + 1 < limit and doc[j + 1].pos_ in NOUNISH)):
                break
            j += 1
        elif t.text in ("-", "–") and j > i and j + 1 < limit and not t.whitespace_:
            j += 1
        elif t.pos_ == "NUM" and any(c.isalpha() for c in t.text):
            j += 1  # "T-72 tanks"
        elif (
            t.pos_ == "ADV"
            and t.lower_.endswith("ly")
            and j + 2 < limit
            and doc[j + 1].pos_ in ("ADJ", "VERB")
            and doc[j + 2].pos_ in NOUNISH
        ):
            j += 1  # "nine million newly displaced people"
        elif t.text in QUOTES and j > i and j + 1 < limit and doc[j + 1].pos_ in MODIFIERS:
            j += 1  # 'the seven largest "advanced" economies'
        elif (
            t.text in (",", "and")
            and j > i
            and all(x.pos_ == "PROPN" or x.text in (",", "and") for x in doc[i:j])
            and j + 1 < limit
            and doc[j + 1].pos_ == "PROPN"
        ):
            j += 1
        else:
            break
    # end on a noun
    while (
        j > i
        and doc[j - 1].pos_ not in NOUNISH
        and not (j - 1 == i and doc[j - 1].pos_ == "ADJ" and lemma(doc[j - 1]) in unit_lexicon())
    ):
        j -= 1
    return j


_COUNTED_UNITS = frozenset(
    {"people", "vehicles", "aircraft", "vessels", "weapons", "buildings", "settlements"}
)


def _compound_count(doc: Doc, a: Amount, i: int, sent_end: int) -> Counted | None:
    """A count inside a compound modifier: 'a 40-vehicle convoy', 'a 12-tank column' (what the noun
    names), 'a 3,000-strong force' (the noun after 'strong'), 'a 10-point lead'."""
    if not (i + 1 < sent_end and doc[i].text in ("-", "–") and not doc[a.end - 1].whitespace_):
        return None
    word = doc[i + 1]
    if word.lower_ == "strong" and a.low is not None and a.low == a.high and a.low >= 2:
        e = _run_end(doc, i + 2, sent_end)
        head = doc[e - 1] if e > i + 2 else None
        unit = unit_lexicon().get(lemma(head)) if head is not None else None
        return Counted(head, doc[i + 2 : e] if head is not None else None, unit or "people", None)
    if word.lower_ == "point" and i + 2 < sent_end and doc[i + 2].pos_ == "NOUN":
        return Counted(word, doc[i + 1 : i + 2], "count", None)  # "a 10-point lead", "a 12-point plan"
    unit = unit_lexicon().get(lemma(word)) or unit_lexicon().get(word.lower_)
    if unit in _COUNTED_UNITS and not is_time_noun(word):
        return Counted(word, doc[i + 1 : i + 2], unit, None)
    return None


def find_counted(doc: Doc, a: Amount) -> Counted:
    """The subject noun phrase after an amount ('40,000 Ukrainian civilians', 'thousands of troops')."""
    n = len(doc)
    sent_end = doc[a.end - 1].sent.end if a.end > 0 else n
    i = a.end
    currency = None
    before = doc[a.start - 1] if a.start > 0 else None
    sign = doc[a.core_start - 1] if a.core_start > a.start else None  # "about $1.5 billion"
    for t in (doc[a.start], before, sign):
        if t is not None and t.text.lower() in currencies() and (not t.is_alpha or is_currency_code(t)):
            currency = currencies()[t.text.lower()]
    while i < sent_end and doc[i].text in QUOTES:
        i += 1
    if a.unit == "times":
        return Counted(None, None, "times", None)
    if i + 1 < sent_end and doc[i].text in ("-", "–") and doc[i + 1].lower_ in ("percent", "pct"):
        i += 1  # "a 20-percent rise"
    if a.unit == "percent" or (i < sent_end and doc[i].lower_ in ("%", "percent", "pct", "per")):
        j = i + (2 if doc[i].lower_ == "per" and i + 1 < sent_end and doc[i + 1].lower_ == "cent" else 1)
        j = i if a.unit == "percent" else j
        if j < sent_end and doc[j].lower_ == "of":
            k = j + 1
            while (
                k < sent_end and doc[k].pos_ in ("DET", "PRON") and doc[k].lower_ not in ("them", "us", "it")
            ):
                k += 1
            poss = [t for t in doc[k : min(k + 4, sent_end)] if t.tag_ == "POS"]
            if poss:
                k = poss[0].i + 1
            e = _run_end(doc, k, sent_end)
            return Counted(doc[e - 1] if e > k else None, doc[k:e] if e > k else None, "percent", None)
        return Counted(None, None, "percent", None)
    if i + 1 < sent_end and doc[i].text in ("-", "–") and lemma(doc[i + 1]) in unit_names():
        e = _run_end(doc, i + 2, sent_end)  # "a 600-mile border": the measure, then what it measures
        kind = unit_lexicon()[lemma(doc[i + 1])]
        span = doc[i + 2 : e] if e > i + 2 else None
        return Counted(doc[e - 1] if span else None, span, kind, None, unit_names()[lemma(doc[i + 1])])
    compound = _compound_count(doc, a, i, sent_end)
    if compound is not None:
        return compound
    partitive = False
    if i < sent_end and doc[i].lower_ == "of":
        partitive = True
        i += 1
        while i < sent_end and (doc[i].pos_ in ("DET", "NUM") or doc[i].tag_ == "PRP$"):
            i += 1
        poss = [t for t in doc[i : min(i + 4, sent_end)] if t.tag_ == "POS"]
        if poss:
            i = poss[0].i + 1  # "eight of Saddam Hussein's palaces"
    start = i
    end = _run_end(doc, i, sent_end)
    if end <= start:
        if currency:
            return _money(doc, start, sent_end, currency)
        return Counted(None, None, "count", None)
    if end - start > 1 and lemma(doc[start]) in currencies() and doc[start].is_alpha:
        # "a fifty million dollar campus": a price of something
        currency = currencies()[lemma(doc[start])]
        return Counted(doc[end - 1], doc[start + 1 : end], "money", currency)
    head = doc[end - 1]
    pound_of = lemma(head) == "pound" and end < sent_end and doc[end].lower_ == "of"
    # money: "$1.5 billion in aid", "40 million euros in loans"
    head_lemma = lemma(head)
    unit = unit_lexicon().get(head_lemma) or unit_lexicon().get(head.lower_)
    if head.lower_ in currencies() or head_lemma in currencies():
        currency = currencies().get(head.lower_) or currencies().get(head_lemma)
        unit = "money"
    if pound_of:
        unit, currency = "weight", None
    if unit == "money" or (currency and unit is None):
        return _money(doc, end if unit == "money" else start, sent_end, currency)
    measure = unit_names().get(head_lemma)
    if head_lemma in SQUARE and doc[start].lower_ in ("square", "sq", "sq."):
        unit, measure = "area", SQUARE[head_lemma]
    if unit is None:
        unit = next(
            (
                unit_lexicon()[lemma(t)]
                for t in reversed(doc[start : end - 1])
                if lemma(t) in unit_lexicon()
                and unit_lexicon()[lemma(t)] in ("vehicles", "aircraft", "vessels", "weapons")
            ),
            None,
        )
    if unit is None:
        if head.ent_type_ in ("NORP", "PERSON") or (
            head.text[:1].isupper() and head.text[1:].islower() and head.tag_ in ("NNPS", "NNS")
        ):
            unit = "people"
        else:
            unit = "count"
    if unit in MEASURES:
        if pound_of:
            measure = "lb"
        if end + 1 < sent_end and doc[end].lower_ == "of":
            k = end + 1
            while k < sent_end and doc[k].pos_ == "DET":
                k += 1
            e = _run_end(doc, k, sent_end)
            if e > k:
                return Counted(doc[e - 1], doc[k:e], unit, None, measure)
        return Counted(None, None, unit, None, measure)
    if head.pos_ == "ADJ" and end - start == 1:
        return Counted(head, None, unit, currency)  # "19 dead", "40 injured": no noun to name
    span_end = end
    # an "of"-PP after a people head: "residents of Kherson", "members of the Wagner group"
    if unit == "people" and not partitive and end + 1 < sent_end and doc[end].lower_ == "of":
        k = end + 1
        while k < sent_end and doc[k].pos_ == "DET":
            k += 1
        e = _run_end(doc, k, sent_end)
        if e > k and not any(is_time_noun(t) for t in doc[k:e]):
            span_end = e
    return Counted(head, doc[start:span_end], unit, currency)


TALLY_NOUNS = {"number", "toll", "tally", "count", "total", "figure"}
_CLIMB = {"dobj", "attr", "pobj", "prep", "npadvmod", "nummod", "appos", "oprd"}


def tally_subject(doc: Doc, a: Amount) -> Counted | None:
    """What a figure with no noun after it counts, from the clause's subject: 'the number of people
    forced from their homes rose to 120 million' (people), 'Russian losses reached 473 400' (losses)."""
    x = doc[a.end - 1]
    for _ in range(4):
        if x.dep_ not in _CLIMB or x.head.i == x.i:
            break
        x = x.head
        if x.pos_ in ("VERB", "AUX"):
            break
    if x.pos_ not in ("VERB", "AUX") or x.lemma_.lower() not in tally_verbs():
        return None
    subj = next((c for c in x.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN":
        return None  # "Sudan accounted for nine million": a place or a name is not what is counted
    head = subj
    if lemma(subj) in TALLY_NOUNS:
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None or pobj.pos_ not in NOUNISH:
            return None
        head = pobj
    start = head.left_edge.i
    while start < head.i and (doc[start].pos_ in ("DET", "PRON", "PART") or doc[start].tag_ == "POS"):
        start += 1
    unit = unit_lexicon().get(lemma(head)) or ("people" if head.ent_type_ == "NORP" else "count")
    if unit in MEASURES or unit in ("money", "percent"):
        return None
    return Counted(head, doc[start : head.i + 1], unit, None, tally=head is not subj)
