"""Shares and multipliers read from words: 'more than half', 'a third of', 'two-thirds', 'four out of
five', 'one in three' (as percentages) and 'twice', 'sevenfold', '30 times', '10-fold', 'a factor of
four' (as factors).

`numbers.read_amount` calls these where a number or a bound word stands; the vocabulary is
`data/quantities_ratios.tsv`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .numbers import _low, _num, _rows, is_figure, number_words, parse_numeral, read_number


@lru_cache(maxsize=1)
def ratio_words() -> dict[str, tuple[str, float]]:
    """word -> (kind, value) for shares ('third' -> share 3) and multipliers ('twice' -> multiplier 2)."""
    return {r[0]: (r[1], float(r[2])) for r in _rows("quantities_ratios.tsv")}


def _share(numerator: float, denominator: float) -> float | int:
    """A fraction as a percentage with one decimal: 1/3 -> 33.3."""
    return _num(round(numerator * 100 / denominator, 1))


def read_ratio(words: Sequence[str], i: int, bounded: bool) -> tuple[float | int, str, int] | None:
    """(value, unit, end) of a share or multiplier opening at words[i]: 'half of', 'a third of',
    'twice', 'sevenfold'. `bounded` says a bound word stands before ('more than half')."""
    ratios = ratio_words()
    w = _low(words, i)
    colon = _COLON.match(w)
    if colon and int(colon.group(1)) > int(colon.group(2)) > 0:  # "a 7:1 ratio": seven times
        return _num(round(int(colon.group(1)) / int(colon.group(2)), 1)), "times", i + 1
    kind, value = ratios.get(w, ("", 0.0))
    if kind == "multiplier":
        return _num(value), "times", i + 1
    m = _FOLD.match(w)
    if m:
        got = read_number([m.group(1)], 0)
        if got is not None and got[1] == 1:
            return got[0], "times", i + 1
    nxt = _low(words, i + 1)
    if w == "half" and (bounded or nxt in _SHARE_NEXT) and nxt not in ("a", "an"):
        return _share(1, 2), "percent", i + 1
    if w in ("a", "one") and ratios.get(nxt, ("", 0.0))[0] == "share" and _low(words, i + 2) == "of":
        return _share(1, ratios[nxt][1]), "percent", i + 2
    if w == "a" and nxt == "factor" and _low(words, i + 2) == "of":
        got = read_number(words, i + 3)
        if got is not None and got[0] > 1:
            return got[0], "times", got[1]  # "rose by a factor of four"
    return None


def after_core(words: Sequence[str], j: int, value: float | int) -> tuple[float | int, str, int] | None:
    """A unit the words after a number give it: '30 times', '10-fold', 'two-thirds', 'four out of five'."""
    ratios = ratio_words()
    k = j + (_low(words, j) in ("-", "–"))
    w = _low(words, k)
    kind, den = ratios.get(w, ("", 0.0))
    if kind in ("times", "fold"):
        return value, "times", k + 1
    if kind == "share" and 1 <= value < den and (w.endswith("s") or value == 1):
        return _share(float(value), den), "percent", k + 1
    if _low(words, j) == "out" and _low(words, j + 1) == "of":
        whole = parse_numeral(_low(words, j + 2)) or number_words().get(_low(words, j + 2), (0, ""))[0]
        if whole and 0 < value < whole <= 1000:
            return _share(float(value), float(whole)), "percent", j + 3
    if _low(words, j) == "in" and float(value).is_integer():
        m = j + 1 + (_low(words, j + 1) == "every")  # "one in every five"
        whole = parse_numeral(_low(words, m)) or number_words().get(_low(words, m), (0, ""))[0]
        after = _low(words, m + 1)  # "lost 4 in 12 days": a count and a duration, no share
        if whole and 0 < value < whole <= 100 and (value == 1 or after.rstrip("s") not in time_words()):
            return _share(float(value), float(whole)), "percent", m + 1  # "one in five", "2 in 3"
    return None


@lru_cache(maxsize=1)
def time_words() -> frozenset[str]:
    """Nouns after which a number is a time or a duration (data/quantities_timewords.tsv)."""
    return frozenset(r[0].strip() for r in _rows("quantities_timewords.tsv"))


def and_a_half(words: Sequence[str], got: tuple[float | int, int] | None) -> tuple[float | int, int] | None:
    """A number read up to `got` with a trailing 'and a half': 'two and a half million' (2,500,000),
    'a million and a half' (1,500,000); else `got` as it is."""
    if got is None or [_low(words, k) for k in range(got[1], got[1] + 3)] != ["and", "a", "half"]:
        return got
    value, j = got
    vocab = number_words()
    if vocab.get(_low(words, j - 1), (0, ""))[1] == "scale" and value >= 1000:
        scale = vocab[_low(words, j - 1)][0]
        half = value + scale / 2  # "a million and a half"
        return (_num(half), j + 3) if is_figure(half) else got
    k, scale = j + 3, 1.0
    while vocab.get(_low(words, k), (0, ""))[1] == "scale" and _low(words, k) != "score":
        scale, k = scale * vocab[_low(words, k)][0], k + 1
    if scale >= 1000 and value < 1000:  # "two and a half million"
        total = (value + 0.5) * scale
        return (_num(total), k) if is_figure(total) else got
    return got


_FOLD = re.compile(r"^([a-z]+|\d+)-?fold$")
_COLON = re.compile(r"^(\d{1,3}):(\d)$")  # "7:1", "10:1"; not a clock ("7:15")
_SHARE_NEXT = frozenset(
    {"of", "the", "its", "their", "his", "her", "our", "all", "that", "this", "those", "these"}
)
