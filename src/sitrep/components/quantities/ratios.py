"""Number expressions the word reader cannot see alone: multiplier verbs ('doubled'), scale letters
written onto a numeral ('£221m'), shares that are really ordinals or times ('the first half of
2022'), and changes read as two figures ('grew from 60 to 71 percent')."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from ...numbers import Amount, number_words, read_amount
from ...numbers_ratios import ratio_words
from .lexicon import change_verbs

_PARTICLES = {"down", "up", "back", "over", "out"}


def _forms(verb: str) -> set[str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    return {verb, f"{verb}s", f"{stem}ed", f"{stem}ing"}


VERB_FORMS = frozenset(f for w, (kind, _) in ratio_words().items() if kind == "verb" for f in _forms(w))
_ORDINALS = {"first", "second", "third", "fourth", "last", "latter", "former", "other", "next", "final"}


def multiplier_verb(doc: Doc, i: int) -> Amount | None:
    """'doubled', 'tripled', 'to double the army': a factor the verb states (not 'doubled down')."""
    tok = doc[i]
    kind, value = ratio_words().get(tok.lemma_.lower(), ("", 0.0))
    if kind != "verb" or tok.pos_ != "VERB" or (tok.tag_ == "VBG" and tok.dep_ == "amod"):
        return None
    if i + 1 < len(doc) and doc[i + 1].lower_ in _PARTICLES:
        return None
    if any(c.dep_ == "prt" for c in tok.children):
        return None
    v = int(value) if float(value).is_integer() else value
    return Amount(i, i + 1, v, v, "exact", False, (), i, (tok.text,), "times")


def glued_scale(doc: Doc, a: Amount) -> Amount:
    """'£221m', '$1.2 bn' split by the tokenizer: a scale letter right after the numeral multiplies it."""
    if a.end >= len(doc) or a.vague or a.unit is not None:
        return a
    last, nxt = doc[a.end - 1], doc[a.end]
    scale = number_words().get(nxt.lower_)
    if scale is None or scale[1] != "suffix" or last.whitespace_ or not last.like_num:
        return a
    if nxt.i + 1 < len(doc) and nxt.whitespace_ == "" and doc[nxt.i + 1].is_alpha:
        return a

    def times(x: float | int | None) -> float | int | None:
        if x is None:
            return None
        v = x * scale[0]
        return int(v) if float(v).is_integer() else v

    return dataclasses.replace(a, end=a.end + 1, low=times(a.low), high=times(a.high))


def share_misread(doc: Doc, a: Amount) -> bool:
    """True for a share word that is an ordinal part or a time: 'the first half of 2022', 'half an hour'."""
    before = doc[a.core_start - 1] if a.core_start > 0 else None
    if before is not None and before.lower_ in _ORDINALS:
        return True
    k = a.end
    while k < len(doc) and (doc[k].lower_ == "of" or doc[k].pos_ == "DET" or doc[k].tag_ == "PRP$"):
        k += 1
    if k < len(doc):
        nxt = doc[k]
        counted = k + 1 < len(doc) and doc[k + 1].tag_ == "NNS"  # "half of the 43 heads of state"
        if nxt.ent_type_ in ("DATE", "TIME") and not counted or nxt.like_num and not counted:
            return True
    return False


def split_change(doc: Doc, words: Sequence[str], a: Amount) -> list[Amount] | None:
    """'rose from 60 to 71 percent': after a verb of change, a from-to range is two figures."""
    if a.qualifier != "range" or a.start < 1 or doc[a.start].lower_ != "from" or a.vague:
        return None
    verb = doc[a.start - 1]
    if verb.lemma_.lower() not in change_verbs() and doc[a.start].head.lemma_.lower() not in change_verbs():
        return None
    first = read_amount(words, a.start + 1, ranges=False)
    if first is None or first.end >= a.end:
        return None
    k = first.end
    while k < a.end and doc[k].lower_ in ("to", "-", "–", "—", "%", "percent"):
        k += 1
    second = read_amount(words, k, ranges=False)
    if second is None:
        return None
    pct = second.end < len(doc) and doc[second.end].lower_ in ("%", "percent")
    if pct and first.unit is None and doc[first.end].lower_ not in ("%", "percent"):
        first = dataclasses.replace(first, unit="percent")
    return [first, second]
